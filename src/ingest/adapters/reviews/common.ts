/**
 * What every review-page adapter shares: reading a saved page within bounds, where and when it was saved,
 * the review drafts each extraction layer produces, how the layers are merged in their order of trust,
 * and how a review and its owner response become two posts.
 *
 * A review is a conversation: the review is the customer post (author, date, 1–5 rating, title + text,
 * language, address, id); the owner response is the brand post replying to it (`role: 'brand'`,
 * `inReplyTo` the review). Both sit on the business's channel: `channel` is the business name on every
 * post, so `--brand HotelBrisamar` matches "Hotel Brisamar" (case, spaces and accents aside), and the
 * input's channel owner is the business too.
 *
 * Order of trust, per page: JSON-LD, then microdata, then the site's embedded JSON, then the site's HTML
 * cards. The first layer that holds reviews gives them; later layers only fill what it lacks (an owner
 * response, the full text of a truncated one, an id, a language, a finer date) for the review they match
 * (same id, else the same text start and author), and add the reviews it does not have.
 */
import type { AdapterInput, DateOrder, IngestOptions, IngestSink } from '../../../contract/adapter.js';
import type { PostRecord, TimePrecision } from '../../../contract/post.js';
import { InputError } from '../../../errors.js';
import type { InputNote, KeyedText, MessageKey } from '../../../contract/warning.js';
import { isoTime } from '../../../time/iso.js';
import { clip } from '../../text-cleanup.js';
import { attr, type DomNode, findAll, findFirst, leadingComments, lineIndex, ownText, parseHtml, scriptText, textOf } from './dom.js';
import type { Rating } from './ratings.js';
import { type DateValue, parseReviewDate, parseSaveTime } from './review-dates.js';

/** Characters of decoded text read from one page; the rest is left unread (with a warning). */
export const MAX_PAGE_CHARS = 48 * 1024 * 1024;
/** Reviews taken from one page (a saved page holds tens; a hostile one could claim millions). */
export const MAX_REVIEWS = 20_000;

export interface ReviewResponse {
  text: string;
  date?: DateValue | undefined;
  /** The date text could not be read, or was relative with no save date. */
  dateProblem?: 'relative-without-anchor' | 'unreadable' | undefined;
  /** The responder as shown ("Ana G."), else the business answers. */
  author?: string | undefined;
}

export type Layer = 'json-ld' | 'microdata' | 'embedded' | 'cards';

export const LAYER_LABEL: Record<Layer, string> = {
  'json-ld': 'JSON-LD',
  microdata: 'microdata',
  embedded: "the page's embedded JSON",
  cards: "the page's review cards",
};

/** One review as a layer read it, before merging. */
export interface ReviewDraft {
  layer: Layer;
  id?: string | undefined;
  author?: string | undefined;
  date?: DateValue | undefined;
  dateProblem?: 'relative-without-anchor' | 'unreadable' | 'missing' | undefined;
  rawDate?: string | undefined;
  rating?: Rating | undefined;
  title?: string | undefined;
  text?: string | undefined;
  lang?: string | undefined;
  url?: string | undefined;
  /** The text is a machine translation (Google's "Traducido por Google"). */
  translated?: boolean | undefined;
  response?: ReviewResponse | undefined;
  /** The element is the owner's reply drawn as a review card (no rating, the business as author). */
  ownerReply?: boolean | undefined;
  line?: number | undefined;
}

export interface Aggregate {
  value?: number | undefined;
  scale?: number | undefined;
  count?: number | undefined;
}

export interface LayerResult {
  reviews: ReviewDraft[];
  business?: string | undefined;
  aggregate?: Aggregate | undefined;
  /** Facts about this layer for the report ("2 pending reviews left out"). */
  notes?: string[];
  /** Elements that looked like review cards but were empty (lazy placeholders) or a write-a-review widget. */
  placeholders?: number;
  widgets?: number;
}

/** A saved page, parsed, with what is known about where and when it was saved. */
export interface Page {
  name: string;
  html: string;
  root: DomNode;
  url: string | undefined;
  /** The save time, epoch ms: relative dates are resolved against it. */
  anchor: number | undefined;
  anchorSource: string | undefined;
  zone: string;
  /** Whether line numbers refer to the file (false inside a decoded MHTML part). */
  linesAreFileLines: boolean;
  line(node: DomNode | undefined): number | undefined;
  /** A review or response date from page text, with the reason when it cannot be had. */
  date(raw: string | undefined, order?: DateOrder): { date?: DateValue; problem?: 'relative-without-anchor' | 'unreadable' | 'missing' };
  /** `key`: the catalogue id and data that say it in other locales. */
  warn(code: string, message: string, line?: number, key?: MessageKey): void;
}

