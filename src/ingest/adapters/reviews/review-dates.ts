/**
 * The dates review pages print, in Spanish and English (formats.md §5.8):
 *
 * - absolute: ISO 8601; "4 de noviembre de 2013", "4 nov. 2013", "14 oct 2024", "November 4, 2013",
 *   "Nov 4, 2013", "4 November 2013"; numeric "4/11/2013" (day-first unless the site is a US one);
 *   "noviembre de 2013" / "November 2013" (month precision). Labels around them ("Escrita el",
 *   "Written", "Comentó el:", "Revisado en España el") are passed over: the date is found inside the text.
 * - relative: "hace 2 semanas", "hace un mes", "ayer", "2 semanas atrás", "2 weeks ago", "a month ago",
 *   "yesterday", "just now", with "Editado"/"Edited" in front for an edited review. They are resolved
 *   against the page's save time (the anchor): "N units ago" is anchor − N units (calendar months and
 *   years), the near end of the [N, N+1) range the site rounded to, so nothing lands after the save.
 *   Their precision is `relative`.
 *
 * Every pattern is applied to a clipped string (200 characters) and has no nested quantifiers.
 */
import type { DateOrder } from '../../../contract/adapter.js';
import type { TimePrecision } from '../../../contract/post.js';
import { lookupTable } from '../../../lookup.js';
import { parseFlexibleDate } from '../../../time/dates.js';

export interface DateValue {
  ms: number;
  precision: TimePrecision;
  /** The text said "Edited"/"Editado": the date is the edit's. */
  edited?: boolean;
}

const MONTHS = lookupTable<number>({
  jan: 0,
  january: 0,
  feb: 1,
  february: 1,
  mar: 2,
  march: 2,
  apr: 3,
  april: 3,
  may: 4,
  jun: 5,
  june: 5,
  jul: 6,
  july: 6,
  aug: 7,
  august: 7,
  sep: 8,
  sept: 8,
  september: 8,
  oct: 9,
  october: 9,
  nov: 10,
  november: 10,
  dec: 11,
  december: 11,
  ene: 0,
  enero: 0,
  febrero: 1,
  marzo: 2,
  abr: 3,
  abril: 3,
  mayo: 4,
  junio: 5,
  julio: 6,
  ago: 7,
  agosto: 7,
  set: 8,
  septiembre: 8,
  setiembre: 8,
  octubre: 9,
  noviembre: 10,
  dic: 11,
  diciembre: 11,
});

const fold = (word: string): string =>
  word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

const monthOf = (word: string): number | undefined => MONTHS[fold(word).replace(/\.$/, '')];

const ISO_IN_TEXT = /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?/;
/** 4 de noviembre de 2013 · 4 nov. 2013 · 4 November 2013 · 4th November 2013 */
const DAY_MONTH_YEAR = /(?:^|[^\d])(\d{1,2})(?:st|nd|rd|th|º)?(?:\s+de)?\s+([a-zA-Záéíóúñ]{3,10})\.?(?:\s+de)?,?\s+(\d{4})/;
/** November 4, 2013 · Nov 4 2013 */
const MONTH_DAY_YEAR = /([a-zA-Z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/;
/** noviembre de 2013 · November 2013 */
const MONTH_YEAR = /([a-zA-Záéíóúñ]{3,10})\.?\s+(?:de\s+|del\s+)?(\d{4})/;
const NUMERIC = /(?:^|[^\d])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d])/;

