import { describe, it } from 'vitest';
import { expectGolden, readFixture } from './golden.js';

describe('yelp', () => {
  it('reads the hypernova JSON: comment-wrapped, HTML-escaped texts, US dates, owner replies', async () => {
    expectGolden('yelp/cafe-luna-en.html', await readFixture('yelp/cafe-luna-en.html'));
  });
});
