/**
 * Bluesky API responses saved as JSON, where the customers' side is: `app.bsky.feed.getPostThread`
 * (`{thread}`: a ThreadViewPost with its `parent` chain and nested `replies`), and, read the same way,
 * feeds (`getAuthorFeed` and the like: `{feed: [{post, reply: {root, parent}}]}`), post lists
 * (`getPosts`, `searchPosts`: `{posts}`), `com.atproto.repo.listRecords` pages (`{records: [{uri,
 * value}]}`) and JSON arrays of any of these items.
 *
 * Every author's posts are kept, named by handle (the DID when the handle is `handle.invalid`); the
 * brand is whoever --brand names. A deleted post (`#notFoundPost`) is a text-less placeholder marked
 * deleted, timed from its record key; a post hidden by a block (`#blockedPost`) is only counted. The
 * time is the earlier of `createdAt` (set by the posting app) and `indexedAt` (when the AppView saw the
 * post), the rule Bluesky itself sorts by, so a post dated in the future is dated when it arrived.
 * Replies the thread's author hid (the threadgate's `hiddenReplies`) are marked hidden.
 */
import type { IngestAdapter, IngestSink } from '../../contract/adapter.js';
import type { PostRecord } from '../../contract/post.js';
import { InputError } from '../../errors.js';
import { readJsonInput } from '../bounded-json.js';
import { clip } from '../text-cleanup.js';
import { authorName, parseAtUri, parseCreatedAt, PLATFORM, POST_COLLECTION, postFields, postUrl, tidTime } from './bluesky-post.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** getPostThread answers at most 1000 levels down and up; a file deeper than that is not an API answer. */
export const MAX_THREAD_DEPTH = 1000;
/** Each thread level is three JSON levels (object, "replies" array, object). */
const JSON_LIMITS = { maxDepth: 3 * MAX_THREAD_DEPTH + 64, maxStringChars: 1 << 20 };
/** A createdAt this much earlier than indexedAt is an import or a backdated post. */
const BACKDATED_MS = 24 * 60 * 60 * 1000;

const THREAD_VIEW = 'app.bsky.feed.defs#threadViewPost';
const NOT_FOUND = 'app.bsky.feed.defs#notFoundPost';
const BLOCKED = 'app.bsky.feed.defs#blockedPost';

interface Read {
  sink: IngestSink;
  /** Posts by uri, in the order first met; a post seen twice (a feed and its reply context) counts once. */
  posts: Map<string, PostRecord>;
  /** DID → handle, from every author seen: deleted posts are named like their author's other posts. */
  handles: Map<string, string>;
  deleted: Map<string, { uri: string; did: string; rkey: string; parent: string | undefined }>;
  hidden: Set<string>;
  blocked: number;
  reposts: number;
  tooDeep: number;
  noUri: number;
  futureDated: number;
  backdated: number;
  indexedOnly: number;
  other: number;
}

function kindOf(node: Json): 'post' | 'not-found' | 'blocked' | 'other' {
  const type = node.$type;
  if (type === NOT_FOUND || node.notFound === true) return 'not-found';
  if (type === BLOCKED || node.blocked === true) return 'blocked';
  if (type === THREAD_VIEW || isObject(node.post)) return 'post';
  return 'other';
}

/** One PostView (`{uri, author, record, indexedAt}`) or listRecords entry (`{uri, value}`). */
function readPostView(view: Json, read: Read): void {
  const uri = str(view.uri);
  const address = uri ? parseAtUri(uri) : undefined;
  const record = isObject(view.record) ? view.record : isObject(view.value) ? view.value : undefined;
  if (!uri || !address || !record) {
    if (record?.$type === POST_COLLECTION) read.noUri++;
    else read.other++;
    return;
  }
  if (read.posts.has(uri) || address.collection !== POST_COLLECTION) return;
  const author = isObject(view.author) ? view.author : {};
  const did = str(author.did) ?? address.authority;
  const name = authorName(did, author.handle);
  if (name !== did) read.handles.set(did, name);
  collectHidden(view, read);
  const fields = postFields(record);
  const created = parseCreatedAt(fields.createdAt);
  const indexed = parseCreatedAt(view.indexedAt);
  let time = created ?? indexed;
  if (time === undefined) {
    const value = clip(typeof fields.createdAt === 'string' ? fields.createdAt : '');
    read.sink.warn({
      code: 'bad-date',
      message: `post ${uri}: "createdAt" "${value}" is not an RFC 3339 time with an offset, and it has no "indexedAt"; skipped`,
      id: 'bluesky.thread-bad-date',
      data: { id: uri, value },
    });
    return;
  }
  if (created === undefined) read.indexedOnly++;
  else if (indexed !== undefined) {
    if (indexed < created) {
      read.futureDated++;
      time = indexed;
    } else if (indexed - created > BACKDATED_MS) read.backdated++;
  }
  read.posts.set(uri, {
    id: uri,
    platform: PLATFORM,
    author: name,
    time,
    text: fields.text,
    inReplyTo: fields.parent,
    threadId: fields.root,
    url: postUrl(name, address.rkey),
    lang: fields.lang,
    visibility: 'public',
    timePrecision: 'exact',
  });
}

