/**
 * The two structured layers of a review page (formats.md §5.1), read before anything site-specific:
 *
 * - JSON-LD: every `<script type="application/ld+json">` block; a block is one object, an array of them,
 *   or `{"@graph": […]}`. Reviews are `Review` objects anywhere inside (alone, or as `review` of a
 *   `Product`, `LocalBusiness`, `Hotel`, `Organization`…); the business is the object that holds
 *   `review` or `aggregateRating`. Dirty blocks go through a repair ladder (strict; comments, CDATA and a
 *   trailing ";" stripped and the text trimmed to its outermost brackets; raw control characters
 *   replaced; HTML entities decoded); a block still invalid is warned about and skipped.
 * - Microdata: elements typed `schema.org/Review` or with `itemprop="review"`, with or without
 *   `itemscope`. A property belongs to the nearest review or item scope above it, so a sub-rating or a
 *   "likelihood to recommend" inside its own item is never taken for the overall `reviewRating`.
 *
 * A review whose author is the business itself and that has no rating is its owner's reply drawn as a
 * review; `comment` objects by the business are owner responses.
 */
import { decodeHtmlEntities } from '../../text-cleanup.js';
import type { Aggregate, LayerResult, Page, ReviewDraft, ReviewResponse } from './common.js';
import { findDateText, nameKey, str, walkJson } from './common.js';
import { attr, closest, contains, type DomNode, findAll, findFirst, scriptText, textOf } from './dom.js';
import { parseNumber, type Rating, ratingFromClass, ratingFromText, toRating } from './ratings.js';
import type { DateValue } from './review-dates.js';

const BUSINESS_TYPES =
  /^(?:LocalBusiness|Organization|Corporation|Product|Hotel|LodgingBusiness|Restaurant|FoodEstablishment|Store|Service|Place|TouristAttraction|BedAndBreakfast|Hostel|Resort|Motel|CafeOrCoffeeShop|BarOrPub|Winery|AutoDealer|HealthAndBeautyBusiness|ProfessionalService|SoftwareApplication|Brand|Airline|TravelAgency|FinancialService|MedicalBusiness|HomeAndConstructionBusiness|EntertainmentBusiness|ShoppingCenter|Dentist)$/;
const SUB_RATING_NAME =
  /recommend|recomendar|recomendaci|value|calidad|precio|price|room|habitaci|location|ubicaci|clean|limpieza|service|servicio|staff|personal|sleep|ease|facilidad|support|soporte|features|funcion|food|comida|atmosphere|ambiente/i;
const OVERALL_NAME = /overall|general|global|total|puntuaci[oó]n general/i;

function types(node: Record<string, unknown>): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^https?:\/\/schema\.org\//, ''));
}

/** Parses one JSON-LD block, repairing the defects found in the wild; undefined when it stays invalid. */
export function parseJsonLd(raw: string): unknown {
  const attempts: ((s: string) => string)[] = [
    (s) => s,
    (s) => trimToBrackets(stripWrappers(s)),
    (s) =>
      trimToBrackets(stripWrappers(s))
        .replace(/[\r\n\t]/g, ' ')
        .replace(/[\u0000-\u001f]/g, ''),
    (s) =>
      decodeHtmlEntities(trimToBrackets(stripWrappers(s)))
        .replace(/[\r\n\t]/g, ' ')
        .replace(/[\u0000-\u001f]/g, ''),
  ];
  for (const attempt of attempts) {
    try {
      return JSON.parse(attempt(raw).trim());
    } catch {
      // next rung of the ladder
    }
  }
  return undefined;
}

function stripWrappers(text: string): string {
  return text
    .replace(/^\s*<!--/, '')
    .replace(/-->\s*$/, '')
    .replace(/<!\[CDATA\[/g, '')
    .replace(/\]\]>/g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\//g, '')
    .replace(/;\s*$/, '');
}

function trimToBrackets(text: string): string {
  const objectAt = text.indexOf('{');
  const arrayAt = text.indexOf('[');
  const start = objectAt < 0 ? arrayAt : arrayAt < 0 ? objectAt : Math.min(objectAt, arrayAt);
  if (start < 0) return text;
  const end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
  return end > start ? text.slice(start, end + 1) : text.slice(start);
}

const nameOf = (value: unknown): string | undefined => {
  if (typeof value === 'string') return str(value);
  if (Array.isArray(value)) return nameOf(value[0]);
  if (typeof value === 'object' && value !== null) return str((value as Record<string, unknown>).name) ?? str((value as Record<string, unknown>).alternateName);
  return undefined;
};

const numberOf = (value: unknown): number => (typeof value === 'number' ? value : typeof value === 'string' ? parseNumber(value) : Number.NaN);

/** The overall rating of a `reviewRating` (one object, or an array with sub-ratings beside it). */
function jsonRating(value: unknown): Rating | undefined {
  const list = (Array.isArray(value) ? value : [value]).filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null);
  if (list.length === 0) {
    const n = numberOf(value);
    return Number.isFinite(n) ? toRating(n, 5) : undefined;
  }
  const named = (r: Record<string, unknown>): string => `${str(r.name) ?? ''} ${str(r.description) ?? ''} ${str(r.reviewAspect) ?? ''}`;
  const chosen = list.find((r) => OVERALL_NAME.test(named(r))) ?? list.find((r) => !SUB_RATING_NAME.test(named(r))) ?? list[0]!;
  const best = numberOf(chosen.bestRating);
  return toRating(numberOf(chosen.ratingValue), Number.isFinite(best) ? best : 5);
}

