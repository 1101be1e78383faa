/**
 * A saved Trustpilot business page (formats.md §5.2). Its embedded JSON comes first:
 * `<script id="__NEXT_DATA__">` → `props.pageProps.reviews[]` (id, title, text, rating, language,
 * consumer.displayName, dates.publishedDate, reply {message, publishedDate}) and `businessUnit.displayName`.
 * The HTML cards are the fallback: `article[data-service-review-card-paper]` with
 * `data-consumer-name-typography`, `data-service-review-rating` (or the star image's alt "Rated 4 out
 * of 5 stars" / "Valorado con 1 de 5 estrellas"), `<time datetime>`, the title and text typographies, and
 * a reply block headed "Reply from <Company>" / "Respuesta de <Empresa>" with its own `<time>`.
 *
 * Reviews Trustpilot has not published (`pending`, `isPending`: the key drifts) or has filtered out are
 * left out and counted. "Date of experience" is the experience, not the review, and is not used.
 */
import type { IngestAdapter } from '../../../contract/adapter.js';
import {
  fullest,
  isWriteWidget,
  type LayerResult,
  looksLikeHtml,
  type Page,
  type ReviewDraft,
  type SiteExtractor,
  str,
  titleName,
  walkJson,
} from './common.js';
import { attr, classContains, contains, type DomNode, findAll, findFirst, scriptText, textOf } from './dom.js';
import { readReviewPage } from './pipeline.js';
import { parseNumber, ratingFromText, toRating } from './ratings.js';
import type { DateValue } from './review-dates.js';

type DateReader = (raw: string | undefined) => { date?: DateValue; problem?: 'relative-without-anchor' | 'unreadable' | 'missing' };

/** A Trustpilot review object (from `__NEXT_DATA__` or a scraper's copy of it) as a draft; `hidden` when not public. */
export function trustpilotDraft(
  review: Record<string, unknown>,
  readDate: DateReader,
  host: string | undefined,
  line: number | undefined,
): ReviewDraft | 'hidden' | undefined {
  if (review.pending === true || review.isPending === true || review.filtered === true) return 'hidden';
  const id = str(review.id) ?? (typeof review.id === 'number' ? String(review.id) : undefined);
  const dates = (typeof review.dates === 'object' && review.dates !== null ? review.dates : {}) as Record<string, unknown>;
  const rawDate = str(dates.publishedDate) ?? str(review.publishedDate) ?? str(review.createdAt) ?? str(review.date);
  const { date, problem } = readDate(rawDate);
  const consumer = (typeof review.consumer === 'object' && review.consumer !== null ? review.consumer : {}) as Record<string, unknown>;
  const rating = toRating(typeof review.rating === 'number' ? review.rating : parseNumber(String(review.rating ?? '')), 5);
  const reply = typeof review.reply === 'object' && review.reply !== null ? (review.reply as Record<string, unknown>) : undefined;
  const replyText = str(reply?.message) ?? str(reply?.text);
  const replyDate = reply ? readDate(str(reply.publishedDate) ?? str(reply.createdAt)) : undefined;
  if (!id && !rawDate && review.rating === undefined) return undefined;
  return {
    layer: 'embedded',
    id,
    author: str(consumer.displayName) ?? str(consumer.name) ?? str(review.consumerName),
    date,
    dateProblem: problem,
    rawDate,
    rating,
    title: str(review.title),
    text: str(review.text),
    lang: str(review.language) ?? str(review.lang),
    url: id && host ? `https://${host}/reviews/${id}` : undefined,
    response: replyText
      ? { text: replyText, date: replyDate?.date, dateProblem: replyDate?.problem === 'missing' ? undefined : replyDate?.problem }
      : undefined,
    line,
  };
}

