import { describe, it, expect } from 'vitest';
import { inferDateOrder, isValidTimeZone, looksNumericDate, parseFlexibleDate, parseTwitterDate, wallTimeToUtc, zoneOffsetMs } from '../../src/time/dates.js';

const utc = (iso: string): number => Date.parse(iso);
const wall = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h, mi, s);
const MADRID = 'Europe/Madrid';

describe('parseTwitterDate', () => {
  it('reads the v1.1 layout with +0000', () => {
    expect(parseTwitterDate('Wed Oct 10 20:19:24 +0000 2018')).toBe(utc('2018-10-10T20:19:24Z'));
    expect(parseTwitterDate('Tue Oct 31 22:10:47 +0000 2017')).toBe(utc('2017-10-31T22:10:47Z'));
  });

  it('applies a non-zero offset', () => {
    expect(parseTwitterDate('Tue Oct 31 22:10:47 +0200 2017')).toBe(utc('2017-10-31T20:10:47Z'));
    expect(parseTwitterDate('Tue Oct 31 22:10:47 -0530 2017')).toBe(utc('2017-11-01T03:40:47Z'));
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseTwitterDate('Sat Feb 29 10:00:00 +0000 2020')).toBe(utc('2020-02-29T10:00:00Z'));
    expect(parseTwitterDate('Wed Mar 01 10:00:00 +0000 2017')).toBe(utc('2017-03-01T10:00:00Z'));
    expect(parseTwitterDate('Wed Feb 29 10:00:00 +0000 2017')).toBeNull();
  });

  it('rejects impossible days and times instead of rolling them over', () => {
    expect(parseTwitterDate('Thu Feb 30 10:00:00 +0000 2017')).toBeNull();
    expect(parseTwitterDate('Thu Apr 31 10:00:00 +0000 2017')).toBeNull();
    expect(parseTwitterDate('Thu Apr 00 10:00:00 +0000 2017')).toBeNull();
    expect(parseTwitterDate('Wed Oct 10 24:19:24 +0000 2018')).toBeNull();
    expect(parseTwitterDate('Wed Oct 10 20:60:24 +0000 2018')).toBeNull();
  });

  it('rejects other layouts', () => {
    expect(parseTwitterDate('2018-10-10T20:19:24Z')).toBeNull();
    expect(parseTwitterDate('Wed Oct 10 20:19:24 2018')).toBeNull();
    expect(parseTwitterDate('Wed Xyz 10 20:19:24 +0000 2018')).toBeNull();
    expect(parseTwitterDate('Wed Oct 10 20:19:24 0000+ 2018')).toBeNull();
    expect(parseTwitterDate('Wed Oct 1a 20:19:24 +0000 2018')).toBeNull();
    expect(parseTwitterDate('Wed Oct 10 20:19:24 +0000 201')).toBeNull();
    expect(parseTwitterDate('')).toBeNull();
  });
});

