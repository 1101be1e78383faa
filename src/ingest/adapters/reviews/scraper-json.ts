/**
 * Review data that scraping tools save as JSON, recognised by its shape (not by the tool's name):
 *
 * - Google Maps, Outscraper-style: places with `reviews_data[]` — `review_id`, `author_title`,
 *   `review_text`, `review_rating`, `review_timestamp` (epoch seconds) or `review_datetime_utc`
 *   ("MM/DD/YYYY HH:MM:SS", UTC), `owner_answer` with `owner_answer_timestamp` /
 *   `owner_answer_timestamp_datetime_utc`, `review_link`; the place's `name` is the business.
 * - Google Maps, SerpApi-style: `reviews[]` with `snippet` (or `extracted_snippet.original`, the text
 *   before Google's translation), `user.name`, `rating`, `iso_date` (else the relative `date`, resolved
 *   against `search_metadata.created_at`), `review_id`, `link`, and `response {snippet, iso_date, date}`;
 *   `place_info.title` is the business.
 * - Trustpilot review props: a copy of `__NEXT_DATA__` or a bare array of its review objects (`consumer`,
 *   `dates`, `reply`), read as the Trustpilot adapter reads them.
 * - Booking review cards: `reviews[]` with liked/disliked texts (`review_text_liked` / `positive` /
 *   `liked`, `review_text_disliked` / `negative` / `disliked`), a 10-point `rating` / `score`, a date
 *   (`review_post_date` / `reviewed` / `date`), a title and the property response (`owner_resp_text` /
 *   `response`), `hotel_name` for the business; `scraped_at` anchors relative dates.
 */
import type { IngestAdapter, IngestSink } from '../../../contract/adapter.js';
import { InputError } from '../../../errors.js';
import { parseFlexibleDate } from '../../../time/dates.js';
import { bookingText } from './booking.js';
import { emitReviews, type Page, type ReviewDraft, readCapped, str, walkJson } from './common.js';
import { lineIndex } from './dom.js';
import { parseNumber, toRating } from './ratings.js';
import { type DateValue, parseReviewDate, parseSaveTime } from './review-dates.js';
import { trustpilotDraft, trustpilotReviews } from './trustpilot.js';

type Shape = 'outscraper' | 'serpapi' | 'trustpilot' | 'booking';

const SHAPE_TESTS: { shape: Shape; confidence: number; test: (head: string) => boolean }[] = [
  { shape: 'outscraper', confidence: 0.9, test: (h) => /"reviews_data"\s*:/.test(h) && /"(?:review_text|author_title|review_rating)"\s*:/.test(h) },
  {
    shape: 'serpapi',
    confidence: 0.85,
    test: (h) => /"reviews"\s*:/.test(h) && /"snippet"\s*:|"extracted_snippet"\s*:/.test(h) && /"(?:iso_date|place_info|user)"\s*:/.test(h),
  },
  { shape: 'trustpilot', confidence: 0.85, test: (h) => /"consumer"\s*:/.test(h) && /"dates"\s*:/.test(h) && /"publishedDate"\s*:/.test(h) },
  {
    shape: 'booking',
    confidence: 0.8,
    test: (h) =>
      /"(?:review_text_liked|review_text_disliked|positive|negative|liked|disliked)"\s*:/.test(h) &&
      /"(?:hotel_name|hotel|property|booking|score|review_score)"/i.test(h),
  },
];

const num = (value: unknown): number => (typeof value === 'number' ? value : typeof value === 'string' ? parseNumber(value) : Number.NaN);
const first = (node: Record<string, unknown>, keys: string[]): string | undefined => {
  for (const key of keys) {
    const value = str(node[key]);
    if (value !== undefined) return value;
  }
  return undefined;
};

