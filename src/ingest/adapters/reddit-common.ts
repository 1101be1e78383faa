/**
 * What Reddit's comment JSON and its data-request CSV share: ids as "fullnames" (`t1_` a comment, `t3_`
 * a post), so that a comment's `parent_id` and the CSV's `parent` name their parent as it is stored and
 * a CSV read beside the thread's JSON links into it; bodies as stored markdown with `&amp; &lt; &gt;`
 * escaped; and the "[deleted]"/"[removed]" bodies that stand where a comment was.
 */
import { decodeHtmlEntities } from '../text-cleanup.js';

export const REDDIT_ORIGIN = 'https://www.reddit.com';

/** Base36 ids; fullnames put the kind before them. Anything else is not an id and never joins threads. */
const BARE_ID = /^[0-9a-z]{1,16}$/i;
const FULLNAME = /^t[1-6]_[0-9a-z]{1,16}$/i;

export const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `t1_abc` as given, `abc` with the kind put before it; undefined for anything that is not an id. */
export function fullname(kind: 't1' | 't3', value: unknown): string | undefined {
  const raw = typeof value === 'string' ? value.trim() : undefined;
  if (!raw) return undefined;
  if (FULLNAME.test(raw)) return raw.toLowerCase();
  return BARE_ID.test(raw) ? `${kind}_${raw.toLowerCase()}` : undefined;
}

/** A `parent_id`/`link_id` value only when it is a fullname: a bare id does not say if it is a post or a comment. */
export function parentFullname(value: unknown): string | undefined {
  const raw = typeof value === 'string' ? value.trim() : undefined;
  return raw && FULLNAME.test(raw) ? raw.toLowerCase() : undefined;
}

/** Reddit opened in June 2005; a time before it or past 2100 is a unit mistake, not a date. */
const FIRST_SECOND = 1_117_584_000;
const LAST_SECOND = 4_102_444_800;

/** `created_utc` (float seconds, a numeric string in some dumps) as epoch ms, keeping any fraction it has. */
export function epochSecondsToMs(value: unknown): number | undefined {
  const seconds = typeof value === 'number' ? value : typeof value === 'string' && /^\d{9,10}(?:\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(seconds) || seconds < FIRST_SECOND || seconds > LAST_SECOND) return undefined;
  return Math.round(seconds * 1000);
}

/**
 * What stands where a comment was: "[deleted]" when its author deleted it, "[removed]" when a moderator
 * did, "[ Removed by Reddit ]" when Reddit's own staff did.
 */
export type Removal = 'deleted' | 'removed';

export function removalOf(body: string): Removal | undefined {
  const trimmed = body.trim();
  if (trimmed === '[deleted]') return 'deleted';
  if (trimmed === '[removed]' || /^\[\s*removed by reddit\s*\]$/i.test(trimmed)) return 'removed';
  return undefined;
}

/** Stored markdown as text: the three escaped characters (and any numeric entity such as &#x200B;) decoded. */
export function markdownText(body: string): string {
  return decodeHtmlEntities(body).normalize('NFC').trim();
}

/** `spain` or `r/spain` → `r/spain`: how Reddit names a community, and the channel of its posts. */
export function subredditChannel(value: unknown): string | undefined {
  const name = str(value)
    ?.trim()
    .replace(/^\/?r\//i, '');
  return name && /^[A-Za-z0-9_]{1,32}$/.test(name) ? `r/${name}` : undefined;
}

/** A permalink path (`/r/…/comments/…/`) made absolute; a full address kept; anything else dropped. */
export function absoluteUrl(value: unknown): string | undefined {
  const raw = str(value)?.trim();
  if (!raw) return undefined;
  if (raw.startsWith('/')) return `${REDDIT_ORIGIN}${raw}`;
  return /^https?:\/\//i.test(raw) ? raw : undefined;
}

/** The post id in a permalink or link: `…/comments/1g3abcd/…` → `t3_1g3abcd`. */
export function postOfPermalink(value: unknown): string | undefined {
  const m = /\/comments\/([0-9a-z]{1,16})(?:[/?#]|$)/i.exec(str(value) ?? '');
  return m ? `t3_${m[1]!.toLowerCase()}` : undefined;
}
