/**
 * The Bluesky "Export my data" file: an atproto repository as a CARv1 archive. A CAR is a header
 * (`{version: 1, roots: [CID]}`) then length-prefixed sections, each a CID and the block it names. The
 * root block is the signed commit (`{did, version, data, rev, prev, sig}`); `data` is the root of the
 * merkle search tree (MST) whose leaves map `collection/rkey` to each record's block.
 *
 * Written here rather than taken from `@ipld/car` + `@ipld/dag-cbor`: reading needs only a fraction of
 * those libraries (no hashing, no writing, no CIDv0 strings), and a small reader keeps every bound in
 * plain sight. Hostile bytes end in an InputError when the commit cannot be read, and in a reported
 * problem when only some blocks cannot (a cut-off file keeps the records before the cut): every length
 * is checked against the bytes that remain before anything is allocated, nesting is bounded, the tree
 * walk is iterative and visits each node once, so a self-referencing tree cannot loop. Hashes are not
 * verified: the file is the user's own export, and a forged one only fools its forger.
 */
import type { MessageData } from '../../contract/warning.js';
import { InputError } from '../../errors.js';
import { POST_COLLECTION } from './bluesky-post.js';

export interface CarLimits {
  /** The whole file is held in memory: its size cap. */
  maxBytes: number;
  maxBlocks: number;
  /** DAG-CBOR nesting (records nest a few levels, tree nodes three). */
  maxDepth: number;
  /** Bytes of one tree key, `collection/rkey` (the atproto limits add up to well under this). */
  maxKeyBytes: number;
}

export const DEFAULT_CAR_LIMITS: CarLimits = { maxBytes: 512 * 1024 * 1024, maxBlocks: 4_000_000, maxDepth: 64, maxKeyBytes: 1024 };

/** A link to another block (DAG-CBOR tag 42). */
export class CidLink {
  constructor(readonly bytes: Uint8Array) {}
  /** The bytes as a string, to look blocks up by. */
  get key(): string {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).toString('latin1');
  }
}

export type CborValue = null | boolean | number | bigint | string | Uint8Array | CidLink | CborValue[] | { [key: string]: CborValue };

export interface RepoPost {
  rkey: string;
  /** The decoded record; its `$type` is `app.bsky.feed.post`. */
  value: { [key: string]: CborValue };
}

export interface BlueskyCar {
  /** The account, from the signed commit. */
  did: string;
  /** The commit's revision (a TID; repositories of commit version 2 have none). */
  rev: string | undefined;
  /** Post records in key order, which for TID record keys is the order they were written. */
  posts: RepoPost[];
  /** How many records each collection holds, posts included (likes, follows, reposts…). */
  collections: Map<string, number>;
  /** Parts that could not be read; the rest was read (a cut-off file, a broken record). */
  problems: CarProblem[];
}

/** A part of the file that could not be read, said as a warning: `id` is its catalogue id, `data` fills its sentence. */
export interface CarProblem {
  id: string;
  message: string;
  data: MessageData;
}

class CarFault extends Error {}

const MISSING = Symbol('missing block');
const BROKEN = Symbol('undecodable block');

