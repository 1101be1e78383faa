/**
 * The X/Twitter account archive ("Download an archive of your data"), unpacked: `data/tweets.js`
 * (`tweet.js` in 2019–2022 archives, `tweets-part1.js`… in big ones), read with `account.js` and
 * `deleted-tweets.js` beside it.
 *
 * Each data file is a JavaScript assignment, `window.YTD.tweets.part0 = [ … ]`: everything after the
 * first `=` is JSON (never evaluated). Elements are `{"tweet": {…}}` since about 2020 and bare tweets
 * before. The archive holds only the account's own side: a reply names its parent by id and handle
 * alone, so the parent customer tweet becomes a placeholder post with no text, timed from its snowflake
 * id, which is enough for first-response times. Ids stay strings throughout (they exceed 2^53).
 */
import type { AdapterInput, IngestAdapter } from '../../contract/adapter.js';
import type { PostRecord } from '../../contract/post.js';
import { InputError } from '../../errors.js';
import { parseTwitterDate } from '../../time/dates.js';
import { clip, decodeHtmlEntities } from '../text-cleanup.js';

/** X's snowflake epoch (2010-11-04T01:42:54.657Z) and the bits below the timestamp. */
const TWEPOCH = 1288834974657n;
const TIMESTAMP_SHIFT = 22n;
/** Ids below this (about one day after the epoch) are the old sequential ids, which carry no time. */
const MIN_SNOWFLAKE = 86_400_000n << TIMESTAMP_SHIFT;

/** `window.YTD.<name>.part<N> =` at the start of a data file. */
const YTD_PREFIX = /^\s*window\.YTD\.([A-Za-z_]+)\.part(\d+)\s*=/;
const TWEET_GLOBALS = new Set(['tweets', 'tweet']);
/** tweets.js, tweet.js, tweets-part1.js, tweet-part2.js… */
const TWEET_FILE = /^tweets?(?:-part(\d+))?\.js$/i;

const DIGITS = /^\d{1,20}$/;

/** The time a snowflake id encodes, epoch ms; undefined for a pre-snowflake or malformed id. */
export function snowflakeTime(id: string): number | undefined {
  if (!DIGITS.test(id)) return undefined;
  const value = BigInt(id);
  if (value < MIN_SNOWFLAKE) return undefined;
  return Number((value >> TIMESTAMP_SHIFT) + TWEPOCH);
}

