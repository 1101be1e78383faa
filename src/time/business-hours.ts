/**
 * The business-hours clock (peers.md §2.3): time only runs while the brand is open, in its own time zone,
 * outside holidays. A message that arrives while closed starts its clock at the next opening; a reply sent
 * within the same closed period counts its real elapsed time (never a misleading zero).
 */
import { ConfigError } from '../errors.js';
import { wallTimeToUtc, zoneOffsetMs } from './dates.js';
import { lookupTable } from '../lookup.js';

export interface BusinessHours {
  /** Open weekdays, 0 = Sunday. */
  days: boolean[];
  /** Opening and closing time, minutes after local midnight. */
  open: number;
  close: number;
  zone: string;
  /** Local dates (YYYY-MM-DD) when the brand is closed. */
  holidays: Set<string>;
  /** The spec as given, for the report. */
  label: string;
}

const DAY_NAMES = lookupTable<number>({
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  dom: 0,
  lun: 1,
  mar: 2,
  mie: 3,
  jue: 4,
  vie: 5,
  sab: 6,
});

/** "mon-fri 09:00-18:00", "lun-sab 08:30-20:00", "mon,wed,fri 10:00-14:00". */
export function parseBusinessHours(spec: string, zone: string, holidays: ReadonlySet<string>): BusinessHours {
  const m = /^\s*([a-záéíóú,-]+)\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/i.exec(spec);
  if (!m) throw new ConfigError(`business hours "${spec}" are not like "mon-fri 09:00-18:00"`);
  const days = new Array<boolean>(7).fill(false);
  const dayOf = (name: string): number => {
    const key = name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .slice(0, 3);
    const day = DAY_NAMES[key];
    if (day === undefined)
      throw new ConfigError(`business hours "${spec}": unknown day "${name}"`, 'days: mon tue wed thu fri sat sun (or lun mar mie jue vie sab dom)');
    return day;
  };
  for (const part of m[1]!.split(',')) {
    const [from, to] = part.split('-');
    if (!from) continue;
    const first = dayOf(from);
    const last = to ? dayOf(to) : first;
    for (let d = first; ; d = (d + 1) % 7) {
      days[d] = true;
      if (d === last) break;
    }
  }
  const open = Number(m[2]) * 60 + Number(m[3]);
  const close = Number(m[4]) * 60 + Number(m[5]);
  if (open >= close || close > 24 * 60) throw new ConfigError(`business hours "${spec}": opening must come before closing, within one day`);
  return { days, open, close, zone, holidays: new Set(holidays), label: spec.trim() };
}

const DAY_MS = 86_400_000;
/** Longer spans are not walked day by day: nobody needs the business time of a year-late reply exactly. */
const MAX_DAYS = 400;

/** Business milliseconds between two instants. */
export function businessMs(from: number, to: number, hours: BusinessHours): number {
  if (to <= from) return 0;
  const offset = zoneOffsetMs(from, hours.zone);
  const firstDay = Math.floor((from + offset) / DAY_MS);
  const lastDay = Math.min(Math.floor((to + zoneOffsetMs(to, hours.zone)) / DAY_MS), firstDay + MAX_DAYS);
  let total = 0;
  let sawOpening = false;
  for (let day = firstDay; day <= lastDay; day++) {
    const date = new Date(day * DAY_MS);
    if (!hours.days[date.getUTCDay()] || hours.holidays.has(date.toISOString().slice(0, 10))) continue;
    const openAt = wallTimeToUtc(day * DAY_MS + hours.open * 60000, hours.zone);
    const closeAt = wallTimeToUtc(day * DAY_MS + hours.close * 60000, hours.zone);
    const start = Math.max(from, openAt);
    const end = Math.min(to, closeAt);
    if (end > start) {
      total += end - start;
      sawOpening = true;
    } else if (openAt > from && openAt < to) sawOpening = true;
  }
  // Answered inside the same closed period: the customer waited the real time.
  return sawOpening ? total : to - from;
}
