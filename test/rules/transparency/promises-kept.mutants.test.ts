/**
 * Tests added for mutants that survived a Stryker run (docs/mutation.md): the grace after a day deadline
 * is added, not subtracted, and it is the configured one.
 *
 * Every promise here names a day and no hour ("mañana"), so it is due at the end of that day plus
 * promiseGraceHours, passed explicitly. The brand's zone is UTC.
 */
import { describe, expect, it } from 'vitest';
import { promisesKept } from '../../../src/rules/transparency/promises-kept.js';
import { corpus, runRuleDirect, type PostSpec } from '../../helpers/corpus.js';

/** Mon 5 Oct 2026: the customer complains at 10:00 UTC, the brand promises at 10:30 to call "mañana" (due 6 Oct). */
function promised(id: string, followUpAt?: string): PostSpec[] {
  const posts: PostSpec[] = [
    { id, author: `cliente-${id}`, at: '2026-10-05T10:00:00Z', text: 'Me habéis cobrado dos veces la factura' },
    { id: `${id}-p`, author: 'Marca', at: '+30m', replyTo: id, text: 'Te llamamos mañana para solucionarlo.' },
  ];
  if (followUpAt) posts.push({ id: `${id}-f`, author: 'Marca', at: followUpAt, replyTo: `${id}-p`, text: 'Hecho: ya tienes el abono en tu cuenta.' });
  return posts;
}

const run = (posts: PostSpec[], promiseGraceHours: number, asOf = '2026-10-30T00:00:00Z') =>
  runRuleDirect(promisesKept, corpus(posts, { ownChannel: true }), { timezone: 'UTC', promiseGraceHours, asOf }).result;

describe('promises-kept: the grace after a day deadline', () => {
  it('with a 12 h grace, a follow-up 11 h after the end of the promised day keeps the promise; 13 h after breaks it', () => {
    // The promised day, 6 Oct, ends at 7 Oct 00:00 UTC; with 12 h of grace the promise is due 7 Oct 12:00.
    const result = run([...promised('k', '2026-10-07T11:00:00Z'), ...promised('b', '2026-10-07T13:00:00Z')], 12);
    expect(result.metrics).toMatchObject({ promises: 2, kept: 1, broken: 1, pending: 0, graceHours: 12 });
    expect(result.score).toBe(50);
    expect(result.findings.map((f) => [f.threadId, f.messageId, f.data.deadline])).toEqual([['b', 'broken', '2026-10-06']]);
  });

  it('a follow-up on the promised day itself keeps it, whatever the grace', () => {
    for (const grace of [0, 12, 48]) {
      const result = run(promised('d', '2026-10-06T18:00:00Z'), grace);
      expect(result.metrics).toMatchObject({ kept: 1, broken: 0 });
      expect(result.score).toBe(100);
    }
  });

  it('the grace is the configured one: the same follow-up, 30 h after the end of the day, is late with 24 h and in time with 36 h', () => {
    const posts = promised('g', '2026-10-08T06:00:00Z');
    expect(run(posts, 24).metrics).toMatchObject({ kept: 0, broken: 1, graceHours: 24 });
    expect(run(posts, 36).metrics).toMatchObject({ kept: 1, broken: 0, graceHours: 36 });
  });

  it('with no grace, the promise is due at the end of the promised day', () => {
    const posts = promised('z', '2026-10-07T00:30:00Z');
    expect(run(posts, 0).metrics).toMatchObject({ kept: 0, broken: 1 });
    expect(run(posts, 1).metrics).toMatchObject({ kept: 1, broken: 0 });
  });

  it('a promise without a follow-up stays pending until the end of the day plus the grace, then is broken', () => {
    // Due 7 Oct 12:00 UTC with 12 h of grace.
    expect(run(promised('p'), 12, '2026-10-07T11:00:00Z')).toMatchObject({ score: null, metrics: { pending: 1, broken: 0 } });
    expect(run(promised('p'), 12, '2026-10-07T13:00:00Z')).toMatchObject({ score: 0, metrics: { pending: 0, broken: 1 } });
  });
});
