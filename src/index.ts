/**
 * The package entry: what a script or another tool needs to audit without the command line.
 *
 *   import { loadDefaultResources, readInputs, runAudit, defaultConfig, renderReport } from 'second-impression';
 *   await loadDefaultResources();
 *   const corpus = await readInputs(['export.csv']);
 *   const result = runAudit(corpus, { handles: ['MarcaAyuda'], config: defaultConfig(), toolVersion: 'script' });
 *   process.stdout.write(renderReport(result, 'text', 'es'));
 */
import type { Locale } from './contract/ids.js';
import type { AuditResult } from './contract/result.js';
import { loadCorpus, type LoadOptions } from './cli/load.js';
import { createProgress } from './cli/progress.js';
import type { Corpus } from './corpus/corpus.js';
import { rendererById } from './report/index.js';
import { catalogFor } from './rules/index.js';

export { runAudit, latestTime, SCHEMA_VERSION, type AuditRequest } from './audit.js';
export { defaultConfig, mergeConfig, type AuditConfig } from './config/audit-config.js';
export { ADAPTERS, adapterById, detectAdapter, ingestSource } from './ingest/index.js';
export { RENDERERS, rendererById } from './report/index.js';
export { RULES, ruleById, catalogFor } from './rules/index.js';
export { Corpus } from './corpus/corpus.js';
export { loadDefaultResources, readHolidays } from './io/resources.js';
export { Catalog } from './i18n/catalog.js';
export type * from './contract/post.js';
export type * from './contract/result.js';
export type * from './contract/adapter.js';
export type * from './contract/ids.js';
export type { IngestWarning } from './contract/warning.js';
export type { Rule, RuleContext, RuleMeta, RuleResult } from './rules/types.js';
export type { Renderer, RenderOptions, RenderOutput } from './report/types.js';

/** Reads files, folders or "-" into a corpus, as `audit` does (formats detected per file). */
export function readInputs(paths: readonly string[], options: Partial<LoadOptions> = {}): Promise<Corpus> {
  return loadCorpus(paths, { timezone: 'UTC', dateOrder: undefined, columnMap: {}, inputFormat: undefined, ...options }, createProgress(false));
}

/** Renders a result in one of the registered single-file formats. */
export function renderReport(result: AuditResult, format: string, locale: Locale = result.settings.locale): string {
  const renderer = rendererById(format);
  if (!renderer) throw new Error(`unknown report format "${format}"`);
  const output = renderer.render(result, { catalog: catalogFor(locale), color: false });
  if (typeof output !== 'string') throw new Error(`format "${format}" writes several files`);
  return output;
}