describe('parseFlexibleDate: ISO 8601', () => {
  it('reads Z, ±hh:mm, ±hhmm and ±hh offsets as explicit', () => {
    expect(parseFlexibleDate('2024-05-01T10:00:00Z', 'day-first', MADRID)).toEqual({ ms: utc('2024-05-01T10:00:00Z'), hasOffset: true, dateOnly: false });
    expect(parseFlexibleDate('2024-05-01T10:00:00+02:00', 'day-first', MADRID)!.ms).toBe(utc('2024-05-01T08:00:00Z'));
    expect(parseFlexibleDate('2024-05-01T10:00:00+0200', 'day-first', MADRID)!.ms).toBe(utc('2024-05-01T08:00:00Z'));
    expect(parseFlexibleDate('2024-05-01T10:00:00+02', 'day-first', MADRID)!.ms).toBe(utc('2024-05-01T08:00:00Z'));
    expect(parseFlexibleDate('2024-05-01T10:00:00-03:00', 'day-first', MADRID)!.ms).toBe(utc('2024-05-01T13:00:00Z'));
    expect(parseFlexibleDate('2024-05-01T10:00:00+05:30', 'day-first', MADRID)!.ms).toBe(utc('2024-05-01T04:30:00Z'));
    expect(parseFlexibleDate('2024-05-01t10:00:00z', 'day-first', MADRID)!.ms).toBe(utc('2024-05-01T10:00:00Z'));
  });

  it('keeps fractional seconds', () => {
    expect(parseFlexibleDate('2024-05-01T10:00:00.123Z', 'day-first', MADRID)!.ms).toBe(utc('2024-05-01T10:00:00.123Z'));
    expect(parseFlexibleDate('2024-05-01T10:00:00.123456+00:00', 'day-first', MADRID)!.ms).toBe(utc('2024-05-01T10:00:00.123Z'));
  });

  it('reads "2013-11-04 10:00:00 +0000" (space before the offset, Grailbird)', () => {
    expect(parseFlexibleDate('2013-11-04 10:00:00 +0000', 'day-first', MADRID)).toEqual({ ms: utc('2013-11-04T10:00:00Z'), hasOffset: true, dateOnly: false });
  });

  it('reads a time without offset in the given zone, summer and winter', () => {
    expect(parseFlexibleDate('2024-05-01T10:00:00', 'day-first', MADRID)).toEqual({ ms: utc('2024-05-01T08:00:00Z'), hasOffset: false, dateOnly: false });
    expect(parseFlexibleDate('2024-01-15 10:00', 'day-first', MADRID)!.ms).toBe(utc('2024-01-15T09:00:00Z'));
    expect(parseFlexibleDate('2024-01-15 10:00', 'day-first', 'America/Mexico_City')!.ms).toBe(utc('2024-01-15T16:00:00Z'));
    expect(parseFlexibleDate('2024-01-15 10:00', 'day-first', 'UTC')!.ms).toBe(utc('2024-01-15T10:00:00Z'));
  });

  it('uses the offset in force on the day around the DST changes', () => {
    // Europe/Madrid: CET→CEST on 2024-03-31 at 02:00, CEST→CET on 2024-10-27 at 03:00.
    expect(parseFlexibleDate('2024-03-30 12:00', 'day-first', MADRID)!.ms).toBe(utc('2024-03-30T11:00:00Z'));
    expect(parseFlexibleDate('2024-03-31 12:00', 'day-first', MADRID)!.ms).toBe(utc('2024-03-31T10:00:00Z'));
    expect(parseFlexibleDate('2024-03-31 01:30', 'day-first', MADRID)!.ms).toBe(utc('2024-03-31T00:30:00Z'));
    expect(parseFlexibleDate('2024-03-31 03:30', 'day-first', MADRID)!.ms).toBe(utc('2024-03-31T01:30:00Z'));
    expect(parseFlexibleDate('2024-10-26 12:00', 'day-first', MADRID)!.ms).toBe(utc('2024-10-26T10:00:00Z'));
    expect(parseFlexibleDate('2024-10-27 12:00', 'day-first', MADRID)!.ms).toBe(utc('2024-10-27T11:00:00Z'));
  });

  it('reads a date alone as local midnight and says so', () => {
    expect(parseFlexibleDate('2013-11-04', 'day-first', MADRID)).toEqual({ ms: utc('2013-11-03T23:00:00Z'), hasOffset: false, dateOnly: true });
  });

  it('rejects impossible ISO dates', () => {
    expect(parseFlexibleDate('2024-02-30T10:00:00Z', 'day-first', MADRID)).toBeNull();
    expect(parseFlexibleDate('2024-13-01', 'day-first', MADRID)).toBeNull();
    expect(parseFlexibleDate('2024-05-01T25:00:00Z', 'day-first', MADRID)).toBeNull();
    expect(parseFlexibleDate('2024-05-01T10:61:00Z', 'day-first', MADRID)).toBeNull();
  });

  // Regression (fixed): "YYYY-MM-DD hh:mm:ss UTC" (Reddit's data-request CSV, listed in formats-samples §5.9 as
  // 2025-05-18T04:35:32Z) is rejected, so every row of such a CSV is skipped as bad-date.
  it('reads a trailing "UTC" zone name', () => {
    expect(parseFlexibleDate('2025-05-18 04:35:32 UTC', 'day-first', MADRID)).toEqual({ ms: utc('2025-05-18T04:35:32Z'), hasOffset: true, dateOnly: false });
  });
});

