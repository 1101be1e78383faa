import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/cli/load.js';
import { createProgress } from '../../src/cli/progress.js';
import { InputError } from '../../src/errors.js';
import { DEFAULT_CAR_LIMITS, decodeDagCbor, readBlueskyCar } from '../../src/ingest/adapters/bluesky-car.js';
import { mentionedHandle, tidTime } from '../../src/ingest/adapters/bluesky-post.js';
import { MAX_THREAD_DEPTH } from '../../src/ingest/adapters/bluesky-thread.js';
import { adapterById, Corpus, detectAdapter, ingestSource } from '../../src/ingest/index.js';
import { openText, type InputFile } from '../../src/io/read-inputs.js';
import {
  BRAND_DID,
  block,
  car,
  type Cbor,
  encode,
  fakeCid,
  fixtureRecords,
  LUCIA_DID,
  mst,
  repoFixture,
  repository,
  section,
  tid,
  varint,
} from './bluesky-car-writer.js';
import { checkGolden, FIXTURES } from './golden.js';
import { DEFAULT_OPTIONS, ingest, memoryFile, prng, sourceFrom } from './helpers.js';

const REPO_CAR = path.join(FIXTURES, 'bluesky-repo', 'repo.car');

const post = (text: string, createdAt: string, extra: Record<string, Cbor> = {}): Cbor => ({ $type: 'app.bsky.feed.post', text, createdAt, ...extra });
const postRecord = (iso: string, text: string, extra: Record<string, Cbor> = {}) => ({
  collection: 'app.bsky.feed.post',
  rkey: tid(iso),
  value: post(text, iso, extra),
});

