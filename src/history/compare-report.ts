/**
 * `second-impression compare`: several brands audited from the same inputs, side by side.
 *
 * - `json`: `{ schemaVersion, tool, leaders, brands }`; `brands` holds each brand's audit result exactly as
 *   `audit --format json` writes it (the same schema), in the order the brands were named; `leaders` names,
 *   for the overall score, each category and rule and the key figures that have a better side, the brands
 *   that lead (several on a tie).
 * - `text` and `md`: the overall score, then one table per category (its score and its rules' scores),
 *   then the key figures, one column per brand, the leader marked ★; then who leads on what.
 * - `csv`: the same rows in one table, with each brand's value and n side by side and the leaders.
 *
 * A brand leads a row when at least two brands have a value there and none has a better one. Scores,
 * reply rate and the share within the first-reply target lead high; first-reply medians lead low.
 * Volumes (conversations, ignored) are shown but never lead: brands of different sizes are not comparable on them.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { CATEGORY_IDS } from '../contract/ids.js';
import { SCHEMA_VERSION, type AuditResult } from '../contract/result.js';
import type { Catalog } from '../i18n/catalog.js';
import { publishedResult } from '../report/json.js';
import { escapeMarkdown } from '../report/markdown.js';
import {
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
} from './format.js';
import { figuresOf } from './run.js';

export const COMPARE_FORMATS = ['text', 'json', 'csv', 'md'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];

export interface CompareRenderOptions {
  catalog: Catalog;
  color: boolean;
  width: number;
  csvExcel?: boolean;
}

/** One compared row: a value (and its n) per brand, and the brands that lead it. */
interface Row {
  section: string;
  id: string;
  label: string;
  kind: FigureKind;
  values: (number | null)[];
  cases: (number | null)[];
  /** Indexes of the leading brands (empty: nobody leads). */
  leaders: number[];
}

interface Section {
  id: string;
  title: string;
  rows: Row[];
}

/** "VerdemarAyuda,VerdemarHelp": how a brand is named in the JSON and CSV. */
export function brandName(result: AuditResult): string {
  return result.brand.handles.join(',');
}

/** "@VerdemarAyuda+2": a column heading. */
function brandLabel(result: AuditResult): string {
  const [first = '', ...rest] = result.brand.handles;
  return `@${first.replace(/^@/, '')}${rest.length > 0 ? `+${rest.length}` : ''}`;
}

function leadersOf(values: readonly (number | null)[], kind: FigureKind): number[] {
  if (kind.higherIsBetter === null) return [];
  const known = values.map((v, i) => ({ v, i })).filter((x): x is { v: number; i: number } => x.v !== null);
  if (known.length < 2) return [];
  const best = kind.higherIsBetter ? Math.max(...known.map((x) => x.v)) : Math.min(...known.map((x) => x.v));
  return known.filter((x) => x.v === best).map((x) => x.i);
}

function row(section: string, id: string, label: string, kind: FigureKind, values: (number | null)[], cases: (number | null)[]): Row {
  return { section, id, label, kind, values, cases, leaders: leadersOf(values, kind) };
}

