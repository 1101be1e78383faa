import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { adapterById, Corpus, detectAdapter, ingestSource } from '../../src/ingest/index.js';
import { expandInputs, NON_DATA_EXTENSIONS, openText, type InputFile, type SkippedInput } from '../../src/io/read-inputs.js';
import { ArchiveError, DEFAULT_ZIP_LIMITS, expandZip, type ZipLimits } from '../../src/io/zip.js';
import { DEFAULT_OPTIONS } from '../ingest/helpers.js';
import { buildZip, type ZipEntrySpec } from './build-zip.js';

const X_ARCHIVE = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../fixtures/ingest/x-archive/data');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'si-zip-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
async function zipFile(entries: ZipEntrySpec[] | Buffer, name = `a${++counter}.zip`): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, Buffer.isBuffer(entries) ? entries : buildZip(entries));
  return file;
}

async function expand(file: string, limits?: ZipLimits): Promise<{ inputs: InputFile[]; skipped: SkippedInput[] }> {
  const skipped: SkippedInput[] = [];
  const inputs = await expandZip(file, { explicit: true, skipped, ignoredExtensions: NON_DATA_EXTENSIONS, ...(limits ? { limits } : {}) });
  return { inputs, skipped };
}

async function text(input: InputFile): Promise<string> {
  const source = await openText(input);
  let out = '';
  for await (const chunk of source.chunks) out += chunk;
  return out;
}

async function refusal(promise: Promise<unknown>): Promise<ArchiveError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ArchiveError);
  expect(error).toBeInstanceOf(UsageError);
  return error as ArchiveError;
}

async function xArchiveZip(): Promise<string> {
  const entries: ZipEntrySpec[] = [
    { name: 'Your archive.html', data: '<html><body>archive</body></html>' },
    { name: 'assets/images/logo.png', data: 'PNG' },
  ];
  for (const name of (await readdir(X_ARCHIVE)).sort()) entries.push({ name: `data/${name}`, data: await readFile(path.join(X_ARCHIVE, name)) });
  return zipFile(entries, 'x-archive.zip');
}

describe('a zip as input', () => {
  it('lists entries as archive.zip!path with their folder siblings, media and docs left out', async () => {
    const file = await xArchiveZip();
    const { inputs, skipped } = await expand(file);
    expect(inputs.map((i) => i.name)).toEqual([
      `${file}!Your archive.html`,
      `${file}!data/account.js`,
      `${file}!data/deleted-tweets.js`,
      `${file}!data/manifest.js`,
      `${file}!data/tweets.js`,
    ]);
    expect(skipped).toEqual([]);
    const tweets = inputs.find((i) => i.name.endsWith('!data/tweets.js'))!;
    expect(tweets.siblings).toEqual(['account.js', 'deleted-tweets.js', 'manifest.js']);
    expect(tweets.explicit).toBe(false);
    expect(tweets.openSibling('account.js')?.name).toBe(`${file}!data/account.js`);
    // Only names of the same folder inside the archive open: no climbing out.
    expect(tweets.openSibling('../Your archive.html')).toBeUndefined();
    expect(tweets.openSibling('Your archive.html')).toBeUndefined();
    expect(await text(tweets)).toBe(await readFile(path.join(X_ARCHIVE, 'tweets.js'), 'utf8'));
  });

  it('reads an X archive straight from the zip, with account.js and deleted-tweets.js beside tweets.js', async () => {
    const file = await xArchiveZip();
    const [tweets] = (await expand(file)).inputs.filter((i) => i.name.endsWith('tweets.js') && !i.name.includes('deleted'));
    const source = await openText(tweets!);
    expect(detectAdapter({ name: source.name, head: source.head })?.adapter.id).toBe('x-archive');
    const corpus = new Corpus();
    const summary = await ingestSource(corpus, source, adapterById('x-archive')!, DEFAULT_OPTIONS);
    expect(summary.path).toBe(`${file}!data/tweets.js`);
    expect(summary.channel).toBe('AguaClaraAyuda');
    const posts = Array.from({ length: corpus.table.length }, (_, i) => corpus.table.get(i));
    expect(posts.filter((p) => p.deleted).map((p) => p.id)).toEqual(['2111005475998568448']);
    expect(posts.every((p) => p.source.file === `${file}!data/tweets.js`)).toBe(true);
  });

  it('expands a zip named on the command line and one found in a folder, and reads entries in memory only', async () => {
    const folder = await mkdtemp(path.join(dir, 'walk-'));
    await writeFile(path.join(folder, 'inner.zip'), buildZip([{ name: 'hilos.csv', data: 'id,author,created_at,text\n1,ana,2026-01-01T10:00:00Z,hola\n' }]));
    await writeFile(path.join(folder, 'broken.zip'), Buffer.from('PK\x03\x04 not really a zip'));
    const skipped: SkippedInput[] = [];
    const inputs = await expandInputs([folder], async function* () {}, skipped);
    expect(inputs.map((i) => path.basename(i.name))).toEqual(['inner.zip!hilos.csv']);
    // A broken archive found by walking a folder is a warning, as any stray file is.
    expect(skipped).toEqual([
      { input: path.join(folder, 'broken.zip'), code: 'unreadable-archive', message: expect.stringMatching(/truncated or corrupt.*archive skipped/) },
    ]);
    // Nothing was unpacked beside the archive.
    expect((await readdir(folder)).sort()).toEqual(['broken.zip', 'inner.zip']);
    // The only data file of an archive the user named is explicit, as the archive is.
    const named = await expandInputs([path.join(folder, 'inner.zip')], async function* () {});
    expect(named.map((i) => i.explicit)).toEqual([true]);
  });

  it('says an archive with no data files holds none', async () => {
    const file = await zipFile([
      { name: 'fotos/', data: '' },
      { name: 'fotos/a.jpg', data: 'JPEG' },
      { name: '__MACOSX/._x.csv', data: 'x' },
    ]);
    await expect(expandInputs([file], async function* () {})).rejects.toThrow(/input archive .* holds no data files/);
  });
});

