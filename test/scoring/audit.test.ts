import { describe, it, expect } from 'vitest';
import { latestTime, runAudit, SCHEMA_VERSION } from '../../src/audit.js';
import { CATEGORY_IDS, type CategoryId } from '../../src/contract/ids.js';
import type { PublishedFinding as Finding, PublishedResult as AuditResult } from '../../src/report/json.js';
import { defaultConfig } from '../../src/config/audit-config.js';
import { audit, corpus, findingsOf, ms, ruleReport, type PostSpec } from '../helpers/corpus.js';

const AS_OF = '2026-10-20T00:00:00Z';

/**
 * Speed 80: three answered questions, first replies after 10 min, 30 min and 5 h (2/3 on target, all
 * within a day → 100 × (0.6 × 2/3 + 0.4) = 80). No-ignoring 60: those three answered, two ignored.
 * No follow-ups, so the companion rules have nothing to judge.
 */
const SPEED_80_NO_IGNORING_60: PostSpec[] = [
  { id: 'c1', author: 'lucia', at: '2026-10-01T10:00:00Z', text: '¿Dónde está mi pedido?' },
  { id: 'b1', author: 'Marca', at: '+10m', replyTo: 'c1', text: 'Sale hoy, Lucía.' },
  { id: 'c2', author: 'pepe', at: '2026-10-02T10:00:00Z', text: 'El router no funciona' },
  { id: 'b2', author: 'Marca', at: '+30m', replyTo: 'c2', text: 'Te llamamos ahora, Pepe.' },
  { id: 'c3', author: 'ana', at: '2026-10-03T10:00:00Z', text: 'I want to cancel my plan' },
  { id: 'b3', author: 'Marca', at: '+5h', replyTo: 'c3', text: 'Done, Ana.' },
  { id: 'c4', author: 'luis', at: '2026-10-04T10:00:00Z', text: 'Me habéis cobrado dos veces' },
  { id: 'c5', author: 'rosa', at: '2026-10-05T10:00:00Z', text: 'Sin internet desde ayer' },
];

const fresh = () => corpus(SPEED_80_NO_IGNORING_60, { ownChannel: true });

/**
 * The brand's three polite replies also give professionalism (tone) and no-politics 100 each, while
 * transparency has nothing to judge (no apology or denial, no promise with a deadline, no input that
 * records deletions). The weight tests below keep to speed and no-ignoring by giving the other three
 * categories weight 0.
 */
const ONLY_SPEED_AND_NO_IGNORING = { transparency: 0, professionalism: 0, 'no-politics': 0 } as const;
const only = (categories: Partial<Record<CategoryId, number>> = {}) => ({ categories: { ...ONLY_SPEED_AND_NO_IGNORING, ...categories } });

/** Two old complaints nobody answered: no brand post at all. */
const NO_BRAND_POSTS: PostSpec[] = SPEED_80_NO_IGNORING_60.filter((p) => p.id === 'c4' || p.id === 'c5');

