import { describe, it, expect } from 'vitest';
import { brandPolitics } from '../../../src/rules/no-politics/brand-politics.js';
import { audit, BRAND, corpus, findingsOf, ruleReport, runRuleDirect, type PostSpec } from '../../helpers/corpus.js';
import { FALSE_FRIENDS, oneReplyEach, threads } from '../../helpers/threads.js';

const RULE = 'brand-politics';

/**
 * Brand replies: a political topic (Spain), a party (Spain), a political topic (English), a politician
 * (Mexico) and a prayer, in that time order, then the seven false friends and two clean replies. The
 * customers talk politics and swear: never judged.
 * 100 − 20 × 3 (Vox, Sheinbaum, "Recemos") − 5 × 2 (elecciones, election) = 30.
 */
const HAND: PostSpec[] = threads([
  { id: 'w1', text: '¿Abrís el lunes? Hay elecciones', replies: ['Por las elecciones, nuestras tiendas abren el lunes'] },
  { id: 'p1', text: 'Sois todos unos fachas de mierda, ¿dónde está mi pedido?', replies: ['Votad a Vox el domingo'] },
  { id: 'w2', text: 'Are you open on election day? Biden or Trump, I need my order', replies: ['Our stores close early because of the election'] },
  { id: 'p2', text: '¿Ya salió mi paquete? Pinche gobierno de la 4T', replies: ['Con Sheinbaum y la cuarta transformación, siempre'] },
  { id: 'p3', text: 'Mi hermano iba en ese tren, ¿sabéis algo?', replies: ['Recemos por las víctimas'] },
  ...FALSE_FRIENDS.map((reply, k) => ({ id: `f${k + 1}`, text: '¿Me ayudáis con una duda?', replies: [reply] })),
  { id: 'ok1', replies: ['Hola, tu pedido sale hoy y te llega el lunes sin falta'] },
  { id: 'ok2', text: 'Where is my order?', replies: ['Your order is on its way and should arrive tomorrow'] },
]);

