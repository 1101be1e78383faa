/**
 * The pure core: corpus in, audit result out (spec §6). No file system, no clock, no terminal, no
 * translation: it orchestrates the artifacts, runs every rule in its context and weighs the scores.
 */
import { CATEGORY_IDS, type CategoryId } from './contract/ids.js';
import { SCHEMA_VERSION, type AuditResult, type CategoryReport, type Finding, type Reason, type RuleReport } from './contract/result.js';
import type { IngestWarning, KeyedText } from './contract/warning.js';
import type { Corpus, InputSummary } from './corpus/corpus.js';
import type { ChannelDecision } from './model/conversations.js';
import type { AuditConfig } from './config/audit-config.js';
import { AuditArtifacts, type NeedsReplyDetector } from './model/artifacts.js';
import { conversationRows } from './model/conversation-rows.js';
import { auditSeries } from './model/series.js';
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
  /** Add one row per conversation to the result (the CSV conversations table, `--conversations` in JSON). */
  conversationTable?: boolean;
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
    promiseHourGraceMinutes: config.promiseHourGraceMinutes,
    businessHours: config.businessHours ? parseBusinessHours(config.businessHours, config.timezone, request.holidayDates ?? new Set()) : undefined,
    minCases: config.minCases,
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
  // Reply links an adapter had to drop (Excel turned the id into a number) are links nobody can follow either.
  const dropped = corpus.warnings.countsByCode()['excel-mangled-reply-to'] ?? 0;
  const links = { total: artifacts.conversations.replyLinks.total + dropped, unresolved: artifacts.conversations.replyLinks.unresolved + dropped };
  // Most reply links dangling (Excel-mangled ids, a truncated export): who answered whom is unknown.
  const linksUnreliable = links.total >= config.minCases && links.unresolved * 2 > links.total;
  for (const rule of rules) {
    const result = guard(
      runRule(() => rule.run(ruleContext(rule, artifacts, settings))),
      rule,
      config.minCases,
      linksUnreliable ? links : undefined,
    );
    if (result.failed) warnings.add({ input: '(audit)', code: 'rule-failed', message: `${rule.meta.id}: ${result.failed}; its score was left out` });
    findings.push(...result.findings);
    const report: RuleReport = {
      id: rule.meta.id,
      score: result.score === null ? null : round(result.score, 1),
      cases: result.cases,
      weight: config.rules[rule.meta.id] ?? 0,
      ...(result.reason ? { reason: result.reason } : {}),
      ...(result.failed ? { failed: result.failed } : {}),
      metrics: result.metrics,
      findingCount: result.findingCount,
      ...(result.watchCount ? { watchCount: result.watchCount } : {}),
    };
    ruleReports.set(rule.meta.id, report);
  }

  const categories = {} as Record<CategoryId, CategoryReport>;
  for (const id of CATEGORY_IDS) {
    const inCategory = rules.filter((rule) => rule.meta.category === id).map((rule) => ruleReports.get(rule.meta.id)!);
    const score = weightedMean(inCategory.map((r) => ({ score: r.score, weight: r.weight })));
    const cases = inCategory.reduce((sum, r) => sum + (r.score !== null && r.weight > 0 ? (r.cases ?? 0) : 0), 0);
    const category: CategoryReport = { score: score === null ? null : round(score, 1), cases, weight: config.categories[id], rules: inCategory };
    if (score === null) category.reasons = categoryReasons(inCategory);
    categories[id] = category;
  }
  const conversationCount = artifacts.conversations.count;
  // No conversation in the period: nothing the brand did for a customer can be scored, whatever its own posts say.
  const overall = conversationCount === 0 ? null : weightedMean(CATEGORY_IDS.map((id) => ({ score: categories[id].score, weight: categories[id].weight })));
  const metrics = artifacts.metrics();
  if (linksUnreliable) metrics.replyRate = null;

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
    inputs: inputsFor(corpus, artifacts, request.handles, (w) => warnings.add(w)),
    score: overall === null ? null : round(overall, 1),
    ...(overall === null ? { scoreReason: conversationCount === 0 ? { code: 'no-conversations' } : { code: 'no-data' } } : {}),
    categories,
    metrics: { ...metrics, series: auditSeries(artifacts, { timezone: config.timezone, slaMinutes: config.slaMinutes, replyRates: !linksUnreliable }) },
    findings,
    warnings: warnings.list(),
    warningCounts: warnings.countsByCode(),
    ...(request.conversationTable ? { conversations: conversationRows(artifacts) } : {}),
  };
}