describe('parseFlexibleDate: other layouts', () => {
  it('reads Twitter dates', () => {
    expect(parseFlexibleDate('Wed Oct 10 20:19:24 +0000 2018', 'day-first', MADRID)).toEqual({
      ms: utc('2018-10-10T20:19:24Z'),
      hasOffset: true,
      dateOnly: false,
    });
  });

  it('reads epoch seconds and milliseconds', () => {
    expect(parseFlexibleDate('1729000000', 'day-first', MADRID)).toEqual({ ms: utc('2024-10-15T13:46:40Z'), hasOffset: true, dateOnly: false });
    expect(parseFlexibleDate('1729000000123', 'day-first', MADRID)!.ms).toBe(utc('2024-10-15T13:46:40.123Z'));
  });

  it('reads numeric dates day-first or month-first as told', () => {
    expect(parseFlexibleDate('04/11/2013 10:00', 'day-first', MADRID)).toEqual({ ms: utc('2013-11-04T09:00:00Z'), hasOffset: false, dateOnly: false });
    expect(parseFlexibleDate('04/11/2013 10:00', 'month-first', MADRID)!.ms).toBe(utc('2013-04-11T08:00:00Z'));
    expect(parseFlexibleDate('10/03/2024 08:31', 'month-first', 'UTC')!.ms).toBe(utc('2024-10-03T08:31:00Z'));
    expect(parseFlexibleDate('13/11/2013 18:42', 'day-first', MADRID)!.ms).toBe(utc('2013-11-13T17:42:00Z'));
    expect(parseFlexibleDate('04.11.2013', 'day-first', 'UTC')!.ms).toBe(utc('2013-11-04T00:00:00Z'));
    expect(parseFlexibleDate('04-11-2013 10:00:30', 'day-first', 'UTC')!.ms).toBe(utc('2013-11-04T10:00:30Z'));
    expect(parseFlexibleDate('4/11/2013', 'day-first', 'UTC')).toEqual({ ms: utc('2013-11-04T00:00:00Z'), hasOffset: false, dateOnly: true });
  });

  it('rejects a numeric date that is impossible in the chosen order', () => {
    expect(parseFlexibleDate('13/11/2013', 'month-first', MADRID)).toBeNull();
    expect(parseFlexibleDate('10/14/2024', 'day-first', MADRID)).toBeNull();
    expect(parseFlexibleDate('31/02/2024', 'day-first', MADRID)).toBeNull();
    expect(parseFlexibleDate('04/11/2013 24:00', 'day-first', MADRID)).toBeNull();
    expect(parseFlexibleDate('04/11-2013', 'day-first', MADRID)).toBeNull();
  });

  it('reads two-digit years as 20xx', () => {
    expect(parseFlexibleDate('04/11/13 10:00', 'day-first', 'UTC')!.ms).toBe(utc('2013-11-04T10:00:00Z'));
  });

  it('reads am/pm, including 12 am and 12 pm', () => {
    expect(parseFlexibleDate('10/03/2024 08:31 PM', 'month-first', 'UTC')!.ms).toBe(utc('2024-10-03T20:31:00Z'));
    expect(parseFlexibleDate('10/03/2024 8:31 a.m.', 'month-first', 'UTC')!.ms).toBe(utc('2024-10-03T08:31:00Z'));
    expect(parseFlexibleDate('10/03/2024 12:05 am', 'month-first', 'UTC')!.ms).toBe(utc('2024-10-03T00:05:00Z'));
    expect(parseFlexibleDate('10/03/2024 12:05 pm', 'month-first', 'UTC')!.ms).toBe(utc('2024-10-03T12:05:00Z'));
    expect(parseFlexibleDate('10/03/2024 13:05 pm', 'month-first', 'UTC')).toBeNull();
    expect(parseFlexibleDate('10/03/2024 0:05 am', 'month-first', 'UTC')).toBeNull();
  });

  it('reads a numeric date with an explicit offset as explicit', () => {
    expect(parseFlexibleDate('04/11/2013 10:00 +01:00', 'day-first', 'America/Mexico_City')).toEqual({
      ms: utc('2013-11-04T09:00:00Z'),
      hasOffset: true,
      dateOnly: false,
    });
  });

  it('reads Spanish long dates', () => {
    expect(parseFlexibleDate('4 de noviembre de 2013 10:00', 'day-first', MADRID)).toEqual({
      ms: utc('2013-11-04T09:00:00Z'),
      hasOffset: false,
      dateOnly: false,
    });
    expect(parseFlexibleDate('4 de noviembre de 2013', 'day-first', MADRID)).toEqual({ ms: utc('2013-11-03T23:00:00Z'), hasOffset: false, dateOnly: true });
    expect(parseFlexibleDate('4 de noviembre de 2013 a las 10:00', 'day-first', 'UTC')!.ms).toBe(utc('2013-11-04T10:00:00Z'));
    expect(parseFlexibleDate('14 de octubre de 2024', 'day-first', 'UTC')!.ms).toBe(utc('2024-10-14T00:00:00Z'));
    expect(parseFlexibleDate('1 de septiembre de 2024', 'day-first', 'UTC')!.ms).toBe(utc('2024-09-01T00:00:00Z'));
    expect(parseFlexibleDate('1 de setiembre de 2024', 'day-first', 'UTC')!.ms).toBe(utc('2024-09-01T00:00:00Z'));
    expect(parseFlexibleDate('3 Diciembre 2024', 'day-first', 'UTC')!.ms).toBe(utc('2024-12-03T00:00:00Z'));
  });

  it('reads Spanish and English abbreviated months, with or without a dot', () => {
    expect(parseFlexibleDate('4 nov. 2013', 'day-first', 'UTC')).toEqual({ ms: utc('2013-11-04T00:00:00Z'), hasOffset: false, dateOnly: true });
    expect(parseFlexibleDate('4 nov 2013', 'day-first', 'UTC')!.ms).toBe(utc('2013-11-04T00:00:00Z'));
    expect(parseFlexibleDate('15 ene. 2024', 'day-first', 'UTC')!.ms).toBe(utc('2024-01-15T00:00:00Z'));
    expect(parseFlexibleDate('15 abr 2024', 'day-first', 'UTC')!.ms).toBe(utc('2024-04-15T00:00:00Z'));
    expect(parseFlexibleDate('15 ago. 2024', 'day-first', 'UTC')!.ms).toBe(utc('2024-08-15T00:00:00Z'));
    expect(parseFlexibleDate('15 dic 2024', 'day-first', 'UTC')!.ms).toBe(utc('2024-12-15T00:00:00Z'));
    expect(parseFlexibleDate('20 April 2026', 'day-first', 'UTC')!.ms).toBe(utc('2026-04-20T00:00:00Z'));
  });

  it('reads English month-first dates', () => {
    expect(parseFlexibleDate('November 4, 2013', 'day-first', 'UTC')).toEqual({ ms: utc('2013-11-04T00:00:00Z'), hasOffset: false, dateOnly: true });
    expect(parseFlexibleDate('Nov 4, 2013', 'day-first', 'UTC')!.ms).toBe(utc('2013-11-04T00:00:00Z'));
    expect(parseFlexibleDate('Sept. 30, 2024', 'day-first', 'UTC')!.ms).toBe(utc('2024-09-30T00:00:00Z'));
    expect(parseFlexibleDate('Nov 4, 2013 at 3:15 PM', 'day-first', 'UTC')!.ms).toBe(utc('2013-11-04T15:15:00Z'));
    expect(parseFlexibleDate('November 4, 2013 10:00', 'day-first', MADRID)!.ms).toBe(utc('2013-11-04T09:00:00Z'));
  });

  it('returns null for text it cannot read unambiguously', () => {
    for (const value of [
      '',
      '   ',
      'mañana',
      'hace 2 semanas',
      'ayer',
      '4 de brumario de 2013',
      'Foo 4, 2013',
      'noviembre de 2013',
      '2013',
      '31 de febrero de 2024',
      'February 30, 2024',
    ]) {
      expect(parseFlexibleDate(value, 'day-first', MADRID), value).toBeNull();
    }
  });

  it('trims surrounding whitespace', () => {
    expect(parseFlexibleDate('  2024-05-01T10:00:00Z \t', 'day-first', MADRID)!.ms).toBe(utc('2024-05-01T10:00:00Z'));
  });
});