function refuse(reason: string): never {
  throw new InputError(`not a readable Bluesky repository export (.car): ${reason}`, 'download it again from Settings → Account → Export my data');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Unsigned LEB128 as CAR and CIDs use it; at most 8 bytes (lengths past 2^53 are no real file's). */
function readVarint(bytes: Uint8Array, at: number): { value: number; next: number } {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 8; i++) {
    const b = bytes[at + i];
    if (b === undefined) throw new CarFault('a length is cut off by the end of the file');
    value += (b & 0x7f) * scale;
    if ((b & 0x80) === 0) {
      if (i > 0 && b === 0) throw new CarFault('a length is not minimally encoded');
      return { value, next: at + i + 1 };
    }
    scale *= 128;
  }
  throw new CarFault('a length longer than 8 bytes');
}

/** The byte length of the CID at `at`: v0 (a bare sha-256 multihash) or v1 (version, codec, multihash). */
function cidLength(bytes: Uint8Array, at: number, end: number): number {
  if (bytes[at] === 0x12 && bytes[at + 1] === 0x20) {
    if (at + 34 > end) throw new CarFault('a block address is cut off');
    return 34;
  }
  const version = readVarint(bytes, at);
  if (version.value !== 1) throw new CarFault(`a block address of CID version ${version.value}`);
  const codec = readVarint(bytes, version.next);
  const hash = readVarint(bytes, codec.next);
  const digest = readVarint(bytes, hash.next);
  if (digest.value > 128) throw new CarFault('a block address with a digest longer than 128 bytes');
  const next = digest.next + digest.value;
  if (next > end) throw new CarFault('a block address is cut off');
  return next - at;
}

/** A DAG-CBOR decoder for one block: definite lengths only, text map keys, tag 42 only, no duplicate keys. */
class CborReader {
  private at: number;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly maxDepth: number,
    start = 0,
    private readonly end = bytes.length,
  ) {
    this.at = start;
  }

  /** The one value of the block; bytes left over are an error. */
  whole(): CborValue {
    const value = this.value(0);
    if (this.at !== this.end) throw new CarFault('bytes left over after a block’s value');
    return value;
  }

  private byte(): number {
    if (this.at >= this.end) throw new CarFault('a block ends in the middle of a value');
    return this.bytes[this.at++]!;
  }

  /** The argument of a head byte: the value itself, a length or a count. */
  private argument(info: number): number | bigint {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0) throw new CarFault(info === 31 ? 'an indefinite-length value (not DAG-CBOR)' : 'a reserved CBOR head byte');
    if (this.at + size > this.end) throw new CarFault('a block ends in the middle of a value');
    let value = 0n;
    for (let i = 0; i < size; i++) value = (value << 8n) | BigInt(this.bytes[this.at++]!);
    return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  }

  /** A length or count: it cannot exceed the bytes that remain (each item takes at least one). */
  private count(info: number, perItem: number): number {
    const n = this.argument(info);
    if (typeof n === 'bigint' || n * perItem > this.end - this.at) throw new CarFault('a length runs past the end of its block');
    return n;
  }

  private value(depth: number): CborValue {
    if (depth > this.maxDepth) throw new CarFault(`a value nested deeper than ${this.maxDepth} levels`);
    const head = this.byte();
    const major = head >> 5;
    const info = head & 0x1f;
    switch (major) {
      case 0:
        return this.argument(info);
      case 1: {
        const n = this.argument(info);
        return typeof n === 'bigint' ? -1n - n : -1 - n;
      }
      case 2: {
        const n = this.count(info, 1);
        return this.bytes.subarray(this.at, (this.at += n));
      }
      case 3: {
        const n = this.count(info, 1);
        try {
          return utf8.decode(this.bytes.subarray(this.at, (this.at += n)));
        } catch {
          throw new CarFault('a text that is not valid UTF-8');
        }
      }
      case 4: {
        const n = this.count(info, 1);
        const out: CborValue[] = [];
        for (let i = 0; i < n; i++) out.push(this.value(depth + 1));
        return out;
      }
      case 5: {
        const n = this.count(info, 2);
        // No prototype: a key "__proto__" is a key like any other.
        const out = Object.create(null) as { [key: string]: CborValue };
        for (let i = 0; i < n; i++) {
          const key = this.value(depth + 1);
          if (typeof key !== 'string') throw new CarFault('a map key that is not text (not DAG-CBOR)');
          if (Object.hasOwn(out, key)) throw new CarFault(`a map with the key "${key.slice(0, 40)}" twice`);
          out[key] = this.value(depth + 1);
        }
        return out;
      }
      case 6: {
        if (this.argument(info) !== 42) throw new CarFault('a CBOR tag other than 42 (not DAG-CBOR)');
        const link = this.value(depth + 1);
        if (!(link instanceof Uint8Array) || link.length < 2 || link[0] !== 0) throw new CarFault('a block link (tag 42) that is not a CID');
        return new CidLink(link.subarray(1));
      }
      default:
        return this.simple(info);
    }
  }

  private simple(info: number): CborValue {
    if (info === 20) return false;
    if (info === 21) return true;
    if (info === 22) return null;
    const size = info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0) throw new CarFault('a CBOR simple value DAG-CBOR does not allow');
    if (this.at + size > this.end) throw new CarFault('a block ends in the middle of a value');
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.at, size);
    this.at += size;
    return size === 2 ? halfFloat(view.getUint16(0)) : size === 4 ? view.getFloat32(0) : view.getFloat64(0);
  }
}

function halfFloat(bits: number): number {
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  const sign = bits & 0x8000 ? -1 : 1;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** Decodes one DAG-CBOR value (exported for tests); throws InputError on anything malformed. */
export function decodeDagCbor(bytes: Uint8Array, maxDepth = DEFAULT_CAR_LIMITS.maxDepth): CborValue {
  try {
    return new CborReader(bytes, maxDepth).whole();
  } catch (error) {
    if (error instanceof CarFault) refuse(error.message);
    throw error;
  }
}

type CborMap = { [key: string]: CborValue };
const isMap = (value: CborValue | undefined): value is CborMap =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array) && !(value instanceof CidLink);

interface Block {
  start: number;
  end: number;
}