/** Reviews arrays under a Next.js page's props (`props.pageProps.reviews`, or any `reviews` of review-like objects). */
export function trustpilotReviews(value: unknown): { reviews: Record<string, unknown>[]; business?: string; trustScore?: number; count?: number } {
  let reviews: Record<string, unknown>[] = [];
  let business: string | undefined;
  let trustScore: number | undefined;
  let count: number | undefined;
  walkJson(value, (node) => {
    const unit = node.businessUnit;
    if (typeof unit === 'object' && unit !== null && !business) {
      const u = unit as Record<string, unknown>;
      business = str(u.displayName) ?? str(u.name);
      trustScore = typeof u.trustScore === 'number' ? u.trustScore : undefined;
      count = typeof u.numberOfReviews === 'number' ? u.numberOfReviews : undefined;
    }
    if (Array.isArray(node.reviews) && reviews.length === 0) {
      const list = node.reviews.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null && ('consumer' in r || 'dates' in r));
      if (list.length > 0) reviews = list;
    }
    return true;
  });
  return { reviews, business, trustScore, count };
}

const REPLY_HEAD = /^(?:reply from|respuesta de|réponse de|antwort von)\s+(.+)$/i;

function cardsLayer(page: Page): LayerResult {
  const reviews: ReviewDraft[] = [];
  let widgets = 0;
  let placeholders = 0;
  for (const card of findAll(page.root, (n) => attr(n, 'data-service-review-card-paper') !== undefined)) {
    if (isWriteWidget(card)) {
      widgets++;
      continue;
    }
    const head = findFirst(card, (n) => REPLY_HEAD.test(textOf(n)) && !findFirst(n, (c) => REPLY_HEAD.test(textOf(c))));
    const replyBox = head?.parent ?? undefined;
    const inReply = (n: DomNode): boolean => replyBox !== undefined && (contains(replyBox, n) || classContains(n, 'reply'));
    const authorNode = findFirst(card, (n) => attr(n, 'data-consumer-name-typography') !== undefined);
    const ratingNode = findFirst(card, (n) => attr(n, 'data-service-review-rating') !== undefined);
    const img = ratingNode ? findFirst(ratingNode, (n) => n.name === 'img') : undefined;
    const rating =
      toRating(parseNumber(attr(ratingNode ?? card, 'data-service-review-rating') ?? ''), 5) ??
      ratingFromText(attr(img ?? card, 'alt') ?? '') ??
      (() => {
        const anyImg = findFirst(card, (n) => n.name === 'img' && ratingFromText(attr(n, 'alt') ?? '') !== undefined, inReply);
        return anyImg ? ratingFromText(attr(anyImg, 'alt') ?? '') : undefined;
      })();
    const time = findFirst(card, (n) => n.name === 'time', inReply);
    const rawDate = time ? (attr(time, 'datetime') ?? textOf(time)) : undefined;
    const { date, problem } = page.date(rawDate);
    const texts = findAll(card, (n) => attr(n, 'data-service-review-text-typography') !== undefined).map((n) => textOf(n));
    const titleNode = findFirst(card, (n) => attr(n, 'data-service-review-title-typography') !== undefined);
    const link = findFirst(card, (n) => n.name === 'a' && /\/reviews\/[0-9a-f]{12,}/i.test(attr(n, 'href') ?? ''));
    const id = link ? /\/reviews\/([0-9a-f]{12,})/i.exec(attr(link, 'href') ?? '')?.[1] : undefined;
    let response: ReviewDraft['response'];
    if (head && replyBox) {
      const replyTime = findFirst(replyBox, (n) => n.name === 'time');
      const message =
        findFirst(card, (n) => classContains(n, 'replyMessage') || attr(n, 'data-service-review-business-reply-text-typography') !== undefined) ??
        nextTextSibling(replyBox);
      const text = message ? textOf(message) : '';
      if (text) {
        const when = page.date(replyTime ? (attr(replyTime, 'datetime') ?? textOf(replyTime)) : undefined);
        response = { text, date: when.date, dateProblem: when.problem === 'missing' ? undefined : when.problem };
      }
    }
    const author = authorNode ? textOf(authorNode) : undefined;
    if (!author && texts.length === 0 && !rating) {
      placeholders++;
      continue;
    }
    reviews.push({
      layer: 'cards',
      id,
      author,
      date,
      dateProblem: problem,
      rawDate,
      rating,
      title: titleNode ? textOf(titleNode) : undefined,
      text: fullest(texts),
      response,
      line: page.line(card),
    });
  }
  return { reviews, widgets, placeholders };
}

