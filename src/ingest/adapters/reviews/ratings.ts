/**
 * Ratings as review pages write them: a number with a decimal comma ("4,5"), a phrase in an alt text or
 * an aria-label ("Rated 4 out of 5 stars", "Valorado con 1 de 5 estrellas", "2 estrellas", "4.0 of 5
 * bubbles", "2,0 de 5 burbujas", "4/5"), or only a CSS class ("bubble_40", "s40", "count-3",
 * "star-rating-4").
 *
 * A score on another scale becomes stars in proportion: stars = value × 5 ÷ best, to one decimal, at
 * least 1 (Booking's 8.6 out of 10 is 4.3★, its 4.0 is 2★). The contract's `rating` holds 1–5 stars only;
 * the original value and scale are kept in `Rating` for the notes.
 */

export interface Rating {
  /** 1–5, one decimal. */
  stars: number;
  /** The value as the page wrote it, on its own scale. */
  value: number;
  scale: number;
}

/** "4,5" → 4.5; "1.204" is not a rating (a thousands separator) and gives NaN only when it exceeds the scale. */
export function parseNumber(raw: string): number {
  const text = raw.trim().replace(',', '.');
  return /^\d{1,3}(?:\.\d{1,2})?$/.test(text) ? Number(text) : Number.NaN;
}

export function toRating(value: number, scale = 5): Rating | undefined {
  if (!Number.isFinite(value) || !Number.isFinite(scale) || scale <= 0 || value <= 0 || value > scale) return undefined;
  const stars = Math.max(1, Math.round(((value * 5) / scale) * 10) / 10);
  return { stars, value, scale };
}

const OUT_OF = /(\d{1,2}(?:[.,]\d{1,2})?)\s*(?:out\s+of|of|de|sur|von|\/)\s*(\d{1,3})(?!\d)/i;
const STARS = /(\d(?:[.,]\d{1,2})?)\s*(?:estrellas?|stars?|burbujas?|bubbles?|puntos?|points?|★)/i;

/** A rating phrase ("4 out of 5 stars", "2 estrellas", "4/5"); out-of-10 phrases only when `maxScale` allows it. */
export function ratingFromText(raw: string, maxScale = 5): Rating | undefined {
  const text = raw.slice(0, 200);
  const m = OUT_OF.exec(text);
  if (m) {
    const scale = Number(m[2]);
    if (scale > maxScale) return undefined;
    return toRating(parseNumber(m[1]!), scale);
  }
  const s = STARS.exec(text);
  if (s) return toRating(parseNumber(s[1]!), 5);
  return undefined;
}

const CLASS_RATINGS: { re: RegExp; scale: number; tenths: boolean }[] = [
  { re: /\bbubble_(\d)(\d)\b/, scale: 5, tenths: true },
  { re: /\bui_star_rating\s+star_(\d)(\d)\b/, scale: 5, tenths: true },
  { re: /\bs(\d)(\d)\b/, scale: 5, tenths: true },
  { re: /\b(?:star-rating|stars?|rating)[-_](\d)(?:[-_](\d))?\b/, scale: 5, tenths: false },
  { re: /\bcount-(\d)\b/, scale: 5, tenths: false },
];

/** A rating written only as a CSS class: "bubble_40" and "s40" are 4.0, "count-3" and "star-rating-3" are 3. */
export function ratingFromClass(className: string | undefined): Rating | undefined {
  if (!className) return undefined;
  for (const { re, scale, tenths } of CLASS_RATINGS) {
    const m = re.exec(className);
    if (!m) continue;
    const value = tenths ? Number(`${m[1]}.${m[2]}`) : Number(m[2] === undefined ? m[1] : `${m[1]}.${m[2]}`);
    const rating = toRating(value, scale);
    if (rating) return rating;
  }
  return undefined;
}
