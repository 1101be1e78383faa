import { describe, expect, it } from 'vitest';
import { repairMetaStrings, repairMetaText } from '../../src/ingest/mojibake.js';

/** What Meta writes: each UTF-8 byte as its own character U+0000–U+00FF (after JSON.parse of its \u00XX escapes). */
const metaBytes = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

describe('repairMetaText', () => {
  it('repairs accented text, emoji (four escapes each) and ZWJ families', () => {
    for (const text of ['información', 'Lucía Pérez', 'Ñandú', '😔', '¡Hola! 🙏', '👨‍👩‍👧 familia', '👩🏽‍💻 y 🏳️‍🌈', 'ĳ € ‘x’ — …']) {
      expect(repairMetaText(metaBytes(text))).toBe(text);
    }
    expect(repairMetaText('Luc\u00c3\u00ada')).toBe('Lucía');
    expect(repairMetaText('\u00f0\u009f\u0098\u00a2')).toBe('😢');
  });

  it('leaves correct text alone: ASCII, accents, emoji and text mixing a correct accent with an escaped one', () => {
    for (const text of ['hola', '', 'café ya correcto', 'Ñ', 'árbol', 'año 2026', '¿Qué tal?', 'é', '😀 ok', 'Lucía informaciÃ³n', 'Ã']) {
      expect(repairMetaText(text)).toBe(text);
    }
    // Anything above U+00FF means the text was not written byte by byte: never touched.
    expect(repairMetaText('informaciÃ³n 😀')).toBe('informaciÃ³n 😀');
  });

  it('refuses byte sequences that are not valid UTF-8 (a lone continuation byte, a surrogate, an overlong form)', () => {
    expect(repairMetaText('a\u0080b')).toBe('a\u0080b');
    expect(repairMetaText('\u00ed\u00a0\u0080')).toBe('\u00ed\u00a0\u0080');
    expect(repairMetaText('\u00c0\u00af')).toBe('\u00c0\u00af');
    expect(repairMetaText('\u00c3')).toBe('\u00c3');
  });

  it('repairs every string of a parsed export, keys included, and counts the repairs', () => {
    const count = { count: 0 };
    const doc = JSON.parse('{"T\\u00c3\\u00adtulo": ["Mar\\u00c3\\u00ada", 3, null, {"__proto__": "x"}], "ok": "fine"}');
    const fixed = repairMetaStrings(doc, count) as Record<string, unknown>;
    expect(fixed).toEqual({ Título: ['María', 3, null, { ['__proto__']: 'x' }], ok: 'fine' });
    expect(Object.getPrototypeOf((fixed.Título as unknown[])[3])).toBe(Object.prototype);
    expect(count.count).toBe(1);
  });
});
