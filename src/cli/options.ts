/** Parsers for option values; each throws a UsageError that names the option. */
import { UsageError } from '../errors.js';
import { CSV_FIELDS } from '../ingest/csv/header-synonyms.js';
import { isValidTimeZone, parseFlexibleDate } from '../time/dates.js';

/** "60", "60m", "90min", "2h", "1.5h" → minutes. */
export function parseMinutes(value: string, option: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(m|min|h|d)?$/i.exec(value.trim());
  if (!m) throw new UsageError(`${option} "${value}" is not a duration`, 'write it like 60m, 90m, 2h or 1d');
  const n = Number(m[1]);
  const unit = (m[2] ?? 'm').toLowerCase();
  const minutes = unit === 'h' ? n * 60 : unit === 'd' ? n * 1440 : n;
  if (minutes <= 0) throw new UsageError(`${option} must be longer than zero`);
  return minutes;
}

/**
 * An instant: ISO 8601 (with or without offset: then in `zone`) or a date. `endOfDay`: a date alone means
 * the end of that day ("--until 2024-03-31" includes the 31st).
 */
export function parseInstant(value: string, option: string, zone: string, endOfDay = false): number {
  const parsed = parseFlexibleDate(value, 'day-first', zone);
  if (!parsed || !/^\d{4}-\d{2}-\d{2}/.test(value.trim())) {
    throw new UsageError(`${option} "${value}" is not an ISO 8601 date`, 'write it like 2026-11-01 or 2026-11-01T09:00:00+01:00');
  }
  if (endOfDay && parsed.dateOnly) {
    const next = parseFlexibleDate(new Date(Date.parse(`${value.trim().slice(0, 10)}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10), 'day-first', zone)!;
    return next.ms - 1;
  }
  return parsed.ms;
}

/** "7d", "30d", "12h", "2w" before `asOf`, or an instant. */
export function parseSince(value: string, option: string, zone: string, asOf: number): number {
  const m = /^(\d+)\s*(h|d|w)$/i.exec(value.trim());
  if (!m) return parseInstant(value, option, zone);
  const n = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  const hours = unit === 'h' ? n : unit === 'd' ? n * 24 : n * 24 * 7;
  return asOf - hours * 3_600_000;
}

export function parseTimeZone(value: string): string {
  if (!isValidTimeZone(value)) throw new UsageError(`--timezone "${value}" is not an IANA time zone`, 'for example Europe/Madrid, America/Mexico_City or UTC');
  return value;
}

/** `--map "Texto original=text"` → { "Texto original": "text" }. */
export function parseColumnMap(entries: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const entry of entries) {
    const at = entry.lastIndexOf('=');
    const column = at > 0 ? entry.slice(0, at).trim() : '';
    const field =
      at > 0
        ? entry
            .slice(at + 1)
            .trim()
            .toLowerCase()
        : '';
    if (!column || !field) throw new UsageError(`--map "${entry}" must look like column=field`, `fields: ${CSV_FIELDS.join(', ')}`);
    if (!(CSV_FIELDS as readonly string[]).includes(field))
      throw new UsageError(`--map "${entry}": unknown field "${field}"`, `fields: ${CSV_FIELDS.join(', ')}`);
    map[column] = field;
  }
  return map;
}

export function parseScore(value: string, option: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new UsageError(`${option} must be a number from 0 to 100`);
  return n;
}

export function parseCount(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${option} must be a whole number ≥ 0`);
  return n;
}

/** Brand handles from repeated and comma-separated --brand values. */
export function parseHandles(values: readonly string[]): string[] {
  const handles = values
    .flatMap((v) => v.split(','))
    .map((h) => h.trim().replace(/^@/, ''))
    .filter((h) => h !== '');
  return [...new Set(handles)];
}