function jsonDate(page: Page, value: unknown): { date?: DateValue; problem?: ReviewDraft['dateProblem']; raw?: string } {
  const raw = str(value);
  const { date, problem } = page.date(raw);
  return { date, problem, raw };
}

function jsonText(value: unknown): string | undefined {
  const text = str(value);
  return text ? decodeHtmlEntities(text.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]{0,200}>/g, '')).trim() : undefined;
}

/** Every review, the business and its aggregate rating in the page's JSON-LD. */
export function jsonLdLayer(page: Page): LayerResult {
  const reviews: (ReviewDraft & { itemReviewed?: string | undefined })[] = [];
  let business: string | undefined;
  let aggregate: Aggregate | undefined;
  const blocks = findAll(page.root, (n) => n.name === 'script' && (attr(n, 'type') ?? '').trim().toLowerCase() === 'application/ld+json');
  blocks.forEach((block, k) => {
    const raw = scriptText(block);
    if (raw.trim() === '') return;
    const value = parseJsonLd(raw);
    const line = page.line(block);
    if (value === undefined) {
      page.warn(
        'invalid-json-ld',
        `JSON-LD block ${k + 1} is not valid JSON even after repair (comments, CDATA, control characters, entities); skipped`,
        line,
        {
          id: 'invalid-json-ld',
          data: { block: k + 1 },
        },
      );
      return;
    }
    walkJson(value, (node) => {
      const t = types(node);
      if (t.includes('AggregateRating') && !aggregate) aggregate = aggregateFrom(node);
      if (t.includes('Review')) {
        reviews.push(reviewFrom(page, node, line));
        return false;
      }
      if (
        (node.review !== undefined || node.reviews !== undefined || node.aggregateRating !== undefined) &&
        (t.some((x) => BUSINESS_TYPES.test(x)) || t.length === 0)
      ) {
        // A product's reviews sit on its brand's listing when it names one.
        business ??= (t.includes('Product') ? nameOf(node.brand) : undefined) ?? nameOf(node.name);
        if (typeof node.aggregateRating === 'object' && node.aggregateRating !== null && !aggregate)
          aggregate = aggregateFrom(node.aggregateRating as Record<string, unknown>);
      }
      return true;
    });
  });
  if (!business) business = reviews.map((r) => r.itemReviewed).find((n) => n !== undefined);
  return { reviews: reviews.map(({ itemReviewed: _, ...r }) => r), business, aggregate };
}

function aggregateFrom(node: Record<string, unknown>): Aggregate {
  const value = numberOf(node.ratingValue);
  const best = numberOf(node.bestRating);
  const rawCount = node.reviewCount ?? node.ratingCount;
  // "1.204" and "1,204" are thousands: counts are whole numbers.
  const count = typeof rawCount === 'number' ? rawCount : Number(String(rawCount ?? '').replace(/[^\d]/g, '')) || undefined;
  return { value: Number.isFinite(value) ? value : undefined, scale: Number.isFinite(best) ? best : undefined, count };
}

