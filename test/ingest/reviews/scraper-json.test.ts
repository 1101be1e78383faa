import { describe, expect, it } from 'vitest';
import { expectGolden, readFixture } from './golden.js';

describe('scraper-json', () => {
  for (const file of ['outscraper-google-maps.json', 'serpapi-google-maps.json', 'trustpilot-props.json', 'booking-reviews.json']) {
    it(`reads ${file} by its shape`, async () => {
      const run = await readFixture(`scraper-json/${file}`);
      expect(run.format).toBe('scraper-json');
      expectGolden(`scraper-json/${file}`, run);
    });
  }
});
