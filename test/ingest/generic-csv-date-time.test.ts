/**
 * Generic CSV with the date and the time of day in separate columns (Excel "Fecha" + "Hora", tools' "date" +
 * "time"): the reader combines them per row.
 */
import { describe, it, expect } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseTimeOfDay } from '../../src/ingest/adapters/generic-csv.js';
import type { Post } from '../../src/contract/post.js';
import { cp1252, ingest } from './helpers.js';

const minutesBetween = (a: Post, b: Post): number => (Date.parse(b.createdAt) - Date.parse(a.createdAt)) / 60000;

describe('generic CSV: separate date and time columns', () => {
  it('combines Spanish "Fecha" + "Hora": the brand reply is 17 minutes after the customer, read in --timezone', async () => {
    const csv = [
      'Id;Fecha;Hora;Autor;Mensaje;En respuesta a',
      'm1;04/11/2013;10:00;Lucía Pérez;¿Por qué no funciona mi fibra?;',
      'm2;04/11/2013;10:17;TeleNovaAyuda;Hola Lucía, lo miramos ahora mismo;m1',
    ].join('\n');
    const { posts, warnings, summary } = await ingest('hilos.csv', csv, { options: { timezone: 'Europe/Madrid' } });
    expect(warnings).toEqual([]);
    expect(posts.map((p) => [p.id, p.createdAt])).toEqual([
      ['m1', '2013-11-04T09:00:00Z'],
      ['m2', '2013-11-04T09:17:00Z'],
    ]);
    expect(minutesBetween(posts[0]!, posts[1]!)).toBe(17);
    expect(summary.notes).toContain('dates combined from columns Fecha + Hora');
    expect(summary.notes.some((n) => n.startsWith('2 timestamps') && n.includes('Europe/Madrid'))).toBe(true);
    // Nothing was read as a bare date.
    expect(summary.notes.some((n) => n.includes('without a time of day'))).toBe(false);
  });

  it('combines "fecha_publicacion" + "hora_publicacion", with the day-first order proven by 13/11/2013', async () => {
    const csv = 'id,autor,fecha_publicacion,hora_publicacion,texto\n1,ana,13/11/2013,23:50,hola\n2,marca,14/11/2013,00:20,buenas\n';
    const { posts, summary } = await ingest('es.csv', csv, { options: { timezone: 'UTC' } });
    expect(posts.map((p) => p.createdAt)).toEqual(['2013-11-13T23:50:00Z', '2013-11-14T00:20:00Z']);
    expect(minutesBetween(posts[0]!, posts[1]!)).toBe(30);
    expect(summary.notes).toContain('dates combined from columns fecha_publicacion + hora_publicacion');
    expect(summary.notes.some((n) => n.includes('day-first') && n.includes('13/11/2013'))).toBe(true);
  });

  it('combines English "date" + "time" with AM/PM (12 AM is midnight, 12 PM noon), month-first proven by 03/14/2024', async () => {
    const csv = [
      'id,author,date,time,text,in_reply_to',
      '1,lucia_pz,03/14/2024,11:50 PM,my order never came,',
      '2,TeleNovaHelp,03/15/2024,12:25 AM,so sorry! DM us,1',
      '3,marta_rg,03/15/2024,12:00 PM,still waiting,',
      '4,TeleNovaHelp,03/15/2024,1:10 p.m.,on it,3',
    ].join('\n');
    const { posts, warnings, summary } = await ingest('us.csv', csv, { options: { timezone: 'UTC' } });
    expect(warnings).toEqual([]);
    expect(posts.map((p) => p.createdAt)).toEqual(['2024-03-14T23:50:00Z', '2024-03-15T00:25:00Z', '2024-03-15T12:00:00Z', '2024-03-15T13:10:00Z']);
    expect(minutesBetween(posts[0]!, posts[1]!)).toBe(35);
    expect(minutesBetween(posts[2]!, posts[3]!)).toBe(70);
    expect(summary.notes).toContain('dates combined from columns date + time');
    expect(summary.notes.some((n) => n.includes('month-first') && n.includes('03/14/2024'))).toBe(true);
  });

  it('reads a "Time (UTC)" column as UTC whatever --timezone says, and honours an offset written in the time cell', async () => {
    const utc = await ingest('utc.csv', 'id,author,Date,Time (UTC),text\n1,ana,2024-10-15,10:40,hi\n', { options: { timezone: 'America/Mexico_City' } });
    expect(utc.posts[0]!.createdAt).toBe('2024-10-15T10:40:00Z');
    expect(utc.summary.notes).toContain('dates combined from columns Date + Time (UTC)');
    expect(utc.summary.notes.some((n) => n.includes('Time (UTC)') && n.includes('read as UTC'))).toBe(true);
    expect(utc.summary.notes.some((n) => n.includes('no UTC offset'))).toBe(false);

    const offsets = await ingest(
      'off.csv',
      'id,author,date,time,text\n1,ana,2024-10-15,10:40+02:00,hi\n2,bob,2024-10-15,10:40 Z,hi\n3,eva,2024-10-15,10:40,hi\n',
      { options: { timezone: 'Europe/Madrid' } },
    );
    expect(offsets.posts.map((p) => p.createdAt)).toEqual(['2024-10-15T08:40:00Z', '2024-10-15T10:40:00Z', '2024-10-15T08:40:00Z']);
    expect(offsets.summary.notes.some((n) => n.startsWith('1 timestamp') && n.includes('Europe/Madrid'))).toBe(true);
  });

  it('reads the time layouts exports write: seconds, "14.05", "14h05", "2:05 p. m.", Excel fractions, the 1899-12-30 epoch date', async () => {
    const at = (h: number, m: number, s = 0): number => ((h * 60 + m) * 60 + s) * 1000;
    expect(parseTimeOfDay('14:05')).toEqual({ ms: at(14, 5) });
    expect(parseTimeOfDay('9:05:33')).toEqual({ ms: at(9, 5, 33) });
    expect(parseTimeOfDay('14.05')).toEqual({ ms: at(14, 5) });
    expect(parseTimeOfDay('14h05')).toEqual({ ms: at(14, 5) });
    expect(parseTimeOfDay('2:05 PM')).toEqual({ ms: at(14, 5) });
    expect(parseTimeOfDay('2:05 p. m.')).toEqual({ ms: at(14, 5) });
    expect(parseTimeOfDay('9 am')).toEqual({ ms: at(9, 0) });
    expect(parseTimeOfDay('0.5868055556')).toEqual({ ms: at(14, 5) });
    expect(parseTimeOfDay('0,5868055556')).toEqual({ ms: at(14, 5) });
    expect(parseTimeOfDay('1899-12-30 14:05:00')).toEqual({ ms: at(14, 5) });
    expect(parseTimeOfDay('14:05 UTC+2')).toEqual({ ms: at(14, 5), offsetMs: 2 * 3600_000 });
    expect(parseTimeOfDay('14:05-05:00')).toEqual({ ms: at(14, 5), offsetMs: -5 * 3600_000 });
    for (const bad of ['', '14', '25:00', '14:60', '13:00 PM', 'por la tarde', '4.5', '2024-10-15']) expect(parseTimeOfDay(bad), bad).toBeNull();

    const csv = 'id;Fecha;Hora;Autor;Mensaje\n1;15/10/2024;14.05;ana;hola\n2;15/10/2024;0,5902777778;marca;buenas\n';
    const { posts } = await ingest('excel.csv', csv, { options: { timezone: 'UTC' } });
    expect(posts.map((p) => p.createdAt)).toEqual(['2024-10-15T14:05:00Z', '2024-10-15T14:10:00Z']);
  });

  // Decision: a row whose time cannot be read is skipped, like a bad date (a made-up midnight would give false
  // response times). An empty time cell is no time: the row is kept at midnight and counted as date-only.
  it('warns "bad-time" with the line and skips the row; an empty time keeps the row as date-only; a bad date is still "bad-date"', async () => {
    const csv = [
      'Id;Fecha;Hora;Autor;Mensaje', // 1
      '1;15/10/2024;10:00;ana;hola', // 2
      '2;15/10/2024;por la tarde;luis;hola', // 3
      '3;15/10/2024;;eva;sin hora', // 4
      '4;el martes;10:05;rosa;hola', // 5
      '5;15/10/2024;10:06;marca;buenas', // 6
    ].join('\n');
    const { posts, warnings, summary } = await ingest('horas.csv', csv, { options: { timezone: 'UTC' } });
    expect(posts.map((p) => [p.id, p.createdAt, p.timePrecision])).toEqual([
      ['1', '2024-10-15T10:00:00Z', undefined],
      ['3', '2024-10-15T00:00:00Z', 'day'],
      ['5', '2024-10-15T10:06:00Z', undefined],
    ]);
    expect(warnings.map((w) => [w.input, w.line, w.code])).toEqual([
      ['horas.csv', 3, 'bad-time'],
      ['horas.csv', 5, 'bad-date'],
    ]);
    expect(warnings[0]!.message).toContain('por la tarde');
    expect(warnings[0]!.message).toContain('row skipped');
    expect(summary.notes.some((n) => n.startsWith('1 row') && n.includes('without a time of day'))).toBe(true);
  });

  it('maps --map "Momento=time" (and "Día=created_at") for headers no synonym covers', async () => {
    const csv = 'id,autor,Día,Momento,texto\n1,ana,2024-10-15,10:40,hola\n2,marca,2024-10-15,10:52,buenas\n';
    const { posts, summary } = await ingest('map.csv', csv, { options: { timezone: 'UTC', columnMap: { Día: 'created_at', Momento: 'time' } } });
    expect(posts.map((p) => p.createdAt)).toEqual(['2024-10-15T10:40:00Z', '2024-10-15T10:52:00Z']);
    expect(summary.notes).toContain('dates combined from columns Día + Momento');

    const hora = await ingest('hora.csv', 'id,autor,fecha,Hora del día,texto\n1,ana,2024-10-15,10:40,hola\n', {
      options: { timezone: 'UTC', columnMap: { 'Hora del día': 'time' } },
    });
    expect(hora.posts[0]!.createdAt).toBe('2024-10-15T10:40:00Z');
  });

  it('leaves the time column aside, with a note, when the date column already carries the time of day', async () => {
    const csv = 'id,author,created_at,time,text\n1,ana,2024-10-15 10:40,08:00,hi\n';
    const { posts, summary } = await ingest('both.csv', csv, { options: { timezone: 'UTC' } });
    expect(posts[0]!.createdAt).toBe('2024-10-15T10:40:00Z');
    expect(summary.notes.some((n) => n.includes('"time" not used'))).toBe(true);
    expect(summary.notes.some((n) => n.startsWith('dates combined'))).toBe(false);
  });

  it('keeps the date-only note for a date column without times when there is no time column', async () => {
    const { posts, summary } = await ingest('dias.csv', 'id,autor,fecha,texto\n1,ana,15/10/2024,hola\n', { options: { timezone: 'UTC' } });
    expect(posts[0]!.createdAt).toBe('2024-10-15T00:00:00Z');
    expect(summary.notes.some((n) => n.includes('without a time of day'))).toBe(true);
    expect(summary.notes.some((n) => n.startsWith('dates combined'))).toBe(false);
  });

  it('still reads a lone "time" column of full timestamps as created_at; a lone "Hora" of times of day is an InputError', async () => {
    const lone = await ingest('lone.csv', 'id,author,time,text\n1,ana,2024-10-15T10:40:00Z,hi\n2,bob,1729000000,hi\n');
    expect(lone.warnings).toEqual([]);
    expect(lone.posts.map((p) => p.createdAt)).toEqual(['2024-10-15T10:40:00Z', '2024-10-15T13:46:40Z']);

    const error = await ingest('solo-hora.csv', 'id,autor,Hora,texto\n1,ana,10:40,hola\n2,luis,10:45,hola\n', { adapterId: 'generic-csv' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/missing required column created_at/);
    expect((error as InputError).message).toContain('"Hora" holds times of day only');
    expect((error as InputError).hint ?? '').not.toContain('Hora=created_at');
  });

  it('reads a Spanish Excel export: sep=;, Windows-1252, CRLF, "Nº;Fecha;Hora;Autor;Mensaje;En respuesta a" with --map "Nº=id"', async () => {
    const text = `${[
      'sep=;',
      'Nº;Fecha;Hora;Autor;Mensaje;En respuesta a',
      '101;04/11/2013;9:58;Lucía Pérez;Llevo una semana sin línea, ¿alguien me atiende?;',
      '102;04/11/2013;10:41;TeleNova Ayuda;Hola Lucía, lo siento mucho: ¿nos pasas tu número por privado?;101',
      '103;05/11/2013;8:03;Lucía Pérez;Sigo igual…;102',
      '104;05/11/2013;8:15;TeleNova Ayuda;Ya está resuelto, ¡perdona las molestias!;103',
    ].join('\r\n')}\r\n`;
    const bytes = cp1252(text);
    // Without the --map the file is named as a CSV with no id column, and the hint proposes "Nº".
    const error = await ingest('export.csv', bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).hint).toContain('--map "Nº=id"');

    const { posts, warnings, summary } = await ingest('export.csv', bytes, { options: { columnMap: { Nº: 'id' } } });
    expect(warnings).toEqual([]);
    expect(summary.format).toBe('generic-csv');
    expect(summary.encoding).toBe('windows-1252');
    expect(posts.map((p) => [p.id, p.author, p.inReplyTo, p.createdAt])).toEqual([
      ['101', 'Lucía Pérez', undefined, '2013-11-04T08:58:00Z'],
      ['102', 'TeleNova Ayuda', '101', '2013-11-04T09:41:00Z'],
      ['103', 'Lucía Pérez', '102', '2013-11-05T07:03:00Z'],
      ['104', 'TeleNova Ayuda', '103', '2013-11-05T07:15:00Z'],
    ]);
    expect(posts[3]!.text).toBe('Ya está resuelto, ¡perdona las molestias!');
    expect(minutesBetween(posts[0]!, posts[1]!)).toBe(43);
    expect(minutesBetween(posts[2]!, posts[3]!)).toBe(12);
    expect(summary.notes).toContain('dates combined from columns Fecha + Hora');
    expect(summary.notes.find((n) => n.includes('ambiguous'))).toMatch(/day-first/);
  });
});
