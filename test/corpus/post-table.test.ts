import { describe, it, expect } from 'vitest';
import { canonicalInteger, IdColumn, Interner, PostTable } from '../../src/corpus/post-table.js';
import type { PostRecord, Role } from '../../src/contract/post.js';
import { isoTime } from '../../src/time/iso.js';
import { prng } from '../ingest/helpers.js';

const WORDS = ['hola', '¿me ayudáis?', 'línea', 'factura', 'ñandú', '😀', '👍🏽', 'atención', '“urgente”', 'reembolso', '€', '中文', '\n', 'señor', 'Núñez'];

function makeRecord(i: number, random: () => number): PostRecord {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // Mostly short texts, some empty, some long enough to cross the 256 Ki-character text batches quickly.
  const size = i % 97 === 0 ? 0 : i % 101 === 0 ? 20_000 + Math.floor(random() * 40_000) : 1 + Math.floor(random() * 30);
  const words: string[] = [];
  let length = 0;
  while (length < size) {
    const word = pick(WORDS);
    words.push(word);
    length += word.length + 1;
  }
  const roles: (Role | undefined)[] = ['brand', 'customer', undefined];
  return {
    id: i % 5 === 0 ? String(1846128913281982466n + BigInt(i)) : i % 5 === 1 ? `fb_${i}` : i % 5 === 2 ? String(i) : i % 5 === 3 ? `00${i}` : `${i}.5`,
    platform: pick(['x', 'facebook', 'google', 'csv']),
    author: i % 3 === 0 ? String(100000 + (i % 50)) : pick(['TeleNovaAyuda', 'lucia_pz', 'Café Luna', '0123']),
    time: Date.UTC(2024, 0, 1) + i * 61_001,
    text: `${i}: ${words.join(' ')}`.slice(0, size === 0 ? 0 : undefined),
    inReplyTo: i % 4 === 0 ? undefined : String(i - 1),
    threadId: i % 7 === 0 ? `t${i}` : undefined,
    url: i % 11 === 0 ? `https://example.com/${i}` : undefined,
    rating: i % 6 === 0 ? 1 + (i % 9) / 2 : undefined,
    lang: i % 2 === 0 ? 'es' : undefined,
    role: roles[i % 3],
    deleted: i % 13 === 0,
    line: i + 2,
    entry: i % 17 === 0 ? `data/tweets-part${i}.js` : undefined,
  };
}

function expectPost(table: PostTable, i: number, record: PostRecord, file: string): void {
  const where = `post ${i}`;
  expect(table.id(i), where).toBe(record.id);
  expect(table.text(i), where).toBe(record.text);
  expect(table.author(i), where).toBe(record.author);
  expect(table.platform(i), where).toBe(record.platform);
  expect(table.times[i], where).toBe(record.time);
  expect(table.rating(i), where).toBe(record.rating ?? 0);
  expect(table.declaredRole(i), where).toBe(record.role);
  expect(table.inReplyTo.get(i), where).toBe(record.inReplyTo);
  expect(table.deletedFlags[i] === 1, where).toBe(record.deleted === true);
  const source: Record<string, unknown> = { file, line: record.line };
  if (record.entry) source.entry = record.entry;
  expect(table.source(i), where).toEqual(source);
  const post = table.get(i);
  expect(post.threadId, where).toBe(record.threadId);
  expect(post.url, where).toBe(record.url);
  expect(post.lang, where).toBe(record.lang);
}

