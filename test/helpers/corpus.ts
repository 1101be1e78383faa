/**
 * Test builders (rule-tester style): a compact description of posts in, a `Corpus` out, plus helpers
 * that run the model, the timeline, a single rule or the whole audit with fixed settings.
 *
 *   const c = corpus([
 *     { id: 'c1', author: 'lucia', at: '2026-10-01T10:00:00Z', text: '¿Mi pedido?' },
 *     { id: 'b1', author: 'Marca', at: '+45m', replyTo: 'c1', text: 'Hola Lucía…' },
 *   ], { ownChannel: true });
 *
 * `at` is an ISO time or a time relative to the previous post in the list: '+30s', '+45m', '+3h',
 * '+2d', '-5m' (a negative offset makes a reply dated before its parent). The first post may not be
 * relative (it is then relative to BASE_TIME).
 */
import { Corpus } from '../../src/corpus/corpus.js';
import type { IngestWarning } from '../../src/contract/warning.js';
import { runAudit } from '../../src/audit.js';
import type { BrandVoice } from '../../src/model/brand-voice.js';
import { AuditArtifacts } from '../../src/model/artifacts.js';
import { catalogFor } from '../../src/rules/index.js';
import { assertValidResult } from './schema.js';
import { publishedFinding, publishedResult, type PublishedFinding, type PublishedResult } from '../../src/report/json.js';
import { ruleContext } from '../../src/rules/context.js';
import type { BusinessHours } from '../../src/time/business-hours.js';
import { buildConversations, type BrandConversations } from '../../src/model/conversations.js';
import type { PostRecord, Role, TimePrecision } from '../../src/contract/post.js';
import { buildTimeline, type NeedsReplyDetector, type Timeline } from '../../src/model/timeline.js';
import type { AuditSettings, FindingInput, Rule, RuleResult } from '../../src/rules/types.js';
import { defaultConfig, type AuditConfig } from '../../src/config/audit-config.js';
import { detectNeedsReply } from '../../src/signals/needs-reply.js';

/** Start of the synthetic month every fixture lives in. */
export const BASE_TIME = '2026-10-01T09:00:00Z';
/** The fixed "now" used unless a test says otherwise (well after every fixture, so nothing is pending). */
export const AS_OF = '2026-11-01T00:00:00Z';
export const DEFAULT_FILE = 'inbox.jsonl';
export const DEFAULT_PLATFORM = 'x';
export const BRAND = 'Marca';

export interface PostSpec {
  id: string;
  author: string;
  /** ISO 8601, or relative to the previous post: '+45m', '+3h', '+2d', '+30s', '-5m'. */
  at: string;
  text?: string;
  replyTo?: string;
  thread?: string;
  platform?: string;
  rating?: number;
  role?: Role;
  lang?: string;
  url?: string;
  deleted?: boolean;
  /** Whose channel the post sits on (a channel column). */
  channel?: string;
  /** How precise `at` is (a review page's day, an undated owner response). */
  timePrecision?: TimePrecision;
  /** Input file the post came from (default DEFAULT_FILE). */
  file?: string;
  line?: number;
  /** Path inside an archive. */
  entry?: string;
}

