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
  /** Not (yet) a problem: a promise not due, a conversation inside the grace window (severity info). */
  pending?: true;
}

export interface RuleReport {
  id: string;
  score: number | null;
  /** The n behind the score (conversations, replies or posts judged); null for an informative rule. */
  cases: number | null;
  weight: number;
  /** Why the score is null, when it is. */
  reason?: Reason;
  /** Set when the rule threw: it is a bug, the rest of the audit stands. */
  failed?: string;
  metrics: Record<string, unknown>;
  /** Problems found (error and warning findings), however many are kept. */
  findingCount: number;
  /** Pending items (the watch list), however many are kept. */
  watchCount?: number;
}

export interface CategoryReport {
  score: number | null;
  /** Cases behind the scored rules, summed. */
  cases: number;
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
  /** Conversations that needed a reply (answered + ignored + pending): the reply-rate base. */
  needingReply: number;
  /** Conversations that needed a reply and got a human brand reply. */
  answered: number;
  /** Conversations with a human brand reply, needed or not: what first-response time is measured over. */
  repliedTo: number;
  ignored: number;
  pending: number;
  notNeedingReply: number;
  replyRate: number | null;
  /** First-response time over every conversation the brand replied to (`repliedTo`), spec §5. */
  firstResponseMinutes: DurationSummary;
  /** The same over the conversations that needed a reply (`answered`). */
  firstResponseMinutesNeedingReply: DurationSummary;
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
  /** The audited brand's conversations opened in this input (set by the audit). */
  conversations?: number;
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
  /** Why the overall score is null, when it is ("no conversation in the period"). */
  scoreReason?: Reason;
  categories: Record<CategoryId, CategoryReport>;
  metrics: AuditMetrics;
  findings: Finding[];
  warnings: IngestWarning[];
  warningCounts: Record<string, number>;
}
