import { describe, it, expect } from 'vitest';
import { CsvTokenizer, sniffDelimiter, type CsvProblem } from '../../src/ingest/csv/tokenizer.js';
import { chooseDelimiter, headerKey } from '../../src/ingest/csv/read-csv.js';

interface Result {
  records: string[][];
  lines: number[];
  problems: CsvProblem[];
}

/** Tokenizes `text` pushed in pieces of `chunk` characters (whole by default). */
function tokenize(text: string, options: { delimiter?: string; chunk?: number; maxRecordLength?: number; firstLine?: number } = {}): Result {
  const result: Result = { records: [], lines: [], problems: [] };
  const tokenizer = new CsvTokenizer({
    delimiter: options.delimiter ?? ',',
    maxRecordLength: options.maxRecordLength,
    firstLine: options.firstLine,
    onRecord: (fields, line) => {
      result.records.push(fields);
      result.lines.push(line);
    },
    onProblem: (problem) => result.problems.push(problem),
  });
  const step = Math.max(1, options.chunk ?? text.length);
  for (let i = 0; i < text.length; i += step) tokenizer.push(text.slice(i, i + step));
  tokenizer.end();
  return result;
}

/** The same text split into two pushes at every position must give the same result as one push. */
function expectSplitInvariant(text: string, delimiter = ','): Result {
  const whole = tokenize(text, { delimiter });
  for (let cut = 0; cut <= text.length; cut++) {
    const result: Result = { records: [], lines: [], problems: [] };
    const tokenizer = new CsvTokenizer({
      delimiter,
      onRecord: (fields, line) => {
        result.records.push(fields);
        result.lines.push(line);
      },
      onProblem: (problem) => result.problems.push(problem),
    });
    tokenizer.push(text.slice(0, cut));
    tokenizer.push(text.slice(cut));
    tokenizer.end();
    expect(result, `split at ${cut}`).toEqual(whole);
  }
  return whole;
}

