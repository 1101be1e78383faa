/**
 * A small CARv1 + DAG-CBOR writer for the Bluesky tests: enough to build repository exports (a signed
 * commit, a merkle search tree, post and other records) and to break them on purpose. It writes what
 * the reader must accept, not everything atproto checks (the tree is not laid out by key hash, the
 * signature is zeros). `repoFixture()` is the committed fixtures/ingest/bluesky-repo/repo.car.
 */
import { createHash } from 'node:crypto';

/** A block address, CIDv1 dag-cbor sha-256, as raw bytes. */
export class Cid {
  constructor(readonly bytes: Uint8Array) {}
}

export type Cbor = null | boolean | number | string | Uint8Array | Cid | Cbor[] | { [key: string]: Cbor | undefined };

export function varint(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  out.push(rest);
  return out;
}

function head(major: number, value: number): number[] {
  const m = major << 5;
  if (value < 24) return [m | value];
  if (value < 0x100) return [m | 24, value];
  if (value < 0x10000) return [m | 25, value >> 8, value & 0xff];
  if (value < 0x100000000) return [m | 26, (value >>> 24) & 0xff, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
  const big = BigInt(value);
  return [m | 27, ...[7, 6, 5, 4, 3, 2, 1, 0].map((i) => Number((big >> BigInt(i * 8)) & 0xffn))];
}

/** DAG-CBOR: map keys sorted by length, then bytewise; undefined values left out. */
export function encode(value: Cbor): Uint8Array {
  const out: number[] = [];
  const put = (v: Cbor): void => {
    if (v === null) out.push(0xf6);
    else if (v === true) out.push(0xf5);
    else if (v === false) out.push(0xf4);
    else if (typeof v === 'number') {
      if (!Number.isInteger(v)) throw new Error('floats are not written');
      out.push(...(v >= 0 ? head(0, v) : head(1, -1 - v)));
    } else if (typeof v === 'string') {
      const bytes = new TextEncoder().encode(v);
      out.push(...head(3, bytes.length), ...bytes);
    } else if (v instanceof Uint8Array) out.push(...head(2, v.length), ...v);
    else if (v instanceof Cid) out.push(0xd8, 42, ...head(2, v.bytes.length + 1), 0, ...v.bytes);
    else if (Array.isArray(v)) {
      out.push(...head(4, v.length));
      for (const item of v) put(item);
    } else {
      const keys = Object.keys(v)
        .filter((k) => v[k] !== undefined)
        .sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
      out.push(...head(5, keys.length));
      for (const key of keys) {
        put(key);
        put(v[key] as Cbor);
      }
    }
  };
  put(value);
  return Uint8Array.from(out);
}

export function cidOf(block: Uint8Array): Cid {
  const digest = createHash('sha256').update(block).digest();
  return new Cid(Uint8Array.from([0x01, 0x71, 0x12, 0x20, ...digest]));
}

/** A made-up address, for blocks that must name themselves (a self-referencing tree). */
export function fakeCid(seed: number): Cid {
  return new Cid(Uint8Array.from([0x01, 0x71, 0x12, 0x20, ...new Array<number>(32).fill(seed & 0xff)]));
}

export interface Block {
  cid: Cid;
  bytes: Uint8Array;
}

export function block(value: Cbor): Block {
  const bytes = encode(value);
  return { cid: cidOf(bytes), bytes };
}

export function section(cid: Cid, bytes: Uint8Array): Uint8Array {
  return Uint8Array.from([...varint(cid.bytes.length + bytes.length), ...cid.bytes, ...bytes]);
}

export function car(root: Cid, blocks: readonly Block[], header: Cbor = { roots: [root], version: 1 }): Uint8Array {
  const top = encode(header);
  const parts = [Uint8Array.from([...varint(top.length), ...top]), ...blocks.map((b) => section(b.cid, b.bytes))];
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/** The TID of an ISO time (clock id 0, or `clock`), as apps mint record keys. */
export function tid(iso: string, clock = 0): string {
  let value = (BigInt(Date.parse(iso)) * 1000n) << 10n;
  value |= BigInt(clock & 0x3ff);
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = TID_ALPHABET[Number(value & 31n)]! + out;
    value >>= 5n;
  }
  return out;
}

/**
 * A merkle search tree over `entries` (sorted here): `{l, e: [{p, k, v, t}]}` with keys prefix-compressed
 * within each node. Nodes hold at most `fanout` entries, so a few records already make a tree of
 * several levels with left (`l`) and right (`t`) subtrees.
 */
export function mst(entries: readonly { key: string; value: Cid }[], fanout = 3): { root: Cid; blocks: Block[] } {
  const blocks: Block[] = [];
  const build = (items: readonly { key: string; value: Cid }[]): Cid | null => {
    if (items.length === 0) return null;
    let left: Cid | null = null;
    let chosen = items;
    let rights: (Cid | null)[] = items.map(() => null);
    if (items.length > fanout) {
      // One entry in this node, the rest in the subtrees to its left and right.
      const middle = Math.floor(items.length / 3);
      left = build(items.slice(0, middle));
      chosen = [items[middle]!];
      rights = [build(items.slice(middle + 1))];
    }
    let previous = new Uint8Array(0);
    const e = chosen.map((item, i) => {
      const key = new TextEncoder().encode(item.key);
      let p = 0;
      while (p < previous.length && p < key.length && previous[p] === key[p]) p++;
      previous = key;
      return { p, k: key.subarray(p), v: item.value, t: rights[i] ?? null };
    });
    const node = block({ l: left, e });
    blocks.push(node);
    return node.cid;
  };
  const sorted = [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const root = build(sorted) ?? block({ l: null, e: [] }).cid;
  if (sorted.length === 0) blocks.push(block({ l: null, e: [] }));
  return { root, blocks };
}

export interface RepoRecord {
  collection: string;
  rkey: string;
  value: Cbor;
}

/** A whole repository export: the commit first (as the PDS writes it), then the tree, then the records. */
export function repository(did: string, records: readonly RepoRecord[], opts: { fanout?: number; rev?: string } = {}): Uint8Array {
  const recordBlocks = records.map((r) => block(r.value));
  const tree = mst(
    records.map((r, i) => ({ key: `${r.collection}/${r.rkey}`, value: recordBlocks[i]!.cid })),
    opts.fanout,
  );
  const commit = block({ did, version: 3, data: tree.root, rev: opts.rev ?? tid('2024-10-20T12:00:00Z'), prev: null, sig: new Uint8Array(64) });
  return car(commit.cid, [commit, ...tree.blocks, ...recordBlocks]);
}

export const BRAND_DID = 'did:plc:7tnvq2bq3lrm5xkz4yhd6wcs';
export const LUCIA_DID = 'did:plc:lucia4x2ke5rjt7mq3vyb6hn';
export const MARK_DID = 'did:plc:mark2r6fh3wq7n5tz4xcp8ld';

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

function mention(text: string, handle: string, did: string): Cbor {
  const start = utf8Length(text.slice(0, text.indexOf(`@${handle}`)));
  return { index: { byteStart: start, byteEnd: start + utf8Length(`@${handle}`) }, features: [{ $type: 'app.bsky.richtext.facet#mention', did }] };
}

function ref(did: string, rkey: string): Cbor {
  return { uri: `at://${did}/app.bsky.feed.post/${rkey}`, cid: 'bafyreib2rxk3rh6kzwq' };
}

function post(text: string, createdAt: string, extra: { [key: string]: Cbor } = {}): Cbor {
  return { $type: 'app.bsky.feed.post', text, createdAt, ...extra };
}

/** The records of the committed fixture: TeleNova's own posts, and a few likes, a follow and its profile. */
export function fixtureRecords(): RepoRecord[] {
  const luciaPost = tid('2024-10-15T09:59:00Z', 7);
  const markPost = tid('2024-10-16T18:20:00Z', 3);
  const brandReply = tid('2024-10-15T10:06:00Z', 1);
  const intro = '¡Hola! Somos @telenova.bsky.social, el equipo de atención de TeleNova. Escríbenos aquí y te respondemos.';
  const toLucia = '@lucia.bsky.social ¡Hola Lucía! Sentimos el corte. ¿Nos pasas tu número de cliente por DM? 🙏';
  const toMark = '@mark.bsky.social Hi Mark, sorry about that. The outage in Valencia is fixed now; could you restart your router?';
  return [
    {
      collection: 'app.bsky.feed.post',
      rkey: tid('2024-10-01T09:00:00Z'),
      value: post(intro, '2024-10-01T09:00:00.000Z', { langs: ['es'], facets: [mention(intro, 'telenova.bsky.social', BRAND_DID)] }),
    },
    {
      collection: 'app.bsky.feed.post',
      rkey: brandReply,
      value: post(toLucia, '2024-10-15T10:06:00.000Z', {
        langs: ['es'],
        reply: { root: ref(LUCIA_DID, luciaPost), parent: ref(LUCIA_DID, luciaPost) },
        facets: [mention(toLucia, 'lucia.bsky.social', LUCIA_DID)],
      }),
    },
    {
      collection: 'app.bsky.feed.post',
      rkey: tid('2024-10-15T11:30:00Z', 2),
      value: post('Actualización: la avería de Valencia ya está resuelta. Gracias por la paciencia.', '2024-10-15T11:30:00.000Z', {
        langs: ['es'],
        reply: { root: ref(LUCIA_DID, luciaPost), parent: ref(BRAND_DID, brandReply) },
      }),
    },
    {
      collection: 'app.bsky.feed.post',
      rkey: tid('2024-10-16T19:02:31.250Z', 4),
      value: post(toMark, '2024-10-16T19:02:31.250Z', {
        langs: ['en'],
        reply: { root: ref(MARK_DID, markPost), parent: ref(MARK_DID, markPost) },
        facets: [mention(toMark, 'mark.bsky.social', MARK_DID)],
      }),
    },
    {
      // A custom record key carries no time: the post it answers cannot be placed.
      collection: 'app.bsky.feed.post',
      rkey: tid('2024-10-17T08:15:00Z'),
      value: post('@lucia.bsky.social Te escribimos por DM con los pasos.', '2024-10-17T08:15:00.000Z', {
        langs: ['es'],
        reply: { root: ref(LUCIA_DID, 'hilo-router'), parent: ref(LUCIA_DID, 'hilo-router') },
      }),
    },
    {
      // Written by an app with a broken clock format: skipped with a warning.
      collection: 'app.bsky.feed.post',
      rkey: tid('2024-10-18T10:00:00Z'),
      value: post('Mañana hay mantenimiento programado de 2:00 a 4:00.', '18/10/2024 10:00', { langs: ['es'] }),
    },
    {
      collection: 'app.bsky.feed.like',
      rkey: tid('2024-10-15T10:07:00Z'),
      value: { $type: 'app.bsky.feed.like', subject: ref(LUCIA_DID, luciaPost), createdAt: '2024-10-15T10:07:00.000Z' },
    },
    {
      collection: 'app.bsky.feed.like',
      rkey: tid('2024-10-16T19:03:00Z'),
      value: { $type: 'app.bsky.feed.like', subject: ref(MARK_DID, markPost), createdAt: '2024-10-16T19:03:00.000Z' },
    },
    {
      collection: 'app.bsky.graph.follow',
      rkey: tid('2024-09-30T12:00:00Z'),
      value: { $type: 'app.bsky.graph.follow', subject: LUCIA_DID, createdAt: '2024-09-30T12:00:00.000Z' },
    },
    {
      collection: 'app.bsky.actor.profile',
      rkey: 'self',
      value: { $type: 'app.bsky.actor.profile', displayName: 'TeleNova Atención', description: 'Atención al cliente de TeleNova' },
    },
  ];
}

export function repoFixture(): Uint8Array {
  return repository(BRAND_DID, fixtureRecords());
}
