import { describe, it, expect } from 'vitest';
import { tone } from '../../../src/rules/professionalism/tone.js';
import { audit, BRAND, corpus, findingsOf, ruleReport, runRuleDirect, type PostSpec } from '../../helpers/corpus.js';
import { FALSE_FRIENDS, oneReplyEach, threads } from '../../helpers/threads.js';

const RULE = 'tone';

/** Clean replies in Spain's and Mexico's Spanish and in English. */
const CLEAN = [
  'Hola Lucía, sale hoy mismo. Un saludo.',
  '¡¡Gracias!! Nos alegra que te guste',
  'Your order is on its way and should arrive tomorrow',
  'Sí, ya salió de la bodega y le llega mañana por la tarde',
  'Cheers mate, glad it arrived!',
  'Hola, ya está resuelto. Gracias por avisarnos.',
  'Hi, your parcel left our warehouse and arrives tomorrow',
  'Le ofrecemos una disculpa por el retraso, ya va en camino',
  'Hola, le enviamos el reembolso hoy mismo',
];

/**
 * 20 brand replies, one per conversation: shouting, slang (Spain), sarcasm (English), profanity (Spain)
 * and an insult (Mexico), in that time order, then the seven false friends and eight clean replies.
 * Points: 0.3 + 0.3 + 0.5 + 1 + 1 = 3.1 over 20 posts = 15.5 per 100 → 100 − 5 × 15.5 = 22.5.
 * The customers swear and talk politics: never judged.
 */
const HAND: PostSpec[] = threads([
  { id: 't1', text: 'Sois unos hijos de puta, ¿dónde está mi pedido?', replies: ['YA ESTÁ ENVIADO, REVISA EL CORREO'] },
  { id: 't2', text: '¿Otra vez sin fibra? Menuda panda de inútiles', replies: ['Mira, tío, mañana lo tienes en casa'] },
  { id: 't3', text: 'Where the fuck is my refund?', replies: ['Thanks genius, read the FAQ'] },
  { id: 't4', text: 'Votad a Vox y a ver si arregláis algo', replies: ['Menuda cagada con tu pedido, ya lo arreglamos'] },
  { id: 't5', text: '¿Qué pedo con mi paquete, pinches rateros?', replies: ['Pues no sea pendejo y lea el correo'] },
  ...FALSE_FRIENDS.map((reply, k) => ({ id: `f${k + 1}`, text: '¿Me ayudáis con una duda?', replies: [reply] })),
  ...CLEAN.slice(0, 8).map((reply, k) => ({ id: `ok${k + 1}`, replies: [reply] })),
]);

