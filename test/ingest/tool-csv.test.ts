import { describe, expect, it } from 'vitest';
import { brandPresence } from '../../src/model/brand-presence.js';
import { catalogFor } from '../../src/rules/index.js';
import { toolOfHeader } from '../../src/ingest/csv/tool-maps.js';
import { checkGolden } from './golden.js';
import { ingest } from './helpers.js';

const es = catalogFor('es');

/** formats-samples.md §3.1: the documented conversation headers plus the (unverified) message columns. */
const SAMPLE = `Conversation ID,Medium,Channel,Channel Display Name,Contact Primary Identifier,Created at,Direction,Message,Agent
c_7f3a,twitter,dm,TeleNova Ayuda,@lucia_pz,2024-10-15 10:40:00,inbound,"Mi número de cliente es 1234567",
c_7f3a,twitter,dm,TeleNova Ayuda,@lucia_pz,2024-10-15 11:02:00,outbound,"Gracias Lucía, ya está activo de nuevo.",Jorge M.
`;

/** Every keyed warning and note of a run has its Spanish sentence. */
function expectSpanish(run: Awaited<ReturnType<typeof ingest>>): void {
  for (const w of run.warnings) if (w.id !== undefined || w.data !== undefined) expect(es.warning(w), w.code).not.toBe(w.message);
  for (const note of run.keyedNotes) if (typeof note !== 'string') expect(es.note(note), note.id).not.toBe(note.text);
}

describe('social-tool CSV exports', () => {
  it('reads the golden fixtures (Hootsuite in English, Spanish ";" with Excel ids, UTF-16 "Texto Unicode"; Sprout Social)', async () => {
    await checkGolden('tool-csv');
  });

  it('recognises Hootsuite Inbox 2.0 / Sparkcentral by its headers and marks the outbound messages as the brand channel', async () => {
    const run = await ingest('inbox.csv', SAMPLE);
    expect(run.summary.format).toBe('csv:hootsuite');
    expect(run.warnings).toEqual([]);
    expect(run.posts.map((p) => [p.id, p.platform, p.author, p.role, p.threadId, p.channel])).toEqual([
      ['c_7f3a#2', 'x', '@lucia_pz', 'customer', 'c_7f3a', 'TeleNova Ayuda'],
      // The contact column names Lucía on the outbound row too: the reply is the channel's, not hers.
      ['c_7f3a#3', 'x', 'TeleNova Ayuda', 'brand', 'c_7f3a', 'TeleNova Ayuda'],
    ]);
    // Dates without offset are read in --timezone, and the note says the zone is the one picked at export time.
    expect(run.posts[0]!.createdAt).toBe('2024-10-15T08:40:00Z');
    expect(run.summary.notes.some((n) => n.startsWith('Hootsuite writes dates'))).toBe(true);
    expect(run.summary.notes.some((n) => n.includes('unverified'))).toBe(true);
    expectSpanish(run);
  });

  it('counts the outbound messages for a --brand that names the channel, whoever the agent was', async () => {
    const run = await ingest('inbox.csv', SAMPLE);
    expect(brandPresence(run.corpus, ['TeleNovaAyuda']).brandPosts).toBe(1);
    expect(brandPresence(run.corpus, ['OtraMarca']).brandPosts).toBe(0);
  });

  it('without a channel column the agent authors the outbound message, and the note says --brand must name agents', async () => {
    const csv =
      'Conversation ID,Contact Primary Identifier,Created at,Direction,Message,Agent\nc1,ana,2024-10-15T10:00:00Z,inbound,hola,\nc1,ana,2024-10-15T10:05:00Z,outbound,buenas,Jorge M.\n';
    const run = await ingest('inbox.csv', csv);
    expect(run.posts.map((p) => [p.author, p.role])).toEqual([
      ['ana', 'customer'],
      ['Jorge M.', 'brand'],
    ]);
    expect(run.summary.notes.some((n) => n.includes('--brand must name their authors'))).toBe(true);
    expectSpanish(run);
  });

  it('--map still overrides the built-in map, column by column', async () => {
    const csv = `Conversation ID,Contact Primary Identifier,Contact Secondary Identifier,Created at,Direction,Message\nc1,p_1,@ana,2024-10-15T10:00:00Z,inbound,hola\n`;
    const run = await ingest('inbox.csv', csv, { options: { columnMap: { 'Contact Secondary Identifier': 'author' } } });
    expect(run.summary.format).toBe('csv:hootsuite');
    expect(run.posts.map((p) => p.author)).toEqual(['@ana']);
    expect(run.summary.notes.find((n) => n.startsWith('read with'))).not.toContain('Contact Secondary Identifier');
  });

  it('refuses a conversation-level export (no message text) and names the export to use', async () => {
    const csv =
      'Conversation ID,Medium,Channel,Channel Display Name,Contact Profile ID,Contact Primary Identifier,Contact Secondary Identifier,Created at,Last Status Change Agent ID\nc1,twitter,dm,TeleNova Ayuda,p1,@ana,Ana,2024-10-15 10:00:00,a7\n';
    await expect(ingest('resolved.csv', csv)).rejects.toThrow(/one row per conversation.*"Messages"/);
  });

  it('warns when the export has no direction column: the brand replies cannot be told apart', async () => {
    const csv = 'Conversation ID,Contact Primary Identifier,Created at,Message\nc1,ana,2024-10-15T10:00:00Z,hola\n';
    const run = await ingest('inbox.csv', csv);
    expect(run.warnings.map((w) => w.code)).toEqual(['tool-no-direction']);
    expectSpanish(run);
  });

  it('--input-format generic-csv reads a tool export without its map', async () => {
    const withIds =
      'Message ID,Conversation ID,Contact Primary Identifier,Created at,Direction,Message,Agent\nm1,c1,@lucia_pz,2024-10-15T10:00:00Z,inbound,hola,\nm2,c1,@lucia_pz,2024-10-15T10:05:00Z,outbound,buenas,Jorge M.\n';
    const run = await ingest('inbox.csv', withIds, { adapterId: 'generic-csv' });
    expect(run.summary.format).toBe('generic-csv');
    // The generic reader takes "Contact Primary Identifier" as the author of every row.
    expect(run.posts.map((p) => p.author)).toEqual(['@lucia_pz', '@lucia_pz']);
  });

  it('recognises Sprout Social message data (unverified names) and leaves the brand side to --brand', async () => {
    const csv =
      'guid,created_time,customer_profile_id,network,from.screen_name,text,parent_guid\nm1,2024-10-20T08:12:00Z,44,TWITTER,dani,@Marca hola,\nm2,2024-10-20T09:00:00Z,44,TWITTER,Marca,@dani dinos,m1\n';
    const run = await ingest('sprout.csv', csv);
    expect(run.summary.format).toBe('csv:sprout-social');
    expect(run.posts.map((p) => [p.id, p.platform, p.author, p.inReplyTo, p.role])).toEqual([
      ['m1', 'x', 'dani', undefined, undefined],
      ['m2', 'x', 'Marca', 'm1', undefined],
    ]);
    expectSpanish(run);
  });

  it('a tool row without a network is on the csv:<tool> platform', async () => {
    const csv = 'Conversation ID,Medium,Contact Primary Identifier,Created at,Direction,Message\nc1,,ana,2024-10-15T10:00:00Z,inbound,hola\n';
    const run = await ingest('inbox.csv', csv);
    expect(run.posts[0]!.platform).toBe('csv:hootsuite');
  });

  it('detects only on the distinctive headers, not on a lone "Conversation ID"', () => {
    expect(toolOfHeader(['conversation_id', 'author', 'text'])).toBeUndefined();
    expect(toolOfHeader(['id_de_conversacion', 'identificador_principal_de_contacto'])?.tool).toBe('hootsuite');
    expect(toolOfHeader(['created_time', 'message'])).toBeUndefined();
  });
});

