import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNNAMED_ACCOUNT, accountNameOf } from '../../src/ingest/adapters/reddit-csv.js';
import { epochSecondsToMs, fullname, removalOf } from '../../src/ingest/adapters/reddit-common.js';
import { adapterById, Corpus, detectAdapter, ingestSource } from '../../src/ingest/index.js';
import { expandInputs, openText } from '../../src/io/read-inputs.js';
import { noteText } from '../../src/contract/warning.js';
import type { Post } from '../../src/contract/post.js';
import { model } from '../helpers/corpus.js';
import { checkGolden, FIXTURES, fixture } from './golden.js';
import { DEFAULT_OPTIONS, ingest, sourceFrom } from './helpers.js';

const detected = async (name: string, text: string) => detectAdapter({ name, head: (await sourceFrom(name, text)).head });

const comment = (id: string, parent: string, body: string, replies: unknown = '', extra: Record<string, unknown> = {}) => ({
  kind: 't1',
  data: {
    id,
    name: `t1_${id}`,
    parent_id: parent,
    link_id: 't3_abc1',
    author: `user_${id}`,
    body,
    created_utc: 1791878400.0,
    subreddit: 'spain',
    replies,
    ...extra,
  },
});
const listing = (children: unknown[]) => ({ kind: 'Listing', data: { after: null, children } });
const page = (comments: unknown[]) =>
  JSON.stringify(
    [
      listing([
        { kind: 't3', data: { id: 'abc1', name: 't3_abc1', title: 'Sin luz', selftext: '', author: 'ana', created_utc: 1791878000.0, subreddit: 'spain' } },
      ]),
      listing(comments),
    ],
    null,
    1,
  );

describe('reddit-json on the golden fixtures (comment page, bare Listing, Pushshift-style JSON Lines)', () => {
  it('matches expected.json', async () => {
    await checkGolden('reddit-json');
  });
});

describe('reddit detection', () => {
  it('claims the comment page, a bare Listing (pretty or minified) and comment JSON Lines', async () => {
    expect((await detected('t.json', page([])))?.adapter.id).toBe('reddit-json');
    expect((await detected('thread.json', '[ { "kind": "Listing", "data": { "children": [] } } ]'))?.adapter.id).toBe('reddit-json');
    expect((await detected('u.json', JSON.stringify(listing([comment('x1', 't3_abc1', 'hola')]))))?.adapter.id).toBe('reddit-json');
    const line = JSON.stringify({
      id: 'x1',
      parent_id: 't3_abc1',
      link_id: 't3_abc1',
      author: 'ana',
      body: 'hola',
      created_utc: 1791878400,
      subreddit: 'spain',
    });
    expect((await detected('RC_2026-10.jsonl', `${line}\n${line}\n`))?.adapter.id).toBe('reddit-json');
  });

  it('claims comments.csv, and names statistics.csv and the other data-request CSVs as passed over', async () => {
    expect((await detected('comments.csv', fixture('reddit-csv', 'comments.csv').toString()))?.adapter.id).toBe('reddit-csv');
    const stats = await detected('statistics.csv', fixture('reddit-csv', 'statistics.csv').toString());
    expect(stats?.adapter.id).toBe('reddit-csv');
    expect(stats?.detection.unsupported).toMatch(/statistics\.csv: the account name/);
    const posts = await detected('posts.csv', 'id,permalink,date,ip,subreddit,gildings,title,url,body\n');
    expect(posts?.detection.unsupported).toMatch(/Reddit data-request file \(posts\.csv\)/);
  });

  it('leaves other JSON and CSV to their readers', async () => {
    expect((await detected('p.json', '{"data": [{"created_time": "2026-10-14T10:00:00+0000", "message": "hola"}], "paging": {}}'))?.adapter.id).toBe(
      'meta-graph',
    );
    expect((await detected('a.csv', 'id,author,created_at,text\n1,ana,2026-01-01T10:00:00Z,hola\n'))?.adapter.id).toBe('generic-csv');
    expect((await detected('posts.jsonl', '{"id":"1","author":"ana","createdAt":"2026-01-01T10:00:00Z"}\n'))?.adapter.id).toBe('jsonl');
  });
});

