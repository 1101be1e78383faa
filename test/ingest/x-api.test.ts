import { describe, expect, it } from 'vitest';
import { noteText } from '../../src/contract/warning.js';
import { detectAdapter } from '../../src/ingest/index.js';
import { checkGolden, fixture } from './golden.js';
import { ingest, sourceFrom } from './helpers.js';

const detect = async (name: string, text: string) => {
  const source = await sourceFrom(name, text);
  return detectAdapter({ name, head: source.head })?.adapter.id;
};

describe('x-api-v1 (v1.1 JSON Lines)', () => {
  it('reads the fixture into the expected posts, notes and warnings (golden)', async () => {
    await checkGolden('x-api-v1');
  });

  it('keeps 19-digit ids exact even when a line has only the numeric "id"', async () => {
    const { posts } = await ingest('tweets.jsonl', fixture('x-api-v1', 'tweets.jsonl'));
    const reply = posts.find((p) => p.source.line === 6)!;
    expect(reply.id).toBe('2110309637944246274');
    expect(reply.inReplyTo).toBe('2110294538449846283');
    // Through a JS number the id would have changed.
    expect(String(Number(reply.id))).not.toBe(reply.id);
  });

  it('prefers extended_tweet.full_text over the truncated text, and decodes entities', async () => {
    const { posts } = await ingest('tweets.jsonl', fixture('x-api-v1', 'tweets.jsonl'));
    expect(posts.find((p) => p.author === 'pablo_ms')!.text).toMatch(/pasa este año\.$/);
    expect(posts[0]!.text).toContain('& nadie');
  });

  it('reads a JSON array and a search response {"statuses": [...]} too', async () => {
    const tweet = { id_str: '2110274469753782275', created_at: 'Wed Oct 14 07:40:15 +0000 2026', full_text: 'hola', user: { screen_name: 'ana' } };
    expect((await ingest('a.json', JSON.stringify([tweet], null, 2))).posts.map((p) => p.id)).toEqual(['2110274469753782275']);
    const search = await ingest('s.json', JSON.stringify({ statuses: [tweet], search_metadata: { count: 1 } }, null, 2));
    expect(search.summary.format).toBe('x-api-v1');
    expect(search.posts).toHaveLength(1);
  });
});

describe('x-api-v2 (twarc2)', () => {
  it('reads the fixtures into the expected posts, notes and warnings (golden)', async () => {
    await checkGolden('x-api-v2');
  });

  it("takes handles from includes.users, the customer's tweet from includes.tweets, the parent from replied_to", async () => {
    const { posts } = await ingest('pages.jsonl', fixture('x-api-v2', 'pages.jsonl'));
    expect(posts.map((p) => [p.author, p.inReplyTo, p.threadId])).toEqual([
      ['AguaClaraAyuda', '2110687127988600832', '2110687127988600832'],
      ['irene_lg', undefined, '2110687127988600832'],
    ]);
    expect(posts[0]!.edited).toBe(true);
    // The earlier version of the edit, and the retweet, are not posts.
    expect(posts.map((p) => p.id)).not.toContain('2110692158469046280');
  });

  it('says when authors are known only by id', async () => {
    const line = JSON.stringify({
      data: [{ id: '2110687127988600832', text: 'x', author_id: '42', created_at: '2026-10-15T11:00:00.000Z', conversation_id: '2110687127988600832' }],
    });
    const { posts, summary } = await ingest('p.jsonl', `${line}\n`);
    expect(posts[0]!.author).toBe('42');
    expect(summary.notes.map(noteText).some((n) => /known only by user id/.test(n))).toBe(true);
  });
});

describe('JSON Lines detection: the project format and the X API formats do not take each other', () => {
  const own = JSON.stringify({
    id: '2110274469753782275',
    platform: 'x',
    author: 'nuria_vk',
    createdAt: '2026-10-14T07:40:15Z',
    text: 'hola',
    source: { file: 'tweets.jsonl', line: 1 },
  });

  it('ingest output stays jsonl, v1.1 and v2 lines stay theirs', async () => {
    expect(await detect('posts.jsonl', `${own}\n`)).toBe('jsonl');
    expect(await detect('tweets.jsonl', fixture('x-api-v1', 'tweets.jsonl').toString())).toBe('x-api-v1');
    expect(await detect('pages.jsonl', fixture('x-api-v2', 'pages.jsonl').toString())).toBe('x-api-v2');
    expect(await detect('flat.jsonl', fixture('x-api-v2', 'flattened.jsonl').toString())).toBe('x-api-v2');
    expect(await detect('one.json', fixture('x-api-v2', 'tweet-lookup.json').toString())).toBe('x-api-v2');
  });

  it('an X archive data file stripped to its array stays x-archive', async () => {
    const archive =
      '[ { "tweet" : { "id_str" : "2110282460608368640", "created_at" : "Wed Oct 14 08:12:00 +0000 2026", "full_text" : "hola", "entities" : { "user_mentions" : [ { "screen_name" : "nuria_vk" } ] } } } ]';
    expect(await detect('tweets.js', archive)).toBe('x-archive');
  });

  it("the project's own output of an X API file reads back with the same posts", async () => {
    const first = await ingest('tweets.jsonl', fixture('x-api-v1', 'tweets.jsonl'));
    const lines = first.posts.map((p) => JSON.stringify(p)).join('\n');
    const again = await ingest('ingested.jsonl', `${lines}\n`);
    expect(again.summary.format).toBe('jsonl');
    expect(again.posts.map((p) => [p.id, p.inReplyTo, p.createdAt])).toEqual(first.posts.map((p) => [p.id, p.inReplyTo, p.createdAt]));
  });
});
