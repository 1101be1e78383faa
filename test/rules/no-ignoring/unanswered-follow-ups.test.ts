import { describe, it, expect } from 'vitest';
import { unansweredFollowUps } from '../../../src/rules/no-ignoring/unanswered-follow-ups.js';
import { audit, corpus, findingsOf, ruleReport, runRuleDirect, type PostSpec } from '../../helpers/corpus.js';

const RULE = 'unanswered-follow-ups';
const AS_OF = '2026-10-20T00:00:00Z';

/** A question answered after 10 min, then a follow-up at `followUpAt`, answered 20 min later when `answered`. */
function thread(id: string, openedAt: string, followUpAt: string, followUp: string, answered = false): PostSpec[] {
  const posts: PostSpec[] = [
    { id, author: `cliente-${id}`, at: openedAt, text: '¿Dónde está mi pedido?' },
    { id: `${id}-r`, author: 'Marca', at: '+10m', replyTo: id, text: 'Sale hoy.' },
    { id: `${id}-f`, author: `cliente-${id}`, at: followUpAt, replyTo: `${id}-r`, text: followUp },
  ];
  if (answered) posts.push({ id: `${id}-fr`, author: 'Marca', at: '+20m', replyTo: `${id}-f`, text: 'Te lo enviamos por correo.' });
  return posts;
}

const POSTS: PostSpec[] = [
  ...thread('ok', '2026-10-01T09:00:00Z', '2026-10-01T12:00:00Z', '¿Y la factura?', true),
  ...thread('late', '2026-10-05T09:00:00Z', '2026-10-05T12:00:00Z', 'Sigo sin recibir el número de seguimiento'),
  ...thread('early', '2026-10-02T09:00:00Z', '2026-10-03T09:00:00Z', 'Where is the tracking number?'),
  ...thread('new', '2026-10-18T09:00:00Z', '2026-10-19T09:00:00Z', '¿Y ahora qué?'),
  ...thread('thanks', '2026-10-06T09:00:00Z', '2026-10-06T10:00:00Z', '¡Genial, gracias!'),
];

describe('unanswered-follow-ups', () => {
  it('score = 100 × answered ÷ (answered + unanswered); pending turns left out', () => {
    const { result } = runRuleDirect(unansweredFollowUps, corpus(POSTS, { ownChannel: true }), { asOf: AS_OF });
    expect(result.score).toBeCloseTo(100 / 3, 10);
    expect(result.metrics).toEqual({ followUps: 4, answered: 1, unanswered: 2, pending: 1 });
    expect(result.findingCount).toBe(2);
  });

  it('findings are the unanswered (not pending) turns, oldest first', () => {
    const { result } = runRuleDirect(unansweredFollowUps, corpus(POSTS, { ownChannel: true }), { asOf: AS_OF });
    expect(result.findings.map((f) => [f.postIds, f.rank, f.severity, f.message])).toEqual([
      [['early-f'], 1, 'warning', 'Follow-up left unanswered for 16 d 15 h'],
      [['late-f'], 2, 'warning', 'Follow-up left unanswered for 14 d 12 h'],
    ]);
  });

  it('a follow-up exactly at the grace boundary is unanswered, not pending', () => {
    const posts = thread('x', '2026-10-10T09:00:00Z', '2026-10-17T00:00:00Z', '¿Hola?');
    const { result } = runRuleDirect(unansweredFollowUps, corpus(posts, { ownChannel: true }), { asOf: AS_OF });
    expect(result.metrics).toEqual({ followUps: 1, answered: 0, unanswered: 1, pending: 0 });
    expect(result.score).toBe(0);
  });

  it('no follow-up question → null score with a reason', () => {
    const posts = thread('t', '2026-10-01T09:00:00Z', '2026-10-01T10:00:00Z', 'Gracias');
    const { result } = runRuleDirect(unansweredFollowUps, corpus(posts, { ownChannel: true }), { asOf: AS_OF });
    expect(result).toMatchObject({ score: null, notApplicable: 'no follow-up question after a first reply', findings: [], findingCount: 0 });
  });

  it('only a pending follow-up → null score', () => {
    const posts = thread('t', '2026-10-18T09:00:00Z', '2026-10-19T09:00:00Z', '¿Y la factura?');
    const { result } = runRuleDirect(unansweredFollowUps, corpus(posts, { ownChannel: true }), { asOf: AS_OF });
    expect(result.score).toBeNull();
    expect(result.metrics).toEqual({ followUps: 1, answered: 0, unanswered: 0, pending: 1 });
  });

  describe('in the audit', () => {
    it('quotes the unanswered follow-up in its conversation', () => {
      const result = audit(corpus(POSTS, { ownChannel: true }), { asOf: AS_OF });
      expect(ruleReport(result, RULE)).toMatchObject({ score: 33.3, weight: 1, findingCount: 2 });
      const [first] = findingsOf(result, RULE);
      expect(first).toMatchObject({ category: 'no-ignoring', threadId: 'early', postIds: ['early-f'] });
      expect(first!.evidence).toEqual([
        {
          postId: 'early-f',
          author: 'cliente-early',
          role: 'customer',
          createdAt: '2026-10-03T09:00:00Z',
          text: 'Where is the tracking number?',
          source: 'inbox.jsonl:10',
        },
      ]);
    });

    it('maxFindings caps the findings but not findingCount', () => {
      const result = audit(corpus(POSTS, { ownChannel: true }), { asOf: AS_OF, config: { maxFindings: 1 } });
      expect(findingsOf(result, RULE).map((f) => f.postIds[0])).toEqual(['early-f']);
      expect(ruleReport(result, RULE).findingCount).toBe(2);
    });
  });
});
