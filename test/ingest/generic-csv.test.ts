import { describe, it, expect } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseRating } from '../../src/ingest/adapters/generic-csv.js';
import { parseFlagCell, parseRoleCell } from '../../src/ingest/csv/header-synonyms.js';
import { cp1252, ingest, utf16le } from './helpers.js';

const iso = (ms: string): string => new Date(Date.parse(ms)).toISOString().replace('.000Z', 'Z');

async function ingestError(name: string, data: string | Uint8Array, options = {}): Promise<InputError> {
  const error = await ingest(name, data, { adapterId: 'generic-csv', options }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('generic CSV: columns', () => {
  it('maps the English contract headers and every optional field', async () => {
    const csv = [
      'id,author,created_at,text,in_reply_to,thread_id,platform,url,rating,lang,role,deleted',
      '1,lucia_pz,2024-10-15T10:40:00+02:00,My line has been down for a week,,t1,Twitter,https://x.com/lucia_pz/status/1,,ES,customer,false',
      '2,TeleNovaAyuda,2024-10-15T11:02:00+02:00,"Sorry, Lucía: we are on it",1,t1,twitter,,,es,brand,',
      '3,marta_rg,2024-10-16T09:00:00Z,Terrible service,,t2,google,,2,en,cliente,true',
    ].join('\n');
    const { posts, warnings, summary } = await ingest('hilos.csv', csv);
    expect(summary.format).toBe('generic-csv');
    expect(summary.posts).toBe(3);
    expect(warnings).toEqual([]);
    expect(posts[0]).toEqual({
      id: '1',
      platform: 'x',
      author: 'lucia_pz',
      createdAt: '2024-10-15T08:40:00Z',
      text: 'My line has been down for a week',
      threadId: 't1',
      url: 'https://x.com/lucia_pz/status/1',
      lang: 'es',
      role: 'customer',
      source: { file: 'hilos.csv', line: 2 },
    });
    expect(posts[1]).toEqual({
      id: '2',
      platform: 'x',
      author: 'TeleNovaAyuda',
      createdAt: '2024-10-15T09:02:00Z',
      text: 'Sorry, Lucía: we are on it',
      inReplyTo: '1',
      threadId: 't1',
      lang: 'es',
      role: 'brand',
      source: { file: 'hilos.csv', line: 3 },
    });
    expect(posts[2]).toMatchObject({ id: '3', platform: 'google', rating: 2, lang: 'en', role: 'customer', deleted: true });
  });

  it('maps Spanish headers with accents and mixed case ("Fecha de creación", "Valoración"…)', async () => {
    const csv = [
      'ID del mensaje;Autor;Fecha de creación;Mensaje;En respuesta a;Canal;Valoración;Rol;Borrado',
      'm1;Lucía Pérez;2024-10-15T10:40:00+02:00;¿Por qué no funciona mi fibra?;;Facebook;;cliente;no',
      'm2;Café Luna;2024-10-15T10:55:00+02:00;Hola Lucía, te escribimos por privado;m1;Facebook;;marca;',
      'm3;Tom Baker;2024-10-16T12:00:00+02:00;Great view, slow check-in;;Google;4,5;;sí',
    ].join('\n');
    const { posts, warnings } = await ingest('export-es.csv', csv);
    expect(warnings).toEqual([]);
    expect(posts.map((p) => [p.id, p.author, p.platform, p.inReplyTo, p.role, p.rating, p.deleted])).toEqual([
      ['m1', 'Lucía Pérez', 'facebook', undefined, 'customer', undefined, undefined],
      ['m2', 'Café Luna', 'facebook', 'm1', 'brand', undefined, undefined],
      ['m3', 'Tom Baker', 'google', undefined, undefined, 4.5, true],
    ]);
    expect(posts[0]!.createdAt).toBe('2024-10-15T08:40:00Z');
    expect(posts[0]!.text).toBe('¿Por qué no funciona mi fibra?');
  });

  it('matches other synonyms: "texto", "fecha", "usuario", "respuesta_a", "Created At", "TEXT"', async () => {
    const es = await ingest('a.csv', 'id,usuario,fecha,texto,respuesta_a\n1,ana,2024-01-01T10:00:00Z,hola,\n2,marca,2024-01-01T10:05:00Z,buenas,1\n');
    expect(es.posts.map((p) => [p.author, p.text, p.inReplyTo])).toEqual([
      ['ana', 'hola', undefined],
      ['marca', 'buenas', '1'],
    ]);
    const en = await ingest('b.csv', 'Message ID,Sender,Created At,TEXT\n1,ana,2024-01-01T10:00:00Z,hi\n');
    expect(en.posts.map((p) => [p.id, p.author, p.text, p.platform])).toEqual([['1', 'ana', 'hi', 'csv']]);
  });

  it('uses --map (options.columnMap) for headers no synonym covers', async () => {
    const csv = 'Nº,Quién escribe,Cuándo,Cuerpo del mensaje,Hilo padre\n1,ana,2024-01-01T10:00:00Z,hola,\n2,TeleNova,2024-01-01T10:05:00Z,buenas,1\n';
    const { posts } = await ingest('raro.csv', csv, {
      adapterId: 'generic-csv',
      options: { columnMap: { Nº: 'id', 'Quién escribe': 'author', Cuándo: 'created_at', 'Cuerpo del mensaje': 'text', 'Hilo padre': 'in_reply_to' } },
    });
    expect(posts.map((p) => [p.id, p.author, p.text, p.inReplyTo])).toEqual([
      ['1', 'ana', 'hola', undefined],
      ['2', 'TeleNova', 'buenas', '1'],
    ]);
  });

  it('lets --map override a synonym match', async () => {
    const csv = 'id,author,created_at,text,resumen\n1,ana,2024-01-01T10:00:00Z,texto largo,resumen corto\n';
    const { posts } = await ingest('map.csv', csv, { adapterId: 'generic-csv', options: { columnMap: { resumen: 'text' } } });
    expect(posts[0]!.text).toBe('resumen corto');
  });

  it('refuses a --map that names a column the header lacks, naming it and the file', async () => {
    const error = await ingestError('map.csv', 'id,author,created_at,text\n1,ana,2024-01-01T10:00:00Z,hola\n', { columnMap: { Cuerpo: 'text' } });
    expect(error.message).toContain('map.csv');
    expect(error.message).toContain('cuerpo');
  });

  it('fails loudly when required columns are missing: file, missing fields, what it found, synonyms and a --map hint', async () => {
    const error = await ingestError(
      'hootsuite.csv',
      'Conversation ID,Medium,Contact Primary Identifier,Created at,Direction,Notes\nc_7f3a,twitter,@lucia_pz,2024-10-15 10:40:00,inbound,hola\n',
    );
    expect(error.message).toContain('hootsuite.csv');
    expect(error.message).toMatch(/missing required columns? .*\bid\b.*\btext\b/);
    expect(error.message).not.toMatch(/missing required columns? [^.]*author/);
    expect(error.message).toContain('Found: Conversation ID, Medium, Contact Primary Identifier, Created at, Direction, Notes');
    expect(error.message).toContain('message_id');
    expect(error.message).toContain('message');
    expect(error.hint).toContain('--map');
    // "Conversation ID" is the thread (mapped as thread_id), not a message id: it is never proposed for id.
    expect(error.hint).not.toContain('Conversation ID=id');
  });

  it('says the file is empty when there is no header row at all', async () => {
    const error = await ingestError('vacio.csv', '\n\n');
    expect(error.message).toContain('vacio.csv');
    expect(error.message).toMatch(/empty/);
  });

  it('gives no posts and a no-posts warning for a header-only file', async () => {
    const { posts, warnings } = await ingest('solo-cabecera.csv', 'id,author,created_at,text\n');
    expect(posts).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(['no-posts']);
  });
});

describe('generic CSV: delimiters and encodings', () => {
  // Regression (fixed): the Excel "sep=;" first line is not skipped. The tokenizer splits "sep=;" on the ";" delimiter
  // into ["sep=", ""], and the adapter only skips a one-field record, so "sep=" becomes the header and the
  // file fails with "missing required columns … Found: sep=, (empty)". Same for "sep=," and "sep=\t".
  it('honours and skips an Excel "sep=;" first line', async () => {
    const csv = 'sep=;\nid;Fecha;Autor;Mensaje\n1;2024-01-01T10:00:00Z;Tom Baker;Great view\n';
    const { posts } = await ingest('excel.csv', csv);
    expect(posts.map((p) => [p.id, p.author, p.text])).toEqual([['1', 'Tom Baker', 'Great view']]);
  });

  it('reads a Spanish Excel file: ";" delimiter, no quoting, decimal-comma rating, day-first dates proven by 13/11/2013', async () => {
    const csv = [
      'Id;Fecha;Red;Autor;Mensaje;Valoración;Respuesta;Fecha respuesta',
      'r1;04/11/2013 10:00;Google;Tom Baker;Great view, slow check-in;4,5;Thank you Tom!;05/11/2013 09:15',
      'r2;13/11/2013 18:42;TripAdvisor;Lucía P.;La habitación olía a humedad;2;;',
    ].join('\r\n');
    const { posts, summary, warnings } = await ingest('resenas.csv', csv);
    expect(warnings).toEqual([]);
    expect(posts.map((p) => [p.id, p.platform, p.author, p.text, p.rating, p.createdAt])).toEqual([
      ['r1', 'google', 'Tom Baker', 'Great view, slow check-in', 4.5, '2013-11-04T09:00:00Z'],
      // The owner's response in the review's row is the brand's reply to it, dated by "Fecha respuesta".
      ['r1#reply', 'google', '(brand)', 'Thank you Tom!', undefined, '2013-11-05T08:15:00Z'],
      ['r2', 'tripadvisor', 'Lucía P.', 'La habitación olía a humedad', 2, '2013-11-13T17:42:00Z'],
    ]);
    expect(posts[1]).toMatchObject({ inReplyTo: 'r1', role: 'brand', timePrecision: 'exact' });
    expect(summary.notes).toContain('1 owner response read from column "Respuesta" as the brand\'s reply to the row\'s review');
    expect(summary.notes.some((n) => n.includes('day-first') && n.includes('13/11/2013'))).toBe(true);
    expect(summary.notes.some((n) => n.includes('Europe/Madrid'))).toBe(true);
  });

  it('reads a review sheet without ids: each row a review, its undated response answered but not timed; unread columns said', async () => {
    const csv = ['Fecha;Autor;Reseña;Estrellas;Respuesta del propietario;Sucursal', '02/03/2026;Marta R.;Tardaron una hora;1;Lo sentimos, Marta;Centro'].join(
      '\n',
    );
    const { posts, summary, warnings } = await ingest('hoja.csv', csv, { options: { columnMap: { Reseña: 'text', Estrellas: 'rating' } } });
    expect(warnings).toEqual([]);
    expect(posts.map((p) => [p.id, p.author, p.inReplyTo, p.timePrecision])).toEqual([
      ['row#2', 'Marta R.', undefined, 'day'],
      ['row#2#reply', '(brand)', 'row#2', 'unknown'],
    ]);
    expect(summary.notes.join('\n')).toContain('a review sheet with no id column');
    expect(summary.notes.join('\n')).toContain('1 column not read (no field takes it): Sucursal');
  });

  it('still refuses a message export without ids: its rows could never be threaded', async () => {
    await expect(ingest('inbox.csv', 'Fecha;Autor;Mensaje\n2026-03-02T10:00:00Z;Marta;Hola\n')).rejects.toThrow(/missing required column id/);
  });

  it('reads tab-separated UTF-16LE "Texto Unicode" with a BOM', async () => {
    const text =
      'Id\tAutor\tFecha\tTexto\r\n1\tLucía Pérez\t2024-10-15T10:40:00+02:00\t¿Alguien me ayuda? 😀\r\n2\tTeleNovaAyuda\t2024-10-15T10:50:00+02:00\tClaro, Lucía. Te escribimos por MD.\r\n';
    const { posts, summary, warnings } = await ingest('unicode.txt', utf16le(text));
    expect(warnings).toEqual([]);
    expect(summary.encoding).toBe('utf-16le');
    expect(summary.notes).toContain('decoded as utf-16le');
    expect(posts.map((p) => [p.id, p.author, p.text])).toEqual([
      ['1', 'Lucía Pérez', '¿Alguien me ayuda? 😀'],
      ['2', 'TeleNovaAyuda', 'Claro, Lucía. Te escribimos por MD.'],
    ]);
  });

  it('reads "CSV UTF-8" with a BOM: the first header is still "id"', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id,autor,fecha,texto\n1,ana,2024-01-01T10:00:00Z,atención\n')]);
    const { posts, summary } = await ingest('bom.csv', bytes);
    expect(summary.encoding).toBe('utf-8');
    expect(posts.map((p) => [p.id, p.text])).toEqual([['1', 'atención']]);
  });

  it('reads Windows-1252 bytes (ñ, “ ”) exactly and notes the encoding', async () => {
    const text = 'id;autor;fecha;texto\n1;Marta R.;2024-01-01T10:00:00Z;la reseña “top” costó 5 €\n';
    const { posts, summary } = await ingest('cp1252.csv', cp1252(text));
    expect(summary.encoding).toBe('windows-1252');
    expect(summary.notes).toContain('decoded as windows-1252');
    expect(posts[0]!.text).toBe('la reseña “top” costó 5 €');
    expect(posts[0]!.author).toBe('Marta R.');
  });

  it('repairs double-encoded UTF-8 text ("Â¡Genial! la atenciÃ³n") and decodes HTML entities', async () => {
    const csv = 'id,autor,fecha,texto\n1,ana,2024-01-01T10:00:00Z,Â¡Genial! la atenciÃ³n\n2,ana,2024-01-01T10:00:00Z,Fibra &amp; móvil &lt;3\n';
    const { posts } = await ingest('double.csv', csv);
    expect(posts.map((p) => p.text)).toEqual(['¡Genial! la atención', 'Fibra & móvil <3']);
  });

  it('keeps multi-line quoted texts and reports the physical line of each row', async () => {
    const csv =
      'id,author,created_at,text\n1,ana,2024-01-01T10:00:00Z,"primera línea\nsegunda línea\ntercera"\n2,luis,2024-01-01T11:00:00Z,corto\n3,eva,no es fecha,x\n';
    const { posts, warnings } = await ingest('multi.csv', csv);
    expect(posts.map((p) => [p.id, p.text, p.source.line])).toEqual([
      ['1', 'primera línea\nsegunda línea\ntercera', 2],
      ['2', 'corto', 5],
    ]);
    expect(warnings.map((w) => [w.code, w.line])).toEqual([['bad-date', 6]]);
  });

  it('gives the same posts however the bytes are chunked', async () => {
    const csv = 'id;autor;fecha;texto\r\n1;Lucía;04/11/2013 10:00;"¿Qué tal?\r\nmal 😀"\r\n2;Luis;13/11/2013 18:42;ñandú\r\n';
    const whole = await ingest('c.csv', csv);
    for (const chunkSize of [1, 2, 3, 5, 64]) {
      const chunked = await ingest('c.csv', csv, { chunkSize });
      expect(chunked.posts, `chunks of ${chunkSize}`).toEqual(whole.posts);
    }
    expect(whole.posts).toHaveLength(2);
  });

  it('reads a small file whose only non-UTF-8 byte is near the end as Windows-1252 (the sniff sees it)', async () => {
    const head = `id,autor,fecha,texto\n${Array.from({ length: 50 }, (_, i) => `${i + 1},ana,2024-01-01T10:00:00Z,mensaje ${i + 1}\n`).join('')}`;
    const bytes = Buffer.concat([Buffer.from(head), Buffer.from('99,pepe,2024-01-01T10:00:00Z,la rese'), Buffer.from([0xf1]), Buffer.from('a es mala\n')]);
    const { posts, summary, warnings } = await ingest('pequeno.csv', bytes, { chunkSize: 256 });
    expect(summary.encoding).toBe('windows-1252');
    expect(posts.at(-1)!.text).toBe('la reseña es mala');
    expect(warnings).toEqual([]);
  });

  it('warns once about invalid UTF-8 beyond the sniffed head and still reads every row', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => `${i + 1},ana,2024-01-01T10:00:00Z,mensaje número ${i + 1} con atención\n`).join('');
    const head = `id,autor,fecha,texto\n${rows}`;
    expect(Buffer.byteLength(head)).toBeGreaterThan(65536);
    const bad = (text: string): Buffer => Buffer.concat([Buffer.from(text), Buffer.from([0xf1])]);
    const bytes = Buffer.concat([
      Buffer.from(head),
      bad('9999,pepe,2024-01-01T10:00:00Z,la rese'),
      Buffer.from('a es mala\n'),
      bad('10000,eva,2024-01-01T10:00:00Z,otra rese'),
      Buffer.from('a\n10001,eva,2024-01-01T10:00:00Z,fin\n'),
    ]);
    const { posts, summary, warnings } = await ingest('mixto.csv', bytes, { chunkSize: 4096 });
    expect(summary.encoding).toBe('utf-8');
    expect(posts).toHaveLength(1503);
    expect(posts[1500]!.text).toBe('la rese\ufffda es mala');
    expect(posts[1502]!.text).toBe('fin');
    expect(warnings.filter((w) => w.code === 'invalid-utf8')).toHaveLength(1);
    expect(warnings.find((w) => w.code === 'invalid-utf8')!.input).toBe('mixto.csv');
  });
});