/** One site family: how to recognise its pages and read what is specific to it. */
export interface SiteExtractor {
  /** The adapter id and the platform name of its posts. */
  id: string;
  platform: string;
  name: string;
  /** The page's address belongs to the site. */
  host: RegExp;
  /** Markup only this site writes (checked in the detection head and, at parse, in the whole page). */
  markers: RegExp;
  dateOrder?(page: Page): DateOrder;
  embedded?(page: Page): LayerResult;
  cards?(page: Page): LayerResult;
  businessName?(page: Page): string | undefined;
}

// ───────────────────────────── reading ─────────────────────────────

/** The page's text, at most MAX_PAGE_CHARS, and whether it was cut. */
export async function readCapped(input: AdapterInput, limit = MAX_PAGE_CHARS): Promise<{ text: string; cut: boolean }> {
  const parts: string[] = [];
  let length = 0;
  for await (const chunk of input.chunks) {
    if (length + chunk.length > limit) {
      parts.push(chunk.slice(0, limit - length));
      return { text: parts.join(''), cut: true };
    }
    parts.push(chunk);
    length += chunk.length;
  }
  return { text: parts.join(''), cut: false };
}

/** Embedded images (SingleFile inlines them) are megabytes of base64 that no review needs. */
const DATA_URI = /data:[\w.+/-]{1,80};base64,[A-Za-z0-9+/=]{512,}/g;

export const MHTML_START = /^\s*(?:From: <Saved by Blink>|MIME-Version: 1\.0\r?\n(?:[\w-]+:.*\r?\n)*Content-Type: multipart\/related)/i;

export interface Unwrapped {
  html: string;
  url?: string | undefined;
  date?: number | undefined;
  mhtml: boolean;
}

/** A Chrome "single file" (.mhtml): the first text/html part, quoted-printable or base64 decoded. */
export function unwrapMhtml(text: string): Unwrapped | undefined {
  const head = text.slice(0, 8192);
  if (!/^\s*From: <Saved by Blink>/i.test(head) && !/Content-Type:\s*multipart\/related/i.test(head.split(/\r?\n\r?\n/, 1)[0] ?? '')) return undefined;
  const headerEnd = text.search(/\r?\n\r?\n/);
  const headers = headerEnd < 0 ? text : text.slice(0, headerEnd);
  const unfolded = headers.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string): string | undefined => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(unfolded)?.[1]?.trim();
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(unfolded)?.[1];
  if (!boundary) return undefined;
  const url = header('Snapshot-Content-Location');
  const dateHeader = header('Date');
  const date = dateHeader ? parseSaveTime(dateHeader) : undefined;
  const parts = text.split(`--${boundary}`);
  for (const part of parts) {
    const split = part.search(/\r?\n\r?\n/);
    if (split < 0) continue;
    const partHeaders = part.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
    if (!/^\s*Content-Type:\s*text\/html/im.test(partHeaders)) continue;
    let body = part.slice(split).replace(/^\r?\n\r?\n/, '');
    const encoding = /Content-Transfer-Encoding:\s*([\w-]+)/i.exec(partHeaders)?.[1]?.toLowerCase();
    const charset = /charset="?([\w-]+)/i.exec(partHeaders)?.[1]?.toLowerCase();
    if (encoding === 'quoted-printable') body = decodeBytes(quotedPrintableBytes(body), charset);
    else if (encoding === 'base64') body = decodeBytes(base64Bytes(body), charset);
    return { html: body, url, date, mhtml: true };
  }
  return undefined;
}

function quotedPrintableBytes(text: string): Uint8Array {
  const body = text.replace(/=\r?\n/g, '');
  const out = new Uint8Array(body.length * 3);
  let n = 0;
  const encoder = new TextEncoder();
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x3d && i + 2 < body.length + 0 && /^[0-9A-Fa-f]{2}$/.test(body.slice(i + 1, i + 3))) {
      out[n++] = parseInt(body.slice(i + 1, i + 3), 16);
      i += 2;
    } else if (c < 0x80) out[n++] = c;
    else {
      const bytes = encoder.encode(body[i]!);
      out.set(bytes, n);
      n += bytes.length;
    }
  }
  return out.subarray(0, n);
}

function base64Bytes(text: string): Uint8Array {
  const clean = text.replace(/[^A-Za-z0-9+/=]/g, '');
  try {
    const binary = atob(clean);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return new Uint8Array();
  }
}

function decodeBytes(bytes: Uint8Array, charset: string | undefined): string {
  if (charset && charset !== 'utf-8' && charset !== 'utf8' && charset !== 'us-ascii') {
    // Latin-1 and Windows-1252 pages: one character per byte (the 0x80–0x9F block is rare in HTML).
    let out = '';
    for (const b of bytes) out += String.fromCharCode(b);
    return out;
  }
  return new TextDecoder('utf-8').decode(bytes);
}

