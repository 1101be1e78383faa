import { describe, expect, it } from 'vitest';
import { splitGoogleTranslation } from '../../src/ingest/adapters/reviews/google-business-profile.js';
import { MAX_REVIEWS } from '../../src/ingest/adapters/reviews/common.js';
import { adapterById, Corpus, detectAdapter, ingestSource } from '../../src/ingest/index.js';
import { type InputFile, openText } from '../../src/io/read-inputs.js';
import { brandPresence } from '../../src/model/brand-presence.js';
import { buildConversations } from '../../src/model/conversations.js';
import { noteText } from '../../src/contract/warning.js';
import { checkGolden } from './golden.js';
import { DEFAULT_OPTIONS, ingest, memoryFile, sourceFrom } from './helpers.js';

const TAKEOUT = 'Takeout/Google Business Profile/account-1234/location-5678';

const review = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  reviewer: { displayName: 'Lucía Pérez' },
  starRating: 'TWO',
  comment: 'El desayuno llegó frío y tardaron una hora.',
  createTime: '2025-01-10T09:00:00Z',
  updateTime: '2025-01-10T09:00:00Z',
  name: `accounts/1234/locations/5678/reviews/${id}`,
  ...extra,
});
const page = (...reviews: unknown[]): string => JSON.stringify({ reviews });

const detectedId = async (name: string, text: string): Promise<string | undefined> => {
  const source = await sourceFrom(name, text);
  return detectAdapter({ name, head: source.head })?.adapter.id;
};

/** Ingests a file of a folder whose other entries are `siblings` (additionalData.json beside reviews.json). */
async function ingestWithSiblings(name: string, text: string, siblings: Record<string, string>) {
  const file: InputFile = {
    ...memoryFile(name, text),
    siblings: Object.keys(siblings),
    openSibling: (sibling) => (sibling in siblings ? memoryFile(sibling, siblings[sibling]!) : undefined),
  };
  const source = await openText(file);
  const corpus = new Corpus();
  const summary = await ingestSource(corpus, source, adapterById('google-business-profile')!, DEFAULT_OPTIONS);
  const posts = Array.from({ length: corpus.table.length }, (_, i) => corpus.table.get(i));
  return { corpus, summary, posts, notes: summary.notes.map(noteText), warnings: corpus.warnings.list() };
}

const LISTING = JSON.stringify({
  name: 'accounts/1234/locations/5678',
  attributes: [
    { id: { attributeType: 'PHONE_NUMBER' }, values: [{ datum: { phoneNumber: { text: '+34 960 000 000' } } }] },
    { id: { attributeType: 'LISTING_NAME' }, values: [{ datum: { listingName: { text: 'Hotel  Brisamar' } } }] },
  ],
});

