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
    onProblem: (problem) => sink.warn({ line: problem.line, code: problem.code, message: problem.message }),
  });
  for await (const chunk of source.chunks) tokenizer.push(chunk);
  tokenizer.end();
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