const SAVED_FROM = /saved from url=\(\d+\)(\S+)/i;
const SINGLEFILE_URL = /^\s*url:\s*(\S+)/im;
const SINGLEFILE_DATE = /^\s*saved date:\s*(.+)$/im;
/** Save-time metas: the one `second-impression fetch` writes, and the generic names some savers use. */
const SAVE_META_NAMES = new Set(['second-impression:saved-at', 'saved-at', 'saved-date', 'savedate']);

/** Opens a saved page: reads it within bounds, unwraps MHTML, parses it, finds its address and save time. */
export async function openPage(input: AdapterInput, sink: IngestSink, options: IngestOptions): Promise<Page> {
  const { text, cut } = await readCapped(input);
  if (cut) {
    sink.warn({
      code: 'page-truncated',
      message: `the page is larger than ${MAX_PAGE_CHARS / 1024 / 1024} MB of text; only its first part was read (reviews further down are missing)`,
      data: { mb: MAX_PAGE_CHARS / 1024 / 1024 },
    });
  }
  const unwrapped = unwrapMhtml(text) ?? { html: text, mhtml: false };
  const html = unwrapped.html.replace(/^\ufeff/, '').replace(DATA_URI, 'data:,');
  const { root, cut: tooDeep } = parseHtml(html);
  if (tooDeep > 0)
    sink.warn({
      code: 'page-too-deep',
      message: 'the page nests elements thousands deep (broken or hostile HTML): the part below that depth was not read',
      data: {},
    });
  const lineOf = lineIndex(html);
  const comments = leadingComments(root).join('\n');
  const metas = findAll(root, (node) => node.name === 'meta' || node.name === 'link');
  const metaContent = (test: (node: DomNode) => boolean): string | undefined => {
    const found = metas.find(test);
    return found ? (attr(found, 'content') ?? attr(found, 'href')) : undefined;
  };
  const url =
    unwrapped.url ??
    SAVED_FROM.exec(comments)?.[1] ??
    (/Page saved with SingleFile/i.test(comments) ? SINGLEFILE_URL.exec(comments)?.[1] : undefined) ??
    metaContent((n) => n.name === 'link' && (attr(n, 'rel') ?? '').toLowerCase() === 'canonical') ??
    metaContent((n) => n.name === 'meta' && (attr(n, 'property') ?? attr(n, 'name')) === 'og:url') ??
    input.metadata?.url;

  // The save time: SingleFile's comment, MHTML's Date, a save meta; else what io was told (fetch, --as-of).
  let anchor: number | undefined;
  let anchorSource: string | undefined;
  const singleFileDate = /Page saved with SingleFile/i.test(comments) ? SINGLEFILE_DATE.exec(comments)?.[1] : undefined;
  const fromComment = singleFileDate ? parseSaveTime(singleFileDate.replace(/-->.*$/, '')) : undefined;
  const metaDate = metaContent((n) => n.name === 'meta' && SAVE_META_NAMES.has((attr(n, 'name') ?? '').toLowerCase()));
  const fromMeta = metaDate ? parseSaveTime(metaDate) : undefined;
  if (fromComment !== undefined) [anchor, anchorSource] = [fromComment, 'the SingleFile "saved date"'];
  else if (unwrapped.date !== undefined) [anchor, anchorSource] = [unwrapped.date, 'the MHTML "Date:" header'];
  else if (fromMeta !== undefined) [anchor, anchorSource] = [fromMeta, `the page's <meta name="${'second-impression:saved-at'}"> save date`];
  else if (input.metadata?.savedAt !== undefined) [anchor, anchorSource] = [input.metadata.savedAt, 'the save time given with the input'];
  const page: Page = {
    name: input.name,
    html,
    root,
    url,
    anchor,
    anchorSource,
    zone: options.timezone,
    linesAreFileLines: !unwrapped.mhtml,
    line: (node) => (unwrapped.mhtml || !node ? undefined : lineOf(node.startIndex)),
    date(raw, order) {
      if (raw === undefined || raw.trim() === '') return { problem: 'missing' };
      const { date, relativeWithoutAnchor } = parseReviewDate(raw, options.timezone, anchor, order ?? 'day-first');
      if (date) return { date };
      return { problem: relativeWithoutAnchor ? 'relative-without-anchor' : 'unreadable' };
    },
    warn(code, message, line, key) {
      sink.warn({ ...(line === undefined ? {} : { line }), code, message, ...key });
    },
  };
  return page;
}

// ───────────────────────────── names ─────────────────────────────

