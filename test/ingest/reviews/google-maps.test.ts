import { describe, it } from 'vitest';
import { expectGolden, readFixture } from './golden.js';

describe('google-maps', () => {
  it('reads a Spanish place page: relative dates against the SingleFile save date, the owner block, traps', async () => {
    const run = await readFixture('google-maps/brisamar-es.html');
    expectGolden('google-maps/brisamar-es.html', run);
  });
  it('reads an English page dated by a save meta', async () => {
    const run = await readFixture('google-maps/cafe-luna-en.html');
    expectGolden('google-maps/cafe-luna-en.html', run);
  });
});