describe('generic CSV: row problems', () => {
  it('skips ragged rows with a warning and their line, and keeps their neighbours', async () => {
    const csv = [
      'id,author,created_at,text', // 1
      '1,ana,2024-01-01T10:00:00Z,hola', // 2
      '2,luis,2024-01-01T10:01:00Z', // 3: one field short
      '3,eva,2024-01-01T10:02:00Z,hola,de más', // 4: one field too many
      '4,pepe,2024-01-01T10:03:00Z,adiós,,', // 5: extra empty fields are fine
      '5,rosa,2024-01-01T10:04:00Z,última', // 6
    ].join('\n');
    const { posts, warnings, summary } = await ingest('ragged.csv', csv);
    expect(posts.map((p) => p.id)).toEqual(['1', '4', '5']);
    expect(warnings.map((w) => [w.input, w.line, w.code])).toEqual([
      ['ragged.csv', 3, 'ragged-row'],
      ['ragged.csv', 4, 'ragged-row'],
    ]);
    expect(warnings[0]!.message).toMatch(/expected 4 fields, found 3/);
    expect(summary.warnings).toBe(2);
  });

  it('skips a row whose date cannot be read, quoting it in the warning', async () => {
    const csv = 'id,author,created_at,text\n1,ana,2024-01-01T10:00:00Z,hola\n2,luis,el martes por la tarde,hola\n3,eva,2024-01-01T10:02:00Z,adiós\n';
    const { posts, warnings } = await ingest('fechas.csv', csv);
    expect(posts.map((p) => p.id)).toEqual(['1', '3']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ input: 'fechas.csv', line: 3, code: 'bad-date' });
    expect(warnings[0]!.message).toContain('el martes por la tarde');
  });

  it('keeps a row with an empty id as "row-N" and warns', async () => {
    const csv = 'id,author,created_at,text\n,ana,2024-01-01T10:00:00Z,sin id\n2,luis,2024-01-01T10:01:00Z,con id\n';
    const { posts, warnings } = await ingest('sin-id.csv', csv);
    expect(posts.map((p) => p.id)).toEqual(['row-2', '2']);
    expect(warnings.map((w) => [w.line, w.code])).toEqual([[2, 'missing-id']]);
  });

  it('skips a row without author', async () => {
    const csv = 'id,author,created_at,text\n1,,2024-01-01T10:00:00Z,anónimo\n2,luis,2024-01-01T10:01:00Z,hola\n';
    const { posts, warnings } = await ingest('autor.csv', csv);
    expect(posts.map((p) => p.id)).toEqual(['2']);
    expect(warnings.map((w) => [w.line, w.code])).toEqual([[2, 'missing-author']]);
  });

  it('flags Excel-mangled ids: scientific notation is kept apart and unlinked, rounded ids are counted', async () => {
    const csv = [
      'tweet_id,author,created_at,text,in_reply_to',
      '1.84613E+18,lucia_pz,2024-10-15T10:00:00Z,hola,',
      '1846128913281980000,TeleNovaAyuda,2024-10-15T10:05:00Z,respuesta,1.84613E+18',
      '="1846128913281982466",marta_rg,2024-10-15T10:06:00Z,otra,1846127625630650000',
      '1.84613E+18,luis,2024-10-15T10:07:00Z,otra más,',
    ].join('\n');
    const { posts, warnings } = await ingest('excel-ids.csv', csv);
    expect(posts.map((p) => [p.id, p.inReplyTo])).toEqual([
      ['1.84613E+18@2', undefined],
      ['1846128913281980000', undefined],
      ['1846128913281982466', '1846127625630650000'],
      ['1.84613E+18@5', undefined],
    ]);
    expect(warnings.filter((w) => w.code === 'excel-mangled-id').map((w) => w.line)).toEqual([2, 5]);
    // A dropped reply link has its own code: the audit counts it as a link it could not follow.
    expect(warnings.filter((w) => w.code === 'excel-mangled-reply-to').map((w) => w.line)).toEqual([3]);
    const rounded = warnings.find((w) => w.code === 'excel-rounded-ids');
    expect(rounded?.message).toMatch(/^1 long id/);
  });

  it('keeps 19-digit ids and leading zeros exactly as written', async () => {
    const csv =
      'id,author,created_at,text,in_reply_to\n1299998475416563727,TeleNovaAyuda,2024-10-15T10:00:00Z,hola,\n007,ana,2024-10-15T10:01:00Z,hola,1299998475416563727\n';
    const { posts } = await ingest('ids.csv', csv);
    expect(posts.map((p) => [p.id, p.inReplyTo])).toEqual([
      ['1299998475416563727', undefined],
      ['007', '1299998475416563727'],
    ]);
  });

  it('parses ratings: decimal comma, stars, "n/5"; out-of-range values warn and are dropped', async () => {
    const rows = ['4,5', '★★★', '4/5', '5', '7', '0', 'bien'];
    const csv = `id;author;created_at;text;rating\n${rows.map((r, i) => `${i + 1};ana;2024-01-01T10:00:00Z;reseña;${r}`).join('\n')}`;
    const { posts, warnings } = await ingest('ratings.csv', csv);
    expect(posts.map((p) => p.rating)).toEqual([4.5, 3, 4, 5, undefined, undefined, undefined]);
    expect(warnings.map((w) => [w.line, w.code])).toEqual([
      [6, 'bad-rating'],
      [7, 'bad-rating'],
      [8, 'bad-rating'],
    ]);
    expect(parseRating('4.5')).toBe(4.5);
    expect(parseRating('1')).toBe(1);
    expect(parseRating('★★★★★★')).toBeNull();
  });

  it('parses roles from direction and is_brand columns; unknown values warn and leave the role open', async () => {
    const direction =
      'id,author,created_at,text,Direction\n1,ana,2024-01-01T10:00:00Z,hola,inbound\n2,tele,2024-01-01T10:01:00Z,hola,Outbound\n3,eva,2024-01-01T10:02:00Z,hola,quizás\n';
    const a = await ingest('dir.csv', direction);
    expect(a.posts.map((p) => p.role)).toEqual(['customer', 'brand', undefined]);
    expect(a.warnings.map((w) => [w.line, w.code])).toEqual([[4, 'bad-role']]);

    const esMarca =
      'id,autor,fecha,texto,es_marca\n1,ana,2024-01-01T10:00:00Z,hola,no\n2,tele,2024-01-01T10:01:00Z,hola,Sí\n3,eva,2024-01-01T10:02:00Z,hola,1\n';
    const b = await ingest('marca.csv', esMarca);
    expect(b.posts.map((p) => p.role)).toEqual(['customer', 'brand', 'brand']);

    expect(parseRoleCell('Agente', 'role')).toBe('brand');
    expect(parseRoleCell('Recibido', 'tipo')).toBe('customer');
    expect(parseRoleCell('true', 'role')).toBeNull(); // "true" means nothing in a non-boolean column
    expect(parseRoleCell('', 'role')).toBeUndefined();
  });

  it('parses deleted flags in English and Spanish; unknown values warn', async () => {
    const values = ['true', 'Sí', 'borrado', 'oculto', 'false', '0', 'no', 'tal vez'];
    const csv = `id,author,created_at,text,deleted\n${values.map((v, i) => `${i + 1},ana,2024-01-01T10:00:00Z,hola,${v}`).join('\n')}`;
    const { posts, warnings } = await ingest('borrados.csv', csv);
    expect(posts.map((p) => p.deleted === true)).toEqual([true, true, true, true, false, false, false, false]);
    expect(warnings.map((w) => [w.line, w.code])).toEqual([[9, 'bad-flag']]);
    expect(parseFlagCell('ELIMINADO')).toBe(true);
    expect(parseFlagCell('')).toBe(false);
  });

  it('drops a reply link that points to the post itself', async () => {
    const { posts } = await ingest('self.csv', 'id,author,created_at,text,in_reply_to\n1,ana,2024-01-01T10:00:00Z,hola,1\n');
    expect(posts[0]!.inReplyTo).toBeUndefined();
  });
});

