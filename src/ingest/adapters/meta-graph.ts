/**
 * Graph API JSON pages, as saved from Facebook's `/{post-id}/comments` (or `/{page-id}/posts` with
 * `comments{…}`) and Instagram's `/{media-id}/comments`: `{"data": [...], "paging": {...}}`, replies
 * nested as `comments: {data, paging}` (Facebook) or `replies: {data}` (Instagram), or flat with
 * `parent: {id}` / `parent_id` when fetched with `filter=stream`. A file may also hold an array of such
 * pages.
 *
 * Both sides of each thread are here, with exact times (`created_time` "2024-10-15T09:58:31+0000",
 * Instagram `timestamp`). Without a Page token Facebook leaves `from` out of users' comments: they are
 * authored "Facebook user (hidden)". The Page is known when a comment's `from.id` is the Page id that
 * starts the comment ids (`{page-id}_{…}`). A comment the Page hid (`is_hidden`, Instagram `hidden`) is
 * marked deleted: it is what "nada se borra" judges.
 */
import type { IngestAdapter, IngestSink } from '../../contract/adapter.js';
import type { PostRecord } from '../../contract/post.js';
import { InputError } from '../../errors.js';
import { parseFlexibleDate } from '../../time/dates.js';
import { readJsonInput } from '../bounded-json.js';
import { clip } from '../text-cleanup.js';
import { baseName } from './facebook-export.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export const HIDDEN_FACEBOOK_USER = 'Facebook user (hidden)';

interface Walk {
  sink: IngestSink;
  base: string;
  hiddenAuthors: number;
  hidden: number;
  tracksHidden: boolean;
  morePages: boolean;
  moreReplies: number;
  posted: number;
  /** from.id → from.name, and the id prefixes of the comments, to find the Page. */
  names: Map<string, string>;
  prefixes: Set<string>;
}

function readItem(item: Json, parent: string | undefined, path: string, walk: Walk): void {
  const instagram = item.created_time === undefined && (item.timestamp !== undefined || item.username !== undefined);
  const id = str(item.id) ?? `${walk.base}#${path}`;
  const rawTime = str(item.created_time) ?? str(item.timestamp) ?? '';
  const parsed = parseFlexibleDate(rawTime, 'day-first', 'UTC');
  const from = isObject(item.from) ? item.from : undefined;
  const fromId = str(from?.id);
  const author = instagram ? (str(item.username) ?? str(from?.username) ?? fromId) : (str(from?.name) ?? fromId);
  if (fromId && author) walk.names.set(fromId, author);
  const underscore = id.indexOf('_');
  if (underscore > 0) walk.prefixes.add(id.slice(0, underscore));
  const inReplyTo = parent ?? str((item.parent as Json | undefined)?.id) ?? str(item.parent_id);

  if (!parsed?.hasOffset) {
    walk.sink.warn({
      code: 'bad-date',
      message: `comment ${id}: "${clip(rawTime)}" is not an ISO 8601 time with an offset; skipped (its replies too)`,
      id: 'meta-graph.bad-date',
      data: { id, value: clip(rawTime) },
    });
    return;
  }
  const hiddenFlag = instagram ? item.hidden : item.is_hidden;
  if (typeof hiddenFlag === 'boolean') walk.tracksHidden = true;
  const record: PostRecord = {
    id,
    platform: instagram ? 'instagram' : 'facebook',
    author: author ?? HIDDEN_FACEBOOK_USER,
    time: parsed.ms,
    text: (instagram ? str(item.text) : str(item.message)) ?? '',
    inReplyTo,
    url: str(item.permalink_url) ?? str(item.permalink),
    visibility: 'public',
    timePrecision: 'exact',
  };
  if (!author) walk.hiddenAuthors++;
  if (hiddenFlag === true) {
    record.deleted = true;
    walk.hidden++;
  }
  walk.sink.post(record);
  walk.posted++;

  const nested = isObject(item.comments) ? item.comments : isObject(item.replies) ? item.replies : undefined;
  if (nested) {
    if (str((nested.paging as Json | undefined)?.next)) walk.moreReplies++;
    if (Array.isArray(nested.data)) {
      nested.data.forEach((child, k) => {
        if (isObject(child)) readItem(child, id, `${path}.${k + 1}`, walk);
      });
    }
  }
}

function pagesOf(doc: unknown): Json[] | undefined {
  if (isObject(doc) && Array.isArray(doc.data)) return [doc];
  if (Array.isArray(doc) && doc.length > 0 && doc.every((page) => isObject(page) && Array.isArray(page.data))) return doc as Json[];
  return undefined;
}

