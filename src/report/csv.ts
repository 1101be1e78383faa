/**
 * CSV tables for spreadsheets, written with csv-stringify from the audit result alone.
 *
 * Tables (the `table` option; `--table` on the command line):
 * - `summary` (the default): one row for the audited brand and period — handles, period, as-of, the overall score, each
 *   category's score and n, and the key metrics (conversations, needing a reply, answered, replied to,
 *   ignored, pending, reply rate, first-reply target, first-reply median/p90/n/within target, the median
 *   over conversations that needed a reply, follow-up median/n, automated replies);
 * - `rules`: one row per rule — category, rule id and title, score, n, weight, why there is no score,
 *   how many findings and watch-list items it has (so a category score can be checked in the sheet);
 * - `conversations`: one row per audited conversation (ids, platform, source, opened at, status, whether
 *   and why it needed a reply, first reply and its minutes, agent, posts, rating), present when the audit
 *   was run with the conversation table, so every count of the report can be recounted in the sheet;
 * - `findings`: **one row per finding**, so the rows match the findings one to one and a
 *   sheet can be sorted and filtered by finding. The finding's evidence posts share that row: the
 *   author, role, date, text and source columns hold one line per evidence post, in the same order in
 *   each column (line 2 of "Author" wrote line 2 of "Text"); a post's own line breaks become spaces so
 *   the lines stay aligned.
 * - `all`: every table as files `summary.csv`, `rules.csv`, `conversations.csv` and `findings.csv` (for
 *   an output folder).
 *
 * Dialects: with the Spanish locale (or `csvExcel: true`) the file is what Excel in Spain opens by a double
 * click: `;` between fields, decimal comma, a UTF-8 byte-order mark and CRLF line ends. Otherwise it is
 * plain RFC 4180 fields and quoting in UTF-8 with `,`, `.` decimals, no BOM and LF line ends (what
 * scripts and most tools expect); `csvExcel: false` forces it in Spanish too. Headers are in the report's
 * language.
 *
 * Cells:
 * - numbers are written with exactly the decimals the result holds (never rounded, never padded), and
 *   null is an empty cell;
 * - text from the data has control characters and bidi overrides removed, and is cut (on a grapheme,
 *   with "…") at 32 767 characters, the most a spreadsheet cell holds;
 * - formula injection: a text cell whose first non-blank character is `=`, `+`, `-` or `@` (or their
 *   full-width forms), or that starts with a tab, gets a leading apostrophe so that no spreadsheet runs
 *   it. Numeric columns hold only numbers from the result, so a negative number stays a number.
 * - dates are the result's ISO 8601 UTC times.
 */
import { stringify } from 'csv-stringify/sync';
import { CATEGORY_IDS } from '../contract/ids.js';
import type { AuditResult, CategoryReport, ConversationRow, Finding, RuleReport } from '../contract/result.js';
import type { Catalog } from '../i18n/catalog.js';
import { cleanInput, clipUnits, DOCUMENT_LABELS, type DocumentLabels } from './labels.js';
import type { RenderedFile, RenderOptions, Renderer, RenderOutput } from './types.js';

