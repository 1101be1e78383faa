/**
 * The pure core: corpus in, audit result out (spec §6). No file system, no clock, no terminal.
 */
import type { Corpus, InputSummary } from './corpus/corpus.js';
import { buildConversations, ROLE_BRAND, ROLE_CUSTOMER, type BrandConversations } from './model/conversations.js';
import { isoTime } from './time/iso.js';
import { analyzeBrandVoice } from './model/brand-voice.js';
import { parseBusinessHours } from './time/business-hours.js';
import { buildTimeline, STATUS_ANSWERED, STATUS_IGNORED, STATUS_NOT_NEEDED, STATUS_PENDING, type NeedsReplyDetector } from './model/timeline.js';
import { RULES } from './rules/index.js';
import { localizeReason } from './rules/reasons.js';
import { CATEGORY_IDS, format, type AuditSettings, type CategoryId, type Evidence, type Finding, type FindingInput, type Rule, type RuleResult } from './rules/types.js';
import type { AuditConfig } from './config/audit-config.js';
import { weightedMean } from './scoring/score.js';
import { ratio, round, type DurationSummary } from './scoring/stats.js';
import { detectNeedsReply } from './signals/needs-reply.js';
import type { IngestWarning } from './contract/warning.js';

export const SCHEMA_VERSION = 1;

export interface AuditRequest {
  handles: string[];
  config: AuditConfig;
  /** "Now"; default: the latest timestamp in the data. */
  asOf?: number;
  since?: number;
  until?: number;
  toolVersion: string;
  /** Files read, for the result header; settings echoed in the result. */
  settingsNotes?: string[];
  needsReply?: NeedsReplyDetector;
}

export interface RuleReport {
  id: string;
  title: string;
  score: number | null;
  weight: number;
  notApplicable?: string;
  metrics: Record<string, unknown>;
  findingCount: number;
}

export interface CategoryReport {
  score: number | null;
  weight: number;
  title: string;
  /** Why the score is null, when it is. */
  notApplicable?: string;
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
  followUpResponseMinutes: DurationSummary;
  automatedReplies: number;
}

export interface AuditResult {
  schemaVersion: number;
  tool: { name: string; version: string };
  brand: { handles: string[] };
  period: { from: string | null; to: string | null; asOf: string };
  settings: { slaMinutes: number; graceHours: number; autoReplySeconds: number; timezone: string; locale: string; maxFindings: number; businessHours: string | null; holidays: string[]; notes: string[] };
  inputs: InputSummary[];
  score: number | null;
  categories: Record<CategoryId, CategoryReport>;
  metrics: AuditMetrics;
  findings: Finding[];
  warnings: IngestWarning[];
  warningCounts: Record<string, number>;
}

const CATEGORY_TITLES: Record<CategoryId, { en: string; es: string }> = {
  transparency: { en: 'Transparency', es: 'Transparencia' },
  speed: { en: 'Speed', es: 'Rapidez' },
  'no-ignoring': { en: 'No ignoring', es: 'Prohibido ignorar' },
  professionalism: { en: 'Professionalism', es: 'Profesionalidad' },
  'no-politics': { en: 'No politics or religion', es: 'Ni política ni religión' },
};

export function categoryTitle(id: CategoryId, locale: 'en' | 'es'): string {
  return CATEGORY_TITLES[id][locale];
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
  const asOf = request.asOf ?? latestTime(corpus) ?? 0;
  const since = request.since ?? -Infinity;
  const until = Math.min(request.until ?? Infinity, asOf);
  // The audit's own warnings (reply links, cycles) go to a copy: auditing a corpus twice gives the same result.
  const warnings = corpus.warnings.clone();
  const conversations = buildConversations(corpus, { handles: request.handles, asOf, since, until }, (w) => warnings.add(w));
  const settings: AuditSettings = {
    slaMinutes: config.slaMinutes,
    graceHours: config.graceHours,
    autoReplySeconds: config.autoReplySeconds,
    asOf,
    locale: config.locale,
    maxFindings: config.maxFindings,
    timezone: config.timezone,
    promiseGraceHours: config.promiseGraceHours,
    businessHours: config.businessHours ? parseBusinessHours(config.businessHours, config.timezone, config.holidays) : undefined,
  };
  const timeline = buildTimeline(conversations, { asOf, graceHours: config.graceHours, autoReplySeconds: config.autoReplySeconds }, request.needsReply ?? detectNeedsReply);

  const voice = analyzeBrandVoice(conversations, { since, until });
  const findings: Finding[] = [];
  const ruleReports = new Map<string, RuleReport>();
  for (const rule of RULES) {
    const result = runRule(rule, { conversations, timeline, voice, settings, finding: makeFindingBuilder(rule, conversations, settings) });
    if (result.notApplicable?.startsWith('rule failed')) warnings.add({ input: '(audit)', code: 'rule-failed', message: `${rule.meta.id}: ${result.notApplicable}; its score was left out` });
    findings.push(...result.findings);
    const report: RuleReport = {
      id: rule.meta.id,
      title: rule.meta.title[settings.locale],
      score: result.score === null ? null : round(result.score, 1),
      weight: config.rules[rule.meta.id] ?? 0,
      metrics: result.metrics,
      findingCount: result.findingCount,
    };
    if (result.notApplicable) report.notApplicable = localizeReason(result.notApplicable, settings.locale);
    ruleReports.set(rule.meta.id, report);
  }

  const categories = {} as Record<CategoryId, CategoryReport>;
  for (const id of CATEGORY_IDS) {
    const rules = RULES.filter((rule) => rule.meta.category === id).map((rule) => ruleReports.get(rule.meta.id)!);
    const score = weightedMean(rules.map((r) => ({ score: r.score, weight: r.weight })));
    const category: CategoryReport = { score: score === null ? null : round(score, 1), weight: config.categories[id], title: categoryTitle(id, settings.locale), rules };
    if (score === null) {
      category.notApplicable = rules.length === 0
        ? localizeReason('not measured yet in this version', settings.locale)
        : rules.map((r) => r.notApplicable).filter(Boolean).join('; ') || localizeReason('no data', settings.locale);
    }
    categories[id] = category;
  }
  const overall = weightedMean(CATEGORY_IDS.map((id) => ({ score: categories[id].score, weight: categories[id].weight })));

  findings.sort(compareFindings);
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'second-impression', version: request.toolVersion },
    brand: { handles: request.handles },
    period: periodOf(conversations, since, until, asOf),
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
    metrics: metricsOf(conversations, timeline, ruleReports),
    findings,
    warnings: warnings.list(),
    warningCounts: warnings.countsByCode(),
  };
}

