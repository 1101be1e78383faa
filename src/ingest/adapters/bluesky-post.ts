/**
 * What the two Bluesky readers share: the `at://` addresses, the record keys that carry a time (TIDs),
 * the web address of a post, and a post record's fields (`app.bsky.feed.post`: `text`, `createdAt`,
 * `langs`, `reply.parent`, `reply.root`), whether it came out of a `.car` as DAG-CBOR or from the API as
 * JSON.
 */
import { parseFlexibleDate } from '../../time/dates.js';

export const PLATFORM = 'bluesky';
export const POST_COLLECTION = 'app.bsky.feed.post';

/** A handle the AppView could not verify: the account is then named by its DID. */
const INVALID_HANDLE = 'handle.invalid';

export interface AtUri {
  /** A DID, or (rarely, in hand-written addresses) a handle. */
  authority: string;
  collection: string;
  rkey: string;
}

/** `at://did:plc:abc/app.bsky.feed.post/3l6abc…` → its parts; undefined for anything else. */
export function parseAtUri(uri: string): AtUri | undefined {
  const m = /^at:\/\/([^/?#\s]{1,2048})\/([a-zA-Z][a-zA-Z0-9.-]{0,316})\/([A-Za-z0-9._:~-]{1,512})$/.exec(uri);
  return m ? { authority: m[1]!, collection: m[2]!, rkey: m[3]! } : undefined;
}

export function postUri(did: string, rkey: string): string {
  return `at://${did}/${POST_COLLECTION}/${rkey}`;
}

/** The bsky.app address of a post: the handle reads better, the DID outlives a change of handle. */
export function postUrl(profile: string, rkey: string): string {
  return `https://bsky.app/profile/${profile}/post/${encodeURIComponent(rkey)}`;
}

const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';
/** No Bluesky post was written before the network existed; a smaller value is not a time. */
const EARLIEST_TID_MS = Date.UTC(2022, 0, 1);
const LATEST_TID_MS = Date.UTC(2100, 0, 1);

/**
 * The time a record key says, epoch ms: a TID is 13 base32 characters holding microseconds since 1970
 * above a 10-bit clock id. Apps mint it when they write the post, so it is as client-supplied as
 * `createdAt`, but it is what a reply's parent leaves when its text is not in the data.
 */
export function tidTime(rkey: string): number | undefined {
  if (rkey.length !== 13) return undefined;
  let value = 0n;
  for (const ch of rkey) {
    const digit = TID_ALPHABET.indexOf(ch);
    if (digit < 0) return undefined;
    value = (value << 5n) | BigInt(digit);
  }
  // The top bit is always zero.
  if (value >> 63n !== 0n) return undefined;
  const ms = Number((value >> 10n) / 1000n);
  return ms >= EARLIEST_TID_MS && ms < LATEST_TID_MS ? ms : undefined;
}

/** A post's `createdAt` (RFC 3339, offset required) as epoch ms, or undefined. */
export function parseCreatedAt(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 64) return undefined;
  const parsed = parseFlexibleDate(value, 'day-first', 'UTC');
  return parsed?.hasOffset && !parsed.dateOnly ? parsed.ms : undefined;
}

export function authorName(did: string, handle: unknown): string {
  return typeof handle === 'string' && handle !== '' && handle !== INVALID_HANDLE && handle.length <= 253 ? handle : did;
}

/** What a post record says, read the same from CBOR and JSON. */
export interface PostFields {
  text: string;
  createdAt: unknown;
  lang: string | undefined;
  parent: string | undefined;
  root: string | undefined;
  /** The DIDs the text mentions, with the UTF-8 byte range of each mention (facets). */
  mentions: { did: string; byteStart: number; byteEnd: number }[];
}

type Loose = { [key: string]: unknown };
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export function postFields(record: Loose): PostFields {
  const reply = isObject(record.reply) ? record.reply : undefined;
  const parent = isObject(reply?.parent) ? str(reply.parent.uri) : undefined;
  const root = isObject(reply?.root) ? str(reply.root.uri) : undefined;
  const langs = Array.isArray(record.langs) ? record.langs : [];
  const mentions: PostFields['mentions'] = [];
  if (Array.isArray(record.facets)) {
    for (const facet of record.facets.slice(0, 256)) {
      if (!isObject(facet) || !isObject(facet.index) || !Array.isArray(facet.features)) continue;
      const { byteStart, byteEnd } = facet.index;
      if (typeof byteStart !== 'number' || typeof byteEnd !== 'number') continue;
      for (const feature of facet.features) {
        if (isObject(feature) && feature.$type === 'app.bsky.richtext.facet#mention' && typeof feature.did === 'string') {
          mentions.push({ did: feature.did, byteStart, byteEnd });
        }
      }
    }
  }
  return {
    text: typeof record.text === 'string' ? record.text : '',
    createdAt: record.createdAt,
    lang: typeof langs[0] === 'string' && langs[0] !== '' && langs[0].length <= 64 ? langs[0] : undefined,
    parent: parent && parseAtUri(parent) ? parent : undefined,
    root: root && parseAtUri(root) ? root : undefined,
    mentions,
  };
}

/**
 * The handle a post's text gives for a mentioned DID: facet offsets count UTF-8 bytes, not UTF-16
 * units, so the text is sliced as bytes. Undefined unless the slice is an "@handle".
 */
export function mentionedHandle(text: string, mention: { byteStart: number; byteEnd: number }): string | undefined {
  const bytes = new TextEncoder().encode(text);
  const { byteStart, byteEnd } = mention;
  if (!Number.isInteger(byteStart) || !Number.isInteger(byteEnd) || byteStart < 0 || byteEnd > bytes.length || byteEnd - byteStart > 254) return undefined;
  const slice = new TextDecoder().decode(bytes.subarray(byteStart, byteEnd));
  const m = /^@([a-z0-9](?:[a-z0-9-]{0,62}\.)+[a-z][a-z0-9-]{0,62})$/i.exec(slice);
  return m && m[1]!.toLowerCase() !== INVALID_HANDLE ? m[1]!.toLowerCase() : undefined;
}
