/**
 * The pure core: corpus in, audit result out (spec §6). No file system, no clock, no terminal, no
 * translation: it orchestrates the artifacts, runs every rule in its context and weighs the scores.
 */
import { CATEGORY_IDS, type CategoryId } from './contract/ids.js';
import { SCHEMA_VERSION, type AuditResult, type CategoryReport, type Finding, type Reason, type RuleReport } from './contract/result.js';
import type { Corpus } from './corpus/corpus.js';
import type { AuditConfig } from './config/audit-config.js';
import { AuditArtifacts, type NeedsReplyDetector } from './model/artifacts.js';
import { ruleContext } from './rules/context.js';
import { RULES } from './rules/index.js';
import type { AuditSettings, Rule, RuleResult } from './rules/types.js';
import { weightedMean } from './scoring/score.js';
import { round } from './scoring/stats.js';
import { detectNeedsReply } from './signals/needs-reply.js';
import { parseBusinessHours } from './time/business-hours.js';
import { isoTime } from './time/iso.js';

export { SCHEMA_VERSION };

export interface AuditRequest {
  handles: string[];
  config: AuditConfig;
  /** "Now"; default: the latest timestamp in the data. */
  asOf?: number;
  since?: number;
  until?: number;
  toolVersion: string;
  /** Settings echoed in the result's notes (the config file read…). */
  settingsNotes?: string[];
  /** Closed days (YYYY-MM-DD) for business hours, already expanded from the config's country codes. */
  holidayDates?: ReadonlySet<string>;
  needsReply?: NeedsReplyDetector;
  /** The rules to run (default: every rule). */
  rules?: readonly Rule[];
}

/** Latest timestamp in the corpus, the default "now". */
export function latestTime(corpus: Corpus): number | undefined {
  corpus.table.seal();
  let latest = -Infinity;
  for (const t of corpus.table.times) if (t > latest) latest = t;
  return latest === -Infinity ? undefined : latest;
}

export function runAudit(corpus: Corpus, request: AuditRequest): AuditResult {
  const { config } = request;
  const rules = request.rules ?? RULES;
  const asOf = request.asOf ?? latestTime(corpus) ?? 0;
  const since = request.since ?? -Infinity;
  const until = Math.min(request.until ?? Infinity, asOf);
  const settings: AuditSettings = {
    slaMinutes: config.slaMinutes,
    graceHours: config.graceHours,
    autoReplySeconds: config.autoReplySeconds,
    asOf,
    maxFindings: config.maxFindings,
    timezone: config.timezone,
    promiseGraceHours: config.promiseGraceHours,
    businessHours: config.businessHours ? parseBusinessHours(config.businessHours, config.timezone, request.holidayDates ?? new Set()) : undefined,
  };
  // The audit's own warnings (reply links, cycles) go to a copy: auditing a corpus twice gives the same result.
  const warnings = corpus.warnings.clone();
  const artifacts = new AuditArtifacts(
    corpus,
    { ...settings, handles: request.handles, since, until, needsReply: request.needsReply ?? detectNeedsReply },
    (w) => warnings.add(w),
  );

  const findings: Finding[] = [];
  const ruleReports = new Map<string, RuleReport>();
  for (const rule of rules) {
    const result = runRule(() => rule.run(ruleContext(rule, artifacts, settings)));
    if (result.failed) warnings.add({ input: '(audit)', code: 'rule-failed', message: `${rule.meta.id}: ${result.failed}; its score was left out` });
    findings.push(...result.findings);
    const report: RuleReport = {
      id: rule.meta.id,
      score: result.score === null ? null : round(result.score, 1),
      weight: config.rules[rule.meta.id] ?? 0,
      ...(result.reason ? { reason: result.reason } : {}),
      ...(result.failed ? { failed: result.failed } : {}),
      metrics: result.metrics,
      findingCount: result.findingCount,
    };
    ruleReports.set(rule.meta.id, report);
  }

  const categories = {} as Record<CategoryId, CategoryReport>;
  for (const id of CATEGORY_IDS) {
    const inCategory = rules.filter((rule) => rule.meta.category === id).map((rule) => ruleReports.get(rule.meta.id)!);
    const score = weightedMean(inCategory.map((r) => ({ score: r.score, weight: r.weight })));
    const category: CategoryReport = { score: score === null ? null : round(score, 1), weight: config.categories[id], rules: inCategory };
    if (score === null) category.reasons = categoryReasons(inCategory);
    categories[id] = category;
  }
  const overall = weightedMean(CATEGORY_IDS.map((id) => ({ score: categories[id].score, weight: categories[id].weight })));

  findings.sort(compareFindings);
  const span = artifacts.openingSpan();
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'second-impression', version: request.toolVersion },
    brand: { handles: request.handles },
    period: periodOf(span, since, until, asOf),
    settings: {
      slaMinutes: config.slaMinutes,
      graceHours: config.graceHours,
      autoReplySeconds: config.autoReplySeconds,
      timezone: config.timezone,
      locale: config.locale,
      maxFindings: config.maxFindings,
      businessHours: config.businessHours,
      holidays: config.holidays,
      notes: request.settingsNotes ?? [],
    },
    inputs: corpus.inputs,
    score: overall === null ? null : round(overall, 1),
    categories,
    metrics: artifacts.metrics(),
    findings,
    warnings: warnings.list(),
    warningCounts: warnings.countsByCode(),
  };
}

interface RunOutcome extends RuleResult {
  failed?: string;
}

/** A rule that throws is a bug: the audit goes on, and the report names the rule that could not run. */
function runRule(run: () => RuleResult): RunOutcome {
  try {
    return run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { score: null, reason: { code: 'rule-failed', data: { error: message } }, failed: message, metrics: {}, findings: [], findingCount: 0 };
  }
}

/** Why a category has no score: its rules' reasons, or "not measured yet" when it has no rule. */
function categoryReasons(rules: readonly RuleReport[]): Reason[] {
  if (rules.length === 0) return [{ code: 'not-measured-yet' }];
  const reasons = rules.map((r) => r.reason).filter((r): r is Reason => r !== undefined);
  return reasons.length > 0 ? reasons : [{ code: 'no-data' }];
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    CATEGORY_IDS.indexOf(a.category) - CATEGORY_IDS.indexOf(b.category) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.threadId, b.threadId) ||
    compareText(a.postIds[0] ?? '', b.postIds[0] ?? '') ||
    a.rank - b.rank
  );
}

/**
 * A total order: numbers (by value, so thread 9 comes before 10) before every other id, which sort as
 * plain strings. Mixing the two rules pairwise would not be transitive ("2" < "10" < "1a" < "2").
 */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const numericA = /^\d+$/.test(a);
  const numericB = /^\d+$/.test(b);
  if (numericA !== numericB) return numericA ? -1 : 1;
  if (numericA) return a.length - b.length || (a < b ? -1 : 1);
  return a < b ? -1 : 1;
}

function periodOf(span: { first: number; last: number } | null, since: number, until: number, asOf: number): AuditResult['period'] {
  const from = Number.isFinite(since) ? since : (span?.first ?? Infinity);
  const to = Number.isFinite(until) ? until : asOf;
  return { from: Number.isFinite(from) ? isoTime(from) : null, to: Number.isFinite(to) ? isoTime(to) : null, asOf: isoTime(asOf) };
}