describe('google-business-profile', () => {
  it('reads the fixture pages into the expected posts, notes and warnings (golden)', async () => {
    await checkGolden('google-business-profile');
  });

  it("keeps the customer's own words of a comment holding Google's translation, whichever comes first", () => {
    expect(splitGoogleTranslation('(Translated by Google) Nice view\n\n(Original)\nBonitas vistas')).toEqual({
      text: 'Bonitas vistas',
      translation: 'original-kept',
    });
    expect(splitGoogleTranslation('Bonitas vistas\n\n(Translated by Google)\nNice view')).toEqual({ text: 'Bonitas vistas', translation: 'original-kept' });
    expect(splitGoogleTranslation('(Original)\nBonitas vistas\n\n(Traducido por Google)\nNice view').text).toBe('Bonitas vistas');
    expect(splitGoogleTranslation('(Traducido por Google) Buen café')).toEqual({ text: 'Buen café', translation: 'translation-only' });
    expect(splitGoogleTranslation('  Sin traducción (Original) aquí  ')).toEqual({ text: 'Sin traducción (Original) aquí', translation: 'none' });
  });

  it('names the channel from additionalData.json beside a Takeout page, and the owner replies as the business', async () => {
    const text = page(review('r1', { reviewReply: { comment: 'Lo sentimos, Lucía: ya hemos hablado con cocina.', updateTime: '2025-01-10T11:30:00Z' } }));
    const run = await ingestWithSiblings(`${TAKEOUT}/reviews_001.json`, text, { 'additionalData.json': LISTING, 'reviews.json': page() });
    expect(run.summary.channel).toBe('Hotel Brisamar');
    expect(run.posts.map((p) => [p.id, p.author, p.role, p.channel, p.inReplyTo])).toEqual([
      ['r1', 'Lucía Pérez', 'customer', 'Hotel Brisamar', undefined],
      ['r1-reply', 'Hotel Brisamar', 'brand', 'Hotel Brisamar', 'r1'],
    ]);
    expect(run.notes).toContain('the business name "Hotel Brisamar" was read from additionalData.json beside the reviews');
    // --brand names the business as written, or without its space.
    for (const brand of ['Hotel Brisamar', 'HotelBrisamar']) expect(brandPresence(run.corpus, [brand]).brandPosts).toBe(1);
  });

  it('falls back to the location id when additionalData.json is broken, and says so', async () => {
    const run = await ingestWithSiblings(`${TAKEOUT}/reviews.json`, page(review('r1')), { 'additionalData.json': '{"attributes": [' });
    expect(run.summary.channel).toBe('location-5678');
    expect(run.warnings.map((w) => w.code)).toEqual(['bad-listing-data']);
    expect(run.notes.some((n) => n.includes('the channel is the location id location-5678') && n.includes('--brand YourHandle,location-5678'))).toBe(true);
  });

  it('lets --brand name the location id when the business name is not in the data', async () => {
    const text = page(review('r1', { reviewReply: { comment: 'Gracias por avisar.', updateTime: '2025-01-11T08:00:00Z' } }));
    const { corpus, summary } = await ingest('reviews.json', text);
    expect(summary.channel).toBe('location-5678');
    expect(brandPresence(corpus, ['location-5678']).brandPosts).toBe(1);
    expect(brandPresence(corpus, ['HotelBrisamar']).brandPosts).toBe(0);
  });

  it('reads a review once per input when pages repeat it, keeping the latest edit and its reply', async () => {
    const first = review('dup', { reviewReply: { comment: 'Respuesta antigua.', updateTime: '2025-01-10T10:00:00Z' } });
    const later = review('dup', {
      comment: 'El desayuno llegó frío. Actualizo: nos lo compensaron.',
      starRating: 'FOUR',
      updateTime: '2025-01-12T09:00:00Z',
      reviewReply: { comment: 'Respuesta nueva.', updateTime: '2025-01-11T10:00:00Z' },
    });
    const text = JSON.stringify([{ reviews: [first, review('other')] }, { reviews: [later] }, { reviews: [first] }]);
    const { posts, summary, warnings, keyedNotes } = await ingest('api.json', text);
    expect(posts.map((p) => [p.id, p.text, p.rating, p.edited])).toEqual([
      ['dup', 'El desayuno llegó frío. Actualizo: nos lo compensaron.', 4, true],
      ['dup-reply', 'Respuesta nueva.', undefined, undefined],
      ['other', 'El desayuno llegó frío y tardaron una hora.', 2, undefined],
    ]);
    expect(summary.notes).toContain('2 reviews appeared again on another page of this file (same "name"): read once, the latest edit kept');
    // Said in the report's locale from the catalogue when it has the template.
    expect(keyedNotes).toContainEqual({ text: summary.notes.find((n) => n.startsWith('2 reviews appeared'))!, id: 'gbp.duplicates', data: { n: 2 } });
    expect(warnings).toEqual([]);
  });

  it('leaves repeats across separate page files to the corpus: an identical copy counts once', async () => {
    const corpus = new Corpus();
    const text = page(review('same', { reviewReply: { comment: 'Gracias.', updateTime: '2025-01-10T12:00:00Z' } }));
    await ingest(`${TAKEOUT}/reviews.json`, text, { corpus });
    await ingest(`${TAKEOUT}/reviews_001.json`, text, { corpus });
    expect(corpus.table.length).toBe(4);
    const warnings: string[] = [];
    const built = buildConversations(corpus, { handles: ['location-5678'], asOf: Date.parse('2026-01-01T00:00:00Z'), since: 0, until: Infinity }, (w) =>
      warnings.push(w.code),
    );
    expect(built.count).toBe(1);
    expect(warnings).toContain('repeated-post');
  });

  it('keeps a star-only review with an empty text, and an unrated one without a rating, each with its reason', async () => {
    const text = page(
      review('stars', { comment: undefined }),
      review('unrated', { starRating: 'STAR_RATING_UNSPECIFIED' }),
      review('missing', { starRating: undefined }),
      review('six', { starRating: 'SIX' }),
    );
    const { posts, warnings, summary } = await ingest('reviews.json', text);
    expect(posts.map((p) => [p.id, p.text, p.rating])).toEqual([
      ['stars', '', 2],
      ['unrated', 'El desayuno llegó frío y tardaron una hora.', undefined],
      ['missing', 'El desayuno llegó frío y tardaron una hora.', undefined],
      ['six', 'El desayuno llegó frío y tardaron una hora.', undefined],
    ]);
    expect(warnings.map((w) => [w.code, w.message, w.line]).sort()).toEqual([
      ['no-star-rating', 'review missing: starRating is missing; kept without a rating', 1],
      ['no-star-rating', 'review six: starRating "SIX" is not ONE…FIVE; kept without a rating', 1],
      ['no-star-rating', 'review unrated: starRating is STAR_RATING_UNSPECIFIED; kept without a rating', 1],
    ]);
    expect(summary.notes).toContain('1 star-only review (a rating, no comment) kept with an empty text');
  });

  it('dates a reply without updateTime at its review, precision unknown, and clamps one dated before it', async () => {
    const text = page(
      review('a', { reviewReply: { comment: 'Sin fecha.' } }),
      review('b', { reviewReply: { comment: 'Antes de la reseña.', updateTime: '2025-01-09T09:00:00Z' } }),
    );
    const { posts, summary } = await ingest('reviews.json', text);
    const reply = (id: string) => posts.find((p) => p.id === `${id}-reply`)!;
    expect([reply('a').createdAt, reply('a').timePrecision]).toEqual(['2025-01-10T09:00:00Z', 'unknown']);
    expect([reply('b').createdAt, reply('b').timePrecision]).toEqual(['2025-01-10T09:00:00Z', 'exact']);
    expect(summary.notes.some((n) => n.startsWith('1 owner response shows no date'))).toBe(true);
    expect(summary.notes.some((n) => n.startsWith('1 owner response was dated before its review'))).toBe(true);
    expect(summary.notes.some((n) => n.includes('response times are upper bounds'))).toBe(true);
  });

  it('skips reviews whose createTime is missing or unreadable, and refuses a file where none is readable', async () => {
    const { posts, warnings } = await ingest(
      'reviews.json',
      page(review('ok'), review('bad', { createTime: 'mañana' }), review('none', { createTime: undefined })),
    );
    expect(posts.map((p) => p.id)).toEqual(['ok']);
    expect(warnings.map((w) => w.message)).toEqual([
      'review bad: createTime "mañana" is not an RFC 3339 time (2024-10-14T21:03:11Z); skipped',
      'review none has no createTime; skipped',
    ]);
    await expect(ingest('reviews.json', page(review('bad', { createTime: '14/10/2024' })))).rejects.toThrow(/none of its 1 review has a readable createTime/);
  });

  it('puts each location of a mixed file on its own channel, and warns when no location is named at all', async () => {
    const mixed = page(review('a'), { ...review('b'), name: 'accounts/1234/locations/9999/reviews/b' });
    const run = await ingest('batch.json', mixed);
    expect(run.summary.channel).toBeUndefined();
    expect(run.posts.map((p) => p.channel)).toEqual(['location-5678', 'location-9999']);
    expect(run.summary.notes).toContain("2 locations in one file: each review sits on its own location's channel");

    const bare = JSON.stringify({ reviews: [{ reviewId: 'x1', starRating: 'ONE', comment: 'Fatal.', createTime: '2025-02-01T10:00:00Z' }] });
    const unnamed = await ingest('reviews.json', bare);
    expect(unnamed.posts.map((p) => [p.id, p.channel])).toEqual([['x1', undefined]]);
    expect(unnamed.warnings.map((w) => w.code)).toEqual(['no-business-name']);
  });

  it('refuses what is not a reviews file, and bounds hostile input', async () => {
    await expect(ingest('reviews.json', '{"reviews": [', { adapterId: 'google-business-profile' })).rejects.toThrow(/not valid JSON/);
    await expect(ingest('reviews.json', '{"reviews": []}', { adapterId: 'google-business-profile' })).rejects.toThrow(/"reviews" list is empty/);
    await expect(ingest('other.json', '{"items": []}', { adapterId: 'google-business-profile' })).rejects.toThrow(/no "reviews" list/);
    const deep = `{"reviews":[${'['.repeat(200)}${']'.repeat(200)}]}`;
    await expect(ingest('reviews.json', deep, { adapterId: 'google-business-profile' })).rejects.toThrow(/refused: nested deeper/);
    const junk = await ingest('reviews.json', page(review('ok'), 42, 'texto', null));
    expect(junk.posts.map((p) => p.id)).toEqual(['ok']);
    expect(junk.warnings.map((w) => w.message)).toEqual(['3 items of "reviews" are not an object; skipped']);
  });

  it(`reads at most ${MAX_REVIEWS} reviews from one file and says so`, async () => {
    const many = Array.from({ length: MAX_REVIEWS + 5 }, (_, k) => ({ reviewId: `r${k}`, starRating: 'FIVE', createTime: '2025-02-01T10:00:00Z' }));
    const { posts, warnings } = await ingest('reviews.json', JSON.stringify({ reviews: many }));
    expect(posts.length).toBe(MAX_REVIEWS);
    expect(warnings.map((w) => w.code)).toContain('too-many-reviews');
  });

  it('is detected for GBP reviews and Takeout review pages, never for the photos, the listing data or other review JSON', async () => {
    expect(await detectedId('reviews.json', page(review('a')))).toBe('google-business-profile');
    expect(await detectedId('resp.json', JSON.stringify({ reviews: [{ name: 'accounts/1/locations/2/reviews/x', comment: 'hola' }] }))).toBe(
      'google-business-profile',
    );
    // A Takeout page whose first review carries none of the tell-tale keys is still taken by its path.
    expect(await detectedId(`takeout.zip!${TAKEOUT}/reviews-ABHRLX.json`, '{"reviews":[{"comment":"hola"}]}')).toBe('google-business-profile');
    expect(await detectedId('reviews.json', '{"reviews":[{"comment":"hola"}]}')).not.toBe('google-business-profile');
    expect(await detectedId(`${TAKEOUT}/photos/reviews.json`, page(review('a')))).not.toBe('google-business-profile');
    expect(await detectedId(`${TAKEOUT}/additionalData.json`, LISTING)).not.toBe('google-business-profile');
    // Takeout "Maps (your places)/Reviews.json" is the user's own reviews as GeoJSON, not a business's.
    expect(await detectedId('Takeout/Maps (your places)/Reviews.json', '{"type":"FeatureCollection","features":[]}')).not.toBe('google-business-profile');
    const serpapi = JSON.stringify({
      place_info: { title: 'Café Luna' },
      reviews: [{ snippet: 'Muy bueno', user: { name: 'Ana' }, rating: 5, iso_date: '2025-01-01T00:00:00Z' }],
    });
    expect(await detectedId('serp.json', serpapi)).toBe('scraper-json');
  });
});
