import { describe, expect, it } from 'vitest';
import { audit, corpus, findingsOf, ruleReport, type PostSpec } from '../../helpers/corpus.js';

const RULE = 'promises-kept';

/** A customer asks on Monday 5 Oct 2026 at 10:00 UTC; the brand promises something; maybe follows up. */
function thread(id: string, promise: string, followUp?: string, day = '05'): PostSpec[] {
  const posts: PostSpec[] = [
    { id, author: `cliente-${id}`, at: `2026-10-${day}T10:00:00Z`, text: 'Me habéis cobrado dos veces la factura' },
    { id: `${id}-p`, author: 'Marca', at: '+30m', replyTo: id, text: promise },
  ];
  if (followUp) posts.push({ id: `${id}-f`, author: 'Marca', at: followUp, replyTo: `${id}-p`, text: 'Hecho: ya tienes el abono en tu cuenta.' });
  return posts;
}

describe('promises-kept', () => {
  it('kept when the brand comes back before the end of the promised day plus the grace, broken otherwise', () => {
    const c = corpus(
      [
        ...thread('k1', 'Lo sentimos. Te devolvemos el importe mañana.', '+20h'), // Tue 6 Oct, in time
        ...thread('k2', 'We will refund you within 48 hours.', '+2d', '06'), // 8 Oct, in time
        ...thread('b1', 'Te llamamos mañana para solucionarlo.', '+3d', '07'), // due 8 Oct (+12 h), came 10 Oct
        ...thread('b2', "We'll get back to you by Friday.", undefined, '08'), // never
      ],
      { ownChannel: true },
    );
    const result = audit(c, { asOf: '2026-10-30T00:00:00Z' });
    const report = ruleReport(result, RULE);
    expect(report.metrics).toMatchObject({ promises: 4, kept: 2, broken: 2, pending: 0 });
    expect(report.score).toBe(50);
    const findings = findingsOf(result, RULE);
    expect(findings.map((f) => [f.threadId, f.messageId, f.data.deadline])).toEqual([
      ['b1', 'broken', '2026-10-08'],
      ['b2', 'broken', '2026-10-09'],
    ]);
    expect(findings[0]!.evidence[0]!.text).toBe('Te llamamos mañana para solucionarlo.');
    expect(findings[0]!.severity).toBe('error');
  });

  it('a promise whose deadline has not passed is pending, listed and not scored', () => {
    const result = audit(corpus(thread('p1', 'Le enviaremos el reembolso en 3 días laborables.', undefined, '28'), { ownChannel: true }), {
      asOf: '2026-10-29T00:00:00Z',
    });
    const report = ruleReport(result, RULE);
    expect(report.score).toBeNull();
    expect(report.notApplicable).toBe('every promise is still within its deadline');
    expect(findingsOf(result, RULE).map((f) => [f.messageId, f.severity, f.data.deadline])).toEqual([['pending', 'info', '2026-11-02']]);
  });

  it('vague times, conditions, questions and past deeds are not promises', () => {
    const c = corpus(
      [
        ...thread('v1', 'Lo revisamos y te decimos algo en breve.'),
        ...thread('v2', 'Si nos mandas el número de pedido mañana, lo revisamos.'),
        ...thread('v3', '¿Quieres que te llamemos mañana por la tarde?'),
        ...thread('v4', 'Ya te enviamos el abono el lunes.'),
        ...thread('v5', 'Abrimos mañana a las 9:00.'),
      ],
      { ownChannel: true },
    );
    const report = ruleReport(audit(c), RULE);
    expect(report.metrics).toMatchObject({ promises: 0 });
    expect(report.score).toBeNull();
  });

  it('resolves "mañana" in the brand\'s time zone', () => {
    // 23:30 UTC on 5 Oct is already 6 Oct in Madrid: "mañana" is then 7 Oct.
    const posts: PostSpec[] = [
      { id: 'z1', author: 'ana', at: '2026-10-05T23:00:00Z', text: 'No tengo luz' },
      { id: 'z1-p', author: 'Marca', at: '+30m', replyTo: 'z1', text: 'Te llamamos mañana sin falta.' },
    ];
    const madrid = findingsOf(audit(corpus(posts, { ownChannel: true }), { config: { timezone: 'Europe/Madrid' } }), RULE);
    const utc = findingsOf(audit(corpus(posts, { ownChannel: true })), RULE);
    expect(madrid[0]!.data.deadline).toBe('2026-10-07');
    expect(utc[0]!.data.deadline).toBe('2026-10-06');
  });
});
