/**
 * The audit result (spec §6): what the core returns and every renderer reads. It carries message ids
 * and raw data, never translated text: renderers translate at the edge (src/i18n), so a stored result
 * can be shown again in any language. The JSON renderer adds the localized `title`, `message` and
 * `notApplicable` fields for readers of the JSON.
 */
import type { CategoryId, Locale, Severity } from './ids.js';
import type { AdapterCapabilities } from './adapter.js';
import type { IngestWarning, InputNote } from './warning.js';

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

/**
 * One group of conversations in a chart series: the same counts as the top-level metrics, over the
 * conversations of that group only.
 */
export interface SeriesCounts {
  conversations: number;
  /** answered + ignored + pending, as `metrics.needingReply`. */
  needingReply: number;
  answered: number;
  ignored: number;
  pending: number;
  /** answered ÷ (answered + ignored); null without a judged conversation or when reply links cannot be trusted. */
  replyRate: number | null;
  /** Conversations of the group in the first-response base (`metrics.firstResponseMinutes`) and their median. */
  firstResponseCount: number;
  firstResponseMedianMinutes: number | null;
}

/** First replies that took more than `overMinutes` (null: from zero) and at most `upToMinutes` (null: no limit). */
export interface ResponseBucket {
  overMinutes: number | null;
  upToMinutes: number | null;
  count: number;
}

export interface WeekSeries extends SeriesCounts {
  /** ISO 8601 week of the opening message in the brand's time zone (`settings.timezone`): "2026-W41". */
  week: string;
  /** Its Monday, as a date: "2026-10-05". */
  start: string;
}

export interface PlatformSeries extends SeriesCounts {
  /** The platform of the opening message. */
  platform: string;
}

export interface RatingSeries extends SeriesCounts {
  /** The opening review's rating, rounded to whole stars. */
  stars: number;
}

/**
 * The data behind the report's charts, computed by the audit (src/model/series.ts) so that renderers only
 * draw: the first-response distribution over the same conversations as `metrics.firstResponseMinutes`, and
 * the metrics per ISO week, per platform and per star rating (empty when no opening post has a rating).
 */
export interface AuditSeries {
  firstResponseBuckets: ResponseBucket[];
  /** Every week from the first to the last one with a conversation, empty weeks included, oldest first. */
  byWeek: WeekSeries[];
  /** Most conversations first, then by name. */
  byPlatform: PlatformSeries[];
  /** 1 to 5 stars, all five when any opening post has a rating; otherwise empty. */
  byRating: RatingSeries[];
}

/** The metrics as the result holds them: the top-level figures and the chart series. */
export interface ResultMetrics extends AuditMetrics {
  series: AuditSeries;
}

export interface InputSummary {
  path: string;
  format: string;
  encoding: string;
  posts: number;
  warnings: number;
  /** Facts about how the input was read; the published JSON holds them as sentences in the report's locale. */
  notes: InputNote[];
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
  metrics: ResultMetrics;
  findings: Finding[];
  warnings: IngestWarning[];
  warningCounts: Record<string, number>;
  /** One row per audited conversation, present only when the audit was asked for it (`conversationTable`). */
  conversations?: ConversationRow[];
  /** Present when the run was recorded in a history (`--history`): the change since the previous run of the brand. */
  history?: AuditHistory;
}

/** A conversation as the audit saw it: what each count and first-response time was made of. */
export interface ConversationRow {
  threadId: string;
  /** The customer post that opened it. */
  openerId: string;
  platform: string;
  /** The input file it came from. */
  source: string;
  openedAt: string;
  customer: string;
  status: 'answered' | 'ignored' | 'pending' | 'not-needed';
  needsReply: boolean;
  /** Why it needed a reply (question, complaint, problem, request, low-rating), or null. */
  reason: string | null;
  /** The first human brand reply. */
  firstReplyId: string | null;
  firstReplyAt: string | null;
  /** From the customer's first unanswered message to that reply, 2 decimals; null without a reply or with inconsistent dates. */
  firstResponseMinutes: number | null;
  /** The signature on the first reply (^AL, "-Becky"), when there is one. */
  agent: string | null;
  posts: number;
  brandPosts: number;
  automatedReplies: number;
  /** The opening review's stars, 1–5. */
  rating: number | null;
}

/** The key figures a history keeps for each run and compares between runs (minutes for durations, 0–1 shares). */
export interface HistoryFigures {
  conversations: number;
  needingReply: number;
  answered: number;
  ignored: number;
  pending: number;
  replyRate: number | null;
  firstResponseMedian: number | null;
  firstResponseP90: number | null;
  firstResponseWithinTarget: number | null;
  followUpMedian: number | null;
}

/** A run recorded earlier, as the audit result quotes it. */
export interface HistoryRunRef {
  period: { from: string | null; to: string | null; asOf: string };
  inputsHash: string;
  toolVersion: string;
  score: number | null;
  categories: Record<CategoryId, number | null>;
  figures: HistoryFigures;
}

/**
 * Where this run stands in its history: the latest earlier run of the same brand (the same set of handles)
 * and the change since it, this run minus that one (null where either side has no value; shares stay 0–1,
 * so a reply rate that fell from 0.71 to 0.64 changes by -0.07).
 */
export interface AuditHistory {
  /** SHA-256 of the normalized posts the audit read: with brand, period and as-of, what makes two runs the same audit. */
  inputsHash: string;
  /** Runs of the brand recorded with an as-of up to this one's, this same audit excepted. */
  earlierRuns: number;
  previous: HistoryRunRef | null;
  change: { score: number | null; categories: Record<CategoryId, number | null>; figures: Record<keyof HistoryFigures, number | null> } | null;
}
