import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Post } from '../../src/contract/post.js';
import { noteText } from '../../src/contract/warning.js';
import { takeoutCommentText } from '../../src/ingest/adapters/youtube-takeout.js';
import { adapterById, Corpus, detectAdapter, ingestSource } from '../../src/ingest/index.js';
import { expandInputs, openText } from '../../src/io/read-inputs.js';
import { buildConversations, ROLE_BRAND, ROLE_CUSTOMER } from '../../src/model/conversations.js';
import { checkGolden, FIXTURES, fixture } from './golden.js';
import { DEFAULT_OPTIONS, ingest, sourceFrom } from './helpers.js';

const CHANNEL = 'UCf1bRaNeT0aBcDeFgHiJkLm';
const NEW_HEADER = 'Channel ID,Comment Create Timestamp,Price,Comment ID,Parent Comment ID,Video ID,Comment Text';
const OLD_HEADER = 'Comment ID,Channel ID,Comment Create Timestamp,Price,Parent Comment ID,Video ID,Comment Text';

const detectedId = async (name: string, text: string) => {
  const found = detectAdapter({ name, head: (await sourceFrom(name, text)).head });
  return found?.detection.unsupported ? `unsupported: ${found.detection.unsupported}` : found?.adapter.id;
};

/** Every data file of a fixture folder read through the real io path (siblings included), by base name. */
async function readFolder(folder: string) {
  const files = await expandInputs([path.join(FIXTURES, folder)], async function* () {});
  const out = new Map<string, { posts: Post[]; notes: string[]; channel: string | undefined; warnings: string[] } | string>();
  for (const file of files) {
    const source = await openText(file);
    const found = detectAdapter({ name: file.name, head: source.head })!;
    if (found.detection.unsupported) {
      out.set(path.basename(file.name), found.detection.unsupported);
      continue;
    }
    const corpus = new Corpus();
    const summary = await ingestSource(corpus, source, found.adapter, DEFAULT_OPTIONS);
    const posts: Post[] = [];
    for (let i = 0; i < corpus.table.length; i++) posts.push(corpus.table.get(i));
    out.set(path.basename(file.name), {
      posts,
      notes: summary.notes.map(noteText),
      channel: summary.channel,
      warnings: corpus.warnings.list().map((w) => `${w.line}:${w.code}`),
    });
  }
  return out;
}

describe('takeoutCommentText', () => {
  it('reads the old takeoutSegments, the new comma-joined segments, a single segment and plain text', () => {
    expect(takeoutCommentText('{"takeoutSegments":[{"text":"Hola "},{"text":"Marta"}]}')).toEqual({ text: 'Hola Marta', broken: false });
    expect(takeoutCommentText('{"text":"Hola,"},{"text":"\\n"},{"text":"lo vemos hoy."}')).toEqual({ text: 'Hola,\nlo vemos hoy.', broken: false });
    expect(takeoutCommentText('{"text":"@ana","mention":{"externalChannelId":"UCx"}},{"text":" gracias"}')).toEqual({ text: '@ana gracias', broken: false });
    expect(takeoutCommentText('[{"text":"en corchetes"}]')).toEqual({ text: 'en corchetes', broken: false });
    expect(takeoutCommentText('Texto plano, con {llaves}')).toEqual({ text: 'Texto plano, con {llaves}', broken: false });
  });

  it('reads segments whose strings hold raw line breaks', () => {
    expect(takeoutCommentText('{"text":"Línea 1\nLínea 2\tfin"}')).toEqual({ text: 'Línea 1\nLínea 2\tfin', broken: false });
  });

  it('keeps broken segment JSON as written, flagged', () => {
    expect(takeoutCommentText('{"text":"Sentimos el retraso')).toEqual({ text: '{"text":"Sentimos el retraso', broken: true });
    expect(takeoutCommentText('{"text": 5}')).toEqual({ text: '{"text": 5}', broken: true });
    const deep = `${'['.repeat(20)}{"text":"x"}${']'.repeat(20)}`;
    expect(takeoutCommentText(deep)).toEqual({ text: deep, broken: true });
  });
});