export const CSV_TABLES = ['summary', 'rules', 'conversations', 'findings'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

/** The CSV renderer's own options, read beside the shared ones. */
export interface CsvRenderOptions extends RenderOptions {
  /** The table to write (default `summary`), or `all` for every table as files. */
  table?: CsvTable | 'all';
  /** true: the Spanish Excel dialect; false: plain RFC 4180; default: Spanish Excel when the locale is `es`. */
  csvExcel?: boolean;
}

export const csvRenderer: Renderer = {
  id: 'csv',
  description: 'spreadsheet tables: findings (one row each), rules or summary; Excel-ready (;, decimal comma) in Spanish',
  extension: 'csv',
  render: (result, options: CsvRenderOptions) => renderCsv(result, options),
};

/** The most characters a spreadsheet cell holds (Excel, LibreOffice). */
export const MAX_CELL = 32_767;

interface Dialect {
  delimiter: ',' | ';';
  decimalComma: boolean;
  bom: boolean;
  recordDelimiter: '\n' | '\r\n';
}

const RFC_4180: Dialect = { delimiter: ',', decimalComma: false, bom: false, recordDelimiter: '\n' };
const SPANISH_EXCEL: Dialect = { delimiter: ';', decimalComma: true, bom: true, recordDelimiter: '\r\n' };

type Column<Row> = { header: string; text: (row: Row) => string | null } | { header: string; number: (row: Row) => number | null };

export function renderCsv(result: AuditResult, options: CsvRenderOptions): RenderOutput {
  const { catalog } = options;
  const excel = options.csvExcel ?? catalog.locale === 'es';
  const dialect = excel ? SPANISH_EXCEL : RFC_4180;
  const labels = DOCUMENT_LABELS[catalog.locale];
  const table = options.table ?? 'summary';
  const write = (name: CsvTable): string => {
    if (name === 'summary') return writeTable(summaryColumns(catalog, labels), [result], dialect);
    if (name === 'rules') return writeTable(ruleColumns(catalog, labels), ruleRows(result), dialect);
    if (name === 'conversations') {
      if (!result.conversations) throw new Error('the conversations table needs an audit run with the conversation table (conversationTable)');
      return writeTable(conversationColumns(catalog, labels), result.conversations, dialect);
    }
    return writeTable(findingColumns(catalog, labels), result.findings, dialect);
  };
  if (table === 'all') {
    const names = CSV_TABLES.filter((name) => name !== 'conversations' || result.conversations !== undefined);
    return names.map((name): RenderedFile => ({ name: `${name}.csv`, content: write(name) }));
  }
  if (!(CSV_TABLES as readonly string[]).includes(table)) throw new Error(`unknown CSV table "${String(table)}" (${CSV_TABLES.join(', ')} or all)`);
  return write(table);
}

function writeTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[], dialect: Dialect): string {
  const records = [columns.map((c) => textCell(c.header)), ...rows.map((row) => columns.map((c) => cell(c, row, dialect)))];
  // A cell holding a line break is always quoted, whatever the record delimiter (csv-stringify checks only
  // the delimiter it writes once one is given, and a bare LF in an unquoted cell would split the row in Excel).
  const body = stringify(records, { delimiter: dialect.delimiter, record_delimiter: dialect.recordDelimiter, quoted_match: /[\r\n]/, eof: true });
  return dialect.bom ? `\ufeff${body}` : body;
}

function cell<Row>(column: Column<Row>, row: Row, dialect: Dialect): string {
  if ('number' in column) return numberCell(column.number(row), dialect);
  const value = column.text(row);
  return value === null ? '' : textCell(value);
}

/** The number as the result holds it (shortest round-trip digits), with a decimal comma in Excel mode. */
export function numberCell(value: number | null, dialect: Pick<Dialect, 'decimalComma'>): string {
  if (value === null || !Number.isFinite(value)) return '';
  let text = String(value);
  // Beyond 1e21 or below 1e-6 JavaScript writes an exponent, which no spreadsheet reads as the same number.
  if (/e/i.test(text)) text = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 20 }).format(value);
  return dialect.decimalComma ? text.replace('.', ',') : text;
}

/** A spreadsheet reads a cell starting with one of these as a formula (the full-width forms too). */
const FORMULA_START = /^(?:\s*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r])/;

