/**
 * End to end: a folder of saved review pages (Spanish and English, four sites, a page saved behind a
 * cookie wall) audited for the business that owns them.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

const FIXTURES = path.join(ROOT, 'fixtures/ingest');

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'si-reviews-'));
  for (const [name, from] of Object.entries(files)) copyFileSync(path.join(FIXTURES, from), path.join(dir, name));
  return dir;
}

interface Result {
  metrics: { conversations: number; needingReply: number; repliedTo: number; ignored: number; firstResponseMinutes: { count: number } };
  inputs: { path: string; format: string; posts: number; channel?: string; notes?: string[]; capabilities?: { ratings: string } }[];
  warnings: { input: string; code: string; message: string }[];
  findings: { ruleId: string; evidence: { text: string }[] }[];
}

describe('audit of a folder of saved review pages', () => {
  const brisamar = folder({
    'google-maps-es.html': 'google-maps/brisamar-es.html',
    'tripadvisor-2013-es.html': 'tripadvisor/brisamar-old-es.html',
    'tripadvisor-en.html': 'tripadvisor/brisamar-new-en.html',
    'booking-es.html': 'booking/brisamar-es.html',
    'web-propia.html': 'microdata/brisamar-es.html',
    'consent.html': 'json-ld/cookie-wall.html',
  });
  writeFileSync(path.join(brisamar, 'README.md'), 'notes of the consultant');

  it("reads every page as the business's channel, counts reviews as conversations and owner responses as replies", () => {
    const { status, stdout, stderr } = runCli(['audit', brisamar, '--brand', 'HotelBrisamar', '--as-of', '2026-11-10T00:00:00Z', '--format', 'json']);
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as Result;
    const byFile = Object.fromEntries(result.inputs.map((i) => [path.basename(i.path), i]));
    expect(Object.fromEntries(Object.entries(byFile).map(([f, i]) => [f, [i.format, i.posts, i.channel]]))).toEqual({
      'booking-es.html': ['booking', 4, 'Hotel Brisamar'],
      'google-maps-es.html': ['google-maps', 7, 'Hotel Brisamar'],
      'tripadvisor-2013-es.html': ['tripadvisor', 3, 'Hotel Brisamar'],
      'tripadvisor-en.html': ['tripadvisor', 3, 'Hotel Brisamar'],
      'web-propia.html': ['microdata', 2, 'Hotel Brisamar'],
    });
    expect(byFile['booking-es.html']!.capabilities?.ratings).toBe('always');
    // 4 + 2 + 2 + 3 + 2 reviews; answered: 3 on Google Maps (one through a reply drawn as a card), 1 + 1 on
    // TripAdvisor, 1 on Booking (undated: dated at its review).
    expect(result.metrics.conversations).toBe(13);
    expect(result.metrics.repliedTo).toBe(6);
    // Reviews of 1–3 stars always need a reply: Javier's 6/10 on Booking (3★) and Elena's on the hotel's own site were not answered.
    const ignored = result.findings.filter((f) => f.ruleId === 'reply-rate').map((f) => f.evidence[0]!.text);
    expect(ignored.some((t) => t.includes('El desayuno no vale lo que cuesta'))).toBe(true);
    expect(ignored.some((t) => t.includes('Nos cobraron el parking dos veces'))).toBe(true);
    expect(ignored.some((t) => t.includes('Habitación amplia'))).toBe(false); // praise needs no reply
    // The page saved behind a cookie wall is named, with why; it does not sink the audit.
    const consent = result.warnings.find((w) => w.input.endsWith('consent.html'))!;
    expect(consent.code).toBe('unusable-file');
    expect(consent.message).toMatch(/page saved without reviews \(lazy loading \/ cookie wall \/ captcha \/ block page\): it shows a cookie wall/);
    expect(stderr).toMatch(/consent\.html/);
  });

  it('the report reads in Spanish and English', () => {
    const es = runCli(['audit', brisamar, '--brand', 'Hotel Brisamar', '--as-of', '2026-11-10T00:00:00Z', '--locale', 'es']);
    expect(es.status).toBe(0);
    expect(es.stdout).toMatch(/Hotel Brisamar/);
    const en = runCli(['audit', brisamar, '--brand', 'hotelbrisamar', '--as-of', '2026-11-10T00:00:00Z', '--locale', 'en']);
    expect(en.status).toBe(0);
    expect(en.stdout).not.toBe(es.stdout);
  });

  it('ingest writes the reviews as posts that audit reads back to the same figures', () => {
    const jsonl = path.join(brisamar, '..', `${path.basename(brisamar)}.jsonl`);
    const ingest = runCli(['ingest', brisamar, '--brand', 'HotelBrisamar', '--as-of', '2026-11-10T00:00:00Z', '--output', jsonl]);
    expect(ingest.status).toBe(0);
    const args = ['--brand', 'HotelBrisamar', '--as-of', '2026-11-10T00:00:00Z', '--format', 'json'];
    const direct = JSON.parse(runCli(['audit', brisamar, ...args]).stdout) as Result;
    const back = JSON.parse(runCli(['audit', jsonl, ...args]).stdout) as Result;
    expect(back.metrics).toEqual(direct.metrics);
  });

  it('English pages of another business, a scraper file among them, audited by its name', () => {
    const luna = folder({
      'google-maps-en.html': 'google-maps/cafe-luna-en.html',
      'yelp-en.html': 'yelp/cafe-luna-en.html',
      'web-es.html': 'json-ld/cafe-luna-es.html',
      'serpapi.json': 'scraper-json/serpapi-google-maps.json',
    });
    const { status, stdout } = runCli(['audit', luna, '--brand', 'CafeLuna', '--as-of', '2026-11-10T00:00:00Z', '--format', 'json']);
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as Result;
    expect(result.inputs.map((i) => [path.basename(i.path), i.format, i.channel])).toEqual([
      ['google-maps-en.html', 'google-maps', 'Café Luna'],
      ['serpapi.json', 'scraper-json', 'Café Luna'],
      ['web-es.html', 'json-ld', 'Café Luna'],
      ['yelp-en.html', 'yelp', 'Café Luna'],
    ]);
    expect(result.metrics.conversations).toBe(2 + 2 + 4 + 2);
    expect(result.metrics.repliedTo).toBe(1 + 1 + 2 + 1);
    expect(result.warnings.map((w) => w.code)).toContain('invalid-json-ld');
  });

  it('a single page saved without reviews, named on the command line, is an input error (exit 2)', () => {
    const { status, stderr } = runCli(['audit', path.join(FIXTURES, 'json-ld/aggregate-only.html'), '--brand', 'CafeLuna']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/aggregate-only\.html: page saved without reviews .*the page states 1204 reviews but none is in the saved HTML/);
  });
});
