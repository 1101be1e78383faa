import { describe, expect, it } from 'vitest';
import { channelCoherence } from '../../../src/rules/no-ignoring/channel-coherence.js';
import { audit, corpus, findingsOf, ruleReport, runRuleDirect, type PostSpec } from '../../helpers/corpus.js';

const RULE = 'channel-coherence';

/** n questions on a platform, one a day from `firstDay`, answered after `reply` (or never when null). */
function questions(platform: string, prefix: string, firstDay: number, n: number, reply: string | null, replyText = 'Lo revisamos ahora mismo'): PostSpec[] {
  return Array.from({ length: n }, (_, k) => {
    const id = `${prefix}${k + 1}`;
    const day = String(firstDay + k).padStart(2, '0');
    const open: PostSpec = { id, author: `cliente-${id}`, at: `2026-10-${day}T10:00:00Z`, text: '¿Dónde está mi pedido?', platform };
    return reply === null ? [open] : [open, { id: `${id}-r`, author: 'Marca', at: reply, replyTo: id, text: `${replyText} (${id})`, platform }];
  }).flat();
}

/** n one-star reviews; only the first `answered` get an owner response, three days later. */
function reviews(platform: string, prefix: string, firstDay: number, n: number, answered: number, replyText: string): PostSpec[] {
  return Array.from({ length: n }, (_, k) => {
    const id = `${prefix}${k + 1}`;
    const day = String(firstDay + k).padStart(2, '0');
    const open: PostSpec = { id, author: `cliente-${id}`, at: `2026-10-${day}T10:00:00Z`, text: 'Fatal, no vuelvo', rating: 1, platform };
    return k < answered ? [open, { id: `${id}-r`, author: 'Marca', at: '+3d', replyTo: id, text: replyText, platform }] : [open];
  }).flat();
}

const platformRow = (metrics: Record<string, unknown>, platform: string) =>
  (metrics.platforms as { platform: string }[]).find((row) => row.platform === platform);

