import { describe, expect, it } from 'vitest';
import { expectGolden, readFixture } from './golden.js';

describe('json-ld', () => {
  it('reads @graph, arrays of blocks, Product reviews and dirty blocks; warns about the invalid one; folds the owner reply drawn as a review', async () => {
    expectGolden('json-ld/cafe-luna-es.html', await readFixture('json-ld/cafe-luna-es.html'));
  });
  it('a page saved behind a cookie wall is an input error naming the file, never a silent zero', async () => {
    await expect(readFixture('json-ld/cookie-wall.html')).rejects.toThrow(
      /cookie-wall\.html: page saved without reviews \(lazy loading \/ cookie wall \/ captcha \/ block page\): it shows a cookie wall/,
    );
  });
  it('a page with only an AggregateRating says how many reviews it states', async () => {
    await expect(readFixture('json-ld/aggregate-only.html')).rejects.toThrow(
      /page saved without reviews.*the page states 1204 reviews but none is in the saved HTML/,
    );
  });
});
