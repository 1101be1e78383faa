/**
 * Google Business Profile reviews (formats.md §4.5), as the owner gets them: Google Takeout
 * (`Google Business Profile/account-<id>/location-<id>/reviews.json`, and the `reviews-*.json` /
 * `reviews_001.json` pages beside it) or the API v4 `accounts.locations.reviews.list` response
 * (`{reviews, averageRating, totalReviewCount, nextPageToken}`), one page, an array of pages or one page
 * per line.
 *
 * - The review is the customer post: `reviewer.displayName`, `createTime`, `starRating` ONE…FIVE
 *   (STAR_RATING_UNSPECIFIED: kept without a rating, with a warning), `comment` (absent on a star-only
 *   review, which is kept with an empty text), `reviewId` or the last part of `name`. An `updateTime`
 *   later than `createTime` marks it edited; it stays dated at `createTime`, when the customer wrote.
 * - Google embeds its translation in `comment` ("(Translated by Google) … (Original) …", or the original
 *   first and the translation after the marker): the customer's own words are kept.
 * - `reviewReply` is the brand post answering it. Google keeps one reply per review and a new one
 *   replaces it, so `reviewReply.updateTime` is the reply's last edit: an exact time, but an upper bound
 *   on when the business first answered. It keeps precision `exact` (a duration measured from it is a
 *   real bound, and most replies are never edited) and a note says response times are upper bounds.
 * - The same review can appear on two pages: read once per input (by `name`), the latest edit kept.
 * - The business is named only in `additionalData.json` beside the reviews (its LISTING_NAME attribute,
 *   shape unverified); without it the channel is the location's id as the export writes it
 *   (`location-<id>`, from the folder or from `name`), never an invented name.
 *
 * `photos/reviews.json` and `additionalData.json` are not reviews and are not claimed.
 */
import type { AdapterInput, IngestAdapter, IngestSink } from '../../../contract/adapter.js';
import { InputError } from '../../../errors.js';
import { JsonLimitError, jsonLayout, parseBoundedJson } from '../../bounded-json.js';
import { clip } from '../../text-cleanup.js';
import { parseFlexibleDate } from '../../../time/dates.js';
import { emitReviews, MAX_PAGE_CHARS, MAX_REVIEWS, type Page, type ReviewDraft, readCapped, str, walkJson } from './common.js';
import { lineIndex } from './dom.js';
import { type Rating, toRating } from './ratings.js';
import type { DateValue } from './review-dates.js';

const STARS: Readonly<Record<string, number>> = { ONE: 1, TWO: 2, THREE: 3, FOUR: 4, FIVE: 5 };
const UNSPECIFIED = 'STAR_RATING_UNSPECIFIED';

/** A review page name in a Takeout location folder: reviews.json, reviews-<token>.json, reviews_001.json. */
const TAKEOUT_REVIEWS = /(?:^|[/\\!])Google Business Profile[/\\]account-[^/\\!]+[/\\]location-[^/\\!]+[/\\]reviews(?:[-_][^/\\!]*)?\.json$/i;
/** Takeout files that are not reviews: the photos folder (its reviews.json too) and the listing's data. */
const NOT_REVIEWS = /(?:^|[/\\!])photos[/\\][^/\\!]*$|(?:^|[/\\!])additionalData\.json$/i;
const FOLDER_LOCATION = /(?:^|[/\\!])location-([^/\\!]{1,80})[/\\][^/\\!]*$/;
const NAME_LOCATION = /(?:^|\/)locations\/([^/]{1,80})\/reviews\//;
const LISTING_DATA = 'additionalData.json';
/** additionalData.json is a few kilobytes; a larger one is not the listing's data. */
const MAX_LISTING_CHARS = 4 * 1024 * 1024;

const TRANSLATED_MARK = /\((?:Translated by Google|Traducido por Google)\)/i;
const ORIGINAL_MARK = /\(Original\)/i;

export type TranslationSplit = 'none' | 'original-kept' | 'translation-only';

/**
 * The customer's own words of a comment holding Google's translation: after "(Original)" when Google
 * put its translation first, before "(Translated by Google)" when it put the original first. A comment
 * holding only the translation is kept as it is.
 */
export function splitGoogleTranslation(comment: string): { text: string; translation: TranslationSplit } {
  const marker = TRANSLATED_MARK.exec(comment);
  if (!marker) return { text: comment.trim(), translation: 'none' };
  const after = comment.slice(marker.index + marker[0].length);
  const original = ORIGINAL_MARK.exec(after);
  if (original) return { text: after.slice(original.index + original[0].length).trim(), translation: 'original-kept' };
  const before = comment.slice(0, marker.index).replace(ORIGINAL_MARK, '').trim();
  if (before !== '') return { text: before, translation: 'original-kept' };
  return { text: after.trim(), translation: 'translation-only' };
}

