import { describe, it, expect } from 'vitest';
import { mistakesAdmitted } from '../../../src/rules/transparency/mistakes-admitted.js';
import { audit, BRAND, corpus, findingsOf, ruleReport, runRuleDirect, type PostSpec } from '../../helpers/corpus.js';
import { FALSE_FRIENDS, oneReplyEach, threads } from '../../helpers/threads.js';

const RULE = 'mistakes-admitted';

/**
 * Six brand replies apologise or admit the mistake (Spain, Mexico, English), two deny it (Spain, English);
 * two pseudo-apologies, the false friends and a neutral reply count as neither: 100 × 6 ÷ (6 + 2) = 75.
 * Time order: a1, d1, a2, a3, p1, d2, a4, a5, p2, a6, then the rest.
 */
const HAND: PostSpec[] = threads([
  { id: 'a1', text: 'Me habéis cobrado dos veces', replies: ['Disculpe las molestias, ya está resuelto'] },
  { id: 'd1', text: 'El paquete llegó roto', replies: ['No es culpa nuestra, es cosa de la mensajería'] },
  { id: 'a2', text: '¿Ya salió mi paquete? Llevo dos semanas', replies: ['Le ofrecemos una disculpa por el retraso, ya va en camino'] },
  { id: 'a3', text: 'You sent me the wrong size', replies: ['Sorry about that, it was our mistake and we will fix it'] },
  { id: 'p1', text: 'Vuestro servicio es pésimo', replies: ['Lamentamos que te sientas así'] },
  { id: 'd2', text: 'My parcel never arrived', replies: ['That is not our fault, the courier is responsible'] },
  { id: 'a4', text: 'Me cortasteis la luz sin avisar', replies: ['Hola, sentimos mucho lo ocurrido, ha sido un fallo nuestro'] },
  { id: 'a5', text: '¿Por qué me cobráis esto?', replies: ['Nuestras disculpas, el error fue nuestro'] },
  { id: 'p2', text: 'Worst service ever', replies: ['We are sorry you feel that way'] },
  { id: 'a6', text: 'Where is my refund?', replies: ['We apologise for the delay, your refund is on its way'] },
  ...FALSE_FRIENDS.map((reply, k) => ({ id: `f${k + 1}`, text: '¿Me ayudáis con una duda?', replies: [reply] })),
  { id: 'ok', replies: ['Hola, tu pedido sale hoy y te llega el lunes sin falta'] },
]);

