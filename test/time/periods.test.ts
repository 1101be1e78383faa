import { describe, expect, it } from 'vitest';
import { parseSince, parseWindow } from '../../src/cli/options.js';
import { UsageError } from '../../src/errors.js';
import { parsePeriodSpec, parseRelativeSpan, periodRange, spanBefore } from '../../src/time/periods.js';

const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();

describe('calendar periods in the brand time zone', () => {
  it('last-week is the Monday-to-Sunday week before the one holding "now", in local time', () => {
    // Wednesday 2026-11-18, 10:00 in Madrid (UTC+1 in winter).
    const range = periodRange({ kind: 'last-week' }, 'Europe/Madrid', at('2026-11-18T09:00:00Z'));
    expect(iso(range.from)).toBe('2026-11-08T23:00:00.000Z'); // Monday 9 November, 00:00 Madrid
    expect(iso(range.until)).toBe('2026-11-15T22:59:59.999Z'); // Sunday 15 November, 23:59:59.999 Madrid
  });

  it('last-week on a Monday morning is the week that just ended, not the one before', () => {
    // Monday 2026-11-16 at 00:30 in Madrid is still Sunday 23:30 in UTC.
    const madrid = periodRange({ kind: 'last-week' }, 'Europe/Madrid', at('2026-11-15T23:30:00Z'));
    expect(iso(madrid.from)).toBe('2026-11-08T23:00:00.000Z');
    const utc = periodRange({ kind: 'last-week' }, 'UTC', at('2026-11-15T23:30:00Z'));
    expect(iso(utc.from)).toBe('2026-11-02T00:00:00.000Z');
  });

  it('a week across the autumn clock change is 7 local days (169 hours)', () => {
    // Spain goes from UTC+2 to UTC+1 on Sunday 25 October 2026.
    const range = periodRange({ kind: 'last-week' }, 'Europe/Madrid', at('2026-10-28T12:00:00Z'));
    expect(iso(range.from)).toBe('2026-10-18T22:00:00.000Z');
    expect(iso(range.until)).toBe('2026-10-25T22:59:59.999Z');
    expect((range.until + 1 - range.from) / 3_600_000).toBe(169);
  });

  it('last-month and a named month run from the 1st at local midnight to the last millisecond of the month', () => {
    const last = periodRange({ kind: 'last-month' }, 'America/Mexico_City', at('2026-03-02T05:00:00Z'));
    expect(iso(last.from)).toBe('2026-02-01T06:00:00.000Z');
    expect(iso(last.until)).toBe('2026-03-01T05:59:59.999Z');
    // 1 March 2026 at 02:00 UTC is still February in Mexico City: last month is January.
    const january = periodRange({ kind: 'last-month' }, 'America/Mexico_City', at('2026-03-01T02:00:00Z'));
    expect(iso(january.from)).toBe('2026-01-01T06:00:00.000Z');
    const named = periodRange(parsePeriodSpec('2026-10')!, 'Europe/Madrid', at('2026-12-01T00:00:00Z'));
    expect(iso(named.from)).toBe('2026-09-30T22:00:00.000Z');
    expect(iso(named.until)).toBe('2026-10-31T22:59:59.999Z');
    const december = periodRange(parsePeriodSpec('2025-12')!, 'UTC', 0);
    expect(iso(december.until)).toBe('2025-12-31T23:59:59.999Z');
  });

  it('ISO weeks: week 1 holds the first Thursday, and some years have 53', () => {
    expect(iso(periodRange(parsePeriodSpec('2026-W01')!, 'UTC', 0).from)).toBe('2025-12-29T00:00:00.000Z');
    expect(iso(periodRange(parsePeriodSpec('2026-W41')!, 'UTC', 0).from)).toBe('2026-10-05T00:00:00.000Z');
    expect(parsePeriodSpec('2026-W53')).toHaveProperty('week', 53); // 2026 starts on a Thursday
    expect(parsePeriodSpec('2025-W53')).toBeNull();
  });

  it('reads only what it knows', () => {
    expect(parsePeriodSpec('Last-Week')).toEqual({ kind: 'last-week' });
    for (const bad of ['2026-13', '2026-00', 'lastweek', '2026-W00', '2026/10', '']) expect(parsePeriodSpec(bad), bad).toBeNull();
  });
});

