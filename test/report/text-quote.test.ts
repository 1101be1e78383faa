import { describe, expect, it } from 'vitest';
import { quoteAround, safeForTerminal } from '../../src/report/text.js';

const visible = (s: string): number => Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)).length;

describe('text report: quotes keep the judged phrase visible', () => {
  const long = 'Hola, hemos revisado tu caso con el equipo de facturación y la verdad es que pues no sea pendejo y lea el correo que le mandamos';

  it('a short text is quoted whole', () => {
    expect(quoteAround('Hola, ya está resuelto', 'resuelto', 40)).toBe('"Hola, ya está resuelto"');
  });

  it('a phrase past the cut is centred in a window with "…" on both sides, within the width', () => {
    const out = quoteAround(long, 'pendejo', 40);
    expect(out).toContain('pendejo');
    expect(out.startsWith('"…')).toBe(true);
    expect(out.endsWith('…"')).toBe(true);
    expect(visible(out)).toBe(40);
  });

  it('a phrase near the end keeps the end of the text and one "…"', () => {
    const out = quoteAround(long, 'le mandamos', 30);
    expect(out).toMatch(/^"….*le mandamos"$/);
    expect(visible(out)).toBe(30);
  });

  it('a phrase inside the first part is cut at the end only; no phrase cuts at the end', () => {
    expect(quoteAround(long, 'Hola', 30)).toMatch(/^"Hola, hemos.*…"$/);
    expect(quoteAround(long, undefined, 30)).toMatch(/^"Hola, hemos.*…"$/);
    expect(visible(quoteAround(long, undefined, 30))).toBe(30);
  });

  it('never cuts an emoji with its modifiers or a combining accent', () => {
    const text = `${'👍🏽'.repeat(30)} e\u0301 final`;
    const out = quoteAround(text, undefined, 20);
    expect(out).not.toMatch(/\uD83C(?![\uDFFB-\uDFFF])/);
    expect(Array.from(out.matchAll(/👍🏽/g))).toHaveLength(17);
  });

  it('control characters and bidi overrides from the data never reach the terminal', () => {
    expect(safeForTerminal('a\u001b]0;pwned\u0007b \u202Eevil')).toBe('a\ufffd]0;pwned\ufffdb \ufffdevil');
  });
});
