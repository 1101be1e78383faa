/**
 * Bluesky "Export my data" (`repo.car`): the account's atproto repository, read by bluesky-car.ts.
 * Only the account's own `app.bsky.feed.post` records are posts here; the posts it answered belong to
 * other repositories. As with an X archive, each answered post becomes a text-less placeholder, timed
 * from its record key (a TID), so first-response times still work.
 *
 * The repository names its account by DID only (handles live in the DID document, outside it). The
 * handle is taken from a JSON file beside the export that pairs that DID with a handle (a saved thread
 * or profile), else from the account mentioning itself in a post (facets give the DID and the byte
 * range of the "@handle"); failing both, the DID is the author and the note says to pass it to --brand.
 */
import type { AdapterInput, IngestAdapter, IngestSink } from '../../contract/adapter.js';
import type { PostRecord } from '../../contract/post.js';
import { InputError } from '../../errors.js';
import { clip } from '../text-cleanup.js';
import { type CborValue, CidLink, looksLikeCar, readBlueskyCar, type RepoPost } from './bluesky-car.js';
import { mentionedHandle, parseAtUri, parseCreatedAt, PLATFORM, POST_COLLECTION, postFields, postUri, postUrl, tidTime } from './bluesky-post.js';

/** Sibling files read for the handle: how many, and how much of each. */
const MAX_HANDLE_SIBLINGS = 8;
const MAX_HANDLE_SIBLING_CHARS = 4 * 1024 * 1024;