describe('runAudit: scores', () => {
  it('every category may score; equal weights over the categories that have a score', () => {
    const result = audit(fresh(), { asOf: AS_OF });
    expect(result.categories.speed.score).toBe(80);
    expect(result.categories['no-ignoring'].score).toBe(60);
    expect(result.categories.professionalism.score).toBe(100);
    expect(result.categories['no-politics'].score).toBe(100);
    expect(result.categories.transparency.score).toBeNull();
    // (80 + 60 + 100 + 100) ÷ 4; transparency is left out, not counted as 0 (that would be 68).
    expect(result.score).toBe(85);
  });

  it('speed 80 and no-ignoring 60 → overall 70 when they are the only categories weighed', () => {
    const result = audit(fresh(), { asOf: AS_OF, config: only() });
    expect(result.score).toBe(70);
    // The other categories are still scored and reported, with their weight.
    expect(result.categories.professionalism).toMatchObject({ score: 100, weight: 0 });
  });

  it("a category with nothing to judge is null with its rules' reasons, keeps its weight and is left out", () => {
    const result = audit(fresh(), { asOf: AS_OF });
    const transparency = result.categories.transparency;
    expect(transparency).toMatchObject({ score: null, weight: 1, title: 'Transparency' });
    expect(transparency.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['mistakes-admitted', 'nothing-deleted']));
    for (const rule of transparency.rules) expect(rule.score).toBeNull();
    expect(transparency.notApplicable).toContain('the brand neither apologised nor denied anything');
    expect(transparency.notApplicable).toContain('no input records deleted or hidden posts');

    // Without a single brand post, tone and politics have nothing to judge either: only no-ignoring scores.
    const silent = audit(corpus(NO_BRAND_POSTS, { ownChannel: true }), { asOf: AS_OF });
    expect(silent.categories['no-ignoring'].score).toBe(0);
    expect(silent.categories['no-politics']).toMatchObject({ score: null, weight: 1, notApplicable: 'no brand posts' });
    expect(silent.categories.professionalism).toMatchObject({ score: null, weight: 1 });
    expect(silent.categories.professionalism.notApplicable).toContain('no brand posts');
    for (const id of ['speed', 'transparency'] as const) expect(silent.categories[id].score).toBeNull();
    expect(silent.score).toBe(0);

    // An input that records deletions brings transparency in: nothing deleted → 100, (0 + 100) ÷ 2.
    const tracked = audit(corpus(NO_BRAND_POSTS, { ownChannel: true, tracksDeletion: true }), { asOf: AS_OF });
    expect(tracked.categories.transparency.score).toBe(100);
    expect(tracked.score).toBe(50);

    const es = audit(fresh(), { asOf: AS_OF, config: { locale: 'es' } });
    expect(es.categories.transparency).toMatchObject({ score: null, title: 'Transparencia' });
    expect(es.categories.speed.title).toBe('Rapidez');
  });

  // Regression (fixed): rules give their "nothing to judge" reason in English only (RuleResult.notApplicable is a string,
  // not Localized), so a Spanish report explains a null category in English: "no brand posts".
  it('with locale es, a null category explains itself in Spanish', () => {
    const es = audit(corpus(NO_BRAND_POSTS, { ownChannel: true }), { asOf: AS_OF, config: { locale: 'es' } });
    expect(es.categories['no-politics'].notApplicable).not.toBe('no brand posts');
  });

  it('rules inside a category are averaged by weight; a null rule is left out', () => {
    const result = audit(fresh(), { asOf: AS_OF });
    const view = (id: CategoryId, rules: string[]) =>
      rules.map((rule) => {
        const report = result.categories[id].rules.find((r) => r.id === rule)!;
        return [rule, report.score, report.weight];
      });
    expect(view('speed', ['automated-replies', 'first-response-time', 'follow-up-response-time'])).toEqual([
      ['automated-replies', null, 0],
      ['first-response-time', 80, 2],
      ['follow-up-response-time', null, 1],
    ]);
    expect(view('no-ignoring', ['reply-rate', 'unanswered-follow-ups'])).toEqual([
      ['reply-rate', 60, 2],
      ['unanswered-follow-ups', null, 1],
    ]);
    // No reply long enough to know its language, no conversation with two replies: tone alone.
    expect(view('professionalism', ['register-consistency', 'reply-language', 'tone'])).toEqual([
      ['register-consistency', null, 0.5],
      ['reply-language', null, 1],
      ['tone', 100, 2],
    ]);
    // Every rule that scored in these categories is one of those listed.
    for (const id of ['speed', 'no-ignoring', 'professionalism'] as const) {
      const scored = result.categories[id].rules.filter((r) => r.score !== null && r.weight > 0).map((r) => r.id);
      expect(scored).toEqual({ speed: ['first-response-time'], 'no-ignoring': ['reply-rate'], professionalism: ['tone'] }[id]);
    }
  });

  it('rule weights average the rules of a category that score', () => {
    // Tone 100 (weight 2) and reply-language 50 (weight 1): one of two first replies is in the customer's language.
    const posts: PostSpec[] = [
      { id: 'c1', author: 'lucia', at: '2026-10-01T10:00:00Z', text: 'Hola, ¿dónde está mi pedido? Llevo una semana esperando' },
      { id: 'b1', author: 'Marca', at: '+10m', replyTo: 'c1', text: 'Hola, el pedido ya ha salido del almacén y llega mañana' },
      { id: 'c2', author: 'pepe', at: '2026-10-02T10:00:00Z', text: 'Hola, ¿dónde está mi pedido? Llevo una semana esperando' },
      { id: 'b2', author: 'Marca', at: '+10m', replyTo: 'c2', text: 'Your order is on its way and should arrive tomorrow' },
    ];
    const result = audit(corpus(posts, { ownChannel: true }), { asOf: AS_OF });
    expect(ruleReport(result, 'reply-language')).toMatchObject({ score: 50, weight: 1 });
    expect(ruleReport(result, 'tone')).toMatchObject({ score: 100, weight: 2 });
    expect(result.categories.professionalism.score).toBe(83.3); // (2 × 100 + 1 × 50) ÷ 3
    expect(audit(corpus(posts, { ownChannel: true }), { asOf: AS_OF, config: { rules: { tone: 1 } } }).categories.professionalism.score).toBe(75);
  });

  it('a config weight of 0 removes a category from the overall score', () => {
    expect(audit(fresh(), { asOf: AS_OF, config: only({ speed: 0 }) }).score).toBe(60);
    expect(audit(fresh(), { asOf: AS_OF, config: only({ 'no-ignoring': 0 }) }).score).toBe(80);
    const none = audit(fresh(), { asOf: AS_OF, config: only({ speed: 0, 'no-ignoring': 0 }) });
    expect(none.score).toBeNull();
    // The category itself is still scored and reported with its weight.
    expect(none.categories.speed).toMatchObject({ score: 80, weight: 0 });
    // The same with the new categories: without professionalism, (80 + 60 + 100) ÷ 3.
    expect(audit(fresh(), { asOf: AS_OF, config: { categories: { professionalism: 0 } } }).score).toBe(80);
  });

  it('category weights are relative', () => {
    expect(audit(fresh(), { asOf: AS_OF, config: only({ speed: 3 }) }).score).toBe(75);
    // (3 × 80 + 60 + 100 + 100) ÷ 6
    expect(audit(fresh(), { asOf: AS_OF, config: { categories: { speed: 3 } } }).score).toBe(83.3);
  });

  it('a rule weight of 0 makes it informative inside its category', () => {
    const result = audit(fresh(), { asOf: AS_OF, config: { ...only(), rules: { 'first-response-time': 0 } } });
    expect(ruleReport(result, 'first-response-time')).toMatchObject({ score: 80, weight: 0 });
    expect(result.categories.speed.score).toBeNull();
    expect(result.categories.speed.notApplicable).toContain('no follow-up question was answered');
    expect(result.score).toBe(60);
    // Tone informative: professionalism has no other rule with a score, so it is null and left out.
    const toneOff = audit(fresh(), { asOf: AS_OF, config: { rules: { tone: 0 } } });
    expect(ruleReport(toneOff, 'tone')).toMatchObject({ score: 100, weight: 0 });
    expect(toneOff.categories.professionalism.score).toBeNull();
    expect(toneOff.score).toBe(80); // (80 + 60 + 100) ÷ 3
  });

  it('a category whose rules have nothing to judge is null with their reasons', () => {
    const result = audit(corpus([{ id: 'c1', author: 'lucia', at: '2026-10-19T10:00:00Z', text: '¿Hola?' }], { ownChannel: true }), { asOf: AS_OF });
    expect(result.categories['no-ignoring'].score).toBeNull();
    expect(result.categories['no-ignoring'].notApplicable).toBe(
      // channel-coherence (informative) gives its reason too, as every rule of the category does.
      'every conversation is on one platform (X): there are no channels to compare; every conversation that needs a reply is still pending; no follow-up question after a first reply',
    );
    for (const id of CATEGORY_IDS) expect(result.categories[id].score).toBeNull();
    expect(result.score).toBeNull();
    expect(result.metrics).toMatchObject({ conversations: 1, needingReply: 1, pending: 1, answered: 0, replyRate: null });
  });

  it('an empty corpus gives a null score and empty metrics', () => {
    const result = runAudit(corpus([]), { handles: ['Marca'], config: defaultConfig(), toolVersion: 't' });
    expect(result.score).toBeNull();
    expect(result.metrics).toMatchObject({ conversations: 0, needingReply: 0, answered: 0, pending: 0, replyRate: null });
    expect(result.metrics.firstResponseMinutes.count).toBe(0);
    expect(result.period).toEqual({ from: null, to: '1970-01-01T00:00:00Z', asOf: '1970-01-01T00:00:00Z' });
  });
});

