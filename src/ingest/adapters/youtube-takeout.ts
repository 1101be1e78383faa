/**
 * Google Takeout's YouTube `comments.csv` ("YouTube and YouTube Music/comments/comments.csv"; the folder
 * and file names follow the account's language: "YouTube y YouTube Music/comentarios/comentarios.csv").
 *
 * It holds the account's own comments only, one row each: the comments they answered are not in it.
 * Quirks handled: columns are mapped by header name, case- and accent-insensitively, because Google
 * reordered them in June 2024, added `Post ID` and `Top-level comment ID` in some exports, and
 * translates the headers ("Channel Id" vs "Channel ID", "ID de comentario"). `Comment Text` comes as
 * `{"takeoutSegments":[{"text":…}]}` (old), as comma-joined segment objects `{"text":"…"},{"text":"\n"}`
 * that only parse once wrapped in `[ ]` (new), or as plain text; text whose JSON is broken is kept as
 * written, with a warning, rather than lost. Timestamps carry microseconds and an offset
 * (2023-09-19T17:42:53.434647+00:00): milliseconds are kept. A reply's id is `<parentId>.<suffix>`,
 * which gives its parent and thread when those columns are missing. The channel's name is read from a
 * `channel.csv` lying beside the file (Takeout puts it in `channels/`; copy it next to comments.csv).
 */
import type { AdapterInput, IngestAdapter, IngestSink } from '../../contract/adapter.js';
import type { PostRecord } from '../../contract/post.js';
import { InputError } from '../../errors.js';
import { parseFlexibleDate } from '../../time/dates.js';
import { parseBoundedJson } from '../bounded-json.js';
import { chooseDelimiter, forEachCsvRecord, headerKey, rowFits, sampleRecords } from '../csv/read-csv.js';
import { clip, repairMojibake } from '../text-cleanup.js';
import { youtubeUrl } from './youtube-api.js';

type Field = 'id' | 'channel' | 'time' | 'parent' | 'topLevel' | 'video' | 'post' | 'text';

/** Header keys (as `headerKey` writes them) in the languages Takeout is known to write, by field. */
const HEADER_FIELDS: Readonly<Record<Field, readonly string[]>> = {
  id: ['comment_id', 'id_de_comentario', 'id_del_comentario', 'id_du_commentaire', 'kommentar_id', 'id_commento', 'id_do_comentario'],
  channel: ['channel_id', 'id_de_canal', 'id_del_canal', 'id_de_la_chaine', 'kanal_id', 'id_canale', 'id_do_canal'],
  time: [
    'comment_create_timestamp',
    'comment_creation_timestamp',
    'create_timestamp',
    'marca_de_tiempo_de_creacion_del_comentario',
    'marca_de_tiempo_de_creacion_de_comentario',
    'horodatage_de_creation_du_commentaire',
    'zeitstempel_der_erstellung_des_kommentars',
    'timestamp_creazione_commento',
    'carimbo_de_data_hora_de_criacao_do_comentario',
  ],
  parent: [
    'parent_comment_id',
    'id_del_comentario_principal',
    'id_de_comentario_principal',
    'id_du_commentaire_parent',
    'ubergeordnete_kommentar_id',
    'id_commento_principale',
    'id_do_comentario_principal',
  ],
  topLevel: [
    'top_level_comment_id',
    'id_del_comentario_de_nivel_superior',
    'id_de_comentario_de_nivel_superior',
    'id_du_commentaire_de_premier_niveau',
    'kommentar_id_der_obersten_ebene',
    'id_commento_di_primo_livello',
    'id_do_comentario_de_nivel_superior',
  ],
  video: ['video_id', 'id_de_video', 'id_del_video', 'id_de_la_video', 'id_video', 'id_do_video'],
  post: ['post_id', 'id_de_la_publicacion', 'id_de_publicacion', 'id_de_la_publication', 'beitrags_id', 'id_post', 'id_da_postagem'],
  text: ['comment_text', 'texto_del_comentario', 'texto_de_comentario', 'texte_du_commentaire', 'kommentartext', 'testo_commento', 'texto_do_comentario'],
};
const FIELD_OF_KEY = new Map<string, Field>(Object.entries(HEADER_FIELDS).flatMap(([field, keys]) => keys.map((key) => [key, field as Field] as const)));
const REQUIRED: readonly Field[] = ['id', 'channel', 'time', 'text'];
const ENGLISH_NAME: Readonly<Record<Field, string>> = {
  id: 'Comment ID',
  channel: 'Channel ID',
  time: 'Comment Create Timestamp',
  parent: 'Parent Comment ID',
  topLevel: 'Top-level comment ID',
  video: 'Video ID',
  post: 'Post ID',
  text: 'Comment Text',
};

