import { describe, it, expect } from 'vitest';
import { followUpResponseTime } from '../../../src/rules/speed/follow-up-response-time.js';
import { audit, corpus, findingsOf, ruleReport, runRuleDirect, type PostSpec } from '../../helpers/corpus.js';

const RULE = 'follow-up-response-time';

/** A question answered in 10 min, then a follow-up `text` an hour later answered after `reply` (or never). */
function withFollowUp(id: string, day: number, text: string, reply?: string): PostSpec[] {
  const at = `2026-10-${String(day).padStart(2, '0')}T10:00:00Z`;
  const posts: PostSpec[] = [
    { id, author: `cliente${day}`, at, text: '¿Dónde está mi pedido?' },
    { id: `${id}-r`, author: 'Marca', at: '+10m', replyTo: id, text: 'Sale hoy.' },
    { id: `${id}-f`, author: `cliente${day}`, at: '+1h', replyTo: `${id}-r`, text },
  ];
  if (reply) posts.push({ id: `${id}-fr`, author: 'Marca', at: reply, replyTo: `${id}-f`, text: `Respuesta al seguimiento ${day}.` });
  return posts;
}

// Follow-ups answered after 30 min, 3 h and 26 h, plus one never answered.
const POSTS: PostSpec[] = [
  ...withFollowUp('c1', 1, '¿Y la factura?', '+30m'),
  ...withFollowUp('c2', 2, 'No me deja descargarla', '+3h'),
  ...withFollowUp('c3', 3, '¿Cuándo exactamente?', '+26h'),
  ...withFollowUp('c4', 4, 'Sigo esperando el número de seguimiento'),
];

describe('follow-up-response-time', () => {
  it('score = 100 × (0.6 × withinTarget + 0.4 × within24h) over answered follow-ups', () => {
    const { result } = runRuleDirect(followUpResponseTime, corpus(POSTS, { ownChannel: true }));
    // 1/3 on target, 2/3 within a day: 100 × (0.6/3 + 0.8/3) = 46.67
    // The rule works from the shares rounded to 4 decimals, hence 46.666 rather than 46.6666…
    expect(result.score).toBeCloseTo(140 / 3, 2);
    expect(result.metrics).toEqual({
      followUpResponseMinutes: { count: 3, median: 180, p90: 1560, mean: 590, min: 30, max: 1560, withinTarget: 0.3333, within24h: 0.6667 },
    });
  });

  it('findings for follow-ups answered over the target, slowest first; error over 24 h', () => {
    const { result } = runRuleDirect(followUpResponseTime, corpus(POSTS, { ownChannel: true }));
    expect(result.findingCount).toBe(2);
    expect(result.findings.map((f) => [f.postIds, f.rank, f.severity, f.data.minutes, f.message])).toEqual([
      [['c3-f', 'c3-fr'], 1, 'error', 1560, 'Follow-up answered after 1 d 2 h (target 1 h)'],
      [['c2-f', 'c2-fr'], 2, 'warning', 180, 'Follow-up answered after 3 h (target 1 h)'],
    ]);
  });

  it("the clock starts at the first post of the customer's burst", () => {
    const posts: PostSpec[] = [
      { id: 'c1', author: 'lucia', at: '2026-10-01T10:00:00Z', text: '¿Mi pedido?' },
      { id: 'b1', author: 'Marca', at: '+5m', replyTo: 'c1', text: 'Sale hoy.' },
      { id: 'f1', author: 'lucia', at: '+1h', replyTo: 'b1', text: '¿Y el número de seguimiento?' },
      { id: 'f2', author: 'lucia', at: '+30m', replyTo: 'f1', text: '¿Hola?' },
      { id: 'b2', author: 'Marca', at: '+1h', replyTo: 'f2', text: 'ES123.' },
    ];
    const { result } = runRuleDirect(followUpResponseTime, corpus(posts, { ownChannel: true }));
    expect(result.findings.map((f) => [f.postIds, f.data.minutes])).toEqual([[['f1', 'b2'], 90]]);
  });

  it('no answered follow-up → null score with a reason', () => {
    const { result } = runRuleDirect(followUpResponseTime, corpus(withFollowUp('c1', 1, 'Sigo esperando'), { ownChannel: true }));
    expect(result).toMatchObject({ score: null, notApplicable: 'no follow-up question was answered', findings: [], findingCount: 0 });
  });

  it('a follow-up that needs no reply is not timed', () => {
    const { result } = runRuleDirect(followUpResponseTime, corpus(withFollowUp('c1', 1, '¡Gracias!', '+5d'), { ownChannel: true }));
    expect(result.score).toBeNull();
  });

  describe('in the audit', () => {
    it('evidence quotes the follow-up and the reply; speed rule report carries the metrics', () => {
      const result = audit(corpus(POSTS, { ownChannel: true }));
      const [first] = findingsOf(result, RULE);
      expect(first).toMatchObject({ category: 'speed', threadId: 'c3', postIds: ['c3-f', 'c3-fr'], severity: 'error' });
      expect(first!.evidence.map((e) => [e.postId, e.role, e.text])).toEqual([
        ['c3-f', 'customer', '¿Cuándo exactamente?'],
        ['c3-fr', 'brand', 'Respuesta al seguimiento 3.'],
      ]);
      expect(ruleReport(result, RULE)).toMatchObject({ score: 46.7, weight: 1, findingCount: 2 });
      expect(result.metrics.followUpResponseMinutes).toMatchObject({ count: 3, median: 180 });
    });

    it('maxFindings caps the findings but not findingCount', () => {
      const result = audit(corpus(POSTS, { ownChannel: true }), { config: { maxFindings: 1 } });
      expect(findingsOf(result, RULE).map((f) => f.postIds[0])).toEqual(['c3-f']);
      expect(ruleReport(result, RULE).findingCount).toBe(2);
    });
  });
});
