/**
 * A saved Amazon product page or product-reviews page (formats.md §5.7), amazon.es / .com / .co.uk and
 * the other marketplaces, English or Spanish UI. Amazon's review markup is anchored on `data-hook`
 * attributes, older and newer:
 *
 * - the card `[data-hook="review"]`, its element id the review id (`R…`; "customer_review-R…" and
 *   "customer_review_foreign-R…" on some pages);
 * - the rating `[data-hook="review-star-rating"]` / `cmps-review-star-rating` → `span.a-icon-alt`
 *   ("4.0 out of 5 stars", "4,0 de 5 estrellas"), else its `a-star-4` class;
 * - the title `[data-hook="review-title"]`, newer `data-hook="reviewTitle"` with
 *   `data-hook-legacy="review-title"` (the star icon inside it is not title text);
 * - the text `[data-hook="review-body"]`, newer `reviewRichContentContainer`, without its "Read more"
 *   prompts and Amazon's translation of a foreign review;
 * - `[data-hook="avp-badge"]` "Verified Purchase" / "Compra verificada": counted, never part of the text;
 * - `[data-hook="review-date"]`: the marketplace country and the date ("Reviewed in the United States on
 *   November 4, 2013", "Revisado en España el 4 de noviembre de 2013", "Reviewed in Spain on 20 April
 *   2026"); the country phrase is cut off before the date is read, and the countries are said in a note.
 *
 * The channel is the brand from the byline (`#bylineInfo` "Visit the TeleNova Store" / "Visita la tienda
 * de TeleNova" / "Marca: TeleNova", or the reviews page's `cr-product-byline`), which `--brand` can
 * name; else the product title. Amazon shows no seller or brand reply under product reviews: every
 * review is a post the brand could not answer where it was written, and a note says so.
 */
import type { IngestAdapter } from '../../../contract/adapter.js';
import { type Aggregate, fullest, isWriteWidget, type LayerResult, looksLikeHtml, type Page, type ReviewDraft, type SiteExtractor } from './common.js';
import { attr, classContains, closest, type DomNode, findAll, findFirst, hasClass, textOf } from './dom.js';
import { hostOf, readReviewPage } from './pipeline.js';
import { ratingFromClass, ratingFromText } from './ratings.js';

const HOST = /(?:^|\.)amazon\.(?:com|es|co\.uk|de|fr|it|nl|se|pl|ca|com\.mx|com\.br|com\.au|co\.jp|in|com\.tr|com\.be|sa|ae|sg|eg)$/;
const SAVED_URL =
  /(?:saved from url=\(\d+\)|url:\s*|Snapshot-Content-Location:\s*|rel=["']?canonical["']?\s+href=["']|property=["']og:url["']\s+content=["'])https?:\/\/(?:www\.|smile\.)?amazon\.[a-z.]{2,7}\//i;
const MARKERS = /data-hook="(?:review-star-rating|cmps-review-star-rating|review-date|review-body|reviewRichContentContainer)"/;

const hookIs = (node: DomNode, ...names: string[]): boolean => {
  const hook = attr(node, 'data-hook');
  const legacy = attr(node, 'data-hook-legacy');
  return names.some((n) => n === hook || n === legacy);
};
const CARD = (n: DomNode): boolean => attr(n, 'data-hook') === 'review';
const RATING = (n: DomNode): boolean => hookIs(n, 'review-star-rating', 'cmps-review-star-rating');

/**
 * The marketplace phrase before the date, per UI language: "Reviewed in <country> on", "Revisado en
 * <country> el" (also "Calificado en" on amazon.com in Spanish); older pages wrote only "on" / "el".
 */
const MARKETPLACE_PHRASES: readonly RegExp[] = [
  /^(?:reviewed|rated)\s+in\s+(.{2,60}?)\s+on\s+/i,
  /^(?:revisad[oa]|calificad[oa]|valorad[oa]|comentad[oa])\s+en\s+(.{2,60}?)\s+el\s+/i,
  /^(?:on|el)\s+/i,
];

/** The date part of a review-date text and the marketplace country it names, if any. */
export function stripMarketplace(raw: string): { date: string; country?: string } {
  const text = raw.replace(/\s+/g, ' ').trim().slice(0, 200);
  for (const phrase of MARKETPLACE_PHRASES) {
    const m = phrase.exec(text);
    if (m) {
      // Newer pages put the country's flag emoji after its name.
      const country = m[1]
        ?.replace(/[\u{1F1E6}-\u{1F1FF}]/gu, '')
        .trim()
        .replace(/^the\s+/i, '');
      return country ? { date: text.slice(m[0].length), country } : { date: text.slice(m[0].length) };
    }
  }
  return { date: text };
}

