import { describe, it, expect } from 'vitest';
import { replyRate } from '../../../src/rules/no-ignoring/reply-rate.js';
import { audit, corpus, findingsOf, ruleReport, runRuleDirect, type PostSpec } from '../../helpers/corpus.js';

const RULE = 'reply-rate';
const AS_OF = '2026-10-20T00:00:00Z';

const POSTS: PostSpec[] = [
  // answered ×3
  { id: 'a1', author: 'lucia', at: '2026-10-01T09:00:00Z', text: '¿Abrís el domingo?' },
  { id: 'a1-r', author: 'Marca', at: '+1h', replyTo: 'a1', text: 'Sí, de 10 a 14 h.' },
  { id: 'a2', author: 'pepe', at: '2026-10-02T09:00:00Z', text: 'Necesito cambiar la talla' },
  { id: 'a2-r', author: 'Marca', at: '+2d', replyTo: 'a2', text: 'Claro, Pepe.' },
  { id: 'a3', author: 'ana', at: '2026-10-03T09:00:00Z', text: 'Where is my order?' },
  { id: 'a3-r', author: 'Marca', at: '+5m', replyTo: 'a3', text: 'On its way, Ana.' },
  // ignored: an old complaint and a newer 2-star review (the review ranks first)
  { id: 'i1', author: 'luis', at: '2026-10-04T09:00:00Z', text: 'Hola' },
  { id: 'i1-b', author: 'luis', at: '+2m', replyTo: 'i1', text: 'Mi pedido no ha llegado' },
  { id: 'i2', author: 'rosa', at: '2026-10-10T09:00:00Z', text: 'Habitación sucia', rating: 2, platform: 'google' },
  // pending: opened 36 h before asOf
  { id: 'p1', author: 'mario', at: '2026-10-18T12:00:00Z', text: '¿Me devolvéis el dinero?' },
  // no reply needed
  { id: 'n1', author: 'eva', at: '2026-10-05T09:00:00Z', text: '¡Gracias por todo! 😍' },
];