describe('inferDateOrder', () => {
  it('a first field over 12 proves day-first, and names the proof', () => {
    expect(inferDateOrder(['04/11/2013 10:00', '13/11/2013 18:42', '05/11/2013'])).toEqual({ order: 'day-first', evidence: '13/11/2013 18:42' });
  });

  it('a second field over 12 proves month-first', () => {
    expect(inferDateOrder(['10/03/2024 08:31', '10/14/2024'])).toEqual({ order: 'month-first', evidence: '10/14/2024' });
  });

  it('returns null when nothing proves an order, or when the column contradicts itself', () => {
    expect(inferDateOrder(['04/11/2013', '05/11/2013', '12/12/2013'])).toBeNull();
    expect(inferDateOrder(['13/11/2013', '10/14/2024'])).toBeNull();
    expect(inferDateOrder(['2024-10-15T10:00:00Z', 'hola'])).toBeNull();
    expect(inferDateOrder([])).toBeNull();
  });

  it('accepts dots and dashes as separators', () => {
    expect(inferDateOrder(['25.12.2024'])!.order).toBe('day-first');
    expect(inferDateOrder(['12-25-2024'])!.order).toBe('month-first');
  });

  it('looksNumericDate tells numeric dates from ISO ones', () => {
    expect(looksNumericDate('04/11/2013 10:00')).toBe(true);
    expect(looksNumericDate('2013-11-04')).toBe(false);
    expect(looksNumericDate('4 nov 2013')).toBe(false);
  });
});