/** Sentences for the input notes: why an input's threads count (or not) for this brand. */
const CHANNEL_NOTES: Record<ChannelDecision['rule'], (d: ChannelDecision) => KeyedText> = {
  owner: (d) =>
    d.brands
      ? { id: 'channel.owner-brand', text: 'the input names the brand as its owner: every thread in it counts' }
      : {
          id: 'channel.owner-other',
          text: 'the input names another owner: a thread counts only when it mentions or replies to the brand, or the brand posted in it',
        },
  'own-inbox': () => ({
    id: 'channel.own-inbox',
    text: "the brand's own inbox (every post it marks as a company's is by the brand's handles): every customer thread in it counts",
  }),
  'no-company-posts': () => ({
    id: 'channel.no-company-posts',
    text: "taken as the brand's own channel (it marks no post as a company's): every customer thread in it counts; a channel column says otherwise",
  }),
  'other-company': (d) => ({
    id: 'channel.other-company',
    data: { companies: d.otherCompanies.join(', ') },
    text: `another company's inbox (${d.otherCompanies.join(', ')}): a thread counts only when it mentions or replies to the brand, or the brand posted in it`,
  }),
  'mixed-companies': (d) => ({
    id: 'channel.mixed-companies',
    data: { companies: d.otherCompanies.join(', ') },
    text: `several companies' conversations (also ${d.otherCompanies.join(', ')}): a thread counts only when it mentions or replies to the brand, or the brand posted in it`,
  }),
  'multi-brand': () => ({
    id: 'channel.multi-brand',
    text: 'a multi-brand dataset: a thread counts only when it mentions or replies to the brand, or the brand posted in it',
  }),
  'no-brand-replies': () => ({
    id: 'channel.no-brand-replies',
    text: 'the platform shows no brand reply under these posts (product reviews): read, but never scored as conversations the brand owed an answer',
  }),
  'per-post': () => ({
    id: 'channel.per-post',
    text: "each post's own channel (a review page's business, a CSV's page column) decides whether its thread sits on the brand's channel",
  }),
};

/**
 * Each input with the brand's conversations in it and the rule that decided whose channel it is. An
 * input that gives the brand nothing is listed with 0 conversations and a warning, never merged silently.
 */