describe('reply-rate', () => {
  it('score = 100 × answered ÷ (answered + ignored); pending excluded', () => {
    const { result } = runRuleDirect(replyRate, corpus(POSTS, { ownChannel: true }), { asOf: AS_OF });
    expect(result.score).toBe(60);
    expect(result.metrics).toEqual({
      needingReply: 6,
      answered: 3,
      ignored: 2,
      pending: 1,
      replyRate: 0.6,
      customerTextAbsent: 0,
      byRating: { '2': { reviews: 1, answered: 0, ignored: 1, pending: 0 } },
    });
    expect(result.findingCount).toBe(2);
    expect(result.watchCount).toBe(1);
  });

  it('ignored low-star reviews come first, then the oldest ignored, then pending (info)', () => {
    const { result } = runRuleDirect(replyRate, corpus(POSTS, { ownChannel: true }), { asOf: AS_OF });
    expect(result.findings.map((f) => [f.messageId, f.postIds, f.severity, f.rank])).toEqual([
      ['ignored', ['i2'], 'error', 1],
      ['ignored', ['i1', 'i1-b'], 'error', 2],
      ['pending', ['p1'], 'info', 3],
    ]);
  });

  it('the message cites the reason and the cue that made the post need a reply', () => {
    const { result } = runRuleDirect(replyRate, corpus(POSTS, { ownChannel: true }), { asOf: AS_OF });
    expect(result.findings.map((f) => f.message)).toEqual([
      'No reply after 9 d 15 h (low rating: "2★")',
      // Aged from the message that needed the reply, an hour after the thread's first message.
      'No reply after 15 d 14 h (complaint: "no ha llegado")',
      'Waiting 1 d 12 h, still inside the 3 d grace window',
    ]);
  });

  it('stars sort 1 < 2 < 3 < other ignored conversations', () => {
    const posts: PostSpec[] = [
      { id: 'plain', author: 'a', at: '2026-10-01T09:00:00Z', text: 'No funciona nada' },
      { id: 'three', author: 'b', at: '2026-10-02T09:00:00Z', text: 'Regular', rating: 3 },
      { id: 'one', author: 'c', at: '2026-10-03T09:00:00Z', text: 'Horrible', rating: 1 },
      { id: 'four', author: 'd', at: '2026-10-01T08:00:00Z', text: 'Bien, pero el wifi no funciona', rating: 4 },
      { id: 'two', author: 'e', at: '2026-10-04T09:00:00Z', text: 'Mal', rating: 2 },
    ];
    const { result } = runRuleDirect(replyRate, corpus(posts, { ownChannel: true }), { asOf: AS_OF });
    expect(result.findings.map((f) => f.postIds[0])).toEqual(['one', 'two', 'three', 'four', 'plain']);
  });

  it('only pending → null score with a reason, pending still listed', () => {
    const { result } = runRuleDirect(replyRate, corpus([{ id: 'p1', author: 'a', at: '2026-10-19T09:00:00Z', text: '¿Hola?' }], { ownChannel: true }), {
      asOf: AS_OF,
    });
    expect(result).toMatchObject({ score: null, notApplicable: 'every conversation that needs a reply is still pending', findingCount: 0, watchCount: 1 });
    expect(result.metrics).toEqual({ needingReply: 1, answered: 0, ignored: 0, pending: 1, replyRate: null, customerTextAbsent: 0, byRating: {} });
    expect(result.findings.map((f) => f.messageId)).toEqual(['pending']);
  });

  it('nothing needing a reply → null score', () => {
    const { result } = runRuleDirect(replyRate, corpus([{ id: 'n1', author: 'a', at: '2026-10-01T09:00:00Z', text: 'Gracias 🙏' }], { ownChannel: true }), {
      asOf: AS_OF,
    });
    expect(result).toMatchObject({ score: null, notApplicable: 'no conversation needed a reply', findings: [], findingCount: 0 });
  });

  it('all answered → 100; none answered → 0', () => {
    const answered = runRuleDirect(replyRate, corpus(POSTS.slice(0, 6), { ownChannel: true }), { asOf: AS_OF }).result;
    expect(answered.score).toBe(100);
    const none = runRuleDirect(replyRate, corpus(POSTS.slice(6, 9), { ownChannel: true }), { asOf: AS_OF }).result;
    expect(none.score).toBe(0);
  });

  describe('in the audit', () => {
    it('reports score, weight and the contract metrics, and quotes the ignored posts', () => {
      const result = audit(corpus(POSTS, { ownChannel: true }), { asOf: AS_OF });
      expect(ruleReport(result, RULE)).toMatchObject({ score: 60, weight: 2, findingCount: 2, watchCount: 1 });
      expect(result.metrics).toMatchObject({ conversations: 7, needingReply: 6, answered: 3, ignored: 2, pending: 1, notNeedingReply: 1, replyRate: 0.6 });
      const [review] = findingsOf(result, RULE);
      expect(review).toMatchObject({ category: 'no-ignoring', threadId: 'i2', severity: 'error' });
      expect(review!.evidence).toEqual([
        { postId: 'i2', author: 'rosa', role: 'customer', createdAt: '2026-10-10T09:00:00Z', text: 'Habitación sucia', source: 'inbox.jsonl:9' },
      ]);
    });

    it('maxFindings caps the findings but not findingCount', () => {
      const result = audit(corpus(POSTS, { ownChannel: true }), { asOf: AS_OF, config: { maxFindings: 1 } });
      expect(ruleReport(result, RULE).findingCount).toBe(2);
      expect(
        findingsOf(result, RULE)
          .filter((f) => f.messageId === 'ignored')
          .map((f) => f.postIds[0]),
      ).toEqual(['i2']);
    });

    // Regression (fixed): reply-rate caps ignored and pending findings separately, so it keeps up to 2 × maxFindings
    // findings, while the setting promises "findings kept per rule". Input: POSTS above (2 ignored,
    // 1 pending) with maxFindings 1 → 2 findings kept.
    it('keeps at most maxFindings findings in all', () => {
      const result = audit(corpus(POSTS, { ownChannel: true }), { asOf: AS_OF, config: { maxFindings: 1 } });
      expect(findingsOf(result, RULE).length).toBeLessThanOrEqual(1);
    });

    it('Spanish messages', () => {
      const result = audit(corpus(POSTS, { ownChannel: true }), { asOf: AS_OF, config: { locale: 'es' } });
      expect(findingsOf(result, RULE).map((f) => f.message)).toEqual([
        'Sin respuesta tras 9 d 15 h (reseña baja: «2★»)',
        'Sin respuesta tras 15 d 14 h (queja: «no ha llegado»)',
        'Esperando desde hace 1 d 12 h, aún dentro del margen de 3 d',
      ]);
    });
  });
});

describe('reply-rate by star', () => {
  it('breaks reviews down by rating: unanswered low-star reviews stand out', async () => {
    const { corpus: build, audit: run, ruleReport: report } = await import('../../helpers/corpus.js');
    const c = build(
      [
        { id: 'g1', author: 'ana', at: '2026-10-01T10:00:00Z', text: 'Pésimo trato', rating: 1 },
        { id: 'g2', author: 'luis', at: '2026-10-02T10:00:00Z', text: 'Normalito', rating: 3 },
        { id: 'g2-r', author: 'Marca', at: '+2h', replyTo: 'g2', text: 'Gracias, Luis, lo mejoraremos.' },
        { id: 'g3', author: 'eva', at: '2026-10-03T10:00:00Z', text: 'Genial', rating: 5 },
      ],
      { ownChannel: true },
    );
    expect(report(run(c), 'reply-rate').metrics.byRating).toEqual({
      '1': { reviews: 1, answered: 0, ignored: 1, pending: 0 },
      '3': { reviews: 1, answered: 1, ignored: 0, pending: 0 },
      '5': { reviews: 1, answered: 0, ignored: 0, pending: 0 },
    });
  });
});