describe('wallTimeToUtc and zones', () => {
  it('converts Madrid wall time in winter (+1) and summer (+2)', () => {
    expect(wallTimeToUtc(wall(2024, 1, 15, 12), MADRID)).toBe(utc('2024-01-15T11:00:00Z'));
    expect(wallTimeToUtc(wall(2024, 7, 1, 12), MADRID)).toBe(utc('2024-07-01T10:00:00Z'));
  });

  it('handles the hours right before and after each DST change', () => {
    expect(wallTimeToUtc(wall(2024, 3, 31, 1, 59), MADRID)).toBe(utc('2024-03-31T00:59:00Z'));
    expect(wallTimeToUtc(wall(2024, 3, 31, 3, 0), MADRID)).toBe(utc('2024-03-31T01:00:00Z'));
    expect(wallTimeToUtc(wall(2024, 10, 27, 1, 59), MADRID)).toBe(utc('2024-10-26T23:59:00Z'));
    expect(wallTimeToUtc(wall(2024, 10, 27, 3, 0), MADRID)).toBe(utc('2024-10-27T02:00:00Z'));
  });

  it('maps a wall time in the spring gap or the autumn overlap to one of its two candidate instants', () => {
    // 02:30 does not exist on 2024-03-31 in Madrid; 02:30 happens twice on 2024-10-27.
    expect([utc('2024-03-31T00:30:00Z'), utc('2024-03-31T01:30:00Z')]).toContain(wallTimeToUtc(wall(2024, 3, 31, 2, 30), MADRID));
    expect([utc('2024-10-27T00:30:00Z'), utc('2024-10-27T01:30:00Z')]).toContain(wallTimeToUtc(wall(2024, 10, 27, 2, 30), MADRID));
  });

  it('handles other hemispheres and zones', () => {
    expect(wallTimeToUtc(wall(2024, 1, 15, 12), 'America/Santiago')).toBe(utc('2024-01-15T15:00:00Z'));
    expect(wallTimeToUtc(wall(2024, 7, 15, 12), 'America/Santiago')).toBe(utc('2024-07-15T16:00:00Z'));
    expect(wallTimeToUtc(wall(2024, 3, 10, 12), 'America/New_York')).toBe(utc('2024-03-10T16:00:00Z'));
    expect(wallTimeToUtc(wall(2024, 1, 15, 12), 'Atlantic/Canary')).toBe(utc('2024-01-15T12:00:00Z'));
    expect(wallTimeToUtc(wall(2024, 1, 15, 12), 'UTC')).toBe(utc('2024-01-15T12:00:00Z'));
  });

  it('zoneOffsetMs and isValidTimeZone', () => {
    expect(zoneOffsetMs(utc('2024-07-01T10:00:00Z'), MADRID)).toBe(2 * 3600_000);
    expect(zoneOffsetMs(utc('2024-01-01T10:00:00Z'), MADRID)).toBe(3600_000);
    expect(zoneOffsetMs(utc('2024-01-01T10:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * 3600_000);
    expect(isValidTimeZone(MADRID)).toBe(true);
    expect(isValidTimeZone('Europe/Madird')).toBe(false);
  });
});
