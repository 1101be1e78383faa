import { describe, it, expect } from 'vitest';
import { audit, BASE_TIME, corpus, DEFAULT_FILE, indexOf, ms, records, resolveTime } from './corpus.js';

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
    expect(c.table.get(b1)).toMatchObject({ id: 'b1', author: 'Marca', createdAt: '2026-10-01T10:45:00Z', inReplyTo: 'c1', source: { file: DEFAULT_FILE, line: 2 } });
    expect(c.table.rating(indexOf(c, 'r1'))).toBe(2);
    expect(c.inputs.map((i) => [i.path, i.posts])).toEqual([
      [DEFAULT_FILE, 2],
      ['reviews.html', 1],
    ]);
    expect(c.ownChannelFiles.has(c.table.files.intern(DEFAULT_FILE))).toBe(true);
    expect(c.ownChannelFiles.has(c.table.files.intern('reviews.html'))).toBe(false);
  });

  it('runs a whole audit with the fixed defaults', () => {
    const result = audit(corpus([{ id: 'c1', author: 'lucia', at: '2026-10-01T10:00:00Z', text: '¿Mi pedido?' }], { ownChannel: true }));
    expect(result.period.asOf).toBe('2026-11-01T00:00:00Z');
    expect(result.brand.handles).toEqual(['Marca']);
    expect(result.metrics.conversations).toBe(1);
  });
});
