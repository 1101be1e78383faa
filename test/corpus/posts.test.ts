import { describe, it, expect } from 'vitest';
import { canonicalInteger, IdColumn, Interner, PostTable } from '../../src/corpus/post-table.js';
import { isoTime } from '../../src/time/iso.js';

describe('canonicalInteger', () => {
  it.each([
    ['0', 0],
    ['7', 7],
    ['123456789', 123456789],
    ['1234567890', -1],
    ['0123', -1],
    ['1e3', -1],
    ['fb_1', -1],
    ['', -1],
    ['-5', -1],
    [' 5', -1],
  ])('%j → %d', (id, expected) => {
    expect(canonicalInteger(id)).toBe(expected);
  });
});

describe('IdColumn', () => {
  it('gives every id back exactly as written, numbers or not', () => {
    const column = new IdColumn();
    const ids = ['1', '007', '1234567890123456789', 'fb_1001', '0', '42', undefined];
    for (const id of ids) column.push(id);
    expect(ids.map((_, i) => column.get(i))).toEqual(ids);
    expect(column.numberAt(0)).toBe(1);
    expect(column.numberAt(1)).toBe(-1);
    expect(column.textAt(1)).toBe('007');
    expect(column.numberAt(6)).toBe(-2);
  });

  it('grows past its initial capacity', () => {
    const column = new IdColumn();
    for (let i = 0; i < 3000; i++) column.push(String(i));
    expect(column.length).toBe(3000);
    expect(column.get(2999)).toBe('2999');
  });
});

describe('Interner', () => {
  it('stores each string once and prints numeric authors back identically', () => {
    const interner = new Interner();
    const a = interner.intern('115712');
    const b = interner.intern('lucia');
    expect(interner.intern('115712')).toBe(a);
    expect(interner.intern('lucia')).toBe(b);
    expect(interner.intern('0115712')).not.toBe(a);
    expect(interner.values()).toEqual(['115712', 'lucia', '0115712']);
    expect(interner.size).toBe(3);
  });
});

describe('isoTime', () => {
  it('prints seconds, and milliseconds only when there are some', () => {
    expect(isoTime(Date.parse('2026-10-01T10:00:00Z'))).toBe('2026-10-01T10:00:00Z');
    expect(isoTime(Date.parse('2026-10-01T10:00:00.250Z'))).toBe('2026-10-01T10:00:00.250Z');
  });
});

describe('PostTable', () => {
  it('returns posts in the contract key order, optional keys omitted', () => {
    const table = new PostTable();
    table.add({ id: '1', platform: 'x', author: 'lucia', time: Date.parse('2026-10-01T10:00:00Z'), text: '¿Mi pedido?', line: 3 }, 'a.csv');
    table.add(
      {
        id: '2',
        platform: 'google',
        author: 'pepe',
        time: Date.parse('2026-10-01T11:00:00Z'),
        text: 'Fatal',
        inReplyTo: '1',
        threadId: 't',
        url: 'https://example.test/r/2',
        rating: 4.5,
        lang: 'es',
        role: 'customer',
        deleted: true,
        entry: 'inner/reviews.html',
      },
      'b.zip',
    );
    table.seal();
    expect(Object.keys(table.get(0))).toEqual(['id', 'platform', 'author', 'createdAt', 'text', 'source']);
    expect(table.get(0).source).toEqual({ file: 'a.csv', line: 3 });
    const full = table.get(1);
    expect(Object.keys(full)).toEqual([
      'id',
      'platform',
      'author',
      'createdAt',
      'text',
      'inReplyTo',
      'threadId',
      'url',
      'rating',
      'lang',
      'role',
      'deleted',
      'source',
    ]);
    expect(full.rating).toBe(4.5);
    expect(full.source).toEqual({ file: 'b.zip', entry: 'inner/reviews.html' });
    expect(table.get(1, 'brand').role).toBe('brand');
  });

  it('keeps texts intact across text batches', () => {
    const table = new PostTable();
    const big = 'x'.repeat(200_000);
    const texts = [big, 'ñandú ¿qué tal?', `${big}y`, '', '👍'];
    texts.forEach((text, i) => {
      table.add({ id: String(i), platform: 'x', author: 'a', time: 0, text }, 'f');
    });
    expect(texts.map((_, i) => table.text(i))).toEqual(texts);
    table.seal();
    expect(texts.map((_, i) => table.text(i))).toEqual(texts);
  });
});

describe('POST_FIELDS drives the JSON shape', () => {
  it('a post with every field comes back with its keys in POST_FIELDS order', async () => {
    const { POST_FIELDS } = await import('../../src/contract/post.js');
    const table = new PostTable();
    table.add(
      {
        id: 'p1',
        platform: 'x',
        author: 'ana',
        time: Date.parse('2026-10-01T10:00:00Z'),
        text: 't',
        inReplyTo: 'p0',
        threadId: 'th',
        url: 'https://example.com/p1',
        rating: 3,
        ratingValue: 6,
        ratingScale: 10,
        lang: 'es',
        role: 'customer',
        deleted: true,
        channel: 'Marca',
        visibility: 'public',
        timePrecision: 'minute',
        edited: false,
        line: 2,
      },
      'f.jsonl',
    );
    table.seal();
    expect(Object.keys(table.get(0))).toEqual(POST_FIELDS.map((f) => f.key));
  });
});