/** A rule that throws is a bug: the audit goes on, and the rule says it could not run. */
function runRule(rule: Rule, context: Parameters<Rule['run']>[0]): RuleResult {
  try {
    return rule.run(context);
  } catch (error) {
    return { score: null, notApplicable: `rule failed: ${error instanceof Error ? error.message : String(error)}`, metrics: {}, findings: [], findingCount: 0 };
  }
}

const MAX_EVIDENCE_CHARS = 1000;

function makeFindingBuilder(rule: Rule, conversations: BrandConversations, settings: AuditSettings): (input: FindingInput) => Finding {
  const { table, roles } = conversations;
  return (input) => {
    const posts = input.posts.filter((p) => p >= 0);
    // A brand post outside any conversation (its own announcement) is its own thread.
    const opener = input.conversation >= 0 ? conversations.openers[input.conversation]! : posts[0]!;
    const evidence: Evidence[] = posts.map((p) => {
      const text = table.text(p);
      const source = table.source(p);
      return {
        postId: table.id(p),
        author: table.author(p),
        role: roles[p] === ROLE_BRAND ? 'brand' : roles[p] === ROLE_CUSTOMER ? 'customer' : 'other',
        createdAt: isoTime(table.times[p]!),
        text: text.length > MAX_EVIDENCE_CHARS ? `${text.slice(0, MAX_EVIDENCE_CHARS)}…` : text,
        source: source.entry ?? (source.line ? `${source.file}:${source.line}` : source.file),
      };
    });
    const template = rule.meta.messages[input.messageId];
    if (!template) throw new Error(`rule ${rule.meta.id} has no message "${input.messageId}"`);
    return {
      ruleId: rule.meta.id,
      category: rule.meta.category,
      severity: input.severity ?? rule.meta.severity,
      threadId: table.threadIds.get(opener) ?? table.id(opener),
      postIds: posts.map((p) => table.id(p)),
      messageId: input.messageId,
      data: input.data,
      message: format(template[settings.locale], input.data),
      evidence,
      rank: input.rank,
    };
  };
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

function periodOf(conversations: BrandConversations, since: number, until: number, asOf: number): AuditResult['period'] {
  let first = Infinity;
  let last = -Infinity;
  for (let c = 0; c < conversations.count; c++) {
    const t = conversations.table.times[conversations.openers[c]!]!;
    if (t < first) first = t;
    if (t > last) last = t;
  }
  const from = Number.isFinite(since) ? since : first;
  const to = Number.isFinite(until) ? until : asOf;
  return { from: Number.isFinite(from) ? isoTime(from) : null, to: Number.isFinite(to) ? isoTime(to) : null, asOf: isoTime(asOf) };
}

function metricsOf(conversations: BrandConversations, timeline: ReturnType<typeof buildTimeline>, rules: Map<string, RuleReport>): AuditMetrics {
  let answered = 0;
  let ignored = 0;
  let pending = 0;
  let notNeeded = 0;
  for (let c = 0; c < conversations.count; c++) {
    const status = timeline.status[c];
    if (status === STATUS_ANSWERED) answered++;
    else if (status === STATUS_IGNORED) ignored++;
    else if (status === STATUS_PENDING) pending++;
    else if (status === STATUS_NOT_NEEDED) notNeeded++;
  }
  let brandPosts = 0;
  let customerPosts = 0;
  let automated = 0;
  for (let k = 0; k < conversations.members.length; k++) {
    const post = conversations.members[k]!;
    if (conversations.roles[post] === ROLE_BRAND) brandPosts++;
    else if (conversations.roles[post] === ROLE_CUSTOMER) customerPosts++;
    if (timeline.automated[post]) automated++;
  }
  return {
    posts: conversations.members.length,
    brandPosts,
    customerPosts,
    conversations: conversations.count,
    needingReply: answered + ignored + pending,
    answered,
    ignored,
    pending,
    notNeedingReply: notNeeded,
    replyRate: ratio(answered, answered + ignored, 6),
    // The speed rules already summarised these; the top-level metrics repeat them for the contract.
    firstResponseMinutes: rules.get('first-response-time')!.metrics.firstResponseMinutes as DurationSummary,
    followUpResponseMinutes: rules.get('follow-up-response-time')!.metrics.followUpResponseMinutes as DurationSummary,
    automatedReplies: automated,
  };
}
