/**
 * Instagram "Download your information" JSON: the comments the account wrote,
 * `your_instagram_activity/comments/post_comments_1.json` (a bare array) and `reels_comments.json`
 * (`{"comments_reels_comments": [...]}`). Each item is `{"string_map_data": {"Comment": {"value"},
 * "Media Owner": {"value"}, "Time": {"timestamp"}}}`, its labels in the account's language: they are
 * matched against English and Spanish names (case and accents aside), then by the values' types (the
 * one with a timestamp is the time; the longest other value is the comment).
 *
 * Same Meta mojibake as Facebook, repaired per string. The items name neither their author (the
 * account) nor an id or a parent: the author is the account of the export, each comment sits on the
 * media owner's channel (so replies on the brand's own posts count as the brand's), and the id is the
 * file and position.
 */
import type { IngestAdapter } from '../../contract/adapter.js';
import type { PostRecord } from '../../contract/post.js';
import { InputError } from '../../errors.js';
import { readJsonInput } from '../bounded-json.js';
import { repairMetaStrings } from '../mojibake.js';
import { baseName, metaSeconds } from './facebook-export.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The author of every comment: an Instagram comments file never names the account that wrote it. */
export const INSTAGRAM_ACCOUNT = '(account of this export)';

/** Lower case, no accents, single spaces: "Propietario del contenido" → "propietario del contenido". */
function labelKey(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
}

const COMMENT_LABELS = new Set(['comment', 'comentario', 'text', 'texto']);
const OWNER_LABELS = new Set(['media owner', 'owner', 'propietario del contenido', 'propietario', 'dueno del contenido', 'autor del contenido']);
const TIME_LABELS = new Set(['time', 'hora', 'date', 'fecha', 'timestamp']);

interface Comment {
  text: string | undefined;
  owner: string | undefined;
  time: number | undefined;
}

function readComment(item: Json): Comment {
  const map = isObject(item.string_map_data) ? item.string_map_data : {};
  const fields = Object.entries(map).filter((e): e is [string, Json] => isObject(e[1]));
  let text: string | undefined;
  let owner: string | undefined;
  let time: number | undefined;
  for (const [label, field] of fields) {
    const key = labelKey(label);
    if (COMMENT_LABELS.has(key)) text ??= str(field.value);
    else if (OWNER_LABELS.has(key)) owner ??= str(field.value);
    else if (TIME_LABELS.has(key)) time ??= metaSeconds(field.timestamp);
  }
  // Labels in a language the lists lack: the value with a timestamp is the time, the longest other one the comment.
  time ??= fields.map(([, f]) => metaSeconds(f.timestamp)).find((t) => t !== undefined) ?? metaSeconds(item.timestamp);
  if (text === undefined) {
    const values = fields.map(([, f]) => str(f.value)).filter((v): v is string => v !== undefined && v !== owner);
    text = values.sort((a, b) => b.length - a.length)[0];
  }
  return { text, owner: owner === '' ? undefined : owner, time };
}

function itemsOf(doc: unknown): unknown[] | undefined {
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) return undefined;
  for (const key of ['comments_reels_comments', 'comments_media_comments', 'comments']) if (Array.isArray(doc[key])) return doc[key];
  const lists = Object.values(doc).filter((v): v is unknown[] => Array.isArray(v) && v.some((e) => isObject(e) && 'string_map_data' in e));
  return lists.length === 1 ? lists[0] : undefined;
}

export const instagramExportAdapter: IngestAdapter = {
  id: 'instagram-export',
  title: 'Instagram "Download your information" comments (JSON)',
  detection:
    'an Instagram JSON export file whose items carry "string_map_data" with a comment label (post_comments_1.json, reels_comments.json: {"comments_reels_comments": [...]}); English and Spanish labels; the export\'s other files (likes, followers, profile) are recognised and passed over',
  yields:
    "the comments the account wrote, with exact times and the owner of the commented media as the channel, text repaired from Meta's byte escapes; no ids, no parents and none of the customers' comments, so tone and topics can be judged but not reply speed",
  capabilities: { customerTexts: false, deletions: 'never', ratings: 'never', datePrecision: 'exact', layout: 'single-channel' },
  detect({ name, head }) {
    const start = head.replace(/^\ufeff/, '').trimStart();
    if (!start.startsWith('{') && !start.startsWith('[')) return { confidence: 0 };
    const base = baseName(name).toLowerCase();
    const mapData = /"string_map_data"\s*:\s*\{/.test(start);
    const wrapped = /^\{\s*"comments_(?:reels|media)_comments"\s*:\s*\[/.test(start);
    if (wrapped || (mapData && /comments/.test(base))) return { confidence: 0.95 };
    // A comment label, escaped or not: "Comment", "Comentario".
    if (mapData && /"(?:Comment|Comentario)"\s*:\s*\{\s*"value"/i.test(start)) return { confidence: 0.85 };
    if (mapData || /"string_list_data"\s*:\s*\[/.test(start)) {
      return {
        confidence: 0.6,
        exportPart: true,
        unsupported:
          'an Instagram export file without comments (likes, followers, profile or settings): nothing to audit; read your_instagram_activity/comments/post_comments_1.json and reels_comments.json',
      };
    }
    return { confidence: 0 };
  },
  async parse(input, sink) {
    const repaired = { count: 0 };
    const doc = repairMetaStrings(await readJsonInput(input, 'an Instagram comments file'), repaired);
    const items = itemsOf(doc);
    if (!items) throw new InputError(`${input.name}: not an Instagram comments file: expected an array of {"string_map_data": …} items`);
    const base = baseName(input.name);
    let textless = 0;
    let posted = 0;
    items.forEach((item, k) => {
      const where = `item ${k + 1}`;
      if (!isObject(item)) {
        sink.warn({ code: 'bad-entry', message: `${where} is not an object; skipped`, id: 'meta.bad-entry', data: { where } });
        return;
      }
      const comment = readComment(item);
      if (comment.time === undefined) {
        sink.warn({ code: 'bad-date', message: `${where} has no time (a "timestamp" in Unix seconds); skipped`, id: 'meta.no-time', data: { where } });
        return;
      }
      if (!comment.text) textless++;
      const record: PostRecord = {
        id: `${base}#${k + 1}`,
        platform: 'instagram',
        author: INSTAGRAM_ACCOUNT,
        time: comment.time,
        text: comment.text ?? '',
        role: 'brand',
        timePrecision: 'exact',
      };
      if (comment.owner) record.channel = comment.owner;
      sink.post(record);
      posted++;
    });
    if (repaired.count > 0)
      sink.note(`${repaired.count} string${repaired.count === 1 ? '' : 's'} repaired from Meta's byte escapes (mojibake such as "Ã³" for "ó")`, {
        id: 'meta.mojibake-repaired',
        data: { n: repaired.count },
      });
    if (textless > 0)
      sink.note(`${textless} comment${textless === 1 ? ' has' : 's have'} no text: kept as empty posts`, { id: 'instagram.textless', data: { n: textless } });
    if (posted > 0) {
      sink.note(
        `an Instagram comments file names neither their author nor what they answer: each is authored "${INSTAGRAM_ACCOUNT}" and sits on the channel of the media's owner, so the ones on the brand's own posts count as the brand's; customers' comments are not in the export`,
        { id: 'instagram.own-comments', data: { name: INSTAGRAM_ACCOUNT } },
      );
    }
  },
};