/** The data of a `window.YTD.x.partN = [...]` file (or a bare JSON array), or undefined when it is neither. */
export function parseYtd(text: string): unknown[] | undefined {
  let body = text.replace(/^\ufeff/, '');
  const eq = body.indexOf('=');
  const bracket = body.indexOf('[');
  if (eq >= 0 && (bracket < 0 || eq < bracket)) body = body.slice(eq + 1);
  body = body.trim();
  if (body.endsWith(';')) body = body.slice(0, -1);
  try {
    const value: unknown = JSON.parse(body);
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** `{"tweet": {...}}` → the tweet; a bare tweet object (2019 archives) as it is. */
function unwrap(element: unknown): Record<string, unknown> | undefined {
  if (typeof element !== 'object' || element === null || Array.isArray(element)) return undefined;
  const keys = Object.keys(element);
  if (keys.length === 1) {
    const inner = (element as Record<string, unknown>)[keys[0]!];
    if (typeof inner === 'object' && inner !== null && !Array.isArray(inner)) return inner as Record<string, unknown>;
  }
  return element as Record<string, unknown>;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** Compares two decimal id strings without going through a JS number. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The part number of a tweet data file name (tweets.js is 0), or -1 when it is not one. */
function tweetPart(name: string): number {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const m = TWEET_FILE.exec(base);
  return m ? Number(m[1] ?? 0) : -1;
}

async function readText(input: AdapterInput): Promise<string> {
  let text = '';
  for await (const chunk of input.chunks) text += chunk;
  return text;
}

/** Line number (1-based) of each tweet's own `"id_str"`, for evidence; mention ids are user ids and do not collide. */
function idLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const re = /"id_str"\s*:\s*"(\d+)"/g;
  let line = 1;
  let from = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (let nl = text.indexOf('\n', from); nl >= 0 && nl < m.index; nl = text.indexOf('\n', nl + 1)) line++;
    from = m.index;
    if (!lines.has(m[1]!)) lines.set(m[1]!, line);
  }
  return lines;
}

/** The archive's own handle: account.js, else manifest.js. */
async function archiveHandle(input: AdapterInput): Promise<string | undefined> {
  if (input.siblings.includes('account.js')) {
    const account = await input.openSibling('account.js');
    const data = account ? parseYtd(await readText(account)) : undefined;
    const handle = str(unwrap(data?.[0])?.username);
    if (handle) return handle;
  }
  if (input.siblings.includes('manifest.js')) {
    const manifest = await input.openSibling('manifest.js');
    if (manifest) {
      const text = await readText(manifest);
      const eq = text.indexOf('=');
      try {
        const config = JSON.parse(
          text
            .slice(eq + 1)
            .trim()
            .replace(/;$/, ''),
        ) as { userInfo?: { userName?: unknown } };
        const handle = str(config.userInfo?.userName);
        if (handle) return handle;
      } catch {
        // fall through: no handle
      }
    }
  }
  return undefined;
}

interface Tweet {
  id: string;
  time: number;
  text: string;
  line: number | undefined;
  parent: string | undefined;
  parentAuthor: string | undefined;
  lang: string | undefined;
  deleted: boolean;
  /** Every id of its edit chain, itself included, when it was edited. */
  chain: string[] | undefined;
}

export const xArchiveAdapter: IngestAdapter = {
  id: 'x-archive',
  title: 'X/Twitter account archive (the .zip as downloaded, or its unpacked folder)',
  detection:
    'a data file starting with "window.YTD.tweets.part0 =" (tweets.js, tweet.js, tweets-part1.js…), read with account.js and deleted-tweets.js beside it; the archive\'s other data files are recognised and passed over',
  yields:
    "the account's own tweets and replies (retweets left out), with deleted ones when deleted-tweets.js is present; customers' tweets are not in an archive, so each answered tweet is a placeholder with no text, timed from its id",
  capabilities: { customerTexts: false, deletions: 'when-column', ratings: 'never', datePrecision: 'exact', layout: 'single-channel', globalIds: true },
  detect({ name, head }) {
    const start = head.replace(/^\ufeff/, '').slice(0, 200);
    const m = YTD_PREFIX.exec(start);
    if (m) {
      if (TWEET_GLOBALS.has(m[1]!)) return { confidence: 0.95 };
      return {
        confidence: 0.9,
        exportPart: true,
        unsupported: `X archive companion file (${m[1]}): not read on its own; tweets.js reads account.js and deleted-tweets.js beside it`,
      };
    }
    if (/^\s*window\.__THAR_CONFIG\s*=/.test(start)) {
      return { confidence: 0.9, exportPart: true, unsupported: 'X archive manifest: not read on its own; the tweets are read from tweets.js beside it' };
    }
    // A tweets.js whose assignment was stripped: a JSON array under the archive's own file name.
    if (tweetPart(name) >= 0 && /^\s*\[\s*\{\s*"tweet"\s*:/.test(start)) return { confidence: 0.8 };
    return { confidence: 0 };
  },
  async parse(input, sink) {
    const handle = await archiveHandle(input);
    if (!handle) {
      throw new InputError(
        `${input.name}: the archive's own account is unknown: account.js (or manifest.js) is not beside it`,
        'read the whole unpacked archive folder (its data/ folder holds account.js)',
      );
    }
    sink.channelOwner(handle);
    const own = handle.toLowerCase();

    const text = await readText(input);
    const data = parseYtd(text);
    if (!data) {
      // It starts as one (detection saw the assignment): the JSON after it is cut off or damaged.
      if (YTD_PREFIX.test(text.replace(/^\ufeff/, '').slice(0, 200)))
        throw new InputError(
          `${input.name}: the X archive data file is cut off or damaged: it starts with "window.YTD…= [" but what follows is not complete JSON`,
          'unzip the archive again, or download a new one from X (Settings → Your account → Download an archive of your data)',
          { id: 'error.x-archive-damaged', data: { file: input.name } },
        );
      throw new InputError(`${input.name}: not an X archive data file: expected "window.YTD.tweets.part0 = [ … ]"`);
    }
    const tweets: Tweet[] = [];
    const seen = new Set<string>();
    let retweets = 0;
    const read = (elements: unknown[], lines: Map<string, number>, deleted: boolean): void => {
      elements.forEach((element, k) => {
        const tweet = unwrap(element);
        const id = str(tweet?.id_str) ?? str(tweet?.id);
        const where = id === undefined ? undefined : lines.get(id);
        const at = where === undefined ? {} : { line: where };
        if (!tweet || !id || !DIGITS.test(id)) {
          sink.warn({
            ...at,
            code: 'bad-id',
            message: `element ${k + 1}${deleted ? ' of deleted-tweets.js' : ''} has no string "id_str"; skipped`,
            id: deleted ? 'x-archive.no-id-deleted' : 'x-archive.no-id',
            data: { n: k + 1 },
          });
          return;
        }
        const body = str(tweet.full_text) ?? str(tweet.text) ?? '';
        if (body.startsWith('RT @')) {
          retweets++;
          return;
        }
        const rawDate = str(tweet.created_at) ?? '';
        const time = parseTwitterDate(rawDate);
        if (time === null) {
          sink.warn({
            ...at,
            code: 'bad-date',
            message: `created_at "${clip(rawDate)}" is not an X date (e.g. "Wed Oct 14 08:12:00 +0000 2026"); tweet ${id} skipped`,
            id: 'x.bad-date',
            data: { id, value: clip(rawDate) },
          });
          return;
        }
        if (seen.has(id)) return;
        seen.add(id);
        const parent = str(tweet.in_reply_to_status_id_str);
        // The first version lists the chain under `initial`, later ones under `edit.editControlInitial`.
        const editInfo = tweet.edit_info as { initial?: { editTweetIds?: unknown }; edit?: { editControlInitial?: { editTweetIds?: unknown } } } | undefined;
        const editIds = editInfo?.initial?.editTweetIds ?? editInfo?.edit?.editControlInitial?.editTweetIds;
        const chain = Array.isArray(editIds) && editIds.length > 1 && editIds.every((e) => typeof e === 'string') ? (editIds as string[]) : undefined;
        const lang = str(tweet.lang);
        tweets.push({
          id,
          time,
          text: decodeHtmlEntities(body),
          line: where,
          parent: parent && DIGITS.test(parent) ? parent : undefined,
          parentAuthor: str(tweet.in_reply_to_screen_name) ?? str(tweet.in_reply_to_user_id_str),
          lang: lang === 'und' ? undefined : lang,
          deleted,
          chain,
        });
      });
    };
    read(data, idLines(text), false);

    // Deletions are read once per archive: by its first tweet part.
    const part = tweetPart(input.name);
    const parts = input.siblings.map(tweetPart).filter((n) => n >= 0);
    const firstPart = part >= 0 && parts.every((n) => n > part);
    if (firstPart && input.siblings.includes('deleted-tweets.js')) {
      const file = await input.openSibling('deleted-tweets.js');
      if (file) {
        const deletedText = await readText(file);
        const deleted = parseYtd(deletedText);
        if (deleted) {
          sink.tracksDeletion();
          read(deleted, new Map(), true);
          const count = tweets.filter((t) => t.deleted).length;
          sink.note(`${count} deleted tweet${count === 1 ? '' : 's'} read from deleted-tweets.js`, { id: 'x-archive.deleted-read', data: { n: count } });
        } else sink.warn({ code: 'bad-deleted-tweets', message: 'deleted-tweets.js is not an X archive data file; deletions were not read', data: {} });
      }
    }
    if (parts.length > 0 && part >= 0) {
      sink.note(`the archive's tweets are split over ${parts.length + 1} part files; each part is read as its own input`, {
        id: 'x-archive.parts',
        data: { n: parts.length + 1 },
      });
    }

    // Edits: every version is its own element; keep the latest text, timed when the first version went out.
    const byId = new Map(tweets.map((t) => [t.id, t]));
    const alias = new Map<string, string>();
    const dropped = new Set<Tweet>();
    let edited = 0;
    for (const tweet of tweets) {
      if (!tweet.chain || dropped.has(tweet)) continue;
      const present = tweet.chain.map((id) => byId.get(id)).filter((t): t is Tweet => t !== undefined && !dropped.has(t));
      if (present.length < 2) continue;
      present.sort((a, b) => compareIds(a.id, b.id));
      const kept = present[present.length - 1]!;
      kept.time = Math.min(...present.map((t) => t.time));
      kept.chain = [];
      for (const version of present.slice(0, -1)) {
        dropped.add(version);
        alias.set(version.id, kept.id);
      }
      edited++;
    }
    // An edit chain can span part files, each read as its own input: a version whose later version is not in
    // this part is left to the part that holds it (every version is in the archive), and the last version
    // here takes the first version's time from its id.
    let superseded = 0;
    if (parts.length > 0 && part >= 0)
      for (const tweet of tweets) {
        if (!tweet.chain || tweet.chain.length < 2 || dropped.has(tweet)) continue;
        const chain = [...tweet.chain].sort(compareIds);
        const latest = chain[chain.length - 1]!;
        if (latest !== tweet.id && !byId.has(latest) && compareIds(tweet.id, latest) < 0) {
          dropped.add(tweet);
          alias.set(tweet.id, latest);
          superseded++;
        } else if (latest === tweet.id && tweet.chain.length > 0) {
          const first = snowflakeTime(chain[0]!);
          if (first !== undefined && first < tweet.time) tweet.time = first;
          tweet.chain = [];
          edited++;
        }
      }
    if (superseded > 0)
      sink.note(`${superseded} tweet${superseded === 1 ? ' was' : 's were'} edited later in another part file: only the last version is read, from that part`, {
        id: 'x-archive.superseded',
        data: { n: superseded },
      });
    if (edited > 0)
      sink.note(`${edited} edited tweet${edited === 1 ? '' : 's'}: the last version's text is kept, timed at the first version`, {
        id: 'x-archive.edited',
        data: { n: edited },
      });

    const placeholders = new Set<string>();
    let unknownParentTimes = 0;
    for (const tweet of tweets) {
      if (dropped.has(tweet)) continue;
      const parent = tweet.parent === undefined ? undefined : (alias.get(tweet.parent) ?? tweet.parent);
      const record: PostRecord = {
        id: tweet.id,
        platform: 'x',
        author: handle,
        time: tweet.time,
        text: tweet.text,
        inReplyTo: parent,
        url: `https://x.com/${handle}/status/${tweet.id}`,
        lang: tweet.lang,
        role: 'brand',
        timePrecision: 'exact',
        line: tweet.line,
      };
      if (tweet.deleted) record.deleted = true;
      if (tweet.chain?.length === 0) record.edited = true;
      sink.post(record);
      // The customer tweet it answers is not in the archive: a placeholder, timed from its id.
      if (!parent || byId.has(parent) || placeholders.has(parent) || !tweet.parentAuthor || tweet.parentAuthor.toLowerCase() === own) continue;
      const time = snowflakeTime(parent);
      // created_at has whole seconds, the id milliseconds: a parent up to a second "after" is the same second.
      if (time === undefined || time > tweet.time + 999) {
        unknownParentTimes++;
        continue;
      }
      placeholders.add(parent);
      sink.post({
        id: parent,
        platform: 'x',
        author: tweet.parentAuthor,
        time,
        text: '',
        url: `https://x.com/${tweet.parentAuthor}/status/${parent}`,
        role: 'customer',
        timePrecision: 'exact',
        line: tweet.line,
      });
    }
    if (placeholders.size > 0) {
      sink.note(
        `an X archive holds only the account's own tweets: the ${placeholders.size} customer tweet${placeholders.size === 1 ? '' : 's'} it answers ${placeholders.size === 1 ? 'is a placeholder' : 'are placeholders'} with no text, timed from ${placeholders.size === 1 ? 'its' : 'their'} id, so whether ${placeholders.size === 1 ? 'it' : 'they'} needed a reply is unknown`,
        { id: 'x-archive.placeholders', data: { n: placeholders.size } },
      );
    }
    if (unknownParentTimes > 0) {
      sink.warn({
        code: 'parent-time-unknown',
        message: `${unknownParentTimes} repl${unknownParentTimes === 1 ? 'y answers a tweet' : 'ies answer tweets'} whose id carries no usable time (older than Nov 2010 or later than the reply); no placeholder was made`,
        data: { n: unknownParentTimes },
      });
    }
    if (retweets > 0)
      sink.note(`${retweets} retweet${retweets === 1 ? '' : 's'} ("RT @…") left out: they are not the account's own words`, {
        id: 'x-archive.retweets',
        data: { n: retweets },
      });
  },
};