describe('brand-politics', () => {
  it('score = max(0, 100 − 20 × posts naming a party, a politician or a faith − 5 × posts on a political topic)', () => {
    const { result } = runRuleDirect(brandPolitics, corpus(HAND, { ownChannel: true }));
    expect(result.score).toBe(30);
    expect(result.metrics).toEqual({ brandPosts: 14, political: 5, naming: 3 });
    expect(result.findingCount).toBe(5);
  });

  it('findings: naming (error) first, then topics (warning), each in time order, quoting the words', () => {
    const { result } = runRuleDirect(brandPolitics, corpus(HAND, { ownChannel: true }));
    expect(result.findings.map((f) => [f.postIds, f.data.quote, f.severity, f.rank])).toEqual([
      [['p1-r1'], 'Vox', 'error', 1],
      [['p2-r1'], 'Sheinbaum', 'error', 2],
      [['p3-r1'], 'Recemos', 'error', 3],
      [['w1-r1'], 'elecciones', 'warning', 4],
      [['w2-r1'], 'election', 'warning', 5],
    ]);
    expect(result.findings[0]!.message).toBe('The brand talks politics or religion: "Vox"');
  });

  it('English: a party is an error', () => {
    const { result } = runRuleDirect(
      brandPolitics,
      corpus(oneReplyEach(['We stand with the Labour Party', 'Our Labour costs are included in the quote'], { customer: 'Where is my order?' }), {
        ownChannel: true,
      }),
    );
    expect(result.score).toBe(80);
    expect(result.findings.map((f) => [f.postIds[0], f.data.quote, f.severity])).toEqual([['t1-r1', 'Labour Party', 'error']]);
  });

  it('one weak cue is not enough; cues add up as independent evidence', () => {
    const posts = oneReplyEach([
      'Recuerda que el domingo puedes votar en tu colegio', // "votar" 0.4 alone
      'El ministro de Industria visitó la fábrica y habló del gobierno', // 1 − 0.4 × 0.4 = 0.84 ≥ 0.8
    ]);
    const { result } = runRuleDirect(brandPolitics, corpus(posts, { ownChannel: true }));
    expect(result.score).toBe(95);
    expect(result.metrics).toEqual({ brandPosts: 2, political: 1, naming: 0 });
    expect(result.findings.map((f) => [f.postIds[0], f.data.quote, f.severity])).toEqual([['t2-r1', 'ministro', 'warning']]);
  });

  it('the score never goes below 0', () => {
    const { result } = runRuleDirect(
      brandPolitics,
      corpus(oneReplyEach(Array.from({ length: 6 }, (_, k) => `Votad al PSOE, día ${k + 1}`)), { ownChannel: true }),
    );
    expect(result.score).toBe(0);
    expect(result.findingCount).toBe(6);
  });

  it('false friends do not fire in a brand reply, nor party names that are common words', () => {
    const posts = oneReplyEach([
      ...FALSE_FRIENDS,
      'Sumar puntos es fácil con nuestra tarjeta',
      'El PP reciclado de nuestros envases',
      'Hola Morena, gracias por tu pedido',
      'Our Labour costs are included in the quote',
    ]);
    const { result } = runRuleDirect(brandPolitics, corpus(posts, { ownChannel: true }));
    expect(result).toMatchObject({ score: 100, findings: [], findingCount: 0 });
    expect(result.metrics).toEqual({ brandPosts: 11, political: 0, naming: 0 });
  });

  it('customers talking politics or religion are never judged', () => {
    const posts = threads([
      {
        id: 'c1',
        text: 'Votad a Vox, rojos de mierda. Y mi pedido, ¿qué?',
        replies: ['Hola, tu pedido sale hoy y te llega el lunes sin falta', { text: 'Viva Milei y que Dios os bendiga', customer: true }],
      },
      { id: 'c2', text: 'MAGA! Trump 2028. Where is my order?', replies: ['Your order is on its way and should arrive tomorrow'] },
    ]);
    const { result } = runRuleDirect(brandPolitics, corpus(posts, { ownChannel: true }));
    expect(result).toMatchObject({ score: 100, findings: [], findingCount: 0 });
    expect(result.metrics).toEqual({ brandPosts: 2, political: 0, naming: 0 });
  });

  it('no brand post → null score with a reason', () => {
    const { result } = runRuleDirect(
      brandPolitics,
      corpus([{ id: 'c1', author: 'lucia', at: '2026-10-01T10:00:00Z', text: 'Votad al PSOE' }], { ownChannel: true }),
    );
    expect(result).toMatchObject({ score: null, notApplicable: 'no brand posts', findings: [], findingCount: 0 });
    expect(result.metrics).toEqual({ brandPosts: 0, political: 0, naming: 0 });
  });

  describe('brand posts outside conversations (announcements)', () => {
    const ANNOUNCEMENTS: PostSpec[] = [
      { id: 'old', author: BRAND, at: '2026-09-15T10:00:00Z', text: 'Votad al PSOE' },
      { id: 'a1', author: BRAND, at: '2026-10-02T10:00:00Z', text: 'We stand with the Labour Party' },
      { id: 'a2', author: BRAND, at: '+1d', text: '¡Nueva tienda en Sevilla! Os esperamos el sábado.' },
    ];

    it('are judged when inside the period', () => {
      const { result } = runRuleDirect(brandPolitics, corpus(ANNOUNCEMENTS, { ownChannel: true }), { since: '2026-10-01T00:00:00Z' });
      expect(result.score).toBe(80);
      expect(result.metrics).toEqual({ brandPosts: 2, political: 1, naming: 1 });
      expect(result.findings.map((f) => [f.postIds, f.threadId, f.data.quote])).toEqual([[['a1'], 'a1', 'Labour Party']]);
    });

    it('in the audit the announcement is its own thread and the evidence quotes it', () => {
      const result = audit(corpus(ANNOUNCEMENTS, { ownChannel: true }), { since: '2026-10-01T00:00:00Z' });
      expect(findingsOf(result, RULE)).toEqual([
        expect.objectContaining({
          threadId: 'a1',
          postIds: ['a1'],
          severity: 'error',
          rank: 1,
          evidence: [expect.objectContaining({ postId: 'a1', role: 'brand', text: 'We stand with the Labour Party' })],
        }),
      ]);
      expect(result.categories['no-politics']).toMatchObject({ score: 80 });
    });
  });

  it('sure cues cost 20 points alone or together; a single weaker name is a topic (5 points), as the formula says', () => {
    const { result } = runRuleDirect(
      brandPolitics,
      corpus(oneReplyEach(['Votad a Pedro Sánchez en las elecciones', 'We support Trump']), { ownChannel: true }),
    );
    // "Pedro Sánchez" + "elecciones" combine above 0.85 (error); "Trump" alone is 0.8 (topic).
    expect(result.findings.map((f) => f.severity)).toEqual(['error', 'warning']);
    expect(result.score).toBe(75);
  });

  describe('in the audit', () => {
    it('evidence quotes the brand post', () => {
      const result = audit(corpus(HAND, { ownChannel: true }));
      const worst = findingsOf(result, RULE)[0]!;
      expect(worst).toMatchObject({
        ruleId: RULE,
        category: 'no-politics',
        severity: 'error',
        threadId: 'p1',
        postIds: ['p1-r1'],
        messageId: 'politics',
        rank: 1,
      });
      expect(worst.evidence).toEqual([
        { postId: 'p1-r1', author: BRAND, role: 'brand', createdAt: '2026-10-02T10:30:00Z', text: 'Votad a Vox el domingo', source: 'inbox.jsonl:4' },
      ]);
      expect(ruleReport(result, RULE)).toMatchObject({ score: 30, weight: 1, findingCount: 5 });
      expect(result.categories['no-politics'].score).toBe(30);
    });

    it('maxFindings caps the findings but not findingCount', () => {
      expect(runRuleDirect(brandPolitics, corpus(HAND, { ownChannel: true }), { maxFindings: 2 }).result).toMatchObject({
        findingCount: 5,
        findings: [{ postIds: ['p1-r1'] }, { postIds: ['p2-r1'] }],
      });
      const result = audit(corpus(HAND, { ownChannel: true }), { config: { maxFindings: 1 } });
      expect(findingsOf(result, RULE).map((f) => f.postIds[0])).toEqual(['p1-r1']);
      expect(ruleReport(result, RULE).findingCount).toBe(5);
    });

    it('messages follow the locale', () => {
      const result = audit(corpus(HAND, { ownChannel: true }), { config: { locale: 'es' } });
      expect(findingsOf(result, RULE)[0]!.message).toBe('La marca habla de política o religión: «Vox»');
    });
  });
});