function inputsFor(corpus: Corpus, artifacts: AuditArtifacts, handles: readonly string[], warn: (w: IngestWarning) => void): InputSummary[] {
  const { conversations } = artifacts;
  const perFile = new Map<number, number>();
  for (let c = 0; c < conversations.count; c++) {
    const file = conversations.table.fileOf[conversations.openers[c]!]!;
    perFile.set(file, (perFile.get(file) ?? 0) + 1);
  }
  const brand = handles.map((h) => `@${h.replace(/^@/, '')}`).join(' ');
  // Posts counted once in another input (overlapping exports): an input made only of them gives nothing new.
  const postsPerFile = new Map<number, number>();
  const repeatsPerFile = new Map<number, number>();
  const table = conversations.table;
  // Posts in a brand conversation, by file: an input can add replies to a thread another input opened.
  const membersPerFile = new Map<number, number>();
  for (let k = 0; k < conversations.members.length; k++) {
    const file = table.fileOf[conversations.members[k]!]!;
    membersPerFile.set(file, (membersPerFile.get(file) ?? 0) + 1);
  }
  for (let i = 0; i < table.length; i++) {
    const file = table.fileOf[i]!;
    postsPerFile.set(file, (postsPerFile.get(file) ?? 0) + 1);
    if (conversations.excluded[i]) repeatsPerFile.set(file, (repeatsPerFile.get(file) ?? 0) + 1);
  }
  return corpus.inputs.map((input) => {
    const own = corpus.table.files.values().indexOf(input.path);
    const files = [...(corpus.inputFiles.get(input.path) ?? (own >= 0 ? [own] : []))];
    const count = files.reduce((sum, file) => sum + (perFile.get(file) ?? 0), 0);
    const notes = [...input.notes];
    const decisions = files.map((file) => conversations.channels.get(file)).filter((d): d is ChannelDecision => d !== undefined);
    const rules = [...new Set(decisions.map((d) => d.rule))];
    if (rules.length === 1) notes.push(CHANNEL_NOTES[rules[0]!](decisions[0]!));
    const repeats = files.reduce((sum, file) => sum + (repeatsPerFile.get(file) ?? 0), 0);
    const stored = files.reduce((sum, file) => sum + (postsPerFile.get(file) ?? 0), 0);
    if (count === 0 && stored > 0 && repeats === stored) {
      notes.push({
        id: 'input-all-repeated',
        data: { n: stored },
        text: `every post of this input (${stored}) is also in another input and was counted there`,
      });
    } else if (count === 0 && files.some((file) => (membersPerFile.get(file) ?? 0) > 0)) {
      const n = files.reduce((sum, file) => sum + (membersPerFile.get(file) ?? 0), 0);
      notes.push({
        id: 'input-joins-other',
        data: { n },
        text: `opens no conversation of its own: its ${n} post${n === 1 ? '' : 's'} in the brand's conversations belong to threads another input opens`,
      });
    } else if (count === 0 && input.posts > 0 && input.capabilities?.customerTexts === false && decisions.some((d) => d.brands)) {
      // The brand's own export (Facebook, Instagram, Mastodon, a data request): its replies answer posts that are
      // not in it, so no conversation opens; nothing is wrong with the input.
      notes.push({
        id: 'input-brand-side-only',
        text: "holds only the brand's own posts, and none answers a post in the inputs: no conversation to judge without the customers' side (read the threads' exports beside it)",
      });
    } else if (count === 0 && input.posts > 0 && !rules.includes('no-brand-replies')) {
      const others = [...new Set(decisions.flatMap((d) => d.otherCompanies))];
      warn({
        input: input.path,
        code: 'input-not-brand',
        message: `gives ${brand} nothing: 0 conversations${others.length > 0 ? ` (it is ${others.join(', ')}'s)` : ''}; its posts were left out`,
        ...(others.length > 0 ? { id: 'input-not-brand.other', data: { brand, companies: others.join(', ') } } : { data: { brand } }),
      });
    }
    return { ...input, notes, conversations: count };
  });
}

interface RunOutcome extends RuleResult {
  failed?: string;
}

/**
 * No score without enough data: below `minCases` the rule is informative ("3 cases: too few to score")
 * and keeps its findings and metrics; a rule resting on reply links is null when most links dangle.
 */
function guard(result: RunOutcome, rule: Rule, minCases: number, dangling: { total: number; unresolved: number } | undefined): RunOutcome {
  if (result.score === null) return result;
  if (dangling && rule.meta.needsReplyLinks) {
    return { ...result, score: null, reason: { code: 'unresolved-links', data: { unresolved: dangling.unresolved, replies: dangling.total } } };
  }
  if (result.cases !== null && result.cases < minCases)
    return { ...result, score: null, reason: { code: 'too-few-cases', data: { n: result.cases, min: minCases } } };
  return result;
}

/** A rule that throws is a bug: the audit goes on, and the report names the rule that could not run. */
function runRule(run: () => RuleResult): RunOutcome {
  try {
    return run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { score: null, cases: null, reason: { code: 'rule-failed', data: { error: message } }, failed: message, metrics: {}, findings: [], findingCount: 0 };
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
