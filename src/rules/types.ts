/**
 * The rule contract. A rule asks the context for what it needs (posts, conversations, their timeline,
 * the brand's analysed words, response times: computed once, lazily, and shared by every rule), never
 * reads files, the clock or the storage layout, and returns a 0–100 score with the metrics behind it and
 * findings that quote messages. Weights are not the rule's business: they live in the config.
 */
import type { CategoryId, Localized, Severity } from '../contract/ids.js';
import type { Finding, Reason } from '../contract/result.js';
import type { BrandVoice } from '../model/brand-voice.js';
import type { ResponseTimes } from '../model/artifacts.js';
import type { ConversationView, PostView, TimelineView } from '../model/views.js';
import type { BusinessHours } from '../time/business-hours.js';

export type { CategoryId, Localized, Severity };

export interface RuleMeta {
  /** Kebab-case, equal to the file name. */
  id: string;
  category: CategoryId;
  /** Severity of the rule's main findings. */
  severity: Severity;
  title: Localized;
  /** Why it matters. */
  description: Localized;
  /** How the 0–100 score is computed, in words a client can check by hand. */
  formula: Localized;
  /** Templates with {placeholders} ({key|table} for a translated term), by message id. */
  messages: Record<string, Localized>;
  /**
   * The rule's figures rest on reply links (who answered whom): when most links point to posts missing
   * from the data (Excel-mangled ids, a truncated export) its score is null, never "0 % answered".
   */
  needsReplyLinks?: boolean;
}

export interface AuditSettings {
  slaMinutes: number;
  graceHours: number;
  autoReplySeconds: number;
  asOf: number;
  /** Findings kept per rule (the worst first); 0 keeps all. Counting is never capped. */
  maxFindings: number;
  /** IANA zone of the brand: what "mañana" means. */
  timezone: string;
  /** Hours after a promised day before the promise counts as broken. */
  promiseGraceHours: number;
  /** Minutes after a promised hour ("antes de las 12:00") before the promise counts as broken. */
  promiseHourGraceMinutes: number;
  /** When set, speed is also measured on the business-hours clock. */
  businessHours: BusinessHours | undefined;
  /**
   * The audit's minimum number of cases for a score. The audit applies it to every scored rule itself;
   * an informative rule reads it to decide which of its own groups hold enough cases to compare.
   */
  minCases: number;
}

export interface RuleContext {
  settings: AuditSettings;
  posts: PostView;
  conversations: ConversationView;
  /** Who answered what and when (computed on first use). */
  readonly timeline: TimelineView;
  /** The brand's own words, analysed (tone, register, language, apologies, politics, promises). */
  readonly voice: BrandVoice;
  /** First-response and follow-up summaries, on both clocks when business hours are set. */
  readonly responseTimes: ResponseTimes;
  /** Builds a finding for this rule with quoted evidence. */
  finding(input: FindingInput): Finding;
}

export interface FindingInput {
  messageId: string;
  data: Record<string, string | number>;
  /** The conversation it belongs to, or -1 for a brand post outside any conversation. */
  conversation: number;
  /** Posts to quote, in order. */
  posts: number[];
  severity?: Severity;
  rank: number;
  /** Not (yet) a problem: listed apart (the watch list), severity info, never lowers a score. */
  pending?: boolean;
}

export interface RuleResult {
  /** 0–100, or null when the rule has nothing to judge (then `reason` says why). */
  score: number | null;
  /**
   * The n behind the score: how many cases (conversations, replies, posts) the formula ran over; null for
   * an informative rule. Below the configured minimum the audit reports the rule but does not score it.
   */
  cases: number | null;
  reason?: Reason;
  metrics: Record<string, unknown>;
  /** The worst findings first; the caller caps how many are kept, never how many are counted. */
  findings: Finding[];
  /** How many problems there are in all (can exceed the error and warning findings kept). */
  findingCount: number;
  /** How many pending items (the watch list) there are in all. */
  watchCount?: number;
}

export interface Rule {
  meta: RuleMeta;
  run(context: RuleContext): RuleResult;
}

/** The first `maxFindings` items of a worst-first list (all of them when maxFindings is 0). */
export function keepWorst<T>(list: T[], maxFindings: number): T[] {
  return maxFindings > 0 ? list.slice(0, maxFindings) : list;
}