describe('runAudit: the result contract (spec §6)', () => {
  it('has the contract keys at least', () => {
    const result = audit(fresh(), { asOf: AS_OF });
    for (const key of ['schemaVersion', 'tool', 'brand', 'period', 'inputs', 'score', 'categories', 'metrics', 'findings', 'warnings'])
      expect(result).toHaveProperty(key);
    expect(result.schemaVersion).toBe(SCHEMA_VERSION);
    expect(result.schemaVersion).toBe(1);
    expect(result.tool).toEqual({ name: 'second-impression', version: '0.0.0-test' });
    expect(result.brand).toEqual({ handles: ['Marca'] });
    expect(Object.keys(result.categories)).toEqual([...CATEGORY_IDS]);
    for (const id of CATEGORY_IDS) {
      expect(result.categories[id]).toHaveProperty('score');
      expect(result.categories[id]).toHaveProperty('weight');
      expect(Array.isArray(result.categories[id].rules)).toBe(true);
    }
    expect(result.inputs).toEqual([
      {
        path: 'inbox.jsonl',
        format: 'jsonl',
        encoding: 'utf-8',
        posts: 8,
        warnings: 0,
        conversations: 5,
        notes: ["taken as the brand's own channel (it marks no post as a company's): every customer thread in it counts; a channel column says otherwise"],
      },
    ]);
  });

  it('metrics carry the contract keys with the right values', () => {
    const { metrics } = audit(fresh(), { asOf: AS_OF });
    expect(metrics).toMatchObject({ conversations: 5, needingReply: 5, answered: 3, pending: 0, replyRate: 0.6 });
    expect(Object.keys(metrics.firstResponseMinutes)).toEqual(expect.arrayContaining(['count', 'median', 'p90', 'mean', 'withinTarget', 'within24h']));
    expect(metrics.firstResponseMinutes).toMatchObject({ count: 3, median: 30, p90: 300, mean: 113.33, withinTarget: 0.6667, within24h: 1 });
    expect(metrics).toMatchObject({ posts: 8, brandPosts: 3, customerPosts: 5, ignored: 2, notNeedingReply: 0, automatedReplies: 0 });
  });

  it('findings carry the contract keys', () => {
    const result = audit(fresh(), { asOf: AS_OF });
    expect(result.findings.length).toBeGreaterThan(0);
    for (const finding of result.findings) {
      expect(finding).toEqual(
        expect.objectContaining({
          ruleId: expect.any(String),
          category: expect.any(String),
          severity: expect.stringMatching(/^(info|warning|error)$/),
          threadId: expect.any(String),
          postIds: expect.any(Array),
          message: expect.any(String),
          evidence: expect.any(Array),
        }),
      );
      for (const evidence of finding.evidence) {
        expect(evidence).toEqual(expect.objectContaining({ postId: expect.any(String), text: expect.any(String) }));
        expect(evidence.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/);
      }
    }
  });

  it('period and asOf are ISO 8601 UTC; `from` is the first conversation, `to` is asOf', () => {
    const result = audit(fresh(), { asOf: AS_OF });
    expect(result.period).toEqual({ from: '2026-10-01T10:00:00Z', to: AS_OF, asOf: AS_OF });
  });

  it('since/until are echoed in the period and until never passes asOf', () => {
    const result = audit(fresh(), { asOf: AS_OF, since: '2026-10-02T00:00:00Z', until: '2026-12-31T00:00:00Z' });
    expect(result.period).toEqual({ from: '2026-10-02T00:00:00Z', to: AS_OF, asOf: AS_OF });
    expect(result.metrics.conversations).toBe(4);
  });

  it('asOf defaults to the latest timestamp in the data', () => {
    const c = fresh();
    expect(latestTime(c)).toBe(ms('2026-10-05T10:00:00Z'));
    const result = runAudit(c, { handles: ['Marca'], config: defaultConfig(), toolVersion: 't' });
    expect(result.period.asOf).toBe('2026-10-05T10:00:00Z');
    // c4 is 24 h old and c5 brand new at that "now": both pending.
    expect(result.metrics).toMatchObject({ pending: 2, answered: 3, replyRate: 1 });
  });

  it('ingest-level warnings from the model end up in the result with counts', () => {
    const c = corpus([{ id: 'c1', author: 'lucia', at: '2026-10-01T10:00:00Z', replyTo: 'missing', text: '¿Hola?' }], { ownChannel: true });
    const result = audit(c, { asOf: AS_OF });
    expect(result.warnings).toEqual([expect.objectContaining({ input: 'inbox.jsonl', line: 1, code: 'reply-to-missing' })]);
    expect(result.warningCounts).toEqual({ 'reply-to-missing': 1 });
  });

  it("a finding's threadId is the source thread id when there is one", () => {
    const c = corpus(
      [
        { id: 'm1', author: 'lucia', at: '2026-10-01T10:00:00Z', thread: 'T-77', text: 'Mi pedido no ha llegado' },
        { id: 'm2', author: 'lucia', at: '+1h', thread: 'T-77', text: '¿Hola?' },
      ],
      { ownChannel: true },
    );
    const [finding] = findingsOf(audit(c, { asOf: AS_OF }), 'reply-rate');
    expect(finding).toMatchObject({ threadId: 'T-77', postIds: ['m1'] });
  });

  it('evidence quotes at most 1000 characters and names the archive entry as source', () => {
    const long = `Mi pedido no ha llegado. ${'Lo necesito para el viernes. '.repeat(60)}`;
    const c = corpus([{ id: 'c1', author: 'lucia', at: '2026-10-01T10:00:00Z', text: long, file: 'export.zip', entry: 'inbox/messages.csv' }], {
      ownChannel: true,
    });
    const [finding] = findingsOf(audit(c, { asOf: AS_OF }), 'reply-rate');
    const [evidence] = finding!.evidence;
    expect(evidence!.text).toBe(`${long.slice(0, 1000)}…`);
    expect(evidence!.source).toBe('inbox/messages.csv');
  });

  it('settings are echoed', () => {
    const result = audit(fresh(), { asOf: AS_OF, config: { slaMinutes: 30, maxFindings: 5 } });
    expect(result.settings).toMatchObject({
      slaMinutes: 30,
      graceHours: 72,
      autoReplySeconds: 30,
      timezone: 'UTC',
      locale: 'en',
      maxFindings: 5,
      businessHours: null,
      notes: [],
    });
  });
});