describe('PostTable', () => {
  it('keeps every field of 6,000 posts through many growth steps and text batches', () => {
    const random = prng(42);
    const table = new PostTable();
    const records: PostRecord[] = [];
    let chars = 0;
    for (let i = 0; i < 6000; i++) {
      const record = makeRecord(i, random);
      records.push(record);
      chars += record.text.length;
      const file = i < 3000 ? 'primero.csv' : 'segundo.csv';
      expect(table.add(record, file)).toBe(i);
      // Reading while adding flushes partial text batches: later texts must still come out right.
      if (i % 777 === 0) expect(table.text(i)).toBe(record.text);
    }
    expect(table.length).toBe(6000);
    expect(chars).toBeGreaterThan(4 * (1 << 18)); // several text batches
    expect(table.times.length).toBeGreaterThanOrEqual(6000);

    const sample = [0, 1, 2, 3, 4, 5, 96, 97, 101, 1023, 1024, 1025, 2047, 2048, 2999, 3000, 4095, 4096, 5998, 5999];
    for (let i = 0; i < 6000; i += 37) sample.push(i);
    for (const i of sample) expectPost(table, i, records[i]!, i < 3000 ? 'primero.csv' : 'segundo.csv');

    table.seal();
    expect(table.times.length).toBe(6000);
    for (let i = 0; i < 6000; i++) {
      if (table.text(i) !== records[i]!.text || table.id(i) !== records[i]!.id) expectPost(table, i, records[i]!, i < 3000 ? 'primero.csv' : 'segundo.csv');
    }
    for (const i of sample) expectPost(table, i, records[i]!, i < 3000 ? 'primero.csv' : 'segundo.csv');
  });

  it('returns posts in the contract shape and key order, with ISO UTC times', () => {
    const table = new PostTable();
    table.add({ id: '1', platform: 'x', author: 'lucia_pz', time: Date.parse('2024-10-15T08:40:00Z'), text: 'hola', line: 2 }, 'a.csv');
    table.add(
      {
        id: '2',
        platform: 'x',
        author: 'TeleNovaAyuda',
        time: Date.parse('2024-10-15T08:41:30.250Z'),
        text: 'buenas',
        inReplyTo: '1',
        threadId: 't1',
        url: 'https://x.com/2',
        rating: 4.5,
        lang: 'es',
        role: 'brand',
        deleted: true,
        line: 3,
      },
      'a.csv',
    );
    expect(JSON.stringify(table.get(0))).toBe(
      '{"id":"1","platform":"x","author":"lucia_pz","createdAt":"2024-10-15T08:40:00Z","text":"hola","source":{"file":"a.csv","line":2}}',
    );
    expect(JSON.stringify(table.get(1))).toBe(
      '{"id":"2","platform":"x","author":"TeleNovaAyuda","createdAt":"2024-10-15T08:41:30.250Z","text":"buenas","inReplyTo":"1","threadId":"t1","url":"https://x.com/2","rating":4.5,"lang":"es","role":"brand","deleted":true,"source":{"file":"a.csv","line":3}}',
    );
    // A resolved role overrides the declared one.
    expect(table.get(1, 'customer').role).toBe('customer');
    expect(table.get(0, 'brand').role).toBe('brand');
  });

  it('treats an empty inReplyTo as absent', () => {
    const table = new PostTable();
    table.add({ id: '1', platform: 'x', author: 'a', time: 0, text: '', inReplyTo: '' }, 'f');
    expect(table.get(0).inReplyTo).toBeUndefined();
    expect(table.text(0)).toBe('');
  });
});

describe('IdColumn', () => {
  it('gives back every id exactly as written', () => {
    const ids = ['007', 'fb_1', '1846128913281982466', '123', '0', '-5', '1e3', '999999999', '1000000000', '12345678901234567890123', ' 12', '٣', ''];
    const column = new IdColumn();
    for (const id of ids) column.push(id);
    column.push(undefined);
    expect(ids.map((_, i) => column.get(i))).toEqual(ids);
    expect(column.get(ids.length)).toBeUndefined();
    expect(column.length).toBe(ids.length + 1);
    // Only canonical small integers go through a number.
    expect(column.numberAt(3)).toBe(123);
    expect(column.numberAt(0)).toBe(-1);
    expect(column.numberAt(2)).toBe(-1);
    expect(column.numberAt(ids.length)).toBe(-2);
    expect(column.textAt(0)).toBe('007');
  });

  it('keeps ids through growth past its initial capacity', () => {
    const column = new IdColumn();
    const ids = Array.from({ length: 5000 }, (_, i) => (i % 2 ? String(i) : `0${i}`));
    for (const id of ids) column.push(id);
    expect(ids.every((id, i) => column.get(i) === id)).toBe(true);
  });

  it('canonicalInteger accepts only ids that print back identically', () => {
    expect(canonicalInteger('123')).toBe(123);
    expect(canonicalInteger('0')).toBe(0);
    expect(canonicalInteger('999999999')).toBe(999999999);
    for (const id of ['', '0123', '1e3', '12.0', '+1', '-1', 'fb_1', '1000000000', '1846128913281982466']) expect(canonicalInteger(id), id).toBe(-1);
  });
});

describe('Interner', () => {
  it('round-trips numeric and text values and gives one index per distinct value', () => {
    const interner = new Interner();
    const values = ['115712', 'AppleSupport', '0123', '123', '0', 'Café Luna', '1846128913281982466', ''];
    const indexes = values.map((v) => interner.intern(v));
    expect(indexes).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(values.map((v) => interner.intern(v))).toEqual(indexes);
    expect(indexes.map((i) => interner.value(i))).toEqual(values);
    expect(interner.values()).toEqual(values);
    expect(interner.size).toBe(values.length);
    // "0123" and "123" are different authors.
    expect(interner.intern('0123')).not.toBe(interner.intern('123'));
  });
});

describe('isoTime', () => {
  it('prints seconds, and milliseconds only when there are some', () => {
    expect(isoTime(Date.parse('2024-10-15T08:40:00Z'))).toBe('2024-10-15T08:40:00Z');
    expect(isoTime(Date.parse('2024-10-15T08:40:00.250Z'))).toBe('2024-10-15T08:40:00.250Z');
  });
});
