/**
 * A saved Google Maps place page (formats.md §5.3). A saved page has no usable embedded JSON (Google
 * loads reviews over RPC), so the cards are read, anchored on what does not rotate:
 *
 * - the card is an element with `data-review-id`; Google nests an empty duplicate with the same id
 *   inside it, which is skipped, and a review shown twice is read once;
 * - the author is the link or button to `/maps/contrib/` (its text, or its aria-label "Foto de …");
 * - the rating is the `role="img"` aria-label ("2 estrellas", "5 stars") or a plain "4/5" alone in its
 *   element ("Habitaciones: 4/5" and the other sub-ratings are not the overall);
 * - the date is relative ("hace 2 semanas", "a month ago", "Editado hace 3 semanas" = edited), resolved
 *   against the page's save time;
 * - the owner response is the block headed "Respuesta del propietario" / "Response from the owner", with
 *   its own relative date; the same block drawn as a card of its own is folded into the review before it;
 * - "Traducido por Google" / "Translated by Google" marks a machine translation.
 *
 * The class names in real pages rotate: none is relied on except as a first guess for the text.
 */
import type { IngestAdapter } from '../../../contract/adapter.js';
import { lookupTable } from '../../../lookup.js';
import {
  findDateText,
  isWriteWidget,
  type LayerResult,
  longestText,
  looksLikeHtml,
  type Page,
  type ReviewDraft,
  type SiteExtractor,
  titleName,
} from './common.js';
import { attr, classContains, closest, contains, type DomNode, findAll, findFirst, ownText, textOf } from './dom.js';
import { readReviewPage } from './pipeline.js';
import { ratingFromText } from './ratings.js';

const RESPONSE_HEAD = /^(?:respuesta del propietario|response from the owner|respuesta de la empresa|respuesta del negocio|réponse du propriétaire)\b/i;
const TRANSLATED = /traducido por google|translated by google/i;
/** "Ver original (inglés)" / "See original (English)": the language the customer wrote in. */
const ORIGINAL_LANGUAGE = /(?:ver original|see original)\s*\(([^)]{2,20})\)/i;
const LANGUAGES = lookupTable<string>({
  inglés: 'en',
  ingles: 'en',
  english: 'en',
  español: 'es',
  espanol: 'es',
  spanish: 'es',
  francés: 'fr',
  frances: 'fr',
  french: 'fr',
  alemán: 'de',
  aleman: 'de',
  german: 'de',
  italiano: 'it',
  italian: 'it',
  portugués: 'pt',
  portugues: 'pt',
  portuguese: 'pt',
  catalán: 'ca',
  catalan: 'ca',
  neerlandés: 'nl',
  dutch: 'nl',
});
const PLAIN_OUT_OF_5 = /^\s*(\d(?:[.,]\d)?)\s*\/\s*5\s*$/;

function responseHead(card: DomNode): DomNode | undefined {
  return findFirst(card, (n) => RESPONSE_HEAD.test(textOf(n)) && !findFirst(n, (c) => RESPONSE_HEAD.test(textOf(c))));
}

function cardsLayer(page: Page): LayerResult {
  const all = findAll(page.root, (n) => attr(n, 'data-review-id') !== undefined);
  const outer = all.filter((n) => !closest(n, (a) => attr(a, 'data-review-id') !== undefined));
  const byId = new Map<string, ReviewDraft>();
  const order: ReviewDraft[] = [];
  let placeholders = 0;
  let widgets = 0;
  let repeated = 0;
  for (const card of outer) {
    if (isWriteWidget(card)) {
      widgets++;
      continue;
    }
    const draft = readCard(page, card);
    if (!draft) {
      placeholders++;
      continue;
    }
    const id = draft.id!;
    const seen = byId.get(id);
    if (seen) {
      // The same review drawn twice (two panels): keep the fuller copy.
      if ((draft.text?.length ?? 0) > (seen.text?.length ?? 0)) Object.assign(seen, draft);
      repeated++;
      continue;
    }
    byId.set(id, draft);
    order.push(draft);
  }
  const notes = repeated > 0 ? [`${repeated} review${repeated === 1 ? '' : 's'} drawn twice on the page (same review id) read once`] : [];
  return { reviews: order, placeholders, widgets, notes };
}

