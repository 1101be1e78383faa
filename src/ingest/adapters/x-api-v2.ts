/**
 * X/Twitter API v2 as twarc2 writes it: one response page per line, `{"data": [tweets], "includes":
 * {"users", "tweets"}, "meta", "__twarc"}`, or `twarc2 flatten` output, one tweet per line with its
 * `author` inlined. A single saved response (one pretty-printed JSON document) is read too.
 *
 * Both the page's tweets and its `includes.tweets` (the tweets they reply to or quote, often the
 * customer's) become posts, once each. The author's handle comes from `includes.users` (or the inlined
 * `author`); the parent is the `referenced_tweets` entry of type `replied_to`; the thread is
 * `conversation_id`. Retweets are left out; an edited tweet (`edit_history_tweet_ids` longer than one)
 * is marked edited and its earlier versions dropped when they come after it. Error-only lines (tweets
 * that were deleted or protected) are counted.
 */
import type { IngestAdapter, IngestSink } from '../../contract/adapter.js';
import type { PostRecord } from '../../contract/post.js';
import { parseFlexibleDate } from '../../time/dates.js';
import { forEachJsonValue } from '../bounded-json.js';
import { clip, decodeHtmlEntities } from '../text-cleanup.js';
import { tweetId } from './x-api-v1.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const objects = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : isObject(value) ? [value] : []);

interface State {
  sink: IngestSink;
  seen: Set<string>;
  superseded: Set<string>;
  /** Every user met so far, id → handle (flattened lines carry their own). */
  users: Map<string, string>;
  retweets: number;
  byIdOnly: number;
  errors: number;
  edited: number;
}

function readTweet(tweet: Json, line: number | undefined, state: State): void {
  const at = line === undefined ? {} : { line };
  const id = tweetId(undefined, tweet.id);
  if (!id) {
    state.sink.warn({ ...at, code: 'bad-tweet', message: 'a tweet without a string "id"; skipped', id: 'x-api.no-id' });
    return;
  }
  if (state.seen.has(id) || state.superseded.has(id)) return;
  const references = objects(tweet.referenced_tweets);
  if (references.some((r) => r.type === 'retweeted')) {
    state.seen.add(id);
    state.retweets++;
    return;
  }
  const rawDate = str(tweet.created_at) ?? '';
  const parsed = parseFlexibleDate(rawDate, 'day-first', 'UTC');
  if (!parsed?.hasOffset) {
    // A referenced tweet the API could not return ({type, id} only) has no time: it is no post.
    if (rawDate !== '' || str(tweet.text) !== undefined) {
      state.sink.warn({
        ...at,
        code: 'bad-date',
        message: `tweet ${id}: created_at "${clip(rawDate)}" is not ISO 8601 with an offset; skipped`,
        id: 'x-api.bad-date',
        data: { id, value: clip(rawDate) },
      });
    }
    return;
  }
  state.seen.add(id);
  const authorId = tweetId(undefined, tweet.author_id);
  const inline = isObject(tweet.author) ? str(tweet.author.username) : undefined;
  if (inline && authorId) state.users.set(authorId, inline);
  const handle = inline ?? (authorId ? state.users.get(authorId) : undefined);
  if (!handle) state.byIdOnly++;
  const author = handle ?? authorId ?? 'unknown';
  const history = Array.isArray(tweet.edit_history_tweet_ids) ? tweet.edit_history_tweet_ids.filter((e): e is string => typeof e === 'string') : [];
  const edited = history.length > 1;
  if (edited) {
    state.edited++;
    for (const version of history) if (version !== id) state.superseded.add(version);
  }
  const note = isObject(tweet.note_tweet) ? str(tweet.note_tweet.text) : undefined;
  const lang = str(tweet.lang);
  const record: PostRecord = {
    id,
    platform: 'x',
    author,
    time: parsed.ms,
    text: decodeHtmlEntities(note ?? str(tweet.text) ?? ''),
    inReplyTo: tweetId(undefined, references.find((r) => r.type === 'replied_to')?.id),
    threadId: tweetId(undefined, tweet.conversation_id),
    url: handle ? `https://x.com/${handle}/status/${id}` : `https://x.com/i/web/status/${id}`,
    lang: lang === 'und' ? undefined : lang,
    timePrecision: 'exact',
    line,
  };
  if (edited) record.edited = true;
  state.sink.post(record);
}

