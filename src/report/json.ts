/**
 * The canonical JSON (spec §6): the audit result with, for its human readers, the localized `title` of
 * every category and rule, the `message` of every finding and the `notApplicable` sentence of every null
 * score, rendered here from the catalogue. Key order is fixed by construction, so runs are byte-identical.
 */
import { CATEGORY_IDS, type CategoryId } from '../contract/ids.js';
import type { AuditResult, CategoryReport, Finding, InputSummary, RuleReport } from '../contract/result.js';
import type { IngestWarning } from '../contract/warning.js';
import type { Catalog } from '../i18n/catalog.js';
import type { Renderer } from './types.js';

export const jsonRenderer: Renderer = {
  id: 'json',
  description: 'the canonical audit result (spec §6), for scripts and other tools',
  extension: 'json',
  render: (result, { catalog }) => `${JSON.stringify(publishedResult(result, catalog), null, 2)}\n`,
};

export interface PublishedRule extends RuleReport {
  title: string;
  notApplicable?: string;
}

export interface PublishedCategory extends Omit<CategoryReport, 'rules'> {
  title: string;
  notApplicable?: string;
  rules: PublishedRule[];
}

export interface PublishedFinding extends Finding {
  message: string;
}

export type PublishedInput = Omit<InputSummary, 'notes'> & { notes: string[] };

export interface PublishedResult extends Omit<AuditResult, 'categories' | 'findings' | 'inputs' | 'warnings'> {
  inputs: PublishedInput[];
  categories: Record<CategoryId, PublishedCategory>;
  findings: PublishedFinding[];
  warnings: IngestWarning[];
}

/** The result as the JSON contract publishes it (translated fields in their documented places). */
export function publishedResult(result: AuditResult, catalog: Catalog): PublishedResult {
  const categories = {} as Record<CategoryId, PublishedCategory>;
  for (const id of CATEGORY_IDS) categories[id] = publishedCategory(result.categories[id], catalog.category(id), catalog);
  return {
    schemaVersion: result.schemaVersion,
    tool: result.tool,
    brand: result.brand,
    period: result.period,
    settings: result.settings,
    inputs: result.inputs.map((input) => ({ ...input, notes: input.notes.map((note) => catalog.note(note)) })),
    score: result.score,
    ...(result.scoreReason ? { scoreReason: result.scoreReason, scoreNotApplicable: catalog.reason(result.scoreReason) } : {}),
    categories,
    metrics: result.metrics,
    findings: result.findings.map((finding) => publishedFinding(finding, catalog)),
    // The catalogue key and data stay inside: the contract's warning is its code and sentence.
    warnings: result.warnings.map(({ input, line, code, ...said }) => ({
      input,
      ...(line === undefined ? {} : { line }),
      code,
      message: catalog.warning({ code, ...said }),
    })),
    warningCounts: result.warningCounts,
    ...(result.conversations ? { conversations: result.conversations } : {}),
    ...(result.history ? { history: result.history } : {}),
  };
}

function publishedCategory(category: CategoryReport, title: string, catalog: Catalog): PublishedCategory {
  return {
    score: category.score,
    cases: category.cases,
    weight: category.weight,
    title,
    rules: category.rules.map((rule) => publishedRule(rule, catalog)),
    ...(category.reasons ? { notApplicable: category.reasons.map((r) => catalog.reason(r)).join('; '), reasons: category.reasons } : {}),
  };
}

function publishedRule(rule: RuleReport, catalog: Catalog): PublishedRule {
  return {
    id: rule.id,
    title: catalog.ruleTitle(rule.id),
    score: rule.score,
    cases: rule.cases,
    weight: rule.weight,
    metrics: rule.metrics,
    findingCount: rule.findingCount,
    ...(rule.watchCount ? { watchCount: rule.watchCount } : {}),
    ...(rule.reason ? { notApplicable: catalog.reason(rule.reason), reason: rule.reason } : {}),
    ...(rule.failed ? { failed: rule.failed } : {}),
  };
}

export function publishedFinding(finding: Finding, catalog: Catalog): PublishedFinding {
  return {
    ruleId: finding.ruleId,
    category: finding.category,
    severity: finding.severity,
    threadId: finding.threadId,
    postIds: finding.postIds,
    messageId: finding.messageId,
    data: finding.data,
    message: catalog.finding(finding),
    evidence: finding.evidence,
    rank: finding.rank,
    ...(finding.pending ? { pending: true as const } : {}),
  };
}