function sectionsOf(results: readonly AuditResult[], catalog: Catalog): Section[] {
  const c = catalog.messages.compare;
  const overall: Section = {
    id: 'overall',
    title: c.overall,
    rows: [
      row(
        'overall',
        'score',
        c.overall,
        SCORE,
        results.map((r) => r.score),
        results.map((r) => CATEGORY_IDS.reduce((sum, id) => sum + r.categories[id].cases, 0)),
      ),
    ],
  };
  const categories = CATEGORY_IDS.map((id): Section => {
    const rules = results[0]?.categories[id].rules ?? [];
    return {
      id,
      title: catalog.category(id),
      rows: [
        row(
          id,
          id,
          catalog.category(id),
          SCORE,
          results.map((r) => r.categories[id].score),
          results.map((r) => r.categories[id].cases),
        ),
        ...rules.map((rule) =>
          row(
            id,
            rule.id,
            catalog.ruleTitle(rule.id),
            // An informative rule (weight 0) is shown but does not lead: it is not part of any score.
            rule.weight > 0 ? SCORE : { unit: 'score', higherIsBetter: null },
            results.map((r) => r.categories[id].rules.find((x) => x.id === rule.id)?.score ?? null),
            results.map((r) => r.categories[id].rules.find((x) => x.id === rule.id)?.cases ?? null),
          ),
        ),
      ],
    };
  });
  const figures = results.map(figuresOf);
  const keyFigures: Section = {
    id: 'key-figures',
    title: c.keyFigures,
    rows: FIGURES.map((f) =>
      row(
        'key-figures',
        f.key,
        f.label(catalog),
        f.kind.unit === 'count' ? { ...f.kind, higherIsBetter: null } : f.kind,
        figures.map((x) => x[f.key]),
        results.map((r) =>
          f.key === 'replyRate'
            ? r.metrics.answered + r.metrics.ignored
            : f.key.startsWith('firstResponse')
              ? r.metrics.firstResponseMinutes.count
              : f.key === 'followUpMedian'
                ? r.metrics.followUpResponseMinutes.count
                : null,
        ),
      ),
    ),
  };
  return [overall, ...categories, keyFigures];
}

export function renderComparison(results: readonly AuditResult[], format: CompareFormat, options: CompareRenderOptions): string {
  const sections = sectionsOf(results, options.catalog);
  if (format === 'json') return compareJson(results, sections, options.catalog);
  if (format === 'csv') return compareCsv(results, sections, options);
  if (format === 'md') return compareMarkdown(results, sections, options.catalog);
  return compareText(results, sections, options);
}

function compareJson(results: readonly AuditResult[], sections: readonly Section[], catalog: Catalog): string {
  const leaders: Record<string, Record<string, string[]>> = {};
  for (const section of sections) {
    const entries: Record<string, string[]> = {};
    for (const r of section.rows) if (r.leaders.length > 0) entries[r.id] = r.leaders.map((i) => brandName(results[i]!));
    leaders[section.id] = entries;
  }
  const tool = results[0]?.tool ?? { name: 'second-impression', version: '' };
  return `${JSON.stringify({ schemaVersion: SCHEMA_VERSION, tool, leaders, brands: results.map((r) => publishedResult(r, catalog)) }, null, 2)}\n`;
}

function periodLine(results: readonly AuditResult[], catalog: Catalog): string {
  const first = results[0];
  if (!first) return '';
  const zone = first.settings.timezone;
  return `${catalog.messages.compare.period}: ${localDay(first.period.from, zone)} → ${localDay(first.period.to, zone)} (${catalog.messages.report.asOf} ${first.period.asOf.slice(0, 16).replace('T', ' ')} UTC)`;
}

/** Who leads on what: the overall score, each category's score and each key figure that has a better side. */
function leadLines(sections: readonly Section[], catalog: Catalog, label: (i: number) => string): string[] {
  const c = catalog.messages.compare;
  const lines: string[] = [];
  for (const section of sections) {
    for (const r of section.id === 'key-figures' ? section.rows : section.rows.slice(0, 1)) {
      if (r.kind.higherIsBetter === null) continue;
      const who = r.leaders.length === 0 ? c.nobody : r.leaders.map(label).join(', ') + (r.leaders.length > 1 ? ` (${c.tie})` : '');
      lines.push(`${r.label}: ${who}`);
    }
  }
  return lines;
}

/** Narrowest label column: a rule title keeps its first words. */
const LABEL = 26;

