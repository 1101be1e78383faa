/**
 * Formatting shared by the `history` and `compare` outputs: figures in the report's words and numbers,
 * changes between two values, and the CSV dialects of the audit's CSV report (plain RFC 4180, or the
 * Spanish Excel one: ";", decimal comma, BOM, CRLF).
 */
import { stringify } from 'csv-stringify/sync';
import type { Locale } from '../contract/ids.js';
import type { HistoryFigures } from '../contract/result.js';
import type { Catalog } from '../i18n/catalog.js';
import { formatDuration, formatPercent } from '../i18n/format.js';
import { numberCell, textCell } from '../report/csv.js';
import { safeForTerminal } from '../report/text.js';

/** How a figure is written and which way is better. */
export interface FigureKind {
  unit: 'score' | 'share' | 'minutes' | 'count';
  /** true: more is better; false: less is better; null: neither (a volume). */
  higherIsBetter: boolean | null;
}

export const SCORE: FigureKind = { unit: 'score', higherIsBetter: true };

export const FIGURES: readonly { key: keyof HistoryFigures; kind: FigureKind; label: (c: Catalog) => string }[] = [
  { key: 'conversations', kind: { unit: 'count', higherIsBetter: null }, label: (c) => c.messages.history.conversations },
  { key: 'needingReply', kind: { unit: 'count', higherIsBetter: null }, label: (c) => c.messages.history.needingReply },
  { key: 'answered', kind: { unit: 'count', higherIsBetter: null }, label: (c) => c.messages.history.answered },
  { key: 'ignored', kind: { unit: 'count', higherIsBetter: false }, label: (c) => c.messages.history.ignored },
  { key: 'pending', kind: { unit: 'count', higherIsBetter: null }, label: (c) => c.messages.history.pending },
  { key: 'replyRate', kind: { unit: 'share', higherIsBetter: true }, label: (c) => c.messages.history.replyRate },
  { key: 'firstResponseMedian', kind: { unit: 'minutes', higherIsBetter: false }, label: (c) => c.messages.history.firstReplyMedian },
  { key: 'firstResponseP90', kind: { unit: 'minutes', higherIsBetter: false }, label: (c) => c.messages.history.firstReplyP90 },
  { key: 'firstResponseWithinTarget', kind: { unit: 'share', higherIsBetter: true }, label: (c) => c.messages.history.withinTarget },
  { key: 'followUpMedian', kind: { unit: 'minutes', higherIsBetter: false }, label: (c) => c.messages.history.followUpMedian },
];

export function localNumber(value: number, locale: Locale, digits = 1): string {
  return value.toLocaleString(locale === 'es' ? 'es-ES' : 'en-US', { maximumFractionDigits: digits, useGrouping: false });
}

/** A figure as the text report writes it: scores rounded, shares in percent, durations in words. */
export function figureText(value: number | null, kind: FigureKind, locale: Locale): string {
  if (value === null) return '—';
  if (kind.unit === 'score') return String(Math.round(value));
  if (kind.unit === 'share') return formatPercent(value, locale);
  if (kind.unit === 'minutes') return formatDuration(value);
  return localNumber(value, locale);
}

export interface Change {
  /** "▼ 7 pts", "▲ 25 min", "= unchanged"; empty when either value is missing. */
  text: string;
  verdict: 'better' | 'worse' | 'same' | 'neutral' | 'unknown';
}

/**
 * From `then` to `now`, computed on the numbers as written (rounded scores, percent with one decimal,
 * whole minutes), so the change is the difference of the two numbers a reader sees.
 */
export function changeOf(then: number | null, now: number | null, kind: FigureKind, catalog: Catalog): Change {
  if (then === null || now === null) return { text: '', verdict: 'unknown' };
  const h = catalog.messages.history;
  const locale = catalog.locale;
  let delta: number;
  let amount: string;
  if (kind.unit === 'share') {
    delta = (Math.round(now * 1000) - Math.round(then * 1000)) / 10;
    amount = `${localNumber(Math.abs(delta), locale)} ${h.points}`;
  } else if (kind.unit === 'minutes') {
    delta = Math.round(now) - Math.round(then);
    amount = formatDuration(Math.abs(delta));
  } else if (kind.unit === 'score') {
    delta = Math.round(now) - Math.round(then);
    amount = String(Math.abs(delta));
  } else {
    delta = now - then;
    amount = localNumber(Math.abs(delta), locale);
  }
  if (delta === 0) return { text: `= ${h.unchanged}`, verdict: 'same' };
  const moved = `${delta > 0 ? '▲' : '▼'} ${amount}`;
  if (kind.higherIsBetter === null) return { text: moved, verdict: 'neutral' };
  const better = delta > 0 === kind.higherIsBetter;
  return { text: `${moved} ${better ? h.better : h.worse}`, verdict: better ? 'better' : 'worse' };
}

/** "2026-10-05" in `zone` (the brand's calendar day). */
export function localDay(iso: string | null, zone: string): string {
  if (iso === null) return '—';
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
  }
  return format.format(new Date(iso));
}

/** Visible length of a line (code points; the block and arrow characters are one each). */
export function visibleLength(text: string): number {
  return [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;
}

export function padEnd(text: string, size: number): string {
  return text + ' '.repeat(Math.max(0, size - visibleLength(text)));
}

export function padStart(text: string, size: number): string {
  return ' '.repeat(Math.max(0, size - visibleLength(text))) + text;
}

/** Cuts a label to `size` code points with "…". */
export function clipText(text: string, size: number): string {
  const chars = [...text];
  return chars.length <= size ? text : `${chars.slice(0, Math.max(1, size - 1)).join('')}…`;
}

/** Lines for the terminal: data (handles, paths) can carry no escape sequence to it. */
export function terminalText(lines: readonly string[]): string {
  return `${lines.map(safeForTerminal).join('\n')}\n`;
}

export type CsvValue = { text: string | null } | { number: number | null };

/** A CSV document in the audit CSV's dialects: the Spanish Excel one by default in Spanish. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[], excel: boolean): string {
  const dialect = { decimalComma: excel };
  const records = [
    header.map((h) => textCell(h)),
    ...rows.map((row) => row.map((v) => ('number' in v ? numberCell(v.number, dialect) : v.text === null ? '' : textCell(v.text)))),
  ];
  const body = stringify(records, { delimiter: excel ? ';' : ',', record_delimiter: excel ? '\r\n' : '\n', quoted_match: /[\r\n]/, eof: true });
  return excel ? `\ufeff${body}` : body;
}

export const text = (value: string | null): CsvValue => ({ text: value });
export const num = (value: number | null): CsvValue => ({ number: value });

/** Our own words and figures in a Markdown table cell (text from the data goes through `escapeMarkdown`). */
export function mdText(value: string): string {
  return value.replace(/[|\\]/g, '\\$&');
}

/** A Markdown table row; cells are already escaped. */
export function mdRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}
