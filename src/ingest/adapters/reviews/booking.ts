/**
 * A saved Booking.com reviews page (formats.md §5.6):
 *
 * - card `li.review_list_new_item_block` / `div.c-review-block`; author: the first
 *   `.bui-avatar-block__title` (the name is repeated for mobile and desktop);
 * - score: `.bui-review-score__badge` ("4,0", or its aria-label "Puntuación: 4,0") on a **10-point scale**
 *   with locale decimals: kept as score and scale, read as stars = score ÷ 2 (see ratings.ts);
 * - title `.c-review-block__title`; the liked and disliked parts (`.c-review__row--positive` /
 *   `--negative` → `.c-review__body`, older `p.review_pos` / `p.review_neg`) are joined as "+ …" and
 *   "− …" lines after the title; "There are no comments available for this review" is a score-only review;
 * - date `.c-review-block__date`: "Comentó el: 14 de octubre de 2024" / "Reviewed: 4 November 2013";
 * - the property response `.c-review-block__response` → `__body`, which often appears twice (truncated
 *   and full, one copy `bui-u-hidden`): the longest is taken. **Booking shows no response date.**
 */
import type { IngestAdapter } from '../../../contract/adapter.js';
import {
  type FoundDate,
  findDateText,
  fullest,
  isWriteWidget,
  type LayerResult,
  looksLikeHtml,
  type Page,
  type ReviewDraft,
  type SiteExtractor,
  titleName,
} from './common.js';
import { attr, closest, contains, type DomNode, findAll, findFirst, hasClass, textOf } from './dom.js';
import { readReviewPage } from './pipeline.js';
import { parseNumber, toRating } from './ratings.js';

const CARD = (n: DomNode): boolean => hasClass(n, 'review_list_new_item_block') || hasClass(n, 'c-review-block');
const NO_COMMENTS =
  /^(?:there are no comments available for this review|no hay comentarios disponibles para esta (?:opini[oó]n|valoraci[oó]n|reseña)|esta (?:opini[oó]n|valoraci[oó]n) no tiene comentarios)\.?$/i;

/** "4,0" → 4; "Puntuación: 9,2" → 9.2; "Scored 8" → 8. */
export function bookingScore(raw: string | undefined): number {
  const m = /(\d{1,2}(?:[.,]\d)?)\s*$/.exec((raw ?? '').trim()) ?? /(\d{1,2}(?:[.,]\d)?)/.exec(raw ?? '');
  return m ? parseNumber(m[1]!) : Number.NaN;
}

/** Title, liked and disliked parts as one text. */
export function bookingText(title: string | undefined, positive: string | undefined, negative: string | undefined): { title?: string; text: string } {
  const parts = [positive && !NO_COMMENTS.test(positive) ? `+ ${positive}` : undefined, negative && !NO_COMMENTS.test(negative) ? `− ${negative}` : undefined];
  return { title: title && !NO_COMMENTS.test(title) ? title : undefined, text: parts.filter(Boolean).join('\n') };
}

function cardsLayer(page: Page): LayerResult {
  const reviews: ReviewDraft[] = [];
  let widgets = 0;
  let placeholders = 0;
  const cards = findAll(page.root, CARD).filter((n) => !closest(n, CARD));
  for (const card of cards) {
    if (isWriteWidget(card)) {
      widgets++;
      continue;
    }
    const box = findFirst(card, (n) => hasClass(n, 'c-review-block__response'));
    const inBox = (n: DomNode): boolean => box !== undefined && contains(box, n);
    const authorNode = findFirst(card, (n) => hasClass(n, 'bui-avatar-block__title'), inBox);
    const badge = findFirst(card, (n) => hasClass(n, 'bui-review-score__badge') || hasClass(n, 'review-score-badge'), inBox);
    const value = badge ? (Number.isFinite(bookingScore(textOf(badge))) ? bookingScore(textOf(badge)) : bookingScore(attr(badge, 'aria-label'))) : Number.NaN;
    const rating = toRating(value, 10);
    const titleNode = findFirst(card, (n) => hasClass(n, 'c-review-block__title'), inBox);
    const part = (kind: 'positive' | 'negative'): string | undefined => {
      const rows = findAll(card, (n) => hasClass(n, `c-review__row--${kind}`) || hasClass(n, kind === 'positive' ? 'review_pos' : 'review_neg'), inBox);
      const bodies = rows.flatMap((row) => {
        const inner = findAll(row, (n) => hasClass(n, 'c-review__body'));
        return inner.length > 0 ? inner : [row];
      });
      return fullest(bodies.map((n) => textOf(n)));
    };
    const { title, text } = bookingText(titleNode ? textOf(titleNode) : undefined, part('positive'), part('negative'));
    const dateNode = findFirst(card, (n) => hasClass(n, 'c-review-block__date') && !hasClass(n, 'c-review-block__stay-date'), inBox);
    const date: FoundDate = dateNode ? { ...page.date(textOf(dateNode)), raw: textOf(dateNode) } : findDateText(page, card, inBox);
    let response: ReviewDraft['response'];
    if (box) {
      const bodies = findAll(box, (n) => hasClass(n, 'c-review-block__response__body'));
      const reply = fullest(bodies.map((n) => textOf(n)));
      if (reply) response = { text: reply };
    }
    const author = authorNode ? textOf(authorNode) : undefined;
    if (!author && !rating && !text) {
      placeholders++;
      continue;
    }
    reviews.push({
      layer: 'cards',
      id: attr(card, 'data-review-id') ?? attr(card, 'data-review-url') ?? undefined,
      author,
      date: date.date,
      dateProblem: date.problem,
      rawDate: date.raw,
      rating,
      title,
      text,
      response,
      line: page.line(card),
    });
  }
  return { reviews, widgets, placeholders };
}

export const bookingSite: SiteExtractor = {
  id: 'booking',
  platform: 'booking',
  name: 'Booking.com',
  host: /(?:^|\.)booking\.com$/,
  markers: /class="[^"]*\b(?:c-review-block|review_list_new_item_block)\b/,
  cards: cardsLayer,
  businessName(page) {
    const node = findFirst(page.root, (n) => attr(n, 'id') === 'hp_hotel_name' || hasClass(n, 'pp-header__title') || hasClass(n, 'hp__hotel-name'));
    const name = node ? textOf(node) : '';
    return name !== '' ? name.slice(0, 200) : titleName(page, /\s*(?:,|\(|[-–|]\s*(?:booking|precios|prices|opiniones|reviews)).*$/i);
  },
};

export const bookingAdapter: IngestAdapter = {
  id: 'booking',
  title: 'Booking.com reviews page (saved HTML)',
  detection: 'a saved HTML page whose address is on booking.com, or with Booking review blocks (c-review-block, review_list_new_item_block)',
  yields:
    "each review (author, date, the 10-point score as stars = score ÷ 2, title with the liked and disliked parts, no id: a stable one is derived) and the property's response, which Booking never dates; only the reviews the saved page holds",
  capabilities: { customerTexts: true, deletions: 'never', ratings: 'always', datePrecision: 'day', layout: 'single-channel' },
  detect({ head }) {
    if (!looksLikeHtml(head)) return { confidence: 0 };
    if (/(?:saved from url=\(\d+\)|url:\s*|Snapshot-Content-Location:\s*)https?:\/\/[a-z.]*booking\.com\//i.test(head)) return { confidence: 0.9 };
    return { confidence: bookingSite.markers.test(head) ? 0.8 : 0 };
  },
  parse: (input, sink, options) => readReviewPage(input, sink, options, { site: bookingSite }),
};
