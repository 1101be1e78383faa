import { describe, it, expect } from 'vitest';
import type { Post } from '../../src/contract/post.js';
import { ingest } from './helpers.js';

const CONTRACT_KEYS = ['id', 'platform', 'author', 'createdAt', 'text', 'inReplyTo', 'threadId', 'url', 'rating', 'lang', 'role', 'deleted', 'source'];

const line = (post: Record<string, unknown>): string => JSON.stringify(post);

function withoutSource(post: Post): Omit<Post, 'source'> {
  const { source: _source, ...rest } = post;
  return rest;
}

describe('JSON Lines adapter (ingest output read back)', () => {
  it('round-trips every contract key of posts ingested from a CSV, in contract order', async () => {
    const csv = [
      'id,author,created_at,text,in_reply_to,thread_id,platform,url,rating,lang,role,deleted',
      '1846128913281982466,lucia_pz,2024-10-15T10:40:00+02:00,"¿Me ayudáis?\nNo tengo línea 😡",,t1,x,https://x.com/lucia_pz/status/1846128913281982466,,es,customer,',
      '1846128913281982467,TeleNovaAyuda,2024-10-15T10:41:30.250+02:00,"Hola Lucía, te escribimos por MD ""ya""",1846128913281982466,t1,x,,,es,brand,true',
      '007,marta_rg,2024-10-16T09:00:00Z,Reseña: 4 estrellas,,t2,google,,4.5,,customer,',
    ].join('\n');
    const original = await ingest('export.csv', csv);
    expect(original.posts).toHaveLength(3);
    const jsonl = original.posts.map((p) => `${JSON.stringify(p)}\n`).join('');

    const back = await ingest('posts.jsonl', jsonl);
    expect(back.summary.format).toBe('jsonl');
    expect(back.warnings).toEqual([]);
    expect(back.posts.map(withoutSource)).toEqual(original.posts.map(withoutSource));
    // Key order of the contract, absent keys omitted.
    for (const post of back.posts) {
      const keys = Object.keys(post);
      expect(keys).toEqual(CONTRACT_KEYS.filter((k) => keys.includes(k)));
    }
    expect(back.posts[1]!.createdAt).toBe('2024-10-15T08:41:30.250Z');
    // Evidence still points at the export the post came from, in the spec §7 source shape.
    expect(back.posts.map((p) => p.source)).toEqual([
      { file: 'export.csv', line: 2 },
      { file: 'export.csv', line: 4 },
      { file: 'export.csv', line: 5 },
    ]);
  });

  it('keeps an archive entry of the original source', async () => {
    const { posts } = await ingest(
      'p.jsonl',
      `${line({ id: '1', platform: 'x', author: 'ana', createdAt: '2024-01-01T10:00:00Z', text: 'hola', source: { file: 'archivo.zip', entry: 'data/tweets.js' } })}\n`,
    );
    expect(posts[0]!.source).toEqual({ file: 'archivo.zip', entry: 'data/tweets.js' });
  });

  it('reads a numeric id but warns that long ids lose digits that way', async () => {
    const text = `{"id":123,"platform":"x","author":"ana","createdAt":"2024-01-01T10:00:00Z","text":"hola"}\n`;
    const { posts, warnings } = await ingest('num.jsonl', text, { adapterId: 'jsonl' });
    expect(posts.map((p) => p.id)).toEqual(['123']);
    expect(warnings.map((w) => [w.line, w.code])).toEqual([[1, 'numeric-id']]);
  });

  it('skips a bad JSON line with its line number and keeps the rest; blank lines are counted but ignored', async () => {
    const text = [
      line({ id: 'a', platform: 'x', author: 'ana', createdAt: '2024-01-01T10:00:00Z', text: 'uno' }),
      '{"id":"b","author":"luis",', // 2: truncated
      '',
      '[1,2,3]', // 4: not an object
      line({ id: 'c', platform: 'x', author: 'eva', createdAt: '2024-01-01T10:02:00Z', text: 'tres' }),
    ].join('\n');
    const { posts, warnings } = await ingest('bad.jsonl', text, { adapterId: 'jsonl' });
    expect(posts.map((p) => [p.id, p.source.line])).toEqual([
      ['a', 1],
      ['c', 5],
    ]);
    expect(warnings.map((w) => [w.line, w.code])).toEqual([
      [2, 'bad-json'],
      [4, 'bad-json'],
    ]);
  });

  it('skips a line whose createdAt has no offset, and one missing a required key', async () => {
    const text = [
      line({ id: 'a', platform: 'x', author: 'ana', createdAt: '2024-01-01T10:00:00', text: 'sin zona' }),
      line({ id: 'b', platform: 'x', createdAt: '2024-01-01T10:00:00Z', text: 'sin autor' }),
      line({ id: 'c', platform: 'x', author: 'eva', createdAt: '2024-01-01T10:00:00+01:00', text: 'bien' }),
    ].join('\n');
    const { posts, warnings } = await ingest('tz.jsonl', text, { adapterId: 'jsonl' });
    expect(posts.map((p) => [p.id, p.createdAt])).toEqual([['c', '2024-01-01T09:00:00Z']]);
    expect(warnings.map((w) => [w.line, w.code])).toEqual([
      [1, 'bad-date'],
      [2, 'missing-field'],
    ]);
  });

  it('keeps a 19-digit string id exactly and ignores invalid optional values (a mistyped one with a warning)', async () => {
    const text = `${line({ id: '1299998475416563727', platform: 'x', author: 'TeleNovaAyuda', createdAt: '2024-01-01T10:00:00Z', text: 'hola', rating: 9, role: 'jefe', deleted: 'yes' })}\r\n`;
    const { posts, warnings } = await ingest('ids.jsonl', text, { adapterId: 'jsonl' });
    expect(warnings.map((w) => [w.code, w.message])).toEqual([['bad-field-type', '"deleted" should be a boolean; that value was ignored']]);
    expect(posts[0]).toEqual({
      id: '1299998475416563727',
      platform: 'x',
      author: 'TeleNovaAyuda',
      createdAt: '2024-01-01T10:00:00Z',
      text: 'hola',
      source: { file: 'ids.jsonl', line: 1 },
    });
  });

  it('reads the same posts whatever the chunking, a last line without newline included', async () => {
    const text = Array.from({ length: 30 }, (_, i) =>
      line({ id: `p${i}`, platform: 'x', author: `cliente_${i % 4}`, createdAt: `2024-01-01T10:${String(i).padStart(2, '0')}:00Z`, text: `¿Hola ${i}? 😀 ñ` }),
    ).join('\n');
    const whole = await ingest('c.jsonl', text);
    expect(whole.posts).toHaveLength(30);
    for (const chunkSize of [1, 3, 100]) {
      expect((await ingest('c.jsonl', text, { chunkSize })).posts).toEqual(whole.posts);
    }
  });
});