/** The replies a thread's author hid, from a post's threadgate. */
function collectHidden(view: Json, read: Read): void {
  const gate = isObject(view.threadgate) ? view.threadgate : undefined;
  const hidden = isObject(gate?.record) ? gate.record.hiddenReplies : undefined;
  if (!Array.isArray(hidden)) return;
  for (const uri of hidden.slice(0, 10_000)) if (typeof uri === 'string') read.hidden.add(uri);
}

function readNotFound(node: Json, parent: string | undefined, read: Read): void {
  const uri = str(node.uri);
  const address = uri ? parseAtUri(uri) : undefined;
  if (!uri || !address || read.deleted.has(uri)) return;
  read.deleted.set(uri, { uri, did: address.authority, rkey: address.rkey, parent });
}

/**
 * A thread, from an explicit stack: the `parent` chain upwards and the `replies` downwards, each bounded
 * by MAX_THREAD_DEPTH, so a hostile file can neither blow the stack nor loop (JSON holds no cycles).
 */
function readThread(root: Json, read: Read): void {
  const stack: { node: Json; depth: number; parent: string | undefined }[] = [{ node: root, depth: 0, parent: undefined }];
  // Upwards: each parent is read like a reply of nobody; the posts name their own parents.
  let up = root.parent;
  for (let height = 1; isObject(up); height++) {
    if (height > MAX_THREAD_DEPTH) {
      read.tooDeep++;
      break;
    }
    stack.push({ node: up, depth: MAX_THREAD_DEPTH, parent: undefined });
    up = up.parent;
  }
  while (stack.length > 0) {
    const { node, depth, parent } = stack.pop()!;
    const kind = kindOf(node);
    if (kind === 'not-found') {
      readNotFound(node, parent, read);
      continue;
    }
    if (kind === 'blocked') {
      read.blocked++;
      continue;
    }
    if (kind === 'other' || !isObject(node.post)) {
      read.other++;
      continue;
    }
    readPostView(node.post, read);
    const uri = str(node.post.uri);
    if (!Array.isArray(node.replies) || node.replies.length === 0) continue;
    // Parents pushed with MAX_THREAD_DEPTH carry no replies in API answers; their replies are not followed.
    if (depth >= MAX_THREAD_DEPTH) {
      read.tooDeep++;
      continue;
    }
    for (let k = node.replies.length - 1; k >= 0; k--) {
      const reply = node.replies[k];
      if (isObject(reply)) stack.push({ node: reply, depth: depth + 1, parent: uri });
      else read.other++;
    }
  }
}

/** One element of a feed, a post list, a listRecords page or a bare array. */
function readItem(item: unknown, read: Read): void {
  if (!isObject(item)) {
    read.other++;
    return;
  }
  if (isObject(item.thread)) {
    collectHidden(item, read);
    readThread(item.thread, read);
    return;
  }
  if (item.$type === THREAD_VIEW || Array.isArray(item.replies) || isObject(item.parent)) {
    readThread(item, read);
    return;
  }
  // A feed item: the post, and the posts it answers (the reply context is where customers' texts are).
  if (isObject(item.post) && !str(item.uri)) {
    if (isObject(item.reason) && String(item.reason.$type).endsWith('#reasonRepost')) {
      read.reposts++;
      return;
    }
    readPostView(item.post, read);
    const context = isObject(item.reply) ? item.reply : undefined;
    for (const node of [context?.root, context?.parent]) {
      if (!isObject(node)) continue;
      const kind = kindOf(node);
      if (kind === 'not-found') readNotFound(node, undefined, read);
      else if (kind === 'blocked') read.blocked++;
      else readPostView(node, read);
    }
    return;
  }
  const kind = kindOf(item);
  if (kind === 'not-found') readNotFound(item, undefined, read);
  else if (kind === 'blocked') read.blocked++;
  else if (item.$type === POST_COLLECTION) read.noUri++;
  else readPostView(item, read);
}

