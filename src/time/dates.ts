/**
 * Explicit date parsers. `new Date(str)` is never used on input text: V8 reads "04/11/2013" as April
 * (month-first, local time) and ISO strings without an offset as local time, so the same file would give
 * different results on different machines.
 */

import { lookupTable } from '../lookup.js';
const MONTHS = lookupTable<number>({
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  sept: 8,
  oct: 9,
  nov: 10,
  dec: 11,
  january: 0,
  february: 1,
  march: 2,
  april: 3,
  june: 5,
  july: 6,
  august: 7,
  september: 8,
  october: 9,
  november: 10,
  december: 11,
  ene: 0,
  abr: 3,
  ago: 7,
  set: 8,
  dic: 11,
  enero: 0,
  febrero: 1,
  marzo: 2,
  abril: 3,
  mayo: 4,
  junio: 5,
  julio: 6,
  agosto: 7,
  septiembre: 8,
  setiembre: 8,
  octubre: 9,
  noviembre: 10,
  diciembre: 11,
});

/** "Wed Oct 10 20:19:24 +0000 2018" — X/Twitter API v1.1, archives and the TWCS dataset. */
export function parseTwitterDate(value: string): number | null {
  // Fixed layout: "Www Mmm dd hh:mm:ss +zzzz yyyy" (30 characters).
  if (value.length !== 30 || value.charCodeAt(3) !== 32 || value.charCodeAt(7) !== 32 || value.charCodeAt(10) !== 32) return null;
  const month = MONTHS[value.slice(4, 7).toLowerCase()];
  const day = twoDigits(value, 8);
  const hour = twoDigits(value, 11);
  const minute = twoDigits(value, 14);
  const second = twoDigits(value, 17);
  const sign = value[20];
  const offH = twoDigits(value, 21);
  const offM = twoDigits(value, 23);
  const year = Number(value.slice(26, 30));
  if (month === undefined || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60 || offH < 0 || offM < 0) return null;
  if ((sign !== '+' && sign !== '-') || !Number.isInteger(year) || year < 1970) return null;
  const utc = Date.UTC(year, month, day, hour, minute, second);
  if (!validDay(year, month, day)) return null;
  const offset = (offH * 60 + offM) * 60000 * (sign === '+' ? 1 : -1);
  return utc - offset;
}

function twoDigits(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  if (a < 0 || a > 9 || b < 0 || b > 9) return -1;
  return a * 10 + b;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(year: number, month: number, day: number): boolean {
  const leap = month === 1 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0);
  return day >= 1 && day <= DAYS_IN_MONTH[month]! + (leap ? 1 : 0);
}

export type DateOrder = 'day-first' | 'month-first';