function reviewFrom(page: Page, node: Record<string, unknown>, line: number | undefined): ReviewDraft & { itemReviewed?: string | undefined } {
  const { date, problem, raw } = jsonDate(page, node.datePublished ?? node.dateCreated ?? node.dateModified);
  const authorNode = Array.isArray(node.author) ? node.author[0] : node.author;
  const authorTypes = typeof authorNode === 'object' && authorNode !== null ? types(authorNode as Record<string, unknown>) : [];
  const rating = node.reviewRating === undefined ? undefined : jsonRating(node.reviewRating);
  const itemReviewed = nameOf(node.itemReviewed);
  const author = nameOf(node.author);
  const byOrganization = authorTypes.some((t) => BUSINESS_TYPES.test(t) && t !== 'Person');
  const ownerReply =
    rating === undefined && byOrganization && (itemReviewed === undefined || (author !== undefined && nameKey(author) === nameKey(itemReviewed)));
  // schema.org puts answers under `comment`; an owner's is a Comment by an organization.
  let response: ReviewResponse | undefined;
  const comments = Array.isArray(node.comment) ? node.comment : node.comment ? [node.comment] : [];
  for (const c of comments) {
    if (typeof c !== 'object' || c === null) continue;
    const comment = c as Record<string, unknown>;
    const ca = Array.isArray(comment.author) ? comment.author[0] : comment.author;
    const isOrg = typeof ca === 'object' && ca !== null && types(ca as Record<string, unknown>).some((t) => BUSINESS_TYPES.test(t));
    const text = jsonText(comment.text ?? comment.reviewBody ?? comment.description);
    if (!isOrg || !text) continue;
    const when = jsonDate(page, comment.dateCreated ?? comment.datePublished);
    response = { text, date: when.date, dateProblem: when.problem === 'missing' ? undefined : when.problem, author: nameOf(ca) };
    break;
  }
  const id = str(node['@id']) ?? str(node.identifier) ?? (typeof node.identifier === 'number' ? String(node.identifier) : undefined);
  return {
    layer: 'json-ld',
    id: id ? idFromAddress(id) : undefined,
    author,
    date,
    dateProblem: problem,
    rawDate: raw,
    rating,
    title: jsonText(node.name ?? node.headline),
    text: jsonText(node.reviewBody ?? node.description ?? node.text),
    lang: str(node.inLanguage),
    url: str(node.url),
    ownerReply,
    response,
    line,
    itemReviewed,
  };
}