const BYLINES: readonly RegExp[] = [
  /^visit the (.{1,80}?) store$/i,
  /^visita la tienda de (.{1,80})$/i,
  /^(?:brand|marca)\s*:\s*(.{1,80})$/i,
  /^(?:by|de|por)\s+(.{1,80})$/i,
];

/** The brand a byline names: "Visit the TeleNova Store", "Visita la tienda de TeleNova", "Marca: TeleNova", "de TeleNova". */
export function brandFromByline(raw: string): string | undefined {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text === '') return undefined;
  for (const byline of BYLINES) {
    const m = byline.exec(text);
    if (m) return m[1]!.trim();
  }
  return text.length <= 60 ? text : undefined;
}

function productTitle(page: Page): string | undefined {
  const node = findFirst(page.root, (n) => attr(n, 'id') === 'productTitle' || hookIs(n, 'product-link'));
  const title = node ? textOf(node) : '';
  return title !== '' ? title.slice(0, 200) : undefined;
}

function asin(url: string | undefined): string | undefined {
  return url ? /\/(?:dp|product-reviews|gp\/product)\/([A-Z0-9]{10})(?:[/?]|$)/.exec(url)?.[1] : undefined;
}

/** Parts of a review body that are not the customer's words: expander prompts, Amazon's translation. */
const NOT_BODY = (n: DomNode): boolean =>
  n.name === 'button' ||
  classContains(n, 'a-expander-prompt') ||
  classContains(n, 'cr-translated-review-content') ||
  classContains(n, 'cr-translate-this-review') ||
  /read-more|translate/.test(attr(n, 'data-hook') ?? '');

function reviewId(card: DomNode): string | undefined {
  const raw = (attr(card, 'id') ?? '').replace(/^customer_review(?:_foreign)?-/, '').trim();
  return raw !== '' ? raw.slice(0, 80) : undefined;
}

function reviewUrl(page: Page, card: DomNode, title: DomNode | undefined, id: string | undefined): string | undefined {
  const link = title && title.name === 'a' ? title : title ? closest(title, (n) => n.name === 'a', card) : undefined;
  const href = link ? attr(link, 'href') : undefined;
  if (href && /customer-reviews\//.test(href)) {
    try {
      return new URL(href, page.url ?? undefined).href;
    } catch {
      // A relative address with no page address to resolve it against.
    }
  }
  const host = hostOf(page.url);
  return host && id && /^R[0-9A-Z]{6,}$/.test(id) ? `https://${host}/gp/customer-reviews/${id}` : undefined;
}

/** "1.234 valoraciones globales" / "1,234 global ratings" → 1234. */
function countIn(text: string): number | undefined {
  const m = /(\d{1,3}(?:[.,\s\u00a0]\d{3})+|\d+)/.exec(text);
  return m ? Number(m[1]!.replace(/[.,\s\u00a0]/g, '')) : undefined;
}

function aggregateOf(page: Page): { aggregate?: Aggregate; notes: string[] } {
  const notes: string[] = [];
  const out = findFirst(page.root, (n) => hookIs(n, 'rating-out-of-text'));
  const total = findFirst(page.root, (n) => hookIs(n, 'total-review-count'));
  const value = out ? ratingFromText(textOf(out))?.value : undefined;
  let count: number | undefined;
  if (total) {
    const text = textOf(total);
    const n = countIn(text);
    // Amazon counts star ratings given with or without a review: only a count of reviews is a review count.
    if (n !== undefined && /reviews?|rese[ñn]as?|opiniones?|comentarios?/i.test(text)) count = n;
    else if (n !== undefined) notes.push(`the page states ${n} global rating${n === 1 ? '' : 's'} (stars given with or without a written review)`);
  }
  return value === undefined && count === undefined ? { notes } : { aggregate: { value, scale: 5, count }, notes };
}