/** CBOR values as the JSON-like shapes `postFields` reads (bytes and links are not needed there). */
function plain(value: CborValue): unknown {
  if (value instanceof Uint8Array || value instanceof CidLink) return undefined;
  return value;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A JSON file beside the export that pairs the repository's DID with a handle, as API responses do. */
async function handleFromSiblings(input: AdapterInput, did: string): Promise<{ handle: string; file: string } | undefined> {
  const pair = new RegExp(`"did"\\s*:\\s*"${escapeRegExp(did)}"\\s*,\\s*"handle"\\s*:\\s*"([a-zA-Z0-9.-]{3,253})"`);
  const candidates = input.siblings.filter((name) => name.toLowerCase().endsWith('.json')).slice(0, MAX_HANDLE_SIBLINGS);
  for (const name of candidates) {
    const file = await input.openSibling(name);
    if (!file) continue;
    let text = '';
    for await (const chunk of file.chunks) {
      text += chunk;
      if (text.length > MAX_HANDLE_SIBLING_CHARS) break;
    }
    const m = pair.exec(text);
    if (m && m[1]!.toLowerCase() !== 'handle.invalid') return { handle: m[1]!.toLowerCase(), file: name };
  }
  return undefined;
}

/** The handle the account gives itself when a post mentions its own DID. */
function handleFromSelfMention(posts: readonly RepoPost[], did: string): string | undefined {
  for (const post of posts) {
    const fields = postFields(post.value as Record<string, unknown>);
    for (const mention of fields.mentions) {
      if (mention.did !== did) continue;
      const handle = mentionedHandle(fields.text, mention);
      if (handle) return handle;
    }
  }
  return undefined;
}

function describeCollections(collections: Map<string, number>): { n: number; list: string } {
  const others = [...collections].filter(([name]) => name !== POST_COLLECTION).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const n = others.reduce((sum, [, count]) => sum + count, 0);
  const shown = others.slice(0, 6).map(([name, count]) => `${count} ${name}`);
  return { n, list: others.length > 6 ? `${shown.join(', ')}…` : shown.join(', ') };
}

function noteOwner(sink: IngestSink, did: string, handle: { handle: string; file?: string } | undefined): void {
  if (!handle) {
    sink.note(
      `the repository names its account only by its DID, ${did}: it is the author of every post, so name it in --brand (e.g. --brand ${did}), or put a saved thread of the account beside the .car to learn its handle`,
      { id: 'bluesky.repo-did-only', data: { did } },
    );
  } else if (handle.file) {
    sink.note(`the account ${did} is ${handle.handle}, as ${handle.file} beside the export says`, {
      id: 'bluesky.repo-handle-file',
      data: { did, handle: handle.handle, file: handle.file },
    });
  } else {
    sink.note(`the account ${did} is ${handle.handle}, as a post where it mentions itself says`, {
      id: 'bluesky.repo-handle-mention',
      data: { did, handle: handle.handle },
    });
  }
}

export const blueskyRepoAdapter: IngestAdapter = {
  id: 'bluesky-repo',
  binary: true,
  title: 'Bluesky repository export (repo.car)',
  detection: 'a binary CARv1 file: named .car, or starting with the CBOR header {roots, version: 1} (what Bluesky\'s "Export my data" saves)',
  yields:
    "the account's own posts and replies with their client-set times and languages; the posts it answered are in other accounts' repositories, so each is a placeholder with no text, timed from its record key; likes, reposts and follows are only counted",
  capabilities: { customerTexts: false, deletions: 'never', ratings: 'never', datePrecision: 'exact', layout: 'single-channel', globalIds: true },
  detect({ name, head }) {
    if (looksLikeCar(head)) return { confidence: 0.95 };
    return name.toLowerCase().endsWith('.car') ? { confidence: 0.9 } : { confidence: 0 };
  },
  async parse(input, sink) {
    if (!input.bytes) {
      throw new InputError(
        `${input.name}: a Bluesky repository export is a binary .car file, and this input was read as text`,
        'name the .car file as it was saved',
      );
    }
    let car: ReturnType<typeof readBlueskyCar>;
    try {
      car = readBlueskyCar(await input.bytes());
    } catch (error) {
      if (error instanceof InputError && !error.message.startsWith(`${input.name}:`)) throw new InputError(`${input.name}: ${error.message}`, error.hint);
      throw error;
    }
    for (const { id, message, data } of car.problems) sink.warn({ code: id.replace(/^bluesky\./, ''), message, id, data });
    const { did } = car;
    const fromFile = await handleFromSiblings(input, did);
    const fromMention = fromFile ? undefined : handleFromSelfMention(car.posts, did);
    const handle = fromFile ?? (fromMention ? { handle: fromMention } : undefined);
    const author = handle?.handle ?? did;
    sink.channelOwner(author);
    noteOwner(sink, did, handle);

    const own = new Set(car.posts.map((post) => postUri(did, post.rkey)));
    const placeholders = new Set<string>();
    let unknownParentTimes = 0;
    let posted = 0;
    for (const post of car.posts) {
      const uri = postUri(did, post.rkey);
      const record: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(post.value)) record[key] = plain(value);
      const fields = postFields(record);
      const time = parseCreatedAt(fields.createdAt);
      if (time === undefined) {
        const value = clip(typeof fields.createdAt === 'string' ? fields.createdAt : '');
        sink.warn({
          code: 'bad-date',
          message: `post ${uri}: "createdAt" "${value}" is not an RFC 3339 time with an offset; skipped`,
          id: 'bluesky.bad-date',
          data: { id: uri, value },
        });
        continue;
      }
      const out: PostRecord = {
        id: uri,
        platform: PLATFORM,
        author,
        time,
        text: fields.text,
        inReplyTo: fields.parent,
        threadId: fields.root,
        url: postUrl(author, post.rkey),
        lang: fields.lang,
        role: 'brand',
        visibility: 'public',
        timePrecision: 'exact',
      };
      sink.post(out);
      posted++;
      // The post answered is in its author's repository: a placeholder, timed from its record key.
      const parent = fields.parent === undefined ? undefined : parseAtUri(fields.parent);
      if (!parent || own.has(fields.parent!) || placeholders.has(fields.parent!) || parent.authority === did) continue;
      const parentTime = tidTime(parent.rkey);
      // createdAt carries milliseconds, the key microseconds: a parent within the same millisecond is not later.
      if (parentTime === undefined || parentTime > time) {
        unknownParentTimes++;
        continue;
      }
      placeholders.add(fields.parent!);
      sink.post({
        id: fields.parent!,
        platform: PLATFORM,
        author: parent.authority,
        time: parentTime,
        text: '',
        threadId: fields.root,
        url: postUrl(parent.authority, parent.rkey),
        role: 'customer',
        visibility: 'public',
        timePrecision: 'exact',
      });
    }
    if (posted > 0) {
      sink.note(
        "a Bluesky repository holds only the account's own posts: the customers' texts are not in it; each post it answered is a placeholder with no text (see below)",
        { id: 'bluesky.repo-own-posts' },
      );
      sink.note('post times are "createdAt", which the posting app sets: an app can backdate a post (imports from other networks do)', {
        id: 'bluesky.client-time',
      });
    }
    if (placeholders.size > 0) {
      sink.note(
        `${placeholders.size} post${placeholders.size === 1 ? '' : 's'} the account answered ${placeholders.size === 1 ? 'is a placeholder' : 'are placeholders'} with no text, timed from ${placeholders.size === 1 ? 'its' : 'their'} record key and authored by DID, so whether ${placeholders.size === 1 ? 'it' : 'they'} needed a reply is unknown`,
        { id: 'bluesky.repo-placeholders', data: { n: placeholders.size } },
      );
    }
    if (unknownParentTimes > 0) {
      sink.warn({
        code: 'parent-time-unknown',
        message: `${unknownParentTimes} repl${unknownParentTimes === 1 ? 'y answers a post' : 'ies answer posts'} whose record key carries no usable time (not a TID, or later than the reply); no placeholder was made`,
        id: 'bluesky.parent-time-unknown',
        data: { n: unknownParentTimes },
      });
    }
    const others = describeCollections(car.collections);
    if (others.n > 0) {
      sink.note(`the repository also holds ${others.n} other record${others.n === 1 ? '' : 's'} (${others.list}): not posts, only counted`, {
        id: 'bluesky.repo-other-records',
        data: { n: others.n, list: others.list },
      });
    }
  },
};
