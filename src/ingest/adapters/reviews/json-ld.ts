/**
 * Any saved page with schema.org reviews in JSON-LD (formats.md §5.1): `Review` objects alone, in an
 * array, under `@graph`, or as the `review` of a `Product`, `LocalBusiness`, `Hotel`…; the business is
 * the object holding them, its `aggregateRating` is said beside how many reviews the page holds.
 *
 * The page then goes through every layer in order of trust (schema-org.ts, pipeline.ts): microdata, and
 * when its address or markup is a known site's (Trustpilot, Google Maps, TripAdvisor, Booking, Yelp), that
 * site's embedded JSON and cards, which often carry the owner responses JSON-LD leaves out. This adapter
 * also takes any other saved HTML page at low confidence, so that a page saved without reviews is said
 * as such instead of "unknown format".
 */
import type { IngestAdapter } from '../../../contract/adapter.js';
import { looksLikeHtml } from './common.js';
import { readReviewPage } from './pipeline.js';
import { SITES } from './sites.js';

const SAVED_PAGE = /saved from url=\(\d+\)|Page saved with SingleFile|^\s*From: <Saved by Blink>/i;

export const jsonLdAdapter: IngestAdapter = {
  id: 'json-ld',
  title: 'Saved web page with schema.org reviews (JSON-LD)',
  detection:
    'an HTML page with a <script type="application/ld+json"> holding a Review or AggregateRating; at low confidence any other saved web page (Chrome "saved from", SingleFile, MHTML, or a page naming its address with a canonical link or og:url)',
  yields:
    "each Review (author, date, 1–5 rating from reviewRating and bestRating, title, text, language, address) and, from the page's other layers, the owner responses; invalid JSON-LD blocks are warned about and skipped; only the reviews the saved page holds",
  capabilities: { customerTexts: true, deletions: 'never', ratings: 'always', datePrecision: 'day', layout: 'single-channel' },
  detect({ head }) {
    if (!looksLikeHtml(head)) return { confidence: 0 };
    if (/application\/ld\+json/i.test(head) && /"@type"\s*:\s*(?:\[[^\]]{0,200})?"(?:https?:\/\/schema\.org\/)?(?:Review|AggregateRating)"/.test(head))
      return { confidence: 0.6 };
    if (SAVED_PAGE.test(head)) return { confidence: 0.3 };
    // A web page with its address (a page saved as "HTML only", or fetched): not a local HTML export.
    return { confidence: /<link[^>]{0,200}rel=["']?canonical|<meta[^>]{0,200}property=["']og:url/i.test(head) ? 0.25 : 0 };
  },
  parse: (input, sink, options) => readReviewPage(input, sink, options, { sites: SITES }),
};
