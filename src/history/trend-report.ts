/**
 * `second-impression history`: a brand's recorded runs, oldest first, in four formats.
 *
 * - `json`: the array of runs as the history holds them (brand, period, as-of, inputs hash, tool version,
 *   settings, overall, category and rule scores with their n, key figures, findings and warnings).
 * - `text`: a sparkline per score and key figure with the first and last value of the line and the change
 *   between them, then one line per run.
 * - `csv`: one row per run (the Spanish Excel dialect by default in Spanish, as the audit's CSV).
 * - `md`: the same two tables as the text, in Markdown.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { CATEGORY_IDS } from '../contract/ids.js';
import type { Catalog } from '../i18n/catalog.js';
import { DOCUMENT_LABELS } from '../report/labels.js';
import { escapeMarkdown } from '../report/markdown.js';
import {
  type Change,
  changeOf,
  clipText,
  csvDocument,
  FIGURES,
  type FigureKind,
  figureText,
  localDay,
  mdRow,
  mdText,
  num,
  padEnd,
  padStart,
  SCORE,
  terminalText,
  text,
  visibleLength,
} from './format.js';
import type { HistoryRun } from './run.js';
import { sparkline } from './sparkline.js';

export const HISTORY_FORMATS = ['text', 'json', 'csv', 'md'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

export interface HistoryRenderOptions {
  catalog: Catalog;
  color: boolean;
  width: number;
  /** true: the Spanish Excel CSV dialect; false: RFC 4180; default: Excel in Spanish. */
  csvExcel?: boolean;
}

interface Series {
  label: string;
  kind: FigureKind;
  values: (number | null)[];
}

function seriesOf(runs: readonly HistoryRun[], catalog: Catalog): Series[] {
  const h = catalog.messages.history;
  const keyFigures = ['replyRate', 'firstResponseMedian', 'firstResponseWithinTarget', 'ignored', 'conversations'] as const;
  return [
    { label: h.score, kind: SCORE, values: runs.map((r) => r.score) },
    ...CATEGORY_IDS.map((id) => ({ label: catalog.category(id), kind: SCORE, values: runs.map((r) => r.categories[id].score) })),
    ...keyFigures.map((key) => {
      const figure = FIGURES.find((f) => f.key === key)!;
      return { label: figure.label(catalog), kind: figure.kind, values: runs.map((r) => r.figures[key]) };
    }),
  ];
}

/** First and last known values of a series. */
function ends(values: readonly (number | null)[]): { first: number | null; last: number | null } {
  const known = values.filter((v): v is number => v !== null);
  return { first: known[0] ?? null, last: known.at(-1) ?? null };
}

export function renderHistory(runs: readonly HistoryRun[], format: HistoryFormat, options: HistoryRenderOptions): string {
  if (format === 'json') return `${JSON.stringify(runs, null, 2)}\n`;
  if (format === 'csv') return historyCsv(runs, options);
  if (format === 'md') return historyMarkdown(runs, options.catalog);
  return historyText(runs, options);
}

function zoneOf(runs: readonly HistoryRun[]): string {
  return runs.at(-1)?.settings.timezone ?? 'UTC';
}

function heading(runs: readonly HistoryRun[], catalog: Catalog): { title: string; span: string } {
  const h = catalog.messages.history;
  const zone = zoneOf(runs);
  const handles = (runs.at(-1)?.brand.handles ?? []).map((x) => `@${x.replace(/^@/, '')}`).join(' ');
  const span =
    runs.length === 0
      ? catalog.fill(h.runs, { n: 0 })
      : `${catalog.fill(h.runs, { n: runs.length })} · ${localDay(runs[0]!.period.asOf, zone)} → ${localDay(runs.at(-1)!.period.asOf, zone)} (${h.asOfDates}, ${zone})`;
  return { title: `${h.title} · ${handles}`, span };
}

function colourChange(change: Change, chalk: ChalkInstance): string {
  if (change.verdict === 'better') return chalk.green(change.text);
  if (change.verdict === 'worse') return chalk.red(change.text);
  if (change.verdict === 'same') return chalk.dim(change.text);
  return change.text;
}

/** Width of the trend labels ("First reply within target"). */
const LABEL = 25;