function compareText(results: readonly AuditResult[], sections: readonly Section[], options: CompareRenderOptions): string {
  const { catalog, width } = options;
  const chalk: ChalkInstance = new Chalk({ level: options.color ? 1 : 0 });
  const c = catalog.messages.compare;
  const locale = catalog.locale;
  const lines = [chalk.bold(`${catalog.messages.report.title} · ${c.title}`), periodLine(results, catalog), chalk.dim(c.sameInputs), ''];
  const labels = results.map(brandLabel);
  // A column holds a value and its ★ ("1 h 10 min ★") or the brand's name, up to 16; as many brands per
  // table as fit beside the labels, the rest in the next block; the labels take the room left.
  const column = Math.min(16, Math.max(12, ...labels.map((l) => [...l].length)));
  const perBlock = Math.max(1, Math.floor((width - 2 - LABEL) / (column + 1)));
  for (let start = 0; start < results.length; start += perBlock) {
    const brands = [...results.keys()].slice(start, start + perBlock);
    const label = Math.min(44, width - 2 - brands.length * (column + 1));
    for (const section of sections) {
      const title = section.id === 'overall' ? c.brand : section.title;
      lines.push(chalk.bold(padEnd(clipText(title, label + 2), label + 2)) + brands.map((i) => ` ${padStart(clipText(labels[i]!, column), column)}`).join(''));
      for (const r of section.rows) {
        const cells = brands.map((i) => {
          const value = figureText(r.values[i] ?? null, r.kind, locale);
          return ` ${padStart(r.leaders.includes(i) ? chalk.green(`${value} ★`) : `${value}  `, column)}`;
        });
        const indent = r === section.rows[0] && section.id !== 'key-figures' ? '  ' : '    ';
        const room = label + 2 - indent.length;
        lines.push(`${indent}${padEnd(clipText(r.label, room), room)}${cells.join('')}`.trimEnd());
      }
      lines.push('');
    }
  }
  lines.push(chalk.bold(c.whoLeads));
  for (const line of leadLines(sections, catalog, (i) => labels[i]!)) lines.push(`  ${line}`);
  return terminalText(lines);
}

function compareCsv(results: readonly AuditResult[], sections: readonly Section[], options: CompareRenderOptions): string {
  const { catalog } = options;
  const c = catalog.messages.compare;
  const header = [c.section, c.id, c.row, ...results.flatMap((r) => [brandName(r), `${brandName(r)}: n`]), c.leader];
  const rows = sections.flatMap((section) =>
    section.rows.map((r) => [
      text(section.title),
      text(r.id),
      text(r.label),
      ...results.flatMap((_, i) => [num(r.values[i] ?? null), num(r.cases[i] ?? null)]),
      text(r.leaders.map((i) => brandName(results[i]!)).join(' ') || null),
    ]),
  );
  return csvDocument(header, rows, options.csvExcel ?? catalog.locale === 'es');
}

function compareMarkdown(results: readonly AuditResult[], sections: readonly Section[], catalog: Catalog): string {
  const c = catalog.messages.compare;
  const locale = catalog.locale;
  const labels = results.map(brandLabel);
  const out = [`# ${escapeMarkdown(`${catalog.messages.report.title} · ${c.title}`)}`, '', mdText(periodLine(results, catalog)), '', mdText(c.sameInputs), ''];
  for (const section of sections) {
    out.push(`## ${mdText(section.title)}`, '');
    out.push(mdRow(['', ...labels.map(escapeMarkdown)]), mdRow(['---', ...labels.map(() => '---:')]));
    for (const r of section.rows) {
      const cells = results.map((_, i) => {
        const value = mdText(figureText(r.values[i] ?? null, r.kind, locale));
        return r.leaders.includes(i) ? `**${value}** ★` : value;
      });
      out.push(mdRow([mdText(r.label), ...cells]));
    }
    out.push('');
  }
  out.push(`## ${mdText(c.whoLeads)}`, '');
  for (const line of leadLines(sections, catalog, (i) => labels[i]!)) out.push(`- ${escapeMarkdown(line)}`);
  return `${out.join('\n')}\n`;
}