describe('channel-coherence', () => {
  // X: five questions answered in 20 min. Google reviews: five 1★ reviews, one answered (over-familiar) after 3 days.
  const gap = corpus([...questions('x', 'x', 1, 5, '+20m'), ...reviews('google_maps', 'g', 10, 5, 1, 'Tranqui tío, ya lo miramos')], { ownChannel: true });

  it('quotes both sides of a reply-rate gap, with the metrics of each platform', () => {
    const { result } = runRuleDirect(channelCoherence, gap, { minCases: 5 });
    expect(result.score).toBeNull();
    expect(result.cases).toBeNull();
    expect(result.reason).toEqual({ code: 'informative' });
    expect(platformRow(result.metrics, 'x')).toEqual({
      platform: 'x',
      conversations: 5,
      needingReply: 5,
      answered: 5,
      ignored: 0,
      pending: 0,
      replyRate: 1,
      firstResponseCount: 5,
      firstResponseMedianMinutes: 20,
      brandReplies: 5,
      toneFlagged: 0,
      toneFlaggedShare: 0,
    });
    expect(platformRow(result.metrics, 'google_maps')).toEqual({
      platform: 'google_maps',
      conversations: 5,
      needingReply: 5,
      answered: 1,
      ignored: 4,
      pending: 0,
      replyRate: 0.2,
      firstResponseCount: 1,
      firstResponseMedianMinutes: 3 * 1440,
      brandReplies: 1,
      toneFlagged: 1,
      toneFlaggedShare: 1,
    });
    // Google has one timed reply (under minCases): only the reply rates are compared.
    expect(result.metrics.compared).toEqual({ replyRate: ['google_maps', 'x'], firstResponse: ['x'], tone: ['x'] });
    expect(result.metrics.gaps).toEqual({
      replyRate: { best: 'x', worst: 'google_maps', points: 0.8 },
      firstResponseMedianMinutes: null,
      toneFlaggedShare: null,
    });

    expect(result.findingCount).toBe(1);
    const [finding] = result.findings;
    expect(finding!.severity).toBe('warning');
    expect(finding!.message).toBe(
      'On X the brand answered 5 of 5 conversations that needed a reply (100%); on Google reviews, 4 of 5 were never answered (answered: 20%)',
    );
    // The oldest ignored review on the weak platform, then a typical (median) reply on the strong one.
    expect(finding!.evidence.map((e) => e.postId)).toEqual(['g2', 'x3-r']);
  });

  it('writes the finding and the reasons in Spanish', () => {
    const { result } = runRuleDirect(channelCoherence, gap, { minCases: 5, locale: 'es' });
    expect(result.findings[0]!.message).toBe(
      'En X la marca respondió 5 de 5 conversaciones que pedían respuesta (100 %); en reseñas de Google, 4 de 5 se quedaron sin respuesta (respondidas: 20 %)',
    );
    const single = runRuleDirect(channelCoherence, corpus(questions('x', 'x', 1, 5, '+20m'), { ownChannel: true }), { minCases: 5, locale: 'es' });
    expect(single.result.notApplicable).toBe('todas las conversaciones están en una sola plataforma (X): no hay canales que comparar');
  });

  it('quotes the median conversations of a first-response gap', () => {
    const c = corpus([...questions('x', 'x', 1, 5, '+20m'), ...questions('facebook', 'f', 10, 5, '+5h')], { ownChannel: true });
    const { result } = runRuleDirect(channelCoherence, c, { minCases: 5 });
    expect(result.metrics.gaps).toEqual({
      replyRate: null,
      firstResponseMedianMinutes: { fastest: 'x', slowest: 'facebook', minutes: 280, factor: 15 },
      toneFlaggedShare: null,
    });
    expect(result.findings.map((f) => f.message)).toEqual(['On X the brand answered in 20 min (median, n=5); on Facebook, in 5 h (median, n=5)']);
    // Where the slow platform's median clock started, its reply, and the fast platform's median reply.
    expect(result.findings[0]!.evidence.map((e) => e.postId)).toEqual(['f3', 'f3-r', 'x3-r']);
  });

  it('with an even count, quotes the slow side at or above its median', () => {
    const slow = [1, 2, 3, 4, 5, 6].flatMap((hours, k): PostSpec[] => [
      { id: `f${k + 1}`, author: `cliente-f${k + 1}`, at: `2026-10-${10 + k}T10:00:00Z`, text: '¿Dónde está mi pedido?', platform: 'facebook' },
      { id: `f${k + 1}-r`, author: 'Marca', at: `+${hours}h`, replyTo: `f${k + 1}`, text: `Lo revisamos (f${k + 1})`, platform: 'facebook' },
    ]);
    const { result } = runRuleDirect(channelCoherence, corpus([...questions('x', 'x', 1, 5, '+20m'), ...slow], { ownChannel: true }), { minCases: 5 });
    expect(result.findings[0]!.message).toBe('On X the brand answered in 20 min (median, n=5); on Facebook, in 3 h 30 min (median, n=6)');
    expect(result.findings[0]!.evidence.map((e) => e.postId)).toEqual(['f4', 'f4-r', 'x3-r']);
  });

  it('is null with a reason when every conversation is on one platform', () => {
    const { result } = runRuleDirect(channelCoherence, corpus(questions('x', 'x', 1, 6, '+20m'), { ownChannel: true }), { minCases: 5 });
    expect(result.score).toBeNull();
    expect(result.reason).toEqual({ code: 'single-platform', data: { platform: 'x' } });
    expect(result.notApplicable).toBe('every conversation is on one platform (X): there are no channels to compare');
    expect(result.findings).toEqual([]);
    expect((result.metrics.platforms as unknown[]).length).toBe(1);
  });

  it('is null with a reason when only one platform has minCases cases, and still reports both', () => {
    const c = corpus([...questions('x', 'x', 1, 5, '+20m'), ...questions('instagram', 'i', 10, 2, null)], { ownChannel: true });
    const { result } = runRuleDirect(channelCoherence, c, { minCases: 5 });
    expect(result.score).toBeNull();
    expect(result.reason).toEqual({ code: 'too-few-per-platform', data: { min: 5 } });
    expect(result.notApplicable).toBe(
      'fewer than two platforms have 5 cases or more (conversations that needed a reply, or timed first replies): the channels cannot be compared',
    );
    expect(result.findings).toEqual([]);
    expect(platformRow(result.metrics, 'instagram')).toMatchObject({ conversations: 2, answered: 0, ignored: 2, replyRate: 0 });
    // With a lower minimum the same data is compared, and the unanswered channel is a finding.
    expect(runRuleDirect(channelCoherence, c, { minCases: 2 }).result.findingCount).toBe(1);
  });

  it('finds nothing when every platform gets the same service', () => {
    const c = corpus([...questions('x', 'x', 1, 5, '+20m'), ...questions('facebook', 'f', 10, 5, '+25m')], { ownChannel: true });
    const { result } = runRuleDirect(channelCoherence, c, { minCases: 5 });
    expect(result.reason).toEqual({ code: 'informative' });
    expect(result.findings).toEqual([]);
    expect(result.findingCount).toBe(0);
    expect(result.metrics.gaps).toMatchObject({ replyRate: null, firstResponseMedianMinutes: { fastest: 'x', slowest: 'facebook', minutes: 5 } });
  });

  it('is deterministic and never changes a score, whatever weight it is given', () => {
    const first = runRuleDirect(channelCoherence, gap, { minCases: 5 }).result;
    const second = runRuleDirect(channelCoherence, gap, { minCases: 5 }).result;
    expect(second).toEqual(first);
    // The audit passes its minCases to the rule: the same finding through the published result.
    const published = audit(gap, { config: { minCases: 5 } });
    const report = ruleReport(published, RULE);
    expect(report).toMatchObject({ score: null, weight: 0, cases: null, findingCount: 1 });
    expect(findingsOf(published, RULE).map((f) => f.postIds)).toEqual([['g2', 'x3-r']]);
    const weighted = audit(gap, { config: { minCases: 5, rules: { [RULE]: 5 } } });
    expect(weighted.score).toBe(published.score);
    expect(weighted.categories['no-ignoring'].score).toBe(published.categories['no-ignoring'].score);
    expect(JSON.stringify(audit(gap, { config: { minCases: 5 } }))).toBe(JSON.stringify(published));
  });
});
