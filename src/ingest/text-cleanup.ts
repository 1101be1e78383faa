/**
 * Text clean-up shared by adapters: HTML entities (X/Twitter escapes &amp; &lt; &gt;) and the classic
 * "â€™" mojibake of UTF-8 text that went through Windows-1252 once (the Kaggle TWCS file has it).
 */

import { lookupTable } from '../lookup.js';
import { clipGraphemes } from '../text/graphemes.js';
const NAMED_ENTITIES = lookupTable<string>({
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  euro: '€',
  iexcl: '¡',
  iquest: '¿',
  ntilde: 'ñ',
  Ntilde: 'Ñ',
  aacute: 'á',
  eacute: 'é',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  uuml: 'ü',
  Aacute: 'Á',
  Eacute: 'É',
  Iacute: 'Í',
  Oacute: 'Ó',
  Uacute: 'Ú',
  ccedil: 'ç',
});

const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});/g;

export function decodeHtmlEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/** Windows-1252 bytes 0x80–0x9F, which differ from Latin-1. */
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

/** A UTF-8 lead byte (as Latin-1 text) followed by a continuation byte (as Latin-1 or Windows-1252 text). */
const MOJIBAKE_HINT =
  /[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]/;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Undoes one round of UTF-8-read-as-Windows-1252 ("atenciÃ³n" → "atención"), only when the whole string
 * maps back to bytes that are valid UTF-8; correct text ("café ya") never changes because its bytes are
 * not valid UTF-8 once re-encoded.
 */
export function repairMojibake(text: string): string {
  if (!MOJIBAKE_HINT.test(text)) return text;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x100) bytes[i] = code;
    else {
      const byte = CP1252_HIGH[code];
      if (byte === undefined) return text;
      bytes[i] = byte;
    }
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return text;
  }
}

/** Removes Excel formula guards and wrappers from an id-like cell: `'=123`, `="123"`. */
export function unwrapSpreadsheetCell(value: string): string {
  if (value.length >= 3 && value.charCodeAt(0) === 0x3d /* = */ && value.charCodeAt(1) === 0x22 && value.endsWith('"')) {
    return value.slice(2, -1);
  }
  if (value.length >= 2 && value.charCodeAt(0) === 0x27 /* ' */ && '=+-@'.includes(value[1]!)) return value.slice(1);
  return value;
}

/** A cell value shortened for an error message. */
export function clip(value: string, max = 40): string {
  const flat = value.replace(/\s+/g, ' ');
  return clipGraphemes(flat, max, '…');
}
