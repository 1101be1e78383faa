import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYtd, snowflakeTime } from '../../src/ingest/adapters/x-archive.js';
import { adapterById, Corpus, detectAdapter, ingestSource } from '../../src/ingest/index.js';
import { expandInputs, openText, type InputFile } from '../../src/io/read-inputs.js';
import type { Post } from '../../src/contract/post.js';
import { noteText, type IngestWarning } from '../../src/contract/warning.js';
import { DEFAULT_OPTIONS, memoryFile, sourceFrom } from './helpers.js';

const FIXTURE = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../fixtures/ingest/x-archive');

const ACCOUNT = `window.YTD.account.part0 = [ {
  "account" : { "username" : "AguaClaraAyuda", "accountId" : "1402217755102203904", "accountDisplayName" : "Agua Clara" }
} ]`;

/** An in-memory archive folder: every file sees the others as siblings, as a folder walk gives them. */
function folder(files: Record<string, string>): Record<string, InputFile> {
  const out: Record<string, InputFile> = {};
  for (const [name, text] of Object.entries(files)) {
    const siblings = Object.keys(files).filter((other) => other !== name);
    out[name] = { ...memoryFile(`data/${name}`, text), siblings, openSibling: (other) => (siblings.includes(other) ? out[other] : undefined) };
  }
  return out;
}

interface Run {
  posts: Post[];
  notes: string[];
  warnings: IngestWarning[];
  corpus: Corpus;
  channel: string | undefined;
}

async function run(file: InputFile): Promise<Run> {
  const source = await openText(file);
  const corpus = new Corpus();
  const summary = await ingestSource(corpus, source, adapterById('x-archive')!, DEFAULT_OPTIONS);
  const posts: Post[] = [];
  for (let i = 0; i < corpus.table.length; i++) posts.push(corpus.table.get(i));
  return { posts, notes: summary.notes.map(noteText), warnings: corpus.warnings.list(), corpus, channel: summary.channel };
}

const tweet = (fields: Record<string, string>): string => JSON.stringify({ tweet: fields });
const ytd = (global: string, elements: string[]): string => `window.YTD.${global}.part0 = [ ${elements.join(', ')} ]`;

describe('snowflake ids', () => {
  it('recovers the creation time of a 19-digit id, to the millisecond, without a JS number', () => {
    // (2110274469753827331 >> 22) + 1288834974657 = 503128640593 + 1288834974657 = 1791963615250
    expect(snowflakeTime('2110274469753827331')).toBe(Date.UTC(2026, 9, 14, 7, 40, 15, 250));
    expect(snowflakeTime('2111004215106121737')).toBe(Date.UTC(2026, 9, 16, 8, 0, 0, 100));
    // As a JS number the id would already be another id: the string path is the only exact one.
    expect(String(Number('2110274469753827331'))).not.toBe('2110274469753827331');
  });

  it('gives no time for old sequential ids or for text that is not an id', () => {
    expect(snowflakeTime('20')).toBeUndefined();
    expect(snowflakeTime('29700859247')).toBeUndefined();
    expect(snowflakeTime('12a')).toBeUndefined();
    expect(snowflakeTime('')).toBeUndefined();
  });
});

describe('parseYtd', () => {
  it('takes everything after the first "=" as JSON, with or without a trailing ";", never evaluating it', () => {
    expect(parseYtd('window.YTD.tweets.part0 = [ {"tweet": {"id_str": "1"}} ];')).toEqual([{ tweet: { id_str: '1' } }]);
    expect(parseYtd('window.YTD.tweet.part3 = []')).toEqual([]);
    // An "=" inside the data does not move the cut.
    expect(parseYtd('window.YTD.tweets.part0 = [{"full_text": "a = b"}]')).toEqual([{ full_text: 'a = b' }]);
    expect(parseYtd('window.YTD.tweets.part0 = (() => 1)()')).toBeUndefined();
  });
});

describe('x-archive detection', () => {
  const detected = async (name: string, text: string) => {
    const source = await sourceFrom(name, text);
    return detectAdapter({ name, head: source.head });
  };

  it('claims tweets.js, tweet.js and part files, and names companion files as not read on their own', async () => {
    expect((await detected('tweets.js', ytd('tweets', [])))?.adapter.id).toBe('x-archive');
    expect((await detected('tweet.js', ytd('tweet', [])))?.adapter.id).toBe('x-archive');
    expect((await detected('tweets-part1.js', 'window.YTD.tweets.part1 = [ ]'))?.detection.unsupported).toBeUndefined();
    const account = await detected('account.js', ACCOUNT);
    expect(account?.adapter.id).toBe('x-archive');
    expect(account?.detection.unsupported).toMatch(/companion file \(account\)/);
    expect((await detected('manifest.js', 'window.__THAR_CONFIG = {}'))?.detection.unsupported).toMatch(/manifest/);
  });
});

