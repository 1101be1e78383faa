import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToText, topLevelValues } from '../../src/ingest/adapters/mastodon-outbox.js';
import { adapterById, Corpus, detectAdapter, ingestSource } from '../../src/ingest/index.js';
import { expandInputs, openText, type InputFile } from '../../src/io/read-inputs.js';
import type { Post } from '../../src/contract/post.js';
import { noteText } from '../../src/contract/warning.js';
import { DEFAULT_OPTIONS, ingest, sourceFrom } from './helpers.js';

const FIXTURE = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../fixtures/ingest/mastodon-outbox');
const STATUS = 'https://social.aguaclara.example/users/aguaclara/statuses/';

async function run(file: InputFile): Promise<{ posts: Post[]; notes: string[]; channel: string | undefined }> {
  const corpus = new Corpus();
  const summary = await ingestSource(corpus, await openText(file), adapterById('mastodon-outbox')!, DEFAULT_OPTIONS);
  const posts: Post[] = [];
  for (let i = 0; i < corpus.table.length; i++) posts.push(corpus.table.get(i));
  return { posts, notes: summary.notes.map(noteText), channel: summary.channel };
}

async function fixtureRun() {
  const files = await expandInputs([FIXTURE], async function* () {});
  const outbox = files.find((f) => f.name.endsWith('outbox.json'))!;
  expect(outbox.siblings).toEqual(['actor.json']);
  return run(outbox);
}

const create = (n: number, note: Record<string, unknown>): Record<string, unknown> => ({
  id: `${STATUS}${n}/activity`,
  type: 'Create',
  actor: 'https://social.aguaclara.example/users/aguaclara',
  published: '2026-10-14T08:00:00Z',
  object: {
    id: `${STATUS}${n}`,
    type: 'Note',
    published: '2026-10-14T08:00:00Z',
    to: ['https://www.w3.org/ns/activitystreams#Public'],
    cc: [],
    content: `<p>post ${n}</p>`,
    ...note,
  },
});

describe('topLevelValues', () => {
  it('finds every top-level value of a repeated key, ignoring nested keys and keys inside strings', () => {
    const text = '{"a": [1], "b": {"a": 2}, "c": "\\"a\\": 3", "a": [4, {"x": "]"}]}';
    expect(topLevelValues(text, 'a').map((v) => JSON.parse(v))).toEqual([[1], [4, { x: ']' }]]);
    // JSON.parse alone keeps the last one.
    expect(JSON.parse(text).a).toEqual([4, { x: ']' }]);
  });
});

describe('htmlToText', () => {
  it('strips tags, keeps paragraphs and line breaks, hides the invisible parts of links and decodes entities', () => {
    const html =
      '<p><span class="h-card"><a href="https://x.example/@ana" class="u-url mention">@<span>ana</span></a></span> Hola &amp; adiós<br />Mira <a href="https://e.example/a/b"><span class="invisible">https://</span><span class="ellipsis">e.example/a</span><span class="invisible">/b</span></a></p><p>Otra</p>';
    expect(htmlToText(html)).toBe('@ana Hola & adiós\nMira e.example/a…\n\nOtra');
  });
});

describe('mastodon-outbox detection', () => {
  const detected = async (name: string, text: string) => detectAdapter({ name, head: (await sourceFrom(name, text)).head });

  it('claims outbox.json and names likes.json and actor.json as not read on their own', async () => {
    const outbox = '{"@context": "https://www.w3.org/ns/activitystreams", "id": "outbox.json", "type": "OrderedCollection", "orderedItems": []}';
    expect((await detected('outbox.json', outbox))?.adapter.id).toBe('mastodon-outbox');
    const likes =
      '{"@context": "https://www.w3.org/ns/activitystreams", "id": "likes.json", "type": "OrderedCollection", "orderedItems": ["https://a.example/1"]}';
    expect((await detected('likes.json', likes))?.detection.unsupported).toMatch(/likes\.json/);
    const actor = '{"@context": ["https://www.w3.org/ns/activitystreams"], "type": "Person", "preferredUsername": "x"}';
    expect((await detected('actor.json', actor))?.detection.unsupported).toMatch(/actor\.json/);
    expect(await detected('other.json', '{"type": "Person"}')).toBeUndefined();
  });
});