/** A name compared the way a page name matches a handle: case, accents, spaces and punctuation aside. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A reviewer name as shown once: "Tom BakerTom Baker" (mobile and desktop copies) and "Foto de Tom Baker" cleaned. */
export function cleanName(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let name = raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:foto de|photo of|imagen de|avatar de|avatar of|profile picture of)\s+/i, '');
  const half = name.length / 2;
  if (Number.isInteger(half) && half > 0 && name.slice(0, half) === name.slice(half)) name = name.slice(0, half);
  const spaced = name.split(' ');
  if (spaced.length % 2 === 0 && spaced.length > 0) {
    const h = spaced.length / 2;
    if (spaced.slice(0, h).join(' ') === spaced.slice(h).join(' ')) name = spaced.slice(0, h).join(' ');
  }
  name = name.normalize('NFC');
  return name === '' ? undefined : name.slice(0, 200);
}

/** A page's <title> or <h1> without the site's suffix ("Hotel Brisamar - Google Maps" → "Hotel Brisamar"). */
export function titleName(page: Page, suffixes: RegExp): string | undefined {
  const titleNode = findAll(page.root, (n) => n.name === 'title')[0];
  const ogTitle = findAll(page.root, (n) => n.name === 'meta' && attr(n, 'property') === 'og:title')[0];
  for (const raw of [ogTitle ? attr(ogTitle, 'content') : undefined, titleNode ? textOf(titleNode) : undefined]) {
    if (!raw) continue;
    const name = raw.replace(suffixes, '').trim();
    if (name !== '') return name.slice(0, 200);
  }
  return undefined;
}

// ───────────────────────────── texts ─────────────────────────────

const ELLIPSIS = /(?:\s*(?:…|\.\.\.)\s*(?:más|more|leer más|read more|ver más|see more)?\s*)$/i;

/** Text without the "… Más" / "...Read more" a truncated copy ends with. */
export function withoutEllipsis(text: string): string {
  return text.replace(ELLIPSIS, '').trim();
}

/** The fullest of several copies of one text (truncated and full): the longest. */
export function fullest(texts: (string | undefined)[]): string | undefined {
  let best: string | undefined;
  for (const t of texts) if (t !== undefined && t.trim() !== '' && (best === undefined || t.length > best.length)) best = t;
  return best;
}

/** Whether `longer` is the full text of the truncated `shorter`. */
export function extends_(shorter: string, longer: string): boolean {
  const a = textKey(withoutEllipsis(shorter));
  const b = textKey(longer);
  return a.length > 0 && b.length >= a.length && b.startsWith(a);
}

export function textKey(text: string): string {
  return nameKey(text).slice(0, 400);
}

// ───────────────────────────── JSON ─────────────────────────────

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
export { str };

/** Depth-first over a parsed JSON value, bounded in depth and in visited nodes. */
export function walkJson(value: unknown, visit: (node: Record<string, unknown>, path: string[]) => boolean | undefined, maxNodes = 500_000): void {
  const stack: [unknown, string[]][] = [[value, []]];
  let visited = 0;
  while (stack.length > 0 && visited++ < maxNodes) {
    const [node, path] = stack.pop()!;
    if (path.length > 60 || typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      for (let k = node.length - 1; k >= 0; k--) stack.push([node[k], [...path, String(k)]]);
      continue;
    }
    const record = node as Record<string, unknown>;
    if (visit(record, path) === false) continue; // false: do not descend
    const keys = Object.keys(record);
    for (let k = keys.length - 1; k >= 0; k--) stack.push([record[keys[k]!], [...path, keys[k]!]]);
  }
}

/** The JSON of every <script type="application/json"> (or a given type) on the page, by its element. */
export function jsonScripts(page: Page, test: (node: DomNode) => boolean): { node: DomNode; text: string }[] {
  return findAll(page.root, (n) => n.name === 'script' && test(n)).map((node) => ({ node, text: scriptText(node) }));
}

// ───────────────────────────── merging and posting ─────────────────────────────

const PRECISION_RANK: Record<TimePrecision, number> = { exact: 4, minute: 3, day: 2, relative: 1, month: 0, unknown: -1 };

function firstToken(name: string | undefined): string {
  return nameKey((name ?? '').split(/\s+/)[0] ?? '');
}

function sameReview(a: ReviewDraft, b: ReviewDraft): boolean {
  if (a.id && b.id) {
    if (a.id === b.id) return true;
    const [short, long] = a.id.length <= b.id.length ? [a.id, b.id] : [b.id, a.id];
    if (short.length >= 6 && long.includes(short)) return true;
  }
  const authors = !a.author || !b.author || firstToken(a.author) === firstToken(b.author);
  const ta = textKey(withoutEllipsis(a.text ?? ''));
  const tb = textKey(withoutEllipsis(b.text ?? ''));
  if (ta.length >= 12 && tb.length >= 12) return authors && (ta.startsWith(tb) || tb.startsWith(ta));
  if (ta === '' && tb === '' && a.author && b.author && nameKey(a.author) === nameKey(b.author)) {
    const sameRating = a.rating?.stars === b.rating?.stars;
    const sameDay = a.date && b.date ? Math.abs(a.date.ms - b.date.ms) < 36 * 3_600_000 : true;
    return sameRating && sameDay;
  }
  return false;
}