function itemsOf(doc: unknown): unknown[] | undefined {
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) return undefined;
  if (isObject(doc.thread) || str(doc.uri) || doc.$type === POST_COLLECTION) return [doc];
  for (const key of ['feed', 'posts', 'records'] as const) if (Array.isArray(doc[key])) return doc[key] as unknown[];
  return undefined;
}

const has = (start: string, pattern: RegExp): boolean => pattern.test(start);

export const blueskyThreadAdapter: IngestAdapter = {
  id: 'bluesky-thread',
  title: 'Bluesky API JSON (getPostThread, author feeds, post lists)',
  detection:
    'JSON from the Bluesky API: {"thread": …} with app.bsky.feed.defs#threadViewPost or an at:// post, {"feed": [{"post": …}]}, {"posts": […]}, {"records": […]} of app.bsky.feed.post, or an array of those posts',
  yields:
    'every author\'s posts in the threads, with exact times (the earlier of "createdAt" and "indexedAt") and languages; deleted replies are text-less placeholders marked deleted, posts hidden by blocks are only counted',
  capabilities: { customerTexts: true, deletions: 'never', ratings: 'never', datePrecision: 'exact', layout: 'single-channel', globalIds: true },
  detect({ head }) {
    const start = head
      .replace(/^\ufeff/, '')
      .trimStart()
      .slice(0, 16384);
    if (!start.startsWith('{') && !start.startsWith('[')) return { confidence: 0 };
    const atPost = /"uri"\s*:\s*"at:\/\/[^"]+\/app\.bsky\.feed\.post\//.test(start);
    if (has(start, /^\{\s*"thread"\s*:/) && (start.includes(THREAD_VIEW) || atPost)) return { confidence: 0.95 };
    if (has(start, /^\{\s*"(?:feed|posts|records)"\s*:\s*\[/) && atPost) return { confidence: 0.9 };
    if (start.startsWith('[') && (atPost || /"\$type"\s*:\s*"app\.bsky\.feed\.post"/.test(start))) return { confidence: 0.85 };
    if (/"\$type"\s*:\s*"app\.bsky\.feed\.(?:post|defs#threadViewPost)"/.test(start)) return { confidence: 0.8 };
    return { confidence: 0 };
  },
  async parse(input, sink) {
    const doc = await readJsonInput(input, 'a Bluesky API response', JSON_LIMITS);
    const items = itemsOf(doc);
    if (!items) {
      throw new InputError(
        `${input.name}: not a Bluesky API response: expected {"thread": …}, {"feed": […]}, {"posts": […]}, {"records": […]} or an array of posts`,
        'save the JSON that app.bsky.feed.getPostThread returns',
      );
    }
    const read: Read = {
      sink,
      posts: new Map(),
      handles: new Map(),
      deleted: new Map(),
      hidden: new Set(),
      blocked: 0,
      reposts: 0,
      tooDeep: 0,
      noUri: 0,
      futureDated: 0,
      backdated: 0,
      indexedOnly: 0,
      other: 0,
    };
    for (const item of items) readItem(item, read);

    for (const post of read.posts.values()) {
      if (read.hidden.has(post.id)) post.deleted = true;
      sink.post(post);
    }
    let placed = 0;
    let undated = 0;
    for (const gone of read.deleted.values()) {
      if (read.posts.has(gone.uri)) continue;
      const parent = gone.parent === undefined ? undefined : read.posts.get(gone.parent);
      const keyTime = tidTime(gone.rkey);
      // Without a time in its key, a deleted reply is dated at the earliest it can be: its parent.
      const time = keyTime ?? parent?.time;
      if (time === undefined) {
        undated++;
        continue;
      }
      const author = read.handles.get(gone.did) ?? gone.did;
      sink.post({
        id: gone.uri,
        platform: PLATFORM,
        author,
        time,
        text: '',
        inReplyTo: gone.parent,
        threadId: parent?.threadId ?? parent?.id,
        url: postUrl(author, gone.rkey),
        deleted: true,
        visibility: 'public',
        timePrecision: keyTime === undefined ? 'unknown' : 'exact',
      });
      placed++;
    }
    noteWhatWasRead(sink, read, placed, undated);
  },
};

function noteWhatWasRead(sink: IngestSink, read: Read, placed: number, undated: number): void {
  const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);
  if (read.posts.size > 0) {
    sink.note('post times are the earlier of "createdAt" (set by the posting app) and "indexedAt" (when Bluesky saw the post), as Bluesky sorts them', {
      id: 'bluesky.thread-time',
    });
  }
  if (read.futureDated > 0) {
    sink.note(
      `${read.futureDated} ${plural(read.futureDated, 'post was', 'posts were')} dated after Bluesky saw ${plural(read.futureDated, 'it', 'them')}: dated by "indexedAt"`,
      { id: 'bluesky.future-dated', data: { n: read.futureDated } },
    );
  }
  if (read.backdated > 0) {
    sink.note(
      `${read.backdated} ${plural(read.backdated, 'post is', 'posts are')} dated more than a day before Bluesky saw ${plural(read.backdated, 'it', 'them')} (imported or backdated): ${plural(read.backdated, 'its', 'their')} "createdAt" is kept`,
      { id: 'bluesky.backdated', data: { n: read.backdated } },
    );
  }
  if (read.indexedOnly > 0) {
    sink.warn({
      code: 'no-created-at',
      message: `${read.indexedOnly} ${plural(read.indexedOnly, 'post has', 'posts have')} no readable "createdAt": dated by "indexedAt"`,
      id: 'bluesky.indexed-only',
      data: { n: read.indexedOnly },
    });
  }
  if (placed > 0) {
    sink.note(
      `${placed} deleted ${plural(placed, 'post', 'posts')} (notFound) ${plural(placed, 'is a placeholder', 'are placeholders')} with no text, timed from ${plural(placed, 'its', 'their')} record key; on Bluesky only a post's author deletes it, so deletions are not judged`,
      { id: 'bluesky.deleted', data: { n: placed } },
    );
  }
  if (undated > 0) {
    sink.warn({
      code: 'deleted-undated',
      message: `${undated} deleted ${plural(undated, 'post', 'posts')} (notFound) ${plural(undated, 'has', 'have')} neither a time in ${plural(undated, 'its', 'their')} record key nor a parent in the file; left out`,
      id: 'bluesky.deleted-undated',
      data: { n: undated },
    });
  }
  const hidden = [...read.hidden].filter((uri) => read.posts.has(uri)).length;
  if (hidden > 0) {
    sink.note(`${hidden} ${plural(hidden, 'reply was', 'replies were')} hidden by the thread's author (threadgate): marked hidden`, {
      id: 'bluesky.hidden',
      data: { n: hidden },
    });
  }
  if (read.blocked > 0) {
    sink.note(`${read.blocked} ${plural(read.blocked, 'post is', 'posts are')} hidden by a block (blockedPost): not in the file`, {
      id: 'bluesky.blocked',
      data: { n: read.blocked },
    });
  }
  if (read.reposts > 0) {
    sink.note(
      `${read.reposts} ${plural(read.reposts, 'repost', 'reposts')} left out: ${plural(read.reposts, "it is another account's post", "they are other accounts' posts")}`,
      {
        id: 'bluesky.reposts',
        data: { n: read.reposts },
      },
    );
  }
  if (read.tooDeep > 0) {
    sink.warn({
      code: 'thread-too-deep',
      message: `the thread nests deeper than ${MAX_THREAD_DEPTH} levels (more than the API ever answers): the posts below that were not read`,
      id: 'bluesky.too-deep',
      data: { max: MAX_THREAD_DEPTH },
    });
  }
  if (read.noUri > 0) {
    sink.warn({
      code: 'no-uri',
      message: `${read.noUri} post ${plural(read.noUri, 'record has', 'records have')} no "uri" (a bare record names neither its post nor its author); skipped: save the API response, which has them`,
      id: 'bluesky.no-uri',
      data: { n: read.noUri },
    });
  }
  if (read.other > 0) {
    sink.warn({
      code: 'bad-entry',
      message: `${read.other} ${plural(read.other, 'entry is', 'entries are')} not a Bluesky post, thread or deleted post; skipped`,
      id: 'bluesky.bad-entry',
      data: { n: read.other },
    });
  }
}
