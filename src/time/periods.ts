/**
 * Calendar periods for scheduled audits, read in the brand's time zone: `last-week`, `last-month`,
 * `YYYY-MM`, `YYYY-Www` (an ISO week), and relative spans before "now" (`7d`, `12h`, `2w`, `1m`).
 *
 * "Now" is always handed in (the audit's as-of); nothing here reads the clock. A period is a closed range
 * of epoch milliseconds: `from` is the first instant of its first local day, `until` the last millisecond
 * before the next period starts, so a conversation opened at 23:59:59.999 local on the last day is in it
 * and one opened at 00:00 the next day is not. Weeks run Monday to Sunday (ISO 8601).
 */
import { wallTimeToUtc, zoneOffsetMs } from './dates.js';

export interface PeriodRange {
  from: number;
  until: number;
}

/** A calendar period as written on the command line, before it is placed against "now". */
export type PeriodSpec =
  | { kind: 'last-week' }
  | { kind: 'last-month' }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'week'; year: number; week: number };

/** A span before "now": hours, days, weeks or calendar months. */
export interface RelativeSpan {
  amount: number;
  unit: 'h' | 'd' | 'w' | 'm';
}

const DAY_MS = 86_400_000;

/** `last-week`, `last-month`, `2026-10`, `2026-W41`; null when the text is none of them. */
export function parsePeriodSpec(value: string): PeriodSpec | null {
  const text = value.trim().toLowerCase();
  if (text === 'last-week') return { kind: 'last-week' };
  if (text === 'last-month') return { kind: 'last-month' };
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) {
    const m = Number(month[2]);
    return m >= 1 && m <= 12 ? { kind: 'month', year: Number(month[1]), month: m } : null;
  }
  const week = /^(\d{4})-w(\d{2})$/.exec(text);
  if (week) {
    const year = Number(week[1]);
    const w = Number(week[2]);
    return w >= 1 && w <= isoWeeksIn(year) ? { kind: 'week', year, week: w } : null;
  }
  return null;
}

/** `7d`, `30d`, `12h`, `2w`, `1m` (calendar months; also `1mo`); null otherwise. */
export function parseRelativeSpan(value: string): RelativeSpan | null {
  const m = /^(\d+)\s*(h|d|w|m|mo)$/i.exec(value.trim());
  if (!m) return null;
  const amount = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  return { amount, unit: unit === 'mo' ? 'm' : (unit as RelativeSpan['unit']) };
}

/**
 * The instant `span` before `now`. Hours, days and weeks are fixed lengths (a day is 24 h); months are
 * calendar months in `zone`: the same wall-clock time on the same day of the month, or on the month's
 * last day when it has fewer days (31 March − 1 month = 28 or 29 February).
 */
export function spanBefore(now: number, span: RelativeSpan, zone: string): number {
  if (span.unit === 'h') return now - span.amount * 3_600_000;
  if (span.unit === 'd') return now - span.amount * DAY_MS;
  if (span.unit === 'w') return now - span.amount * 7 * DAY_MS;
  const wall = now + zoneOffsetMs(now, zone);
  const date = new Date(wall);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() - span.amount;
  const target = new Date(Date.UTC(year, month, 1));
  const day = Math.min(date.getUTCDate(), daysInMonth(target.getUTCFullYear(), target.getUTCMonth()));
  const timeOfDay = wall - Date.UTC(year, date.getUTCMonth(), date.getUTCDate());
  return wallTimeToUtc(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), day) + timeOfDay, zone);
}

/**
 * Places a period against "now" in `zone`. `last-week` is the Monday-to-Sunday week before the one holding
 * `now`; `last-month` the calendar month before the one holding `now`; a named month or week is itself.
 */
export function periodRange(spec: PeriodSpec, zone: string, now: number): PeriodRange {
  const today = localDate(now, zone);
  switch (spec.kind) {
    case 'last-week': {
      // Days since Monday (0 on a Monday), on the local calendar.
      const sinceMonday = (new Date(today).getUTCDay() + 6) % 7;
      const thisMonday = today - sinceMonday * DAY_MS;
      return range(thisMonday - 7 * DAY_MS, thisMonday, zone);
    }
    case 'last-month': {
      const d = new Date(today);
      return range(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1), Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), zone);
    }
    case 'month':
      return range(Date.UTC(spec.year, spec.month - 1, 1), Date.UTC(spec.year, spec.month, 1), zone);
    case 'week': {
      const monday = isoWeekMonday(spec.year, spec.week);
      return range(monday, monday + 7 * DAY_MS, zone);
    }
  }
}

/** From local midnight `startDay` to the millisecond before local midnight `endDay` (both as UTC dates). */
function range(startDay: number, endDay: number, zone: string): PeriodRange {
  return { from: wallTimeToUtc(startDay, zone), until: wallTimeToUtc(endDay, zone) - 1 };
}

/** The local calendar date of `instant` in `zone`, as midnight UTC of that date. */
function localDate(instant: number, zone: string): number {
  const wall = instant + zoneOffsetMs(instant, zone);
  return Math.floor(wall / DAY_MS) * DAY_MS;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** Monday of ISO week `week` of `year`: week 1 holds the year's first Thursday (4 January is always in it). */
function isoWeekMonday(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  return mondayOfWeek1 + (week - 1) * 7 * DAY_MS;
}

/** 53 when the year starts on a Thursday, or is a leap year starting on a Wednesday; 52 otherwise. */
function isoWeeksIn(year: number): number {
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}