/** Fills what `into` lacks from `from` (the same review read by a less trusted layer). */
function enrich(into: ReviewDraft, from: ReviewDraft, counts: Record<string, number>): void {
  if (!into.response && from.response) {
    into.response = from.response;
    counts.responses = (counts.responses ?? 0) + 1;
  }
  if (from.text && (!into.text || (from.text.length > into.text.length && extends_(into.text, from.text)))) {
    if (into.text) counts.fullTexts = (counts.fullTexts ?? 0) + 1;
    into.text = from.text;
  }
  into.id ??= from.id;
  into.url ??= from.url;
  into.lang ??= from.lang;
  into.title ??= from.title;
  into.author ??= from.author;
  into.rating ??= from.rating;
  into.translated ||= from.translated;
  if (
    from.date &&
    (!into.date || (PRECISION_RANK[from.date.precision] > PRECISION_RANK[into.date.precision] && Math.abs(from.date.ms - into.date.ms) < 36 * 3_600_000))
  ) {
    into.date = from.date;
    into.dateProblem = undefined;
  }
}

/**
 * Owner replies drawn as their own review cards: attached to the review before them when it has no
 * response, dropped otherwise. Empty placeholders are dropped. Never a review, never "unanswered".
 */
export function foldOwnerReplies(drafts: ReviewDraft[], business: string | undefined): { reviews: ReviewDraft[]; folded: number; empty: number } {
  const key = business ? nameKey(business) : '';
  const out: ReviewDraft[] = [];
  let folded = 0;
  let empty = 0;
  for (const draft of drafts) {
    const byBusiness = key !== '' && draft.author !== undefined && nameKey(draft.author).startsWith(key) && draft.rating === undefined;
    if (draft.ownerReply || byBusiness) {
      folded++;
      const previous = out[out.length - 1];
      if (previous && !previous.response && draft.text) {
        previous.response = { text: draft.text, date: draft.date, author: draft.ownerReply ? undefined : draft.author };
      }
      continue;
    }
    if (!draft.author && !draft.text && !draft.rating) {
      empty++;
      continue;
    }
    out.push(draft);
  }
  return { reviews: out, folded, empty };
}

export interface Merged {
  reviews: ReviewDraft[];
  /** Which layer gave the reviews, and what the others added. */
  notes: InputNote[];
}

/** Merges the layers (given in order of trust). */
export function mergeLayers(layers: { layer: Layer; reviews: ReviewDraft[] }[]): Merged {
  const notes: InputNote[] = [];
  const primary = layers.find((l) => l.reviews.length > 0);
  if (!primary) return { reviews: [], notes };
  const reviews = [...primary.reviews];
  const from: string[] = [`${reviews.length} from ${LAYER_LABEL[primary.layer]}`];
  for (const layer of layers) {
    if (layer === primary || layer.reviews.length === 0) continue;
    const counts: Record<string, number> = {};
    let added = 0;
    for (const draft of layer.reviews) {
      const match = reviews.find((r) => sameReview(r, draft));
      if (match) enrich(match, draft, counts);
      else if (reviews.length < MAX_REVIEWS) {
        reviews.push(draft);
        added++;
      }
    }
    const said: string[] = [];
    if (counts.responses) said.push(`${counts.responses} owner response${counts.responses === 1 ? '' : 's'}`);
    if (counts.fullTexts) said.push(`${counts.fullTexts} full text${counts.fullTexts === 1 ? '' : 's'} of truncated reviews`);
    if (added) said.push(`${added} review${added === 1 ? '' : 's'} missing from ${LAYER_LABEL[primary.layer]}`);
    if (said.length > 0) from.push(`${said.join(', ')} from ${LAYER_LABEL[layer.layer]}`);
  }
  const text = `reviews read in order of trust (JSON-LD, microdata, embedded JSON, cards): ${from.join('; ')}`;
  // Only the plain case (every review from one layer) has a sentence in other locales.
  notes.push(from.length === 1 ? { text, id: `reviews.order-of-trust.${primary.layer}`, data: { n: reviews.length } } : text);
  return { reviews, notes };
}

