/**
 * Drives the tokenizer over a decoded text stream. Adapters get each record with its line number.
 */
import type { AdapterInput } from '../../contract/adapter.js';
import type { IngestSink } from '../../contract/adapter.js';
import { CsvTokenizer, sniffDelimiter } from './tokenizer.js';

const EXCEL_SEP_HINT = /^sep=(.)\r?\n/i;

/** The delimiter announced by Excel's `sep=` first line, or sniffed from the first records. */
export function chooseDelimiter(head: string): { delimiter: string; excelHint: boolean } {
  const hint = EXCEL_SEP_HINT.exec(head);
  if (hint) return { delimiter: hint[1]!, excelHint: true };
  return { delimiter: sniffDelimiter(head), excelHint: false };
}

export async function forEachCsvRecord(
  source: AdapterInput,
  delimiter: string,
  sink: IngestSink,
  onRecord: (fields: string[], line: number) => void,
): Promise<void> {
  const tokenizer = new CsvTokenizer({
    delimiter,
    onRecord,
    onProblem: (problem) => sink.warn({ line: problem.line, code: problem.code, message: problem.message, ...(problem.data ? { data: problem.data } : {}) }),
  });
  for await (const chunk of source.chunks) tokenizer.push(chunk);
  tokenizer.end();
}

/**
 * The first `max` complete records of a text sample (a file's head), for sniffing and hints. A record cut off by
 * the end of the sample is left out unless `complete` says the sample is the whole text. Quoting problems are
 * ignored here: the real read reports them with their lines.
 */
export function sampleRecords(sample: string, delimiter: string, max: number, complete: boolean): string[][] {
  const records: string[][] = [];
  const tokenizer = new CsvTokenizer({
    delimiter,
    onRecord: (fields) => {
      if (records.length < max) records.push(fields);
    },
    onProblem: () => {},
  });
  tokenizer.push(sample);
  if (complete) tokenizer.end();
  return records;
}

/** Header cell → comparable key: lower case, no accents, no BOM, words joined by "_". */
export function headerKey(cell: string): string {
  return cell
    .replace(/^\ufeff/, '')
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * Whether a data row has the header's width. A row that does not is skipped with a `ragged-row` warning on its
 * line, except a blank line (one empty field), which is passed over silently.
 */
export function rowFits(fields: readonly string[], width: number, line: number, sink: Pick<IngestSink, 'warn'>): boolean {
  if (fields.length === width) return true;
  if (!(fields.length === 1 && fields[0] === ''))
    sink.warn({
      line,
      code: 'ragged-row',
      message: `expected ${width} fields, found ${fields.length}; row skipped`,
      data: { expected: width, found: fields.length },
    });
  return false;
}