describe('youtube-takeout detection', () => {
  it('claims the old and new layouts, the Post ID variant, other casings and localised headers', async () => {
    expect(await detectedId('comments.csv', `${OLD_HEADER}\n`)).toBe('youtube-takeout');
    expect(await detectedId('comments.csv', `${NEW_HEADER}\n`)).toBe('youtube-takeout');
    expect(
      await detectedId('x.csv', 'Comment ID,Channel Id,Comment create timestamp,Price,Parent Comment ID,Post ID,Video ID,Top-level comment ID,Comment Text\n'),
    ).toBe('youtube-takeout');
    expect(
      await detectedId('comentarios.csv', 'ID de comentario,ID de canal,Marca de tiempo de creación del comentario,Precio,ID de vídeo,Texto del comentario\n'),
    ).toBe('youtube-takeout');
  });

  it('names the channel list and live chats as not read on their own, and leaves other CSVs alone', async () => {
    expect(await detectedId('channel.csv', 'Channel ID,Channel Title (Original),Channel Visibility\n')).toMatch(
      /^unsupported: a YouTube Takeout channel list \(channel\.csv\)/,
    );
    expect(await detectedId('live chats.csv', 'Live Chat ID,Channel ID,Live Chat Create Timestamp,Price,Video ID,Live Chat Text\n')).toMatch(/live chats/);
    expect(await detectedId('a.csv', 'id,author,created_at,text\n1,ana,2026-01-01T10:00:00Z,hola\n')).toBe('generic-csv');
    // A comment scraper's CSV has a comment and a video id too, but not Takeout's channel and timestamp columns.
    expect(await detectedId('scraped.csv', 'Comment ID,Video ID,Author,Text,Published At\nUgzA,v1,@ana,hola,2026-01-01T10:00:00Z\n')).not.toBe(
      'youtube-takeout',
    );
  });
});

