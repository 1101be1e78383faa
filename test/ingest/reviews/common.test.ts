/**
 * The shared review-page helpers: date and rating parsing (the table of formats-samples.md §5.9), names,
 * detection of every fixture, save dates, MHTML, and the bounds on hostile pages.
 */
import { describe, expect, it } from 'vitest';
import { cleanName, readCapped, unwrapMhtml } from '../../../src/ingest/adapters/reviews/common.js';
import { parseHtml, textOf } from '../../../src/ingest/adapters/reviews/dom.js';
import { ratingFromClass, ratingFromText, toRating } from '../../../src/ingest/adapters/reviews/ratings.js';
import { parseAbsoluteDate, parseRelativeDate, parseReviewDate, parseSaveTime } from '../../../src/ingest/adapters/reviews/review-dates.js';
import { detectAdapter } from '../../../src/ingest/index.js';
import { ingest, sourceFrom } from '../helpers.js';
import { readFixture } from './golden.js';

const ANCHOR = Date.parse('2026-10-02T10:15:22+02:00');
const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('absolute dates (Spanish and English month names, labels around them)', () => {
  it.each([
    ['4 de noviembre de 2013', '2013-11-04T00:00:00.000Z', 'day'],
    ['Escrita el 4 noviembre 2013', '2013-11-04T00:00:00.000Z', 'day'],
    ['Comentó el: 14 de octubre de 2024', '2024-10-14T00:00:00.000Z', 'day'],
    ['Revisado en España el 14 de octubre de 2024', '2024-10-14T00:00:00.000Z', 'day'],
    ['Reviewed in Spain on 20 April 2026', '2026-04-20T00:00:00.000Z', 'day'],
    ['Reviewed in the United States on November 4, 2013', '2013-11-04T00:00:00.000Z', 'day'],
    ['Written Nov 4, 2013', '2013-11-04T00:00:00.000Z', 'day'],
    ['Respondido el 20 oct. 2024', '2024-10-20T00:00:00.000Z', 'day'],
    ['14 sept. 2024', '2024-09-14T00:00:00.000Z', 'day'],
    ['4/11/2013', '2013-11-04T00:00:00.000Z', 'day'],
    ['noviembre de 2013', '2013-11-01T00:00:00.000Z', 'month'],
    ['November 2013', '2013-11-01T00:00:00.000Z', 'month'],
    ['2024-10-14', '2024-10-14T00:00:00.000Z', 'day'],
    ['2024-10-15T09:00:00.000Z', '2024-10-15T09:00:00.000Z', 'exact'],
  ])('%s', (raw, expected, precision) => {
    const date = parseAbsoluteDate(raw, 'UTC');
    expect(iso(date?.ms)).toBe(expected);
    expect(date?.precision).toBe(precision);
  });

  it('reads a US numeric date month-first when told, and a date alone at midnight in the zone', () => {
    expect(iso(parseAbsoluteDate('10/14/2024', 'UTC', 'month-first')?.ms)).toBe('2024-10-14T00:00:00.000Z');
    expect(iso(parseAbsoluteDate('14 de octubre de 2024', 'Europe/Madrid')?.ms)).toBe('2024-10-13T22:00:00.000Z');
    expect(parseAbsoluteDate('31 de febrero de 2024', 'UTC')).toBeNull();
    expect(parseAbsoluteDate('sin fecha', 'UTC')).toBeNull();
  });
});

