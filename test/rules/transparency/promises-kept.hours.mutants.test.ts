/**
 * Tests for mutants that survived `npx stryker run --mutate src/rules/transparency/promises-kept.ts`
 * (docs/mutation.md): the hour grace is minutes, not milliseconds; a broken promise quotes what followed it
 * (the brand's admission, the customer's "nobody called"), in time order.
 *
 * The brand's zone is UTC. Mon 5 Oct 2026 10:30: "we call you tomorrow before 12:00" → due Tue 6 Oct 12:00.
 */
import { describe, expect, it } from 'vitest';
import { promisesKept } from '../../../src/rules/transparency/promises-kept.js';
import { corpus, type PostSpec, runRuleDirect } from '../../helpers/corpus.js';

function promised(id: string, after: { at: string; author: string; text: string }[] = []): PostSpec[] {
  const posts: PostSpec[] = [
    { id, author: `cliente-${id}`, at: '2026-10-05T10:00:00Z', text: 'Me habéis cobrado dos veces la factura' },
    { id: `${id}-p`, author: 'Marca', at: '2026-10-05T10:30:00Z', replyTo: id, text: 'Te llamamos mañana antes de las 12:00 para solucionarlo.' },
  ];
  after.forEach((post, k) => {
    posts.push({ id: `${id}-${k + 1}`, author: post.author, at: post.at, replyTo: k === 0 ? `${id}-p` : `${id}-${k}`, text: post.text });
  });
  return posts;
}

const DONE = 'Hecho: ya tienes el abono en tu cuenta.';
const run = (posts: PostSpec[], hourGrace: number, asOf = '2026-10-30T00:00:00Z', maxFindings?: number) =>
  runRuleDirect(promisesKept, corpus(posts, { ownChannel: true }), {
    timezone: 'UTC',
    promiseHourGraceMinutes: hourGrace,
    asOf,
    ...(maxFindings === undefined ? {} : { maxFindings }),
  }).result;

describe('promises-kept: a stated hour and its grace in minutes', () => {
  it('with 60 min of grace, a follow-up at 12:50 keeps a "before 12:00" promise and one at 13:10 breaks it', () => {
    const result = run(
      [
        ...promised('a', [{ at: '2026-10-06T12:50:00Z', author: 'Marca', text: DONE }]),
        ...promised('b', [{ at: '2026-10-06T13:10:00Z', author: 'Marca', text: DONE }]),
      ],
      60,
    );
    expect(result.metrics).toMatchObject({ promises: 2, kept: 1, broken: 1, pending: 0, hourGraceMinutes: 60 });
    expect(result.findings.map((f) => [f.threadId, f.messageId, f.data.deadline])).toEqual([['b', 'broken', '2026-10-06 12:00']]);
  });

  it('with no grace, 12:50 is already late', () => {
    const result = run(promised('a', [{ at: '2026-10-06T12:50:00Z', author: 'Marca', text: DONE }]), 0);
    expect(result.metrics).toMatchObject({ kept: 0, broken: 1 });
  });
});

describe('promises-kept: a broken promise quotes what followed it', () => {
  it('the customer\'s "nobody called" and the brand\'s admission are evidence, in time order; the admission is quoted', () => {
    const result = run(
      promised('c', [
        { at: '2026-10-06T13:10:00Z', author: 'cliente-c', text: 'Son las 13:10 y nadie me ha llamado' },
        { at: '2026-10-06T14:00:00Z', author: 'Marca', text: 'Tienes razón: no cumplimos lo que te dijimos. Te llamamos ahora.' },
      ]),
      60,
    );
    expect(result.metrics).toMatchObject({ promises: 1, kept: 0, broken: 1 });
    const [broken] = result.findings;
    expect(broken!.messageId).toBe('admitted');
    expect(broken!.postIds).toEqual(['c-p', 'c-1', 'c-2']);
    expect(String(broken!.data.quote).toLowerCase()).toContain('no cumplimos');
  });

  it("without an admission, the customer's complaint is quoted", () => {
    const result = run(promised('d', [{ at: '2026-10-06T13:10:00Z', author: 'cliente-d', text: 'Son las 13:10 y nadie me ha llamado' }]), 60);
    const [broken] = result.findings;
    expect(broken!.messageId).toBe('brokenComplaint');
    expect(broken!.postIds).toEqual(['d-p', 'd-1']);
    expect(String(broken!.data.quote).toLowerCase()).toContain('nadie me ha llamado');
  });

  it('a customer saying so before the deadline is no evidence; nothing after → plain "broken"', () => {
    const result = run(promised('e', [{ at: '2026-10-06T11:00:00Z', author: 'cliente-e', text: 'A las 11 todavía nadie me ha llamado' }]), 60);
    const [broken] = result.findings;
    expect(broken!.messageId).toBe('broken');
    expect(broken!.postIds).toEqual(['e-p']);
  });
});

describe('promises-kept: not due yet', () => {
  it('before the deadline a promise is pending (info, after the broken ones), counted apart and never scored', () => {
    const posts = [...promised('f'), ...promised('g', [{ at: '2026-10-06T13:10:00Z', author: 'cliente-g', text: 'Son las 13:10 y nadie me ha llamado' }])];
    // g's follow-up is after asOf: it does not exist yet, so both are judged from asOf = 6 Oct 11:00.
    const result = run(posts, 60, '2026-10-06T11:00:00Z');
    expect(result.metrics).toMatchObject({ promises: 2, kept: 0, broken: 0, pending: 2 });
    expect(result.score).toBeNull();
    expect(result.findings.map((f) => [f.messageId, f.pending, f.rank])).toEqual([
      ['pending', true, 1],
      ['pending', true, 2],
    ]);
  });

  it('maxFindings keeps the broken first and caps the whole list', () => {
    const posts = [...promised('h'), ...promised('i'), ...promised('j', [{ at: '2026-10-06T13:10:00Z', author: 'Marca', text: DONE }])];
    const result = run(posts, 60, '2026-10-06T13:30:00Z', 1);
    // h and i are broken (due 12:00 + 60 min, nothing followed), j's follow-up came at 13:10: late too.
    expect(result.metrics).toMatchObject({ promises: 3, broken: 3 });
    expect(result.findings.map((f) => [f.threadId, f.rank])).toEqual([['h', 1]]);
  });
});
