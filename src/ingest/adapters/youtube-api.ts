/**
 * YouTube Data API v3 comment JSON, as saved from `commentThreads.list` (a page `{"items": [threads],
 * "nextPageToken"}`), a JSON array of such pages, or JSON Lines of threads; `comments.list` pages and
 * items (the replies fetched with `parentId`) are read too.
 *
 * Every author's comments are here, both sides of each thread: a comment whose `authorChannelId` is the
 * video's channel (`snippet.channelId`) is the channel's own, and that channel owns the file. Authors
 * are their display names (the @handle YouTube shows), or the channel id when the file gives no name.
 * `textOriginal` is preferred; without it (it is only returned to the comment's author) the HTML of
 * `textDisplay` becomes text. `updatedAt` later than `publishedAt` means edited. A thread keeps at most
 * 5 replies in `commentThreads.list`: when `totalReplyCount` says more, the file is missing the rest.
 * A comment the channel rejected (`moderationStatus: "rejected"`) is marked deleted.
 */
import type { IngestAdapter, IngestSink } from '../../contract/adapter.js';
import type { PostRecord } from '../../contract/post.js';
import { parseFlexibleDate } from '../../time/dates.js';
import { forEachJsonValue } from '../bounded-json.js';
import { clip } from '../text-cleanup.js';
import { htmlToText } from './mastodon-outbox.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

export const UNNAMED_YOUTUBE_USER = 'YouTube user (unnamed)';

/** Where a comment is seen on YouTube: `lc` opens the video or post with that comment highlighted. */
export function youtubeUrl(videoId: string | undefined, postId: string | undefined, commentId: string): string | undefined {
  const lc = encodeURIComponent(commentId);
  if (videoId) return `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}&lc=${lc}`;
  if (postId) return `https://www.youtube.com/post/${encodeURIComponent(postId)}?lc=${lc}`;
  return undefined;
}

interface Collected {
  record: PostRecord;
  /** The channel whose video the comment is under, when the file says. */
  videoChannel: string | undefined;
}

interface Walk {
  sink: IngestSink;
  collected: Collected[];
  seen: Set<string>;
  /** Thread (top-level comment) id → the replies it says it has. */
  replyCounts: Map<string, number>;
  /** Parent id → replies present in the file. */
  repliesHere: Map<string, number>;
  /** Channel id → display name, from the comments the channel wrote. */
  names: Map<string, string>;
  entries: number;
  duplicates: number;
  edited: number;
  held: number;
  rejected: number;
  moderated: boolean;
  unnamed: number;
  pagesWithNext: number;
  pagesWithoutNext: number;
}

interface Context {
  line: number | undefined;
  threadId?: string;
  parent?: string;
  videoId?: string;
  videoChannel?: string;
}

function authorChannelOf(snippet: Json): string | undefined {
  const value = snippet.authorChannelId;
  return isObject(value) ? str(value.value) : str(value);
}

function readComment(comment: Json, context: Context, walk: Walk): string | undefined {
  const at = context.line === undefined ? {} : { line: context.line };
  const snippet = isObject(comment.snippet) ? comment.snippet : undefined;
  const id = str(comment.id);
  if (!id || !snippet) {
    walk.sink.warn({
      ...at,
      code: 'bad-comment',
      message: `entry ${context.line ?? walk.entries}: a comment without ${id ? '"snippet"' : '"id"'}; skipped`,
      id: 'youtube-api.bad-comment',
      data: { n: context.line ?? walk.entries, what: id ? 'snippet' : 'id' },
    });
    return undefined;
  }
  if (walk.seen.has(id)) {
    walk.duplicates++;
    return id;
  }
  const rawTime = str(snippet.publishedAt) ?? '';
  const published = parseFlexibleDate(rawTime, 'day-first', 'UTC');
  if (!published?.hasOffset || published.dateOnly) {
    walk.sink.warn({
      ...at,
      code: 'bad-date',
      message: `comment ${id}: publishedAt "${clip(rawTime)}" is not an ISO 8601 time with an offset; skipped`,
      id: 'youtube-api.bad-date',
      data: { id, value: clip(rawTime) },
    });
    return undefined;
  }
  walk.seen.add(id);
  const authorChannel = authorChannelOf(snippet);
  const name = str(snippet.authorDisplayName);
  if (authorChannel && name && !walk.names.has(authorChannel)) walk.names.set(authorChannel, name);
  const author = name ?? authorChannel;
  if (!author) walk.unnamed++;
  const dot = id.indexOf('.');
  const parent = context.parent ?? str(snippet.parentId) ?? (dot > 0 ? id.slice(0, dot) : undefined);
  const videoChannel = context.videoChannel ?? str(snippet.channelId);
  const display = str(snippet.textDisplay);
  const record: PostRecord = {
    id,
    platform: 'youtube',
    author: author ?? UNNAMED_YOUTUBE_USER,
    time: published.ms,
    text: (str(snippet.textOriginal) ?? (display ? htmlToText(display) : '')).trim(),
    inReplyTo: parent !== id ? parent : undefined,
    threadId: context.threadId ?? (parent ?? id).split('.', 1)[0],
    url: youtubeUrl(context.videoId ?? str(snippet.videoId), undefined, id),
    // The formats reference's rule: the video's channel speaking under its own video.
    role: videoChannel !== undefined && authorChannel === videoChannel ? 'brand' : undefined,
    visibility: 'public',
    timePrecision: 'exact',
    line: context.line,
  };
  const updated = parseFlexibleDate(str(snippet.updatedAt) ?? '', 'day-first', 'UTC');
  if (updated?.hasOffset && updated.ms > published.ms) {
    record.edited = true;
    walk.edited++;
  }
  const moderation = str(snippet.moderationStatus);
  if (moderation !== undefined) walk.moderated = true;
  if (moderation === 'rejected') {
    record.deleted = true;
    walk.rejected++;
  } else if (moderation === 'heldForReview' || moderation === 'likelySpam') walk.held++;
  if (record.inReplyTo) walk.repliesHere.set(record.inReplyTo, (walk.repliesHere.get(record.inReplyTo) ?? 0) + 1);
  walk.collected.push({ record, videoChannel });
  return id;
}