/** FNV-1a, 32 bits, as 8 hex digits: a stable id for a review the page gives none. */
export function hashId(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export interface EmitOptions {
  platform: string;
  business: string | undefined;
  url: string | undefined;
  /** Ids already used in this input (several places in one scraper file). */
  used?: Set<string>;
}

/** Turns merged drafts into posts: the review, then its owner response. Returns how many reviews were posted. */
export function emitReviews(drafts: ReviewDraft[], sink: IngestSink, page: Pick<Page, 'warn' | 'anchor' | 'anchorSource'>, options: EmitOptions): number {
  const used = options.used ?? new Set<string>();
  let posted = 0;
  let relativeSkipped = 0;
  let undatedReplies = 0;
  let clamped = 0;
  let translated = 0;
  let scaled = 0;
  const scales = new Set<number>();
  const precisions = new Set<TimePrecision>();
  for (const draft of drafts.slice(0, MAX_REVIEWS)) {
    const author = cleanName(draft.author) ?? '(anonymous)';
    if (!draft.date) {
      if (draft.dateProblem === 'relative-without-anchor') relativeSkipped++;
      else
        page.warn(
          'bad-date',
          draft.dateProblem === 'unreadable' && draft.rawDate
            ? `review by ${clip(author)}: its date "${clip(draft.rawDate)}" is not a date this reader knows (Spanish or English, absolute or relative); skipped`
            : `review by ${clip(author)} shows no date; skipped`,
          draft.line,
          draft.dateProblem === 'unreadable' && draft.rawDate
            ? { id: 'reviews.bad-date', data: { author: clip(author), value: clip(draft.rawDate) } }
            : { id: 'reviews.no-date', data: { author: clip(author) } },
        );
      continue;
    }
    const body = draft.text?.trim() ?? '';
    const title = draft.title?.trim();
    const text = title && !textKey(body).startsWith(textKey(title)) ? (body ? `${title}\n\n${body}` : title) : body;
    let id = draft.id ?? `r${hashId(`${nameKey(author)}|${draft.rating?.value ?? ''}|${textKey(text).slice(0, 200)}`)}`;
    if (used.has(id)) {
      let n = 2;
      while (used.has(`${id}-${n}`)) n++;
      id = `${id}-${n}`;
    }
    used.add(id);
    const channel = options.business;
    const review: PostRecord = {
      id,
      platform: options.platform,
      author,
      time: draft.date.ms,
      text,
      url: draft.url ?? options.url,
      rating: draft.rating?.stars,
      // Another scale (Booking's 10 points) keeps its score as shown beside the stars it maps to.
      ...(draft.rating && draft.rating.scale !== 5 ? { ratingValue: draft.rating.value, ratingScale: draft.rating.scale } : {}),
      lang: draft.lang,
      role: 'customer',
      channel,
      timePrecision: draft.date.precision,
      line: draft.line,
    };
    if (draft.date.edited) review.edited = true;
    if (draft.translated) translated++;
    if (draft.rating && draft.rating.scale !== 5) {
      scaled++;
      scales.add(draft.rating.scale);
    }
    precisions.add(draft.date.precision);
    sink.post(review);
    posted++;
    const response = draft.response;
    if (!response || response.text.trim() === '') continue;
    // No date shown (Booking never shows one) or a relative one without a save date: the response is
    // dated at its review, the only bound the page gives (see the note and the report to the lead).
    let time = response.date?.ms;
    let precision = response.date?.precision;
    if (time === undefined) {
      undatedReplies++;
      time = draft.date.ms;
      precision = 'unknown';
    } else if (time < draft.date.ms) {
      clamped++;
      time = draft.date.ms;
    }
    sink.post({
      id: `${id}-reply`,
      platform: options.platform,
      author: cleanName(response.author) ?? options.business ?? 'owner',
      time,
      text: response.text.trim(),
      inReplyTo: id,
      url: draft.url ?? options.url,
      role: 'brand',
      channel,
      timePrecision: precision,
      line: draft.line,
    });
  }
  if (relativeSkipped > 0) {
    page.warn(
      'no-save-date',
      `${relativeSkipped} review${relativeSkipped === 1 ? ' is' : 's are'} dated only relatively ("hace 2 semanas", "2 weeks ago") and the page says nowhere when it was saved (no SingleFile "saved date", MHTML "Date:" or <meta name="second-impression:saved-at">): ${relativeSkipped === 1 ? 'it was' : 'they were'} skipped`,
      undefined,
      { id: 'no-save-date', data: { n: relativeSkipped } },
    );
  }
  if (page.anchor !== undefined && precisions.has('relative')) {
    sink.note(
      `relative dates ("hace 2 semanas", "a month ago") resolved against the save time ${isoTime(page.anchor)} (${page.anchorSource}): "N units ago" is the save time minus N units; they are approximate`,
      { id: 'reviews.relative-dates', data: { savedAt: isoTime(page.anchor), source: page.anchorSource ?? '' } },
    );
  }
  if (undatedReplies > 0) {
    sink.note(
      `${undatedReplies} owner response${undatedReplies === 1 ? ' shows' : 's show'} no date: counted as answered, dated at ${undatedReplies === 1 ? 'its' : 'their'} review (the only bound the page gives), so ${undatedReplies === 1 ? 'its' : 'their'} response time is unknown and left out of the speed figures`,
      { id: 'reviews.undated-replies', data: { n: undatedReplies } },
    );
  }
  if (clamped > 0)
    sink.note(
      `${clamped} owner response${clamped === 1 ? ' was' : 's were'} dated before ${clamped === 1 ? 'its' : 'their'} review at the page's precision: dated at the review`,
      { id: 'reviews.clamped-replies', data: { n: clamped } },
    );
  if (translated > 0)
    sink.note(`${translated} review${translated === 1 ? ' is' : 's are'} the site's machine translation; the original text is not in the saved page`, {
      id: 'reviews.machine-translated',
      data: { n: translated },
    });
  if (scaled > 0) {
    sink.note(
      `${scaled} rating${scaled === 1 ? ' is' : 's are'} out of ${[...scales].sort((a, b) => a - b).join(', ')}, not 5: read as stars = score × 5 ÷ scale, to one decimal (8.6/10 → 4.3★; 6/10 → 3★, which needs a reply)`,
      { id: 'reviews.scaled', data: { n: scaled, scales: [...scales].sort((a, b) => a - b).join(', ') } },
    );
  }
  return posted;
}

/** Why a page may hold no review, from what it says. */
export function emptyPageCause(page: Page): string | undefined {
  const cause = emptyPageCauseCode(page);
  return cause === undefined ? undefined : CAUSE_TEXT[cause];
}

export type EmptyPageCause = 'captcha' | 'block-page' | 'cookie-wall';
const CAUSE_TEXT: Record<EmptyPageCause, string> = {
  captcha: 'it shows a captcha',
  'block-page': 'it is a block page',
  'cookie-wall': 'it shows a cookie wall',
};

function emptyPageCauseCode(page: Page): EmptyPageCause | undefined {
  const text = textOf(page.root).slice(0, 20_000).toLowerCase();
  if (
    /captcha|unusual traffic|tráfico inusual|verify you are (a )?human|are you a robot|no soy un robot|px-captcha|cf-challenge/.test(
      text + page.html.slice(0, 50_000).toLowerCase(),
    )
  )
    return 'captcha';
  if (/access denied|acceso denegado|403 forbidden|you have been blocked|has sido bloqueado|request blocked/.test(text)) return 'block-page';
  if (
    /before you continue|antes de ir a|accept (all )?cookies|aceptar (todas las )?cookies|consent\.google|we value your privacy|usamos cookies|utilizamos cookies/.test(
      text,
    )
  )
    return 'cookie-wall';
  return undefined;
}

/** The error for a page that yields no review: never a silent zero. */
export function noReviewsError(page: Page, aggregate: Aggregate | undefined, site: string | undefined): InputError {
  const code = emptyPageCauseCode(page);
  const cause = code === undefined ? undefined : CAUSE_TEXT[code];
  const stated = aggregate?.count ? `; the page states ${aggregate.count} review${aggregate.count === 1 ? '' : 's'} but none is in the saved HTML` : '';
  return new InputError(
    `${page.name}: page saved without reviews (lazy loading / cookie wall / captcha / block page)${cause ? `: ${cause}` : ''}${stated}${site ? ` (read as ${site})` : ''}`,
    'open the page, scroll the reviews into view (accept or reject cookies first), then save it with SingleFile or `second-impression fetch`',
    {
      id: `error.no-reviews${code ? `.${code}` : ''}${aggregate?.count ? '.stated' : ''}`,
      data: { file: page.name, ...(aggregate?.count ? { n: aggregate.count } : {}) },
    },
  );
}

/** The page's number of reviews and average, said beside how many the saved page holds. */
export function aggregateNote(aggregate: Aggregate | undefined, read: number): KeyedText | undefined {
  if (!aggregate || (aggregate.count === undefined && aggregate.value === undefined)) return undefined;
  const average = aggregate.value !== undefined ? `${aggregate.value}/${aggregate.scale ?? 5}` : undefined;
  const count = aggregate.count !== undefined ? `${aggregate.count} review${aggregate.count === 1 ? '' : 's'}` : undefined;
  const variant = average !== undefined && count !== undefined ? 'both' : average !== undefined ? 'average' : 'count';
  return {
    text: `the page states ${[average, count].filter(Boolean).join(' over ')}; ${read} ${read === 1 ? 'is' : 'are'} in the saved page (a sample: the first page shown, in its order and language filter)`,
    id: `reviews.page-states.${variant}`,
    data: { n: read, ...(average !== undefined ? { average } : {}), ...(aggregate.count !== undefined ? { count: aggregate.count } : {}) },
  };
}

// ───────────────────────────── card helpers ─────────────────────────────

const WRITE_LINK = /UserReviewEdit|writereview|write-a-review|write_review|\/evaluate\/|\/review\/new|escribir-opinion|opinar/i;
const WRITE_TEXT =
  /^(?:escribe una (?:opini[oó]n|rese[nñ]a)|escribir una (?:opini[oó]n|rese[nñ]a)|write a review|deja tu opini[oó]n|leave a review|valora tu experiencia|rate your experience)\b/i;

/** A write-a-review box or a rating filter drawn like a card: form controls, or a link to the review form. */
export function isWriteWidget(card: DomNode): boolean {
  return (
    findFirst(
      card,
      (n) =>
        n.name === 'form' ||
        n.name === 'textarea' ||
        n.name === 'select' ||
        (n.name === 'input' && attr(n, 'type') !== 'hidden') ||
        (n.name === 'a' && WRITE_LINK.test(attr(n, 'href') ?? '')) ||
        ((n.name === 'a' || n.name === 'button') && WRITE_TEXT.test(textOf(n))),
    ) !== undefined
  );
}

/** Dates that are not the review's: the stay, the visit, the experience. */
const OTHER_DATE = /estancia|stay|experiencia|experience|visit|visita|viaje|trip|fecha de la|date of/i;
/** A relative date stands alone in its element ("Editado hace 3 semanas"); inside a sentence it is text. */
const RELATIVE_ALONE =
  /^(?:(?:editado|edited|nuevo|new|actualizado|updated|publicado|posted|respondido|responded)\s+)?(?:hace\b|un[ao]?\s|an?\s|one\s|\d{1,3}\s|yesterday|ayer|just now|today|hoy)/i;

export interface FoundDate {
  date?: DateValue | undefined;
  problem?: 'relative-without-anchor' | 'unreadable' | 'missing' | undefined;
  raw?: string | undefined;
  node?: DomNode | undefined;
}

/**
 * The first element under `root` (outside `skip`) whose own text, `datetime` or `title` is a review date:
 * absolute, or relative when it stands alone (at most 40 characters); never a stay or experience date.
 * A relative date without a save date is reported as such.
 */
export function findDateText(page: Page, root: DomNode, skip?: (n: DomNode) => boolean, order?: DateOrder): FoundDate {
  let pending: FoundDate | undefined;
  for (const node of findAll(root, (n) => n.type === 'tag', skip)) {
    const candidates = [node.name === 'time' ? attr(node, 'datetime') : undefined, attr(node, 'title'), ownText(node)];
    for (const raw of candidates) {
      if (raw === undefined || raw === '' || raw.length > 120 || OTHER_DATE.test(raw)) continue;
      const alone = raw.length <= 40 && RELATIVE_ALONE.test(raw.trim());
      const { date, problem } = page.date(raw, order);
      if (date && (date.precision !== 'relative' || alone)) return { date, raw, node };
      if (problem === 'relative-without-anchor' && alone && !pending) pending = { problem, raw, node };
    }
  }
  return pending ?? { problem: 'missing' };
}

/** UI words that are never a review's text. */
const UI_TEXT =
  /^(?:m[aá]s|more|leer m[aá]s|read more|ver m[aá]s|see more|me gusta|like|compartir|share|[uú]til|helpful|traducido por google|translated by google|ver original.*|see original.*|responder|reply|denunciar|report)$/i;

/**
 * The review text of a card whose classes are not to be trusted: the longest own text of an element
 * outside `skip` that is not a UI word nor one of `exclude` (the author, the date…). A full copy beside a
 * truncated one is longer, so it wins.
 */
export function longestText(root: DomNode, skip: (n: DomNode) => boolean, exclude: (string | undefined)[]): { text?: string; node?: DomNode } {
  const excluded = new Set(exclude.filter((e): e is string => e !== undefined).map(textKey));
  let best: { text: string; node: DomNode } | undefined;
  for (const node of findAll(root, (n) => n.type === 'tag' && n.name !== 'button' && n.name !== 'a', skip)) {
    const text = ownText(node);
    if (text === '' || UI_TEXT.test(text) || excluded.has(textKey(text))) continue;
    if (!best || text.length > best.text.length) best = { text: textOf(node, skip), node };
  }
  return best ?? {};
}

/** A saved web page: HTML, or a Chrome MHTML single file. */
export function looksLikeHtml(head: string): boolean {
  const start = head
    .replace(/^\ufeff/, '')
    .trimStart()
    .slice(0, 2048)
    .toLowerCase();
  return (
    start.startsWith('<!doctype html') ||
    start.startsWith('<html') ||
    start.startsWith('<!--') ||
    start.startsWith('<head') ||
    start.startsWith('<body') ||
    start.startsWith('from: <saved by blink>') ||
    (start.startsWith('<') && /<(?:html|head|body|div|meta)\b/.test(start))
  );
}