describe('x-archive on the fixture folder (real io, real siblings)', () => {
  async function fixtureRun(): Promise<Run> {
    const files = await expandInputs([FIXTURE], async function* () {});
    const tweets = files.find((f) => f.name.endsWith(`data${path.sep}tweets.js`))!;
    expect(tweets.siblings).toEqual(['account.js', 'deleted-tweets.js', 'manifest.js']);
    return run(tweets);
  }

  it("authors every tweet with account.js's handle and makes it the channel owner", async () => {
    const { posts, channel } = await fixtureRun();
    expect(channel).toBe('AguaClaraAyuda');
    const brand = posts.filter((p) => p.role === 'brand');
    expect(brand.map((p) => p.author)).toEqual(Array(brand.length).fill('AguaClaraAyuda'));
    expect(brand.every((p) => p.platform === 'x' && p.timePrecision === 'exact')).toBe(true);
  });

  it('keeps 19-digit ids and reply links as exact strings', async () => {
    const { posts } = await fixtureRun();
    const reply = posts.find((p) => p.id === '2110282460608368640')!;
    expect(reply.inReplyTo).toBe('2110274469753827331');
    expect(reply.createdAt).toBe('2026-10-14T08:12:00Z');
    expect(reply.url).toBe('https://x.com/AguaClaraAyuda/status/2110282460608368640');
    // The self-thread links to the brand's own reply, which is in the archive: no placeholder for it.
    expect(posts.find((p) => p.id === '2110282836665470977')!.inReplyTo).toBe('2110282460608368640');
  });

  it('adds one empty placeholder per answered customer tweet, timed from its snowflake id', async () => {
    const { posts, notes } = await fixtureRun();
    const placeholders = posts.filter((p) => p.role === 'customer');
    // Hand-computed: (id >> 22) + 1288834974657 ms.
    expect(placeholders.map((p) => [p.id, p.author, p.createdAt, p.text])).toEqual([
      ['2110274469753827331', 'nuria_vk', '2026-10-14T07:40:15.250Z', ''],
      ['2110294538449895431', 'pablo_ms', '2026-10-14T09:00:00Z', ''],
      ['2110687127988637696', 'irene_lg', '2026-10-15T11:00:00.640Z', ''],
      ['2111004215106121737', 'nuria_vk', '2026-10-16T08:00:00.100Z', ''],
    ]);
    expect(placeholders.every((p) => p.timePrecision === 'exact')).toBe(true);
    expect(notes.some((n) => /4 customer tweets .* placeholders with no text/.test(n))).toBe(true);
  });

  it('decodes entities, leaves retweets out with a count, and keeps the last version of an edit timed at the first', async () => {
    const { posts, notes } = await fixtureRun();
    expect(posts.find((p) => p.id === '2110317189839753218')!.text).toBe('@pablo_ms La factura de <septiembre> se corrige hoy & te llega el abono en 48 h');
    expect(posts.some((p) => p.text.startsWith('RT @'))).toBe(false);
    expect(notes).toContain('1 retweet ("RT @…") left out: they are not the account\'s own words');
    expect(posts.some((p) => p.id === '2110692159866572800')).toBe(false);
    const edited = posts.find((p) => p.id === '2110693168714125312')!;
    expect(edited.text).toContain('antes de las 13 h');
    expect(edited.edited).toBe(true);
    expect(edited.createdAt).toBe('2026-10-15T11:20:00Z');
  });

  it('reads deleted-tweets.js beside it as deleted posts, and says the input tracks deletions', async () => {
    const { posts, corpus, notes } = await fixtureRun();
    const deleted = posts.filter((p) => p.deleted);
    expect(deleted.map((p) => [p.id, p.inReplyTo, p.author])).toEqual([['2111005475998568448', '2111004215106121737', 'AguaClaraAyuda']]);
    expect(corpus.tracksDeletion).toBe(true);
    expect(notes).toContain('1 deleted tweet read from deleted-tweets.js');
  });
});

