/**
 * The Meta mojibake: Facebook and Instagram "Download your information" files write every UTF-8 byte of
 * a text as its own `\u00XX` escape, so "ó" (C3 B3) arrives as "Ã³" and an emoji as four such
 * characters. The repair reads the characters back as bytes and decodes them as UTF-8, and only when the
 * whole string allows it: every character at most U+00FF, at least one at U+0080 or above, and the bytes
 * strictly valid UTF-8. Correct text ("café ya") is left alone because its bytes are not valid UTF-8
 * (é followed by a space); a string with a character above U+00FF was not written that way at all.
 */

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** One string, repaired when it is a whole latin1-encoded UTF-8 sequence, else unchanged. */
export function repairMetaText(text: string): string {
  let high = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0xff) return text;
    if (code >= 0x80) high = true;
  }
  if (!high) return text;
  try {
    // Buffer's latin1 is true ISO-8859-1 (one byte per character); TextDecoder('latin1') would be Windows-1252.
    return strictUtf8.decode(Buffer.from(text, 'latin1')).normalize('NFC');
  } catch {
    return text;
  }
}

/** Counts the strings a repair changed (for the report's note). */
export interface RepairCount {
  count: number;
}

/** Every string of a parsed Meta export, object keys included (labels are localized and escaped the same way). */
export function repairMetaStrings(value: unknown, repaired: RepairCount = { count: 0 }, depth = 0): unknown {
  if (typeof value === 'string') {
    const fixed = repairMetaText(value);
    if (fixed !== value) repaired.count++;
    return fixed;
  }
  // The JSON was depth-checked before parsing; the guard only keeps this walk from recursing without end.
  if (typeof value !== 'object' || value === null || depth > 256) return value;
  if (Array.isArray(value)) return value.map((item) => repairMetaStrings(item, repaired, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // defineProperty: a key "__proto__" stays a plain key.
    Object.defineProperty(out, repairMetaText(key), {
      value: repairMetaStrings(item, repaired, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