/** Reads a .car: the result, or the InputError it ends in. Anything else thrown fails the test. */
async function readCar(bytes: Uint8Array): Promise<Awaited<ReturnType<typeof ingest>> | InputError> {
  try {
    return await ingest('repo.car', bytes);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
}

const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('bluesky-repo (the .car export)', () => {
  it('reads the golden fixtures', async () => {
    await checkGolden('bluesky-repo');
  });

  it('has its committed repo.car written by the test writer (UPDATE_FIXTURES=1 rewrites it)', () => {
    const made = repoFixture();
    if (process.env.UPDATE_FIXTURES) writeFileSync(REPO_CAR, made);
    expect(Buffer.compare(readFileSync(REPO_CAR), made)).toBe(0);
  });

  it('is detected by its name or by its CARv1 header, and io hands it over as bytes', async () => {
    const bytes = repoFixture();
    for (const name of ['repo.car', 'export.bin']) {
      const source = await sourceFrom(name, bytes);
      expect(detectAdapter({ name, head: source.head })?.adapter.id, name).toBe('bluesky-repo');
      expect(source.bytes, name).toBeDefined();
      expect(Buffer.compare(Buffer.from(await source.bytes!()), Buffer.from(bytes)), name).toBe(0);
    }
    expect((await sourceFrom('notes.txt', 'hola')).bytes).toBeUndefined();
  });

  it('goes through the binary check of a folder read to the adapter', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bsky-'));
    writeFileSync(path.join(dir, 'repo.car'), repoFixture());
    writeFileSync(
      path.join(dir, 'photo.bin'),
      Uint8Array.from({ length: 2048 }, (_, i) => (i * 37) % 256),
    );
    const corpus = await loadCorpus([dir], { ...DEFAULT_OPTIONS, inputFormat: undefined }, createProgress(false));
    expect(corpus.inputs.map((i) => [path.basename(i.path), i.format, i.posts])).toEqual([['repo.car', 'bluesky-repo', 7]]);
    expect(corpus.warnings.list().map((w) => [path.basename(w.input), w.code])).toContainEqual(['photo.bin', 'binary-file']);
  });

  it('names the account by DID when nothing says its handle, and tells to pass the DID to --brand', async () => {
    const bytes = repository(BRAND_DID, [postRecord('2024-11-02T10:00:00.000Z', 'Hoy cerramos a las 20:00.', { langs: ['es'] })]);
    const run = await ingest('repo.car', bytes);
    expect(run.summary.channel).toBe(BRAND_DID);
    expect(run.posts.map((p) => p.author)).toEqual([BRAND_DID]);
    expect(run.keyedNotes).toContainEqual(expect.objectContaining({ id: 'bluesky.repo-did-only', data: { did: BRAND_DID } }));
  });

  it('learns the handle from a saved API response beside the export', async () => {
    const bytes = repository(BRAND_DID, [postRecord('2024-11-02T10:00:00.000Z', 'Hoy cerramos a las 20:00.')]);
    const sibling = `{"thread":{"post":{"uri":"at://${BRAND_DID}/app.bsky.feed.post/3l7a","author":{"did":"${BRAND_DID}","handle":"TeleNova.bsky.social"}}}}`;
    const file: InputFile = {
      ...memoryFile('export/repo.car', bytes),
      siblings: ['notas.txt', 'hilo.json'],
      openSibling: (name) => (name === 'hilo.json' ? memoryFile('export/hilo.json', sibling) : undefined),
    };
    const corpus = new Corpus();
    const summary = await ingestSource(corpus, await openText(file), adapterById('bluesky-repo')!, DEFAULT_OPTIONS);
    expect(summary.channel).toBe('telenova.bsky.social');
    expect(summary.notes).toContainEqual(
      expect.objectContaining({ id: 'bluesky.repo-handle-file', data: { did: BRAND_DID, handle: 'telenova.bsky.social', file: 'hilo.json' } }),
    );
  });

  it('slices mentions by UTF-8 bytes, as facets count them', () => {
    const text = '¡Hola! 🙏 Somos @telenova.bsky.social';
    const start = new TextEncoder().encode('¡Hola! 🙏 Somos ').length;
    expect(start).toBeGreaterThan(text.indexOf('@'));
    expect(mentionedHandle(text, { byteStart: start, byteEnd: start + 21 })).toBe('telenova.bsky.social');
    expect(mentionedHandle(text, { byteStart: text.indexOf('@'), byteEnd: text.indexOf('@') + 21 })).toBeUndefined();
    expect(mentionedHandle(text, { byteStart: 10, byteEnd: 10_000 })).toBeUndefined();
  });

  it('reads the time of a TID record key, and nothing from other keys', () => {
    expect(tidTime(tid('2024-10-15T09:59:00.123Z', 7))).toBe(Date.parse('2024-10-15T09:59:00.123Z'));
    expect(tidTime('self')).toBeUndefined();
    expect(tidTime('zzzzzzzzzzzzz')).toBeUndefined();
    expect(tidTime('2222222222222')).toBeUndefined();
  });

  it('reads a tree of several levels the same as a flat one', async () => {
    const records = fixtureRecords();
    const deep = await ingest('repo.car', repository(BRAND_DID, records, { fanout: 1 }));
    const flat = await ingest('repo.car', repository(BRAND_DID, records, { fanout: 100 }));
    expect(deep.posts).toEqual(flat.posts);
    expect(deep.posts).toHaveLength(7);
  });

  describe('hostile or broken files end in an InputError or a warning, never a crash or a hang', () => {
    it('a file cut at every length', async () => {
      const bytes = repoFixture();
      let refused = 0;
      let partial = 0;
      for (let cut = 0; cut < bytes.length; cut++) {
        // The reader at every length, the whole adapter at some.
        if (cut % 61 !== 0) {
          try {
            readBlueskyCar(bytes.subarray(0, cut));
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
          }
          continue;
        }
        const result = await readCar(bytes.subarray(0, cut));
        if (result instanceof InputError) {
          refused++;
          expect(result.message).toMatch(/^repo\.car: /);
        } else {
          partial++;
          expect(result.warnings.length + result.posts.length).toBeGreaterThan(0);
        }
      }
      expect(refused).toBeGreaterThan(0);
      expect(partial).toBeGreaterThan(0);
      // Cut inside the last record: every other post is kept, and the cut is said.
      const last = await ingest('repo.car', bytes.subarray(0, bytes.length - 5));
      expect(last.warnings.map((w) => w.code)).toContain('car-cut');
      expect(last.posts.length).toBeGreaterThan(0);
    });

    it('random damage', async () => {
      const bytes = repoFixture();
      const random = prng(42);
      for (let round = 0; round < 250; round++) {
        const damaged = Uint8Array.from(bytes);
        for (let k = 0; k < 1 + Math.floor(random() * 4); k++) damaged[Math.floor(random() * damaged.length)] = Math.floor(random() * 256);
        await readCar(damaged);
      }
    });

    it('bogus and huge section lengths', async () => {
      const bytes = repoFixture();
      for (const length of [[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], varint(2 ** 40), varint(0)]) {
        const run = await ingest('repo.car', concat(bytes, Uint8Array.from(length), new Uint8Array(40)));
        expect(run.warnings.map((w) => w.code)).toContain('car-cut');
        expect(run.posts).toHaveLength(7);
      }
      const header = encode({ roots: [fakeCid(1)], version: 1 });
      const refused = await readCar(concat(Uint8Array.from(varint(2 ** 50)), header));
      expect(refused).toBeInstanceOf(InputError);
      expect((refused as InputError).message).toMatch(/header length is impossible/);
    });

    it('a tree that names itself, and a tree whose nodes all share one subtree', async () => {
      const record = block(post('Hola', '2024-10-15T10:06:00.000Z'));
      const self = fakeCid(7);
      const node = encode({ l: self, e: [{ p: 0, k: new TextEncoder().encode(`app.bsky.feed.post/${tid('2024-10-15T10:06:00Z')}`), v: record.cid, t: self }] });
      const commit = block({ did: BRAND_DID, version: 3, data: self, rev: tid('2024-10-20T12:00:00Z'), prev: null, sig: new Uint8Array(64) });
      const looped = concat(car(commit.cid, [commit, record]), section(self, node));
      expect((await ingest('repo.car', looped)).posts).toHaveLength(1);

      // 64 levels, each node pointing twice at the next: 2^64 paths, 64 nodes to visit.
      const blocks = [];
      let below = block({ l: null, e: [{ p: 0, k: new TextEncoder().encode(`app.bsky.feed.post/${tid('2024-10-15T10:06:00Z')}`), v: record.cid, t: null }] });
      blocks.push(below);
      for (let level = 0; level < 64; level++) {
        below = block({
          l: below.cid,
          e: [{ p: 0, k: new TextEncoder().encode(`app.bsky.feed.post/${tid('2024-10-16T10:00:00Z', level)}`), v: record.cid, t: below.cid }],
        });
        blocks.push(below);
      }
      const top = block({ did: BRAND_DID, version: 3, data: below.cid, rev: tid('2024-10-20T12:00:00Z'), prev: null, sig: new Uint8Array(64) });
      const started = Date.now();
      const shared = await ingest('repo.car', car(top.cid, [top, ...blocks, record]));
      expect(Date.now() - started).toBeLessThan(5000);
      expect(shared.posts).toHaveLength(65);
    });

    it('deep nesting, huge declared lengths and duplicate keys inside records', async () => {
      const good = block(post('Hola', '2024-10-15T10:06:00.000Z'));
      const deep = Uint8Array.from([...new Array<number>(100_000).fill(0x81), 0x00]);
      const hugeText = Uint8Array.from([0xa1, 0x64, ...new TextEncoder().encode('text'), 0x7b, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff]);
      const twice = Uint8Array.from([0xa2, 0x61, 0x61, 0x01, 0x61, 0x61, 0x02]);
      const broken = [deep, hugeText, twice].map((bytes, i) => ({ cid: fakeCid(20 + i), bytes }));
      const entries = [good, ...broken].map((b, i) => ({ key: `app.bsky.feed.post/${tid('2024-10-15T10:00:00Z', i)}`, value: b.cid }));
      const tree = mst(entries);
      const commit = block({ did: BRAND_DID, version: 3, data: tree.root, rev: tid('2024-10-20T12:00:00Z'), prev: null, sig: new Uint8Array(64) });
      const run = await ingest('repo.car', car(commit.cid, [commit, ...tree.blocks, good, ...broken]));
      expect(run.posts).toHaveLength(1);
      expect(run.warnings).toContainEqual(expect.objectContaining({ code: 'car-records-broken', data: { n: 3 } }));

      expect(() => decodeDagCbor(deep)).toThrow(/nested deeper than 64 levels/);
      const deepCommit = { cid: fakeCid(9), bytes: deep };
      const refused = await readCar(car(deepCommit.cid, [deepCommit]));
      expect((refused as InputError).message).toMatch(/^repo\.car: not a readable Bluesky repository export \(\.car\): a value nested deeper/);
    });

    it('a CARv2 file, a header without roots, an empty or a text file, and a file over the size cap', async () => {
      const v2 = Uint8Array.from([0x0a, 0xa1, 0x67, ...new TextEncoder().encode('version'), 0x02, ...new Array<number>(40).fill(0)]);
      expect(String(await readCar(v2))).toMatch(/CARv2/);
      const header = encode({ roots: [], version: 1 });
      expect(String(await readCar(concat(Uint8Array.from(varint(header.length)), header)))).toMatch(/names no root block/);
      expect(String(await readCar(new Uint8Array(0)))).toMatch(/InputError/);
      expect(String(await readCar(new TextEncoder().encode('id,author\n1,ana\n')))).toMatch(/not a readable Bluesky repository/);
      expect(() => readBlueskyCar(repoFixture(), { ...DEFAULT_CAR_LIMITS, maxBytes: 1024 })).toThrow(/larger than/);
      await expect(ingest('posts.json', '{"a":1}', { adapterId: 'bluesky-repo' })).rejects.toThrow(
        /^posts\.json: a Bluesky repository export is a binary \.car/,
      );
    });
  });
});