function readThread(thread: Json, line: number | undefined, walk: Walk): void {
  const snippet = thread.snippet as Json;
  const top = snippet.topLevelComment;
  const videoId = str(snippet.videoId);
  const videoChannel = str(snippet.channelId);
  const topComment = isObject(top) ? { ...top, id: str(top.id) ?? str(thread.id) } : { id: str(thread.id) };
  const topId = readComment(topComment, { line, videoId, videoChannel }, walk) ?? str(topComment.id);
  if (!topId) return;
  const total = snippet.totalReplyCount;
  if (typeof total === 'number' && total > 0) walk.replyCounts.set(topId, Math.max(total, walk.replyCounts.get(topId) ?? 0));
  const replies = isObject(thread.replies) && Array.isArray(thread.replies.comments) ? thread.replies.comments : [];
  for (const reply of replies) {
    if (!isObject(reply)) continue;
    const parent = isObject(reply.snippet) ? str(reply.snippet.parentId) : undefined;
    readComment(reply, { line, threadId: topId, parent: parent ?? topId, videoId, videoChannel }, walk);
  }
}

function readEntry(value: unknown, line: number | undefined, walk: Walk): void {
  walk.entries++;
  const at = line === undefined ? {} : { line };
  // In JSON Lines the line names the entry; in one document, its place among the comments.
  const n = line ?? walk.entries;
  if (!isObject(value)) {
    walk.sink.warn({ ...at, code: 'bad-entry', message: `entry ${n} is not a JSON object; skipped`, id: 'youtube-api.bad-entry', data: { n } });
    return;
  }
  if (isObject(value.error)) {
    const code = String(value.error.code ?? '');
    const message = clip(String(value.error.message ?? ''), 120);
    walk.sink.warn({
      ...at,
      code: 'api-error',
      message: `entry ${n} is an API error response (${code}: ${message}), not comments; skipped`,
      id: 'youtube-api.error-response',
      data: { n, code, message },
    });
    return;
  }
  if (Array.isArray(value.items)) {
    if (str(value.nextPageToken)) walk.pagesWithNext++;
    else walk.pagesWithoutNext++;
    // A page's items are counted as entries of their own.
    walk.entries--;
    for (const item of value.items) readEntry(item, line, walk);
    return;
  }
  const snippet = isObject(value.snippet) ? value.snippet : undefined;
  if (snippet && (value.kind === 'youtube#commentThread' || isObject(snippet.topLevelComment))) readThread(value, line, walk);
  else if (value.kind === 'youtube#comment' || (snippet && (snippet.textDisplay !== undefined || snippet.textOriginal !== undefined)))
    readComment(value, { line }, walk);
  else
    walk.sink.warn({
      ...at,
      code: 'bad-entry',
      message: `entry ${n} is neither a comment thread nor a comment; skipped`,
      id: 'youtube-api.not-comment',
      data: { n },
    });
}