export const scraperJsonAdapter: IngestAdapter = {
  id: 'scraper-json',
  title: 'Review scraper JSON (Google Maps, Trustpilot, Booking)',
  detection:
    'a JSON file shaped like a review scraper\'s output: places with "reviews_data" (Google Maps, Outscraper-style), "reviews" with "snippet" and "user" (Google Maps, SerpApi-style), Trustpilot review objects ("consumer", "dates"), or Booking reviews with liked/disliked texts',
  yields:
    "each review and its owner response, with the dates the tool recorded (exact timestamps when present; Booking gives none for responses) and ratings as 1–5 stars (Booking's 10-point scores ÷ 2); the business from the place or hotel name",
  capabilities: { customerTexts: true, deletions: 'never', ratings: 'always', datePrecision: 'exact', layout: 'single-channel' },
  detect({ head }) {
    const start = head.replace(/^\ufeff/, '').trimStart();
    if (!start.startsWith('{') && !start.startsWith('[')) return { confidence: 0 };
    for (const { confidence, test } of SHAPE_TESTS) if (test(start)) return { confidence };
    return { confidence: 0 };
  },
  async parse(input, sink, options) {
    const { text, cut } = await readCapped(input);
    if (cut) throw new InputError(`${input.name}: the JSON is larger than the ${48} MB a review file may be`, 'split it into smaller files');
    let value: unknown;
    try {
      value = JSON.parse(text.replace(/^\ufeff/, ''));
    } catch {
      throw new InputError(`${input.name}: not valid JSON`);
    }
    const head = text.slice(0, 65536);
    const shape = SHAPE_TESTS.find((s) => s.test(head))?.shape ?? SHAPE_TESTS.find((s) => s.test(text.slice(0, 1 << 20)))?.shape;
    const lineOf = lineIndex(text);
    let searchFrom = 0;
    /** The line where a review's id (or another of its values) first appears after the previous one. */
    const lineFor = (needle: string | undefined): number | undefined => {
      if (!needle) return undefined;
      const at = text.indexOf(JSON.stringify(needle), searchFrom);
      if (at < 0) return undefined;
      searchFrom = at;
      return lineOf(at);
    };
    let anchor: number | undefined;
    let anchorSource: string | undefined;
    walkJson(value, (node) => {
      const saved = str(node.scraped_at) ?? str(node.scrapedAt) ?? str((node.search_metadata as Record<string, unknown> | undefined)?.created_at);
      if (saved && anchor === undefined) {
        anchor = parseSaveTime(saved);
        anchorSource = `the file's ${str(node.scraped_at) || str(node.scrapedAt) ? 'scraped_at' : 'search_metadata.created_at'}`;
      }
      return anchor === undefined;
    });
    if (anchor === undefined && input.metadata?.savedAt !== undefined) [anchor, anchorSource] = [input.metadata.savedAt, 'the save time given with the input'];
    const readDate = (
      raw: string | undefined,
      order: 'day-first' | 'month-first' = 'day-first',
    ): { date?: DateValue; problem?: ReviewDraft['dateProblem'] } => {
      if (!raw) return { problem: 'missing' };
      const { date, relativeWithoutAnchor } = parseReviewDate(raw, options.timezone, anchor, order);
      return date ? { date } : { problem: relativeWithoutAnchor ? 'relative-without-anchor' : 'unreadable' };
    };
    const page: Pick<Page, 'warn' | 'anchor' | 'anchorSource'> = {
      anchor,
      anchorSource,
      warn: (code, message, line) => sink.warn(line === undefined ? { code, message } : { line, code, message }),
    };
    const groups: { business: string | undefined; platform: string; drafts: ReviewDraft[] }[] = [];
    if (shape === 'outscraper') {
      walkJson(value, (node) => {
        if (!Array.isArray(node.reviews_data)) return true;
        const drafts = node.reviews_data
          .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
          .map((r) => outscraperDraft(r, readDate, lineFor));
        groups.push({ business: str(node.name) ?? str(node.query), platform: 'google_maps', drafts });
        return false;
      });
    } else if (shape === 'serpapi') {
      walkJson(value, (node) => {
        if (!Array.isArray(node.reviews)) return true;
        const info = (node.place_info ?? node.locationDetails ?? {}) as Record<string, unknown>;
        const drafts = node.reviews
          .filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null)
          .map((r) => serpapiDraft(r, readDate, lineFor));
        groups.push({ business: str(info.title) ?? str(info.name), platform: 'google_maps', drafts });
        return false;
      });
    } else if (shape === 'trustpilot') {
      const found =
        Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null)
          ? { reviews: value as Record<string, unknown>[], business: undefined }
          : trustpilotReviews(value);
      let hidden = 0;
      const drafts: ReviewDraft[] = [];
      for (const review of found.reviews) {
        const draft = trustpilotDraft(review, (raw) => readDate(raw), undefined, lineFor(str(review.id)));
        if (draft === 'hidden') hidden++;
        else if (draft) drafts.push(draft);
      }
      if (hidden > 0)
        sink.note(`${hidden} review${hidden === 1 ? '' : 's'} marked pending or filtered (not shown publicly) left out`, {
          id: 'reviews.hidden',
          data: { n: hidden },
        });
      groups.push({ business: found.business, platform: 'trustpilot', drafts });
    } else if (shape === 'booking') {
      walkJson(value, (node) => {
        if (!Array.isArray(node.reviews)) return true;
        const top = first(node, ['hotel_name', 'hotel', 'property_name', 'name']);
        const byHotel = new Map<string | undefined, ReviewDraft[]>();
        for (const r of node.reviews) {
          if (typeof r !== 'object' || r === null) continue;
          const review = r as Record<string, unknown>;
          const hotel = first(review, ['hotel_name', 'hotel', 'property_name']) ?? top;
          const list = byHotel.get(hotel) ?? [];
          list.push(bookingDraft(review, readDate, lineFor));
          byHotel.set(hotel, list);
        }
        for (const [business, drafts] of byHotel) groups.push({ business, platform: 'booking', drafts });
        return false;
      });
    }
    const total = groups.reduce((n, g) => n + g.drafts.length, 0);
    if (!shape || total === 0) {
      throw new InputError(`${input.name}: no reviews in this ${shape ?? 'scraper'} JSON`, 'the file must hold the review list the scraping tool returned');
    }
    const businesses = [...new Set(groups.map((g) => g.business).filter((b): b is string => b !== undefined))];
    if (businesses.length === 1) sink.channelOwner(businesses[0]!);
    else if (businesses.length === 0) {
      sink.warn({
        code: 'no-business-name',
        message: 'the file names no place or business: owner responses count as the brand only when --brand names their author',
        id: 'no-business-name.file',
      });
    } else
      sink.note(
        `${businesses.length} businesses in one file (${businesses.slice(0, 5).join(', ')}${businesses.length > 5 ? '…' : ''}): each review sits on its own business's channel`,
        { id: 'reviews.businesses', data: { n: businesses.length, names: `${businesses.slice(0, 5).join(', ')}${businesses.length > 5 ? '…' : ''}` } },
      );
    const used = new Set<string>();
    let posted = 0;
    for (const group of groups)
      posted += emitReviews(group.drafts, sink as IngestSink, page, { platform: group.platform, business: group.business, url: undefined, used });
    if (posted === 0) throw new InputError(`${input.name}: none of its ${total} reviews could be dated (see the warnings)`);
  },
};

