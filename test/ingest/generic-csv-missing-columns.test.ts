/**
 * A delimited file with a header but without the required columns: detected as a CSV (not "unknown
 * format"), and refused with an InputError that names what is missing and suggests a --map.
 */
import { describe, it, expect } from 'vitest';
import { InputError } from '../../src/errors.js';
import { detectAdapter } from '../../src/ingest/index.js';
import { genericCsvAdapter } from '../../src/ingest/adapters/generic-csv.js';
import { ingest, sourceFrom } from './helpers.js';

async function detected(name: string, data: string): Promise<{ id: string | undefined; confidence: number }> {
  const source = await sourceFrom(name, data);
  const found = detectAdapter({ name, head: source.head });
  return { id: found?.adapter.id, confidence: found?.detection.confidence ?? 0 };
}

/** Detects the format like the CLI does (no forced adapter) and expects the read to fail with an InputError. */
async function refused(name: string, data: string, columnMap: Record<string, string> = {}): Promise<InputError> {
  const error = await ingest(name, data, { options: { columnMap } }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('generic CSV: a table without the required columns', () => {
  it('is still detected as generic-csv, with a low confidence, when it has a header and ≥ 3 columns of one width', async () => {
    expect(await detected('raro.csv', 'Quién;Cuándo;Lo que dijo\nana;2024-01-01 10:00;hola\nluis;2024-01-01 11:00;adiós\n')).toEqual({
      id: 'generic-csv',
      confidence: 0.1,
    });
    // Quoted texts with the delimiter inside do not make the table look ragged.
    expect((await detected('q.csv', 'Quién,Cuándo,Lo que dijo\nana,2024-01-01 10:00,"hola, ¿qué tal?"\nluis,2024-01-01 11:00,"uno, dos, tres"\n')).id).toBe(
      'generic-csv',
    );
    expect(genericCsvAdapter.detect({ name: 'x.csv', head: 'a|b|c\n1|2|3' }).confidence).toBe(0.1);
  });

  it('is not claimed when it is prose, two columns, a single line, or a headerless list of values', async () => {
    expect((await detected('notas.txt', 'Hola, buenas, tardes\nQuería saber, por favor, el estado\n')).id).toBeUndefined();
    expect((await detected('notas.txt', 'Ayer fui, vi la tienda, y me gustó.\nHoy volví, compré algo, y me fui.\n')).id).toBeUndefined();
    expect((await detected('dos.csv', 'nombre,valor\nana,1\nluis,2\n')).id).toBeUndefined();
    expect((await detected('una.csv', 'Quién;Cuándo;Lo que dijo\n')).id).toBeUndefined();
    expect((await detected('datos.csv', '2024-01-01;12;7\n2024-01-02;13;8\n')).id).toBeUndefined();
  });

  it('Spanish: names the file, the missing fields with accepted names, what it found, and a --map by name and content', async () => {
    const csv = [
      'Ref;Usuario del foro;Publicado el;Mensaje del cliente;Canal',
      'A-101;lucia_pz;04/11/2013 10:00;Llevo una semana sin línea y nadie me responde;Facebook',
      'A-102;TeleNova;04/11/2013 10:20;Hola Lucía, ¿nos escribes por privado?;Facebook',
      'A-103;marta_rg;05/11/2013 09:00;La factura viene mal otra vez;Facebook',
    ].join('\n');
    const error = await refused('foro.csv', csv);
    expect(error.message).toContain('foro.csv');
    expect(error.message).toContain('this CSV is missing required columns id, author, created_at, text');
    expect(error.message).toContain('Found: Ref, Usuario del foro, Publicado el, Mensaje del cliente, Canal');
    // A few accepted names per missing field, English and Spanish.
    expect(error.message).toMatch(/author \(author, [^)]*usuario/);
    expect(error.message).toMatch(/text \(text, message, [^)]*mensaje/);
    expect(error.hint).toBe('try --map "Ref=id" --map "Usuario del foro=author" --map "Publicado el=created_at" --map "Mensaje del cliente=text"');
    // "Canal" is already mapped (platform): it is not proposed.
    expect(error.hint).not.toContain('Canal');

    // The suggested --map works.
    const { posts, warnings } = await ingest('foro.csv', csv, {
      options: { columnMap: { Ref: 'id', 'Usuario del foro': 'author', 'Publicado el': 'created_at', 'Mensaje del cliente': 'text' } },
    });
    expect(warnings).toEqual([]);
    expect(posts.map((p) => [p.id, p.author, p.platform])).toEqual([
      ['A-101', 'lucia_pz', 'facebook'],
      ['A-102', 'TeleNova', 'facebook'],
      ['A-103', 'marta_rg', 'facebook'],
    ]);
  });

  it('English: proposes columns by name ("Posted by", "Posted on", "Body of the post") and content (dates, unique ids)', async () => {
    const csv = [
      'Ref,Posted by,Posted on,Body of the post',
      'r1,lucia_pz,2024-10-15 10:40,my line has been down for a week now',
      'r2,TeleNovaHelp,2024-10-15 11:02,sorry to hear that - please DM us your number',
    ].join('\n');
    const error = await refused('forum.csv', csv);
    expect(error.message).toContain('missing required columns id, author, created_at, text');
    expect(error.hint).toBe('try --map "Ref=id" --map "Posted by=author" --map "Posted on=created_at" --map "Body of the post=text"');
  });

  it('never proposes an id-like column for created_at, nor a date column for id', async () => {
    // "Publicación" (a date word) holds 19-digit ids; "Código" (an id word) holds dates.
    const csv = [
      'Publicación;Código;Cliente;Texto',
      '1846128913281982466;2024-10-15 10:40;lucia_pz;hola, ¿me ayudáis?',
      '1846128913281982467;2024-10-15 10:52;TeleNova;claro, dinos',
      '1846128913281982468;2024-10-15 11:03;marta_rg;otra queja',
    ].join('\n');
    const error = await refused('ids.csv', csv);
    expect(error.message).toContain('missing required columns id, author, created_at');
    expect(error.hint).toContain('--map "Publicación=id"');
    expect(error.hint).toContain('--map "Cliente=author"');
    expect(error.hint).not.toContain('Publicación=created_at');
    expect(error.hint).not.toContain('Código=id');
    expect(error.hint).toContain('no column looks like created_at');
  });

  it('"Fecha;Hora;Autor;Mensaje" without an id: the error names id only and proposes neither the date nor the time', async () => {
    const csv = 'Fecha;Hora;Autor;Mensaje\r\n04/11/2013;10:00;Lucía Pérez;¿Hay alguien?\r\n04/11/2013;10:20;TeleNova Ayuda;Aquí estamos\r\n';
    const error = await refused('sin-id.csv', csv);
    expect(error.message).toMatch(/missing required column id\b/);
    expect(error.message).not.toMatch(/missing required columns?[^.]*(author|created_at|text)/);
    expect(error.message).toContain('Found: Fecha, Hora, Autor, Mensaje');
    expect(error.message).toContain('message_id');
    expect(error.hint).toMatch(/no column looks like id/);
    expect(error.hint).not.toMatch(/Fecha=|Hora=/);
  });

  it('gives no --map for a column the values rule out, and a hint that still tells how to map', async () => {
    // "Cuándo fue" holds no dates: it is never proposed for created_at, however good its name.
    const error = await refused('malas.csv', 'id;autor;Cuándo fue;texto\n1;ana;ayer;hola\n2;luis;hoy;adiós\n');
    expect(error.message).toMatch(/missing required column created_at/);
    expect(error.hint).not.toContain('Cuándo fue=created_at');
    expect(error.hint).toContain('--map "Column name=created_at"');
  });
});
