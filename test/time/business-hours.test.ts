import { describe, expect, it } from 'vitest';
import { businessMs, parseBusinessHours } from '../../src/time/business-hours.js';
import { readHolidays } from '../../src/io/resources.js';

const expandHolidays = (entries: string[]): Set<string> => readHolidays(entries).dates;
import { ConfigError } from '../../src/errors.js';

const MADRID = parseBusinessHours('mon-fri 09:00-18:00', 'Europe/Madrid', expandHolidays(['ES']));
const minutes = (from: string, to: string, hours = MADRID): number => businessMs(Date.parse(from), Date.parse(to), hours) / 60000;

describe('business-hours clock', () => {
  it("counts only open time, in the brand's zone", () => {
    // Monday 5 Oct 2026, Madrid is UTC+2: 10:00–11:30 local.
    expect(minutes('2026-10-05T08:00:00Z', '2026-10-05T09:30:00Z')).toBe(90);
    // Friday 16 Oct 17:00 local to Monday 19 Oct 10:00 local: 1 h on Friday + 1 h on Monday.
    expect(minutes('2026-10-16T15:00:00Z', '2026-10-19T08:00:00Z')).toBe(120);
  });

  it('starts a message sent while closed at the next opening', () => {
    // Saturday 17 Oct, 12:00 local, answered Monday 19 Oct at 09:30 local: 30 business minutes.
    expect(minutes('2026-10-17T10:00:00Z', '2026-10-19T07:30:00Z')).toBe(30);
  });

  it('uses the real wait when the reply comes within the same closed period (never a zero)', () => {
    // Tuesday 6 Oct, 20:00 → 20:45 local.
    expect(minutes('2026-10-06T18:00:00Z', '2026-10-06T18:45:00Z')).toBe(45);
  });

  it('skips national holidays: 12 October is closed in Spain', () => {
    // Friday 9 Oct 17:30 local → Tuesday 13 Oct 09:30 local: 30 + 30 min (Monday 12 is a holiday).
    expect(minutes('2026-10-09T15:30:00Z', '2026-10-13T07:30:00Z')).toBe(60);
  });

  it('handles the DST change (25 Oct 2026 in Madrid)', () => {
    // Friday 23 Oct 17:00 (UTC+2) → Monday 26 Oct 10:00 (UTC+1): 1 h + 1 h.
    expect(minutes('2026-10-23T15:00:00Z', '2026-10-26T09:00:00Z')).toBe(120);
  });

  it('reads Spanish day names and day lists, and rejects nonsense with a ConfigError', () => {
    const hours = parseBusinessHours('lun-sáb 08:30-20:00', 'America/Mexico_City', expandHolidays(['MX']));
    expect(hours.days).toEqual([false, true, true, true, true, true, true]);
    expect(hours.holidays.has('2026-11-16')).toBe(true); // third Monday of November
    expect(() => parseBusinessHours('weekdays 9-5', 'UTC', new Set())).toThrow(ConfigError);
    expect(() => parseBusinessHours('mon-fri 18:00-09:00', 'UTC', new Set())).toThrow(ConfigError);
    expect(() => expandHolidays(['XX'])).toThrow(ConfigError);
    expect([...expandHolidays(['2026-09-08'])]).toEqual(['2026-09-08']);
  });
});