describe('relative dates against the save time (the near end of the range)', () => {
  it.each([
    ['hace 2 semanas', '2026-09-18T08:15:22.000Z', false],
    ['Editado hace 3 semanas', '2026-09-11T08:15:22.000Z', true],
    ['2 semanas atrás', '2026-09-18T08:15:22.000Z', false],
    ['a month ago', '2026-09-02T08:15:22.000Z', false],
    ['hace un mes', '2026-09-02T08:15:22.000Z', false],
    ['hace 3 meses', '2026-07-02T08:15:22.000Z', false],
    ['ayer', '2026-10-01T08:15:22.000Z', false],
    ['yesterday', '2026-10-01T08:15:22.000Z', false],
    ['hace 5 horas', '2026-10-02T03:15:22.000Z', false],
    ['Edited 2 years ago', '2024-10-02T08:15:22.000Z', true],
    ['hace un año', '2025-10-02T08:15:22.000Z', false],
    ['hace un momento', '2026-10-02T08:15:22.000Z', false],
  ])('%s', (raw, expected, edited) => {
    const date = parseRelativeDate(raw, ANCHOR);
    expect(iso(date?.ms)).toBe(expected);
    expect(date?.precision).toBe('relative');
    expect(Boolean(date?.edited)).toBe(edited);
  });

  it('a month back from the 31st lands on the last day of the shorter month', () => {
    expect(iso(parseRelativeDate('hace un mes', Date.parse('2026-03-31T12:00:00Z'))?.ms)).toBe('2026-02-28T12:00:00.000Z');
  });

  it('says when a relative date has no save time to resolve it against', () => {
    expect(parseReviewDate('hace 2 semanas', 'UTC', undefined)).toEqual({ date: null, relativeWithoutAnchor: true });
    expect(parseReviewDate('14 de octubre de 2024', 'UTC', undefined).date?.precision).toBe('day');
  });

  it('reads the save times savers write', () => {
    expect(iso(parseSaveTime('Thu Oct 02 2026 10:15:22 GMT+0200 (Central European Summer Time)'))).toBe('2026-10-02T08:15:22.000Z');
    expect(iso(parseSaveTime('Thu, 2 Oct 2026 10:15:22 +0200'))).toBe('2026-10-02T08:15:22.000Z');
    expect(iso(parseSaveTime('2026-10-02T08:15:22Z'))).toBe('2026-10-02T08:15:22.000Z');
    expect(parseSaveTime('2026-10-02')).toBeUndefined(); // no offset: not a save time
  });
});

describe('ratings in alt texts, aria-labels and classes', () => {
  it.each([
    ['Rated 4 out of 5 stars', 4],
    ['Valorado con 1 de 5 estrellas', 1],
    ['2 estrellas', 2],
    ['4,1 estrellas', 4.1],
    ['4.0 of 5 bubbles', 4],
    ['2,0 de 5 burbujas', 2],
    ['3/5', 3],
  ])('%s', (text, stars) => {
    expect(ratingFromText(text)?.stars).toBe(stars);
  });

  it('never takes an out-of-10 "likelihood to recommend" for the overall', () => {
    expect(ratingFromText('Likelihood to Recommend 8/10')).toBeUndefined();
    expect(ratingFromText('8 de 10')).toBeUndefined();
  });

  it('reads classes: bubble_40, s40, count-3, star-rating-4', () => {
    expect(ratingFromClass('ui_bubble_rating bubble_40')?.stars).toBe(4);
    expect(ratingFromClass('rating s45')?.stars).toBe(4.5);
    expect(ratingFromClass('stars count-3')?.stars).toBe(3);
    expect(ratingFromClass('star-rating-4')?.stars).toBe(4);
    expect(ratingFromClass('bubble_60')).toBeUndefined();
  });

  it('maps another scale in proportion: a 10-point score is score ÷ 2, at least 1', () => {
    expect(toRating(8.6, 10)).toEqual({ stars: 4.3, value: 8.6, scale: 10 });
    expect(toRating(6, 10)?.stars).toBe(3);
    expect(toRating(1, 10)?.stars).toBe(1);
    expect(toRating(11, 10)).toBeUndefined();
    expect(toRating(80, 100)?.stars).toBe(4);
  });
});

describe('names', () => {
  it('keeps one copy of a name drawn for mobile and desktop, and drops "Foto de"', () => {
    expect(cleanName('Marta R.Marta R.')).toBe('Marta R.');
    expect(cleanName('Tom Baker Tom Baker')).toBe('Tom Baker');
    expect(cleanName('Foto de Lucía Pérez')).toBe('Lucía Pérez');
    expect(cleanName('Ana Ana María')).toBe('Ana Ana María');
  });
});