/** Takeout's channel list, as it may be copied beside comments.csv, in the languages above. */
const CHANNEL_FILES = ['channel.csv', 'channels.csv', 'canal.csv', 'canales.csv', 'chaine.csv', 'kanal.csv', 'canale.csv'];
const CHANNEL_TITLE_KEYS = [
  'channel_title_original',
  'channel_title',
  'titulo_del_canal_original',
  'titulo_del_canal',
  'titre_de_la_chaine_original',
  'kanaltitel_original',
  'titolo_del_canale_originale',
  'titulo_do_canal_original',
];
/** A channel list is a few rows; more than this beside comments.csv is not one. */
const MAX_CHANNEL_FILE_CHARS = 1 << 20;
/** Segment lists are short; the cell itself is bounded by the CSV reader's record size. */
const SEGMENT_LIMITS = { maxDepth: 8, maxStringChars: 1 << 20 };

function firstLineKeys(head: string): string[] {
  const first = (
    head
      .replace(/^\ufeff/, '')
      .replace(/^sep=.\r?\n/i, '')
      .split(/\r?\n/, 1)[0] ?? ''
  ).trim();
  const delimiter = [',', ';', '\t'].sort((a, b) => first.split(b).length - first.split(a).length)[0]!;
  return first.split(delimiter).map(headerKey);
}

function delimiterOf(head: string): string {
  const first = head.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  return [',', ';', '\t'].sort((a, b) => first.split(b).length - first.split(a).length)[0]!;
}

const fieldsIn = (keys: readonly string[]): Set<Field> => new Set(keys.map((key) => FIELD_OF_KEY.get(key)).filter((f): f is Field => f !== undefined));

/**
 * The words of a Takeout `Comment Text` cell. `broken` is set when it looked like segment JSON but did
 * not parse: the cell is then returned as written.
 */