function readCard(page: Page, card: DomNode): ReviewDraft | undefined {
  const id = attr(card, 'data-review-id')!;
  const head = responseHead(card);
  const box = head?.parent ?? undefined;
  const inBox = (n: DomNode): boolean => box !== undefined && contains(box, n);
  const contrib = findFirst(card, (n) => /\/maps\/contrib\//.test(attr(n, 'href') ?? attr(n, 'data-href') ?? ''), inBox);
  // The name is the first text inside the link ("Local Guide · 41 reseñas" follows it); an image-only link has its aria-label.
  const nameNode = contrib ? findFirst(contrib, (n) => ownText(n) !== '') : undefined;
  const authorText = contrib ? (nameNode ? ownText(nameNode) : ownText(contrib)) || attr(contrib, 'aria-label') : undefined;
  const photo = findFirst(card, (n) => /^(?:foto de|photo of)\s/i.test(attr(n, 'aria-label') ?? ''), inBox);
  const author = authorText || (photo ? attr(photo, 'aria-label') : undefined) || attr(card, 'aria-label');
  const stars = findFirst(card, (n) => attr(n, 'role') === 'img' && ratingFromText(attr(n, 'aria-label') ?? '') !== undefined, inBox);
  const plain = findFirst(card, (n) => PLAIN_OUT_OF_5.test(textOf(n)) && !findFirst(n, (c) => PLAIN_OUT_OF_5.test(textOf(c))), inBox);
  const rating = stars ? ratingFromText(attr(stars, 'aria-label') ?? '') : plain ? ratingFromText(textOf(plain)) : undefined;
  const date = findDateText(page, card, (n) => inBox(n) || n === contrib);
  const known = findAll(card, (n) => classContains(n, 'wiI7pd') || classContains(n, 'MyEned'), inBox);
  const body =
    known.length > 0
      ? { text: known.map((n) => textOf(n)).sort((a, b) => b.length - a.length)[0] }
      : longestText(card, (n) => inBox(n) || n.name === 'button', [author, date.raw]);
  let response: ReviewDraft['response'];
  if (head && box) {
    const when = findDateText(page, box, (n) => n === head);
    const reply = longestText(box, (n) => n === head || n === when.node, [when.raw]);
    if (reply.text) response = { text: reply.text, date: when.date, dateProblem: when.problem === 'missing' ? undefined : when.problem };
  }
  const text = body.text && !RESPONSE_HEAD.test(body.text) ? body.text : undefined;
  const cardText = textOf(card, inBox);
  const translated = TRANSLATED.test(cardText);
  if (!author && !rating && !text && !response) return undefined;
  // The owner's reply drawn as a card of its own: no reviewer, no rating, only the response block.
  if (response && !rating && !contrib && !text) {
    return { layer: 'cards', id, ownerReply: true, text: response.text, date: response.date, line: page.line(card) };
  }
  return {
    layer: 'cards',
    id,
    author,
    date: date.date,
    dateProblem: date.problem,
    rawDate: date.raw,
    rating,
    text,
    translated,
    // A machine translation: the customer's own language is the original's, which the button names.
    lang: translated ? LANGUAGES[(ORIGINAL_LANGUAGE.exec(cardText)?.[1] ?? '').trim().toLowerCase()] : undefined,
    response,
    line: page.line(card),
  };
}

export const googleMapsSite: SiteExtractor = {
  id: 'google-maps',
  platform: 'google_maps',
  name: 'Google Maps',
  host: /(?:^|\.)google\.[a-z.]+$|^maps\.app\.goo\.gl$/,
  markers: /data-review-id="[^"]+"[^>]*>[\s\S]{0,2000}?\/maps\/contrib\//,
  cards: cardsLayer,
  businessName(page) {
    const h1 = findFirst(page.root, (n) => n.name === 'h1');
    const name = h1 ? textOf(h1) : '';
    return name !== '' ? name.slice(0, 200) : titleName(page, /\s*[-–|]\s*Google\s*Maps\s*$/i);
  },
};

export const googleMapsAdapter: IngestAdapter = {
  id: 'google-maps',
  title: 'Google Maps place page (saved HTML)',
  detection:
    'a saved HTML page whose address is google.*/maps (Chrome "saved from", SingleFile or MHTML), or with review cards (data-review-id) linking to /maps/contrib/',
  yields:
    "each review (author, 1–5 stars, text, Google's review id) dated relatively (\"hace 2 semanas\") against the page's save time, and the owner's response; edited reviews and machine translations marked; only the reviews loaded when the page was saved",
  capabilities: { customerTexts: true, deletions: 'never', ratings: 'always', datePrecision: 'relative', layout: 'single-channel' },
  detect({ head }) {
    if (!looksLikeHtml(head)) return { confidence: 0 };
    if (/(?:saved from url=\(\d+\)|url:\s*|Snapshot-Content-Location:\s*)https?:\/\/(?:www\.)?google\.[a-z.]+\/maps\b/i.test(head)) return { confidence: 0.9 };
    return { confidence: /data-review-id=/.test(head) && /\/maps\/contrib\//.test(head) ? 0.8 : 0 };
  },
  parse: (input, sink, options) => readReviewPage(input, sink, options, { site: googleMapsSite }),
};