const wallDay = (year: number, month: number, day: number, zone: string): number | undefined => {
  const text = `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseFlexibleDate(text, 'day-first', zone)?.ms;
};

/**
 * An absolute date found in `raw`, or null. `order` reads numeric dates ("11/4/2013"); `zone` places a
 * date without an offset (a date alone is midnight in that zone).
 */
export function parseAbsoluteDate(raw: string, zone: string, order: DateOrder = 'day-first'): DateValue | null {
  const text = raw.slice(0, 200).replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  const iso = ISO_IN_TEXT.exec(text);
  if (iso) {
    const parsed = parseFlexibleDate(iso[0], 'day-first', zone);
    if (parsed) {
      const precision: TimePrecision = parsed.dateOnly ? 'day' : /:\d{2}:\d{2}/.test(iso[0]) ? 'exact' : 'minute';
      return { ms: parsed.ms, precision };
    }
  }
  let m = DAY_MONTH_YEAR.exec(text);
  if (m) {
    const month = monthOf(m[2]!);
    const ms = month === undefined ? undefined : wallDay(+m[3]!, month, +m[1]!, zone);
    if (ms !== undefined) return { ms, precision: 'day' };
    if (month !== undefined) return null; // "31 de febrero": a day that does not exist, not a month
  }
  m = MONTH_DAY_YEAR.exec(text);
  if (m) {
    const month = monthOf(m[1]!);
    const ms = month === undefined ? undefined : wallDay(+m[3]!, month, +m[2]!, zone);
    if (ms !== undefined) return { ms, precision: 'day' };
  }
  m = NUMERIC.exec(text);
  if (m) {
    const [a, b] = [+m[1]!, +m[2]!];
    const day = order === 'day-first' ? a : b;
    const month = (order === 'day-first' ? b : a) - 1;
    const ms = month >= 0 && month < 12 ? wallDay(+m[3]!, month, day, zone) : undefined;
    if (ms !== undefined) return { ms, precision: 'day' };
  }
  // Month and year only: every candidate pair, since "Fecha de 2024" must not stop "octubre de 2024".
  const re = new RegExp(MONTH_YEAR.source, 'g');
  for (let mm = re.exec(text); mm; mm = re.exec(text)) {
    const month = monthOf(mm[1]!);
    if (month === undefined) continue;
    const ms = wallDay(+mm[2]!, month, 1, zone);
    if (ms !== undefined) return { ms, precision: 'month' };
  }
  return null;
}

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

const UNITS = lookupTable<Unit>({
  second: 'second',
  seconds: 'second',
  sec: 'second',
  secs: 'second',
  minute: 'minute',
  minutes: 'minute',
  min: 'minute',
  mins: 'minute',
  hour: 'hour',
  hours: 'hour',
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
  year: 'year',
  years: 'year',
  segundo: 'second',
  segundos: 'second',
  minuto: 'minute',
  minutos: 'minute',
  hora: 'hour',
  horas: 'hour',
  dia: 'day',
  dias: 'day',
  semana: 'week',
  semanas: 'week',
  mes: 'month',
  meses: 'month',
  ano: 'year',
  anos: 'year',
});

const ONE = new Set(['a', 'an', 'one', 'un', 'una', 'uno']);
const FIXED_MS: Partial<Record<Unit, number>> = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 };

const EN_AGO = /\b(a|an|one|\d{1,3})\s+(seconds?|secs?|minutes?|mins?|hours?|days?|weeks?|months?|years?)\s+ago\b/i;
const ES_HACE = /\bhace\s+(un|una|uno|\d{1,3})\s+([a-záéíóúñ]{3,9})/i;
const ES_ATRAS = /\b(un|una|\d{1,3})\s+([a-záéíóúñ]{3,9})\s+atr[aá]s\b/i;
const EDITED = /\b(?:edited|editad[oa])\b/i;

/** Whether the text holds a relative date ("hace 2 semanas", "a month ago", "ayer"…). */
export function isRelativeDate(raw: string): boolean {
  return relativeParts(raw.slice(0, 200)) !== null;
}

function relativeParts(text: string): { n: number; unit: Unit } | null {
  const folded = fold(text);
  if (/\b(just now|a moment ago|moments ago|hace un momento|hace unos (segundos|instantes)|ahora mismo|today|hoy)\b/.test(folded)) return { n: 0, unit: 'day' };
  if (/\b(yesterday|ayer)\b/.test(folded)) return { n: 1, unit: 'day' };
  const m = EN_AGO.exec(folded) ?? ES_HACE.exec(folded) ?? ES_ATRAS.exec(folded);
  if (!m) return null;
  const unit = UNITS[m[2]!.toLowerCase()];
  if (!unit) return null;
  const n = ONE.has(m[1]!.toLowerCase()) ? 1 : Number(m[1]);
  return Number.isFinite(n) ? { n, unit } : null;
}

/** A relative date resolved against `anchor` (epoch ms), or null when the text holds none. */
export function parseRelativeDate(raw: string, anchor: number): DateValue | null {
  const text = raw.slice(0, 200);
  const parts = relativeParts(text);
  if (!parts) return null;
  const edited = EDITED.test(fold(text));
  const fixed = FIXED_MS[parts.unit];
  let ms: number;
  if (fixed !== undefined) ms = anchor - parts.n * fixed;
  else {
    const d = new Date(anchor);
    const months = parts.unit === 'year' ? 12 * parts.n : parts.n;
    const target = d.getUTCMonth() - months;
    const year = d.getUTCFullYear() + Math.floor(target / 12);
    const month = ((target % 12) + 12) % 12;
    const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    ms = Date.UTC(year, month, Math.min(d.getUTCDate(), last), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  }
  return edited ? { ms, precision: 'relative', edited } : { ms, precision: 'relative' };
}

/**
 * A date in `raw`: absolute first, then relative against `anchor`. `relativeWithoutAnchor` is true when the
 * text holds a relative date but no anchor was known (the caller warns).
 */
export function parseReviewDate(
  raw: string,
  zone: string,
  anchor: number | undefined,
  order: DateOrder = 'day-first',
): { date: DateValue | null; relativeWithoutAnchor: boolean } {
  const absolute = parseAbsoluteDate(raw, zone, order);
  if (absolute) return { date: EDITED.test(fold(raw.slice(0, 200))) ? { ...absolute, edited: true } : absolute, relativeWithoutAnchor: false };
  if (!isRelativeDate(raw)) return { date: null, relativeWithoutAnchor: false };
  if (anchor === undefined) return { date: null, relativeWithoutAnchor: true };
  return { date: parseRelativeDate(raw, anchor), relativeWithoutAnchor: false };
}

const JS_DATE = /(?:[A-Z][a-z]{2}\s+)?([A-Z][a-z]{2})\s+(\d{1,2})\s+(\d{4})\s+(\d{2}):(\d{2}):(\d{2})\s+GMT([+-])(\d{2})(\d{2})/;
const RFC_2822 = /(?:[A-Z][a-z]{2},\s*)?(\d{1,2})\s+([A-Z][a-z]{2})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(?:([+-])(\d{2})(\d{2})|GMT|UTC|Z)/;

/**
 * A save time as savers write it: ISO 8601 with an offset, JavaScript's `Date.toString()` (SingleFile:
 * "Thu Oct 02 2026 10:15:22 GMT+0200 (Central European Summer Time)") or RFC 2822 (MHTML `Date:`).
 */
export function parseSaveTime(raw: string): number | undefined {
  const text = raw.slice(0, 200).trim();
  const iso = parseFlexibleDate(text, 'day-first', 'UTC');
  if (iso?.hasOffset) return iso.ms;
  let m = JS_DATE.exec(text);
  if (m) {
    const month = monthOf(m[1]!);
    if (month === undefined) return undefined;
    const offset = (m[7] === '-' ? -1 : 1) * (+m[8]! * 60 + +m[9]!) * 60_000;
    return Date.UTC(+m[3]!, month, +m[2]!, +m[4]!, +m[5]!, +m[6]!) - offset;
  }
  m = RFC_2822.exec(text);
  if (m) {
    const month = monthOf(m[2]!);
    if (month === undefined) return undefined;
    const offset = m[7] ? (m[7] === '-' ? -1 : 1) * (+m[8]! * 60 + +m[9]!) * 60_000 : 0;
    return Date.UTC(+m[3]!, month, +m[1]!, +m[4]!, +m[5]!, m[6] ? +m[6] : 0) - offset;
  }
  return undefined;
}