describe('reddit-json threads', () => {
  it('keeps ids as fullnames, links replies by parent_id and groups them by link_id', async () => {
    const { posts } = await ingest('t.json', page([comment('c1', 't3_abc1', 'uno', listing([comment('c2', 't1_c1', 'dos')]))]));
    expect(posts.map((p) => [p.id, p.inReplyTo, p.threadId])).toEqual([
      ['t3_abc1', undefined, 't3_abc1'],
      ['t1_c1', 't3_abc1', 't3_abc1'],
      ['t1_c2', 't1_c1', 't3_abc1'],
    ]);
    expect(posts[1]!.channel).toBe('r/spain');
  });

  it('walks a thread 100 replies deep without recursion, and refuses one nested past the bound', async () => {
    let replies: unknown = '';
    for (let d = 100; d >= 1; d--) replies = listing([comment(`d${d}`, d === 1 ? 't3_abc1' : `t1_d${d - 1}`, `nivel ${d}`, replies)]);
    const deep = await ingest('deep.json', page((replies as { data: { children: unknown[] } }).data.children));
    expect(deep.posts).toHaveLength(101);
    expect(deep.posts.at(-1)!.inReplyTo).toBe('t1_d99');
    let hostile = '""';
    for (let d = 0; d < 200; d++) hostile = `{"kind":"t1","data":{"id":"h${d}","replies":{"kind":"Listing","data":{"children":[${hostile}]}}}}`;
    await expect(ingest('hostile.json', `[\n${hostile}\n]`, { adapterId: 'reddit-json' })).rejects.toThrow(/refused: nested deeper than 600 levels/);
  });

  it('counts "load more" and "continue this thread" stubs in notes', async () => {
    const { keyedNotes } = await ingest(
      't.json',
      page([
        comment('c1', 't3_abc1', 'uno', listing([{ kind: 'more', data: { count: 0, id: '_', name: 't1__', parent_id: 't1_c1', children: [] } }])),
        { kind: 'more', data: { count: 12, id: 'm1', parent_id: 't3_abc1', children: ['m1', 'm2', 'm3'] } },
      ]),
    );
    const byId = Object.fromEntries(keyedNotes.flatMap((n) => (typeof n === 'string' ? [] : [[n.id, n.data]])));
    expect(byId['reddit.more-stubs']).toEqual({ n: 1, comments: 12 });
    expect(byId['reddit.continue-thread']).toEqual({ n: 1 });
  });

  it('refuses a JSON document that is not a Reddit thread, naming the file', async () => {
    await expect(ingest('x.json', '{\n"hello": "world"\n}', { adapterId: 'reddit-json' })).rejects.toThrow(/^x\.json: not a Reddit thread/);
  });
});

describe('reddit helpers', () => {
  it('reads created_utc as float seconds and refuses other units', () => {
    expect(epochSecondsToMs(1728990000.0)).toBe(1728990000000);
    expect(epochSecondsToMs(1728990000.25)).toBe(1728990000250);
    expect(epochSecondsToMs('1728990000')).toBe(1728990000000);
    expect(epochSecondsToMs(1728990000000)).toBeUndefined();
    expect(epochSecondsToMs('ayer')).toBeUndefined();
  });

  it('makes fullnames and tells deleted from removed', () => {
    expect(fullname('t1', 'LR1aaa1')).toBe('t1_lr1aaa1');
    expect(fullname('t1', 't3_abc')).toBe('t3_abc');
    expect(fullname('t1', '12 34')).toBeUndefined();
    expect(removalOf('[deleted]')).toBe('deleted');
    expect(removalOf(' [removed] ')).toBe('removed');
    expect(removalOf('[ Removed by Reddit ]')).toBe('removed');
    expect(removalOf('[removed] por spam')).toBeUndefined();
  });

  it('finds the account name in statistics.csv', () => {
    expect(accountNameOf(fixture('reddit-csv', 'statistics.csv').toString())).toBe('TeleNova_Oficial');
    expect(accountNameOf('statistic,value\nexport time,2026-11-03 10:00:00 UTC\n')).toBeUndefined();
  });
});

