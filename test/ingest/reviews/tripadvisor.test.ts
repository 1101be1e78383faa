import { describe, it } from 'vitest';
import { expectGolden, readFixture } from './golden.js';

describe('tripadvisor', () => {
  it('reads the 2017–2019 markup in Spanish: bubble classes, the full text, the gated response, sub-ratings and the widget left out', async () => {
    expectGolden('tripadvisor/brisamar-old-es.html', await readFixture('tripadvisor/brisamar-old-es.html'));
  });
  it('reads the current markup in English: SVG titles, "Written …" dates, the stay date left alone', async () => {
    expectGolden('tripadvisor/brisamar-new-en.html', await readFixture('tripadvisor/brisamar-new-en.html'));
  });
});
