import { describe, it } from 'vitest';
import { expectGolden, readFixture } from './golden.js';

describe('booking', () => {
  it('reads 10-point scores, liked/disliked parts, the fuller of two response copies and no response date', async () => {
    expectGolden('booking/brisamar-es.html', await readFixture('booking/brisamar-es.html'));
  });
});