describe("jsonl: the wider inputs' fields", () => {
  it("reads channel, visibility, timePrecision and edited and writes them back in the contract's key order", async () => {
    const line = JSON.stringify({
      id: 'r1',
      platform: 'google',
      author: 'Ana',
      createdAt: '2026-10-01T10:00:00Z',
      text: 'Bien',
      rating: 4,
      channel: 'Hotel Sol',
      visibility: 'public',
      timePrecision: 'day',
      edited: true,
      source: { file: 'page.html' },
    });
    const run = await ingest('posts.jsonl', `${line}\n`);
    expect(run.posts[0]).toEqual({
      id: 'r1',
      platform: 'google',
      author: 'Ana',
      createdAt: '2026-10-01T10:00:00Z',
      text: 'Bien',
      rating: 4,
      channel: 'Hotel Sol',
      visibility: 'public',
      timePrecision: 'day',
      edited: true,
      source: { file: 'page.html' },
    });
    expect(Object.keys(run.posts[0]!)).toEqual([
      'id',
      'platform',
      'author',
      'createdAt',
      'text',
      'rating',
      'channel',
      'visibility',
      'timePrecision',
      'edited',
      'source',
    ]);
  });

  it("drops values outside the contract's enumerations", async () => {
    const line = JSON.stringify({ id: 'r1', author: 'Ana', createdAt: '2026-10-01T10:00:00Z', visibility: 'friends-only', timePrecision: 'fortnight' });
    const run = await ingest('posts.jsonl', `${line}\n`);
    expect(run.posts[0]).not.toHaveProperty('visibility');
    expect(run.posts[0]).not.toHaveProperty('timePrecision');
  });
});

describe('jsonl: the contract field list checks the types', () => {
  it('a value of the wrong type is named with its line and ignored; the post is kept', async () => {
    const text = [
      line({ id: '1', author: 'ana', createdAt: '2026-03-02T10:00:00Z', text: 'hola', rating: '5', deleted: 'no' }),
      line({ id: '2', author: 'ana', createdAt: '2026-03-02T11:00:00Z', text: 'otra', lang: 'es' }),
    ].join('\n');
    const { posts, warnings } = await ingest('posts.jsonl', text);
    expect(posts.map((p) => [p.id, p.rating, p.deleted])).toEqual([
      ['1', undefined, undefined],
      ['2', undefined, undefined],
    ]);
    expect(warnings).toEqual([
      expect.objectContaining({
        line: 1,
        code: 'bad-field-type',
        message: '"rating" should be a number, "deleted" should be a boolean; those values were ignored',
      }),
    ]);
  });
});

describe('jsonl: a score on another scale', () => {
  it('keeps ratingValue and ratingScale beside the stars, and drops a pair that does not fit', async () => {
    const line = (extra: string) =>
      `{"id":"b1","platform":"booking","author":"Ana","createdAt":"2026-10-01T10:00:00Z","text":"Bien","rating":4.3,${extra}"role":"customer"}`;
    const kept = await ingest('posts.jsonl', `${line('"ratingValue":8.6,"ratingScale":10,')}\n`);
    expect(kept.posts[0]).toMatchObject({ rating: 4.3, ratingValue: 8.6, ratingScale: 10 });
    const dropped = await ingest('posts.jsonl', `${line('"ratingValue":12,"ratingScale":10,')}\n`);
    expect(dropped.posts[0]!.ratingScale).toBeUndefined();
  });
});