describe('CsvTokenizer: RFC 4180', () => {
  it('splits plain fields and rows', () => {
    const { records, lines, problems } = tokenize('id,autor,texto\n1,lucia_pz,hola\n2,TeleNovaAyuda,buenas tardes\n');
    expect(records).toEqual([
      ['id', 'autor', 'texto'],
      ['1', 'lucia_pz', 'hola'],
      ['2', 'TeleNovaAyuda', 'buenas tardes'],
    ]);
    expect(lines).toEqual([1, 2, 3]);
    expect(problems).toEqual([]);
  });

  it('reads quoted fields with delimiters and "" escapes', () => {
    const { records } = tokenize('1,"Hola, ¿me ayudáis?","Dice ""urgente"" en el asunto",""\n');
    expect(records).toEqual([['1', 'Hola, ¿me ayudáis?', 'Dice "urgente" en el asunto', '']]);
  });

  it('keeps LF and CRLF inside quoted fields verbatim', () => {
    const { records } = tokenize('1,"línea uno\nlínea dos",x\r\n2,"uno\r\ndos\r\n",y\r\n');
    expect(records).toEqual([
      ['1', 'línea uno\nlínea dos', 'x'],
      ['2', 'uno\r\ndos\r\n', 'y'],
    ]);
  });

  it('ends records at CRLF without leaving a \\r in the last field', () => {
    const { records } = tokenize('id,texto\r\n1,hola\r\n2,"adiós"\r\n');
    expect(records).toEqual([
      ['id', 'texto'],
      ['1', 'hola'],
      ['2', 'adiós'],
    ]);
  });

  it('skips blank lines (LF and CRLF) but counts them in line numbers', () => {
    const { records, lines } = tokenize('id,texto\n\n1,hola\r\n\r\n\n2,adiós\n\n');
    expect(records).toEqual([
      ['id', 'texto'],
      ['1', 'hola'],
      ['2', 'adiós'],
    ]);
    expect(lines).toEqual([1, 3, 6]);
  });

  it('reads a trailing delimiter as a final empty field', () => {
    expect(tokenize('a,b,\n1,2,\n').records).toEqual([
      ['a', 'b', ''],
      ['1', '2', ''],
    ]);
    expect(tokenize('a,b,').records).toEqual([['a', 'b', '']]);
    expect(tokenize('a,"b",').records).toEqual([['a', 'b', '']]);
  });

  it('reads a last line without a newline, quoted or not', () => {
    expect(tokenize('id,texto\n1,hola').records).toEqual([
      ['id', 'texto'],
      ['1', 'hola'],
    ]);
    expect(tokenize('id,texto\n1,"hola ""amigo"""').records).toEqual([
      ['id', 'texto'],
      ['1', 'hola "amigo"'],
    ]);
  });

  it('reads empty fields in every position', () => {
    expect(tokenize(',,\n,a,\n"",,""\n').records).toEqual([
      ['', '', ''],
      ['', 'a', ''],
      ['', '', ''],
    ]);
  });

  it('numbers records that follow multi-line records by their physical line', () => {
    const text = [
      'id,texto', // 1
      '1,"uno', // 2
      'dos', // 3
      'tres"', // 4
      '2,simple', // 5
      '3,"a\r\nb",c', // 6-7
      '', // 8 (blank)
      '4,fin', // 9
    ].join('\n');
    const { records, lines } = tokenize(text);
    expect(records.map((r) => r[0])).toEqual(['id', '1', '2', '3', '4']);
    expect(lines).toEqual([1, 2, 5, 6, 9]);
  });

  it('starts counting at firstLine', () => {
    expect(tokenize('a\nb\n', { firstLine: 10 }).lines).toEqual([10, 11]);
  });

  it('accepts other one-character delimiters and refuses longer ones', () => {
    expect(tokenize('a;b;"c;d"\n', { delimiter: ';' }).records).toEqual([['a', 'b', 'c;d']]);
    expect(tokenize('a\tb\t"c\td"\n', { delimiter: '\t' }).records).toEqual([['a', 'b', 'c\td']]);
    expect(tokenize('a|b|"c|d"\n', { delimiter: '|' }).records).toEqual([['a', 'b', 'c|d']]);
    expect(() => new CsvTokenizer({ delimiter: ';;', onRecord: () => {}, onProblem: () => {} })).toThrow();
  });

  it('gives the same records and lines however a tricky file is split into two chunks', () => {
    const text = 'id,texto\r\n1,"Hola, ""soporte""\r\nsegunda línea",😀\r\n\r\n2,ñ,\r\n3,"",x\n4,"fin"';
    const whole = expectSplitInvariant(text);
    expect(whole.records).toEqual([
      ['id', 'texto'],
      ['1', 'Hola, "soporte"\r\nsegunda línea', '😀'],
      ['2', 'ñ', ''],
      ['3', '', 'x'],
      ['4', 'fin'],
    ]);
    expect(whole.lines).toEqual([1, 2, 5, 6, 7]);
  });

  it('gives the same result pushed one character at a time', () => {
    const text = 'a,"b\nc",d\r\n"e""f",g,\n\nh';
    expect(tokenize(text, { chunk: 1 })).toEqual(tokenize(text));
  });
});

