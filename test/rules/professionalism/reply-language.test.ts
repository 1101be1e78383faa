import { describe, it, expect } from 'vitest';
import { replyLanguage } from '../../../src/rules/professionalism/reply-language.js';
import { audit, BRAND, corpus, findingsOf, ruleReport, runRuleDirect, type PostSpec } from '../../helpers/corpus.js';
import { FALSE_FRIENDS, threads } from '../../helpers/threads.js';

const RULE = 'reply-language';

const ES_Q = 'Hola, ¿dónde está mi pedido? Llevo una semana esperando';
const ES_A = 'Hola, el pedido ya ha salido del almacén y llega mañana';
const EN_Q = 'Hello, where is my order? I have been waiting for a week';
const EN_A = 'Hi, your parcel left our warehouse and arrives tomorrow';

/**
 * Eight first replies with both languages known: six in the customer's language (Spain, Mexico, English,
 * and one customer whose language comes from the input's own tag "es-MX"), two not (es → en, en → es):
 * 100 × 6 ÷ 8 = 75. Not judged: a customer under 20 letters, a brand reply under 20 letters, a customer
 * whose letters are mostly a @handle and a URL, and a conversation without a reply.
 */
const HAND: PostSpec[] = threads([
  { id: 'm1', text: ES_Q, replies: [ES_A, 'By the way, your tracking number is in the email'] },
  { id: 'm2', text: EN_Q, replies: [EN_A] },
  { id: 'm3', text: 'Órale, ¿ya mero llega mi paquete? Lo necesito para el sábado', replies: ['Sí, ya salió de la bodega y le llega mañana por la tarde'] },
  { id: 'm4', text: 'Hi, my card was charged twice for the same order', replies: ['Sorry about that, we have refunded the second charge'] },
  { id: 'm5', text: 'Buenas, me habéis cobrado dos veces la factura de octubre', replies: ['Hola, ya hemos devuelto el cargo duplicado de la factura'] },
  { id: 'd1', text: 'Oigan, mi paquete no llega', lang: 'es-MX', replies: ['Hola Lucía, ya lo tienes en camino y te llega el lunes'] },
  { id: 'x1', text: ES_Q, replies: ['Your order is on its way and should arrive tomorrow'] },
  { id: 'x2', text: EN_Q, replies: [ES_A] },
  { id: 's1', text: '¿Mi pedido?', replies: [EN_A] },
  { id: 's2', text: ES_Q, replies: ['Hecho, Ana.'] },
  { id: 's3', text: '@Marca https://t.co/xyz ¿dónde está mi pedido?', replies: [EN_A] },
  { id: 'n1', text: ES_Q },
]);

