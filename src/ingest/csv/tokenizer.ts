/**
 * A streaming RFC 4180 tokenizer tuned for the hot path (a 200 MB export in a few seconds).
 *
 * Why not csv-parse: on the 1.66 M-row benchmark file it alone takes 13–15 s on this machine, more than
 * the whole audit may take (docs/performance.md). This tokenizer leans on String#indexOf, which V8 runs
 * natively, and only walks character by character inside quoted fields. csv-parse stays in the test
 * suite as the reference it is checked against.
 *
 * Relaxed where real exports are sloppy: a quote in the middle of an unquoted field is kept as text,
 * characters after a closing quote are appended, CRLF and LF both end a record, blank lines are skipped.
 * An unterminated quote is reported with the line it opened on, and parsing resumes on the next line so
 * that the good rows after it are not lost.
 */
import type { MessageData } from '../../contract/warning.js';

export interface CsvProblem {
  code: 'unterminated-quote' | 'record-too-large' | 'too-many-problems';
  line: number;
  message: string;
  data?: MessageData;
}

export interface CsvTokenizerOptions {
  delimiter: string;
  onRecord(fields: string[], line: number): void;
  onProblem(problem: CsvProblem): void;
  /** A record longer than this (in UTF-16 units) is treated as broken. */
  maxRecordLength?: number;
  /** The physical line number of the first character pushed. */
  firstLine?: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const DEFAULT_MAX_RECORD = 16 * 1024 * 1024;
/** Recovering from a broken quote rescans the rest of the buffer; cap how often, to stay linear. */
const MAX_RECOVERIES = 1000;

export class CsvTokenizer {
  private readonly delimiter: string;
  private readonly delimiterCode: number;
  private readonly onRecord: CsvTokenizerOptions['onRecord'];
  private readonly onProblem: CsvTokenizerOptions['onProblem'];
  private readonly maxRecordLength: number;
  private buffer = '';
  private line: number;
  private recoveries = 0;
  private gaveUp = false;
  /** Inside an over-long line that was already reported: drop input up to its end. */
  private skippingLine = false;
  /** Position of the next delimiter in the current buffer (-1: not searched; Infinity: none left). */
  private nextDelimiter = -1;

  constructor(options: CsvTokenizerOptions) {
    if (options.delimiter.length !== 1) throw new Error('CSV delimiter must be one character');
    this.delimiter = options.delimiter;
    this.delimiterCode = options.delimiter.charCodeAt(0);
    this.onRecord = options.onRecord;
    this.onProblem = options.onProblem;
    this.maxRecordLength = options.maxRecordLength ?? DEFAULT_MAX_RECORD;
    this.line = options.firstLine ?? 1;
  }

  push(chunk: string): void {
    if (this.gaveUp) return;
    if (this.skippingLine) {
      const nl = chunk.indexOf('\n');
      if (nl < 0) return;
      this.skippingLine = false;
      this.line++;
      chunk = chunk.slice(nl + 1);
    }
    this.buffer = this.buffer.length === 0 ? chunk : this.buffer + chunk;
    this.drain(false);
  }

  end(): void {
    if (this.gaveUp) return;
    this.drain(true);
    this.buffer = '';
  }

  private drain(final: boolean): void {
    let text = this.buffer;
    let pos = 0;
    this.nextDelimiter = -1;
    const length = text.length;
    while (pos < length) {
      const end = this.parseRecord(text, pos, final);
      if (end >= 0) {
        pos = end;
        continue;
      }
      // Incomplete record: wait for more input unless this is the end or the record is absurdly long.
      if (!final && length - pos <= this.maxRecordLength) break;
      const startLine = this.line;
      this.onProblem({
        code: final ? 'unterminated-quote' : 'record-too-large',
        line: startLine,
        message: final
          ? `a quoted field opened on line ${startLine} is never closed; that line was skipped`
          : `the record starting on line ${startLine} is longer than ${this.maxRecordLength} characters (a quote never closed?); that line was skipped`,
        data: { line: startLine, max: this.maxRecordLength },
      });
      if (++this.recoveries > MAX_RECOVERIES) {
        this.onProblem({
          code: 'too-many-problems',
          line: startLine,
          message: `more than ${MAX_RECOVERIES} broken records; the rest of the file was skipped`,
          data: { max: MAX_RECOVERIES },
        });
        this.gaveUp = true;
        this.buffer = '';
        return;
      }
      // Resume after the first physical line of the broken record; if that line has not ended yet, drop
      // the rest of it as it arrives.
      const nl = text.indexOf('\n', pos);
      if (nl < 0) {
        if (final) this.line++;
        else this.skippingLine = true;
        pos = length;
        break;
      }
      this.line++;
      pos = nl + 1;
    }
    this.buffer = pos >= length ? '' : text.slice(pos);
    text = '';
  }

