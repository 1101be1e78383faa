import { describe, expect, it } from 'vitest';
import { detectAdapter } from '../../src/ingest/index.js';
import { checkGolden, fixture } from './golden.js';
import { ingest, sourceFrom } from './helpers.js';

const detect = async (name: string, text: string) => {
  const source = await sourceFrom(name, text);
  return detectAdapter({ name, head: source.head });
};

describe('facebook-export', () => {
  it('reads the fixture files into the expected posts, notes and warnings (golden)', async () => {
    await checkGolden('facebook-export');
  });

  it('repairs the byte-escaped texts: accents, an emoji and a ZWJ family come out as written', async () => {
    const { posts } = await ingest('comments.json', fixture('facebook-export', 'comments.json'));
    expect(posts[0]!.text).toBe('Hola Nuria, lamentamos el corte 😔 El suministro ya está restablecido en tu calle.');
    expect(posts[2]!.text).toContain('👨\u200d👩\u200d👧');
    expect(posts.every((p) => !/[ÃÂð]/.test(p.text))).toBe(true);
  });

  it('takes epoch seconds as UTC and keeps a sticker comment as an empty post', async () => {
    const { posts } = await ingest('comments.json', fixture('facebook-export', 'comments.json'));
    expect(posts[0]!.createdAt).toBe(new Date(1791972000 * 1000).toISOString().replace('.000Z', 'Z'));
    expect(posts[1]!.text).toBe('');
  });

  it('detects comments, posts (by name or by a "post" key) and names Messenger and reactions files as not supported', async () => {
    expect((await detect('comments.json', '{"comments_v2": [ ]}'))?.adapter.id).toBe('facebook-export');
    expect((await detect('your_posts_1.json', '[ { "timestamp": 1728900000, "data": [ ] } ]'))?.adapter.id).toBe('facebook-export');
    expect((await detect('export.json', '[ { "timestamp": 1728900000, "data": [ { "post": "Hola" } ] } ]'))?.adapter.id).toBe('facebook-export');
    const messenger = await detect(
      'message_1.json',
      '{ "participants": [ { "name": "Agua Clara" } ], "messages": [ { "sender_name": "Agua Clara", "timestamp_ms": 1729000000000, "content": "Hola" } ] }',
    );
    expect(messenger?.adapter.id).toBe('facebook-export');
    expect(messenger?.detection.unsupported).toMatch(/Messenger .*private messages are not supported yet/);
    expect((await detect('reactions.json', '{ "reactions_v2": [] }'))?.detection.unsupported).toMatch(/reactions/);
    // An array of numbers-and-data that is not a Facebook posts file.
    expect((await detect('metrics.json', '[ { "timestamp": 1728900000, "value": 3 } ]'))?.adapter.id).not.toBe('facebook-export');
  });

  it('says what is wrong with a file that is valid JSON but not an export', async () => {
    await expect(ingest('comments.json', '{"something": 1}', { adapterId: 'facebook-export' })).rejects.toThrow(/not a Facebook export file/);
  });
});
