/**
 * A run as the history keeps it: brand and handles, period, as-of, the inputs' content hash, the overall,
 * category and rule scores with their n, and the key figures. Built from the audit result alone.
 */
import { CATEGORY_IDS, type CategoryId } from '../contract/ids.js';
import type { AuditHistory, AuditResult, HistoryFigures, HistoryRunRef } from '../contract/result.js';

export interface HistoryRule {
  id: string;
  category: CategoryId;
  score: number | null;
  cases: number | null;
  weight: number;
  findingCount: number;
  /** Why the score is null (a reason code), when it is. */
  reason: string | null;
}

export interface HistoryCategory {
  score: number | null;
  cases: number;
  weight: number;
}

export interface HistoryRun {
  brand: { handles: string[] };
  period: { from: string | null; to: string | null; asOf: string };
  inputsHash: string;
  toolVersion: string;
  settings: { timezone: string; slaMinutes: number };
  score: number | null;
  categories: Record<CategoryId, HistoryCategory>;
  rules: HistoryRule[];
  figures: HistoryFigures;
  /** Problems found (error and warning findings), over every rule. */
  findings: number;
  warnings: number;
}

export const FIGURE_KEYS = [
  'conversations',
  'needingReply',
  'answered',
  'ignored',
  'pending',
  'replyRate',
  'firstResponseMedian',
  'firstResponseP90',
  'firstResponseWithinTarget',
  'followUpMedian',
] as const satisfies readonly (keyof HistoryFigures)[];

/**
 * A brand is its handles, compared without case or "@": the same set of handles in any order and spelling
 * of case is the same brand ("VerdemarHelp,@verdemarayuda" = "VerdemarAyuda,VerdemarHelp").
 */
export function brandKey(handles: readonly string[]): string {
  return [...new Set(handles.map((h) => h.trim().replace(/^@/, '').toLowerCase()).filter((h) => h !== ''))].sort().join(',');
}

/** Two runs are the same audit when brand, period, as-of and the inputs' content are the same. */
export function auditKey(run: Pick<HistoryRun, 'brand' | 'period' | 'inputsHash'>): string {
  return JSON.stringify([brandKey(run.brand.handles), run.period.from, run.period.to, run.period.asOf, run.inputsHash]);
}

export function figuresOf(result: AuditResult): HistoryFigures {
  const m = result.metrics;
  return {
    conversations: m.conversations,
    needingReply: m.needingReply,
    answered: m.answered,
    ignored: m.ignored,
    pending: m.pending,
    replyRate: m.replyRate,
    firstResponseMedian: m.firstResponseMinutes.median,
    firstResponseP90: m.firstResponseMinutes.p90,
    firstResponseWithinTarget: m.firstResponseMinutes.withinTarget,
    followUpMedian: m.followUpResponseMinutes.median,
  };
}

export function runFromResult(result: AuditResult, inputsHash: string): HistoryRun {
  const categories = {} as Record<CategoryId, HistoryCategory>;
  const rules: HistoryRule[] = [];
  let findings = 0;
  for (const id of CATEGORY_IDS) {
    const category = result.categories[id];
    categories[id] = { score: category.score, cases: category.cases, weight: category.weight };
    for (const rule of category.rules) {
      findings += rule.findingCount;
      rules.push({
        id: rule.id,
        category: id,
        score: rule.score,
        cases: rule.cases,
        weight: rule.weight,
        findingCount: rule.findingCount,
        reason: rule.reason?.code ?? null,
      });
    }
  }
  return {
    brand: { handles: [...result.brand.handles] },
    period: { ...result.period },
    inputsHash,
    toolVersion: result.tool.version,
    settings: { timezone: result.settings.timezone, slaMinutes: result.settings.slaMinutes },
    score: result.score,
    categories,
    rules,
    figures: figuresOf(result),
    findings,
    warnings: Object.values(result.warningCounts).reduce((sum, n) => sum + n, 0),
  };
}

export function runRef(run: HistoryRun): HistoryRunRef {
  const categories = {} as Record<CategoryId, number | null>;
  for (const id of CATEGORY_IDS) categories[id] = run.categories[id].score;
  return { period: run.period, inputsHash: run.inputsHash, toolVersion: run.toolVersion, score: run.score, categories, figures: run.figures };
}

/** `a - b`, rounded to what the figures hold (scores 1 decimal, shares 4, minutes 2); null when either is. */
export function difference(a: number | null, b: number | null, decimals = 4): number | null {
  if (a === null || b === null) return null;
  const scale = 10 ** decimals;
  return Math.round((a - b) * scale) / scale;
}

/** The history block of the audit result: this run against the previous run of the brand. */
export function historyBlock(current: HistoryRun, previous: HistoryRun | null, earlierRuns: number): AuditHistory {
  if (!previous) return { inputsHash: current.inputsHash, earlierRuns, previous: null, change: null };
  const categories = {} as Record<CategoryId, number | null>;
  for (const id of CATEGORY_IDS) categories[id] = difference(current.categories[id].score, previous.categories[id].score, 1);
  const figures = {} as Record<keyof HistoryFigures, number | null>;
  for (const key of FIGURE_KEYS) figures[key] = difference(current.figures[key], previous.figures[key], key.includes('Median') || key.includes('P90') ? 2 : 4);
  return {
    inputsHash: current.inputsHash,
    earlierRuns,
    previous: runRef(previous),
    change: { score: difference(current.score, previous.score, 1), categories, figures },
  };
}
