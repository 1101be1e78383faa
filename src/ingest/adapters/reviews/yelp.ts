/**
 * A saved Yelp business page (formats.md §5.5). Yelp renders on the server with hypernova: the data
 * sits in `<script type="application/json" data-hypernova-key="…"><!--{…}--></script>`, wrapped in an
 * HTML comment that is stripped before parsing. Review objects (found anywhere in that data): `id`,
 * `rating` (1–5), `comment.text` (HTML-escaped, with `<br>`), `comment.language`, `localizedDate`
 * ("10/14/2024": month-first on yelp.com, day-first on the other Yelp sites), `user.markupDisplayName`,
 * and `businessOwnerReplies[]` with `owner.displayName`, `comment` (a string or `{text}`) and
 * `localizedDate`. Yelp's card classes are obfuscated and not read.
 */
import type { DateOrder, IngestAdapter } from '../../../contract/adapter.js';
import { decodeHtmlEntities } from '../../text-cleanup.js';
import { type LayerResult, looksLikeHtml, type Page, type ReviewDraft, type SiteExtractor, str, titleName, walkJson } from './common.js';
import { attr, findAll, findFirst, scriptText, textOf } from './dom.js';
import { hostOf, readReviewPage } from './pipeline.js';
import { parseNumber, toRating } from './ratings.js';

const html = (value: string | undefined): string | undefined =>
  value === undefined ? undefined : decodeHtmlEntities(value.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]{0,200}>/g, '')).trim() || undefined;

const commentText = (value: unknown): string | undefined =>
  html(str(value) ?? (typeof value === 'object' && value !== null ? str((value as Record<string, unknown>).text) : undefined));

function dateOrder(page: Page): DateOrder {
  const host = hostOf(page.url) ?? '';
  return host === '' || /(?:^|\.)yelp\.com$/.test(host) ? 'month-first' : 'day-first';
}

function embedded(page: Page): LayerResult {
  const reviews: ReviewDraft[] = [];
  let business: string | undefined;
  const order = dateOrder(page);
  for (const script of findAll(page.root, (n) => n.name === 'script' && attr(n, 'data-hypernova-key') !== undefined)) {
    const raw = scriptText(script).trim().replace(/^<!--/, '').replace(/-->$/, '');
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      page.warn('invalid-embedded-json', `a hypernova data block (${attr(script, 'data-hypernova-key')}) is not valid JSON; skipped`, page.line(script), {
        id: 'invalid-embedded-json.hypernova',
        data: { key: attr(script, 'data-hypernova-key') ?? '' },
      });
      continue;
    }
    walkJson(value, (node) => {
      if (!business)
        business =
          str(node.businessName) ??
          (typeof node.business === 'object' && node.business !== null ? str((node.business as Record<string, unknown>).name) : undefined);
      const isReview = node.comment !== undefined && node.rating !== undefined && (node.user !== undefined || node.localizedDate !== undefined);
      if (!isReview) return true;
      const rawDate = str(node.localizedDate);
      const { date, problem } = page.date(rawDate, order);
      const user = (typeof node.user === 'object' && node.user !== null ? node.user : {}) as Record<string, unknown>;
      const replies = Array.isArray(node.businessOwnerReplies) ? node.businessOwnerReplies : [];
      const first = replies.find((r): r is Record<string, unknown> => typeof r === 'object' && r !== null);
      const replyText = first ? commentText(first.comment) : undefined;
      const owner = first && typeof first.owner === 'object' && first.owner !== null ? (first.owner as Record<string, unknown>) : {};
      const when = first ? page.date(str(first.localizedDate), order) : undefined;
      reviews.push({
        layer: 'embedded',
        id: str(node.id) ?? (typeof node.id === 'number' ? String(node.id) : undefined),
        author: html(str(user.markupDisplayName) ?? str(user.displayName) ?? str(user.name)),
        date,
        dateProblem: problem,
        rawDate,
        rating: toRating(typeof node.rating === 'number' ? node.rating : parseNumber(String(node.rating)), 5),
        text: commentText(node.comment),
        lang: typeof node.comment === 'object' && node.comment !== null ? str((node.comment as Record<string, unknown>).language) : undefined,
        response: replyText
          ? { text: replyText, author: html(str(owner.displayName)), date: when?.date, dateProblem: when?.problem === 'missing' ? undefined : when?.problem }
          : undefined,
        line: page.line(script),
      });
      return false;
    });
  }
  return { reviews, business };
}

export const yelpSite: SiteExtractor = {
  id: 'yelp',
  platform: 'yelp',
  name: 'Yelp',
  host: /(?:^|\.)yelp\.[a-z.]+$/,
  markers: /data-hypernova-key="yelpfrontend/,
  dateOrder,
  embedded,
  businessName(page) {
    const h1 = findFirst(page.root, (n) => n.name === 'h1');
    const name = h1 ? textOf(h1) : '';
    return name !== '' ? name.slice(0, 200) : titleName(page, /\s*[-–|]\s*(?:updated|actualizado|yelp).*$/i);
  },
};

export const yelpAdapter: IngestAdapter = {
  id: 'yelp',
  title: 'Yelp business page (saved HTML)',
  detection: 'a saved HTML page whose address is on yelp.*, or with Yelp\'s hypernova data blocks (data-hypernova-key="yelpfrontend…")',
  yields:
    "each review from the page's hypernova JSON (author, date, 1–5 stars, text, language, id) with the business owner's reply, its replier and date; Yelp's obfuscated cards are not read",
  capabilities: { customerTexts: true, deletions: 'never', ratings: 'always', datePrecision: 'day', layout: 'single-channel' },
  detect({ head }) {
    if (!looksLikeHtml(head)) return { confidence: 0 };
    if (/(?:saved from url=\(\d+\)|url:\s*|Snapshot-Content-Location:\s*)https?:\/\/[a-z.]*yelp\.[a-z.]+\//i.test(head)) return { confidence: 0.9 };
    return { confidence: yelpSite.markers.test(head) ? 0.8 : 0 };
  },
  parse: (input, sink, options) => readReviewPage(input, sink, options, { site: yelpSite }),
};