/** The header and the index of every block, by CID bytes. A file cut short keeps the blocks before the cut. */
function indexBlocks(bytes: Uint8Array, limits: CarLimits, problems: CarProblem[]): { root: CidLink; blocks: Map<string, Block> } {
  const header = readVarint(bytes, 0);
  if (header.value === 0 || header.value > 64 * 1024 || header.next + header.value > bytes.length) throw new CarFault('its header length is impossible');
  const head = new CborReader(bytes, 4, header.next, header.next + header.value).whole();
  if (!isMap(head)) throw new CarFault('its header is not a map');
  if (head.version === 2) throw new CarFault('it is a CARv2 file; the Bluesky export is CARv1');
  if (head.version !== 1) throw new CarFault('its header has no "version": 1');
  const roots = head.roots;
  if (!Array.isArray(roots) || !(roots[0] instanceof CidLink)) throw new CarFault('its header names no root block');
  const blocks = new Map<string, Block>();
  let at = header.next + header.value;
  let unreadable = 0;
  while (at < bytes.length) {
    let section: { value: number; next: number } | undefined;
    try {
      section = readVarint(bytes, at);
    } catch (error) {
      if (!(error instanceof CarFault)) throw error;
    }
    // A length that cannot be read, is zero or runs past the end leaves nothing to resynchronise on.
    if (section === undefined || section.value === 0 || section.next + section.value > bytes.length) {
      const left = bytes.length - at;
      problems.push({
        id: 'bluesky.car-cut',
        message: `the file is cut short or damaged at byte ${at} (${left} bytes before its end): the blocks from there on are missing (download the export again)`,
        data: { byte: at, left },
      });
      break;
    }
    const end = section.next + section.value;
    if (blocks.size >= limits.maxBlocks) throw new CarFault(`more than ${limits.maxBlocks} blocks`);
    let length: number;
    try {
      length = cidLength(bytes, section.next, end);
    } catch (error) {
      if (!(error instanceof CarFault)) throw error;
      unreadable++;
      at = end;
      continue;
    }
    const key = Buffer.from(bytes.buffer, bytes.byteOffset + section.next, length).toString('latin1');
    if (!blocks.has(key)) blocks.set(key, { start: section.next + length, end });
    at = end;
  }
  if (unreadable > 0) {
    problems.push({
      id: 'bluesky.car-bad-addresses',
      message: `${unreadable} block${unreadable === 1 ? ' has' : 's have'} an unreadable address (CID) and ${unreadable === 1 ? 'was' : 'were'} skipped`,
      data: { n: unreadable },
    });
  }
  return { root: roots[0], blocks };
}

/**
 * Reads an exported repository: the account's DID from the commit, and every `app.bsky.feed.post`
 * record with its record key from the tree. Other collections are only counted.
 */
export function readBlueskyCar(bytes: Uint8Array, limits: CarLimits = DEFAULT_CAR_LIMITS): BlueskyCar {
  if (bytes.length > limits.maxBytes) refuse(`larger than ${Math.round(limits.maxBytes / 1024 / 1024)} MiB`);
  try {
    return readRepository(bytes, limits);
  } catch (error) {
    if (error instanceof CarFault) refuse(error.message);
    throw error;
  }
}

function readRepository(bytes: Uint8Array, limits: CarLimits): BlueskyCar {
  const problems: CarProblem[] = [];
  const { root, blocks } = indexBlocks(bytes, limits, problems);
  const decode = (link: CidLink): CborValue | undefined => {
    const block = blocks.get(link.key);
    return block ? new CborReader(bytes, limits.maxDepth, block.start, block.end).whole() : undefined;
  };

  const commit = decode(root);
  if (commit === undefined) {
    throw new CarFault(`its root block (the signed commit) is missing${problems[0] ? `; ${problems[0].message}` : ''}`);
  }
  if (!isMap(commit) || typeof commit.did !== 'string' || !commit.did.startsWith('did:') || !(commit.data instanceof CidLink)) {
    throw new CarFault('its root block is not a repository commit (no "did" and "data")');
  }
  const did = commit.did;

  const leaves = walkTree(commit.data, decode, limits, problems);
  leaves.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const collections = new Map<string, number>();
  const posts: RepoPost[] = [];
  let missing = 0;
  let broken = 0;
  let notPosts = 0;
  const records = new Map<string, CborValue | typeof MISSING | typeof BROKEN>();
  let previousKey: string | undefined;
  for (const { key, value } of leaves) {
    // A well-formed tree holds each key once; a hostile one may name it from several nodes.
    if (key === previousKey) continue;
    previousKey = key;
    const slash = key.indexOf('/');
    const collection = slash > 0 ? key.slice(0, slash) : key;
    collections.set(collection, (collections.get(collection) ?? 0) + 1);
    if (collection !== POST_COLLECTION) continue;
    // Each record block is decoded once however many keys name it: a hostile tree pointing thousands of
    // keys at one large block costs one decoding, not thousands.
    let record = records.get(value.key);
    if (record === undefined) {
      try {
        record = decode(value) ?? MISSING;
      } catch (error) {
        if (!(error instanceof CarFault)) throw error;
        record = BROKEN;
      }
      records.set(value.key, record);
    }
    if (record === BROKEN) {
      broken++;
      continue;
    }
    if (record === MISSING) missing++;
    else if (!isMap(record) || record.$type !== POST_COLLECTION) notPosts++;
    else posts.push({ rkey: key.slice(slash + 1), value: record });
  }
  if (missing > 0) {
    problems.push({
      id: 'bluesky.car-records-missing',
      message: `${missing} post record${missing === 1 ? ' is' : 's are'} named in the repository tree but not in the file; skipped`,
      data: { n: missing },
    });
  }
  if (broken > 0) {
    problems.push({
      id: 'bluesky.car-records-broken',
      message: `${broken} post record${broken === 1 ? ' is' : 's are'} not valid DAG-CBOR; skipped`,
      data: { n: broken },
    });
  }
  if (notPosts > 0) {
    problems.push({
      id: 'bluesky.car-not-posts',
      message: `${notPosts} record${notPosts === 1 ? '' : 's'} in ${POST_COLLECTION} ${notPosts === 1 ? 'is' : 'are'} not a post ("$type" differs); skipped`,
      data: { n: notPosts },
    });
  }
  return { did, rev: typeof commit.rev === 'string' ? commit.rev : undefined, posts, collections, problems };
}