function readValue(value: Json, line: number | undefined, state: State): void {
  if (value.data !== undefined) {
    const includes = isObject(value.includes) ? value.includes : {};
    for (const user of objects(includes.users)) {
      const id = tweetId(undefined, user.id);
      const handle = str(user.username);
      if (id && handle) state.users.set(id, handle);
    }
    for (const tweet of objects(value.data)) readTweet(tweet, line, state);
    for (const tweet of objects(includes.tweets)) readTweet(tweet, line, state);
    state.errors += objects(value.errors).length;
    return;
  }
  if (value.errors !== undefined && value.id === undefined) {
    state.errors += objects(value.errors).length || 1;
    return;
  }
  // twarc2 flatten: the tweet itself, with the tweets it references expanded inline.
  readTweet(value, line, state);
  for (const reference of objects(value.referenced_tweets)) if (reference.text !== undefined) readTweet(reference, line, state);
}

export const xApiV2Adapter: IngestAdapter = {
  id: 'x-api-v2',
  title: 'X/Twitter API v2 (twarc2 pages or flattened tweets)',
  detection:
    'JSON Lines of API v2 response pages ({"data": [...], "includes": …, "__twarc": …}) or of flattened v2 tweets ("author_id" with "conversation_id"), or one saved v2 response',
  yields:
    "both sides of the collected conversations with exact times, reply links and conversation ids, the replied-to tweets in includes as well; retweets left out, edits marked; a thread is the brand's when it mentions or answers it",
  capabilities: { customerTexts: true, deletions: 'never', ratings: 'never', datePrecision: 'exact', layout: 'multi-brand', globalIds: true },
  detect({ head }) {
    const start = head.replace(/^\ufeff/, '').trimStart();
    if (!start.startsWith('{') && !start.startsWith('[')) return { confidence: 0 };
    const v2Tweet = /"(?:author_id|conversation_id|edit_history_tweet_ids)"\s*:/.test(start);
    if (/^\[?\s*\{\s*"data"\s*:\s*[[{]/.test(start) && (v2Tweet || /"__twarc"\s*:/.test(start))) return { confidence: 0.9 };
    if (/"author_id"\s*:/.test(start) && /"conversation_id"\s*:/.test(start) && /"text"\s*:/.test(start)) return { confidence: 0.85 };
    return { confidence: 0 };
  },
  async parse(input, sink) {
    const state: State = { sink, seen: new Set(), superseded: new Set(), users: new Map(), retweets: 0, byIdOnly: 0, errors: 0, edited: 0 };
    await forEachJsonValue(input, sink, 'a v2 response', (value, line) => {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (isObject(item)) readValue(item, line, state);
        else sink.warn({ ...(line === undefined ? {} : { line }), code: 'bad-tweet', message: 'not a JSON object; skipped', id: 'bad-json.not-object-entry' });
      }
    });
    if (state.retweets > 0)
      sink.note(`${state.retweets} retweet${state.retweets === 1 ? '' : 's'} left out: they are not the author's own words`, {
        id: 'x-api.retweets',
        data: { n: state.retweets },
      });
    if (state.edited > 0)
      sink.note(`${state.edited} edited tweet${state.edited === 1 ? '' : 's'}: marked edited, earlier versions read after the latest one dropped`, {
        id: 'x-api.edited',
        data: { n: state.edited },
      });
    if (state.byIdOnly > 0) {
      sink.note(
        `${state.byIdOnly} tweet${state.byIdOnly === 1 ? "'s author is" : "s' authors are"} known only by user id (not in "includes.users"): --brand must name that id to match them`,
        { id: 'x-api.author-by-id', data: { n: state.byIdOnly } },
      );
    }
    if (state.errors > 0)
      sink.note(`${state.errors} error entr${state.errors === 1 ? 'y' : 'ies'} in the pages (tweets deleted, protected or not found) passed over`, {
        id: 'x-api.error-entries',
        data: { n: state.errors },
      });
  },
};
