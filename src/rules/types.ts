/**
 * The rule contract. A rule reads the brand's conversations and their timeline (never files, never the
 * clock), and returns a 0–100 score with the metrics behind it and findings that quote messages.
 * Weights are not the rule's business: they live in the config (src/scoring/config.ts).
 */
import type { BrandConversations } from '../model/conversations.js';
import type { Timeline } from '../model/timeline.js';
import type { BrandVoice } from '../model/brand-voice.js';
import type { BusinessHours } from '../time/business-hours.js';

export const CATEGORY_IDS = ['transparency', 'speed', 'no-ignoring', 'professionalism', 'no-politics'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];
export type Severity = 'info' | 'warning' | 'error';
export type Locale = 'en' | 'es';

/** User-facing text in every supported language. Spanish is written, not translated after the fact. */
export type Localized = Record<Locale, string>;

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
  /** Templates with {placeholders}, by message id. */
  messages: Record<string, Localized>;
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
  messageId: string;
  data: Record<string, string | number>;
  message: string;
  evidence: Evidence[];
  /** 1 = the worst finding of its rule; renderers show the worst first. */
  rank: number;
}

export interface AuditSettings {
  slaMinutes: number;
  graceHours: number;
  autoReplySeconds: number;
  asOf: number;
  locale: Locale;
  /** Findings kept per rule (the worst first); 0 keeps all. Counting is never capped. */
  maxFindings: number;
  /** IANA zone of the brand: what "mañana" means. */
  timezone: string;
  /** Hours after a promised deadline before the promise counts as broken. */
  promiseGraceHours: number;
  /** When set, speed is also measured on the business-hours clock. */
  businessHours: BusinessHours | undefined;
}

export interface RuleContext {
  conversations: BrandConversations;
  timeline: Timeline;
  /** The brand's own words, analysed (tone, register, language, apologies, politics). */
  voice: BrandVoice;
  settings: AuditSettings;
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
}

export interface RuleResult {
  /** 0–100, or null when the rule has nothing to judge (then `notApplicable` says why). */
  score: number | null;
  notApplicable?: string;
  metrics: Record<string, unknown>;
  /** The worst findings first; the caller caps how many are kept, never how many are counted. */
  findings: Finding[];
  /** How many findings there are in all (can exceed findings.length). */
  findingCount: number;
}

export interface Rule {
  meta: RuleMeta;
  run(context: RuleContext): RuleResult;
}

export function localize(text: Localized, locale: Locale): string {
  return text[locale];
}

/** Fills {name} placeholders. */
export function format(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

/** The first `maxFindings` items of a worst-first list (all of them when maxFindings is 0). */
export function keepWorst<T>(list: T[], maxFindings: number): T[] {
  return maxFindings > 0 ? list.slice(0, maxFindings) : list;
}
