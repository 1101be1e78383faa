import { describe, it } from 'vitest';
import { expectGolden, readFixture } from './golden.js';

describe('trustpilot', () => {
  it('reads JSON-LD first and takes the replies, the full texts and the missing review from __NEXT_DATA__', async () => {
    const run = await readFixture('trustpilot/telenova-es.html');
    expectGolden('trustpilot/telenova-es.html', run);
  });
  it('reads the cards when there is no embedded JSON', async () => {
    const run = await readFixture('trustpilot/telenova-cards-en.html');
    expectGolden('trustpilot/telenova-cards-en.html', run);
  });
});
