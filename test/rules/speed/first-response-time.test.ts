import { describe, it, expect } from 'vitest';
import { firstResponseTime } from '../../../src/rules/speed/first-response-time.js';
import { audit, corpus, findingsOf, ruleReport, runRuleDirect, type PostSpec } from '../../helpers/corpus.js';

const RULE = 'first-response-time';

/** One conversation per row: a customer question on its own day at 10:00 and, if given, the brand reply after `reply`. */
function threads(rows: { id: string; text?: string; reply?: string; replyText?: string; author?: string }[]): PostSpec[] {
  return rows.flatMap((row, k) => {
    const day = String(k + 1).padStart(2, '0');
    const posts: PostSpec[] = [
      { id: row.id, author: row.author ?? `cliente${k + 1}`, at: `2026-10-${day}T10:00:00Z`, text: row.text ?? '¿Dónde está mi pedido?' },
    ];
    if (row.reply)
      posts.push({ id: `${row.id}-r`, author: 'Marca', at: row.reply, replyTo: row.id, text: row.replyText ?? `Hola, lo revisamos (caso ${k + 1}).` });
    return posts;
  });
}

// FRTs 20 min, 60 min (on the boundary), 90 min, 5 h, 30 h: 2/5 within the hour, 4/5 within 24 h.
const HAND = threads([
  { id: 'c1', reply: '+20m' },
  { id: 'c2', reply: '+60m' },
  { id: 'c3', reply: '+90m' },
  { id: 'c4', reply: '+5h' },
  { id: 'c5', reply: '+30h', text: 'Mi pedido no ha llegado y nadie contesta' },
]);