describe('relative spans before "now"', () => {
  it('hours, days and weeks are fixed lengths', () => {
    const now = at('2026-11-19T18:10:00Z');
    expect(spanBefore(now, parseRelativeSpan('7d')!, 'Europe/Madrid')).toBe(now - 7 * 86_400_000);
    expect(spanBefore(now, parseRelativeSpan('12h')!, 'UTC')).toBe(now - 12 * 3_600_000);
    expect(spanBefore(now, parseRelativeSpan('2w')!, 'UTC')).toBe(now - 14 * 86_400_000);
  });

  it('months are calendar months on the local wall clock, clamped to the shorter month', () => {
    expect(iso(spanBefore(at('2026-03-31T10:00:00Z'), parseRelativeSpan('1m')!, 'UTC'))).toBe('2026-02-28T10:00:00.000Z');
    expect(iso(spanBefore(at('2028-03-31T10:00:00Z'), parseRelativeSpan('1mo')!, 'UTC'))).toBe('2028-02-29T10:00:00.000Z');
    // 15 November 10:00 Madrid (UTC+1) → 15 October 10:00 Madrid (UTC+2): 08:00 UTC.
    expect(iso(spanBefore(at('2026-11-15T09:00:00Z'), parseRelativeSpan('1m')!, 'Europe/Madrid'))).toBe('2026-10-15T08:00:00.000Z');
    expect(iso(spanBefore(at('2026-01-15T00:00:00Z'), parseRelativeSpan('13m')!, 'UTC'))).toBe('2024-12-15T00:00:00.000Z');
  });

  it('--since takes a span or an instant', () => {
    const now = at('2026-11-19T18:10:00Z');
    expect(parseSince('30d', '--since', 'UTC', now)).toBe(now - 30 * 86_400_000);
    expect(iso(parseSince('1m', '--since', 'UTC', now))).toBe('2026-10-19T18:10:00.000Z');
    expect(iso(parseSince('2026-11-01', '--since', 'Europe/Madrid', now))).toBe('2026-10-31T23:00:00.000Z');
    expect(() => parseSince('1y', '--since', 'UTC', now)).toThrow(UsageError);
  });
});

describe('parseWindow: every period option checked before any input is read', () => {
  it('rejects a bad value at once, before "now" is known', () => {
    expect(() => parseWindow({ period: 'last-fortnight' }, 'UTC')).toThrow(/--period "last-fortnight" is not a period/);
    expect(() => parseWindow({ since: 'yesterday' }, 'UTC')).toThrow(/--since "yesterday"/);
    expect(() => parseWindow({ until: '31/12/2026' }, 'UTC')).toThrow(/--until/);
    expect(() => parseWindow({ period: 'last-week', since: '7d' }, 'UTC')).toThrow(/--period sets the whole period/);
    expect(() => parseWindow({ since: '2026-12-01', until: '2026-11-01' }, 'UTC')).toThrow(/--since is after --until/);
  });

  it('places the period against the audit\'s "now"', () => {
    const window = parseWindow({ period: 'last-month' }, 'Europe/Madrid');
    expect(window(at('2026-11-19T18:10:00Z'))).toEqual({ since: at('2026-09-30T22:00:00Z'), until: at('2026-10-31T22:59:59.999Z') });
    expect(parseWindow({ since: '7d' }, 'UTC')(at('2026-11-19T00:00:00Z'))).toEqual({ since: at('2026-11-12T00:00:00Z') });
    expect(parseWindow({}, 'UTC')(0)).toEqual({});
    // --until a date includes that whole day.
    expect(parseWindow({ until: '2026-11-01' }, 'UTC')(0)).toEqual({ until: at('2026-11-01T23:59:59.999Z') });
  });

  it('refuses a named period that starts after "now", and a span that ends before --since', () => {
    expect(() => parseWindow({ period: '2027-01' }, 'UTC')(at('2026-11-19T00:00:00Z'))).toThrow(/starts after "now"/);
    expect(() => parseWindow({ since: '7d', until: '2026-01-01' }, 'UTC')(at('2026-11-19T00:00:00Z'))).toThrow(/--since is after --until/);
  });
});
