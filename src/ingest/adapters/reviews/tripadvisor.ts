/**
 * A saved TripAdvisor page (formats.md §5.4), in any of its markup eras:
 *
 * - cards: `div[data-automation="reviewCard"]` (now), `div[data-test-target="HR_CC_CARD"]` (about 2020),
 *   `div.review-container` (2017–2019);
 * - the overall rating: the first rating in the card outside the response, from an SVG title ("4,0 de 5
 *   burbujas", "4.0 of 5 bubbles") or a bubble class (`bubble_40`); the sub-ratings (value, rooms,
 *   location…) come after it and are not taken;
 * - the date: "Escrita el 14 de octubre de 2024" / "Written November 4, 2013", or the exact date in the
 *   old `span.ratingDate` title; "Fecha de la estancia" / "Date of stay" is the stay, never the review's;
 * - the text: the longest copy ("partial_entry" beside the full one), outside the response;
 * - the owner response: only when the card shows a header "Respuesta de <name>, <role>" / "Response from
 *   <name>, <role>" (an ungated split merges the reply into the review); the responder is the name before
 *   the comma; its date is "Respondido el 20 oct 2024" / "Responded 5 November 2013".
 *
 * A "write a review" box drawn inside the card list (a link to the review form) is not a review.
 */
import type { IngestAdapter } from '../../../contract/adapter.js';
import { findDateText, fullest, isWriteWidget, type LayerResult, looksLikeHtml, type Page, type ReviewDraft, type SiteExtractor, titleName } from './common.js';
import { attr, classContains, closest, contains, type DomNode, findAll, findFirst, hasClass, textOf } from './dom.js';
import { readReviewPage } from './pipeline.js';
import { type Rating, ratingFromClass, ratingFromText } from './ratings.js';

const CARD = (n: DomNode): boolean =>
  attr(n, 'data-automation') === 'reviewCard' || attr(n, 'data-test-target') === 'HR_CC_CARD' || hasClass(n, 'review-container');
const RESPONSE_HEAD = /^(?:respuesta de|response from|réponse de)\s+(.+)$/i;
/** A response header names the responder and their role: "Respuesta de Ana G., Directora de …". */
const HEADER_FORM = /^(?:respuesta de|response from|réponse de)\s+[^,]{1,60},/i;
const SUB_RATINGS = /rating-list|recommend|subrating|sub-rating|additional-ratings/i;

