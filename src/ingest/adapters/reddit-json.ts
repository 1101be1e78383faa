/**
 * Reddit threads as JSON: the comment page (`…/comments/<id>.json`, a two-element array
 * `[postListing, commentListing]`), a bare Listing (`/r/<sub>/comments.json`, `/user/<name>/comments.json`),
 * or JSON Lines of comments and posts one per line (Pushshift-style dumps, bare or wrapped as things).
 *
 * Both sides of each thread are here: the post (t3) and every loaded comment (t1), linked by
 * `parent_id` and grouped by `link_id`, with exact times (`created_utc`, float seconds). Quirks handled:
 * `replies` is "" when a comment has none; `kind:"more"` stubs stand for comments the page did not load
 * ("load more", or "continue this thread" when their `children` is empty), counted in a note; deleted
 * and removed comments keep their place as "[deleted]"/"[removed]"; bodies are markdown with
 * `&amp; &lt; &gt;` escaped. The nesting is walked with an explicit stack, never recursion, so a deep
 * thread cannot blow the stack; the JSON depth is bounded before parsing.
 */
import type { AdapterInput, IngestAdapter, IngestSink } from '../../contract/adapter.js';
import type { PostRecord } from '../../contract/post.js';
import { InputError } from '../../errors.js';
import { DEFAULT_JSON_LIMITS, inputLines, JsonLimitError, jsonLayout, MAX_JSON_LINE_CHARS, parseBoundedJson, readJsonInput } from '../bounded-json.js';
import {
  absoluteUrl,
  epochSecondsToMs,
  fullname,
  isObject,
  markdownText,
  parentFullname,
  REDDIT_ORIGIN,
  type Removal,
  removalOf,
  str,
  subredditChannel,
} from './reddit-common.js';

/**
 * Each level of replies nests five JSON levels (children, thing, data, replies, data): 600 allows a
 * thread well over a hundred replies deep, more than Reddit ever serves in one page.
 */
const REDDIT_JSON_LIMITS = { ...DEFAULT_JSON_LIMITS, maxDepth: 600 };

/** A stub's `count` past this is not a real thread's: its own list of ids is counted instead. */
const MAX_STUB_COUNT = 10_000_000;

/** Values of `removed_by_category` that mean the author removed the post, not a moderator or Reddit. */
const REMOVED_BY_AUTHOR = new Set(['deleted', 'author']);

type Json = Record<string, unknown>;

interface Walk {
  sink: IngestSink;
  posted: number;
  removals: Record<Removal, number>;
  loadMoreStubs: number;
  unloaded: number;
  continueThreadStubs: number;
  otherThings: number;
  /** The subreddit of the last post read, for comments that do not name theirs. */
  postChannel: string | undefined;
  /** Authors of comments distinguished as moderator or admin, with their counts. */
  distinguished: Map<string, number>;
}

function readThing(kind: 't1' | 't3', data: Json, line: number | undefined, walk: Walk): void {
  const id = (str(data.name)?.startsWith(`${kind}_`) ? fullname(kind, data.name) : undefined) ?? fullname(kind, data.id);
  const at = line === undefined ? {} : { line };
  if (!id) {
    walk.sink.warn({
      ...at,
      code: 'bad-id',
      message: `a ${kind === 't1' ? 'comment' : 'post'} without a usable "id"; skipped`,
      id: kind === 't1' ? 'reddit.comment-no-id' : 'reddit.post-no-id',
    });
    return;
  }
  const rawTime = data.created_utc ?? data.created;
  const time = epochSecondsToMs(rawTime);
  if (time === undefined) {
    const value = typeof rawTime === 'string' || typeof rawTime === 'number' ? String(rawTime).slice(0, 40) : '';
    walk.sink.warn({
      ...at,
      code: 'bad-date',
      message: `${id}: "created_utc" "${value}" is not epoch seconds; skipped (its replies are kept)`,
      id: 'reddit.bad-date',
      data: { id, value },
    });
    return;
  }
  const bare = id.slice(3);
  const author = str(data.author) ?? '[deleted]';
  // A trimmed copy may leave "subreddit" off the comments: they sit in their post's.
  const channel = subredditChannel(data.subreddit_name_prefixed) ?? subredditChannel(data.subreddit) ?? walk.postChannel;
  if (kind === 't3' && channel) walk.postChannel = channel;
  let text: string;
  let removal: Removal | undefined;
  let inReplyTo: string | undefined;
  let threadId: string;
  let url = absoluteUrl(data.permalink);
  if (kind === 't1') {
    const body = typeof data.body === 'string' ? data.body : '';
    removal = removalOf(body);
    text = removal ? '' : markdownText(body);
    inReplyTo = parentFullname(data.parent_id);
    const link = parentFullname(data.link_id);
    threadId = link ?? inReplyTo ?? id;
    url ??= link ? `${REDDIT_ORIGIN}/comments/${link.slice(3)}/_/${bare}/` : undefined;
  } else {
    const title = markdownText(str(data.title) ?? '');
    const selftext = typeof data.selftext === 'string' ? data.selftext : '';
    const category = str(data.removed_by_category);
    removal = removalOf(selftext) ?? (category ? (REMOVED_BY_AUTHOR.has(category) ? 'deleted' : 'removed') : undefined);
    // The title stays on screen when the post is removed: it is what the thread answers.
    const body = removal ? '' : markdownText(selftext);
    text = body === '' ? title : title === '' ? body : `${title}\n\n${body}`;
    threadId = id;
    url ??= `${REDDIT_ORIGIN}/comments/${bare}/`;
  }
  const record: PostRecord = {
    id,
    platform: 'reddit',
    author,
    time,
    text,
    inReplyTo,
    threadId,
    url,
    channel,
    visibility: 'public',
    timePrecision: 'exact',
    line,
  };
  if (removal) {
    record.deleted = true;
    walk.removals[removal]++;
  }
  if (data.edited === true || (typeof data.edited === 'number' && data.edited > 0)) record.edited = true;
  if (data.distinguished === 'moderator' || data.distinguished === 'admin') walk.distinguished.set(author, (walk.distinguished.get(author) ?? 0) + 1);
  walk.sink.post(record);
  walk.posted++;
}