async function folderRun(): Promise<{ posts: Post[]; notes: string[]; channel: string | undefined; warnings: string[] }> {
  const files = await expandInputs([path.join(FIXTURES, 'reddit-csv')], async function* () {});
  const csv = files.find((f) => f.name.endsWith('comments.csv'))!;
  expect(csv.siblings).toContain('statistics.csv');
  const corpus = new Corpus();
  const summary = await ingestSource(corpus, await openText(csv), adapterById('reddit-csv')!, DEFAULT_OPTIONS);
  const posts: Post[] = [];
  for (let i = 0; i < corpus.table.length; i++) posts.push(corpus.table.get(i));
  return { posts, notes: summary.notes.map(noteText), channel: summary.channel, warnings: corpus.warnings.list().map((w) => `${w.line ?? '-'} ${w.code}`) };
}

describe('reddit-csv (data request comments.csv, statistics.csv beside it)', () => {
  it("authors the comments by the account statistics.csv names and says that only the account's side is there", async () => {
    const { posts, notes, channel } = await folderRun();
    expect(channel).toBe('TeleNova_Oficial');
    expect(posts.map((p) => p.id)).toEqual(['t1_nq2k8p1', 't1_nq3a0b1', 't1_nq3a0b2', 't1_nq3e222']);
    expect(posts.every((p) => p.author === 'TeleNova_Oficial' && p.role === 'brand' && p.platform === 'reddit')).toBe(true);
    expect(notes[0]).toBe('the account u/TeleNova_Oficial is named by statistics.csv beside comments.csv: its comments are authored by it');
    expect(notes[1]).toMatch(/^a Reddit data request holds only the account's own comments: .* their times are unknown/);
  });

  it('reads the UTC dates, decodes entities, keeps multi-line bodies and links parents as fullnames', async () => {
    const [first, second, third, loose] = (await folderRun()).posts;
    expect(first!.createdAt).toBe('2026-10-14T17:05:12Z');
    expect(first!.text).toContain('resuelta & el servicio');
    expect(first!.inReplyTo).toBe('t1_nq2h3m9');
    expect(first!.threadId).toBe('t3_1q7vfzk');
    expect(first!.channel).toBe('r/valencia');
    expect(second!.text).toBe(
      'Hola, somos el equipo de TeleNova.\n\n> me han cobrado dos veces octubre\n\nLo revisamos hoy mismo: escríbenos por privado con tu DNI, "sin" datos en público.',
    );
    // A bare parent id that is not the link's post is a comment.
    expect(third!.inReplyTo).toBe('t1_nq39zz8');
    expect(loose!.inReplyTo).toBeUndefined();
    expect(JSON.stringify(await folderRun())).not.toMatch(/"ip"/);
  });

  it('skips bad rows with a warning naming the line, and counts comments with no thread', async () => {
    const { warnings } = await folderRun();
    // Physical lines: the second comment's body spans five.
    expect(warnings).toEqual(['9 bad-date', '10 bad-id', '11 ragged-row', '- no-parent']);
  });

  it('without statistics.csv, authors the comments by a placeholder that --brand can name, and warns', async () => {
    const run = await ingest('comments.csv', fixture('reddit-csv', 'comments.csv'));
    expect(run.summary.channel).toBeUndefined();
    expect(new Set(run.posts.map((p) => p.author))).toEqual(new Set([UNNAMED_ACCOUNT]));
    expect(run.warnings.find((w) => w.code === 'no-owner')?.message).toMatch(/count as the brand's only with --brand owner/);
  });

  it("links into the thread's JSON page read with it: the brand's CSV reply answers the page's customer", async () => {
    const corpus = new Corpus();
    await ingest('comment-page.json', fixture('reddit-json', 'comment-page.json'), { corpus });
    await ingest('comments.csv', fixture('reddit-csv', 'comments.csv'), { corpus });
    const m = model(corpus, { handles: ['TeleNova_Oficial', UNNAMED_ACCOUNT], asOf: '2026-12-01T00:00:00Z' });
    const reply = m.at('t1_nq2k8p1', 'reddit');
    expect(m.conversations.parentOf[reply]).toBe(m.at('t1_nq2h3m9', 'reddit'));
    expect(m.conversationOf('t1_nq2k8p1', 'reddit')).toBe(m.conversationOf('t3_1q7vfzk', 'reddit'));
  });
});