export function takeoutCommentText(cell: string): { text: string; broken: boolean } {
  const trimmed = cell.trim();
  if (!/^[[{]/.test(trimmed) || !/"text"\s*:/.test(trimmed)) return { text: cell, broken: false };
  const wrapped = trimmed.startsWith('[') ? trimmed : `[${trimmed}]`;
  let value: unknown;
  try {
    value = parseBoundedJson(wrapped, SEGMENT_LIMITS);
  } catch {
    // Some exports leave raw line breaks inside the JSON strings; escaped, the JSON is whole again.
    try {
      value = parseBoundedJson(
        wrapped.replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
        SEGMENT_LIMITS,
      );
    } catch {
      return { text: cell, broken: true };
    }
  }
  if (!Array.isArray(value)) return { text: cell, broken: true };
  const segments = value.flatMap((item: unknown) => {
    const takeout = (item as { takeoutSegments?: unknown } | null)?.takeoutSegments;
    return Array.isArray(takeout) ? (takeout as unknown[]) : [item];
  });
  const texts = segments.map((segment) => (segment as { text?: unknown } | null)?.text).filter((t): t is string => typeof t === 'string');
  if (texts.length === 0) return { text: cell, broken: true };
  return { text: texts.join(''), broken: false };
}

async function readCapped(input: AdapterInput, max: number): Promise<string | undefined> {
  let text = '';
  for await (const chunk of input.chunks) {
    text += chunk;
    if (text.length > max) return undefined;
  }
  return text;
}

/** Channel id → title from the channel list beside the file, with the list's name; nothing when there is none. */
async function channelTitles(input: AdapterInput, sink: IngestSink): Promise<{ file: string; titles: Map<string, string> } | undefined> {
  const file = input.siblings.find((name) => CHANNEL_FILES.includes(name.toLowerCase()));
  if (!file) return undefined;
  const opened = await input.openSibling(file);
  const text = opened ? await readCapped(opened, MAX_CHANNEL_FILE_CHARS) : undefined;
  const records = text === undefined ? [] : sampleRecords(text.replace(/^\ufeff/, ''), delimiterOf(text), 1000, true);
  const keys = (records[0] ?? []).map(headerKey);
  const idAt = keys.findIndex((key) => HEADER_FIELDS.channel.includes(key));
  const titleAt = keys.findIndex((key) => CHANNEL_TITLE_KEYS.includes(key));
  if (idAt < 0 || titleAt < 0) {
    sink.warn({
      code: 'bad-channel-file',
      message: `${file} beside the comments has no channel id and title columns; the channel is named by its id`,
      id: 'youtube-takeout.bad-channel-file',
      data: { file },
    });
    return undefined;
  }
  const titles = new Map<string, string>();
  for (const record of records.slice(1)) {
    const id = record[idAt]?.trim();
    const title = record[titleAt]?.trim();
    if (id && title) titles.set(id, title);
  }
  return { file, titles };
}

export const youtubeTakeoutAdapter: IngestAdapter = {
  id: 'youtube-takeout',
  title: 'YouTube comments from Google Takeout (comments.csv)',
  detection:
    'a CSV whose header has a comment id, a channel id, a create timestamp and the comment text, in English or in the account\'s language ("Comment ID", "ID de comentario"…), as Takeout\'s comments.csv; a channel.csv beside it gives the channel\'s name and is not read on its own',
  yields: "the account's own comments and replies, with exact times and reply links; the comments they answered (the customers' side) are not in a Takeout",
  capabilities: { customerTexts: false, deletions: 'never', ratings: 'never', datePrecision: 'exact', layout: 'single-channel', globalIds: true },
  detect({ name, head }) {
    const start = head.replace(/^\ufeff/, '').trimStart();
    if (start.startsWith('{') || start.startsWith('[')) return { confidence: 0 };
    const keys = firstLineKeys(head);
    const fields = fieldsIn(keys);
    // All four, not just a comment and a video id: a scraper's CSV with those two is left to generic-csv.
    if (REQUIRED.every((field) => fields.has(field))) return { confidence: 0.9 };
    const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'), name.lastIndexOf('!')) + 1);
    if (keys.some((key) => HEADER_FIELDS.channel.includes(key)) && keys.some((key) => CHANNEL_TITLE_KEYS.includes(key)) && keys.length <= 12) {
      return {
        confidence: 0.9,
        exportPart: true,
        unsupported: `a YouTube Takeout channel list (${base}): it only names the channel; put it beside comments.csv, which is read with it`,
      };
    }
    if (keys.includes('live_chat_id') && keys.includes('live_chat_text')) {
      return {
        confidence: 0.9,
        exportPart: true,
        unsupported: "YouTube Takeout live chats: the account's own live-chat messages, not conversations with customers; read comments.csv",
      };
    }
    return { confidence: 0 };
  },
  async parse(input, sink, options) {
    const channelFile = await channelTitles(input, sink);
    const { delimiter, excelHint } = chooseDelimiter(input.head.replace(/^\ufeff/, ''));
    let column: Partial<Record<Field, number>> | undefined;
    let width = 0;
    const channels = new Map<string, number>();
    let posted = 0;
    let broken = 0;
    let derivedParents = 0;
    await forEachCsvRecord(input, delimiter, sink, (fields, line) => {
      if (!column) {
        // Excel's "sep=;" hint line, which the tokenizer has split on that very delimiter.
        if (excelHint && /^sep=.$/i.test(fields.join(delimiter))) return;
        const keys = fields.map(headerKey);
        column = {};
        keys.forEach((key, at) => {
          const field = FIELD_OF_KEY.get(key);
          if (field && column![field] === undefined) column![field] = at;
        });
        const missing = REQUIRED.filter((field) => column![field] === undefined);
        if (missing.length > 0) {
          throw new InputError(
            `${input.name}: not a YouTube Takeout comments.csv: no ${missing.map((f) => `"${ENGLISH_NAME[f]}"`).join(', ')} column (header: ${clip(fields.join(','), 120)})`,
            'Takeout headers are read in English, Spanish, French, German, Italian and Portuguese; rename the columns to the English names',
          );
        }
        width = fields.length;
        return;
      }
      if (!rowFits(fields, width, line, sink)) return;
      const cell = (field: Field): string => (column![field] === undefined ? '' : fields[column![field]!]!.trim());
      const id = cell('id');
      if (id === '') {
        sink.warn({ line, code: 'no-id', message: 'the comment id is empty; row skipped', id: 'youtube-takeout.no-id' });
        return;
      }
      const channel = cell('channel');
      if (channel === '') {
        sink.warn({ line, code: 'no-channel', message: `comment ${id}: the channel id is empty; row skipped`, id: 'youtube-takeout.no-channel', data: { id } });
        return;
      }
      const rawTime = cell('time');
      const parsed = parseFlexibleDate(rawTime, 'day-first', options.timezone);
      if (!parsed?.hasOffset || parsed.dateOnly) {
        sink.warn({
          line,
          code: 'bad-date',
          message: `comment ${id}: "${clip(rawTime)}" is not an ISO 8601 time with an offset (as 2023-09-19T17:42:53.434647+00:00); row skipped`,
          id: 'youtube-takeout.bad-date',
          data: { id, value: clip(rawTime) },
        });
        return;
      }
      const rawText = fields[column.text!]!;
      const { text, broken: badJson } = takeoutCommentText(rawText);
      if (badJson) {
        broken++;
        sink.warn({
          line,
          code: 'bad-comment-text',
          message: `comment ${id}: the text looks like Takeout's JSON segments but does not parse; kept as written`,
          id: 'youtube-takeout.bad-text',
          data: { id },
        });
      }
      // Replies are `<parentId>.<suffix>`: the id alone gives the parent when the column is missing or empty.
      const dot = id.indexOf('.');
      const root = dot > 0 ? id.slice(0, dot) : id;
      let parent = cell('parent');
      if (parent === '' && dot > 0) {
        parent = root;
        derivedParents++;
      }
      const video = cell('video');
      const postId = cell('post');
      const author = channelFile?.titles.get(channel) ?? channel;
      channels.set(channel, (channels.get(channel) ?? 0) + 1);
      const record: PostRecord = {
        id,
        platform: 'youtube',
        author,
        time: parsed.ms,
        text: repairMojibake(text.trim()),
        inReplyTo: parent !== '' && parent !== id ? parent : undefined,
        threadId: cell('topLevel') || root,
        url: youtubeUrl(video, postId, id),
        role: 'brand',
        visibility: 'public',
        timePrecision: 'exact',
        line,
      };
      sink.post(record);
      posted++;
    });
    if (!column) throw new InputError(`${input.name}: empty: no header row`);
    if (channels.size === 1) {
      const [id] = [...channels.keys()];
      const title = channelFile?.titles.get(id!);
      sink.channelOwner(title ?? id!);
      if (title)
        sink.note(`channel ${id} is named "${title}" in ${channelFile!.file}: its comments are authored "${title}"; give --brand "${title}"`, {
          id: 'youtube-takeout.channel-named',
          data: { id: id!, name: title, file: channelFile!.file },
        });
      else
        sink.note(`the account is known only by its channel id ${id} (no channel.csv beside the file: Takeout puts it in channels/): give --brand ${id}`, {
          id: 'youtube-takeout.channel-id-only',
          data: { id: id! },
        });
    } else if (channels.size > 1) {
      const ids = [...channels.keys()].sort();
      sink.note(`comments from ${ids.length} channels (${ids.slice(0, 5).join(', ')}): each is authored by its channel; give --brand for the ones to audit`, {
        id: 'youtube-takeout.several-channels',
        data: { n: ids.length, ids: ids.slice(0, 5).join(', ') },
      });
    }
    if (derivedParents > 0)
      sink.note(
        `${derivedParents} repl${derivedParents === 1 ? 'y names' : 'ies name'} no parent comment: the parent was read from the reply's id (<parent>.<suffix>)`,
        {
          id: 'youtube-takeout.parent-from-id',
          data: { n: derivedParents },
        },
      );
    if (broken > 0)
      sink.note(`${broken} comment text${broken === 1 ? ' was' : 's were'} broken JSON and ${broken === 1 ? 'is' : 'are'} quoted as written`, {
        id: 'youtube-takeout.broken-texts',
        data: { n: broken },
      });
    if (posted > 0)
      sink.note(
        "a YouTube Takeout holds only the account's own comments: the comments they answered are not in it, so response times and ignored comments cannot be judged from it",
        { id: 'youtube-takeout.own-comments' },
      );
  },
};