describe('youtube-takeout on the fixtures (real io, channel.csv beside the comments)', () => {
  it('names every comment after the channel in channel.csv and owns the channel', async () => {
    const files = await readFolder('youtube-takeout');
    expect([...files.keys()]).toEqual(['channel.csv', 'comments-2023.csv', 'comments-variant.csv', 'comments.csv']);
    expect(files.get('channel.csv')).toMatch(/channel list/);
    for (const name of ['comments-2023.csv', 'comments-variant.csv', 'comments.csv']) {
      const run = files.get(name) as Exclude<ReturnType<typeof files.get>, string | undefined>;
      expect(run.channel, name).toBe('Fibranet');
      expect(
        run.posts.every((p) => p.author === 'Fibranet' && p.platform === 'youtube' && p.role === 'brand' && p.timePrecision === 'exact'),
        name,
      ).toBe(true);
      expect(run.notes, name).toContain(`channel ${CHANNEL} is named "Fibranet" in channel.csv: its comments are authored "Fibranet"; give --brand "Fibranet"`);
      expect(run.notes.at(-1), name).toMatch(/^a YouTube Takeout holds only the account's own comments/);
    }
  });

  it('reads the new layout: joined segments, mentions, microseconds, offsets and a raw line break inside the JSON', async () => {
    const run = (await readFolder('youtube-takeout')).get('comments.csv') as { posts: Post[]; warnings: string[] };
    expect(run.warnings).toEqual([]);
    const [first, mention, announcement, multiline] = run.posts;
    expect(first).toMatchObject({
      id: 'UgzKq3Lm9VbX2pR7tYw4AaABAg.A1b2C3d4E5fG6h7I8j9K0l',
      createdAt: '2024-10-15T10:30:00.123Z',
      text: 'Hola Marta,\nlo revisamos hoy mismo y te escribimos por privado.',
      inReplyTo: 'UgzKq3Lm9VbX2pR7tYw4AaABAg',
      threadId: 'UgzKq3Lm9VbX2pR7tYw4AaABAg',
      url: 'https://www.youtube.com/watch?v=vTq8Lm2Xp0A&lc=UgzKq3Lm9VbX2pR7tYw4AaABAg.A1b2C3d4E5fG6h7I8j9K0l',
      source: { line: 2 },
    });
    expect(mention!.text).toBe('@marta_rg ya tienes la línea activa. ¡Gracias por la paciencia!');
    expect(announcement).toMatchObject({ id: 'UgwAnNoUnCe7mEnT0fIbRa4AaABAg', threadId: 'UgwAnNoUnCe7mEnT0fIbRa4AaABAg' });
    expect(announcement!.inReplyTo).toBeUndefined();
    expect(multiline).toMatchObject({ createdAt: '2024-10-21T06:12:09.500Z', text: 'Perdona las molestias, Jorge.\nMañana a las 10:00 te llama un técnico.' });
  });

  it('reads the old layout: takeoutSegments, plain text, and parents taken from reply ids', async () => {
    const run = (await readFolder('youtube-takeout')).get('comments-2023.csv') as { posts: Post[]; notes: string[] };
    expect(run.posts.map((p) => [p.text, p.inReplyTo ?? null])).toEqual([
      ['¡Gracias por avisar! Ya está solucionado en toda la zona centro.', null],
      ['Buenos días, Lucía: le enviamos el reembolso en 48 horas.', 'UgxLuCiA0pQrStUvWxYz4AaABAg'],
      ['Lucía, el reembolso ya está hecho. ¡Un saludo!', 'UgxLuCiA0pQrStUvWxYz4AaABAg'],
    ]);
    expect(run.posts[0]!.createdAt).toBe('2023-09-19T17:42:53.434Z');
    expect(run.notes).toContain("2 replies name no parent comment: the parent was read from the reply's id (<parent>.<suffix>)");
  });

  it('reads the Post ID variant, keeps broken JSON text as written, and skips bad rows with their lines', async () => {
    const run = (await readFolder('youtube-takeout')).get('comments-variant.csv') as { posts: Post[]; notes: string[]; warnings: string[] };
    expect(run.posts.map((p) => p.id)).toEqual([
      'UgkxPoStCoMmEnT1aBcDeF4AaABAg',
      'UgkxRePlYtOpLeVeL0aBcD4AaABAg.C1d2E3f4G5h6I7j8K9l0Mn',
      'UgkxBrOkEnJsOn0aBcDeFg4AaABAg',
    ]);
    expect(run.posts[0]!.url).toBe('https://www.youtube.com/post/UgkxC0mMuNiTyP0sT1aBcDeFgHiJ?lc=UgkxPoStCoMmEnT1aBcDeF4AaABAg');
    expect(run.posts[1]!.threadId).toBe('UgkxRePlYtOpLeVeL0aBcD4AaABAg');
    expect(run.posts[2]!.text).toBe('{"text":"Sentimos el retraso, ya hemos escalado tu caso');
    expect(run.warnings).toEqual(['4:bad-comment-text', '5:bad-date', '6:ragged-row', '7:no-id']);
    expect(run.notes).toContain('1 comment text was broken JSON and is quoted as written');
  });

  it('maps Spanish headers and takes the name from canal.csv', async () => {
    const files = await readFolder('youtube-takeout-es');
    expect(files.get('canal.csv')).toMatch(/channel list \(canal\.csv\)/);
    const run = files.get('comentarios.csv') as { posts: Post[]; channel: string };
    expect(run.channel).toBe('Fibranet España');
    expect(run.posts.map((p) => [p.author, p.text, p.inReplyTo])).toEqual([
      ['Fibranet España', 'Hola Pablo, ¿nos pasas tu número de cliente por privado? Lo miramos ahora.', 'UgzPaBlO0aBcDeFgHiJkLm4AaABAg'],
      ['Fibranet España', 'Resuelto: era una avería en la centralita. ¡Perdona las molestias!', 'UgzPaBlO0aBcDeFgHiJkLm4AaABAg'],
    ]);
  });
});

describe('youtube-takeout without channel.csv, and problems', () => {
  const row = (channel: string, id: string, text: string) => `${channel},2024-10-15T10:30:00.5+00:00,0,${id},,vTq8Lm2Xp0A,"${text}"`;

  it('names the account by its channel id and says to give it as --brand', async () => {
    const run = await ingest('comments.csv', `${NEW_HEADER}\n${row(CHANNEL, 'UgzA', '{""text"":""hola""}')}\n`);
    expect(run.posts.map((p) => [p.author, p.text, p.createdAt])).toEqual([[CHANNEL, 'hola', '2024-10-15T10:30:00.500Z']]);
    expect(run.summary.channel).toBe(CHANNEL);
    expect(run.summary.notes[0]).toBe(
      `the account is known only by its channel id ${CHANNEL} (no channel.csv beside the file: Takeout puts it in channels/): give --brand ${CHANNEL}`,
    );
  });

  it('leaves the owner open when the comments come from several channels', async () => {
    const run = await ingest('comments.csv', `${NEW_HEADER}\n${row(CHANNEL, 'UgzA', 'uno')}\n${row('UCotro0aBcDeFgHiJkLmNoPq', 'UgzB', 'dos')}\n`);
    expect(run.summary.channel).toBeUndefined();
    expect(run.posts.map((p) => p.author)).toEqual([CHANNEL, 'UCotro0aBcDeFgHiJkLmNoPq']);
    expect(run.summary.notes[0]).toMatch(/^comments from 2 channels \(UCf1bRaNeT0aBcDeFgHiJkLm, UCotro0aBcDeFgHiJkLmNoPq\)/);
  });

  it('reads a copy Excel saved with ";" and a sep= line, and one without a Video ID column', async () => {
    const excel = await ingest(
      'comments.csv',
      `sep=;\nComment ID;Channel ID;Comment Create Timestamp;Comment Text\nUgzA;${CHANNEL};2024-10-15T10:30:00+02:00;"Hola; qué tal"\n`,
    );
    expect(excel.posts.map((p) => [p.id, p.createdAt, p.text, p.url ?? null])).toEqual([['UgzA', '2024-10-15T08:30:00Z', 'Hola; qué tal', null]]);
    expect(excel.warnings).toEqual([]);
  });

  it('refuses a header without the required columns, naming them', async () => {
    await expect(ingest('comments.csv', 'Comment ID,Video ID,Price\nUgzA,v,0\n', { adapterId: 'youtube-takeout' })).rejects.toThrow(
      /not a YouTube Takeout comments\.csv: no "Channel ID", "Comment Create Timestamp", "Comment Text" column/,
    );
  });
});

describe('youtube-api', () => {
  it('matches the golden fixtures', async () => {
    await checkGolden('youtube-api');
  });

  it('detects API pages and items but leaves Graph API pages and ingest output alone', async () => {
    expect(await detectedId('p.json', '{"kind": "youtube#commentThreadListResponse", "items": []}')).toBe('youtube-api');
    expect(await detectedId('p.json', '[{"id": "Ugz", "snippet": {"topLevelComment": {}}}]')).toBe('youtube-api');
    expect(await detectedId('c.jsonl', '{"id": "Ugz.a", "snippet": {"textDisplay": "x", "authorChannelId": {"value": "UC"}}}\n')).toBe('youtube-api');
    expect(await detectedId('g.json', '{"data": [{"id": "1_2", "created_time": "2024-10-15T09:58:31+0000", "message": "hola"}], "paging": {}}')).toBe(
      'meta-graph',
    );
    expect(await detectedId('posts.jsonl', '{"id":"1","platform":"youtube","author":"ana","createdAt":"2026-10-01T10:00:00Z","text":"hola"}\n')).toBe('jsonl');
  });

  it("makes the video's channel the owner and its comments the brand's, by display name", async () => {
    const run = await ingest('commentThreads.json', fixture('youtube-api', 'commentThreads.json'));
    expect(run.summary.channel).toBe('@Fibranet');
    const brand = run.posts.filter((p) => p.role === 'brand');
    expect(brand.map((p) => p.author)).toEqual(['@Fibranet', '@Fibranet']);
    expect(brand[0]!.edited).toBe(true);
    expect(run.posts.find((p) => p.id === 'UgyJoRgE5qWeRtYuIoP4AaABAg')!.text).toBe('Tercer día sin conexión. Me dijisteis "48 horas" y nada.\n\nVer 1:23');
    const conversations = buildConversations(
      run.corpus,
      { handles: ['Fibranet'], asOf: Date.parse('2024-12-31T00:00:00Z'), since: 0, until: Infinity },
      () => {},
    );
    const roles = Array.from(conversations.roles);
    expect(roles.filter((r) => r === ROLE_BRAND).length).toBe(2);
    expect(roles.filter((r) => r === ROLE_CUSTOMER).length).toBe(run.posts.length - 2);
    // Unanswered comments on the brand's own videos still count: the file is its channel.
    expect(conversations.count).toBe(4);
  });

  it('puts each comment on its own video channel when a file mixes channels', async () => {
    const thread = (id: string, channel: string, author: string, authorChannel: string) => ({
      kind: 'youtube#commentThread',
      id,
      snippet: {
        channelId: channel,
        videoId: 'v1',
        totalReplyCount: 0,
        topLevelComment: {
          id,
          snippet: { textOriginal: 'hola', authorDisplayName: author, authorChannelId: { value: authorChannel }, publishedAt: '2024-10-15T08:00:00Z' },
        },
      },
    });
    const run = await ingest(
      't.jsonl',
      `${[thread('Ugz1', CHANNEL, '@Fibranet', CHANNEL), thread('Ugz2', 'UCotra', '@ana', 'UCana')].map((t) => JSON.stringify(t)).join('\n')}\n`,
    );
    expect(run.summary.channel).toBeUndefined();
    expect(run.posts.map((p) => [p.channel, p.role ?? null, p.source.line])).toEqual([
      ['@Fibranet', 'brand', 1],
      ['UCotra', null, 2],
    ]);
    expect(run.summary.notes[0]).toBe("the comments are under the videos of 2 channels (@Fibranet, UCotra): each comment sits on its video's channel");
  });

  it('names the owner by id when it never comments, and notes every page having a next token', async () => {
    const page = {
      kind: 'youtube#commentThreadListResponse',
      nextPageToken: 'QURT',
      items: [
        {
          kind: 'youtube#commentThread',
          id: 'Ugz1',
          snippet: {
            channelId: CHANNEL,
            videoId: 'v1',
            topLevelComment: {
              id: 'Ugz1',
              snippet: { textDisplay: 'a &amp; b', authorChannelId: { value: 'UCana' }, publishedAt: '2024-10-15T08:00:00Z' },
            },
          },
        },
      ],
    };
    const run = await ingest('p.json', JSON.stringify(page, null, 2));
    expect(run.summary.channel).toBe(CHANNEL);
    expect(run.posts.map((p) => [p.author, p.text])).toEqual([['UCana', 'a & b']]);
    expect(run.summary.notes).toEqual([
      `the comments are under the videos of channel ${CHANNEL}, which does not comment in the file: give --brand ${CHANNEL} for it`,
      'every page in the file has a "nextPageToken": the list goes on past the last page saved',
    ]);
  });

  it('refuses a document that is not JSON', async () => {
    await expect(ingest('p.json', '{"kind": "youtube#commentThreadListResponse",\n "items": [', { adapterId: 'youtube-api' })).rejects.toThrow(
      /not valid JSON/,
    );
  });

  it('is registered with its Takeout sibling', () => {
    expect(adapterById('youtube-api')?.capabilities.customerTexts).toBe(true);
    expect(adapterById('youtube-takeout')?.capabilities.customerTexts).toBe(false);
  });
});