/** A `kind:"more"` stub: ids the page did not load, or (no ids) a branch cut at "continue this thread". */
function readMore(data: unknown, walk: Walk): void {
  const children = isObject(data) && Array.isArray(data.children) ? data.children : [];
  if (children.length === 0) {
    walk.continueThreadStubs++;
    return;
  }
  walk.loadMoreStubs++;
  const count =
    isObject(data) && typeof data.count === 'number' && Number.isInteger(data.count) && data.count >= children.length && data.count <= MAX_STUB_COUNT
      ? data.count
      : children.length;
  walk.unloaded += count;
}

/** Whether a value is something this adapter reads: a page, a Listing, a thing, or a dump's bare comment or post. */
function isRedditValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0 || value.some(isRedditValue);
  if (!isObject(value)) return false;
  if (typeof value.kind === 'string') return value.kind === 'Listing' || isObject(value.data);
  return isBareComment(value) || isBarePost(value);
}

const isBareComment = (value: Json): boolean => typeof value.body === 'string' && (value.parent_id !== undefined || value.link_id !== undefined);
const isBarePost = (value: Json): boolean => typeof value.title === 'string' && value.created_utc !== undefined;

/** Every thing under `value`, in document order (the post before its comments, a comment before its replies). */
function walkValue(value: unknown, line: number | undefined, walk: Walk): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      for (let k = item.length - 1; k >= 0; k--) stack.push(item[k]);
      continue;
    }
    if (!isObject(item)) {
      walk.otherThings++;
      continue;
    }
    const kind = item.kind;
    if (kind === 'Listing') {
      const children = isObject(item.data) && Array.isArray(item.data.children) ? item.data.children : [];
      for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]);
    } else if (kind === 't1' || kind === 't3') {
      if (!isObject(item.data)) {
        walk.otherThings++;
        continue;
      }
      readThing(kind, item.data, line, walk);
      // `replies` is "" when there are none; only a Listing holds more.
      if (kind === 't1' && isObject(item.data.replies)) stack.push(item.data.replies);
    } else if (kind === 'more') readMore(item.data, walk);
    else if (kind === undefined && isBareComment(item)) readThing('t1', item, line, walk);
    else if (kind === undefined && isBarePost(item)) readThing('t3', item, line, walk);
    else walk.otherThings++;
  }
}

async function readLines(input: AdapterInput, walk: Walk): Promise<void> {
  const { sink } = walk;
  for await (const { line, text } of inputLines(input)) {
    if (text === undefined) {
      sink.warn({ line, code: 'line-too-long', message: `line longer than ${MAX_JSON_LINE_CHARS} characters; skipped`, data: { max: MAX_JSON_LINE_CHARS } });
      continue;
    }
    let value: unknown;
    try {
      value = parseBoundedJson(text, REDDIT_JSON_LIMITS);
    } catch (error) {
      if (error instanceof JsonLimitError) sink.warn({ line, code: 'bad-json', message: `refused: ${error.message}; line skipped`, id: 'reddit.refused-line' });
      else sink.warn({ line, code: 'bad-json', message: 'not valid JSON; line skipped', data: {} });
      continue;
    }
    if (!isRedditValue(value)) {
      sink.warn({ line, code: 'bad-entry', message: 'not a Reddit comment, post or Listing; line skipped', id: 'reddit.bad-entry' });
      continue;
    }
    walkValue(value, line, walk);
  }
}