function nextTextSibling(node: DomNode): DomNode | undefined {
  const siblings = node.parent?.children ?? [];
  for (let k = siblings.indexOf(node) + 1; k < siblings.length; k++) {
    const s = siblings[k]!;
    if (s.type === 'tag' && textOf(s) !== '') return s;
  }
  return undefined;
}

export const trustpilotSite: SiteExtractor = {
  id: 'trustpilot',
  platform: 'trustpilot',
  name: 'Trustpilot',
  host: /(?:^|\.)trustpilot\.[a-z.]+$/,
  markers: /data-service-review-card-paper|"businessUnit"\s*:\s*\{[^}]{0,400}"displayName"/,
  embedded(page) {
    const script = findFirst(page.root, (n) => n.name === 'script' && attr(n, 'id') === '__NEXT_DATA__');
    if (!script) return { reviews: [] };
    let value: unknown;
    try {
      value = JSON.parse(scriptText(script));
    } catch {
      page.warn('invalid-embedded-json', "the page's __NEXT_DATA__ is not valid JSON; the review cards were read instead", page.line(script), {
        id: 'invalid-embedded-json.next-data',
      });
      return { reviews: [] };
    }
    const found = trustpilotReviews(value);
    const host = page.url ? safeHost(page.url) : undefined;
    let hidden = 0;
    const reviews: ReviewDraft[] = [];
    for (const review of found.reviews) {
      const draft = trustpilotDraft(review, (raw) => page.date(raw), host, page.line(script));
      if (draft === 'hidden') hidden++;
      else if (draft) reviews.push(draft);
    }
    return {
      reviews,
      business: found.business,
      aggregate: found.trustScore !== undefined || found.count !== undefined ? { value: found.trustScore, scale: 5, count: found.count } : undefined,
      notes: hidden > 0 ? [`${hidden} review${hidden === 1 ? '' : 's'} Trustpilot marks as pending or filtered (not shown publicly) left out`] : [],
    };
  },
  cards: cardsLayer,
  businessName(page) {
    const h1 = findFirst(page.root, (n) => attr(n, 'data-business-unit-title-typography') !== undefined) ?? findFirst(page.root, (n) => n.name === 'h1');
    const fromH1 = h1 ? textOf(h1).replace(/\s*(?:reviews|opiniones)\s*\d[\d.,]*\s*$/i, '') : undefined;
    return fromH1 || titleName(page, /\s*(?:reviews?\b|is rated|tiene una|\||–|-).*$/i)?.replace(/^(?:opiniones (?:de|sobre)|reviews of)\s+/i, '');
  },
};

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

export const trustpilotAdapter: IngestAdapter = {
  id: 'trustpilot',
  title: 'Trustpilot business page (saved HTML)',
  detection:
    'a saved HTML page (Chrome "saved from", SingleFile, MHTML or plain) whose address is on trustpilot.*, or with Trustpilot\'s review cards (data-service-review-card-paper) or its __NEXT_DATA__ businessUnit',
  yields:
    "each review (author, exact date, 1–5 stars, title and text, language, id and address) and the company's reply with its date, from JSON-LD, then __NEXT_DATA__, then the cards; pending and filtered reviews left out; only the reviews the saved page holds",
  capabilities: { customerTexts: true, deletions: 'never', ratings: 'always', datePrecision: 'exact', layout: 'single-channel' },
  detect({ head }) {
    if (!looksLikeHtml(head)) return { confidence: 0 };
    if (/(?:saved from url=\(\d+\)|url:\s*|Snapshot-Content-Location:\s*)https?:\/\/[a-z.]*trustpilot\.[a-z.]+\//i.test(head)) return { confidence: 0.9 };
    return { confidence: trustpilotSite.markers.test(head) ? 0.85 : 0 };
  },
  parse: (input, sink, options) => readReviewPage(input, sink, options, { site: trustpilotSite }),
};
