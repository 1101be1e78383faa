import { describe, expect, it } from 'vitest';
import { detectAdapter } from '../../src/ingest/index.js';
import { checkGolden, fixture } from './golden.js';
import { ingest, sourceFrom } from './helpers.js';

const detect = async (name: string, text: string) => {
  const source = await sourceFrom(name, text);
  return detectAdapter({ name, head: source.head });
};

describe('meta-graph', () => {
  it('reads the fixture pages into the expected posts, notes and warnings (golden)', async () => {
    await checkGolden('meta-graph');
  });

  it('links nested replies to their comment, finds the Page from the ids and marks hidden comments deleted', async () => {
    const { posts, summary, corpus } = await ingest('post-comments.json', fixture('meta-graph', 'post-comments.json'));
    expect(summary.channel).toBe('Agua Clara');
    const reply = posts.find((p) => p.author === 'Agua Clara')!;
    expect(reply.inReplyTo).toBe('104000000000777_920000000000311');
    // Reply without "parent": linked to the comment it is nested under.
    expect(posts.find((p) => p.id === '104000000000777_920000000000313')!.inReplyTo).toBe('104000000000777_920000000000311');
    expect(posts.filter((p) => p.deleted).map((p) => p.id)).toEqual(['104000000000777_920000000000314']);
    expect(corpus.tracksDeletion).toBe(true);
  });

  it('reads an array of pages and flat comments linked by "parent", with ids made from their place when missing', async () => {
    const pages = JSON.stringify([
      { data: [{ created_time: '2026-10-14T08:00:00+0000', message: '¿Hay cortes hoy?' }], paging: {} },
      {
        data: [
          { id: '9_2', created_time: '2026-10-14T08:10:00+0000', message: 'No, todo normal', from: { id: '9', name: 'Agua Clara' }, parent: { id: '9_1' } },
        ],
      },
    ]);
    const { posts } = await ingest('pages.json', pages);
    expect(posts.map((p) => [p.id, p.inReplyTo])).toEqual([
      ['pages.json#1.1', undefined],
      ['9_2', '9_1'],
    ]);
  });

  it('does not take X API v2 pages, which also start with "data"', async () => {
    expect((await detect('c.json', '{"data":[{"id":"1","created_time":"2026-10-14T08:00:00+0000","message":"x"}],"paging":{}}'))?.adapter.id).toBe(
      'meta-graph',
    );
    expect((await detect('t.json', '{"data":[{"id":"1","text":"x","author_id":"2","created_at":"2026-10-14T08:00:00.000Z"}]}'))?.adapter.id).not.toBe(
      'meta-graph',
    );
  });
});

describe('meta-graph: an empty page', () => {
  it('is recognised by its paging, so the report says it holds no comment instead of "unknown format"', async () => {
    const found = detectAdapter({ name: 'page-2.json', head: '{"data": [], "paging": {"cursors": {"before": "QVFI", "after": "QVFJ"}}}' });
    expect(found?.adapter.id).toBe('meta-graph');
    expect(detectAdapter({ name: 'x.json', head: '{"data": []}' })?.adapter.id).not.toBe('meta-graph');
  });
});