describe('first-response-time', () => {
  it('score = 100 × (0.6 × withinTarget + 0.4 × within24h) on a hand-computed case', () => {
    const { result } = runRuleDirect(firstResponseTime, corpus(HAND, { ownChannel: true }));
    // 100 × (0.6 × 0.4 + 0.4 × 0.8) = 56
    expect(result.score).toBeCloseTo(56, 10);
    expect(result.metrics).toEqual({
      firstResponseMinutes: { count: 5, median: 90, p90: 1800, mean: 454, min: 20, max: 1800, withinTarget: 0.4, within24h: 0.8 },
    });
  });

  it('all on target → 100; all over a day → 0', () => {
    expect(
      runRuleDirect(
        firstResponseTime,
        corpus(
          threads([
            { id: 'c1', reply: '+5m' },
            { id: 'c2', reply: '+1h' },
          ]),
          { ownChannel: true },
        ),
      ).result.score,
    ).toBe(100);
    expect(runRuleDirect(firstResponseTime, corpus(threads([{ id: 'c1', reply: '+2d' }]), { ownChannel: true })).result.score).toBe(0);
  });

  it('the SLA target is a setting', () => {
    const { result } = runRuleDirect(firstResponseTime, corpus(HAND, { ownChannel: true }), { slaMinutes: 300 });
    // 4/5 within 5 h, 4/5 within 24 h → 100 × (0.48 + 0.32) = 80
    expect(result.score).toBeCloseTo(80, 10);
    expect(result.findingCount).toBe(1);
  });

  it('findings only for replies over the target, slowest first with rank; error over 24 h', () => {
    const { result } = runRuleDirect(firstResponseTime, corpus(HAND, { ownChannel: true }));
    expect(result.findingCount).toBe(3);
    expect(result.findings.map((f) => [f.postIds, f.rank, f.severity, f.data.minutes])).toEqual([
      [['c5', 'c5-r'], 1, 'error', 1800],
      [['c4', 'c4-r'], 2, 'warning', 300],
      [['c3', 'c3-r'], 3, 'warning', 90],
    ]);
    expect(result.findings.map((f) => f.message)).toEqual([
      'First reply after 1 d 6 h (target 1 h)',
      'First reply after 5 h (target 1 h)',
      'First reply after 1 h 30 min (target 1 h)',
    ]);
  });

  it('exactly 24 h is a warning, one minute more an error', () => {
    const { result } = runRuleDirect(
      firstResponseTime,
      corpus(
        threads([
          { id: 'c1', reply: '+24h' },
          { id: 'c2', reply: '+1441m' },
        ]),
        { ownChannel: true },
      ),
    );
    expect(result.findings.map((f) => [f.postIds[0], f.severity])).toEqual([
      ['c2', 'error'],
      ['c1', 'warning'],
    ]);
  });

  it('ties keep conversation order', () => {
    const { result } = runRuleDirect(
      firstResponseTime,
      corpus(
        threads([
          { id: 'a', reply: '+2h' },
          { id: 'b', reply: '+2h' },
        ]),
        { ownChannel: true },
      ),
    );
    expect(result.findings.map((f) => [f.postIds[0], f.rank])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('every conversation the brand answered counts, praise included (spec §5, as every peer measures it)', () => {
    const posts = threads([
      { id: 'c1', reply: '+30m' },
      { id: 'thanks', text: '¡Gracias por todo!', reply: '+3d' }, // did not need a reply, but was answered
      { id: 'ignored', text: 'Quiero darme de baja' }, // never answered
      { id: 'misdated', reply: '-1h' }, // reply dated before the question: no FRT
    ]);
    const { result } = runRuleDirect(firstResponseTime, corpus(posts, { ownChannel: true }));
    expect(result.metrics).toMatchObject({ firstResponseMinutes: { count: 2, median: 30 * 0.5 + 3 * 1440 * 0.5 } });
    // 100 × (0.6 × 1/2 + 0.4 × 1/2)
    expect(result.score).toBe(50);
    expect(result.cases).toBe(2);
    expect(result.findings.map((f) => [f.threadId, f.severity])).toEqual([['thanks', 'error']]);
  });

  it('the audit reports the summary over those that needed a reply beside it', () => {
    const posts = threads([
      { id: 'c1', reply: '+30m' },
      { id: 'thanks', text: '¡Gracias por todo!', reply: '+3d' },
    ]);
    const { metrics } = audit(corpus(posts, { ownChannel: true }));
    expect(metrics).toMatchObject({ conversations: 2, repliedTo: 2, answered: 1, needingReply: 1 });
    expect(metrics.firstResponseMinutes).toMatchObject({ count: 2 });
    expect(metrics.firstResponseMinutesNeedingReply).toMatchObject({ count: 1, median: 30 });
  });

  it('no answered conversation → null score with a reason', () => {
    const { result } = runRuleDirect(firstResponseTime, corpus(threads([{ id: 'c1' }]), { ownChannel: true }));
    expect(result).toMatchObject({ score: null, notApplicable: 'no answered conversation', findings: [], findingCount: 0 });
    expect(result.metrics).toEqual({
      firstResponseMinutes: { count: 0, median: null, p90: null, mean: null, min: null, max: null, withinTarget: null, within24h: null },
    });
  });

  it('automated replies do not stop the clock', () => {
    const auto = 'Gracias por escribirnos, te contestamos enseguida.';
    const posts: PostSpec[] = [
      { id: 'c1', author: 'lucia', at: '2026-10-01T10:00:00Z', text: '¿Mi pedido?' },
      { id: 'a1', author: 'Marca', at: '+2s', replyTo: 'c1', text: auto },
      { id: 'h1', author: 'Marca', at: '+3h', replyTo: 'c1', text: 'Sale hoy, Lucía.' },
      { id: 'c2', author: 'pepe', at: '2026-10-02T10:00:00Z', text: '¿Mi factura?' },
      { id: 'a2', author: 'Marca', at: '+2s', replyTo: 'c2', text: auto },
      { id: 'h2', author: 'Marca', at: '+10m', replyTo: 'c2', text: 'Enviada, Pepe.' },
    ];
    const { result } = runRuleDirect(firstResponseTime, corpus(posts, { ownChannel: true }));
    expect(result.findings.map((f) => f.postIds)).toEqual([['c1', 'h1']]);
    expect(result.metrics).toMatchObject({ firstResponseMinutes: { count: 2, min: 10.03, max: 180.03 } }); // clocks run from the question, 2 s before the auto-reply
  });

  describe('in the audit', () => {
    it('evidence quotes the customer opener and the brand reply with author, role, createdAt and source', () => {
      const result = audit(corpus(HAND, { ownChannel: true }));
      const slowest = findingsOf(result, RULE)[0]!;
      expect(slowest).toMatchObject({
        ruleId: RULE,
        category: 'speed',
        severity: 'error',
        threadId: 'c5',
        postIds: ['c5', 'c5-r'],
        messageId: 'slow',
        rank: 1,
      });
      expect(slowest.evidence).toEqual([
        {
          postId: 'c5',
          author: 'cliente5',
          role: 'customer',
          createdAt: '2026-10-05T10:00:00Z',
          text: 'Mi pedido no ha llegado y nadie contesta',
          source: 'inbox.jsonl:9',
        },
        { postId: 'c5-r', author: 'Marca', role: 'brand', createdAt: '2026-10-06T16:00:00Z', text: 'Hola, lo revisamos (caso 5).', source: 'inbox.jsonl:10' },
      ]);
      const report = ruleReport(result, RULE);
      expect(report).toMatchObject({ score: 56, weight: 2, findingCount: 3 });
    });

    it('maxFindings caps the findings but not findingCount', () => {
      const result = audit(corpus(HAND, { ownChannel: true }), { config: { maxFindings: 1 } });
      expect(findingsOf(result, RULE).map((f) => f.postIds[0])).toEqual(['c5']);
      expect(ruleReport(result, RULE).findingCount).toBe(3);
      const all = audit(corpus(HAND, { ownChannel: true }), { config: { maxFindings: 0 } });
      expect(findingsOf(all, RULE)).toHaveLength(3);
    });

    it('messages follow the locale', () => {
      const result = audit(corpus(HAND, { ownChannel: true }), { config: { locale: 'es' } });
      const message = findingsOf(result, RULE)[0]!.message;
      expect(message).toContain('1 d 6 h');
      expect(message).toContain('objetivo 1 h');
    });
  });
});
