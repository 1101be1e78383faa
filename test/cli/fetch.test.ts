/**
 * `second-impression fetch` as a user runs it (the built CLI), against a server started here on 127.0.0.1:
 * usage errors, exit codes, re-runs, and end to end a saved Google Maps page audited from the folder, its
 * relative dates ("hace 3 semanas") resolved against the fetch date in the metadata file.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, type CliResult, ROOT } from './run-cli.js';

/** The built CLI run asynchronously: the test's own server must keep answering while it runs. */
function runCliAsync(args: string[]): Promise<CliResult> {
  if (!existsSync(path.join(ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` before the CLI tests');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

// The fixture without its SingleFile comment: its save date must come from the fetch metadata.
const PAGE = readFileSync(path.join(ROOT, 'fixtures/ingest/google-maps/brisamar-es.html'), 'utf8').replace(/<!--\s*Page saved with SingleFile[\s\S]*?-->/, '');
const PLACE = '/maps/place/Hotel+Brisamar';

let server: Server;
let base: string;
const hits: string[] = [];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'si-fetch-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === PLACE) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"b1"' }).end(PAGE);
    else if (req.url === '/private') res.writeHead(200, { 'content-type': 'text/html' }).end('<p>no</p>');
    else if (req.url === '/robots.txt') res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private\n');
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(tmp, { recursive: true, force: true });
});

const FAST = ['--delay', '0'];

describe('fetch: usage errors exit 2 with a hint', () => {
  it.each([
    [['fetch', 'not a url', '--out', tmp], /not a web address: not a url/],
    [['fetch', 'ftp://example.com/x', '--out', tmp], /only http and https addresses are fetched/],
    [['fetch', 'https://user:pw@example.com/', '--out', tmp], /user name or password/],
    [['fetch', 'https://example.com/', '--out', tmp, '--delay', 'soon'], /--delay soon: not a duration/],
    [['fetch', 'https://example.com/', '--out', tmp, '--max-bytes', '-1'], /--max-bytes -1: not a size/],
    [['fetch', 'https://example.com/', '--out', tmp, '--max-pages', '0'], /--max-pages 0: not a whole number/],
    [['fetch', 'https://example.com/'], /required option '--out <dir>' not specified/],
  ])('%j', async (args, message) => {
    const { status, stderr } = await runCliAsync(args);
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses an --out it cannot create or write, before any request', async () => {
    const file = path.join(tmp, 'a-file');
    writeFileSync(file, 'x');
    const before = hits.length;
    const under = await runCliAsync(['fetch', `${base}${PLACE}`, '--out', path.join(file, 'out')]);
    expect(under.status).toBe(2);
    expect(under.stderr).toMatch(/cannot create --out .*a-file\/out/);
    if (process.getuid?.() !== 0) {
      const locked = mkdtempSync(path.join(tmp, 'locked-'));
      chmodSync(locked, 0o500);
      const denied = await runCliAsync(['fetch', `${base}${PLACE}`, '--out', locked]);
      expect(denied.status).toBe(2);
      expect(denied.stderr).toMatch(/permission denied/);
    }
    expect(hits.length).toBe(before);
  });
});

describe('fetch then audit, end to end', () => {
  const out = path.join(tmp, 'pages');

  it('saves the page with its metadata, and a re-run skips it', async () => {
    const first = await runCliAsync(['fetch', `${base}${PLACE}`, '--out', out, ...FAST]);
    expect(first.stderr).toMatch(/saved 1 page in /);
    expect(first.status).toBe(0);
    const host = `127.0.0.1_${new URL(base).port}`;
    const files = readdirSync(path.join(out, host)).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^maps_place_Hotel_Brisamar-[0-9a-f]{10}\.html$/);
    expect(files[1]).toBe(files[0]!.replace(/\.html$/, '.meta.json'));
    expect(readFileSync(path.join(out, host, files[0]!), 'utf8')).toBe(PAGE);
    const meta = JSON.parse(readFileSync(path.join(out, host, files[1]!), 'utf8'));
    expect(meta).toMatchObject({
      url: `${base}${PLACE}`,
      finalUrl: `${base}${PLACE}`,
      status: 200,
      contentType: 'text/html; charset=utf-8',
      etag: '"b1"',
      lastModified: null,
    });
    expect(meta.userAgent).toMatch(/^second-impression\/\d+\.\d+\.\d+ \(\+offline audit\)$/);
    expect(Math.abs(Date.parse(meta.fetchedAt) - Date.now())).toBeLessThan(10 * 60_000);

    const mtime = statSync(path.join(out, host, files[0]!)).mtimeMs;
    const count = hits.filter((h) => h === PLACE).length;
    const again = await runCliAsync(['fetch', `${base}${PLACE}`, '--out', out, ...FAST]);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/saved 0 pages, 1 already saved \(--refresh fetches them again\)/);
    expect(hits.filter((h) => h === PLACE).length).toBe(count);
    expect(statSync(path.join(out, host, files[0]!)).mtimeMs).toBe(mtime);

    const refreshed = await runCliAsync(['fetch', `${base}${PLACE}`, '--out', out, ...FAST, '--refresh', '-q']);
    expect(refreshed.status).toBe(0);
    expect(refreshed.stderr).toBe('');
    expect(hits.filter((h) => h === PLACE).length).toBe(count + 1);
    expect(readdirSync(path.join(out, host))).toHaveLength(2); // no temporary file left
  });

  it('audits the folder: the reviews are read and relative dates count from the fetch date', async () => {
    const host = `127.0.0.1_${new URL(base).port}`;
    const metaFile = readdirSync(path.join(out, host)).find((f) => f.endsWith('.meta.json'))!;
    const fetchedAt = Date.parse(JSON.parse(readFileSync(path.join(out, host, metaFile), 'utf8')).fetchedAt);

    const audit = await runCliAsync(['audit', out, '--brand', 'Hotel Brisamar', '--format', 'json']);
    expect(audit.status).toBe(0);
    const result = JSON.parse(audit.stdout);
    // The metadata file is not an input: one input, the page.
    expect(result.inputs.map((i: { path: string; format: string; posts: number }) => [path.basename(i.path), i.format, i.posts])).toEqual([
      [metaFile.replace('.meta.json', '.html'), 'google-maps', 7],
    ]);
    expect(result.metrics.conversations).toBe(4);

    const jsonl = path.join(tmp, 'posts.jsonl');
    const ingest = await runCliAsync(['ingest', out, '--output', jsonl]);
    expect(ingest.status).toBe(0);
    const posts = readFileSync(jsonl, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { author: string; createdAt: string; url?: string; role: string });
    const DAY = 86_400_000;
    // "Editado hace 3 semanas" and its owner's "hace 2 semanas", against the fetch time (to the second).
    const tom = posts.find((p) => p.author === 'Tom Baker')!;
    const reply = posts.find((p) => p.role === 'brand')!;
    expect(Math.floor(Date.parse(tom.createdAt) / 1000)).toBe(Math.floor((fetchedAt - 21 * DAY) / 1000));
    expect(Math.floor(Date.parse(reply.createdAt) / 1000)).toBe(Math.floor((fetchedAt - 14 * DAY) / 1000));
    // The page's address comes from the metadata too (the page itself names none once its comment is gone).
    expect(tom.url).toBe(`${base}${PLACE}`);

    // --as-of stands in only for pages that record no save date: the fetch date still wins.
    const asOf = path.join(tmp, 'posts-as-of.jsonl');
    expect((await runCliAsync(['ingest', out, '--as-of', '2030-01-01T00:00:00Z', '--output', asOf])).status).toBe(0);
    expect(readFileSync(asOf, 'utf8')).toContain(`"createdAt":"${tom.createdAt}"`);
  });
});

describe('fetch: exit codes', () => {
  it('exits 1 when some pages were saved and others failed or were kept out, listing each', async () => {
    const out = path.join(tmp, 'partial');
    const { status, stderr } = await runCliAsync(['fetch', `${base}${PLACE}`, `${base}/missing`, `${base}/private`, '--out', out, ...FAST, '--retries', '0']);
    expect(status).toBe(1);
    expect(stderr).toMatch(new RegExp(`failed ${base}/missing: HTTP 404 \\(not found\\)`));
    expect(stderr).toMatch(new RegExp(`skipped ${base}/private: disallowed by ${base}/robots.txt \\("Disallow: /private"\\)`));
    expect(stderr).toMatch(/saved 1 page, 1 not allowed by robots\.txt, 1 failed in /);
    expect(hits).not.toContain('/private');
    // The same summary in Spanish (the page saved before is now "ya guardada").
    const es = await runCliAsync(['fetch', `${base}${PLACE}`, `${base}/missing`, '--out', out, ...FAST, '--retries', '0', '--locale', 'es']);
    expect(es.stderr).toMatch(new RegExp(`falló ${base}/missing: `));
    expect(es.stderr).toMatch(/0 páginas guardadas, 1 ya guardada \(--refresh las descarga de nuevo\), 1 fallida en /);
  });

  it('exits 2 when nothing could be saved', async () => {
    const { status, stderr } = await runCliAsync(['fetch', `${base}/missing`, '--out', path.join(tmp, 'none'), ...FAST, '--retries', '0', '-q']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/failed .*\/missing: HTTP 404/);
    expect(stderr).toMatch(/no page could be saved \(1 failed or not allowed\)\n {2}hint: /);
  });
});