function historyText(runs: readonly HistoryRun[], options: HistoryRenderOptions): string {
  const { catalog, width } = options;
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const h = catalog.messages.history;
  const locale = catalog.locale;
  const { title, span } = heading(runs, catalog);
  const lines = [chalk.bold(title), span, ''];
  if (runs.length === 0) return terminalText(lines);
  // Each series: its label, a line with one character per run, the first and last value of the line and
  // the change. The line holds the latest runs that fit beside the longest of those figures.
  const tails = (window: readonly HistoryRun[]) =>
    seriesOf(window, catalog).map((series) => {
      const { first, last } = ends(series.values);
      const figures = first === null ? '—' : `${figureText(first, series.kind, locale)} → ${figureText(last, series.kind, locale)}`;
      return { series, figures, change: changeOf(first, last, series.kind, catalog) };
    });
  let room = Math.min(runs.length, width);
  for (;;) {
    const widest = Math.max(...tails(runs.slice(-room)).map((t) => visibleLength(`${t.figures}  ${t.change.text}`)));
    if (room <= 8 || 2 + LABEL + 2 + room + 2 + widest <= width) break;
    room--;
  }
  const shown = runs.slice(-room);
  lines.push(chalk.bold(h.trend));
  for (const { series, figures, change } of tails(shown)) {
    lines.push(
      `  ${padEnd(clipText(series.label, LABEL), LABEL)}  ${padEnd(sparkline(series.values), shown.length)}  ${figures}  ${colourChange(change, chalk)}`.trimEnd(),
    );
  }
  if (shown.length < runs.length) lines.push(chalk.dim(`  (${catalog.fill(h.shownLast, { n: shown.length })})`));
  lines.push('');
  lines.push(chalk.bold(h.runsTable));
  const zone = zoneOf(runs);
  const columns = [
    { head: h.asOf, size: 10, right: false, value: (r: HistoryRun) => localDay(r.period.asOf, zone) },
    { head: h.period, size: 23, right: false, value: (r: HistoryRun) => `${localDay(r.period.from, zone)} → ${localDay(r.period.to, zone)}` },
    { head: h.columns.score, size: 6, right: true, value: (r: HistoryRun) => figureText(r.score, SCORE, locale) },
    {
      head: h.columns.replyRate,
      size: 10,
      right: true,
      value: (r: HistoryRun) => figureText(r.figures.replyRate, { unit: 'share', higherIsBetter: true }, locale),
    },
    {
      head: h.columns.firstReply,
      size: 10,
      right: true,
      value: (r: HistoryRun) => figureText(r.figures.firstResponseMedian, { unit: 'minutes', higherIsBetter: false }, locale),
    },
    { head: h.columns.conversations, size: 7, right: true, value: (r: HistoryRun) => String(r.figures.conversations) },
  ];
  const cell = (value: string, size: number, right: boolean): string => (right ? padStart(clipText(value, size), size) : padEnd(clipText(value, size), size));
  lines.push(chalk.dim(`  ${columns.map((c) => cell(c.head, c.size, c.right)).join('  ')}`));
  for (const run of runs) lines.push(`  ${columns.map((c) => cell(c.value(run), c.size, c.right)).join('  ')}`.trimEnd());
  return terminalText(lines);
}

function historyCsv(runs: readonly HistoryRun[], options: HistoryRenderOptions): string {
  const { catalog } = options;
  const h = catalog.messages.history;
  const labels = DOCUMENT_LABELS[catalog.locale].csv;
  const header = [
    h.handles,
    labels.asOf,
    labels.from,
    labels.to,
    h.score,
    ...CATEGORY_IDS.flatMap((id) => [catalog.category(id), `${catalog.category(id)}: n`]),
    ...FIGURES.map((f) => f.label(catalog)),
    h.findings,
    h.warnings,
    h.inputsHash,
    h.toolVersion,
  ];
  const rows = runs.map((r) => [
    text(r.brand.handles.join(', ')),
    text(r.period.asOf),
    text(r.period.from),
    text(r.period.to),
    num(r.score),
    ...CATEGORY_IDS.flatMap((id) => [num(r.categories[id].score), num(r.categories[id].cases)]),
    ...FIGURES.map((f) => num(r.figures[f.key])),
    num(r.findings),
    num(r.warnings),
    text(r.inputsHash),
    text(r.toolVersion),
  ]);
  return csvDocument(header, rows, options.csvExcel ?? catalog.locale === 'es');
}

function historyMarkdown(runs: readonly HistoryRun[], catalog: Catalog): string {
  const h = catalog.messages.history;
  const locale = catalog.locale;
  const { title, span } = heading(runs, catalog);
  const out = [`# ${escapeMarkdown(title)}`, '', mdText(span), ''];
  if (runs.length === 0) return `${out.join('\n')}\n`;
  out.push(`## ${mdText(h.trend)}`, '');
  const zone = zoneOf(runs);
  out.push(
    mdRow([h.figure, h.line, localDay(runs[0]!.period.asOf, zone), localDay(runs.at(-1)!.period.asOf, zone), h.change].map(mdText)),
    mdRow(['---', '---', '---:', '---:', '---']),
  );
  for (const series of seriesOf(runs, catalog)) {
    const { first, last } = ends(series.values);
    out.push(
      mdRow([
        mdText(series.label),
        `\`${sparkline(series.values)}\``,
        mdText(figureText(first, series.kind, locale)),
        mdText(figureText(last, series.kind, locale)),
        mdText(changeOf(first, last, series.kind, catalog).text),
      ]),
    );
  }
  out.push('', `## ${mdText(h.runsTable)}`, '');
  out.push(
    mdRow([h.asOf, h.period, h.score, h.replyRate, h.firstReplyMedian, h.conversations, h.ignored].map(mdText)),
    mdRow(['---', '---', '---:', '---:', '---:', '---:', '---:']),
  );
  for (const r of runs) {
    out.push(
      mdRow(
        [
          localDay(r.period.asOf, zone),
          `${localDay(r.period.from, zone)} → ${localDay(r.period.to, zone)}`,
          figureText(r.score, SCORE, locale),
          figureText(r.figures.replyRate, { unit: 'share', higherIsBetter: true }, locale),
          figureText(r.figures.firstResponseMedian, { unit: 'minutes', higherIsBetter: false }, locale),
          String(r.figures.conversations),
          String(r.figures.ignored),
        ].map(mdText),
      ),
    );
  }
  return `${out.join('\n')}\n`;
}