/**
 * Every leaf of the MST under `rootLink`. A node is `{l, e: [{p, k, v, t}]}`: `l` the subtree before
 * its first entry, each entry's key the first `p` bytes of the previous entry's key plus `k`, `v` the
 * record, `t` the subtree after it. Nodes are visited once each, from an explicit stack.
 */
function walkTree(
  rootLink: CidLink,
  decode: (link: CidLink) => CborValue | undefined,
  limits: CarLimits,
  problems: CarProblem[],
): { key: string; value: CidLink }[] {
  const leaves: { key: string; value: CidLink }[] = [];
  const stack: CidLink[] = [rootLink];
  const visited = new Set<string>();
  let missing = 0;
  let broken = 0;
  while (stack.length > 0) {
    const link = stack.pop()!;
    const id = link.key;
    if (visited.has(id)) continue;
    visited.add(id);
    let node: CborValue | undefined;
    try {
      node = decode(link);
    } catch (error) {
      if (!(error instanceof CarFault)) throw error;
      broken++;
      continue;
    }
    if (node === undefined) {
      missing++;
      continue;
    }
    if (!isMap(node) || !Array.isArray(node.e) || !(node.l === null || node.l === undefined || node.l instanceof CidLink)) {
      broken++;
      continue;
    }
    if (node.l instanceof CidLink) stack.push(node.l);
    let previous = new Uint8Array(0);
    for (const entry of node.e) {
      const p = isMap(entry) ? entry.p : undefined;
      const k = isMap(entry) ? entry.k : undefined;
      const v = isMap(entry) ? entry.v : undefined;
      const t = isMap(entry) ? entry.t : undefined;
      if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p > previous.length || !(k instanceof Uint8Array) || !(v instanceof CidLink)) {
        broken++;
        break;
      }
      if (p + k.length > limits.maxKeyBytes) {
        broken++;
        break;
      }
      const key = new Uint8Array(p + k.length);
      key.set(previous.subarray(0, p));
      key.set(k, p);
      previous = key;
      let text: string;
      try {
        text = utf8.decode(key);
      } catch {
        broken++;
        continue;
      }
      leaves.push({ key: text, value: v });
      if (t instanceof CidLink) stack.push(t);
    }
  }
  if (missing > 0) {
    problems.push({
      id: 'bluesky.car-tree-missing',
      message: `${missing} part${missing === 1 ? '' : 's'} of the repository tree ${missing === 1 ? 'is' : 'are'} not in the file: the records under ${missing === 1 ? 'it' : 'them'} are missing`,
      data: { n: missing },
    });
  }
  if (broken > 0) {
    problems.push({
      id: 'bluesky.car-tree-broken',
      message: `${broken} part${broken === 1 ? '' : 's'} of the repository tree could not be read: the records under ${broken === 1 ? 'it' : 'them'} are missing`,
      data: { n: broken },
    });
  }
  return leaves;
}

/** Whether a decoded head looks like a CARv1 header (`{roots, version}` as CBOR text keys). */
export function looksLikeCar(head: string): boolean {
  const start = head.slice(0, 160);
  return start.includes('eroots') && start.includes('gversion');
}
