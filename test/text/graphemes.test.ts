import { describe, expect, it } from 'vitest';
import { clipGraphemes } from '../../src/text/graphemes.js';

const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('clipGraphemes', () => {
  it('leaves a short text alone, with no ellipsis', () => {
    expect(clipGraphemes('hola', 4, '…')).toBe('hola');
  });

  it('never splits a surrogate pair, a skin-tone emoji, a flag or a combining accent', () => {
    for (const unit of ['😀', '👍🏽', '🇪🇸', 'e\u0301', '👨‍👩‍👧']) {
      const text = `ab${unit.repeat(20)}`;
      for (let max = 2; max < text.length; max++) {
        const cut = clipGraphemes(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(cut).not.toMatch(LONE);
        expect((cut.length - 2) % unit.length).toBe(0);
      }
    }
  });

  it('appends the ellipsis only when it cut', () => {
    expect(clipGraphemes('abcdef', 3, '…')).toBe('abc…');
  });
});