type DateReader = (raw: string | undefined, order?: 'day-first' | 'month-first') => { date?: DateValue; problem?: ReviewDraft['dateProblem'] };

/** Epoch seconds (or milliseconds) as an exact date. */
function epoch(value: unknown): DateValue | undefined {
  const n = num(value);
  if (!Number.isFinite(n) || n <= 0) return undefined;
  return { ms: n > 1e11 ? n : n * 1000, precision: 'exact' };
}

function utcDate(raw: string | undefined, readDate: DateReader): { date?: DateValue; problem?: ReviewDraft['dateProblem'] } {
  if (!raw) return { problem: 'missing' };
  // Outscraper's "MM/DD/YYYY HH:MM:SS" is UTC and month-first.
  const parsed = parseFlexibleDate(raw, 'month-first', 'UTC');
  if (parsed) return { date: { ms: parsed.ms, precision: parsed.dateOnly ? 'day' : 'exact' } };
  return readDate(raw);
}

function outscraperDraft(r: Record<string, unknown>, readDate: DateReader, lineFor: (s: string | undefined) => number | undefined): ReviewDraft {
  const id = str(r.review_id) ?? (typeof r.review_id === 'number' ? String(r.review_id) : undefined);
  const rawDate = str(r.review_datetime_utc) ?? (r.review_timestamp !== undefined ? String(r.review_timestamp) : undefined);
  const reviewDate = epoch(r.review_timestamp) ? { date: epoch(r.review_timestamp) } : utcDate(str(r.review_datetime_utc), readDate);
  const answer = str(r.owner_answer);
  const answerDate = epoch(r.owner_answer_timestamp)
    ? { date: epoch(r.owner_answer_timestamp) }
    : utcDate(str(r.owner_answer_timestamp_datetime_utc), readDate);
  return {
    layer: 'embedded',
    id,
    author: str(r.author_title) ?? str(r.author_name) ?? str(r.autor_name),
    date: reviewDate.date,
    dateProblem: reviewDate.problem,
    rawDate,
    rating: toRating(num(r.review_rating), 5),
    text: str(r.review_text),
    lang: str(r.review_language) ?? str(r.review_lang),
    url: str(r.review_link),
    response: answer ? { text: answer, date: answerDate.date, dateProblem: answerDate.problem === 'missing' ? undefined : answerDate.problem } : undefined,
    line: lineFor(id ?? str(r.review_text)),
  };
}