describe('detection', () => {
  const detected = async (name: string, text: string) => detectAdapter({ name, head: (await sourceFrom(name, text)).head })?.adapter.id;

  it.each([
    ['trustpilot/telenova-es.html', 'trustpilot'],
    ['trustpilot/telenova-cards-en.html', 'trustpilot'],
    ['google-maps/brisamar-es.html', 'google-maps'],
    ['google-maps/cafe-luna-en.html', 'google-maps'],
    ['tripadvisor/brisamar-old-es.html', 'tripadvisor'],
    ['tripadvisor/brisamar-new-en.html', 'tripadvisor'],
    ['booking/brisamar-es.html', 'booking'],
    ['yelp/cafe-luna-en.html', 'yelp'],
    ['json-ld/cafe-luna-es.html', 'json-ld'],
    ['microdata/telenova-en.html', 'microdata'],
    ['scraper-json/outscraper-google-maps.json', 'scraper-json'],
    ['scraper-json/serpapi-google-maps.json', 'scraper-json'],
    ['scraper-json/trustpilot-props.json', 'scraper-json'],
    ['scraper-json/booking-reviews.json', 'scraper-json'],
  ])('%s is %s', async (file, id) => {
    expect((await readFixture(file)).format).toBe(id);
  });

  it('claims no CSV, no JSON that is not review data, no plain text', async () => {
    expect(await detected('a.csv', 'id,author,created_at,text\n1,ana,2026-01-01T00:00:00Z,hola\n')).toBe('generic-csv');
    expect(await detected('a.json', '{"reviews": [{"id": 1}]}')).toBeUndefined();
    expect(await detected('a.txt', 'Opiniones de clientes\n')).toBeUndefined();
    // A local HTML file that names no address (an export's viewer page) is not taken for a saved review page.
    expect(await detected('index.html', '<!DOCTYPE html><html><body><p>Your posts</p></body></html>')).toBeUndefined();
  });

  it('any other saved page goes to the JSON-LD reader, which recognises the site from the whole page', async () => {
    // The cards come after 70 KB of inline style: the detection head does not see them.
    const page = `<!DOCTYPE html><html><head><link rel="canonical" href="https://reviews.example-mirror.test/brisamar"><style>${'.x{color:red}\n'.repeat(6000)}</style></head><body><h1>Hotel Brisamar</h1>
<div class="c-review-block"><span class="bui-avatar-block__title">Tom</span><div class="bui-review-score__badge">8,0</div>
<span class="c-review-block__date">Reviewed: 4 November 2025</span><div class="c-review__row--positive"><span class="c-review__body">Great breakfast.</span></div></div></body></html>`;
    expect(await detected('booking.html', page)).toBe('json-ld');
    const { posts, summary } = await ingest('booking.html', page);
    expect(summary.format).toBe('json-ld');
    expect(summary.notes).toContain('read as a Booking.com page (reviews.example-mirror.test)');
    expect(posts.map((p) => [p.platform, p.author, p.rating, p.createdAt])).toEqual([['booking', 'Tom', 4, '2025-11-03T23:00:00Z']]);
  });
});

