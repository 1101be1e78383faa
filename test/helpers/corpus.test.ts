import { describe, it, expect } from 'vitest';
import type { Rule } from '../../src/rules/types.js';
import { audit, BASE_TIME, BRAND, corpus, DEFAULT_FILE, indexOf, ms, records, resolveTime, runRuleDirect } from './corpus.js';
import { FALSE_FRIENDS, oneReplyEach, threads } from './threads.js';

describe('test corpus builder', () => {
  it('resolves relative times against the previous post', () => {
    const base = ms('2026-10-01T10:00:00Z');
    expect(resolveTime('+30s', base)).toBe(base + 30_000);
    expect(resolveTime('+45m', base)).toBe(base + 45 * 60_000);
    expect(resolveTime('+3h', base)).toBe(base + 3 * 3_600_000);
    expect(resolveTime('+2d', base)).toBe(base + 2 * 86_400_000);
    expect(resolveTime('-5m', base)).toBe(base - 5 * 60_000);
    expect(resolveTime('+1.5h', base)).toBe(base + 90 * 60_000);
    expect(resolveTime('2026-10-02T00:00:00Z', base)).toBe(ms('2026-10-02T00:00:00Z'));
    expect(() => ms('mañana')).toThrow(/bad time/);
  });

  it('chains relative times through the list and defaults the first one to BASE_TIME', () => {
    const list = records([
      { id: 'a', author: 'x', at: '+0m' },
      { id: 'b', author: 'y', at: '+45m' },
      { id: 'c', author: 'z', at: '+3h' },
    ]);
    expect(list.map((r) => r.record.time)).toEqual([ms(BASE_TIME), ms(BASE_TIME) + 45 * 60_000, ms(BASE_TIME) + 225 * 60_000]);
  });

  it('fills the table, the input summaries and the own-channel set', () => {
    const c = corpus(
      [
        { id: 'c1', author: 'lucia', at: '2026-10-01T10:00:00Z', text: '¿Mi pedido?' },
        { id: 'b1', author: 'Marca', at: '+45m', replyTo: 'c1', text: 'Hola Lucía, lo miramos.', rating: undefined },
        { id: 'r1', author: 'pepe', at: '+1d', text: 'Fatal', rating: 2, file: 'reviews.html' },
      ],
      { ownChannel: [DEFAULT_FILE] },
    );
    expect(c.table.length).toBe(3);
    const b1 = indexOf(c, 'b1');
    expect(c.table.get(b1)).toMatchObject({
      id: 'b1',
      author: 'Marca',
      createdAt: '2026-10-01T10:45:00Z',
      inReplyTo: 'c1',
      source: { file: DEFAULT_FILE, line: 2 },
    });
    expect(c.table.rating(indexOf(c, 'r1'))).toBe(2);
    expect(c.inputs.map((i) => [i.path, i.posts])).toEqual([
      [DEFAULT_FILE, 2],
      ['reviews.html', 1],
    ]);
    expect(c.isSingleChannel(c.table.files.intern(DEFAULT_FILE))).toBe(true);
    expect(c.isSingleChannel(c.table.files.intern('reviews.html'))).toBe(false);
  });

  it('runs a whole audit with the fixed defaults', () => {
    const result = audit(corpus([{ id: 'c1', author: 'lucia', at: '2026-10-01T10:00:00Z', text: '¿Mi pedido?' }], { ownChannel: true }));
    expect(result.period.asOf).toBe('2026-11-01T00:00:00Z');
    expect(result.brand.handles).toEqual(['Marca']);
    expect(result.metrics.conversations).toBe(1);
  });

  it('records deletion tracking: on when a post is deleted, or when told', () => {
    expect(corpus([{ id: 'a', author: 'x', at: BASE_TIME }]).tracksDeletion).toBe(false);
    expect(corpus([{ id: 'a', author: 'x', at: BASE_TIME, deleted: false }]).tracksDeletion).toBe(false);
    expect(corpus([{ id: 'a', author: 'x', at: BASE_TIME, deleted: true }]).tracksDeletion).toBe(true);
    expect(corpus([{ id: 'a', author: 'x', at: BASE_TIME }], { tracksDeletion: true }).tracksDeletion).toBe(true);
    expect(corpus([{ id: 'a', author: 'x', at: BASE_TIME, deleted: true }], { tracksDeletion: false }).tracksDeletion).toBe(false);
  });

  it("runRuleDirect gives the rule the brand voice of the period and names an announcement's thread after itself", () => {
    const probe: Rule = {
      meta: {
        id: 'probe',
        category: 'professionalism',
        severity: 'info',
        title: { en: 'p', es: 'p' },
        description: { en: 'p', es: 'p' },
        formula: { en: 'p', es: 'p' },
        messages: { m: { en: '{n}', es: '{n}' } },
      },
      run({ voice, posts, finding }) {
        const findings = voice.posts.map((post, k) =>
          finding({ messageId: 'm', data: { n: k }, conversation: posts.conversationOf(post), posts: [post], rank: k + 1 }),
        );
        return { score: null, cases: null, metrics: {}, findings, findingCount: findings.length };
      },
    };
    const c = corpus(
      [
        { id: 'old', author: BRAND, at: '2026-09-01T10:00:00Z', text: 'Antes del periodo' },
        { id: 'c1', author: 'lucia', at: '2026-10-01T10:00:00Z', text: '¿Mi pedido?' },
        { id: 'b1', author: BRAND, at: '+30m', replyTo: 'c1', text: 'Sale hoy' },
        { id: 'ann', author: BRAND, at: '+1d', text: 'Nueva tienda' },
        { id: 'late', author: BRAND, at: '2026-12-01T10:00:00Z', text: 'Después de asOf' },
      ],
      { ownChannel: true },
    );
    const { result, voice } = runRuleDirect(probe, c, { since: '2026-10-01T00:00:00Z' });
    expect(voice.posts.map((p) => c.table.id(p))).toEqual(['b1', 'ann']);
    expect(result.findings.map((f) => [f.threadId, f.postIds])).toEqual([
      ['c1', ['b1']],
      ['ann', ['ann']],
    ]);
  });

  it('threads: one conversation per row, a day apart, turns 30 min apart replying to the previous one', () => {
    const list = records(
      threads([
        { id: 't1', text: 'Hola', replies: ['Hola, dime', { text: 'Mi pedido', customer: true }, { text: 'Sale hoy', deleted: true, lang: 'es' }] },
        { id: 't2', author: 'pepe', lang: 'en', replies: [{ text: 'Later', at: '+2h' }] },
      ]),
    ).map(({ record }) => [record.id, record.author, new Date(record.time).toISOString(), record.inReplyTo, record.deleted, record.lang]);
    expect(list).toEqual([
      ['t1', 'cliente1', '2026-10-01T10:00:00.000Z', undefined, undefined, undefined],
      ['t1-r1', BRAND, '2026-10-01T10:30:00.000Z', 't1', undefined, undefined],
      ['t1-c1', 'cliente1', '2026-10-01T11:00:00.000Z', 't1-r1', undefined, undefined],
      ['t1-r2', BRAND, '2026-10-01T11:30:00.000Z', 't1-c1', true, 'es'],
      ['t2', 'pepe', '2026-10-02T10:00:00.000Z', undefined, undefined, 'en'],
      ['t2-r1', BRAND, '2026-10-02T12:00:00.000Z', 't2', undefined, undefined],
    ]);
    expect(oneReplyEach(['a', 'b'], { prefix: 'q', customer: '?' }).map((p) => [p.id, p.text])).toEqual([
      ['q1', '?'],
      ['q1-r1', 'a'],
      ['q2', '?'],
      ['q2-r1', 'b'],
    ]);
    expect(FALSE_FRIENDS).toHaveLength(7);
  });
});
