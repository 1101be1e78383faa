/**
 * X/Twitter API v1.1 tweets: JSON Lines as twarc1, old collectors and streaming dumps write them (one
 * tweet per line), or one JSON document (an array of tweets, or a search response `{"statuses": [...]}`).
 *
 * Ids come from `id_str` (and `in_reply_to_status_id_str`); a bare numeric `id` of 16 digits or more is
 * quoted before parsing (`../bounded-json.ts`), so no id ever goes through a JS number. Text is
 * `extended_tweet.full_text` (streaming, `truncated: true`), else `full_text` (`tweet_mode=extended`),
 * else `text`, with HTML entities decoded. Retweets (`retweeted_status`) are left out: they are not the
 * author's words. v1.1 has no conversation id: threads come from the reply links alone.
 */
import type { IngestAdapter, IngestSink } from '../../contract/adapter.js';
import type { PostRecord } from '../../contract/post.js';
import { parseFlexibleDate, parseTwitterDate } from '../../time/dates.js';
import { forEachJsonValue } from '../bounded-json.js';
import { clip, decodeHtmlEntities } from '../text-cleanup.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const DIGITS = /^\d{1,20}$/;

/** A decimal id from its string field, else from the plain field when it is an exact string or a safe integer. */
export function tweetId(strValue: unknown, plain: unknown): string | undefined {
  const s =
    str(strValue) ?? (typeof plain === 'string' ? plain : typeof plain === 'number' && Number.isSafeInteger(plain) && plain >= 0 ? String(plain) : undefined);
  return s !== undefined && DIGITS.test(s) ? s : undefined;
}

/** "Wed Oct 10 20:19:24 +0000 2018", or an ISO time with an offset (some collectors rewrite it). */
function tweetTime(raw: string): number | null {
  const twitter = parseTwitterDate(raw);
  if (twitter !== null) return twitter;
  const iso = parseFlexibleDate(raw, 'day-first', 'UTC');
  return iso?.hasOffset ? iso.ms : null;
}

interface State {
  sink: IngestSink;
  seen: Set<string>;
  retweets: number;
  repeats: number;
  deletes: number;
  other: number;
}

function readTweet(tweet: Json, line: number | undefined, state: State): void {
  const at = line === undefined ? {} : { line };
  if (isObject(tweet.delete)) {
    state.deletes++;
    return;
  }
  const id = tweetId(tweet.id_str, tweet.id);
  const user = isObject(tweet.user) ? tweet.user : undefined;
  if (!id || !user) {
    if (tweet.limit !== undefined || tweet.warning !== undefined || tweet.scrub_geo !== undefined) state.other++;
    else state.sink.warn({ ...at, code: 'bad-tweet', message: 'not a tweet: it needs "id_str" and a "user"; skipped', id: 'x-api.not-a-tweet' });
    return;
  }
  if (tweet.retweeted_status !== undefined) {
    state.retweets++;
    return;
  }
  const author = str(user.screen_name);
  const rawDate = str(tweet.created_at) ?? '';
  const time = tweetTime(rawDate);
  if (!author || time === null) {
    state.sink.warn({
      ...at,
      code: author ? 'bad-date' : 'missing-author',
      message: author
        ? `tweet ${id}: created_at "${clip(rawDate)}" is not an X date (e.g. "Wed Oct 14 08:12:00 +0000 2026"); skipped`
        : `tweet ${id}: its user has no "screen_name"; skipped`,
      ...(author ? { id: 'x.bad-date', data: { id, value: clip(rawDate) } } : { id: 'x-api.no-screen-name', data: { id } }),
    });
    return;
  }
  if (state.seen.has(id)) {
    state.repeats++;
    return;
  }
  state.seen.add(id);
  const extended = isObject(tweet.extended_tweet) ? str(tweet.extended_tweet.full_text) : undefined;
  const text = extended ?? str(tweet.full_text) ?? str(tweet.text) ?? '';
  const lang = str(tweet.lang);
  const record: PostRecord = {
    id,
    platform: 'x',
    author,
    time,
    text: decodeHtmlEntities(text),
    inReplyTo: tweetId(tweet.in_reply_to_status_id_str, tweet.in_reply_to_status_id),
    url: `https://x.com/${author}/status/${id}`,
    lang: lang === 'und' ? undefined : lang,
    timePrecision: 'exact',
    line,
  };
  state.sink.post(record);
}

export const xApiV1Adapter: IngestAdapter = {
  id: 'x-api-v1',
  title: 'X/Twitter API v1.1 tweets (JSON Lines, twarc1)',
  detection:
    'JSON Lines (or a JSON array, or {"statuses": [...]}) of v1.1 tweets: objects with "id_str", "created_at" in X\'s "Wed Oct 14 08:12:00 +0000 2026" layout and a "user" with "screen_name"',
  yields:
    "both sides of the collected conversations (whatever the search caught) with exact times and reply links; retweets left out; no conversation ids, and a thread is the brand's when it mentions or answers it",
  capabilities: { customerTexts: true, deletions: 'never', ratings: 'never', datePrecision: 'exact', layout: 'multi-brand', globalIds: true },
  detect({ head }) {
    const start = head.replace(/^\ufeff/, '').trimStart();
    if (!start.startsWith('{') && !start.startsWith('[')) return { confidence: 0 };
    // v2 tweets have author_id; an archive's tweets have no "user" object.
    if (/"author_id"\s*:/.test(start)) return { confidence: 0 };
    const v1 =
      /"id_str"\s*:\s*"\d+"/.test(start) &&
      /"user"\s*:\s*\{/.test(start) &&
      /"screen_name"\s*:/.test(start) &&
      /"created_at"\s*:\s*"[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} /.test(start);
    return { confidence: v1 ? 0.9 : 0 };
  },
  async parse(input, sink) {
    const state: State = { sink, seen: new Set(), retweets: 0, repeats: 0, deletes: 0, other: 0 };
    await forEachJsonValue(input, sink, 'a file of v1.1 tweets', (value, line) => {
      const tweets = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.statuses) ? value.statuses : [value];
      for (const tweet of tweets) {
        if (isObject(tweet)) readTweet(tweet, line, state);
        else sink.warn({ ...(line === undefined ? {} : { line }), code: 'bad-tweet', message: 'not a JSON object; skipped', id: 'bad-json.not-object-entry' });
      }
    });
    if (state.retweets > 0)
      sink.note(`${state.retweets} retweet${state.retweets === 1 ? '' : 's'} left out: they are not the author's own words`, {
        id: 'x-api.retweets',
        data: { n: state.retweets },
      });
    if (state.repeats > 0)
      sink.note(`${state.repeats} tweet${state.repeats === 1 ? '' : 's'} collected twice: read once`, { id: 'x-api.repeats', data: { n: state.repeats } });
    if (state.deletes > 0)
      sink.note(`${state.deletes} deletion notice${state.deletes === 1 ? '' : 's'} in the stream (tweets deleted after collection) passed over`, {
        id: 'x-api.deletion-notices',
        data: { n: state.deletes },
      });
    if (state.other > 0)
      sink.note(`${state.other} stream notice${state.other === 1 ? '' : 's'} (limit, warning) passed over`, {
        id: 'x-api.stream-notices',
        data: { n: state.other },
      });
  },
};
