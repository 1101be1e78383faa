import { describe, it } from 'vitest';
import { expectGolden, readFixture } from './golden.js';

describe('microdata', () => {
  it('takes the overall reviewRating, not the sub-ratings nor the likelihood to recommend; the nested owner reply is the response', async () => {
    expectGolden('microdata/telenova-en.html', await readFixture('microdata/telenova-en.html'));
  });
  it('reads itemprop="review" without itemscope, a rating only in a class or aria-label, and a shown relative date', async () => {
    expectGolden('microdata/brisamar-es.html', await readFixture('microdata/brisamar-es.html'));
  });
});