describe('mastodon-outbox on the fixture (real io, actor.json beside it)', () => {
  it('reads the items of the duplicated "orderedItems" key, leaves the boost out, and owns the channel from actor.json', async () => {
    const { posts, notes, channel } = await fixtureRun();
    expect(channel).toBe('aguaclara');
    expect(posts.map((p) => p.id)).toEqual(
      ['115370000000000001', '115370010000000002', '115375600000000003', '115376000000000005', '115376100000000006'].map((n) => `${STATUS}${n}`),
    );
    expect(posts.every((p) => p.author === 'aguaclara' && p.platform === 'mastodon' && p.role === 'brand')).toBe(true);
    expect(notes).toContain('outbox.json has 2 "orderedItems" keys (a known Mastodon export fault): the posts were read from all of them');
    expect(notes).toContain("1 boost (Announce) left out: they are other people's posts");
  });

  it('turns the HTML into text, keeps the reply to another server as a link, and the language from contentMap', async () => {
    const [reply] = (await fixtureRun()).posts;
    expect(reply!.text).toBe('@nuria Hola Nuria, la avería está localizada & el equipo va de camino.\nSigue el estado en estado.aguaclara.example/incid…');
    expect(reply!.inReplyTo).toBe('https://vecinos.example/users/nuria/statuses/115369870000000042');
    expect(reply!.lang).toBe('es');
    expect(reply!.createdAt).toBe('2026-10-14T08:12:00Z');
    expect(reply!.url).toBe('https://social.aguaclara.example/@aguaclara/115370000000000001');
    expect(reply!.threadId).toBe('tag:vecinos.example,2026-10-14:objectId=80211:objectType=Conversation');
  });

  it('marks who could see each post: public, unlisted as public, followers-only as private, a DM as direct', async () => {
    const { posts } = await fixtureRun();
    expect(posts.map((p) => p.visibility)).toEqual(['public', 'direct', 'public', 'private', 'public']);
  });

  it('puts a content warning first and marks an updated post as edited', async () => {
    const { posts, notes } = await fixtureRun();
    const cw = posts[2]!;
    expect(cw.text).toBe('CW: Corte de agua programado\n\nEl jueves de 9 a 13 h no habrá agua en el barrio del Carmen.\n\nPerdonad las molestias.');
    expect(cw.edited).toBe(true);
    expect(posts.filter((p) => p.edited).length).toBe(1);
    expect(notes).toContain('1 post has a content warning: its text is put first, as "CW: …"');
  });
});

describe('mastodon-outbox without actor.json, and problems', () => {
  const outbox = (sections: unknown[][], extra = ''): string =>
    `{"@context": "https://www.w3.org/ns/activitystreams", "id": "outbox.json", "type": "OrderedCollection", ${sections.map((s) => `"orderedItems": ${JSON.stringify(s)}`).join(', ')}${extra}}`;

  it('takes the owner from the actor address, and reads the items whichever "orderedItems" holds them', async () => {
    const first = await ingest('outbox.json', outbox([[create(1, {})], []]));
    expect(first.posts.map((p) => p.text)).toEqual(['post 1']);
    expect(first.summary.channel).toBe('aguaclara');
    const both = await ingest('outbox.json', outbox([[create(1, {})], [create(2, {})]]));
    expect(both.posts.map((p) => p.text)).toEqual(['post 1', 'post 2']);
    const single = await ingest('outbox.json', outbox([[create(3, {})]], ', "@context": "https://www.w3.org/ns/activitystreams"'));
    expect(single.posts.map((p) => p.text)).toEqual(['post 3']);
    expect(single.summary.notes.some((n) => n.includes('"orderedItems" keys'))).toBe(false);
  });

  it('skips a post without an ISO date with an offset, with a warning naming the item', async () => {
    const { posts, warnings } = await ingest('outbox.json', outbox([[create(1, { published: '14/10/2026 08:00' }), create(2, {})]]));
    expect(posts.map((p) => p.text)).toEqual(['post 2']);
    expect(warnings.map((w) => [w.line, w.code])).toEqual([[1, 'bad-date']]);
  });

  it('refuses a file that is not JSON', async () => {
    await expect(ingest('outbox.json', '{"type": "OrderedCollection", "orderedItems": [', { adapterId: 'mastodon-outbox' })).rejects.toThrow(/not valid JSON/);
  });
});
