import { describe, it, expect } from 'vitest';
import { ingest } from './helpers.js';

const HEADER = 'tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id';

/** formats-samples.md §1.12, verbatim. */
const SAMPLE = `${HEADER}
5,TeleNovaAyuda,False,Tue Oct 31 22:10:47 +0000 2017,"@118001 Lo sentimos, pulsa â€˜Mensajeâ€™ en nuestro perfil y lo vemos ^JM",,4.0
4,118001,True,Tue Oct 31 22:08:27 +0000 2017,"@TeleNovaAyuda llevo una semana sin línea
y nadie contesta",5,
7,118002,True,Wed Nov 01 08:00:00 +0000 2017,@TeleNovaAyuda factura duplicada otra vez,"8,9",
8,TeleNovaAyuda,False,Wed Nov 01 08:30:00 +0000 2017,@118002 Te escribimos por MD /AB,,7
9,TeleNovaAyuda,False,Wed Nov 01 08:31:00 +0000 2017,@118002 Disculpa la espera /AB,,7
`;

describe('TWCS adapter', () => {
  it('is detected from its header and reads the §1.12 sample with all its quirks', async () => {
    const { posts, summary, warnings } = await ingest('twcs.csv', SAMPLE);
    expect(summary.format).toBe('twcs');
    expect(warnings).toEqual([]);
    expect(posts.map((p) => p.id)).toEqual(['5', '4', '7', '8', '9']);
    // Float parent "4.0" is the id "4"; branching "8,9" does not stop 8 and 9 from replying to 7.
    expect(posts.map((p) => p.inReplyTo)).toEqual(['4', undefined, undefined, '7', '7']);
    // inbound False is the brand, True the customer.
    expect(posts.map((p) => p.role)).toEqual(['brand', 'customer', 'customer', 'brand', 'brand']);
    expect(posts.map((p) => p.author)).toEqual(['TeleNovaAyuda', '118001', '118002', 'TeleNovaAyuda', 'TeleNovaAyuda']);
    expect(posts.every((p) => p.platform === 'x')).toBe(true);
  });

  it('keeps ids out of time order as given: the reply (id 5) is later than its parent (id 4)', async () => {
    const { posts } = await ingest('twcs.csv', SAMPLE);
    expect(posts[0]!.createdAt).toBe('2017-10-31T22:10:47Z');
    expect(posts[1]!.createdAt).toBe('2017-10-31T22:08:27Z');
    expect(Date.parse(posts[0]!.createdAt)).toBeGreaterThan(Date.parse(posts[1]!.createdAt));
  });

  it('repairs the mojibake and keeps the embedded newline and the agent signature', async () => {
    const { posts } = await ingest('twcs.csv', SAMPLE);
    expect(posts[0]!.text).toBe('@118001 Lo sentimos, pulsa ‘Mensaje’ en nuestro perfil y lo vemos ^JM');
    expect(posts[1]!.text).toBe('@TeleNovaAyuda llevo una semana sin línea\ny nadie contesta');
  });

  it('reports the physical line of every row, counting the embedded newline', async () => {
    const { posts } = await ingest('twcs.csv', SAMPLE);
    expect(posts.map((p) => p.source)).toEqual([
      { file: 'twcs.csv', line: 2 },
      { file: 'twcs.csv', line: 3 },
      { file: 'twcs.csv', line: 5 },
      { file: 'twcs.csv', line: 6 },
      { file: 'twcs.csv', line: 7 },
    ]);
  });

  it('accepts a leading pandas index column and float ids everywhere', async () => {
    const csv = [
      `,${HEADER}`,
      '0,1.0,AppleSupport,False,Tue Oct 31 22:10:47 +0000 2017,@115712 Happy to help &amp; fix it,,3.0',
      '1,3.0,115712,True,Tue Oct 31 22:08:27 +0000 2017,@AppleSupport my iPhone &lt;3 is broken,1,',
    ].join('\n');
    const { posts, summary, warnings } = await ingest('pandas.csv', csv);
    expect(summary.format).toBe('twcs');
    expect(warnings).toEqual([]);
    expect(posts.map((p) => [p.id, p.author, p.inReplyTo, p.role])).toEqual([
      ['1', 'AppleSupport', '3', 'brand'],
      ['3', '115712', undefined, 'customer'],
    ]);
    expect(posts.map((p) => p.text)).toEqual(['@115712 Happy to help & fix it', '@AppleSupport my iPhone <3 is broken']);
  });

  it('skips a row with a bad created_at, naming its line, and keeps the others', async () => {
    const csv = [
      HEADER,
      '1,sprintcare,False,Tue Oct 31 22:10:47 +0000 2017,@115712 hola,,2',
      '2,115712,True,2017-10-31 22:08:27,@sprintcare ayuda,1,',
      '3,115713,True,Tue Oct 31 23:00:00 +0000 2017,@sprintcare otra,,',
    ].join('\n');
    const { posts, warnings } = await ingest('twcs-bad.csv', csv);
    expect(posts.map((p) => p.id)).toEqual(['1', '3']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ input: 'twcs-bad.csv', line: 3, code: 'bad-date' });
    expect(warnings[0]!.message).toContain('2017-10-31 22:08:27');
  });

  it('warns about odd inbound values, non-numeric ids and ragged rows, with their lines', async () => {
    const csv = [
      HEADER,
      '1,sprintcare,maybe,Tue Oct 31 22:10:47 +0000 2017,hola,,',
      'abc,115712,True,Tue Oct 31 22:10:47 +0000 2017,hola,,',
      '3,115712,True,Tue Oct 31 22:10:47 +0000 2017,hola,,x9',
      '4,115712,True,Tue Oct 31 22:10:47 +0000 2017,hola',
      '5,,True,Tue Oct 31 22:10:47 +0000 2017,hola,,',
      '6,115714,TRUE,Tue Oct 31 22:11:00 +0000 2017,bien,,',
    ].join('\n');
    const { posts, warnings } = await ingest('twcs-odd.csv', csv);
    expect(posts.map((p) => [p.id, p.role, p.inReplyTo])).toEqual([
      ['1', undefined, undefined],
      ['3', 'customer', undefined],
      ['6', 'customer', undefined],
    ]);
    expect(warnings.map((w) => [w.line, w.code])).toEqual([
      [2, 'bad-inbound'],
      [3, 'bad-id'],
      [4, 'bad-id'],
      [5, 'ragged-row'],
      [6, 'missing-author'],
    ]);
  });

  it('reads the same posts whatever the chunking', async () => {
    const whole = await ingest('twcs.csv', SAMPLE);
    for (const chunkSize of [1, 7, 33]) {
      expect((await ingest('twcs.csv', SAMPLE, { chunkSize })).posts).toEqual(whole.posts);
    }
  });
});
