import { describe, it, expect } from 'vitest';
import { ADAPTERS, adapterById, Corpus, detectAdapter } from '../../src/ingest/index.js';
import { DETAILED_WARNINGS_PER_CODE, WarningLog } from '../../src/corpus/warnings.js';
import { ingest, sourceFrom, utf16le } from './helpers.js';

const TWCS_HEADER = 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id';

async function detectedId(name: string, data: string | Uint8Array): Promise<string | undefined> {
  const source = await sourceFrom(name, data);
  return detectAdapter({ name, head: source.head })?.adapter.id;
}

describe('detectAdapter', () => {
  it('picks twcs for the Kaggle header, with or without a pandas index column or a BOM', async () => {
    expect(await detectedId('twcs.csv', `${TWCS_HEADER}\n1,sprintcare,False,Tue Oct 31 22:10:47 +0000 2017,hola,,\n`)).toBe('twcs');
    expect(await detectedId('twcs.csv', `,${TWCS_HEADER}\n0,1,sprintcare,False,Tue Oct 31 22:10:47 +0000 2017,hola,,\n`)).toBe('twcs');
    expect(await detectedId('twcs.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${TWCS_HEADER}\r\n`)]))).toBe('twcs');
  });

  it('picks jsonl for ingest output', async () => {
    const line = JSON.stringify({
      id: '1',
      platform: 'x',
      author: 'ana',
      createdAt: '2024-01-01T10:00:00Z',
      text: 'hola, ¿qué tal?',
      source: { file: 'a.csv', line: 2 },
    });
    expect(await detectedId('posts.jsonl', `\n${line}\n${line}\n`)).toBe('jsonl');
  });

  it('picks generic-csv for a Spanish export, ";" or tab separated, and for an Excel sep= file', async () => {
    expect(await detectedId('export.csv', 'id;autor;fecha;mensaje\n1;Lucía;04/11/2013 10:00;hola\n')).toBe('generic-csv');
    expect(await detectedId('export.txt', utf16le('Id\tAutor\tFecha\tTexto\r\n'))).toBe('generic-csv');
    expect(await detectedId('export.csv', 'sep=;\nid;autor;fecha;mensaje\n')).toBe('generic-csv');
    // A twcs-like header with one column renamed is not TWCS.
    expect(await detectedId('otro.csv', 'tweet_id,author,created_at,text\n')).toBe('generic-csv');
  });

  it('does not take JSON that is not ingest output for JSON Lines or CSV', async () => {
    // A Graph API page is its own format now (meta-graph), not JSON Lines or CSV.
    expect(await detectedId('graph.json', '{"data":[{"created_time":"2024-01-01","message":"hola"}],"paging":{}}\n')).toBe('meta-graph');
    expect(await detectedId('arr.json', '[{"id":"1"}, {"id":"2"}]\n')).toBeUndefined();
  });

  it('finds nothing in plain prose without delimiters or in an empty file', async () => {
    expect(await detectedId('notas.txt', 'Reunión con el cliente\nRevisar las quejas del martes\n')).toBeUndefined();
    expect(await detectedId('vacio.txt', '')).toBeUndefined();
  });

  // Regression (fixed): generic-csv.detect() only checks that the first line contains "," ";" tab or "|", so any prose
  // whose first line has a comma ("Hola, buenas tardes.") is claimed as a CSV export and then fails with
  // "missing required columns" instead of "unknown format". The adapter's own `detection` text promises
  // a header that maps id, author, created_at and text.
  it('finds nothing in plain prose whose first line has a comma', async () => {
    expect(await detectedId('notas.txt', 'Hola, buenas tardes.\nQuería saber el estado de mi pedido, gracias.\n')).toBeUndefined();
  });

  it('registers each adapter once, by id, with documentation for `formats`', () => {
    expect(ADAPTERS.map((a) => a.id)).toEqual([
      'jsonl',
      'twcs',
      'x-archive',
      'x-api-v1',
      'x-api-v2',
      'mastodon-outbox',
      'facebook-export',
      'instagram-export',
      'meta-graph',
      'trustpilot',
      'google-maps',
      'tripadvisor',
      'booking',
      'yelp',
      'json-ld',
      'microdata',
      'scraper-json',
      'google-business-profile',
      'amazon',
      'youtube-takeout',
      'youtube-api',
      'reddit-json',
      'reddit-csv',
      'csv:hootsuite',
      'csv:sprout-social',
      'bluesky-repo',
      'bluesky-thread',
      'recognised-unsupported',
      'generic-csv',
    ]);
    for (const adapter of ADAPTERS) {
      expect(adapterById(adapter.id)).toBe(adapter);
      expect(adapter.title.length).toBeGreaterThan(0);
      expect(adapter.detection.length).toBeGreaterThan(0);
      expect(adapter.yields.length).toBeGreaterThan(0);
    }
    expect(adapterById('nope')).toBeUndefined();
  });
});

describe('WarningLog', () => {
  it('counts every warning but keeps only the first 20 of a code per input, plus one summary line', () => {
    const log = new WarningLog();
    for (let line = 2; line < 2 + 25; line++) log.add({ input: 'a.csv', line, code: 'ragged-row', message: `row ${line}` });
    for (let line = 100; line < 103; line++) log.add({ input: 'a.csv', line, code: 'bad-date', message: `date ${line}` });
    for (let line = 2; line < 2 + 21; line++) log.add({ input: 'b.csv', line, code: 'ragged-row', message: `row ${line}` });
    expect(DETAILED_WARNINGS_PER_CODE).toBe(20);
    expect(log.total).toBe(49);
    expect(log.countFor('a.csv')).toBe(28);
    expect(log.countFor('b.csv')).toBe(21);
    expect(log.countFor('c.csv')).toBe(0);
    expect(log.countsByCode()).toEqual({ 'bad-date': 3, 'ragged-row': 46 });

    const list = log.list();
    const aRagged = list.filter((w) => w.input === 'a.csv' && w.code === 'ragged-row');
    expect(aRagged).toHaveLength(21);
    expect(aRagged.slice(0, 20).map((w) => w.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    const summary = aRagged[20]!;
    expect(summary.line).toBeUndefined();
    expect(summary.message).toMatch(/5 more "ragged-row" warnings not listed \(25 in all\)/);
    expect(list.filter((w) => w.input === 'a.csv' && w.code === 'bad-date')).toHaveLength(3);
    expect(list.filter((w) => w.input === 'b.csv')).toHaveLength(21);
    expect(list).toHaveLength(20 + 1 + 3 + 20 + 1);
  });

  it('lists warnings in a stable order: input, then line (no line last), then code', () => {
    const log = new WarningLog();
    log.add({ input: 'b.csv', line: 1, code: 'x', message: 'm' });
    log.add({ input: 'a.csv', code: 'z', message: 'no line' });
    log.add({ input: 'a.csv', line: 9, code: 'y', message: 'm' });
    log.add({ input: 'a.csv', line: 3, code: 'y', message: 'm' });
    log.add({ input: 'a.csv', line: 3, code: 'x', message: 'm' });
    expect(log.list().map((w) => [w.input, w.line, w.code])).toEqual([
      ['a.csv', 3, 'x'],
      ['a.csv', 3, 'y'],
      ['a.csv', 9, 'y'],
      ['a.csv', undefined, 'z'],
      ['b.csv', 1, 'x'],
    ]);
  });

  it('caps warnings from a real ingest: 30 bad dates are all counted, 20 are listed plus a summary', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i + 1},ana,ayer por la tarde,hola`);
    rows.push('31,ana,2024-01-01T10:00:00Z,bien');
    const { corpus, summary, posts } = await ingest('muchas.csv', `id,author,created_at,text\n${rows.join('\n')}\n`);
    expect(posts).toHaveLength(1);
    expect(summary.warnings).toBe(30);
    expect(corpus.warnings.countsByCode()).toEqual({ 'bad-date': 30 });
    const listed = corpus.warnings.list();
    expect(listed).toHaveLength(21);
    expect(listed.filter((w) => w.line !== undefined).map((w) => w.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect(listed.at(-1)!.message).toContain('30 in all');
  });

  it('keeps per-input warning counts apart when several files go into one corpus', async () => {
    const corpus = new Corpus();
    const a = await ingest('a.csv', 'id,author,created_at,text\n1,ana,mal,hola\n2,ana,2024-01-01T10:00:00Z,hola\n', { corpus });
    const b = await ingest('b.csv', 'id,author,created_at,text\n1,ana,2024-01-01T10:00:00Z,hola\n', { corpus });
    expect(a.summary.warnings).toBe(1);
    expect(b.summary.warnings).toBe(0);
    expect(corpus.inputs.map((i) => [i.path, i.format, i.posts])).toEqual([
      ['a.csv', 'generic-csv', 1],
      ['b.csv', 'generic-csv', 1],
    ]);
    expect(corpus.table.source(1)).toEqual({ file: 'b.csv', line: 2 });
    // Generic CSV exports are the brand's own channels; the multi-brand TWCS dataset is not.
    await ingest('twcs.csv', `${TWCS_HEADER}\n1,sprintcare,False,Tue Oct 31 22:10:47 +0000 2017,hola,,\n`, { corpus });
    expect(
      corpus.table.files
        .values()
        .filter((_, i) => corpus.isSingleChannel(i))
        .sort(),
    ).toEqual(['a.csv', 'b.csv']);
  });
});