describe('reply-language', () => {
  it("score = 100 × first replies in the customer's language ÷ first replies with both languages known", () => {
    const { result } = runRuleDirect(replyLanguage, corpus(HAND, { ownChannel: true }));
    expect(result.score).toBe(75);
    expect(result.metrics).toEqual({ judged: 8, mismatched: 2 });
    expect(result.findingCount).toBe(2);
  });

  it("findings quote the customer's message and the reply, in conversation order, with severity and rank", () => {
    const { result } = runRuleDirect(replyLanguage, corpus(HAND, { ownChannel: true }));
    expect(result.findings.map((f) => [f.threadId, f.postIds, f.data, f.severity, f.rank])).toEqual([
      ['x1', ['x1', 'x1-r1'], { customer: 'es', brand: 'en' }, 'warning', 1],
      ['x2', ['x2', 'x2-r1'], { customer: 'en', brand: 'es' }, 'warning', 2],
    ]);
    expect(result.findings.map((f) => f.message)).toEqual([
      'Customer wrote in Spanish, the brand answered in English',
      'Customer wrote in English, the brand answered in Spanish',
    ]);
  });

  it('texts under 20 letters are not judged (handles, URLs and digits do not count as letters)', () => {
    const short = threads([
      { id: 's1', text: '¿Mi pedido?', replies: [EN_A] },
      { id: 's2', text: ES_Q, replies: ['Hecho, Ana.'] },
      { id: 's3', text: '@Marca https://t.co/xyz ¿dónde está mi pedido?', replies: [EN_A] },
      { id: 's4', text: 'Pedido 123456789012345678901234', replies: [EN_A] },
    ]);
    const { result } = runRuleDirect(replyLanguage, corpus(short, { ownChannel: true }));
    expect(result).toMatchObject({ score: null, notApplicable: "no reply whose language and the customer's are both known", findings: [], findingCount: 0 });
    expect(result.metrics).toEqual({ judged: 0, mismatched: 0 });
  });

  it('only the first human reply is judged: an automated template in another language does not count', () => {
    const auto = 'Thanks for your message, an agent will get back to you soon';
    const posts = threads([
      {
        id: 'a1',
        text: ES_Q,
        replies: [
          { text: auto, at: '+2s' },
          { text: ES_A, at: '+1h' },
        ],
      },
      {
        id: 'a2',
        text: 'Buenas, me habéis cobrado dos veces la factura de octubre',
        replies: [
          { text: auto, at: '+2s' },
          { text: 'Hola, ya hemos devuelto el cargo duplicado de la factura', at: '+1h' },
        ],
      },
    ]);
    const { result } = runRuleDirect(replyLanguage, corpus(posts, { ownChannel: true }));
    expect(result.score).toBe(100);
    expect(result.metrics).toEqual({ judged: 2, mismatched: 0 });
  });

  it("the input's own language tag wins over detection, in either post", () => {
    const posts = threads([
      // Detected as English, declared Spanish (Mexico): a Spanish reply is right.
      { id: 't1', text: EN_Q, lang: 'es-MX', replies: [ES_A] },
      // The reply is declared English although its text reads Spanish.
      { id: 't2', text: ES_Q, replies: [{ text: ES_A, lang: 'EN' }] },
      // A language we do not compare ("de" → other) is not judged.
      { id: 't3', text: ES_Q, lang: 'de', replies: [EN_A] },
    ]);
    const { result } = runRuleDirect(replyLanguage, corpus(posts, { ownChannel: true }));
    expect(result.metrics).toEqual({ judged: 2, mismatched: 1 });
    expect(result.score).toBe(50);
    expect(result.findings.map((f) => [f.threadId, f.data])).toEqual([['t2', { customer: 'es', brand: 'en' }]]);
  });

  it('false friends in a Spanish reply to a Spanish customer are not mismatches', () => {
    const posts = threads(FALSE_FRIENDS.map((reply, k) => ({ id: `f${k + 1}`, text: ES_Q, replies: [reply] })));
    const { result } = runRuleDirect(replyLanguage, corpus(posts, { ownChannel: true }));
    expect(result.score).toBe(100);
    expect(result.metrics).toMatchObject({ mismatched: 0 });
    expect(result.findings).toEqual([]);
  });

  it('what customers say (swearing, politics) is only the reference for their language', () => {
    const posts = threads([
      { id: 'c1', text: 'Joder, otra vez sin luz en casa y nadie me dice nada', replies: ['Hola, ya hemos enviado un técnico y llega esta tarde'] },
      { id: 'c2', text: 'Fuck this company, my order is a week late and nobody answers', replies: [EN_A] },
    ]);
    const { result } = runRuleDirect(replyLanguage, corpus(posts, { ownChannel: true }));
    expect(result).toMatchObject({ score: 100, findingCount: 0 });
    expect(result.metrics).toEqual({ judged: 2, mismatched: 0 });
  });

  it('brand posts outside conversations are not replies: nothing to judge', () => {
    const posts: PostSpec[] = [
      { id: 'a1', author: BRAND, at: '2026-10-01T10:00:00Z', text: 'Our new store in Seville opens on Saturday with discounts' },
      { id: 'a2', author: BRAND, at: '+1d', text: 'Hola a todos, el sábado abrimos la nueva tienda de Sevilla' },
    ];
    const { result } = runRuleDirect(replyLanguage, corpus(posts, { ownChannel: true }));
    expect(result).toMatchObject({ score: null, findingCount: 0 });
  });

  describe('in the audit', () => {
    it('evidence quotes the customer and the reply', () => {
      const result = audit(corpus(HAND, { ownChannel: true }));
      const [first] = findingsOf(result, RULE);
      expect(first).toMatchObject({
        ruleId: RULE,
        category: 'professionalism',
        severity: 'warning',
        threadId: 'x1',
        postIds: ['x1', 'x1-r1'],
        messageId: 'mismatch',
        rank: 1,
      });
      expect(first!.evidence.map((e) => [e.postId, e.role, e.text])).toEqual([
        ['x1', 'customer', ES_Q],
        ['x1-r1', 'brand', 'Your order is on its way and should arrive tomorrow'],
      ]);
      expect(ruleReport(result, RULE)).toMatchObject({ score: 75, weight: 1, findingCount: 2 });
    });

    it('maxFindings caps the findings but not findingCount', () => {
      expect(runRuleDirect(replyLanguage, corpus(HAND, { ownChannel: true }), { maxFindings: 1 }).result).toMatchObject({
        findingCount: 2,
        findings: [{ threadId: 'x1' }],
      });
      const result = audit(corpus(HAND, { ownChannel: true }), { config: { maxFindings: 1 } });
      expect(findingsOf(result, RULE).map((f) => f.threadId)).toEqual(['x1']);
      expect(ruleReport(result, RULE).findingCount).toBe(2);
    });

    it('messages follow the locale', () => {
      const result = audit(corpus(HAND, { ownChannel: true }), { config: { locale: 'es' } });
      expect(findingsOf(result, RULE)[0]!.message).toBe('El cliente escribió en español y la marca respondió en inglés');
    });
  });
});