describe('save dates', () => {
  it('a page with relative dates and no save date: every review skipped with one warning, then an input error', async () => {
    await expect(readFixture('google-maps/no-save-date.html')).rejects.toThrow(/none of its 1 review could be dated/);
  });

  it('the save time handed in with the input (fetch, --as-of) resolves them', async () => {
    const run = await readFixture('google-maps/no-save-date.html', { metadata: { savedAt: Date.parse('2026-10-05T09:00:00Z') } });
    expect(run.posts.map((p) => [p.createdAt, p.timePrecision])).toEqual([['2026-09-21T09:00:00Z', 'relative']]);
    expect(run.notes.some((n) => n.includes('the save time given with the input'))).toBe(true);
  });

  it('a Chrome MHTML single file: the HTML part decoded from quoted-printable, dated by its Date header', async () => {
    const html =
      '<html lang=3D"es"><head><meta charset=3D"utf-8"><title>Hotel Brisamar</title></head><body><h1>Hotel Brisamar</h1><div data-automation=3D"reviewCard">=\r\n<a href=3D"/Profile/rv">Rosa V</a><svg><title>2,0 de 5 burbujas</title></svg><div>Escrita el 14 de oct=\r\nubre de 2026</div><span class=3D"JguWG">Ruido toda la noche, habitaci=C3=B3n exterior.</span></div></body></html>';
    const mhtml = [
      'From: <Saved by Blink>',
      'Snapshot-Content-Location: https://www.tripadvisor.es/Hotel_Review-g1-d2-Reviews-Hotel_Brisamar.html',
      'Subject: =?utf-8?Q?Hotel_Brisamar?=',
      'Date: Thu, 2 Oct 2026 10:15:22 +0200',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related;',
      '\ttype="text/html";',
      '\tboundary="----MultipartBoundary--abc123----"',
      '',
      '------MultipartBoundary--abc123----',
      'Content-Type: text/html',
      'Content-ID: <frame-1@mhtml.blink>',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Location: https://www.tripadvisor.es/Hotel_Review-g1-d2-Reviews-Hotel_Brisamar.html',
      '',
      html,
      '',
      '------MultipartBoundary--abc123------',
      '',
    ].join('\r\n');
    const unwrapped = unwrapMhtml(mhtml);
    expect(unwrapped?.url).toMatch(/tripadvisor\.es/);
    expect(iso(unwrapped?.date)).toBe('2026-10-02T08:15:22.000Z');
    const { posts, summary } = await ingest('brisamar.mhtml', mhtml);
    expect(summary.format).toBe('tripadvisor');
    expect(posts.map((p) => [p.author, p.rating, p.text, p.createdAt])).toEqual([
      ['Rosa V', 2, 'Ruido toda la noche, habitación exterior.', '2026-10-13T22:00:00Z'],
    ]);
  });
});

describe('hostile pages are bounded', () => {
  it('a page nested 200 000 deep is cut, not a stack overflow', () => {
    const started = performance.now();
    const { root, cut } = parseHtml(`${'<div>'.repeat(200_000)}x`);
    expect(cut).toBeGreaterThan(0);
    expect(textOf(root)).toBe('');
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('100 000 review cards are read in linear time', async () => {
    const card = (k: number) =>
      `<div data-review-id="id${k}"><a href="https://www.google.com/maps/contrib/${k}">Autor ${k}</a><span role="img" aria-label="3 estrellas"></span><span>hace 2 semanas</span><div class="wiI7pd">Texto ${k}</div></div>\n`;
    const page = `<!DOCTYPE html><html><!--\n Page saved with SingleFile \n url: https://www.google.com/maps/place/X \n saved date: Fri Oct 02 2026 10:15:22 GMT+0200\n--><body><h1>X</h1>${Array.from({ length: 100_000 }, (_, k) => card(k)).join('')}</body></html>`;
    const started = performance.now();
    const { posts } = await ingest('many.html', page);
    expect(posts.length).toBe(20_000); // MAX_REVIEWS per page
    expect(performance.now() - started).toBeLessThan(60_000);
  }, 90_000);

  it('reads at most the cap of a page', async () => {
    const source = await sourceFrom('big.html', `<html>${'a'.repeat(5000)}</html>`, 1000);
    const { text, cut } = await readCapped(source, 2500);
    expect(cut).toBe(true);
    expect(text.length).toBe(2500);
  });

  it('date and rating patterns stay fast on long runs of digits, spaces and letters', () => {
    const started = performance.now();
    for (const raw of ['1 '.repeat(50_000), `${'9'.repeat(100_000)}/5`, `hace ${'a'.repeat(100_000)}`, `${'de '.repeat(30_000)}2024`]) {
      parseAbsoluteDate(raw, 'UTC');
      parseRelativeDate(raw, ANCHOR);
      ratingFromText(raw);
    }
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