/** Text from the data: cleaned, cut to what a cell holds, and never a formula. */
export function textCell(value: string): string {
  const text = clipUnits(cleanInput(value), MAX_CELL - 1);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function summaryColumns(catalog: Catalog, l: DocumentLabels): Column<AuditResult>[] {
  const t = l.csv;
  const categories = CATEGORY_IDS.flatMap((id): Column<AuditResult>[] => [
    { header: t.categoryScore(catalog.category(id)), number: (r) => r.categories[id].score },
    { header: t.categoryCases(catalog.category(id)), number: (r) => r.categories[id].cases },
  ]);
  return [
    { header: t.brand, text: (r) => r.brand.handles.join(', ') },
    { header: t.from, text: (r) => r.period.from },
    { header: t.to, text: (r) => r.period.to },
    { header: t.asOf, text: (r) => r.period.asOf },
    { header: catalog.messages.report.score, number: (r) => r.score },
    ...categories,
    { header: t.conversations, number: (r) => r.metrics.conversations },
    { header: t.posts, number: (r) => r.metrics.posts },
    { header: t.needingReply, number: (r) => r.metrics.needingReply },
    { header: t.answered, number: (r) => r.metrics.answered },
    { header: t.repliedTo, number: (r) => r.metrics.repliedTo },
    { header: t.ignored, number: (r) => r.metrics.ignored },
    { header: t.pending, number: (r) => r.metrics.pending },
    { header: t.replyRate, number: (r) => r.metrics.replyRate },
    { header: t.slaMinutes, number: (r) => r.settings.slaMinutes },
    { header: t.firstReplyMedian, number: (r) => r.metrics.firstResponseMinutes.median },
    { header: t.firstReplyP90, number: (r) => r.metrics.firstResponseMinutes.p90 },
    { header: t.firstReplyCount, number: (r) => r.metrics.firstResponseMinutes.count },
    { header: t.firstReplyWithinTarget, number: (r) => r.metrics.firstResponseMinutes.withinTarget },
    { header: t.firstReplyNeedingMedian, number: (r) => r.metrics.firstResponseMinutesNeedingReply.median },
    { header: t.followUpMedian, number: (r) => r.metrics.followUpResponseMinutes.median },
    { header: t.followUpCount, number: (r) => r.metrics.followUpResponseMinutes.count },
    { header: t.automatedReplies, number: (r) => r.metrics.automatedReplies },
  ];
}

interface RuleRow {
  category: keyof AuditResult['categories'];
  report: CategoryReport;
  rule: RuleReport;
}

function ruleRows(result: AuditResult): RuleRow[] {
  return CATEGORY_IDS.flatMap((category) => result.categories[category].rules.map((rule) => ({ category, report: result.categories[category], rule })));
}

function ruleColumns(catalog: Catalog, l: DocumentLabels): Column<RuleRow>[] {
  const t = l.csv;
  return [
    { header: t.category, text: (r) => catalog.category(r.category) },
    { header: t.ruleId, text: (r) => r.rule.id },
    { header: t.rule, text: (r) => catalog.ruleTitle(r.rule.id) },
    { header: t.score, number: (r) => r.rule.score },
    { header: t.cases, number: (r) => r.rule.cases },
    { header: t.weight, number: (r) => r.rule.weight },
    { header: t.whyNoScore, text: (r) => whyNoScore(r.rule, catalog) },
    { header: t.findings, number: (r) => r.rule.findingCount },
    { header: t.watchList, number: (r) => r.rule.watchCount ?? 0 },
  ];
}

function whyNoScore(rule: RuleReport, catalog: Catalog): string | null {
  if (rule.failed) return `${catalog.messages.report.ruleFailed}: ${rule.failed}`;
  if (rule.score !== null) return null;
  return rule.reason ? catalog.reason(rule.reason) : catalog.messages.report.notMeasured;
}

function conversationColumns(catalog: Catalog, l: DocumentLabels): Column<ConversationRow>[] {
  const t = l.csv;
  return [
    { header: t.thread, text: (r) => r.threadId },
    { header: t.openerId, text: (r) => r.openerId },
    { header: t.platform, text: (r) => r.platform },
    { header: t.source, text: (r) => r.source },
    { header: t.openedAt, text: (r) => r.openedAt },
    { header: t.customer, text: (r) => r.customer },
    { header: t.status, text: (r) => l.status[r.status] },
    { header: t.needsReply, text: (r) => (r.needsReply ? l.yes : l.no) },
    { header: t.needsReplyWhy, text: (r) => (r.reason === null ? null : catalog.term('needs-reply', r.reason)) },
    { header: t.firstReplyId, text: (r) => r.firstReplyId },
    { header: t.firstReplyAt, text: (r) => r.firstReplyAt },
    { header: t.firstResponseMinutes, number: (r) => r.firstResponseMinutes },
    { header: t.agent, text: (r) => r.agent },
    { header: t.posts, number: (r) => r.posts },
    { header: t.brandPosts, number: (r) => r.brandPosts },
    { header: t.automatedReplies, number: (r) => r.automatedReplies },
    { header: t.rating, number: (r) => r.rating },
  ];
}

/** One evidence value per line; a post's own line breaks become spaces so the columns stay aligned. */
function perEvidence(finding: Finding, value: (e: Finding['evidence'][number]) => string): string {
  return finding.evidence.map((e) => cleanInput(value(e)).replace(/\s*\n\s*/g, ' ')).join('\n');
}

function findingColumns(catalog: Catalog, l: DocumentLabels): Column<Finding>[] {
  const t = l.csv;
  return [
    { header: t.rank, number: (f) => f.rank },
    { header: t.category, text: (f) => catalog.category(f.category) },
    { header: t.ruleId, text: (f) => f.ruleId },
    { header: t.rule, text: (f) => catalog.ruleTitle(f.ruleId) },
    { header: t.severityColumn, text: (f) => l.severity[f.severity] },
    { header: t.watchList, text: (f) => (f.pending ? l.yes : null) },
    { header: t.message, text: (f) => catalog.finding(f) },
    { header: t.thread, text: (f) => f.threadId },
    { header: t.postIds, text: (f) => f.postIds.map((id) => cleanInput(id).replace(/\s*\n\s*/g, ' ')).join('\n') },
    { header: t.author, text: (f) => perEvidence(f, (e) => e.author) },
    { header: t.roleColumn, text: (f) => perEvidence(f, (e) => l.role[e.role]) },
    { header: t.createdAt, text: (f) => perEvidence(f, (e) => e.createdAt) },
    { header: t.text, text: (f) => perEvidence(f, (e) => e.text) },
    { header: t.source, text: (f) => perEvidence(f, (e) => e.source) },
  ];
}