/** An RFC 3339 time as the API writes it ("2024-10-14T21:03:11.482Z"); without an offset it is UTC by spec. */
function apiTime(raw: string | undefined): DateValue | undefined {
  if (raw === undefined || !/^\s*\d{4}-\d{2}-\d{2}/.test(raw)) return undefined;
  const parsed = parseFlexibleDate(raw.slice(0, 64), 'day-first', 'UTC');
  if (!parsed) return undefined;
  return { ms: parsed.ms, precision: parsed.dateOnly ? 'day' : 'exact' };
}

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

interface Counts {
  duplicates: number;
  edited: number;
  starOnly: number;
  originalKept: number;
  translationOnly: number;
  unrated: number;
  replies: number;
}

interface Located {
  draft: ReviewDraft;
  location: string | undefined;
  updated: number;
}

/** The listing's name from additionalData.json beside the reviews (its LISTING_NAME attribute's `listingName.text`). */
async function listingName(input: AdapterInput, sink: IngestSink): Promise<string | undefined> {
  if (!input.siblings.includes(LISTING_DATA)) return undefined;
  const file = await input.openSibling(LISTING_DATA);
  if (!file) return undefined;
  const { text, cut } = await readCapped(file, MAX_LISTING_CHARS);
  const unusable = (why: string, id: string, data: Record<string, number> = {}): undefined => {
    sink.warn({ code: 'bad-listing-data', message: `${LISTING_DATA} beside the reviews ${why}: the business name was not read from it`, id, data });
    return undefined;
  };
  if (cut) return unusable(`is larger than ${MAX_LISTING_CHARS / 1024 / 1024} MB`, 'gbp.bad-listing-data.size', { mb: MAX_LISTING_CHARS / 1024 / 1024 });
  let value: unknown;
  try {
    value = parseBoundedJson(text);
  } catch {
    return unusable('is not valid JSON', 'gbp.bad-listing-data.json');
  }
  let name: string | undefined;
  walkJson(
    value,
    (node) => {
      const listing = node.listingName;
      name ??= typeof listing === 'string' ? str(listing) : str(asRecord(listing)?.text);
      return name === undefined;
    },
    50_000,
  );
  return name?.replace(/\s+/g, ' ').trim().slice(0, 200) || undefined;
}

/** Every page of the input: one JSON document (a page or an array of pages) or one page per line. */
function readPages(text: string, sink: IngestSink, name: string): { page: Record<string, unknown>; line: number | undefined }[] {
  const pages: { page: Record<string, unknown>; line: number | undefined }[] = [];
  const take = (value: unknown, line: number | undefined): void => {
    for (const item of Array.isArray(value) ? value : [value]) {
      const page = asRecord(item);
      if (page && Array.isArray(page.reviews)) pages.push({ page, line });
    }
  };
  const refused = (error: unknown): string => (error instanceof JsonLimitError ? `refused: ${error.message}` : 'not valid JSON');
  if (jsonLayout(text) === 'document' || !text.trim().includes('\n')) {
    try {
      take(parseBoundedJson(text), undefined);
    } catch (error) {
      throw new InputError(`${name}: ${refused(error)} (a Google Business Profile reviews file is one JSON object with "reviews")`);
    }
    return pages;
  }
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) {
    if (lines[k]!.trim() === '') continue;
    try {
      take(parseBoundedJson(lines[k]!), k + 1);
    } catch (error) {
      sink.warn({
        line: k + 1,
        code: 'bad-json',
        message: `line ${k + 1}: ${refused(error)}; this page of reviews was skipped`,
        ...(error instanceof JsonLimitError ? {} : { id: 'gbp.bad-json', data: {} }),
      });
    }
  }
  return pages;
}

