/**
 * `compare <inputs> --brand A --brand B,B2 --brand C`: each `--brand` is one brand (commas join one brand's
 * handles). The inputs are read once; each brand is then audited exactly as `audit` would audit it on the
 * same inputs and options (the same period, "now", settings and holidays), and the results are put side by
 * side. The audit steps are handed in by the command line, so both commands share one code path.
 */
import type { AuditConfig } from '../config/audit-config.js';
import type { Locale } from '../contract/ids.js';
import type { AuditResult } from '../contract/result.js';
import type { Corpus } from '../corpus/corpus.js';
import { UsageError } from '../errors.js';
import { brandKey } from '../history/run.js';
import { COMPARE_FORMATS, renderComparison, type CompareFormat } from '../history/compare-report.js';
import { catalogFor } from '../rules/index.js';
import { parseHandles, type PeriodWindow } from './options.js';
import { writeOutput } from './output.js';
import type { Progress } from './progress.js';

import type { CommonInputOptions } from './main.js';
export { COMPARE_FORMATS };

export interface CompareOptions extends CommonInputOptions {
  since?: string;
  until?: string;
  period?: string;
  format: CompareFormat;
  locale?: Locale;
  sla?: string;
  maxFindings?: string;
  businessHours?: string;
  color: boolean;
  csvExcel?: boolean;
}

interface Setup {
  config: AuditConfig;
  configPath: string | undefined;
  timezone: string;
}

interface Loaded {
  config: AuditConfig;
  configPath: string | undefined;
  corpus: Corpus;
  asOf: number;
  progress: Progress;
}

/** The steps of `audit` that `compare` repeats: the same functions, so the figures are the same. */
export interface AuditSteps<Shared> {
  prepare(inputs: string[], options: CompareOptions, brandRequired: boolean, before: (setup: Setup) => void): Promise<Loaded>;
  plan(options: CompareOptions, setup: Setup): PeriodWindow;
  begin(corpus: Corpus, config: AuditConfig, window: PeriodWindow, asOf: number): Promise<Shared>;
  audit(corpus: Corpus, handles: string[], config: AuditConfig, configPath: string | undefined, asOf: number, shared: Shared): AuditResult;
  checkBrand(corpus: Corpus, handles: readonly string[]): void;
}

/** Each `--brand` value as one brand; the config's `brand` is one brand too. At least two, none twice. */
export function parseBrands(values: readonly string[], configured: readonly string[]): string[][] {
  const brands = values.length > 0 ? values.map((v) => parseHandles([v])) : configured.length > 0 ? [parseHandles(configured)] : [];
  const empty = brands.findIndex((b) => b.length === 0);
  if (empty >= 0)
    throw new UsageError(`--brand "${values[empty]}" names no handle`, undefined, { id: 'error.brand-no-handle', data: { value: values[empty]! } });
  if (brands.length < 2)
    throw new UsageError(
      'compare needs at least two brands',
      "repeat --brand, one per brand: --brand BrandA --brand BrandB,BrandBHelp (commas join one brand's handles)",
      { id: 'error.compare-two-brands' },
    );
  const seen = new Map<string, number>();
  brands.forEach((handles, i) => {
    const key = brandKey(handles);
    if (seen.has(key))
      throw new UsageError(`--brand ${values[i]} is the same brand as --brand ${values[seen.get(key)!]}`, undefined, {
        id: 'error.same-brand',
        data: { a: values[i]!, b: values[seen.get(key)!]! },
      });
    seen.set(key, i);
  });
  return brands;
}

export async function compareCommand<Shared>(inputs: string[], options: CompareOptions, steps: AuditSteps<Shared>): Promise<void> {
  let window: PeriodWindow = () => ({});
  let brands: string[][] = [];
  // The brands are this command's own: the shared loader must not join them into one.
  const { config, configPath, corpus, asOf, progress } = await steps.prepare(inputs, { ...options, brand: [] }, false, (setup) => {
    brands = parseBrands(options.brand, setup.config.brand);
    window = steps.plan(options, setup);
  });
  try {
    for (const handles of brands) steps.checkBrand(corpus, handles);
    const shared = await steps.begin(corpus, config, window, asOf);
    const results = brands.map((handles, i) => {
      progress.update(progress.words.auditingBrand(handles.join(', '), i + 1, brands.length));
      return steps.audit(corpus, handles, config, configPath, asOf, shared);
    });
    progress.stop();
    const color = options.color && !process.env.NO_COLOR && options.output === undefined && Boolean(process.stdout.isTTY);
    const width = process.stdout.isTTY && process.stdout.columns ? Math.max(60, process.stdout.columns) : 80;
    const output = renderComparison(results, options.format, { catalog: catalogFor(config.locale), color, width, csvExcel: options.csvExcel });
    await writeOutput(output, options.output);
    if (!options.quiet) {
      const catalog = catalogFor(config.locale);
      for (const result of results) {
        const counts = Object.entries(result.warningCounts);
        if (counts.length === 0) continue;
        const n = counts.reduce((sum, [, count]) => sum + count, 0);
        const codes = counts.map(([code, count]) => `${count} ${code}`).join(', ');
        const brand = result.brand.handles.map((h) => `@${h}`).join(' ');
        process.stderr.write(`second-impression: ${brand}: ${catalog.fill(catalog.messages.cli.warnings, { n, codes })}\n`);
      }
    }
  } finally {
    progress.stop();
  }
}
