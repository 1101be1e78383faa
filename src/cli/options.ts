/** Parsers for option values; each throws a UsageError that names the option. */
import { UsageError } from '../errors.js';
import { CSV_FIELDS } from '../ingest/csv/header-synonyms.js';
import { isValidTimeZone, parseFlexibleDate } from '../time/dates.js';
import { isoTime } from '../time/iso.js';
import { parsePeriodSpec, parseRelativeSpan, periodRange, spanBefore } from '../time/periods.js';

/** "60", "60m", "90min", "2h", "1.5h" → minutes. */
export function parseMinutes(value: string, option: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(m|min|h|d)?$/i.exec(value.trim());
  if (!m)
    throw new UsageError(`${option} "${value}" is not a duration`, 'write it like 60m, 90m, 2h or 1d', { id: 'error.not-duration', data: { option, value } });
  const n = Number(m[1]);
  const unit = (m[2] ?? 'm').toLowerCase();
  const minutes = unit === 'h' ? n * 60 : unit === 'd' ? n * 1440 : n;
  if (minutes <= 0) throw new UsageError(`${option} must be longer than zero`, undefined, { id: 'error.not-positive', data: { option } });
  return minutes;
}

/**
 * An instant: ISO 8601 (with or without offset: then in `zone`) or a date. `endOfDay`: a date alone means
 * the end of that day ("--until 2024-03-31" includes the 31st).
 */
export function parseInstant(value: string, option: string, zone: string, endOfDay = false): number {
  const parsed = parseFlexibleDate(value, 'day-first', zone);
  if (!parsed || !/^\d{4}-\d{2}-\d{2}/.test(value.trim())) {
    throw new UsageError(`${option} "${value}" is not an ISO 8601 date`, 'write it like 2026-11-01 or 2026-11-01T09:00:00+01:00', {
      id: 'error.not-date',
      data: { option, value },
    });
  }
  if (endOfDay && parsed.dateOnly) {
    const next = parseFlexibleDate(new Date(Date.parse(`${value.trim().slice(0, 10)}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10), 'day-first', zone)!;
    return next.ms - 1;
  }
  return parsed.ms;
}

/** "7d", "30d", "12h", "2w", "1m" (calendar months in `zone`) before `asOf`, or an instant. */
export function parseSince(value: string, option: string, zone: string, asOf: number): number {
  const span = parseRelativeSpan(value);
  return span ? spanBefore(asOf, span, zone) : parseInstant(value, option, zone);
}

/** The audited period as the options give it, checked before any input is read and placed once "now" is known. */
export type PeriodWindow = (asOf: number) => { since?: number; until?: number };

/**
 * `--since`, `--until` and `--period` together: every value is checked now (a cron line with a typo fails
 * before reading a byte); the relative ones are placed against the audit's "now" later.
 */
export function parseWindow(values: { since?: string; until?: string; period?: string }, zone: string): PeriodWindow {
  if (values.period !== undefined) {
    if (values.since !== undefined || values.until !== undefined)
      throw new UsageError('--period sets the whole period', 'use either --period or --since/--until, not both', { id: 'error.period-and-since' });
    const spec = parsePeriodSpec(values.period);
    if (!spec)
      throw new UsageError(
        `--period "${values.period}" is not a period`,
        'write last-week, last-month, a month such as 2026-10 or an ISO week such as 2026-W41',
        { id: 'error.not-period', data: { value: values.period } },
      );
    return (asOf) => {
      const range = periodRange(spec, zone, asOf);
      if (range.from > asOf)
        throw new UsageError(`--period ${values.period} starts after "now" (${isoTime(asOf)})`, 'give a later --as-of, or an earlier period', {
          id: 'error.period-after-now',
          data: { value: String(values.period), now: isoTime(asOf) },
        });
      return { since: range.from, until: range.until };
    };
  }
  const span = values.since === undefined ? null : parseRelativeSpan(values.since);
  const fixedSince = values.since === undefined || span ? undefined : parseInstant(values.since, '--since', zone);
  const until = values.until === undefined ? undefined : parseInstant(values.until, '--until', zone, true);
  if (fixedSince !== undefined && until !== undefined && fixedSince > until)
    throw new UsageError('--since is after --until', 'the period would be empty', { id: 'error.since-after-until' });
  return (asOf) => {
    const since = span ? spanBefore(asOf, span, zone) : fixedSince;
    if (since !== undefined && until !== undefined && since > until) throw new UsageError('--since is after --until', 'the period would be empty');
    return { ...(since !== undefined ? { since } : {}), ...(until !== undefined ? { until } : {}) };
  };
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