describe('CsvTokenizer: relaxed and broken input', () => {
  it('keeps a quote in the middle of an unquoted field as text', () => {
    expect(tokenize('1,dijo "hola" ayer,x\n2,5" pantalla,y\n').records).toEqual([
      ['1', 'dijo "hola" ayer', 'x'],
      ['2', '5" pantalla', 'y'],
    ]);
  });

  it('appends characters after a closing quote instead of failing', () => {
    expect(tokenize('1,"Hola" amigo,x\n').records).toEqual([['1', 'Hola amigo', 'x']]);
  });

  it('reports an unterminated quote with the line it opened on and still returns the rows after it', () => {
    const text = 'id,texto\n1,ok\n2,"nunca se cierra\n3,bien\n4,también bien\n';
    const { records, lines, problems } = tokenize(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.code).toBe('unterminated-quote');
    expect(problems[0]!.line).toBe(3);
    expect(problems[0]!.message).toContain('line 3');
    expect(records).toEqual([
      ['id', 'texto'],
      ['1', 'ok'],
      ['3', 'bien'],
      ['4', 'también bien'],
    ]);
    expect(lines).toEqual([1, 2, 4, 5]);
    // Same outcome when streamed.
    expect(tokenize(text, { chunk: 3 })).toEqual({ records, lines, problems });
  });

  it('reports an over-long unterminated quote as record-too-large and resumes on the next line', () => {
    const text = `id,texto\n2,"abre y no cierra\n${'y'.repeat(60)}\n${'z'.repeat(80)}\n3,ok\n4,bien\n`;
    const { records, lines, problems } = tokenize(text, { chunk: 16, maxRecordLength: 100 });
    expect(problems.map((p) => [p.code, p.line])).toEqual([['record-too-large', 2]]);
    expect(records[0]).toEqual(['id', 'texto']);
    expect(records.slice(-2)).toEqual([
      ['3', 'ok'],
      ['4', 'bien'],
    ]);
    expect(lines.slice(-2)).toEqual([5, 6]);
  });

  // Regression (fixed): a single over-long physical line that arrives in several chunks is reported once per chunk
  // window (lines 2, 3, 4, 5 …), the line counter is bumped each time, and the tail of the long line is
  // emitted as a bogus record; the good row after it gets the wrong line number (7 instead of 3).
  // Input: 'id,text\n2,' + 'x'.repeat(500) + '\n3,ok\n' pushed in 16-character chunks, maxRecordLength 100.
  it('skips one over-long line once, without emitting its tail or shifting later line numbers', () => {
    const text = `id,text\n2,${'x'.repeat(500)}\n3,ok\n`;
    const { records, lines, problems } = tokenize(text, { chunk: 16, maxRecordLength: 100 });
    expect(problems.map((p) => [p.code, p.line])).toEqual([['record-too-large', 2]]);
    expect(records).toEqual([
      ['id', 'text'],
      ['3', 'ok'],
    ]);
    expect(lines).toEqual([1, 3]);
  });

  it('gives up after too many broken records instead of rescanning forever', () => {
    const result: Result = { records: [], lines: [], problems: [] };
    const tokenizer = new CsvTokenizer({
      delimiter: ',',
      maxRecordLength: 4,
      onRecord: (fields, line) => {
        result.records.push(fields);
        result.lines.push(line);
      },
      onProblem: (problem) => result.problems.push(problem),
    });
    for (let i = 0; i < 1100; i++) tokenizer.push(`${i},"abierta\n`);
    tokenizer.push('ok,bien\n');
    tokenizer.end();
    expect(result.problems.at(-1)!.code).toBe('too-many-problems');
    expect(result.problems.length).toBeLessThanOrEqual(1002);
  });
});