describe('x-archive variants and problems', () => {
  const reply = (id: string, parent: string, to: string, at: string): string =>
    tweet({ id_str: id, created_at: at, full_text: `@${to} hecho`, in_reply_to_status_id_str: parent, in_reply_to_screen_name: to });

  it('reads a 2019 tweet.js whose elements are bare tweets, and an id only as "id" when it is a string', async () => {
    const data = `window.YTD.tweet.part0 = [ { "id_str" : "1194821748136534016", "created_at" : "Thu Nov 14 03:37:58 +0000 2019", "full_text" : "Ya está resuelto", "lang" : "und" } ]`;
    const { posts } = await run(folder({ 'tweet.js': data, 'account.js': ACCOUNT })['tweet.js']!);
    expect(posts.map((p) => [p.id, p.createdAt, p.lang])).toEqual([['1194821748136534016', '2019-11-14T03:37:58Z', undefined]]);
  });

  it('never takes a numeric id: an element without a string id is skipped with a warning', async () => {
    const data = 'window.YTD.tweets.part0 = [ {"tweet": {"id": 1846128913281982466, "created_at": "Tue Oct 15 10:00:07 +0000 2024", "full_text": "hola"}} ]';
    const { posts, warnings } = await run(folder({ 'tweets.js': data, 'account.js': ACCOUNT })['tweets.js']!);
    expect(posts).toEqual([]);
    expect(warnings.map((w) => w.code)).toContain('bad-id');
  });

  it('falls back to manifest.js for the handle, and refuses an archive file with neither', async () => {
    const data = ytd('tweets', [tweet({ id_str: '1846219480888262660', created_at: 'Tue Oct 15 16:00:00 +0000 2024', full_text: 'Aviso' })]);
    const manifest = 'window.__THAR_CONFIG = { "userInfo" : { "accountId" : "1", "userName" : "TeleNovaAyuda" } }';
    expect((await run(folder({ 'tweets.js': data, 'manifest.js': manifest })['tweets.js']!)).channel).toBe('TeleNovaAyuda');
    await expect(run(folder({ 'tweets.js': data })['tweets.js']!)).rejects.toThrow(/account\.js/);
  });

  it('makes no placeholder for an old sequential parent id, and says so', async () => {
    const data = ytd('tweets', [reply('1846128913281982466', '29700859247', 'lucia_pz', 'Tue Oct 15 10:00:07 +0000 2024')]);
    const { posts, warnings } = await run(folder({ 'tweets.js': data, 'account.js': ACCOUNT })['tweets.js']!);
    expect(posts.map((p) => p.id)).toEqual(['1846128913281982466']);
    expect(warnings.map((w) => w.code)).toContain('parent-time-unknown');
  });

  it('an edit whose versions sit in two part files is read once: the last version, timed at the first', async () => {
    const chain = { initial: { editTweetIds: ['1846317627601870854', '1846318634234834951'] } };
    const original = JSON.stringify({
      tweet: { id_str: '1846317627601870854', created_at: 'Tue Oct 15 22:30:00 +0000 2024', full_text: 'Lo revismos', edit_info: chain },
    });
    const edit = JSON.stringify({
      tweet: { id_str: '1846318634234834951', created_at: 'Tue Oct 15 22:34:00 +0000 2024', full_text: 'Lo revisamos', edit_info: chain },
    });
    const archive = folder({
      'tweets.js': ytd('tweets', [original]),
      'tweets-part1.js': `window.YTD.tweets.part1 = [ ${edit} ]`,
      'account.js': ACCOUNT,
    });
    const first = await run(archive['tweets.js']!);
    expect(first.posts).toEqual([]);
    expect(first.notes.join('\n')).toContain('edited later in another part file');
    const second = await run(archive['tweets-part1.js']!);
    expect(second.posts.map((p) => [p.id, p.text, p.createdAt, p.edited])).toEqual([['1846318634234834951', 'Lo revisamos', '2024-10-15T22:30:00Z', true]]);
  });

  it('answering the same customer tweet twice gives one placeholder', async () => {
    const data = ytd('tweets', [
      reply('1846128913281982466', '1846127625630650369', 'lucia_pz', 'Tue Oct 15 10:00:07 +0000 2024'),
      reply('1846129936692162563', '1846127625630650369', 'lucia_pz', 'Tue Oct 15 10:04:11 +0000 2024'),
    ]);
    const { posts } = await run(folder({ 'tweets.js': data, 'account.js': ACCOUNT })['tweets.js']!);
    expect(posts.filter((p) => p.id === '1846127625630650369')).toHaveLength(1);
  });

  it('reads deleted-tweets.js only from the first tweet part, so a split archive does not count deletions twice', async () => {
    const deleted = ytd('deleted_tweets', [tweet({ id_str: '1846461072798683145', created_at: 'Wed Oct 16 08:00:00 +0000 2024', full_text: 'borrado' })]);
    const part0 = ytd('tweets', [tweet({ id_str: '1846219480888262660', created_at: 'Tue Oct 15 16:00:00 +0000 2024', full_text: 'uno' })]);
    const part1 =
      'window.YTD.tweets.part1 = [ {"tweet": {"id_str": "1846318634234834951", "created_at": "Tue Oct 15 22:34:00 +0000 2024", "full_text": "dos"}} ]';
    const archive = folder({ 'tweets.js': part0, 'tweets-part1.js': part1, 'account.js': ACCOUNT, 'deleted-tweets.js': deleted });
    expect((await run(archive['tweets.js']!)).posts.filter((p) => p.deleted)).toHaveLength(1);
    const second = await run(archive['tweets-part1.js']!);
    expect(second.posts.map((p) => [p.id, p.deleted])).toEqual([['1846318634234834951', undefined]]);
    expect(second.corpus.tracksDeletion).toBe(false);
  });

  it('warns about a tweet whose date is not an X date and goes on', async () => {
    const data = ytd('tweets', [
      tweet({ id_str: '1846219480888262660', created_at: '2024-10-15 16:00:00', full_text: 'uno' }),
      tweet({ id_str: '1846219480888262661', created_at: 'Tue Oct 15 16:00:00 +0000 2024', full_text: 'dos' }),
    ]);
    const { posts, warnings } = await run(folder({ 'tweets.js': data, 'account.js': ACCOUNT })['tweets.js']!);
    expect(posts.map((p) => p.text)).toEqual(['dos']);
    expect(warnings.map((w) => w.code)).toEqual(['bad-date']);
  });
});
