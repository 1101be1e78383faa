/**
 * Facebook "Download your information" JSON: the account's (a profile's or a Page's) own comments
 * (`comments_and_reactions/comments.json`, `{"comments_v2": [...]}`) and posts (`posts/your_posts_1.json`,
 * newer `your_posts__check_ins__photos_and_videos_1.json`, `posts_on_other_pages_and_profiles.json`: an
 * array of `{timestamp, data: [{post}], attachments, title}`).
 *
 * Every text is Meta-mojibake (each UTF-8 byte escaped as `\u00XX`) and repaired string by string
 * (`../mojibake.ts`). Times are Unix seconds, UTC. The export has no ids and no parents: an id is made
 * from the file and the entry's position, and a comment answers nothing the data holds (its `title`,
 * "X replied to Y's comment.", is the only hint, and it is localized), so these posts show the brand's
 * tone and topics but no reply speed. A sticker or photo comment has no text and is kept as an empty post.
 */
import type { IngestAdapter } from '../../contract/adapter.js';
import type { PostRecord } from '../../contract/post.js';
import { InputError } from '../../errors.js';
import { readJsonInput } from '../bounded-json.js';
import { repairMetaStrings } from '../mojibake.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Unix seconds from 2004 (Facebook's start) to 2100, as epoch ms; anything else is not a Meta timestamp. */
export function metaSeconds(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1_072_915_200 || value > 4_102_444_800) return undefined;
  return value * 1000;
}

export function baseName(name: string): string {
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'), name.lastIndexOf('!')) + 1);
}

/** The actor a post's title starts with: "TeleNova updated their status." → TeleNova (EN and ES verbs). */
const TITLE_ACTOR =
  /^(.+?) (?:replied to|commented on|updated (?:his|her|their) status|shared|posted|wrote on|added|published|respondió|comentó|actualizó|compartió|publicó|escribió|añadió|agregó)\b/;

interface Entry {
  time: number | undefined;
  author: string | undefined;
  text: string;
  kind: 'comment' | 'post';
}

/** One element of comments_v2 or of a posts array. */
function readEntry(item: Json): Entry {
  const data = Array.isArray(item.data) ? item.data.filter(isObject) : [];
  const comment = data.map((d) => d.comment).find(isObject);
  const title = str(item.title);
  const fromTitle = title ? TITLE_ACTOR.exec(title)?.[1] : undefined;
  if (comment) {
    return {
      time: metaSeconds(item.timestamp) ?? metaSeconds(comment.timestamp),
      author: str(comment.author) || fromTitle,
      text: str(comment.comment) ?? '',
      kind: 'comment',
    };
  }
  const post = data.map((d) => str(d.post)).find((p) => p !== undefined);
  return { time: metaSeconds(item.timestamp), author: fromTitle, text: post ?? '', kind: 'post' };
}

/** The entries of the file: comments_v2 (older: comments), or the posts array (bare, or under one key). */
function entriesOf(doc: unknown): unknown[] | undefined {
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) return undefined;
  if (Array.isArray(doc.comments_v2)) return doc.comments_v2;
  if (Array.isArray(doc.comments)) return doc.comments;
  const lists = Object.values(doc).filter((v): v is unknown[] => Array.isArray(v) && v.some((e) => isObject(e) && 'timestamp' in e));
  return lists.length === 1 ? lists[0] : undefined;
}

