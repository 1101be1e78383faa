/**
 * Any saved page with schema.org review microdata (formats.md §5.1): elements typed
 * `https://schema.org/Review` or marked `itemprop="review"`, with or without `itemscope`, and their
 * `author`, `datePublished` (the `content` or `datetime`), `reviewRating` → `ratingValue`/`bestRating`
 * (often in `<meta content>`), `name`, `reviewBody`, `inLanguage`. A property belongs to the nearest
 * item above it, so a sub-rating or a "likelihood to recommend" in its own item is not the overall rating.
 *
 * The page goes through every layer in order of trust (pipeline.ts): JSON-LD first when it has any, then
 * microdata, then a known site's embedded JSON and cards.
 */
import type { IngestAdapter } from '../../../contract/adapter.js';
import { looksLikeHtml } from './common.js';
import { readReviewPage } from './pipeline.js';
import { SITES } from './sites.js';

export const microdataAdapter: IngestAdapter = {
  id: 'microdata',
  title: 'Saved web page with schema.org review microdata',
  detection: 'an HTML page with itemtype="…schema.org/Review" or itemprop="review" / "reviewRating" elements',
  yields:
    'each review (author, datePublished, the overall reviewRating as 1–5 stars, name, reviewBody, language) and an owner reply nested in it; only the reviews the saved page holds',
  capabilities: { customerTexts: true, deletions: 'never', ratings: 'always', datePrecision: 'day', layout: 'single-channel' },
  detect({ head }) {
    if (!looksLikeHtml(head)) return { confidence: 0 };
    return { confidence: /itemtype=["']?https?:\/\/schema\.org\/Review["'\s>]|itemprop=["']?(?:review|reviewRating)["'\s>]/i.test(head) ? 0.55 : 0 };
  },
  parse: (input, sink, options) => readReviewPage(input, sink, options, { sites: SITES }),
};