describe('CsvTokenizer: linear time', () => {
  // Each input is big enough that a quadratic scan would take far longer than the bound.
  const BOUND_MS = 5000;

  function timed(run: () => void): number {
    const start = performance.now();
    run();
    return performance.now() - start;
  }

  it('reads a 200k-character quoted field made of escaped quotes, whole and in 64 KiB chunks', () => {
    const text = `id,texto\n1,"${'""'.repeat(100_000)}"\n2,fin\n`;
    let whole: Result | undefined;
    let chunked: Result | undefined;
    const ms = timed(() => {
      whole = tokenize(text);
      chunked = tokenize(text, { chunk: 65536 });
    });
    expect(whole!.records[1]![1]).toBe('"'.repeat(100_000));
    expect(whole!.records[2]).toEqual(['2', 'fin']);
    expect(chunked).toEqual(whole);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('reads a 200k-character line of bare quotes in an unquoted field', () => {
    const text = `1,a${'"'.repeat(200_000)},b\n`;
    let result: Result | undefined;
    const ms = timed(() => {
      result = tokenize(text, { chunk: 4096 });
    });
    expect(result!.records).toEqual([['1', `a${'"'.repeat(200_000)}`, 'b']]);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('reads 100k tiny fields on one line and 100k tiny records', () => {
    let fields = 0;
    let records = 0;
    const ms = timed(() => {
      fields = tokenize(`${'a,'.repeat(99_999)}a\n`).records[0]!.length;
      records = tokenize('a,b\n'.repeat(100_000)).records.length;
    });
    expect(fields).toBe(100_000);
    expect(records).toBe(100_000);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('reads 200k one-line quoted records pushed in 64 KiB chunks', () => {
    let count = 0;
    const ms = timed(() => {
      count = tokenize('"x","y, z"\n'.repeat(200_000), { chunk: 65536 }).records.length;
    });
    expect(count).toBe(200_000);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('recovers from an unterminated quote at the top of a 2 MB file in one pass', () => {
    const text = `id,texto\n1,"abierta\n${'2,una fila normal de atención al cliente\n'.repeat(50_000)}`;
    let result: Result | undefined;
    const ms = timed(() => {
      result = tokenize(text, { chunk: 65536 });
    });
    expect(result!.problems.map((p) => [p.code, p.line])).toEqual([['unterminated-quote', 2]]);
    expect(result!.records).toHaveLength(50_001);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

describe('sniffDelimiter', () => {
  it('picks "," for a comma file', () => {
    expect(sniffDelimiter('id,autor,fecha,texto\n1,ana,2024-01-01,hola\n2,luis,2024-01-02,adiós\n')).toBe(',');
  });

  it('picks ";" for a Spanish Excel file even when texts hold commas', () => {
    expect(sniffDelimiter('id;autor;fecha;texto\n1;ana;04/11/2013;hola, buenas, tardes\n2;luis;05/11/2013;sí, gracias\n')).toBe(';');
  });

  it('picks tab for "Texto Unicode" exports', () => {
    expect(sniffDelimiter('Fecha\tAutor\tMensaje\n04/11/2013\tLucía\tHola, ¿qué tal?; bien\n')).toBe('\t');
  });

  it('picks "|" for pipe-separated files', () => {
    expect(sniffDelimiter('id|autor|fecha|texto\n1|ana|2024-01-01|hola, ¿qué tal?\n')).toBe('|');
  });

  it('ignores delimiters inside quoted fields, including multi-line ones', () => {
    const sample = 'id;texto;nota\n1;"uno, dos, tres, cuatro, cinco";4,5\n2;"a, b\nc, d, e, f, g";3\n3;"x";2\n';
    expect(sniffDelimiter(sample)).toBe(';');
    const tabs = 'id\ttexto\n1\t"hola, adiós; sí"\n2\t"a|b|c, d"\n';
    expect(sniffDelimiter(tabs)).toBe('\t');
  });

  it('prefers the consistent delimiter over a stray one', () => {
    expect(sniffDelimiter('a,b,c,d\n1,2,3,4\n5,6;7,8\n9,10,11,12\n')).toBe(',');
  });

  it('honours an Excel sep= first line', () => {
    expect(chooseDelimiter('sep=;\nid;autor\n1;ana\n')).toEqual({ delimiter: ';', excelHint: true });
    expect(chooseDelimiter('SEP=|\r\nid|autor\n')).toEqual({ delimiter: '|', excelHint: true });
    expect(chooseDelimiter('id;autor\n1;ana\n')).toEqual({ delimiter: ';', excelHint: false });
  });
});

describe('headerKey', () => {
  it('folds case, accents, BOM and punctuation so that header synonyms match', () => {
    expect(headerKey('\ufeffFecha de Creación ')).toBe('fecha_de_creacion');
    expect(headerKey('Valoración')).toBe('valoracion');
    expect(headerKey('Created At')).toBe('created_at');
    expect(headerKey('in-reply-to')).toBe('in_reply_to');
    expect(headerKey('ID')).toBe('id');
  });
});