function snippetOf(node: Record<string, unknown> | undefined): string | undefined {
  if (!node) return undefined;
  const extracted = node.extracted_snippet as Record<string, unknown> | undefined;
  return str(extracted?.original) ?? str(node.snippet) ?? str(node.text);
}

function serpapiDraft(r: Record<string, unknown>, readDate: DateReader, lineFor: (s: string | undefined) => number | undefined): ReviewDraft {
  const id = str(r.review_id);
  const rawDate = str(r.iso_date) ?? str(r.date);
  const reviewDate = readDate(rawDate);
  const user = (r.user ?? {}) as Record<string, unknown>;
  const response = typeof r.response === 'object' && r.response !== null ? (r.response as Record<string, unknown>) : undefined;
  const answer = snippetOf(response);
  const answerDate = response ? readDate(str(response.iso_date) ?? str(response.date)) : undefined;
  const text = snippetOf(r);
  const lastEdit = str(r.iso_date_of_last_edit);
  const date = reviewDate.date && lastEdit && lastEdit !== str(r.iso_date) ? { ...reviewDate.date, edited: true } : reviewDate.date;
  return {
    layer: 'embedded',
    id,
    author: str(user.name) ?? str(r.author),
    date,
    dateProblem: reviewDate.problem,
    rawDate,
    rating: toRating(num(r.rating), 5),
    text,
    translated: text !== undefined && /\((?:Translated by Google|Traducido por Google)\)/.test(text),
    url: str(r.link),
    response: answer ? { text: answer, date: answerDate?.date, dateProblem: answerDate?.problem === 'missing' ? undefined : answerDate?.problem } : undefined,
    line: lineFor(id ?? text),
  };
}

function bookingDraft(r: Record<string, unknown>, readDate: DateReader, lineFor: (s: string | undefined) => number | undefined): ReviewDraft {
  const id = first(r, ['review_id', 'id', 'review_url']) ?? (typeof r.id === 'number' ? String(r.id) : undefined);
  const rawDate = first(r, ['review_post_date', 'reviewed', 'review_date', 'date', 'reviewDate']);
  const { date, problem } = readDate(rawDate);
  const score = num(r.rating ?? r.score ?? r.review_score);
  const { title, text } = bookingText(
    first(r, ['review_title', 'title']),
    first(r, ['review_text_liked', 'positive', 'liked', 'pros']),
    first(r, ['review_text_disliked', 'negative', 'disliked', 'cons']),
  );
  const answer = first(r, ['owner_resp_text', 'response', 'property_response', 'hotel_response', 'owner_response']);
  return {
    layer: 'embedded',
    id,
    author: first(r, ['username', 'reviewer', 'reviewer_name', 'guest_name', 'name', 'author']),
    date,
    dateProblem: problem,
    rawDate,
    rating: toRating(score, 10),
    title,
    text: text || first(r, ['full_review', 'text']),
    lang: first(r, ['original_lang', 'language', 'lang']),
    url: first(r, ['review_url', 'url']),
    response: answer ? { text: answer } : undefined,
    line: lineFor(id ?? rawDate),
  };
}