  /**
   * Parses one record starting at `pos`. Returns the position after it, or -1 if the record is not complete
   * in `text` (it may continue in the next chunk, or a quote is never closed).
   */
  private parseRecord(text: string, pos: number, final: boolean): number {
    const length = text.length;
    const delimiter = this.delimiter;
    const delimiterCode = this.delimiterCode;
    // Blank line (LF or CRLF): skip it, but count it.
    let c = text.charCodeAt(pos);
    if (c === LF) {
      this.line++;
      return pos + 1;
    }
    if (c === CR && (pos + 1 < length ? text.charCodeAt(pos + 1) === LF : final)) {
      this.line++;
      return Math.min(pos + 2, length);
    }

    const fields: string[] = [];
    let newlinesInside = 0;
    let lineEnd = -2; // index of the LF ending this physical line; -2 = not searched yet
    for (;;) {
      c = text.charCodeAt(pos);
      if (c === QUOTE) {
        // Quoted field: find the closing quote, unescaping "" on the way.
        let value = '';
        let from = pos + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) return -1;
          if (q + 1 >= length && !final) return -1; // cannot tell "" from a closing quote yet
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += text.slice(from, q);
          pos = q + 1;
          break;
        }
        // Relaxed: keep any characters between the closing quote and the next delimiter or newline.
        c = text.charCodeAt(pos);
        if (pos < length && c !== delimiterCode && c !== LF && c !== CR) {
          let stop = pos;
          while (stop < length) {
            const s = text.charCodeAt(stop);
            if (s === delimiterCode || s === LF || s === CR) break;
            stop++;
          }
          if (stop >= length && !final) return -1;
          value += text.slice(pos, stop);
          pos = stop;
          c = text.charCodeAt(pos);
        }
        newlinesInside += countNewlines(value);
        fields.push(value);
        lineEnd = -2; // the physical line changed if the value held newlines
        if (pos >= length) {
          if (!final) return -1;
          break;
        }
        if (c === delimiterCode) {
          pos++;
          if (pos >= length && !final) return -1;
          if (pos >= length) {
            fields.push('');
            break;
          }
          continue;
        }
        // LF or CRLF ends the record.
        if (c === CR) {
          if (pos + 1 >= length && !final) return -1;
          pos += text.charCodeAt(pos + 1) === LF ? 2 : 1;
        } else pos++;
        break;
      }

      // Unquoted field: it ends at the next delimiter before the end of the line.
      if (lineEnd === -2 || lineEnd < pos) {
        lineEnd = text.indexOf('\n', pos);
        if (lineEnd < 0) {
          if (!final) return -1;
          lineEnd = length;
        }
      }
      // The next delimiter is remembered: a file with no delimiter at all must not be rescanned per row.
      if (this.nextDelimiter !== Infinity && this.nextDelimiter < pos) {
        const found = text.indexOf(delimiter, pos);
        this.nextDelimiter = found < 0 ? Infinity : found;
      }
      const d = this.nextDelimiter;
      if (d !== Infinity && d < lineEnd) {
        fields.push(text.slice(pos, d));
        pos = d + 1;
        if (pos >= length) {
          if (!final) return -1;
          fields.push('');
          break;
        }
        continue;
      }
      let fieldEnd = lineEnd;
      if (fieldEnd > pos && text.charCodeAt(fieldEnd - 1) === CR) fieldEnd--;
      fields.push(text.slice(pos, fieldEnd));
      pos = lineEnd + 1;
      break;
    }
    const line = this.line;
    this.line += 1 + newlinesInside;
    this.onRecord(fields, line);
    return Math.min(pos, length);
  }
}

function countNewlines(value: string): number {
  let count = 0;
  let at = value.indexOf('\n');
  while (at >= 0) {
    count++;
    at = value.indexOf('\n', at + 1);
  }
  return count;
}

/**
 * Picks the delimiter from a sample: the candidate that splits the first records (outside quotes) into a
 * consistent number of fields greater than one. Spanish Excel writes ";", "Texto Unicode" writes tabs.
 */
export function sniffDelimiter(sample: string): string {
  const candidates = [',', ';', '\t', '|'];
  const lines = firstLinesOutsideQuotes(sample, 20);
  let best = ',';
  let bestScore = 0;
  for (const candidate of candidates) {
    const counts = lines.map((line) => line.split(candidate).length - 1);
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((n) => n === first).length;
    // Consistency first, then more columns: a header of 7 commas beats a stray semicolon.
    const score = consistent * 1000 + first;
    if (score > bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}

/** The first `max` lines of a sample with quoted sections (which may hold newlines) blanked out. */
function firstLinesOutsideQuotes(sample: string, max: number): string[] {
  const lines: string[] = [];
  let current = '';
  let inQuotes = false;
  for (let i = 0; i < sample.length && lines.length < max; i++) {
    const ch = sample[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === '\n') {
      if (current.trim() !== '') lines.push(current);
      current = '';
    } else if (!inQuotes) current += ch;
  }
  // A last partial line is only trusted when it is the whole sample.
  if (lines.length === 0 && current.trim() !== '') lines.push(current);
  return lines;
}