function rating(card: DomNode, skip: (n: DomNode) => boolean): Rating | undefined {
  for (const n of findAll(card, (x) => x.type === 'tag', skip)) {
    if (SUB_RATINGS.test(attr(n, 'class') ?? '') || closest(n, (a) => SUB_RATINGS.test(attr(a, 'class') ?? ''), card)) continue;
    if (n.name === 'title') {
      const r = ratingFromText(textOf(n));
      if (r) return r;
    }
    const fromClass = classContains(n, 'bubble_') ? ratingFromClass(attr(n, 'class')) : undefined;
    if (fromClass) return fromClass;
    const label = attr(n, 'aria-label');
    if (label && /bubble|burbuja/i.test(label)) {
      const r = ratingFromText(label);
      if (r) return r;
    }
  }
  return undefined;
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
    // Gated on a real header (scrapfly-scrapers#177): a review that starts "Respuesta de la recepción…" is no reply.
    const isHead = (n: DomNode): boolean => {
      const t = textOf(n);
      return t.length <= 150 && RESPONSE_HEAD.test(t) && (HEADER_FORM.test(t) || closest(n, (a) => hasClass(a, 'mgrRspnInline'), card) !== undefined);
    };
    const head = findFirst(card, (n) => isHead(n) && !findFirst(n, isHead));
    const box = head ? (closest(head, (a) => hasClass(a, 'mgrRspnInline')) ?? head.parent ?? undefined) : undefined;
    const inBox = (n: DomNode): boolean => box !== undefined && contains(box, n);
    const stars = rating(card, inBox);
    const titleNode =
      findFirst(card, (n) => attr(n, 'data-test-target') === 'review-title', inBox) ??
      findFirst(card, (n) => hasClass(n, 'noQuotes') || hasClass(n, 'title'), inBox);
    const title = titleNode ? textOf(titleNode) : undefined;
    const author =
      findFirst(
        card,
        (n) => hasClass(n, 'info_text') || hasClass(n, 'username') || hasClass(n, 'memberName') || attr(n, 'data-automation') === 'reviewerName',
        inBox,
      ) ?? findFirst(card, (n) => n.name === 'a' && /\/Profile\//.test(attr(n, 'href') ?? '') && textOf(n) !== '', inBox);
    const bodies = findAll(
      card,
      (n) =>
        hasClass(n, 'partial_entry') ||
        hasClass(n, 'fullText') ||
        attr(n, 'data-test-target') === 'review-body' ||
        classContains(n, 'JguWG') ||
        (n.name === 'q' && !closest(n, (a) => a === titleNode)),
      (n) => inBox(n) || n === titleNode,
    ).filter((n) => !closest(n, (a) => hasClass(a, 'partial_entry') || classContains(a, 'JguWG') || attr(a, 'data-test-target') === 'review-body', card));
    const text = fullest(bodies.map((n) => textOf(n)));
    const date = findDateText(page, card, (n) => inBox(n) || n === titleNode || bodies.includes(n));
    const idSource = attr(card, 'data-reviewid') ?? attr(findFirst(card, (n) => attr(n, 'data-reviewid') !== undefined) ?? card, 'data-reviewid');
    const link = findFirst(card, (n) => /-r(\d{5,})-/.test(attr(n, 'href') ?? ''));
    const id = idSource ?? (link ? /-r(\d{5,})-/.exec(attr(link, 'href') ?? '')?.[1] : undefined) ?? attr(card, 'id')?.replace(/^review_/, '');
    let response: ReviewDraft['response'];
    if (head && box) {
      const responder = RESPONSE_HEAD.exec(textOf(head))?.[1]?.split(',')[0]?.trim();
      const when = findDateText(page, box, (n) => n === head);
      const replyBodies = findAll(
        box,
        (n) => hasClass(n, 'partial_entry') || classContains(n, 'JguWG') || n.name === 'p',
        (n) => n === head || n === when.node,
      );
      const replyText = fullest(replyBodies.map((n) => textOf(n))) ?? textOf(box).replace(textOf(head), '').trim();
      if (replyText) response = { text: replyText, date: when.date, dateProblem: when.problem === 'missing' ? undefined : when.problem, author: responder };
    }
    const authorName = author ? textOf(author) : undefined;
    if (!authorName && !stars && !text) {
      placeholders++;
      continue;
    }
    reviews.push({
      layer: 'cards',
      id,
      author: authorName,
      date: date.date,
      dateProblem: date.problem,
      rawDate: date.raw,
      rating: stars,
      title,
      text,
      response,
      line: page.line(card),
    });
  }
  return { reviews, widgets, placeholders };
}

export const tripadvisorSite: SiteExtractor = {
  id: 'tripadvisor',
  platform: 'tripadvisor',
  name: 'TripAdvisor',
  host: /(?:^|\.)tripadvisor\.[a-z.]+$/,
  markers: /data-automation="reviewCard"|data-test-target="HR_CC_CARD"|class="[^"]*\bui_bubble_rating\b/,
  cards: cardsLayer,
  businessName(page) {
    const h1 = findFirst(page.root, (n) => n.name === 'h1');
    const name = h1 ? textOf(h1) : '';
    return name !== '' ? name.slice(0, 200) : titleName(page, /\s*(?:\(|:|[-–|]\s*(?:tripadvisor|opiniones|reviews)).*$/i);
  },
};

export const tripadvisorAdapter: IngestAdapter = {
  id: 'tripadvisor',
  title: 'TripAdvisor reviews page (saved HTML)',
  detection:
    'a saved HTML page whose address is on tripadvisor.*, or with TripAdvisor review cards (data-automation="reviewCard", HR_CC_CARD, ui_bubble_rating)',
  yields:
    "each review (author, written date, 1–5 bubbles, title, the full text, id) and the owner's response with its responder and date; the stay date is not the review's; only the reviews of the saved page (TripAdvisor filters by language)",
  capabilities: { customerTexts: true, deletions: 'never', ratings: 'always', datePrecision: 'day', layout: 'single-channel' },
  detect({ head }) {
    if (!looksLikeHtml(head)) return { confidence: 0 };
    if (/(?:saved from url=\(\d+\)|url:\s*|Snapshot-Content-Location:\s*)https?:\/\/[a-z.]*tripadvisor\.[a-z.]+\//i.test(head)) return { confidence: 0.9 };
    return { confidence: tripadvisorSite.markers.test(head) ? 0.8 : 0 };
  },
  parse: (input, sink, options) => readReviewPage(input, sink, options, { site: tripadvisorSite }),
};