function draftOf(review: Record<string, unknown>, line: number | undefined, sink: IngestSink, counts: Counts): Located | undefined {
  const name = str(review.name);
  const id = str(review.reviewId) ?? (name ? name.slice(name.lastIndexOf('/') + 1) || undefined : undefined);
  const reviewer = asRecord(review.reviewer);
  const author = str(reviewer?.displayName);
  const created = apiTime(str(review.createTime));
  const updated = apiTime(str(review.updateTime));
  const where = `review ${clip(id ?? author ?? '(no id)')}`;
  if (!created) {
    const rawCreate = review.createTime;
    sink.warn({
      ...(line === undefined ? {} : { line }),
      code: 'bad-date',
      message:
        rawCreate === undefined
          ? `${where} has no createTime; skipped`
          : `${where}: createTime "${clip(String(rawCreate))}" is not an RFC 3339 time (2024-10-14T21:03:11Z); skipped`,
      id: rawCreate === undefined ? 'gbp.no-date' : 'gbp.bad-date',
      data: { review: clip(id ?? author ?? '(no id)'), value: clip(String(rawCreate)) },
    });
    return undefined;
  }
  let rating: Rating | undefined;
  const star = review.starRating;
  if (typeof star === 'string' && STARS[star] !== undefined) rating = toRating(STARS[star]!, 5);
  else {
    counts.unrated++;
    sink.warn({
      ...(line === undefined ? {} : { line }),
      code: 'no-star-rating',
      message:
        star === undefined || star === UNSPECIFIED
          ? `${where}: starRating is ${star === undefined ? 'missing' : UNSPECIFIED}; kept without a rating`
          : `${where}: starRating "${clip(String(star))}" is not ONE…FIVE; kept without a rating`,
      id: star === undefined ? 'gbp.no-star-rating.missing' : star === UNSPECIFIED ? 'gbp.no-star-rating.unspecified' : 'gbp.no-star-rating.invalid',
      data: { review: clip(id ?? author ?? '(no id)'), value: clip(String(star)) },
    });
  }
  const comment = str(review.comment);
  let text = '';
  if (comment === undefined) counts.starOnly++;
  else {
    const split = splitGoogleTranslation(comment);
    text = split.text.normalize('NFC');
    if (split.translation === 'original-kept') counts.originalKept++;
    if (split.translation === 'translation-only') counts.translationOnly++;
  }
  const edited = updated !== undefined && updated.ms > created.ms;
  if (edited) counts.edited++;
  const reply = asRecord(review.reviewReply);
  const replyText = str(reply?.comment);
  const replyTime = apiTime(str(reply?.updateTime));
  if (replyText) counts.replies++;
  return {
    draft: {
      layer: 'embedded',
      id,
      author,
      date: edited ? { ...created, edited: true } : created,
      rating,
      text,
      response: replyText
        ? { text: replyText.normalize('NFC'), date: replyTime, dateProblem: replyTime || reply?.updateTime === undefined ? undefined : 'unreadable' }
        : undefined,
      line,
    },
    location: name ? NAME_LOCATION.exec(name)?.[1] : undefined,
    updated: updated?.ms ?? created.ms,
  };
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export const googleBusinessProfileAdapter: IngestAdapter = {
  id: 'google-business-profile',
  title: 'Google Business Profile reviews (Takeout reviews.json or API v4 reviews.list)',
  detection:
    'a JSON object with "reviews" whose items carry a GBP "starRating" (ONE…FIVE) or a "name" accounts/…/locations/…/reviews/…, or any reviews*.json in a Takeout "Google Business Profile/account-*/location-*" folder; photos/ and additionalData.json are passed over',
  yields:
    "each review (reviewer, exact creation time, 1–5 stars, the original text when Google added its translation, star-only reviews with an empty text, edited ones marked) and the owner's reply, dated at its last edit (an upper bound on the response time); the business from additionalData.json beside it, else the location id",
  capabilities: { customerTexts: true, deletions: 'never', ratings: 'always', datePrecision: 'exact', layout: 'single-channel' },
  detect({ name, head }) {
    const start = head.replace(/^\ufeff/, '').trimStart();
    if ((!start.startsWith('{') && !start.startsWith('[')) || NOT_REVIEWS.test(name)) return { confidence: 0 };
    if (!/"reviews"\s*:\s*\[/.test(start)) return { confidence: 0 };
    const gbpReview =
      /"starRating"\s*:\s*"(?:ONE|TWO|THREE|FOUR|FIVE|STAR_RATING_UNSPECIFIED)"/.test(start) ||
      /"name"\s*:\s*"accounts\/[^"/]{1,80}\/locations\/[^"/]{1,80}\/reviews\//.test(start);
    if (gbpReview) return { confidence: 0.95 };
    return { confidence: TAKEOUT_REVIEWS.test(name) ? 0.9 : 0 };
  },
  async parse(input, sink) {
    const { text: raw, cut } = await readCapped(input);
    if (cut)
      throw new InputError(
        `${input.name}: larger than ${MAX_PAGE_CHARS / 1024 / 1024} MB of text`,
        'a Takeout reviews page is far smaller: name the files one by one',
      );
    const text = raw.replace(/^\ufeff/, '');
    const pages = readPages(text, sink, input.name);
    if (pages.length === 0) {
      throw new InputError(
        `${input.name}: no "reviews" list in this JSON`,
        'name the reviews.json of a Takeout location folder, or a saved reviews.list response',
      );
    }

    const counts: Counts = { duplicates: 0, edited: 0, starOnly: 0, originalKept: 0, translationOnly: 0, unrated: 0, replies: 0 };
    const lineOf = lineIndex(text);
    let searchFrom = 0;
    const lineFor = (needle: string | undefined, pageLine: number | undefined): number | undefined => {
      if (pageLine !== undefined || !needle) return pageLine;
      const at = text.indexOf(JSON.stringify(needle), searchFrom);
      if (at < 0) return undefined;
      searchFrom = at;
      return lineOf(at);
    };
    const byName = new Map<string, number>();
    // A dropped copy's problems are its kept twin's: said once.
    const quiet: IngestSink = { ...sink, warn: () => {} };
    const reviews: (Located & { counts: Counts })[] = [];
    let notObjects = 0;
    let undated = 0;
    let total = 0;
    outer: for (const { page, line } of pages) {
      for (const item of page.reviews as unknown[]) {
        const review = asRecord(item);
        if (!review) {
          notObjects++;
          continue;
        }
        if (++total > MAX_REVIEWS) break outer;
        const key = str(review.name) ?? str(review.reviewId);
        // Counted apart so that a dropped copy leaves no trace in the notes.
        const own: Counts = { duplicates: 0, edited: 0, starOnly: 0, originalKept: 0, translationOnly: 0, unrated: 0, replies: 0 };
        const seenAt = key === undefined ? undefined : byName.get(key);
        if (seenAt !== undefined) {
          counts.duplicates++;
          const copy = draftOf(review, lineFor(key, line), quiet, own);
          // The latest edit of the review (and of its reply) is the one Google shows now.
          if (copy && copy.updated > reviews[seenAt]!.updated)
            reviews[seenAt] = { ...copy, counts: own, draft: { ...copy.draft, line: reviews[seenAt]!.draft.line } };
          continue;
        }
        const located = draftOf(review, lineFor(key ?? str(review.createTime), line), sink, own);
        if (!located) {
          undated++;
          continue;
        }
        if (key !== undefined) byName.set(key, reviews.length);
        reviews.push({ ...located, counts: own });
      }
    }
    for (const r of reviews) for (const k of Object.keys(r.counts) as (keyof Counts)[]) counts[k] += r.counts[k];
    if (total > MAX_REVIEWS) {
      sink.warn({
        code: 'too-many-reviews',
        message: `more than ${MAX_REVIEWS} reviews in one file: only the first ${MAX_REVIEWS} were read; split the file into pages`,
        id: 'gbp.too-many-reviews',
        data: { max: MAX_REVIEWS },
      });
    }
    if (notObjects > 0)
      sink.warn({
        code: 'bad-review',
        message: `${plural(notObjects, 'item', 'items')} of "reviews" ${notObjects === 1 ? 'is' : 'are'} not an object; skipped`,
        id: 'gbp.bad-review',
        data: { n: notObjects },
      });
    if (reviews.length === 0) {
      throw new InputError(
        undated > 0
          ? `${input.name}: none of its ${plural(undated, 'review has', 'reviews has')} a readable createTime (see the warnings)`
          : `${input.name}: its "reviews" list is empty`,
        undated > 0 ? undefined : 'a location with no reviews has nothing to audit',
      );
    }

    // Whose listing: the folder's location (Takeout), else each review's own `name`.
    const folderLocation = FOLDER_LOCATION.exec(input.name)?.[1];
    const listing = await listingName(input, sink);
    const groups = new Map<string, ReviewDraft[]>();
    for (const r of reviews) {
      const location = folderLocation ?? r.location ?? '';
      const list = groups.get(location);
      if (list) list.push(r.draft);
      else groups.set(location, [r.draft]);
    }
    const businessOf = (location: string): string | undefined =>
      listing !== undefined && (location === folderLocation || groups.size === 1) ? listing : location !== '' ? `location-${location}` : undefined;
    const businesses = [...groups.keys()].map(businessOf);
    if (groups.size === 1 && businesses[0] !== undefined) sink.channelOwner(businesses[0]);
    if (businesses.includes(undefined)) {
      sink.warn({
        code: 'no-business-name',
        message:
          'the file names no location (no "name" accounts/…/locations/…, no location-<id> folder, no additionalData.json beside it): owner replies count as the brand only when --brand names their author',
        id: 'no-business-name.file',
      });
    }
    if (listing !== undefined)
      sink.note(`the business name "${listing}" was read from ${LISTING_DATA} beside the reviews`, { id: 'gbp.listing-name', data: { name: listing } });
    else {
      const ids = businesses.filter((b): b is string => b !== undefined);
      if (ids.length > 0) {
        const shown = `${ids.slice(0, 3).join(', ')}${ids.length > 3 ? '…' : ''}`;
        sink.note(
          `the reviews do not name the business (Google keeps the name in ${LISTING_DATA}, not beside this file): the channel is the location id ${shown}; pass it with --brand (e.g. --brand YourHandle,${ids[0]}) for the owner's replies to count as the brand's`,
          { id: 'gbp.location-channel', data: { ids: shown, first: ids[0]! } },
        );
      }
    }
    if (groups.size > 1)
      sink.note(`${groups.size} locations in one file: each review sits on its own location's channel`, { id: 'gbp.locations', data: { n: groups.size } });

    const page: Pick<Page, 'warn' | 'anchor' | 'anchorSource'> = {
      anchor: undefined,
      anchorSource: undefined,
      warn: (code, message, line) => sink.warn(line === undefined ? { code, message } : { line, code, message }),
    };
    const used = new Set<string>();
    let posted = 0;
    for (const [location, drafts] of groups)
      posted += emitReviews(drafts, sink, page, { platform: 'gbp', business: businessOf(location), url: undefined, used });

    if (counts.duplicates > 0)
      sink.note(
        `${plural(counts.duplicates, 'review appeared', 'reviews appeared')} again on another page of this file (same "name"): read once, the latest edit kept`,
        { id: 'gbp.duplicates', data: { n: counts.duplicates } },
      );
    if (counts.replies > 0) {
      sink.note(
        `${plural(counts.replies, 'owner reply is', 'owner replies are')} dated by reviewReply.updateTime, the reply's last edit (Google keeps one reply per review and a new one replaces it): response times are upper bounds, the first answer may have come sooner`,
        { id: 'gbp.reply-upper-bound', data: { n: counts.replies } },
      );
    }
    if (counts.edited > 0)
      sink.note(
        `${plural(counts.edited, 'review was', 'reviews were')} edited after posting (updateTime later than createTime): dated when first written and marked edited; the text is the latest`,
        { id: 'gbp.edited', data: { n: counts.edited } },
      );
    if (counts.starOnly > 0)
      sink.note(`${plural(counts.starOnly, 'star-only review', 'star-only reviews')} (a rating, no comment) kept with an empty text`, {
        id: 'gbp.star-only',
        data: { n: counts.starOnly },
      });
    if (counts.originalKept > 0)
      sink.note(
        `${plural(counts.originalKept, 'review carries', 'reviews carry')} Google's translation beside the original ("(Translated by Google)"): the original was kept`,
        { id: 'gbp.original-kept', data: { n: counts.originalKept } },
      );
    if (counts.translationOnly > 0)
      sink.note(`${plural(counts.translationOnly, 'review holds', 'reviews hold')} only Google's translation (no "(Original)" part): read as it is`, {
        id: 'gbp.translation-only',
        data: { n: counts.translationOnly },
      });

    const first = pages[0]!.page;
    const average = typeof first.averageRating === 'number' ? first.averageRating : undefined;
    const stated = typeof first.totalReviewCount === 'number' ? first.totalReviewCount : undefined;
    if (average !== undefined || stated !== undefined) {
      const parts = [average !== undefined ? `an average of ${average}/5` : undefined, stated !== undefined ? `${stated} reviews in all` : undefined];
      const variant = average !== undefined && stated !== undefined ? 'both' : average !== undefined ? 'average' : 'total';
      sink.note(`the response states ${parts.filter(Boolean).join(' and ')}; ${posted} ${posted === 1 ? 'is' : 'are'} in this file`, {
        id: `gbp.stated.${variant}`,
        data: { n: posted, ...(average !== undefined ? { average } : {}), ...(stated !== undefined ? { total: stated } : {}) },
      });
    }
    if (str(pages[pages.length - 1]!.page.nextPageToken))
      sink.note('the last page has a nextPageToken: Google has more reviews than this file holds (fetch the next pages)', { id: 'gbp.next-page' });
  },
};