function notes(walk: Walk): void {
  const { sink, removals } = walk;
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  if (walk.loadMoreStubs > 0) {
    sink.note(
      `${plural(walk.loadMoreStubs, '"load more" stub stands', '"load more" stubs stand')} for ${plural(walk.unloaded, 'comment', 'comments')} the page did not load: they are not in the audit (fetch the thread with ?limit=500, or save the expanded branches too)`,
      { id: 'reddit.more-stubs', data: { n: walk.loadMoreStubs, comments: walk.unloaded } },
    );
  }
  if (walk.continueThreadStubs > 0) {
    sink.note(
      `${plural(walk.continueThreadStubs, 'branch is', 'branches are')} cut at "continue this thread": the deeper replies are not in the file (save each branch's own page to read them)`,
      { id: 'reddit.continue-thread', data: { n: walk.continueThreadStubs } },
    );
  }
  if (removals.removed + removals.deleted > 0) {
    sink.note(
      `${removals.removed} removed by moderators or Reddit ("[removed]") and ${removals.deleted} deleted by their authors ("[deleted]"): kept as deleted posts without text; who removed them is not on the page, and ones without replies vanish from it, so "nothing deleted" is not judged`,
      { id: 'reddit.removals', data: { removed: removals.removed, deleted: removals.deleted } },
    );
  }
  if (walk.distinguished.size > 0) {
    const authors = [...walk.distinguished.keys()].sort().slice(0, 5).join(', ');
    const n = [...walk.distinguished.values()].reduce((a, b) => a + b, 0);
    sink.note(
      `${plural(n, 'comment is', 'comments are')} distinguished as moderator or admin (${authors}): the subreddit's or Reddit's own voice, the brand's only if --brand names the author`,
      { id: 'reddit.distinguished', data: { n, authors } },
    );
  }
  if (walk.otherThings > 0)
    sink.note(`${plural(walk.otherThings, 'item that is', 'items that are')} neither a post nor a comment (accounts, communities, malformed things) left out`, {
      id: 'reddit.other-things',
      data: { n: walk.otherThings },
    });
}

export const redditJsonAdapter: IngestAdapter = {
  id: 'reddit-json',
  title: 'Reddit thread JSON (comment page, Listing, or Pushshift-style JSON Lines)',
  detection:
    'JSON starting with a Reddit Listing ({"kind": "Listing", …}), alone or as the [post, comments] pair of a …/comments/<id>.json page, or JSON Lines of comments with "body", "parent_id" and "link_id" (Pushshift-style dumps)',
  yields:
    'both sides of each thread (the post and every loaded comment) with exact times, reply links and the subreddit as channel; the brand is whoever --brand names; comments behind "load more" stubs are not in the file, and removed or deleted ones keep their place without text',
  capabilities: { customerTexts: true, deletions: 'never', ratings: 'never', datePrecision: 'exact', layout: 'multi-brand', globalIds: true },
  detect({ head }) {
    const start = head.replace(/^\ufeff/, '').trimStart();
    if (!start.startsWith('{') && !start.startsWith('[')) return { confidence: 0 };
    if (/^\[?\s*\{\s*"kind"\s*:\s*"Listing"/.test(start)) return { confidence: 0.95 };
    const top = start.slice(0, 4096);
    if (/"kind"\s*:\s*"Listing"/.test(top) && /"kind"\s*:\s*"t[13]"/.test(top)) return { confidence: 0.85 };
    // JSON Lines: the first line is a whole comment (or post) as a dump writes it.
    const first = start.split(/\r?\n/, 1)[0]!;
    if (!first.startsWith('{')) return { confidence: 0 };
    let value: unknown;
    try {
      value = JSON.parse(first);
    } catch {
      return { confidence: 0 };
    }
    if (!isObject(value)) return { confidence: 0 };
    const thing = (value.kind === 't1' || value.kind === 't3') && isObject(value.data) ? value.data : value;
    const subreddit = typeof thing.subreddit === 'string';
    if (isBareComment(thing) && subreddit && thing.link_id !== undefined && thing.created_utc !== undefined) return { confidence: 0.9 };
    if (isBarePost(thing) && subreddit && (thing.selftext !== undefined || thing.num_comments !== undefined)) return { confidence: 0.85 };
    return { confidence: 0 };
  },
  async parse(input, sink) {
    const walk: Walk = {
      sink,
      posted: 0,
      removals: { removed: 0, deleted: 0 },
      loadMoreStubs: 0,
      unloaded: 0,
      continueThreadStubs: 0,
      otherThings: 0,
      postChannel: undefined,
      distinguished: new Map(),
    };
    if (jsonLayout(input.head) === 'lines') await readLines(input, walk);
    else {
      const value = await readJsonInput(input, 'a Reddit comment page', REDDIT_JSON_LIMITS);
      if (!isRedditValue(value))
        throw new InputError(
          `${input.name}: not a Reddit thread: expected [postListing, commentListing], a {"kind": "Listing"} or comment objects`,
          'save the thread as …/comments/<id>.json (add .json to its address)',
        );
      walkValue(value, undefined, walk);
    }
    notes(walk);
  },
};
