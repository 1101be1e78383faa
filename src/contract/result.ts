/**
 * The audit result (spec §6): what the core returns and every renderer reads. It carries message ids
 * and raw data, never translated text: renderers translate at the edge (src/i18n), so a stored result
 * can be shown again in any language. The JSON renderer adds the localized `title`, `message` and
 * `notApplicable` fields for readers of the JSON.
 */
import type { CategoryId, Locale, Severity } from './ids.js';
import type { AdapterCapabilities } from './adapter.js';
import type { IngestWarning } from './warning.js';

export const SCHEMA_VERSION = 1;

/** Why a figure is null, as a catalogue code with the data its message needs. */
export interface Reason {
  code: string;
  data?: Record<string, string | number>;
}

export interface DurationSummary {
  count: number;
  median: number | null;
  p90: number | null;
  mean: number | null;
  min: number | null;
  max: number | null;
  /** Share (0–1) at or under the target; null without data. */
  withinTarget: number | null;
  within24h: number | null;
}

export interface Evidence {
  postId: string;
  author: string;
  role: 'brand' | 'customer' | 'other';
  createdAt: string;
  text: string;
  source: string;
}

export interface Finding {
  ruleId: string;
  category: CategoryId;
  severity: Severity;
  threadId: string;
  postIds: string[];
  /** Key of the rule's message template; `data` fills its placeholders. */
  messageId: string;
  data: Record<string, string | number>;
  evidence: Evidence[];
  /** 1 = the worst finding of its rule; renderers show the worst first. */
  rank: number;
}

export interface RuleReport {
  id: string;
  score: number | null;
  weight: number;
  /** Why the score is null, when it is. */
  reason?: Reason;
  /** Set when the rule threw: it is a bug, the rest of the audit stands. */
  failed?: string;
  metrics: Record<string, unknown>;
  findingCount: number;
}

export interface CategoryReport {
  score: number | null;
  weight: number;
  /** Why the score is null, when it is: the reasons of its rules. */
  reasons?: Reason[];
  rules: RuleReport[];
}

export interface AuditMetrics {
  posts: number;
  brandPosts: number;
  customerPosts: number;
  conversations: number;
  needingReply: number;
  answered: number;
  ignored: number;
  pending: number;
  notNeedingReply: number;
  replyRate: number | null;
  firstResponseMinutes: DurationSummary;
  /** Present when business hours are set: the same summary on the business-hours clock. */
  firstResponseBusinessMinutes?: DurationSummary;
  followUpResponseMinutes: DurationSummary;
  automatedReplies: number;
}

export interface InputSummary {
  path: string;
  format: string;
  encoding: string;
  posts: number;
  warnings: number;
  notes: string[];
  /** What this kind of input can tell (customer texts, deletions, ratings, date precision, layout). */
  capabilities?: AdapterCapabilities;
  /** Whose channel the input says it is (a page or an archive's own account), when it says. */
  channel?: string;
}

export interface AuditSettingsEcho {
  slaMinutes: number;
  graceHours: number;
  autoReplySeconds: number;
  timezone: string;
  locale: Locale;
  maxFindings: number;
  businessHours: string | null;
  holidays: string[];
  notes: string[];
}

export interface AuditResult {
  schemaVersion: number;
  tool: { name: string; version: string };
  brand: { handles: string[] };
  period: { from: string | null; to: string | null; asOf: string };
  settings: AuditSettingsEcho;
  inputs: InputSummary[];
  score: number | null;
  categories: Record<CategoryId, CategoryReport>;
  metrics: AuditMetrics;
  findings: Finding[];
  warnings: IngestWarning[];
  warningCounts: Record<string, number>;
}