describe('runAudit: findings order and determinism', () => {
  /** Two slow first replies, an ignored conversation and an auto-reply template, in threads "9", "10" and "x". */
  const MIXED: PostSpec[] = [
    { id: '10', author: 'lucia', at: '2026-10-01T10:00:00Z', text: '¿Mi pedido?' },
    { id: '11', author: 'Marca', at: '+2s', replyTo: '10', text: 'Gracias por escribirnos, te respondemos pronto.' },
    { id: '12', author: 'Marca', at: '+3h', replyTo: '10', text: 'Sale hoy.' },
    { id: '9', author: 'pepe', at: '2026-10-02T10:00:00Z', text: '¿Mi factura?' },
    { id: '13', author: 'Marca', at: '+2s', replyTo: '9', text: 'Gracias por escribirnos, te respondemos pronto.' },
    { id: '14', author: 'Marca', at: '+30h', replyTo: '9', text: 'Enviada.' },
    { id: 'x', author: 'ana', at: '2026-10-03T10:00:00Z', text: 'No funciona la app' },
    { id: '8', author: 'luis', at: '2026-10-04T10:00:00Z', text: 'Quiero darme de baja' },
  ];

  function compare(a: Finding, b: Finding): number {
    const text = (x: string, y: string): number => {
      if (x === y) return 0;
      if (/^\d+$/.test(x) && /^\d+$/.test(y)) return x.length - y.length || (x < y ? -1 : 1);
      return x < y ? -1 : 1;
    };
    return (
      CATEGORY_IDS.indexOf(a.category) - CATEGORY_IDS.indexOf(b.category) ||
      text(a.ruleId, b.ruleId) ||
      text(a.threadId, b.threadId) ||
      text(a.postIds[0] ?? '', b.postIds[0] ?? '')
    );
  }

  it('findings are sorted by (category, rule, thread, post), thread ids numerically when numeric', () => {
    const result = audit(corpus(MIXED, { ownChannel: true }), { asOf: AS_OF });
    const keys = result.findings.map((f) => [f.category, f.ruleId, f.threadId, f.postIds[0]]);
    expect(keys).toEqual([
      ['speed', 'automated-replies', '10', '11'],
      ['speed', 'first-response-time', '9', '9'],
      ['speed', 'first-response-time', '10', '10'],
      ['no-ignoring', 'reply-rate', '8', '8'],
      ['no-ignoring', 'reply-rate', 'x', 'x'],
    ]);
    expect([...result.findings].sort(compare)).toEqual(result.findings);
    // Ranks still say which is worst: the 30 h reply in thread 9.
    expect(findingsOf(result, 'first-response-time').map((f) => f.threadId)).toEqual(['9', '10']);
  });

  it('two runs on the same data give byte-identical JSON', () => {
    const a = JSON.stringify(audit(corpus(MIXED, { ownChannel: true }), { asOf: AS_OF }));
    const b = JSON.stringify(audit(corpus(MIXED, { ownChannel: true }), { asOf: AS_OF }));
    expect(a).toBe(b);
  });

  it('input order does not change scores, metrics or the speed and reply-rate findings', () => {
    // Absolute times, so that the list can be reversed.
    const posts: PostSpec[] = [
      { id: '10', author: 'lucia', at: '2026-10-01T10:00:00Z', text: '¿Mi pedido?' },
      { id: '12', author: 'Marca', at: '2026-10-01T13:00:00Z', replyTo: '10', text: 'Sale hoy.' },
      { id: '9', author: 'pepe', at: '2026-10-02T10:00:00Z', text: '¿Mi factura?' },
      { id: '14', author: 'Marca', at: '2026-10-03T16:00:00Z', replyTo: '9', text: 'Enviada.' },
      { id: 'x', author: 'ana', at: '2026-10-03T10:00:00Z', text: 'No funciona la app' },
      { id: '8', author: 'luis', at: '2026-10-04T10:00:00Z', text: 'Quiero darme de baja' },
    ];
    const view = (r: AuditResult) => ({
      score: r.score,
      metrics: r.metrics,
      findings: r.findings.map((f) => [f.ruleId, f.threadId, f.postIds, f.rank, f.message]),
    });
    const forward = audit(corpus(posts, { ownChannel: true }), { asOf: AS_OF });
    const backward = audit(corpus([...posts].reverse(), { ownChannel: true }), { asOf: AS_OF });
    expect(view(backward)).toEqual(view(forward));
  });

  // Regression (fixed): runAudit is documented as the pure core, but it appends the model's warnings to the corpus it
  // is given (corpus.warn), so a second run on the same Corpus reports every warning twice.
  // Input: one post replying to a missing id, audited twice → warnings 1 then 2, warningCounts 1 then 2.
  it('auditing the same corpus twice gives the same result', () => {
    const c = corpus([...MIXED, { id: 'orphan', author: 'eva', at: '2026-10-05T10:00:00Z', replyTo: 'gone', text: '¿Y lo mío?' }], { ownChannel: true });
    const first: AuditResult = audit(c, { asOf: AS_OF });
    const second: AuditResult = audit(c, { asOf: AS_OF });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });
});

describe('runAudit: a rule that throws', () => {
  it('becomes an error result for that rule; the audit completes and names it', async () => {
    const { RULES } = await import('../../src/rules/index.js');
    const broken = {
      ...RULES.find((r) => r.meta.id === 'tone')!,
      run: () => {
        throw new Error('boom');
      },
    };
    const rules = RULES.map((r) => (r.meta.id === 'tone' ? broken : r));
    const raw = runAudit(fresh(), { handles: ['Marca'], config: { ...defaultConfig(), minCases: 1 }, toolVersion: 't', asOf: ms(AS_OF), rules });
    const report = raw.categories.professionalism.rules.find((r) => r.id === 'tone')!;
    expect(report).toMatchObject({ score: null, failed: 'boom', reason: { code: 'rule-failed', data: { error: 'boom' } } });
    expect(raw.warnings).toContainEqual(expect.objectContaining({ input: '(audit)', code: 'rule-failed', message: 'tone: boom; its score was left out' }));
    // Everything else still stands: the top-level metrics do not depend on any rule.
    expect(raw.metrics.firstResponseMinutes.count).toBe(3);
    expect(raw.categories.speed.score).not.toBeNull();
  });
});