describe('generic CSV: time zones and date order', () => {
  const naive = 'id,author,created_at,text\n1,ana,2024-10-15 10:40:00,hola\n2,tele,2024-01-15 10:40,buenas\n3,eva,2024-10-15T10:40:00Z,explícita\n';

  it('reads timestamps without offset in options.timezone and notes how many', async () => {
    const madrid = await ingest('naive.csv', naive, { options: { timezone: 'Europe/Madrid' } });
    expect(madrid.posts.map((p) => p.createdAt)).toEqual(['2024-10-15T08:40:00Z', '2024-01-15T09:40:00Z', '2024-10-15T10:40:00Z']);
    expect(madrid.summary.notes.some((n) => n.startsWith('2 timestamps') && n.includes('Europe/Madrid'))).toBe(true);

    const mexico = await ingest('naive.csv', naive, { options: { timezone: 'America/Mexico_City' } });
    expect(mexico.posts.map((p) => p.createdAt)).toEqual(['2024-10-15T16:40:00Z', '2024-01-15T16:40:00Z', '2024-10-15T10:40:00Z']);
  });

  it('makes no time-zone note when every timestamp has an offset', async () => {
    const { summary } = await ingest('offsets.csv', 'id,author,created_at,text\n1,ana,2024-10-15T10:40:00+02:00,hola\n');
    expect(summary.notes.filter((n) => n.includes('offset'))).toEqual([]);
  });

  it('notes date-only values', async () => {
    const { posts, summary } = await ingest('dias.csv', 'id,author,created_at,text\n1,ana,2024-10-15,hola\n', { options: { timezone: 'UTC' } });
    expect(posts[0]!.createdAt).toBe(iso('2024-10-15T00:00:00Z'));
    expect(summary.notes.some((n) => n.includes('without a time of day'))).toBe(true);
  });

  it('reads month-first when the column proves it (10/14/2024)', async () => {
    const csv = 'id,author,created_at,text\n1,ana,10/03/2024 08:31,hi\n2,bob,10/14/2024 09:00,hi\n';
    const { posts, summary } = await ingest('us.csv', csv, { options: { timezone: 'UTC' } });
    expect(posts.map((p) => p.createdAt)).toEqual(['2024-10-03T08:31:00Z', '2024-10-14T09:00:00Z']);
    expect(summary.notes.some((n) => n.includes('month-first') && n.includes('10/14/2024'))).toBe(true);
  });

  it('states the chosen order for ambiguous dates: month-first for an English comma file', async () => {
    const csv = 'id,author,created_at,text\n1,ana,04/11/2013 10:00,hi\n2,bob,05/11/2013 10:00,hi\n';
    const { posts, summary } = await ingest('ambiguo-en.csv', csv, { options: { timezone: 'UTC' } });
    expect(posts[0]!.createdAt).toBe('2013-04-11T10:00:00Z');
    const note = summary.notes.find((n) => n.includes('ambiguous'));
    expect(note).toMatch(/month-first/);
    expect(note).toMatch(/--date-order/);
  });

  it('states the chosen order for ambiguous dates: day-first for a Spanish file', async () => {
    const csv = 'id,autor,fecha,texto\n1,ana,04/11/2013 10:00,hola\n2,luis,05/11/2013 10:00,hola\n';
    const { posts, summary } = await ingest('ambiguo-es.csv', csv, { options: { timezone: 'UTC' } });
    expect(posts[0]!.createdAt).toBe('2013-11-04T10:00:00Z');
    expect(summary.notes.find((n) => n.includes('ambiguous'))).toMatch(/day-first/);
  });

  it('follows a forced --date-order and says so', async () => {
    const csv = 'id,author,created_at,text\n1,ana,04/11/2013 10:00,hi\n';
    const { posts, summary } = await ingest('forzado.csv', csv, { options: { timezone: 'UTC', dateOrder: 'day-first' } });
    expect(posts[0]!.createdAt).toBe('2013-11-04T10:00:00Z');
    expect(summary.notes.some((n) => n.includes('day-first') && n.includes('--date-order'))).toBe(true);
  });

  it('reads every row in order past the 2,000 rows held back to decide the date order', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `${i + 1};cliente_${i % 7};${String((i % 28) + 1).padStart(2, '0')}/11/2013 10:00;mensaje ${i + 1}`);
    const { posts, warnings, summary } = await ingest('largo.csv', `id;autor;fecha;texto\n${rows.join('\n')}\n`, {
      options: { timezone: 'UTC' },
      chunkSize: 4096,
    });
    expect(warnings).toEqual([]);
    expect(posts).toHaveLength(2500);
    expect(posts.every((p, i) => p.id === String(i + 1) && p.source.line === i + 2 && p.text === `mensaje ${i + 1}`)).toBe(true);
    expect(posts[2012]!.createdAt).toBe('2013-11-25T10:00:00Z');
    expect(summary.notes.some((n) => n.includes('day-first') && n.includes('13/11/2013'))).toBe(true);
  });

  it('infers the order from the whole sample, even when the proof comes after ambiguous rows', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `${i + 1},ana,0${(i % 9) + 1}/0${(i % 9) + 1}/2013 10:00,hola`);
    rows.push('301,ana,25/12/2013 10:00,navidad');
    const { posts, summary } = await ingest('tarde.csv', `id,author,created_at,text\n${rows.join('\n')}\n`, { options: { timezone: 'UTC' } });
    expect(posts.at(-1)!.createdAt).toBe('2013-12-25T10:00:00Z');
    expect(summary.notes.some((n) => n.includes('day-first') && n.includes('25/12/2013'))).toBe(true);
  });
});
