import { describe, expect, it } from 'vitest';
import { INSTAGRAM_ACCOUNT } from '../../src/ingest/adapters/instagram-export.js';
import { detectAdapter } from '../../src/ingest/index.js';
import { checkGolden, fixture } from './golden.js';
import { ingest, sourceFrom } from './helpers.js';

const detect = async (name: string, text: string) => {
  const source = await sourceFrom(name, text);
  return detectAdapter({ name, head: source.head });
};

describe('instagram-export', () => {
  it('reads the fixture files into the expected posts, notes and warnings (golden)', async () => {
    await checkGolden('instagram-export');
  });

  it('finds Spanish labels, and falls back to the values in a language it does not know', async () => {
    const { posts } = await ingest('reels_comments.json', fixture('instagram-export', 'reels_comments.json'));
    expect(posts.map((p) => [p.text, p.channel])).toEqual([
      ['Gracias por avisar, ya está solucionado.', 'aguaclara'],
      ['Danke für den Hinweis, wir prüfen es.', undefined],
    ]);
    expect(posts.every((p) => p.author === INSTAGRAM_ACCOUNT && p.role === 'brand')).toBe(true);
  });

  it("detects comment files and names the export's other files as nothing to audit", async () => {
    expect((await detect('post_comments_1.json', '[ { "string_map_data": { } } ]'))?.adapter.id).toBe('instagram-export');
    expect((await detect('x.json', '{ "comments_reels_comments": [ ] }'))?.adapter.id).toBe('instagram-export');
    expect((await detect('x.json', '[ { "string_map_data": { "Comment": { "value": "hola" } } } ]'))?.adapter.id).toBe('instagram-export');
    const likes = await detect(
      'liked_posts.json',
      '{ "likes_media_likes": [ { "title": "marta_rg", "string_list_data": [ { "href": "", "timestamp": 1729000000 } ] } ] }',
    );
    expect(likes?.adapter.id).toBe('instagram-export');
    expect(likes?.detection.unsupported).toMatch(/without comments/);
  });
});