describe('hostile and broken zips', () => {
  it('refuses an entry named ../evil, with a backslash, or as an absolute path', async () => {
    for (const name of ['../evil.csv', 'data/../../evil.csv', '..\\evil.csv', '/etc/passwd', 'C:/Windows/evil.csv']) {
      const file = await zipFile([
        { name: 'ok.csv', data: 'a' },
        { name, data: 'owned' },
      ]);
      const error = await refusal(expand(file));
      expect(error.message).toMatch(/^.*\.zip: refused: entry ".*" names a place outside the archive/);
    }
  });

  it('never follows a symbolic-link entry, and says so', async () => {
    const file = await zipFile([
      { name: 'link.csv', data: '/etc/passwd', mode: 0o120777 },
      { name: 'real.csv', data: 'id,author,created_at,text\n' },
    ]);
    const { inputs, skipped } = await expand(file);
    expect(inputs.map((i) => path.basename(i.name))).toEqual([`${path.basename(file)}!real.csv`]);
    expect(inputs[0]!.siblings).toEqual([]);
    expect(skipped).toMatchObject([{ input: `${file}!link.csv`, code: 'symlink-skipped', message: 'a symbolic link inside an archive is not followed' }]);
  });

  it('refuses a zip bomb by its compression ratio before inflating anything', async () => {
    const zeros = new Uint8Array(32 * 1024 * 1024);
    const file = await zipFile([{ name: 'bomb.csv', data: zeros }]);
    expect((await readFile(file)).length).toBeLessThan(64 * 1024);
    const error = await refusal(expand(file));
    expect(error.reason).toMatch(/entry "bomb.csv" would inflate \d+ times \(over 200\): a zip bomb/);
  });

  it('refuses many small entries that together inflate past the ratio', async () => {
    const piece = new Uint8Array(512 * 1024);
    const file = await zipFile(Array.from({ length: 20 }, (_, k) => ({ name: `part${k}.csv`, data: piece })));
    const error = await refusal(expand(file, { ...DEFAULT_ZIP_LIMITS, archiveRatioFloorBytes: 1024 * 1024 }));
    expect(error.reason).toMatch(/its entries would inflate \d+ times the archive's size \(over 200\): a zip bomb/);
  });

  it('refuses an archive whose entries add up past the size cap, and one with too many entries', async () => {
    const limits = { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 1000 };
    const big = await zipFile([
      { name: 'a.csv', data: 'x'.repeat(600), method: 0 },
      { name: 'b.csv', data: 'y'.repeat(600), method: 0 },
    ]);
    expect((await refusal(expand(big, limits))).reason).toMatch(/would unpack to more than 1000 bytes/);

    const many = await zipFile(Array.from({ length: DEFAULT_ZIP_LIMITS.maxEntries + 1 }, (_, k) => ({ name: `e${k}.csv`, method: 0 as const })));
    expect((await refusal(expand(many))).reason).toBe('refused: 50001 entries, more than the 50000 allowed');
  });

  it('stops an entry that inflates past the size its header declares', async () => {
    const file = await zipFile([{ name: 'liar.csv', data: 'z'.repeat(5000), declaredSize: 10 }]);
    const { inputs } = await expand(file);
    await expect(text(inputs[0]!)).rejects.toThrow(/cannot read input .*liar\.csv: the zip entry is corrupt or truncated \(too many bytes/);
  });

  it('names the file of a truncated or corrupt archive', async () => {
    const whole = buildZip([{ name: 'a.csv', data: 'id,author,created_at,text\n'.repeat(50) }]);
    const cut = await zipFile(whole.subarray(0, whole.length - 30));
    const error = await refusal(expand(cut));
    expect(error.message).toBe(
      `${cut}: not a readable zip archive (truncated or corrupt: End of central directory record signature not found. Either not a zip file, or file is truncated.)`,
    );
    await expect(expandInputs([cut], async function* () {})).rejects.toThrow(cut);

    const notZip = await zipFile(Buffer.from('id,author\n1,ana\n'));
    expect((await refusal(expand(notZip))).reason).toMatch(/^not a readable zip archive/);

    // Damaged bytes inside an entry: its CRC-32 no longer matches.
    const stored = await zipFile([{ name: 'a.csv', data: 'id,author,created_at,text\n', method: 0, crc: 1234 }]);
    const { inputs } = await expand(stored);
    await expect(text(inputs[0]!)).rejects.toThrow(/a\.csv: the zip entry is corrupt \(its CRC-32 does not match\)/);
  });

  it('opens a zip inside the zip, but not a zip inside that one', async () => {
    const innermost = buildZip([{ name: 'deep.csv', data: 'x' }]);
    const inner = buildZip([
      { name: 'data/posts.csv', data: 'id,author,created_at,text\n' },
      { name: 'data/deeper.zip', data: innermost },
    ]);
    const file = await zipFile([
      { name: 'top.csv', data: 'id,author,created_at,text\n' },
      { name: 'exports/inner.zip', data: inner },
    ]);
    const { inputs, skipped } = await expand(file);
    expect(inputs.map((i) => i.name)).toEqual([`${file}!top.csv`, `${file}!exports/inner.zip!data/posts.csv`]);
    expect(await text(inputs[1]!)).toBe('id,author,created_at,text\n');
    expect(skipped).toMatchObject([
      {
        input: `${file}!exports/inner.zip!data/deeper.zip`,
        code: 'nested-archive-skipped',
        message: 'a zip inside a zip inside a zip is not opened (1 level at most)',
      },
    ]);
  });

  it('passes over a broken zip inside a good one with a warning', async () => {
    const file = await zipFile([
      { name: 'top.csv', data: 'id,author,created_at,text\n' },
      { name: 'inner.zip', data: 'not a zip at all' },
    ]);
    const { inputs, skipped } = await expand(file);
    expect(inputs.map((i) => path.basename(i.name))).toEqual([`${path.basename(file)}!top.csv`]);
    expect(skipped).toEqual([
      { input: `${file}!inner.zip`, code: 'unreadable-archive', message: expect.stringMatching(/^not a readable zip archive.*; skipped$/) },
    ]);
  });
});