export const metaGraphAdapter: IngestAdapter = {
  id: 'meta-graph',
  title: 'Facebook/Instagram Graph API comments (JSON pages)',
  detection:
    'a JSON object (or an array of them) with "data": [...] whose items have "created_time" (Facebook) or "timestamp" with "username" (Instagram), as the Graph API returns comments and posts; replies nested under "comments"/"replies" or linked by "parent"',
  yields:
    "both sides of each comment thread with exact times and reply links; comments the Page hid are marked deleted; users' names are missing unless the file was fetched with a Page token",
  capabilities: { customerTexts: true, deletions: 'when-column', ratings: 'never', datePrecision: 'exact', layout: 'single-channel', globalIds: true },
  detect({ head }) {
    const start = head.replace(/^\ufeff/, '').trimStart();
    if (!/^\[?\s*\{\s*"data"\s*:\s*\[/.test(start)) return { confidence: 0 };
    // An empty page ({"data": [], "paging": …}): read, so the report says it is empty instead of "unknown format".
    if (/^\[?\s*\{\s*"data"\s*:\s*\[\s*\]\s*,\s*"paging"\s*:/.test(start)) return { confidence: 0.6 };
    // X API v2 pages also start {"data": [: theirs carry author_id / conversation_id.
    if (/"(?:author_id|conversation_id|edit_history_tweet_ids)"\s*:/.test(start)) return { confidence: 0 };
    const facebook = /"created_time"\s*:\s*"/.test(start);
    const instagram = /"timestamp"\s*:\s*"\d{4}-/.test(start) && /"(?:username|text)"\s*:/.test(start);
    if (!facebook && !instagram) return { confidence: 0 };
    return { confidence: /"paging"\s*:|"message"\s*:|"username"\s*:/.test(start) ? 0.9 : 0.8 };
  },
  async parse(input, sink) {
    const pages = pagesOf(await readJsonInput(input, 'a Graph API page'));
    if (!pages) throw new InputError(`${input.name}: not a Graph API page: expected {"data": [...], "paging": {...}}`);
    const walk: Walk = {
      sink,
      base: baseName(input.name),
      hiddenAuthors: 0,
      hidden: 0,
      tracksHidden: false,
      morePages: false,
      moreReplies: 0,
      posted: 0,
      names: new Map(),
      prefixes: new Set(),
    };
    pages.forEach((page, p) => {
      if (str((page.paging as Json | undefined)?.next)) walk.morePages = true;
      (page.data as unknown[]).forEach((item, k) => {
        if (isObject(item)) readItem(item, undefined, pages.length > 1 ? `${p + 1}.${k + 1}` : `${k + 1}`, walk);
        else sink.warn({ code: 'bad-entry', message: `item ${k + 1} of "data" is not an object; skipped`, id: 'meta-graph.bad-entry', data: { n: k + 1 } });
      });
    });
    // The Page: an author whose id starts the comment ids ({page-id}_{post-id}_{comment-id}).
    const pages_ = [...walk.prefixes].filter((prefix) => walk.names.has(prefix));
    if (pages_.length === 1) sink.channelOwner(walk.names.get(pages_[0]!)!);
    if (walk.tracksHidden) sink.tracksDeletion();
    if (walk.hidden > 0)
      sink.note(`${walk.hidden} comment${walk.hidden === 1 ? '' : 's'} hidden by the Page: marked deleted`, {
        id: 'meta-graph.hidden',
        data: { n: walk.hidden },
      });
    if (walk.hiddenAuthors > 0) {
      sink.note(
        `${walk.hiddenAuthors} comment${walk.hiddenAuthors === 1 ? ' has' : 's have'} no "from" (fetched without a Page token): authored "${HIDDEN_FACEBOOK_USER}"; brand replies among them cannot be told apart`,
        { id: 'meta-graph.hidden-authors', data: { n: walk.hiddenAuthors, name: HIDDEN_FACEBOOK_USER } },
      );
    }
    if (walk.morePages)
      sink.note('the file is one page of a longer list ("paging.next" is set): save the next pages too, or the audit sees only part of it', {
        id: 'meta-graph.more-pages',
      });
    if (walk.moreReplies > 0)
      sink.note(`${walk.moreReplies} thread${walk.moreReplies === 1 ? ' has' : 's have'} more replies than the file holds ("paging.next" inside "comments")`, {
        id: 'meta-graph.more-replies',
        data: { n: walk.moreReplies },
      });
    if (walk.posted === 0 && pages.every((page) => (page.data as unknown[]).length === 0)) sink.note('the page\'s "data" is empty', { id: 'meta-graph.empty' });
  },
};