export const youtubeApiAdapter: IngestAdapter = {
  id: 'youtube-api',
  title: 'YouTube Data API comments (commentThreads.list JSON)',
  detection:
    'JSON with "kind": "youtube#commentThread…" or "youtube#comment…", or items whose "snippet" has "topLevelComment" or "textDisplay"/"textOriginal" with "authorChannelId": a saved commentThreads.list or comments.list page, an array of pages, or JSON Lines of threads',
  yields:
    "both sides of each comment thread with exact times, reply links and edits; the video's channel is the owner and its own comments the channel's; commentThreads.list holds at most 5 replies per thread (the rest need comments.list)",
  capabilities: { customerTexts: true, deletions: 'when-column', ratings: 'never', datePrecision: 'exact', layout: 'single-channel', globalIds: true },
  detect({ head }) {
    const start = head.replace(/^\ufeff/, '').trimStart();
    if (!start.startsWith('{') && !start.startsWith('[')) return { confidence: 0 };
    if (/"kind"\s*:\s*"youtube#comment(?:Thread)?(?:ListResponse)?"/.test(start)) return { confidence: 0.95 };
    if (/"topLevelComment"\s*:/.test(start) && /"snippet"\s*:/.test(start)) return { confidence: 0.9 };
    if (/"(?:textOriginal|textDisplay)"\s*:/.test(start) && /"authorChannelId"\s*:/.test(start)) return { confidence: 0.85 };
    return { confidence: 0 };
  },
  async parse(input, sink) {
    const walk: Walk = {
      sink,
      collected: [],
      seen: new Set(),
      replyCounts: new Map(),
      repliesHere: new Map(),
      names: new Map(),
      entries: 0,
      duplicates: 0,
      edited: 0,
      held: 0,
      rejected: 0,
      moderated: false,
      unnamed: 0,
      pagesWithNext: 0,
      pagesWithoutNext: 0,
    };
    await forEachJsonValue(input, sink, 'a commentThreads.list page', (value, line) => {
      if (Array.isArray(value)) for (const entry of value) readEntry(entry, line, walk);
      else readEntry(value, line, walk);
    });

    const videoChannels = [...new Set(walk.collected.map((c) => c.videoChannel).filter((c): c is string => c !== undefined))].sort();
    const nameOf = (channel: string): string => walk.names.get(channel) ?? channel;
    if (videoChannels.length === 1) {
      const channel = videoChannels[0]!;
      sink.channelOwner(nameOf(channel));
      if (walk.names.has(channel))
        sink.note(`the comments are under the videos of channel ${channel}, which comments as "${nameOf(channel)}": give --brand "${nameOf(channel)}"`, {
          id: 'youtube-api.channel-named',
          data: { id: channel, name: nameOf(channel) },
        });
      else
        sink.note(`the comments are under the videos of channel ${channel}, which does not comment in the file: give --brand ${channel} for it`, {
          id: 'youtube-api.channel-id-only',
          data: { id: channel },
        });
    } else if (videoChannels.length > 1) {
      // Several channels' videos in one file: each comment sits on its own video's channel.
      for (const { record, videoChannel } of walk.collected) if (videoChannel !== undefined) record.channel = nameOf(videoChannel);
      const names = videoChannels.slice(0, 5).map(nameOf).join(', ');
      sink.note(`the comments are under the videos of ${videoChannels.length} channels (${names}): each comment sits on its video's channel`, {
        id: 'youtube-api.several-channels',
        data: { n: videoChannels.length, names },
      });
    }
    for (const { record } of walk.collected) sink.post(record);

    if (walk.moderated) sink.tracksDeletion();
    let threadsMissing = 0;
    let missing = 0;
    for (const [thread, total] of walk.replyCounts) {
      const here = walk.repliesHere.get(thread) ?? 0;
      if (total > here) {
        threadsMissing++;
        missing += total - here;
      }
    }
    if (threadsMissing > 0)
      sink.note(
        `${threadsMissing} thread${threadsMissing === 1 ? ' has' : 's have'} more replies than the file holds (${missing} missing): commentThreads.list returns at most 5 per thread; save comments.list?parentId=<thread id> for the rest`,
        { id: 'youtube-api.missing-replies', data: { n: threadsMissing, missing } },
      );
    if (walk.pagesWithNext > 0 && walk.pagesWithoutNext === 0)
      sink.note('every page in the file has a "nextPageToken": the list goes on past the last page saved', { id: 'youtube-api.more-pages' });
    if (walk.edited > 0)
      sink.note(
        `${walk.edited} comment${walk.edited === 1 ? ' was' : 's were'} edited (updatedAt after publishedAt): the last text is kept, timed when first published`,
        {
          id: 'youtube-api.edited',
          data: { n: walk.edited },
        },
      );
    if (walk.rejected > 0)
      sink.note(`${walk.rejected} comment${walk.rejected === 1 ? '' : 's'} rejected by the channel (moderationStatus): marked deleted`, {
        id: 'youtube-api.rejected',
        data: { n: walk.rejected },
      });
    if (walk.held > 0)
      sink.note(
        `${walk.held} comment${walk.held === 1 ? ' is' : 's are'} held for review or as likely spam: read as posted, though the public does not see ${walk.held === 1 ? 'it' : 'them'} yet`,
        {
          id: 'youtube-api.held',
          data: { n: walk.held },
        },
      );
    if (walk.unnamed > 0)
      sink.note(`${walk.unnamed} comment${walk.unnamed === 1 ? ' has' : 's have'} no author name or channel id: authored "${UNNAMED_YOUTUBE_USER}"`, {
        id: 'youtube-api.unnamed',
        data: { n: walk.unnamed, name: UNNAMED_YOUTUBE_USER },
      });
    if (walk.duplicates > 0)
      sink.note(`${walk.duplicates} comment${walk.duplicates === 1 ? '' : 's'} appeared more than once (overlapping pages): read once`, {
        id: 'youtube-api.duplicates',
        data: { n: walk.duplicates },
      });
  },
};