/** ".../#/schema/Review/telenova.example/6710a1b2" → "6710a1b2": the last path part of an address id. */
export function idFromAddress(id: string): string {
  if (!/^https?:\/\/|^#|\//.test(id)) return id;
  const parts = id.split(/[/#]/).filter((p) => p !== '');
  return parts[parts.length - 1] ?? id;
}

// ───────────────────────────── microdata ─────────────────────────────

const itemprops = (node: DomNode): string[] => (attr(node, 'itemprop') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
const itemtype = (node: DomNode): string => (attr(node, 'itemtype') ?? '').toLowerCase();

function isReviewElement(node: DomNode): boolean {
  return /schema\.org\/review\b/.test(itemtype(node)) || itemprops(node).includes('review');
}

/** A scope boundary: an item (itemscope or itemtype) or a review element (typed or only `itemprop=review`). */
function isScope(node: DomNode): boolean {
  return attr(node, 'itemscope') !== undefined || attr(node, 'itemtype') !== undefined || isReviewElement(node);
}

/** Properties that hold a value of their own: a `name` inside one of them is not the review's. */
const CONTAINER_PROPS = new Set(['author', 'itemreviewed', 'reviewrating', 'publisher', 'aggregaterating', 'comment', 'creator']);

/** Whether `node` is a property of `scope` itself (no item or value-holding property between them). */
function belongsTo(node: DomNode, scope: DomNode): boolean {
  for (let at = node.parent; at; at = at.parent) {
    if (at === scope) return true;
    if (isScope(at) || itemprops(at).some((p) => CONTAINER_PROPS.has(p))) return false;
  }
  return false;
}

/** The elements that are property `name` of the item `scope`, in document order. */
function props(scope: DomNode, name: string): DomNode[] {
  return findAll(scope, (n) => itemprops(n).includes(name) && belongsTo(n, scope));
}

/** Property `name` inside a value-holding element (an item, or a plain element such as a reviewRating without itemscope). */
function valueIn(node: DomNode, name: string): string | undefined {
  if (isScope(node)) return propText(node, name);
  const found = findFirst(node, (n) => itemprops(n).includes(name));
  return found ? propValue(found) : undefined;
}

function propValue(node: DomNode): string | undefined {
  const content = attr(node, 'content') ?? (node.name === 'time' ? attr(node, 'datetime') : undefined) ?? attr(node, 'datetime');
  if (content !== undefined) return content.trim() || undefined;
  if (node.name === 'a' || node.name === 'link') return attr(node, 'href');
  if (node.name === 'img') return attr(node, 'alt');
  return textOf(node) || undefined;
}

function propText(scope: DomNode, name: string): string | undefined {
  const node = props(scope, name)[0];
  return node ? propValue(node) : undefined;
}

function microRating(scope: DomNode): Rating | undefined {
  const candidates = props(scope, 'reviewrating');
  if (candidates.length === 0) return undefined;
  const label = (n: DomNode): string => `${valueIn(n, 'name') ?? ''} ${attr(n, 'aria-label') ?? ''}`;
  const chosen = candidates.find((n) => OVERALL_NAME.test(label(n))) ?? candidates.find((n) => !SUB_RATING_NAME.test(label(n))) ?? candidates[0]!;
  const value = valueIn(chosen, 'ratingvalue') ?? attr(chosen, 'content');
  const best = valueIn(chosen, 'bestrating');
  if (value !== undefined) {
    const bestN = best === undefined ? 5 : parseNumber(best);
    return toRating(parseNumber(value), Number.isFinite(bestN) ? bestN : 5);
  }
  return ratingFromText(textOf(chosen)) ?? ratingFromText(attr(chosen, 'aria-label') ?? '') ?? ratingFromClass(attr(chosen, 'class'));
}

function microAuthor(scope: DomNode): string | undefined {
  const node = props(scope, 'author')[0];
  if (!node) return undefined;
  if (attr(node, 'content') !== undefined) return propValue(node);
  return valueIn(node, 'name') ?? (textOf(node) || undefined);
}

/** Every review, the business and its aggregate in the page's microdata. */
export function microdataLayer(page: Page): LayerResult {
  const all = findAll(page.root, isReviewElement);
  // Outermost only: a review element inside another is its owner's reply or a quoted one.
  const elements = all.filter((n) => !closest(n, isReviewElement));
  const reviews: ReviewDraft[] = elements.map((scope) => {
    const nested = findFirst(scope, isReviewElement);
    const marked = propText(scope, 'datepublished') ?? propText(scope, 'datecreated');
    // No datePublished: the date the element shows ("hace 2 semanas"), outside an owner reply inside it.
    const shown = marked === undefined ? findDateText(page, scope, (n) => nested !== undefined && contains(nested, n)) : undefined;
    const rawDate = marked ?? shown?.raw;
    const { date, problem } = shown ? { date: shown.date, problem: shown.problem } : page.date(rawDate);
    const rating = microRating(scope);
    const author = microAuthor(scope);
    const authorNode = props(scope, 'author')[0];
    const byOrganization = authorNode !== undefined && /schema\.org\/(?:organization|localbusiness|corporation)/.test(itemtype(authorNode));
    let response: ReviewResponse | undefined;
    if (nested) {
      const text = propText(nested, 'reviewbody') ?? propText(nested, 'description') ?? propText(nested, 'text');
      const nestedAuthor = microAuthor(nested);
      if (text) response = { text, author: nestedAuthor, ...dateOf(page, propText(nested, 'datepublished') ?? propText(nested, 'datecreated')) };
    }
    return {
      layer: 'microdata' as const,
      id: attr(scope, 'id') ?? attr(scope, 'data-review-id') ?? attr(scope, 'data-reviewid'),
      author,
      date,
      dateProblem: problem,
      rawDate,
      rating,
      title: propText(scope, 'name') ?? propText(scope, 'headline'),
      text: propText(scope, 'reviewbody') ?? propText(scope, 'description') ?? propText(scope, 'text'),
      lang: propText(scope, 'inlanguage'),
      url: propText(scope, 'url'),
      ownerReply: rating === undefined && byOrganization,
      response,
      line: page.line(scope),
    };
  });
  const holder = elements.length > 0 ? closest(elements[0]!, (n) => attr(n, 'itemscope') !== undefined || attr(n, 'itemtype') !== undefined) : undefined;
  const reviewed = elements[0] ? props(elements[0], 'itemreviewed')[0] : undefined;
  const business =
    (holder ? brandOf(holder) : undefined) ??
    (holder ? propText(holder, 'name') : undefined) ??
    (reviewed ? (isScope(reviewed) ? propText(reviewed, 'name') : propValue(reviewed)) : undefined);
  const aggregateNode = findFirst(page.root, (n) => itemprops(n).includes('aggregaterating') || /schema\.org\/aggregaterating/.test(itemtype(n)));
  let aggregate: Aggregate | undefined;
  if (aggregateNode) {
    const value = parseNumber(valueIn(aggregateNode, 'ratingvalue') ?? '');
    const count = Number((valueIn(aggregateNode, 'reviewcount') ?? valueIn(aggregateNode, 'ratingcount') ?? '').replace(/[^\d]/g, ''));
    const best = parseNumber(valueIn(aggregateNode, 'bestrating') ?? '');
    aggregate = { value: Number.isFinite(value) ? value : undefined, count: count > 0 ? count : undefined, scale: Number.isFinite(best) ? best : undefined };
  }
  return { reviews, business: business?.trim() || undefined, aggregate };
}

/** A product's brand (`itemprop="brand"`, an item or a plain value). */
function brandOf(holder: DomNode): string | undefined {
  const brand = props(holder, 'brand')[0];
  if (!brand) return undefined;
  return attr(brand, 'content') !== undefined ? propValue(brand) : (valueIn(brand, 'name') ?? (textOf(brand) || undefined));
}

function dateOf(page: Page, raw: string | undefined): { date?: DateValue; dateProblem?: ReviewResponse['dateProblem'] } {
  const { date, problem } = page.date(raw);
  return { date, dateProblem: problem === 'missing' ? undefined : problem };
}
