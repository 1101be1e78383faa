/**
 * Differential test: the hand-written tokenizer against csv-parse (the reference it replaced for speed),
 * on a few hundred random CSVs pushed in random chunk sizes. Both must yield exactly the records the
 * generator meant to write, and the tokenizer's line numbers must match the generator's.
 */
import { describe, it, expect } from 'vitest';
import { parse } from 'csv-parse/sync';
import { CsvTokenizer, type CsvProblem } from '../../src/ingest/csv/tokenizer.js';
import { StreamDecoder } from '../../src/io/decode.js';
import { prng } from './helpers.js';

const PIECES = [
  'a',
  'b',
  'z',
  'Hola',
  'soporte',
  ' ',
  '  ',
  '0',
  '42',
  '1.5',
  '4,5',
  ',',
  ',',
  ';',
  '\t',
  '|',
  '"',
  '""',
  '\n',
  '\r\n',
  'ñ',
  'é',
  '¿',
  '¡',
  'ü',
  '€',
  '“',
  '”',
  '😀',
  '👍🏽',
  '中',
  'ß',
  "'",
  '#',
  '=',
  '@TeleNovaAyuda',
  'línea',
  'atención',
];

interface Generated {
  text: string;
  records: string[][];
  lines: number[];
  delimiter: string;
}

function generate(random: () => number): Generated {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const delimiter = pick([',', ',', ',', ';', '\t', '|']);
  const eol = random() < 0.5 ? '\n' : '\r\n';
  const recordCount = 1 + Math.floor(random() * 12);
  const fixedWidth = random() < 0.7 ? 1 + Math.floor(random() * 6) : 0;
  const records: string[][] = [];
  const lines: number[] = [];
  let text = '';
  let line = 1;
  for (let r = 0; r < recordCount; r++) {
    // Blank lines between records: both parsers skip them.
    while (random() < 0.1) {
      text += eol;
      line++;
    }
    const width = fixedWidth || 1 + Math.floor(random() * 6);
    const fields: string[] = [];
    for (let f = 0; f < width; f++) {
      let value = '';
      const length = Math.floor(random() * 5);
      for (let k = 0; k < length; k++) value += pick(PIECES);
      fields.push(value);
    }
    // A record that is one empty field would be a blank line.
    if (width === 1 && fields[0] === '') fields[0] = 'x';
    const cells = fields.map((value, f) => {
      const needsQuotes = value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r');
      // An unquoted field may hold a quote after its first character (relaxed quotes), but never CR/LF or the delimiter.
      const relaxedOk =
        !needsQuotes || (!value.includes(delimiter) && !/[\r\n]/.test(value) && !value.startsWith('"') && !value.startsWith(' ') && value.includes('"'));
      const quote = (needsQuotes && !(relaxedOk && random() < 0.3)) || random() < 0.2 || (width === 1 && value === '' && f === 0);
      return quote ? `"${value.replace(/"/g, '""')}"` : value;
    });
    records.push(fields);
    lines.push(line);
    const raw = cells.join(delimiter);
    text += raw;
    line += (raw.match(/\n/g) ?? []).length;
    if (r < recordCount - 1 || random() < 0.7) {
      text += eol;
      line++;
    }
  }
  return { text, records, lines, delimiter };
}

function chunkSizes(random: () => number, length: number): number[] {
  const mode = Math.floor(random() * 4);
  if (mode === 0) return [length];
  if (mode === 1) return [1];
  if (mode === 2) return [1 + Math.floor(random() * Math.max(1, length))];
  // Varying sizes.
  return Array.from({ length: 64 }, () => 1 + Math.floor(random() * 17));
}

function tokenizeChunks(text: string, delimiter: string, sizes: number[]): { records: string[][]; lines: number[]; problems: CsvProblem[] } {
  const out = { records: [] as string[][], lines: [] as number[], problems: [] as CsvProblem[] };
  const tokenizer = new CsvTokenizer({
    delimiter,
    onRecord: (fields, line) => {
      out.records.push(fields);
      out.lines.push(line);
    },
    onProblem: (problem) => out.problems.push(problem),
  });
  let at = 0;
  let k = 0;
  while (at < text.length) {
    const size = sizes[k++ % sizes.length]!;
    tokenizer.push(text.slice(at, at + size));
    at += size;
  }
  tokenizer.end();
  return out;
}

function referenceParse(text: string, delimiter: string): string[][] {
  return parse(text, { delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
}

describe('CsvTokenizer vs csv-parse', () => {
  it('the generator writes CSV that csv-parse reads back as intended (sanity check of the oracle)', () => {
    const random = prng(7);
    for (let i = 0; i < 50; i++) {
      const g = generate(random);
      expect(referenceParse(g.text, g.delimiter), JSON.stringify(g.text)).toEqual(g.records);
    }
  });

  it('matches csv-parse record for record on 400 random CSVs in random chunk sizes', () => {
    const random = prng(20241115);
    for (let i = 0; i < 400; i++) {
      const g = generate(random);
      const sizes = chunkSizes(random, g.text.length);
      const expected = referenceParse(g.text, g.delimiter);
      const actual = tokenizeChunks(g.text, g.delimiter, sizes);
      const context = `case ${i}, delimiter ${JSON.stringify(g.delimiter)}, chunks ${JSON.stringify(sizes.slice(0, 4))}, text ${JSON.stringify(g.text)}`;
      expect(actual.records, context).toEqual(expected);
      expect(actual.records, context).toEqual(g.records);
      expect(actual.lines, context).toEqual(g.lines);
      expect(actual.problems, context).toEqual([]);
    }
  });

  it('matches csv-parse when the bytes go through the UTF-8 stream decoder in random byte chunks first', () => {
    const random = prng(99);
    const encoder = new TextEncoder();
    for (let i = 0; i < 200; i++) {
      const g = generate(random);
      const bytes = encoder.encode(g.text);
      const decoder = new StreamDecoder({ encoding: 'utf-8', bomLength: 0, reason: 'valid-utf8' });
      const out: string[][] = [];
      const tokenizer = new CsvTokenizer({ delimiter: g.delimiter, onRecord: (fields) => out.push(fields), onProblem: () => {} });
      let at = 0;
      while (at < bytes.length) {
        const size = 1 + Math.floor(random() * 9);
        tokenizer.push(decoder.write(bytes.subarray(at, at + size)));
        at += size;
      }
      tokenizer.push(decoder.end());
      tokenizer.end();
      expect(decoder.problems).toEqual([]);
      expect(out, JSON.stringify(g.text)).toEqual(referenceParse(g.text, g.delimiter));
    }
  });
});
