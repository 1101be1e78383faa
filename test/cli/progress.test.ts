import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

describe('progress words', () => {
  it('speak the run’s locale, and a disabled spinner still has them (nothing is printed)', () => {
    expect(createProgress(false, 'es').words.readingPosts('a.csv', 1, 2, 12345)).toBe('Leyendo a.csv (1/2): 12.345 publicaciones…');
    expect(createProgress(false).words.readingPosts('a.csv', 1, 2, 12345)).toBe('Reading a.csv (1/2): 12,345 posts…');
    expect(createProgress(false, 'es').words.auditing(7)).toBe('Auditando 7 publicaciones…');
  });
});