/**
 * A getPostThread answer nesting `levels` replies under one post, alternating customer and brand.
 * Written as text: JSON.stringify recurses, and the deepest of these would overflow its stack.
 */
function deepThread(levels: number): string {
  const author = (i: number) => (i % 2 ? { did: BRAND_DID, handle: 'telenova.bsky.social' } : { did: LUCIA_DID, handle: 'lucia.bsky.social' });
  const open: string[] = [];
  for (let i = 0; i <= levels; i++) {
    const at = new Date(Date.parse('2024-10-15T10:00:00Z') + i * 60_000).toISOString();
    const view = JSON.stringify({
      uri: `at://${author(i).did}/app.bsky.feed.post/p${i}`,
      author: author(i),
      record: { $type: 'app.bsky.feed.post', text: `mensaje ${i}`, createdAt: at },
      indexedAt: at,
    });
    open.push(`{"$type":"app.bsky.feed.defs#threadViewPost","post":${view},"replies":[`);
  }
  return `{"thread":${open.join('')}${']}'.repeat(levels + 1)}}`;
}

describe('bluesky-thread (API JSON)', () => {
  it('reads the golden fixtures', async () => {
    await checkGolden('bluesky-thread');
  });

  it('is detected for threads, feeds, post lists and record pages, and leaves other JSON alone', async () => {
    const view =
      '{"uri":"at://did:plc:x/app.bsky.feed.post/3l6k62dw2c22b","author":{"did":"did:plc:x","handle":"x.bsky.social"},"record":{"text":"hola","createdAt":"2024-10-15T10:00:00Z"}}';
    const cases: [string, string, string | undefined][] = [
      ['thread.json', `{"thread":{"$type":"app.bsky.feed.defs#threadViewPost","post":${view}}}`, 'bluesky-thread'],
      ['feed.json', `{"feed":[{"post":${view}}],"cursor":"x"}`, 'bluesky-thread'],
      ['posts.json', `{"posts":[${view}]}`, 'bluesky-thread'],
      [
        'records.json',
        '{"records":[{"uri":"at://did:plc:x/app.bsky.feed.post/3l6k62dw2c22b","value":{"$type":"app.bsky.feed.post","text":"hola"}}]}',
        'bluesky-thread',
      ],
      ['post.json', '{ "$type": "app.bsky.feed.post", "text": "hola", "createdAt": "2026-10-14T10:06:00.000Z" }', 'bluesky-thread'],
      ['graph.json', '{"data":[{"created_time":"2024-01-01","message":"hola"}],"paging":{}}', 'meta-graph'],
      ['other.json', '{"feed":[{"title":"no es Bluesky"}]}', undefined],
    ];
    for (const [name, text, id] of cases) {
      const source = await sourceFrom(name, text);
      expect(detectAdapter({ name, head: source.head })?.adapter.id, name).toBe(id);
    }
  });

  it('reads post lists and listRecords pages, naming a handle-less author by DID', async () => {
    const records = await ingest(
      'records.json',
      JSON.stringify({
        records: [
          {
            uri: `at://${LUCIA_DID}/app.bsky.feed.post/3l6k62dw2c22b`,
            cid: 'bafy',
            value: { $type: 'app.bsky.feed.post', text: 'Sigo sin fibra', createdAt: '2024-10-15T09:59:00.000Z', langs: ['es'] },
          },
          {
            uri: `at://${LUCIA_DID}/app.bsky.feed.like/3l6k62dw2c22c`,
            cid: 'bafy',
            value: { $type: 'app.bsky.feed.like', createdAt: '2024-10-15T09:59:00.000Z' },
          },
        ],
      }),
    );
    expect(records.posts.map((p) => [p.author, p.text, p.lang])).toEqual([[LUCIA_DID, 'Sigo sin fibra', 'es']]);
  });

  it('dates a post by indexedAt when createdAt is unreadable, and skips it when both are', async () => {
    const view = (rkey: string, createdAt: unknown, indexedAt?: string) => ({
      uri: `at://${LUCIA_DID}/app.bsky.feed.post/${rkey}`,
      author: { did: LUCIA_DID, handle: 'lucia.bsky.social' },
      record: { $type: 'app.bsky.feed.post', text: 'hola', createdAt },
      ...(indexedAt ? { indexedAt } : {}),
    });
    const run = await ingest('posts.json', JSON.stringify({ posts: [view('3l6k62dw2c22b', 'ayer', '2024-10-15T10:00:00.000Z'), view('3l6k62dw2c22c', 12)] }));
    expect(run.posts.map((p) => p.createdAt)).toEqual(['2024-10-15T10:00:00Z']);
    expect(run.warnings.map((w) => w.code).sort()).toEqual(['bad-date', 'no-created-at']);
  });

  it('bounds the depth of a thread', async () => {
    const deep = await ingest('thread.json', deepThread(MAX_THREAD_DEPTH + 10));
    expect(deep.posts).toHaveLength(MAX_THREAD_DEPTH + 1);
    expect(deep.warnings.map((w) => w.code)).toEqual(['thread-too-deep']);
    await expect(ingest('thread.json', deepThread(5000))).rejects.toThrow(/^thread\.json: refused: /);
  });

  it('leaves out a deleted post that has no time, and refuses what is not an API response', async () => {
    const feed = {
      feed: [
        {
          post: {
            uri: `at://${BRAND_DID}/app.bsky.feed.post/3l6k6guhgk223`,
            author: { did: BRAND_DID, handle: 'telenova.bsky.social' },
            record: {
              text: 'Sentimos lo ocurrido',
              createdAt: '2024-10-15T10:06:00.000Z',
              reply: { root: { uri: `at://${LUCIA_DID}/app.bsky.feed.post/hilo` }, parent: { uri: `at://${LUCIA_DID}/app.bsky.feed.post/hilo` } },
            },
            indexedAt: '2024-10-15T10:06:01.000Z',
          },
          reply: { root: { $type: 'app.bsky.feed.defs#notFoundPost', uri: `at://${LUCIA_DID}/app.bsky.feed.post/hilo`, notFound: true } },
        },
        'not an item',
      ],
    };
    const run = await ingest('feed.json', JSON.stringify(feed));
    expect(run.posts).toHaveLength(1);
    expect(run.warnings.map((w) => w.code).sort()).toEqual(['bad-entry', 'deleted-undated']);
    await expect(ingest('x.json', '{"hola": 1}', { adapterId: 'bluesky-thread' })).rejects.toThrow(/^x\.json: not a Bluesky API response/);
    await expect(ingest('x.json', '{"thread": ', { adapterId: 'bluesky-thread' })).rejects.toThrow(/^x\.json: not valid JSON/);
  });
});