export interface ParsedDate {
  ms: number;
  /** False when the text carried no offset and the zone was assumed. */
  hasOffset: boolean;
  /** Only a date, no time of day. */
  dateOnly: boolean;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const TEXT_DAY_FIRST = /^(\d{1,2})(?:\s+de)?\s+([a-záéíóú]+)\.?(?:\s+de)?,?\s+(\d{4})(?:[ ,]+(?:a las\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/i;
const TEXT_MONTH_FIRST = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:[ ,]+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;

/**
 * Parses the date layouts found in tool exports. `order` decides "04/11/2013"; `zone` is used for values
 * with no offset. Returns null for anything it cannot read unambiguously.
 */
export function parseFlexibleDate(raw: string, order: DateOrder, zone: string): ParsedDate | null {
  const value = raw.trim();
  if (value === '') return null;
  let m = ISO.exec(value);
  if (m) {
    const [, y, mo, d, h, mi, s, frac, off] = m;
    const fields = {
      year: +y!,
      month: +mo! - 1,
      day: +d!,
      hour: h ? +h : 0,
      minute: mi ? +mi : 0,
      second: s ? +s : 0,
      ms: frac ? Math.floor(+`0.${frac}` * 1000) : 0,
    };
    return fromFields(fields, off, zone, h === undefined);
  }
  if (value.length === 30 && value[26] !== undefined) {
    const twitter = parseTwitterDate(value);
    if (twitter !== null) return { ms: twitter, hasOffset: true, dateOnly: false };
  }
  if (/^\d{10}(\d{3})?$/.test(value)) {
    const n = Number(value);
    return { ms: value.length === 10 ? n * 1000 : n, hasOffset: true, dateOnly: false };
  }
  m = NUMERIC.exec(value);
  if (m) {
    const [, a, , b, y, h, mi, s, ampm, off] = m;
    const first = +a!;
    const second = +b!;
    const day = order === 'day-first' ? first : second;
    const month = (order === 'day-first' ? second : first) - 1;
    let year = +y!;
    if (y!.length === 2) year += 2000;
    const hour = h === undefined ? 0 : to24(+h, ampm);
    if (hour < 0) return null;
    return fromFields({ year, month, day, hour, minute: mi ? +mi : 0, second: s ? +s : 0, ms: 0 }, off, zone, h === undefined);
  }
  m = TEXT_DAY_FIRST.exec(value);
  if (m) {
    const month = MONTHS[fold(m[2]!)];
    if (month === undefined) return null;
    return fromFields(
      { year: +m[3]!, month, day: +m[1]!, hour: m[4] ? +m[4] : 0, minute: m[5] ? +m[5] : 0, second: m[6] ? +m[6] : 0, ms: 0 },
      undefined,
      zone,
      m[4] === undefined,
    );
  }
  m = TEXT_MONTH_FIRST.exec(value);
  if (m) {
    const month = MONTHS[fold(m[1]!)];
    if (month === undefined) return null;
    const hour = m[4] === undefined ? 0 : to24(+m[4], m[7]);
    if (hour < 0) return null;
    return fromFields(
      { year: +m[3]!, month, day: +m[2]!, hour, minute: m[5] ? +m[5] : 0, second: m[6] ? +m[6] : 0, ms: 0 },
      undefined,
      zone,
      m[4] === undefined,
    );
  }
  return null;
}

function fold(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

function to24(hour: number, ampm: string | undefined): number {
  if (!ampm) return hour;
  if (hour < 1 || hour > 12) return -1;
  const pm = ampm[0]!.toLowerCase() === 'p';
  return (hour % 12) + (pm ? 12 : 0);
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

function fromFields(f: Fields, offset: string | undefined, zone: string, dateOnly: boolean): ParsedDate | null {
  if (f.month < 0 || f.month > 11 || f.day < 1 || !validDay(f.year, f.month, f.day)) return null;
  if (f.hour > 23 || f.minute > 59 || f.second > 60) return null;
  const wall = Date.UTC(f.year, f.month, f.day, f.hour, f.minute, f.second, f.ms);
  if (offset !== undefined) {
    const upper = offset.toUpperCase();
    if (upper === 'Z' || upper === 'UTC' || upper === 'GMT') return { ms: wall, hasOffset: true, dateOnly };
    const sign = offset[0] === '-' ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const minutes = Number(digits.slice(0, 2)) * 60 + (digits.length > 2 ? Number(digits.slice(2, 4)) : 0);
    return { ms: wall - sign * minutes * 60000, hasOffset: true, dateOnly };
  }
  return { ms: wallTimeToUtc(wall, zone), hasOffset: false, dateOnly };
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = zoneFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    zoneFormatters.set(zone, formatter);
  }
  return formatter;
}

/** Offset of `zone` from UTC at the instant `utcMs`, in milliseconds. */
export function zoneOffsetMs(utcMs: number, zone: string): number {
  if (zone === 'UTC') return 0;
  const parts = zoneFormatter(zone).formatToParts(new Date(utcMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** Converts a wall-clock time in `zone` (given as if it were UTC) to the real UTC instant. */
export function wallTimeToUtc(wallAsUtc: number, zone: string): number {
  if (zone === 'UTC') return wallAsUtc;
  // Two rounds settle the offset except inside a DST gap, where the later offset wins.
  let guess = wallAsUtc - zoneOffsetMs(wallAsUtc, zone);
  guess = wallAsUtc - zoneOffsetMs(guess, zone);
  return guess;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides day-first vs month-first for a column of numeric dates: a first field over 12 proves day-first,
 * a second field over 12 proves month-first. Returns null when the sample proves neither (or both).
 */
export function inferDateOrder(values: Iterable<string>): { order: DateOrder; evidence: string } | null {
  let dayFirst: string | undefined;
  let monthFirst: string | undefined;
  for (const value of values) {
    const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}/.exec(value);
    if (!m) continue;
    if (+m[1]! > 12 && +m[2]! <= 12) dayFirst ??= value.trim();
    if (+m[2]! > 12 && +m[1]! <= 12) monthFirst ??= value.trim();
  }
  if (dayFirst && !monthFirst) return { order: 'day-first', evidence: dayFirst };
  if (monthFirst && !dayFirst) return { order: 'month-first', evidence: monthFirst };
  return null;
}

export function looksNumericDate(value: string): boolean {
  return /^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/.test(value);
}