export const facebookExportAdapter: IngestAdapter = {
  id: 'facebook-export',
  title: 'Facebook "Download your information" (JSON)',
  detection:
    'a Facebook JSON export file: comments.json ({"comments_v2": [...]}) or a posts file (your_posts_1.json, your_posts__check_ins__photos_and_videos_1.json…: an array of {"timestamp", "data": [{"post"}]}); Messenger threads and reactions files are recognised and passed over',
  yields:
    "the account's own comments and posts with exact times, text repaired from Meta's byte escapes; the export has no ids, no parents and none of the customers' comments, so tone and topics can be judged but not reply speed or reply rate",
  capabilities: { customerTexts: false, deletions: 'never', ratings: 'never', datePrecision: 'exact', layout: 'single-channel' },
  detect({ name, head }) {
    const start = head.replace(/^\ufeff/, '').trimStart();
    const base = baseName(name).toLowerCase();
    if (start.startsWith('{')) {
      if (/^\{\s*"comments_v2"\s*:\s*\[/.test(start)) return { confidence: 0.95 };
      if (/"participants"\s*:\s*\[/.test(start) && /"messages"\s*:\s*\[/.test(start) && /"sender_name"\s*:/.test(start)) {
        return {
          confidence: 0.9,
          exportPart: true,
          unsupported:
            'a Messenger (or Instagram direct) conversation from a Meta export: private messages are not supported yet; the audit reads public comments and posts (comments.json, your_posts_1.json)',
        };
      }
      if (/^\{\s*"reactions_v2"\s*:/.test(start) || /^\{\s*"likes_v2"\s*:/.test(start)) {
        return {
          confidence: 0.9,
          exportPart: true,
          unsupported: 'a Facebook reactions/likes file: it holds no text to audit; read comments.json and the posts files',
        };
      }
      if (/^\{\s*"comments"\s*:\s*\[\s*\{\s*"timestamp"\s*:\s*\d+/.test(start) && /"comment"\s*:\s*\{/.test(start)) return { confidence: 0.85 };
      return { confidence: 0 };
    }
    // A posts file: an array of {"timestamp": <seconds>, ... "data": [{"post": …}]}.
    if (/^\[\s*\{\s*"timestamp"\s*:\s*\d{9,10}\s*[,}]/.test(start) && (/"data"\s*:\s*\[/.test(start) || /"attachments"\s*:/.test(start))) {
      const named = /^(?:your_posts|posts_on_other_pages|your_posts__check_ins)/.test(base);
      if (named || /"post"\s*:\s*"/.test(start)) return { confidence: named ? 0.9 : 0.75 };
    }
    return { confidence: 0 };
  },
  async parse(input, sink) {
    const repaired = { count: 0 };
    const doc = repairMetaStrings(await readJsonInput(input, 'a Facebook export file'), repaired);
    const items = entriesOf(doc);
    if (!items) throw new InputError(`${input.name}: not a Facebook export file: expected {"comments_v2": [...]} or an array of posts`);
    const base = baseName(input.name);
    const entries = items.map((item) => (isObject(item) ? readEntry(item) : undefined));

    // The account: the author most of its comments carry (a posts file names it only in titles).
    const tally = new Map<string, number>();
    for (const entry of entries) if (entry?.author) tally.set(entry.author, (tally.get(entry.author) ?? 0) + 1);
    const owner = [...tally].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    if (owner) sink.channelOwner(owner);

    let textless = 0;
    let posted = 0;
    entries.forEach((entry, k) => {
      const where = `entry ${k + 1}`;
      if (!entry) {
        sink.warn({ code: 'bad-entry', message: `${where} is not an object; skipped`, id: 'meta.bad-entry', data: { where } });
        return;
      }
      if (entry.time === undefined) {
        sink.warn({ code: 'bad-date', message: `${where} has no "timestamp" in Unix seconds; skipped`, id: 'meta.no-time', data: { where } });
        return;
      }
      const author = entry.author ?? owner;
      if (!author) {
        sink.warn({
          code: 'missing-author',
          message: `${where}: neither the entry nor the file names its author; skipped`,
          id: 'facebook.no-author',
          data: { where },
        });
        return;
      }
      if (entry.text === '') textless++;
      const record: PostRecord = {
        id: `${base}#${k + 1}`,
        platform: 'facebook',
        author,
        time: entry.time,
        text: entry.text,
        role: 'brand',
        timePrecision: 'exact',
      };
      sink.post(record);
      posted++;
    });
    if (repaired.count > 0)
      sink.note(`${repaired.count} string${repaired.count === 1 ? '' : 's'} repaired from Meta's byte escapes (mojibake such as "Ã³" for "ó")`, {
        id: 'meta.mojibake-repaired',
        data: { n: repaired.count },
      });
    if (textless > 0)
      sink.note(`${textless} entr${textless === 1 ? 'y has' : 'ies have'} no text (a sticker, photo or link only): kept as empty posts`, {
        id: 'facebook.textless',
        data: { n: textless },
      });
    if (posted > 0) {
      sink.note(
        "a Facebook export holds only the account's own comments and posts, with no ids and no parents: their tone and topics are judged, but they answer no customer post in the data, so reply speed and reply rate cannot be measured from it",
        { id: 'facebook.own-comments' },
      );
    }
  },
};