describe('tone', () => {
  it('score = max(0, 100 − 5 × points per 100 brand posts) on a hand-computed case', () => {
    const { result } = runRuleDirect(tone, corpus(HAND, { ownChannel: true }));
    expect(result.score).toBeCloseTo(22.5, 10);
    expect(result.metrics).toEqual({ brandPosts: 20, flaggedPosts: 5, perHundred: 15.5, insult: 1, profanity: 1, sarcasm: 1, blame: 0, slang: 1, shouting: 1 });
    expect(result.findingCount).toBe(5);
  });

  it('the formula is documented with these numbers', () => {
    expect(tone.meta.formula.en).toContain('100 − 5 × points per 100 brand posts');
    expect(tone.meta.formula.en).toMatch(/insult or profanity 1, sarcasm 0\.5, blaming the customer 0\.5, over-familiar slang 0\.3, shouting 0\.3/);
  });

  it('findings: worst issue first (insult, profanity, sarcasm, slang, shouting), quoting the words, with severity and rank', () => {
    const { result } = runRuleDirect(tone, corpus(HAND, { ownChannel: true }));
    expect(result.findings.map((f) => [f.messageId, f.postIds, f.data.quote, f.severity, f.rank])).toEqual([
      ['insult', ['t5-r1'], 'pendejo', 'error', 1],
      ['profanity', ['t4-r1'], 'cagada', 'error', 2],
      ['sarcasm', ['t3-r1'], 'Thanks genius', 'warning', 3],
      ['slang', ['t2-r1'], 'tío', 'warning', 4],
      ['shouting', ['t1-r1'], 'YA ESTÁ ENVIADO, REVISA EL CORREO', 'warning', 5],
    ]);
    expect(result.findings.map((f) => f.message)).toEqual([
      'Insult in a brand post: "pendejo"',
      'Swearing in a brand post: "cagada"',
      'Sarcasm aimed at the customer: "Thanks genius"',
      'Over-familiar address: "tío"',
      'Shouting: "YA ESTÁ ENVIADO, REVISA EL CORREO"',
    ]);
    expect(result.findings.map((f) => f.threadId)).toEqual(['t5', 't4', 't3', 't2', 't1']);
  });

  it('blaming the customer is a tone problem (0.5 points, warning), in Spanish and English', () => {
    const posts = oneReplyEach([
      'Tendría que haber leído las condiciones antes de comprar',
      'You should have checked the size guide before ordering',
      ...CLEAN.slice(0, 8),
    ]);
    const { result } = runRuleDirect(tone, corpus(posts, { ownChannel: true }));
    // 0.5 + 0.5 = 1 point over 10 posts = 10 per 100 → 50.
    expect(result.score).toBeCloseTo(50, 10);
    expect(result.metrics).toMatchObject({ brandPosts: 10, flaggedPosts: 2, blame: 2 });
    expect(result.findings.map((f) => [f.messageId, f.postIds[0], f.severity])).toEqual([
      ['blame', 't1-r1', 'warning'],
      ['blame', 't2-r1', 'warning'],
    ]);
  });

  it('only the worst issue of a post counts; every issue is counted in the metrics', () => {
    // "ERES UN PENDEJO": an insult (1) and shouting (0.3) → 1 point. 1 of 10 posts → 10 per 100 → 50.
    const { result } = runRuleDirect(tone, corpus(oneReplyEach(['ERES UN PENDEJO', ...CLEAN.slice(0, 9)]), { ownChannel: true }));
    expect(result.score).toBeCloseTo(50, 10);
    expect(result.metrics).toMatchObject({ brandPosts: 10, flaggedPosts: 1, perHundred: 10, insult: 1, shouting: 1 });
    expect(result.findings.map((f) => [f.messageId, f.data.quote])).toEqual([['insult', 'PENDEJO']]);
  });

  // A condescending "Listen mate," is a put-down (issue 9: English put-downs weigh enough to count), no longer slang.
  it('English only: one "Listen mate" in 10 replies → 100 − 5 × 10 = 50', () => {
    const replies = [
      'Listen mate, that is not how refunds work',
      'Your order is on its way and should arrive tomorrow',
      'Hi, your parcel left our warehouse and arrives tomorrow',
    ];
    const posts = oneReplyEach([...replies, ...Array.from({ length: 7 }, (_, k) => `Thanks for waiting, case ${k + 1} is solved`)], {
      customer: 'Where is my order?',
    });
    const { result } = runRuleDirect(tone, corpus(posts, { ownChannel: true }));
    expect(result.score).toBeCloseTo(50, 10);
    expect(result.findings.map((f) => [f.messageId, f.data.quote, f.severity])).toEqual([['profanity', 'Listen mate', 'error']]);
  });

  it('Mexican slang and swearing are caught too ("wey", "pinche")', () => {
    const posts = oneReplyEach(['Órale wey, mañana llega tu paquete', 'Pinche paquetería, ya lo reclamamos', ...CLEAN.slice(0, 8)]);
    const { result } = runRuleDirect(tone, corpus(posts, { ownChannel: true }));
    // 1 + 0.3 = 1.3 points over 10 posts = 13 per 100 → 35.
    expect(result.score).toBeCloseTo(35, 10);
    expect(result.findings.map((f) => [f.messageId, f.postIds[0], f.data.quote])).toEqual([
      ['profanity', 't2-r1', 'Pinche'],
      ['slang', 't1-r1', 'wey'],
    ]);
  });

  it('the score never goes below 0', () => {
    const { result } = runRuleDirect(tone, corpus(oneReplyEach(['Eres un imbécil', 'Hola Lucía, sale hoy mismo.']), { ownChannel: true }));
    // 1 point over 2 posts = 50 per 100 → 100 − 250 → 0
    expect(result.score).toBe(0);
    expect(result.metrics).toMatchObject({ perHundred: 50 });
  });

  it('equal issues keep time order', () => {
    const { result } = runRuleDirect(tone, corpus(oneReplyEach(['Hola', 'Eres un imbécil', 'Eres un pendejo']), { ownChannel: true }));
    expect(result.findings.map((f) => [f.postIds[0], f.rank])).toEqual([
      ['t2-r1', 1],
      ['t3-r1', 2],
    ]);
  });

  it('false friends do not fire in a brand reply', () => {
    const { result } = runRuleDirect(tone, corpus(oneReplyEach(FALSE_FRIENDS), { ownChannel: true }));
    expect(result.score).toBe(100);
    expect(result.metrics).toEqual({ brandPosts: 7, flaggedPosts: 0, perHundred: 0, insult: 0, profanity: 0, sarcasm: 0, blame: 0, slang: 0, shouting: 0 });
    expect(result.findings).toEqual([]);
  });

  it('customers swearing, insulting or shouting are never judged', () => {
    const posts = threads([
      {
        id: 'a',
        text: 'SOIS UNOS HIJOS DE PUTA',
        replies: ['Hola, sentimos mucho lo ocurrido, lo revisamos ahora.', { text: 'Gilipollas, que sois unos gilipollas', customer: true }],
      },
      { id: 'b', text: 'Listen mate, you are a bunch of idiots', replies: ['Sorry about that, we will fix it today.'] },
      { id: 'c', text: 'Pinche servicio culero, no mames', replies: ['Le ofrecemos una disculpa, ya va en camino.'] },
    ]);
    const { result } = runRuleDirect(tone, corpus(posts, { ownChannel: true }));
    expect(result).toMatchObject({ score: 100, findings: [], findingCount: 0 });
    expect(result.metrics).toMatchObject({ brandPosts: 3, flaggedPosts: 0 });
  });

  it('no brand post → null score with a reason', () => {
    const { result } = runRuleDirect(
      tone,
      corpus([{ id: 'c1', author: 'lucia', at: '2026-10-01T10:00:00Z', text: 'Sois unos inútiles' }], { ownChannel: true }),
    );
    expect(result).toMatchObject({ score: null, notApplicable: 'no brand posts', findings: [], findingCount: 0 });
    expect(result.metrics).toEqual({ brandPosts: 0, flaggedPosts: 0, perHundred: null, insult: 0, profanity: 0, sarcasm: 0, blame: 0, slang: 0, shouting: 0 });
  });

  describe('brand posts outside conversations (announcements)', () => {
    const ANNOUNCEMENTS: PostSpec[] = [
      { id: 'old', author: BRAND, at: '2026-09-15T10:00:00Z', text: 'ESTO ES UNA LOCURA DE OFERTA' },
      { id: 'a1', author: BRAND, at: '2026-10-02T10:00:00Z', text: '¡¡¡OFERTAS LOCAS ESTE FINDE!!!' },
      { id: 'a2', author: BRAND, at: '+1d', text: '¡Nueva tienda en Sevilla! Os esperamos el sábado.' },
      { id: 'a3', author: BRAND, at: '+1d', text: 'Consulta nuestra política de privacidad' },
    ];

    it('are judged when inside the period: 0.3 points over 3 posts = 10 per 100 → 50', () => {
      const { result } = runRuleDirect(tone, corpus(ANNOUNCEMENTS, { ownChannel: true }), { since: '2026-10-01T00:00:00Z' });
      expect(result.score).toBeCloseTo(50, 10);
      expect(result.metrics).toMatchObject({ brandPosts: 3, flaggedPosts: 1 });
      expect(result.findings.map((f) => [f.messageId, f.postIds, f.threadId, f.data.quote])).toEqual([['shouting', ['a1'], 'a1', 'OFERTAS LOCAS ESTE FINDE']]);
    });

    it('in the audit the announcement is its own thread and the evidence quotes it', () => {
      const result = audit(corpus(ANNOUNCEMENTS, { ownChannel: true }), { since: '2026-10-01T00:00:00Z' });
      const [finding] = findingsOf(result, RULE);
      expect(finding).toMatchObject({ threadId: 'a1', postIds: ['a1'], severity: 'warning', rank: 1 });
      expect(finding!.evidence).toEqual([
        { postId: 'a1', author: BRAND, role: 'brand', createdAt: '2026-10-02T10:00:00Z', text: '¡¡¡OFERTAS LOCAS ESTE FINDE!!!', source: 'inbox.jsonl:2' },
      ]);
      expect(ruleReport(result, RULE)).toMatchObject({ score: 50, findingCount: 1 });
    });
  });

  it('a post repeated by overlapping exports is judged once', () => {
    const posts = oneReplyEach(['Eres un imbécil', ...CLEAN.slice(0, 9)]);
    const insult = posts.find((p) => p.id === 't1-r1')!;
    const repeated = [...posts, { ...insult, at: '2026-10-01T10:30:00Z' }];
    const { result } = runRuleDirect(tone, corpus(repeated, { ownChannel: true }));
    expect(result.metrics).toMatchObject({ brandPosts: 10, insult: 1 });
    expect(result.findingCount).toBe(1);
    expect(result.score).toBeCloseTo(50, 10);
  });

  describe('in the audit', () => {
    it('evidence quotes the brand post with author, role, createdAt and source', () => {
      const result = audit(corpus(HAND, { ownChannel: true }));
      const worst = findingsOf(result, RULE)[0]!;
      expect(worst).toMatchObject({
        ruleId: RULE,
        category: 'professionalism',
        severity: 'error',
        threadId: 't5',
        postIds: ['t5-r1'],
        messageId: 'insult',
        rank: 1,
      });
      expect(worst.evidence).toEqual([
        {
          postId: 't5-r1',
          author: BRAND,
          role: 'brand',
          createdAt: '2026-10-05T10:30:00Z',
          text: 'Pues no sea pendejo y lea el correo',
          source: 'inbox.jsonl:10',
        },
      ]);
      expect(ruleReport(result, RULE)).toMatchObject({ score: 22.5, weight: 2, findingCount: 5 });
    });

    it('maxFindings caps the findings but not findingCount', () => {
      const direct = runRuleDirect(tone, corpus(HAND, { ownChannel: true }), { maxFindings: 2 }).result;
      expect(direct.findings.map((f) => f.messageId)).toEqual(['insult', 'profanity']);
      expect(direct.findingCount).toBe(5);
      const result = audit(corpus(HAND, { ownChannel: true }), { config: { maxFindings: 1 } });
      expect(findingsOf(result, RULE).map((f) => f.postIds[0])).toEqual(['t5-r1']);
      expect(ruleReport(result, RULE).findingCount).toBe(5);
      expect(findingsOf(audit(corpus(HAND, { ownChannel: true }), { config: { maxFindings: 0 } }), RULE)).toHaveLength(5);
    });

    it('messages follow the locale', () => {
      const result = audit(corpus(HAND, { ownChannel: true }), { config: { locale: 'es' } });
      expect(findingsOf(result, RULE).map((f) => f.message)).toEqual([
        'Insulto en un mensaje de la marca: «pendejo»',
        'Taco en un mensaje de la marca: «cagada»',
        'Sarcasmo hacia el cliente: «Thanks genius»',
        'Trato de colega: «tío»',
        'Gritos: «YA ESTÁ ENVIADO, REVISA EL CORREO»',
      ]);
    });
  });
});
