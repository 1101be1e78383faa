/**
 * One saved review page through every layer, in order of trust: JSON-LD, microdata, the site's embedded
 * JSON, the site's HTML cards; then nothing, which is an error naming the file ("page saved without
 * reviews"), never a silent zero.
 */
import type { AdapterInput, IngestOptions, IngestSink } from '../../../contract/adapter.js';
import { InputError } from '../../../errors.js';
import {
  aggregateNote,
  emitReviews,
  foldOwnerReplies,
  type Layer,
  type LayerResult,
  mergeLayers,
  noReviewsError,
  openPage,
  type Page,
  type SiteExtractor,
  titleName,
} from './common.js';
import { jsonLdLayer, microdataLayer } from './schema-org.js';

/** Which site a page belongs to: its address first, then markup only that site writes. */
export function siteOf(page: Pick<Page, 'url' | 'html'>, sites: readonly SiteExtractor[]): SiteExtractor | undefined {
  const host = hostOf(page.url);
  if (host) {
    const byHost = sites.find((s) => s.host.test(host) && (s.id !== 'google-maps' || /\/maps\b/.test(page.url ?? '')));
    if (byHost) return byHost;
  }
  return sites.find((s) => s.markers.test(page.html));
}

export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

const GENERIC_TITLE_SUFFIX = /\s*(?:[|–—-]\s*[^|–—-]{0,60}){0,2}$/;

/**
 * Reads one saved page. `site` forces the site family (a site adapter); otherwise it is recognised among
 * `sites` from the page itself (the JSON-LD and microdata adapters read any page).
 */
export async function readReviewPage(
  input: AdapterInput,
  sink: IngestSink,
  options: IngestOptions,
  choice: { site?: SiteExtractor | undefined; sites?: readonly SiteExtractor[] },
): Promise<void> {
  const page = await openPage(input, sink, options);
  const site = choice.site ?? siteOf(page, choice.sites ?? []);
  const empty: LayerResult = { reviews: [] };
  const results: [Layer, LayerResult][] = [
    ['json-ld', jsonLdLayer(page)],
    ['microdata', microdataLayer(page)],
    ['embedded', site?.embedded?.(page) ?? empty],
    ['cards', site?.cards?.(page) ?? empty],
  ];
  const get = (layer: Layer): LayerResult => results.find(([l]) => l === layer)![1];
  const business =
    get('embedded').business ??
    get('json-ld').business ??
    get('microdata').business ??
    site?.businessName?.(page) ??
    get('cards').business ??
    titleName(page, GENERIC_TITLE_SUFFIX);
  const aggregate = get('embedded').aggregate ?? get('json-ld').aggregate ?? get('microdata').aggregate ?? get('cards').aggregate;

  let ownerReplies = 0;
  let placeholders = 0;
  let widgets = 0;
  const layers = results.map(([layer, result]) => {
    const { reviews, folded, empty: blank } = foldOwnerReplies(result.reviews, business);
    ownerReplies += folded;
    placeholders += blank + (result.placeholders ?? 0);
    widgets += result.widgets ?? 0;
    for (const note of result.notes ?? []) sink.note(note);
    return { layer, reviews };
  });
  const merged = mergeLayers(layers);

  if (business) sink.channelOwner(business);
  else {
    sink.warn({
      code: 'no-business-name',
      message:
        'the page names no business (no JSON-LD or microdata name, heading or title): owner responses count as the brand only when --brand names their author',
      id: 'no-business-name.page',
    });
  }
  if (site)
    sink.note(`read as ${/^[aeiou]/i.test(site.name) ? 'an' : 'a'} ${site.name} page${page.url ? ` (${hostOf(page.url) ?? page.url})` : ''}`, {
      id: page.url ? 'reviews.site-at' : 'reviews.site',
      data: { site: site.name, host: page.url ? (hostOf(page.url) ?? page.url) : '' },
    });
  if (merged.reviews.length === 0) throw noReviewsError(page, aggregate, site?.name);

  for (const note of merged.notes) typeof note === 'string' ? sink.note(note) : sink.note(note.text, { id: note.id, data: note.data ?? {} });
  const posted = emitReviews(merged.reviews, sink, page, { platform: site?.platform ?? 'web', business, url: page.url });
  if (posted === 0) {
    throw new InputError(
      `${page.name}: none of its ${merged.reviews.length} review${merged.reviews.length === 1 ? '' : 's'} could be dated (see the warnings)`,
      'save the page with SingleFile or `second-impression fetch`, which record when it was saved, so that "hace 2 semanas" can be resolved',
    );
  }
  if (ownerReplies > 0) {
    sink.note(
      `${ownerReplies} owner repl${ownerReplies === 1 ? 'y was' : 'ies were'} drawn as ${ownerReplies === 1 ? 'a review card' : 'review cards'}: read as the response to the review before ${ownerReplies === 1 ? 'it' : 'them'}, never as a review`,
      { id: 'reviews.owner-reply-cards', data: { n: ownerReplies } },
    );
  }
  if (placeholders > 0)
    sink.note(`${placeholders} empty review placeholder${placeholders === 1 ? '' : 's'} (not loaded when the page was saved) left out`, {
      id: 'reviews.placeholders',
      data: { n: placeholders },
    });
  if (widgets > 0)
    sink.note(`${widgets} write-a-review or rating-filter widget${widgets === 1 ? '' : 's'} that look${widgets === 1 ? 's' : ''} like a review card left out`, {
      id: 'reviews.widgets',
      data: { n: widgets },
    });
  const stated = aggregateNote(aggregate, posted);
  if (stated) sink.note(stated.text, { id: stated.id, data: stated.data ?? {} });
}