describe('generic CSV messages in Spanish', () => {
  it('every warning and note of a messy CSV is keyed and has its Spanish sentence', async () => {
    const csv = [
      'id,author,created_at,text,in_reply_to,rating,role,deleted,agent',
      '1.84613E+18,ana,2024-10-15T10:00:00Z,hola,,9,jefe,quizá,',
      ',,2024-10-15T10:05:00Z,respuesta,1.84613E+18,,brand,,Sara',
      '1846128913281980000,luis,ayer,otra,,,,,',
      '7,pepe,2024-10-15 10:07,otra más,,,,,',
      '8,marta',
    ].join('\n');
    const run = await ingest('messy.csv', csv);
    // The agent names a brand row that has no author.
    expect(run.posts.find((p) => p.text === 'respuesta')?.author).toBe('Sara');
    expect(run.warnings.map((w) => w.code).sort()).toEqual(
      [
        'bad-date',
        'bad-flag',
        'bad-rating',
        'bad-role',
        'excel-mangled-id',
        'excel-mangled-ids',
        'excel-mangled-reply-to',
        'excel-rounded-ids',
        'missing-id',
        'ragged-row',
      ].sort(),
    );
    expect(run.warnings.find((w) => w.code === 'excel-mangled-ids')?.data).toEqual({ ids: 1, links: 1 });
    for (const w of run.warnings) expect(w.data, w.code).toBeDefined();
    for (const note of run.keyedNotes) expect(typeof note, String(note)).not.toBe('string');
    expectSpanish(run);
  });

  it('date-order and date/time-column notes are keyed', async () => {
    const dated = await ingest('fechas.csv', 'id;autor;fecha;hora;texto\n1;ana;13/11/2024;10:00;hola\n2;luis;14/11/2024;;adiós\n');
    const forced = await ingest('forced.csv', 'id,author,date,text\n1,ana,04/11/2024 10:00,hi\n', { options: { dateOrder: 'month-first' } });
    const guessed = await ingest('guess.csv', 'id,author,date,text\n1,ana,04/11/2024 10:00,hi\n');
    for (const run of [dated, forced, guessed]) {
      for (const note of run.keyedNotes) expect(typeof note, String(note)).not.toBe('string');
      expectSpanish(run);
    }
    expect(guessed.keyedNotes.map((n) => (typeof n === 'string' ? n : n.id))).toContain('generic-csv.date-order-guessed.month-first');
  });
});