export interface CorpusOptions {
  /** true: every file is a single-channel input (an inbox export); a list: only those files. Default false (multi-brand). */
  ownChannel?: boolean | string[];
  /** The owner the input names (a page, an archive's account), per file or for all. */
  owner?: string | Record<string, string>;
  /** Default platform for posts that do not name one. */
  platform?: string;
  /** Default file for posts that do not name one. */
  file?: string;
  /**
   * Whether an input records deleted or hidden posts (what a "deleted" column or a JSONL `deleted: true`
   * tells ingest). Default: true when any post has `deleted: true`, as the JSONL adapter decides.
   */
  tracksDeletion?: boolean;
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Epoch ms of an ISO time; throws on a typo so that a bad fixture never silently becomes NaN. */
export function ms(iso: string): number {
  const value = Date.parse(iso);
  if (Number.isNaN(value)) throw new Error(`bad time in fixture: ${iso}`);
  return value;
}

/** Resolves a PostSpec `at` against the previous post's time. */
export function resolveTime(at: string, previous: number): number {
  const relative = /^([+-])(\d+(?:\.\d+)?)([smhd])$/.exec(at);
  if (relative) {
    const sign = relative[1] === '-' ? -1 : 1;
    return previous + sign * Number(relative[2]) * UNIT_MS[relative[3]!]!;
  }
  return ms(at);
}

/** Turns the compact description into PostRecords with absolute times (exported for the builder's own test). */
export function records(posts: readonly PostSpec[], options: CorpusOptions = {}): { record: PostRecord; file: string }[] {
  let previous = ms(BASE_TIME);
  return posts.map((spec, index) => {
    const time = resolveTime(spec.at, previous);
    previous = time;
    const record: PostRecord = {
      id: spec.id,
      platform: spec.platform ?? options.platform ?? DEFAULT_PLATFORM,
      author: spec.author,
      time,
      text: spec.text ?? '',
      line: spec.line ?? index + 1,
    };
    if (spec.replyTo !== undefined) record.inReplyTo = spec.replyTo;
    if (spec.thread !== undefined) record.threadId = spec.thread;
    if (spec.url !== undefined) record.url = spec.url;
    if (spec.rating !== undefined) record.rating = spec.rating;
    if (spec.lang !== undefined) record.lang = spec.lang;
    if (spec.role !== undefined) record.role = spec.role;
    if (spec.deleted !== undefined) record.deleted = spec.deleted;
    if (spec.entry !== undefined) record.entry = spec.entry;
    if (spec.channel !== undefined) record.channel = spec.channel;
    if (spec.timePrecision !== undefined) record.timePrecision = spec.timePrecision;
    return { record, file: spec.file ?? options.file ?? DEFAULT_FILE };
  });
}

/** Builds a Corpus the way ingest does: posts into the table, one input summary per file, own-channel files marked. */
export function corpus(posts: readonly PostSpec[], options: CorpusOptions = {}): Corpus {
  const result = new Corpus();
  const perFile = new Map<string, number>();
  for (const { record, file } of records(posts, options)) {
    result.table.add(record, file);
    perFile.set(file, (perFile.get(file) ?? 0) + 1);
  }
  for (const [file, count] of perFile) {
    result.inputs.push({ path: file, format: 'jsonl', encoding: 'utf-8', posts: count, warnings: 0, notes: [] });
    const own = options.ownChannel === true || (Array.isArray(options.ownChannel) && options.ownChannel.includes(file));
    const owner = typeof options.owner === 'string' ? options.owner : options.owner?.[file];
    result.channels.set(result.table.files.intern(file), { layout: own ? 'single-channel' : 'multi-brand', owner });
  }
  result.tracksDeletion = options.tracksDeletion ?? posts.some((p) => p.deleted === true);
  return result;
}

/** Post index of an id (first occurrence, any platform unless one is named). */
export function indexOf(c: Corpus, id: string, platform?: string): number {
  for (let i = 0; i < c.table.length; i++) {
    if (c.table.id(i) === id && (platform === undefined || c.table.platform(i) === platform)) return i;
  }
  throw new Error(`no post ${id}${platform ? ` on ${platform}` : ''} in the fixture`);
}

export interface ModelOptions {
  handles?: string[];
  asOf?: string;
  since?: string;
  until?: string;
  graceHours?: number;
  autoReplySeconds?: number;
  detect?: NeedsReplyDetector;
}

export interface Model {
  corpus: Corpus;
  conversations: BrandConversations;
  timeline: Timeline;
  warnings: IngestWarning[];
  /** Post index of an id. */
  at(id: string, platform?: string): number;
  /** Conversation index of a post id (-1 when it is in none). */
  conversationOf(id: string, platform?: string): number;
  /** Post ids of conversation c, in member (time) order. */
  memberIds(c: number): string[];
  /** Opener id of each conversation, in conversation order. */
  openerIds(): string[];
  /** Post ids of a list of post indexes. */
  ids(posts: ArrayLike<number>): string[];
}

/** buildConversations + buildTimeline with fixed defaults (brand "Marca", asOf AS_OF, 72 h grace, 30 s auto-reply window). */
export function model(c: Corpus, options: ModelOptions = {}): Model {
  const warnings: IngestWarning[] = [];
  const asOf = ms(options.asOf ?? AS_OF);
  const conversations = buildConversations(
    c,
    {
      handles: options.handles ?? [BRAND],
      asOf,
      since: options.since ? ms(options.since) : -Infinity,
      until: options.until ? ms(options.until) : Infinity,
    },
    (w) => warnings.push(w),
  );
  const timeline = buildTimeline(
    conversations,
    { asOf, graceHours: options.graceHours ?? 72, autoReplySeconds: options.autoReplySeconds ?? 30 },
    options.detect ?? detectNeedsReply,
  );
  const ids = (posts: ArrayLike<number>): string[] => Array.from(posts, (p) => c.table.id(p));
  return {
    corpus: c,
    conversations,
    timeline,
    warnings,
    at: (id, platform) => indexOf(c, id, platform),
    conversationOf: (id, platform) => conversations.conversationOf[indexOf(c, id, platform)]!,
    memberIds: (conv) => ids(conversations.members.subarray(conversations.offsets[conv]!, conversations.offsets[conv + 1]!)),
    openerIds: () => ids(conversations.openers),
    ids,
  };
}

export interface AuditOptions {
  handles?: string[];
  asOf?: string;
  since?: string;
  until?: string;
  /** Overrides merged over defaultConfig() (categories and rules are merged key by key). */
  config?: Partial<Omit<AuditConfig, 'categories' | 'rules'>> & { categories?: Partial<AuditConfig['categories']>; rules?: Record<string, number> };
  needsReply?: NeedsReplyDetector;
}

export function configWith(overrides: AuditOptions['config'] = {}): AuditConfig {
  // Rule tests check formulas on a handful of hand-made cases; the minimum number of cases is tested on its own.
  const base = { ...defaultConfig(), minCases: 1 };
  const { categories, rules, ...rest } = overrides;
  return {
    ...base,
    ...rest,
    categories: { ...base.categories, ...(categories ?? {}) } as AuditConfig['categories'],
    rules: { ...base.rules, ...(rules ?? {}) },
  };
}

type AuditResult = PublishedResult;
type Finding = PublishedFinding;

/**
 * runAudit with defaultConfig(), brand "Marca", a fixed asOf and tool version "0.0.0-test", as the JSON
 * report publishes it (with localized titles, messages and reasons, in the config's locale).
 */
export function audit(c: Corpus, options: AuditOptions = {}): AuditResult {
  const config = configWith(options.config);
  const published = publishedResult(rawAudit(c, options), catalogFor(config.locale));
  assertValidResult(published);
  return published;
}

/** The audit result as the core returns it (message ids and data, nothing translated). */
export function rawAudit(c: Corpus, options: AuditOptions = {}) {
  return runAudit(c, {
    handles: options.handles ?? [BRAND],
    config: configWith(options.config),
    asOf: ms(options.asOf ?? AS_OF),
    ...(options.since ? { since: ms(options.since) } : {}),
    ...(options.until ? { until: ms(options.until) } : {}),
    toolVersion: '0.0.0-test',
    ...(options.needsReply ? { needsReply: options.needsReply } : {}),
  });
}

/** Findings of one rule in an audit result, in the order the rule ranked them (rank 1 first). */
export function findingsOf(result: AuditResult, ruleId: string): Finding[] {
  return result.findings.filter((f) => f.ruleId === ruleId).sort((a, b) => a.rank - b.rank);
}

/** The report of one rule in an audit result. */
export function ruleReport(result: AuditResult, ruleId: string) {
  for (const category of Object.values(result.categories)) {
    const report = category.rules.find((r) => r.id === ruleId);
    if (report) return report;
  }
  throw new Error(`no rule ${ruleId} in the result`);
}

export interface DirectRun {
  result: Omit<RuleResult, 'findings'> & { notApplicable?: string; findings: Finding[] };
  model: Model;
  /** The brand's analysed words the rule was given. */
  voice: BrandVoice;
  /** What the rule asked the finding builder for, in call order. */
  inputs: FindingInput[];
}

/**
 * Runs one rule on its own (no capping by the audit, raw unrounded score) in the real rule context,
 * with the real finding builder; findings and the reason come back rendered in `locale` (default en).
 * The brand voice covers the period as the audit does: [since, min(until, asOf)].
 */
export interface DirectOptions extends ModelOptions {
  slaMinutes?: number;
  maxFindings?: number;
  locale?: 'en' | 'es';
  timezone?: string;
  promiseGraceHours?: number;
  promiseHourGraceMinutes?: number;
  /** The business-hours clock for speed (default none). */
  businessHours?: BusinessHours;
  /** The audit's minimum number of cases (default 1, as configWith: rule tests use a handful of cases). */
  minCases?: number;
}

export function runRuleDirect(rule: Rule, c: Corpus, options: DirectOptions = {}): DirectRun {
  const m = model(c, options);
  const inputs: FindingInput[] = [];
  const defaults = defaultConfig();
  const settings: AuditSettings = {
    slaMinutes: options.slaMinutes ?? 60,
    graceHours: options.graceHours ?? 72,
    autoReplySeconds: options.autoReplySeconds ?? 30,
    asOf: ms(options.asOf ?? AS_OF),
    maxFindings: options.maxFindings ?? 0,
    timezone: options.timezone ?? defaults.timezone,
    promiseGraceHours: options.promiseGraceHours ?? defaults.promiseGraceHours,
    promiseHourGraceMinutes: options.promiseHourGraceMinutes ?? defaults.promiseHourGraceMinutes,
    businessHours: options.businessHours,
    minCases: options.minCases ?? 1,
  };
  const artifacts = new AuditArtifacts(
    c,
    {
      ...settings,
      handles: options.handles ?? [BRAND],
      since: options.since ? ms(options.since) : -Infinity,
      until: Math.min(options.until ? ms(options.until) : Infinity, settings.asOf),
      needsReply: options.detect ?? detectNeedsReply,
    },
    () => {},
  );
  const context = ruleContext(rule, artifacts, settings);
  const build = context.finding;
  const raw = rule.run({
    ...context,
    get timeline() {
      return artifacts.timeline;
    },
    get voice() {
      return artifacts.voice;
    },
    get responseTimes() {
      return artifacts.responseTimes;
    },
    finding(input) {
      inputs.push(input);
      return build(input);
    },
  });
  const catalog = catalogFor(options.locale ?? 'en');
  const result = {
    ...raw,
    ...(raw.reason ? { notApplicable: catalog.reason(raw.reason) } : {}),
    findings: raw.findings.map((f) => publishedFinding(f, catalog)),
  };
  return { result, model: m, voice: artifacts.voice, inputs };
}

/**
 * A needs-reply detector for model tests that must not depend on the lexicon: texts starting with
 * "Q:" need a reply, everything else does not (ratings 1–3 always do, as in the real one).
 */
export const markerDetector: NeedsReplyDetector = (text, rating) => {
  if (rating !== undefined && rating > 0 && rating <= 3) return { needsReply: true, reason: 'low-rating', cue: `${rating}★` };
  return text.startsWith('Q:') ? { needsReply: true, reason: 'question', cue: text } : { needsReply: false, reason: 'none' };
};