describe('mistakes-admitted', () => {
  it('score = 100 × apologies ÷ (apologies + denials); pseudo-apologies count as neither', () => {
    const { result } = runRuleDirect(mistakesAdmitted, corpus(HAND, { ownChannel: true }));
    expect(result.score).toBe(75);
    expect(result.metrics).toEqual({ apologies: 6, denials: 2 });
    expect(result.findingCount).toBe(2);
  });

  it('findings quote the denial, in time order, with severity and rank', () => {
    const { result } = runRuleDirect(mistakesAdmitted, corpus(HAND, { ownChannel: true }));
    expect(result.findings.map((f) => [f.threadId, f.postIds, f.data.quote, f.severity, f.rank])).toEqual([
      ['d1', ['d1-r1'], 'No es culpa nuestra', 'warning', 1],
      ['d2', ['d2-r1'], 'not our fault', 'warning', 2],
    ]);
    expect(result.findings.map((f) => f.message)).toEqual(['Denies or shifts the blame: "No es culpa nuestra"', 'Denies or shifts the blame: "not our fault"']);
  });

  it('deflecting to a third party is a denial; blaming the customer is left to the tone rule; an apology turned into blame is not an apology', () => {
    const posts = oneReplyEach([
      'Lo sentimos, pero usted debió leer las condiciones', // blame ("usted debió"): tone, and not an apology either
      'No es culpa nuestra, pero pedimos disculpas por las molestias', // denies: counts as a denial only
      'La culpa es de la mensajería, reclama al transportista', // deflection
      "As we already told you, it's in the terms", // blame, English: tone
      'Mil disculpas, ya está solucionado',
    ]);
    const { result } = runRuleDirect(mistakesAdmitted, corpus(posts, { ownChannel: true }));
    expect(result.metrics).toEqual({ apologies: 1, denials: 2 });
    expect(result.score).toBeCloseTo(100 / 3, 10);
    expect(result.findings.map((f) => [f.postIds[0], f.data.quote])).toEqual([
      ['t2-r1', 'No es culpa nuestra'],
      ['t3-r1', 'La culpa es de la mensajería'],
    ]);
  });

  it('all apologies → 100; all denials → 0', () => {
    expect(
      runRuleDirect(
        mistakesAdmitted,
        corpus(oneReplyEach(['Perdona la espera, ya está en camino', 'Mil disculpas, ya está solucionado']), { ownChannel: true }),
      ).result.score,
    ).toBe(100);
    expect(runRuleDirect(mistakesAdmitted, corpus(oneReplyEach(['No es culpa nuestra, es cosa de la mensajería']), { ownChannel: true })).result.score).toBe(0);
  });

  it('false friends, pseudo-apologies and neutral replies leave nothing to judge → null with a reason', () => {
    const posts = oneReplyEach([
      ...FALSE_FRIENDS,
      'Lamentamos que te sientas así',
      'We are sorry you feel that way',
      'Hola, tu pedido sale hoy y te llega el lunes sin falta',
    ]);
    const { result } = runRuleDirect(mistakesAdmitted, corpus(posts, { ownChannel: true }));
    expect(result).toMatchObject({ score: null, notApplicable: 'the brand neither apologised nor denied anything', findings: [], findingCount: 0 });
    expect(result.metrics).toEqual({ apologies: 0, denials: 0 });
  });

  it('customers denying, blaming or apologising are never judged', () => {
    const posts = threads([
      {
        id: 'c1',
        text: 'No es culpa mía, el repartidor no vino. Sois unos inútiles',
        replies: ['Mil disculpas, ya está solucionado', { text: 'Perdona, me equivoqué de dirección', customer: true }],
      },
      { id: 'c2', text: 'It is not my fault, your courier is responsible', replies: ['Your order is on its way and should arrive tomorrow'] },
    ]);
    const { result } = runRuleDirect(mistakesAdmitted, corpus(posts, { ownChannel: true }));
    expect(result).toMatchObject({ score: 100, findingCount: 0, metrics: { apologies: 1, denials: 0 } });
  });

  it("a public statement outside any conversation is the brand's voice too", () => {
    const posts: PostSpec[] = [
      { id: 's1', author: BRAND, at: '2026-10-01T10:00:00Z', text: 'No es culpa nuestra: la huelga de transportistas retrasa los envíos' },
      ...threads([{ id: 't1', at: '2026-10-02T10:00:00Z', replies: ['Perdona la espera, ya está en camino'] }]),
    ];
    const { result } = runRuleDirect(mistakesAdmitted, corpus(posts, { ownChannel: true }));
    expect(result.score).toBe(50);
    expect(result.findings.map((f) => [f.threadId, f.postIds])).toEqual([['s1', ['s1']]]);
  });

  describe('in the audit', () => {
    it('evidence quotes the brand post; the rule scores without deletion tracking', () => {
      const result = audit(corpus(HAND, { ownChannel: true }));
      const [first] = findingsOf(result, RULE);
      expect(first).toMatchObject({
        ruleId: RULE,
        category: 'transparency',
        severity: 'warning',
        threadId: 'd1',
        postIds: ['d1-r1'],
        messageId: 'denial',
        rank: 1,
      });
      expect(first!.evidence).toEqual([
        {
          postId: 'd1-r1',
          author: BRAND,
          role: 'brand',
          createdAt: '2026-10-02T10:30:00Z',
          text: 'No es culpa nuestra, es cosa de la mensajería',
          source: 'inbox.jsonl:4',
        },
      ]);
      expect(ruleReport(result, RULE)).toMatchObject({ score: 75, weight: 1, findingCount: 2 });
      // nothing-deleted has nothing to judge here: the category is scored from the other rules.
      expect(ruleReport(result, 'nothing-deleted')).toMatchObject({ score: null, notApplicable: 'no input records deleted or hidden posts' });
      expect(result.categories.transparency.score).not.toBeNull();
    });

    it('maxFindings caps the findings but not findingCount', () => {
      expect(runRuleDirect(mistakesAdmitted, corpus(HAND, { ownChannel: true }), { maxFindings: 1 }).result).toMatchObject({
        findingCount: 2,
        findings: [{ threadId: 'd1' }],
      });
      const result = audit(corpus(HAND, { ownChannel: true }), { config: { maxFindings: 1 } });
      expect(findingsOf(result, RULE).map((f) => f.threadId)).toEqual(['d1']);
      expect(ruleReport(result, RULE).findingCount).toBe(2);
    });

    it('messages follow the locale', () => {
      const result = audit(corpus(HAND, { ownChannel: true }), { config: { locale: 'es' } });
      expect(findingsOf(result, RULE).map((f) => f.message)).toEqual([
        'Niega o desvía la culpa: «No es culpa nuestra»',
        'Niega o desvía la culpa: «not our fault»',
      ]);
    });
  });
});