function cardsLayer(page: Page): LayerResult {
  const reviews: ReviewDraft[] = [];
  let placeholders = 0;
  let widgets = 0;
  let verified = 0;
  const countries = new Map<string, number>();
  const cards = findAll(page.root, CARD).filter((n) => !closest(n, CARD));
  for (const card of cards) {
    if (isWriteWidget(card)) {
      widgets++;
      continue;
    }
    const ratingNode = findFirst(card, RATING);
    const alt = ratingNode ? findFirst(ratingNode, (n) => hasClass(n, 'a-icon-alt')) : undefined;
    const rating =
      (alt ? ratingFromText(textOf(alt)) : undefined) ??
      (ratingNode ? (ratingFromText(textOf(ratingNode)) ?? ratingFromClass(attr(ratingNode, 'class'))) : undefined);
    const titleNode = findFirst(card, (n) => hookIs(n, 'review-title', 'reviewTitle'));
    const title = titleNode ? textOf(titleNode, (n) => RATING(n) || hasClass(n, 'a-icon-alt') || hasClass(n, 'a-letter-space') || NOT_BODY(n)) : undefined;
    const authorNode = findFirst(card, (n) => hasClass(n, 'a-profile-name'));
    const dateNode = findFirst(card, (n) => hookIs(n, 'review-date'));
    const rawDate = dateNode ? textOf(dateNode) : undefined;
    const stripped = rawDate === undefined ? undefined : stripMarketplace(rawDate);
    const date = page.date(stripped?.date);
    if (stripped?.country) countries.set(stripped.country, (countries.get(stripped.country) ?? 0) + 1);
    const bodies = findAll(card, (n) => hookIs(n, 'review-body', 'reviewRichContentContainer', 'review-collapsed'));
    const text = fullest(bodies.filter((b) => !bodies.some((o) => o !== b && closest(b, (a) => a === o))).map((b) => textOf(b, NOT_BODY)));
    if (findFirst(card, (n) => hookIs(n, 'avp-badge', 'avp-badge-linkless')) !== undefined) verified++;
    const author = authorNode ? textOf(authorNode) : undefined;
    if (!author && !rating && !text && !title) {
      placeholders++;
      continue;
    }
    const id = reviewId(card);
    reviews.push({
      layer: 'cards',
      id,
      author,
      date: date.date,
      dateProblem: date.problem,
      rawDate,
      rating,
      title: title || undefined,
      text,
      url: reviewUrl(page, card, titleNode, id),
      line: page.line(card),
    });
  }
  const { aggregate, notes } = aggregateOf(page);
  if (reviews.length > 0) {
    notes.push(
      'Amazon shows no seller or brand reply under product reviews: the brand cannot answer them where they were written, so these reviews show what customers say, not how the brand answers',
    );
    const product = productTitle(page);
    const code = asin(page.url);
    if (product || code)
      notes.push(`reviews of the product ${[product ? `"${product}"` : undefined, code ? `(ASIN ${code})` : undefined].filter(Boolean).join(' ')}`);
  }
  if (verified > 0) notes.push(`reviews with Amazon's "Verified Purchase" badge: ${verified} of ${reviews.length} (the badge is left out of the text)`);
  if (countries.size > 0) {
    const list = [...countries].map(([country, n]) => `${country}: ${n}`).join(', ');
    notes.push(`review dates read after the marketplace phrase ("Reviewed in … on", "Revisado en … el"); reviews by marketplace: ${list}`);
  }
  return { reviews, placeholders, widgets, notes, ...(aggregate ? { aggregate } : {}) };
}

export const amazonSite: SiteExtractor = {
  id: 'amazon',
  platform: 'amazon',
  name: 'Amazon',
  host: HOST,
  markers: MARKERS,
  cards: cardsLayer,
  businessName(page) {
    const byline = findFirst(page.root, (n) => attr(n, 'id') === 'bylineInfo' || hookIs(n, 'cr-product-byline'));
    const brand = byline ? brandFromByline(textOf(byline)) : undefined;
    if (brand) return brand.slice(0, 200);
    const product = productTitle(page);
    if (product) return product;
    const title = findFirst(page.root, (n) => n.name === 'title');
    const name = title
      ? textOf(title)
          .replace(/^Amazon\.[a-z.]{2,7}\s*:\s*(?:(?:customer reviews|opiniones de clientes)\s*:\s*)?/i, '')
          .replace(/\s*:\s*Amazon\.[a-z.]{2,7}\b.*$/i, '')
          .trim()
      : '';
    return name !== '' ? name.slice(0, 200) : undefined;
  },
};

export const amazonAdapter: IngestAdapter = {
  id: 'amazon',
  title: 'Amazon product reviews page (saved HTML)',
  detection:
    'a saved HTML page whose address is on an Amazon marketplace (amazon.es, .com, .co.uk…: Chrome "saved from", SingleFile, MHTML, canonical link or og:url), or with Amazon review hooks (data-hook="review-star-rating", "review-date", "review-body", "reviewRichContentContainer")',
  yields:
    'each product review (reviewer, the day from "Reviewed in … on" / "Revisado en … el", 1–5 stars, title and text, the R… id and its address; the "Verified Purchase" badge counted, not kept in the text) on the brand\'s channel; Amazon shows no brand reply, so none is ever read; only the reviews the saved page holds',
  capabilities: { customerTexts: true, deletions: 'never', ratings: 'always', datePrecision: 'day', layout: 'single-channel', noBrandReplies: true },
  detect({ head }) {
    if (!looksLikeHtml(head)) return { confidence: 0 };
    if (SAVED_URL.test(head)) return { confidence: 0.9 };
    return { confidence: /data-hook="review"/.test(head) && MARKERS.test(head) ? 0.9 : 0 };
  },
  parse: (input, sink, options) => readReviewPage(input, sink, options, { site: amazonSite }),
};
