/**
 * Reddit's data request ("Request your data", a zip of CSVs): `comments.csv`, with the header
 * `id,permalink,date,ip,subreddit,gildings,link,parent,body,media` and dates such as
 * `2025-05-18 04:35:32 UTC`. It holds the account's own comments only: the posts and comments they
 * answer are named by id (`parent`, `link`) but are not in the export, so their texts and times are
 * unknown. The account is named by `statistics.csv` beside it (`account name,<user>`); without it the
 * comments are authored by a placeholder the user can name with --brand.
 *
 * Ids become fullnames (`t1_<id>`), as in the thread JSON, so a comment page read with this file links
 * into it. The `ip` column is never read. The export's other CSVs with the same `id,permalink,…` start
 * (posts.csv, comment_headers.csv…) and statistics.csv are recognised and passed over.
 */
import type { Detection, IngestAdapter } from '../../contract/adapter.js';
import type { PostRecord } from '../../contract/post.js';
import { InputError } from '../../errors.js';
import { parseFlexibleDate } from '../../time/dates.js';
import { forEachCsvRecord, headerKey, rowFits, sampleRecords } from '../csv/read-csv.js';
import { clip } from '../text-cleanup.js';
import { absoluteUrl, fullname, markdownText, parentFullname, postOfPermalink, removalOf, subredditChannel } from './reddit-common.js';

/** The author of the comments when no statistics.csv names the account. */
export const UNNAMED_ACCOUNT = 'owner';
const STATISTICS = 'statistics.csv';
const REQUIRED = ['id', 'date', 'body'] as const;

function baseName(name: string): string {
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'), name.lastIndexOf('!')) + 1).toLowerCase();
}

function headerOf(head: string): string[] {
  const text = head.replace(/^\ufeff/, '');
  return (sampleRecords(text.slice(0, 4096), ',', 1, true)[0] ?? []).map(headerKey);
}

const has = (keys: string[], ...names: string[]): boolean => names.every((n) => keys.includes(n));

/** A data-request file: its CSVs of things start `id,permalink,date,…`. */
const isDataRequestTable = (keys: string[]): boolean => keys[0] === 'id' && keys[1] === 'permalink' && has(keys, 'date');

/** The account name statistics.csv gives (`statistic,value` rows), if any. */
export function accountNameOf(statistics: string): string | undefined {
  for (const [key, value] of sampleRecords(statistics.replace(/^\ufeff/, ''), ',', 200, true)) {
    if (headerKey(key ?? '') === 'account_name') {
      const name = value?.trim().replace(/^\/?u\//i, '');
      if (name && /^[A-Za-z0-9_-]{1,32}$/.test(name)) return name;
    }
  }
  return undefined;
}

export const redditCsvAdapter: IngestAdapter = {
  id: 'reddit-csv',
  title: 'Reddit data request comments.csv',
  detection:
    "a CSV whose header has id, permalink, date, subreddit, parent and body (comments.csv of Reddit's data request), read with statistics.csv beside it; the export's other CSVs (posts.csv, comment_headers.csv, statistics.csv…) are recognised and passed over",
  yields:
    "the account's own comments with exact times and the posts or comments they answer by id; those parents are not in the export, so their times are unknown and no response time or unanswered customer can be measured from this file alone",
  capabilities: { customerTexts: false, deletions: 'never', ratings: 'never', datePrecision: 'exact', layout: 'single-channel', globalIds: true },
  detect({ name, head }): Detection {
    const start = head.replace(/^\ufeff/, '').trimStart();
    if (start.startsWith('{') || start.startsWith('[')) return { confidence: 0 };
    const keys = headerOf(head);
    const base = baseName(name);
    if (has(keys, 'id', 'permalink', 'date', 'subreddit', 'body') && (keys.includes('parent') || keys.includes('link')) && !keys.includes('title'))
      return { confidence: 0.9 };
    if (base === STATISTICS && keys[0] === 'statistic' && keys[1] === 'value')
      return {
        confidence: 0.9,
        exportPart: true,
        unsupported: 'Reddit data-request statistics.csv: the account name, read together with comments.csv beside it',
      };
    if (isDataRequestTable(keys) && has(keys, 'subreddit'))
      return {
        confidence: 0.8,
        exportPart: true,
        unsupported: `a Reddit data-request file (${base}): not read; comments.csv beside it holds the account's comments`,
      };
    return { confidence: 0 };
  },
  async parse(input, sink) {
    let owner: string | undefined;
    if (input.siblings.includes(STATISTICS)) {
      const statistics = await input.openSibling(STATISTICS);
      // The head is plenty: statistics.csv is a dozen short rows.
      if (statistics) owner = accountNameOf(statistics.head);
    }
    const author = owner ?? UNNAMED_ACCOUNT;
    if (owner) {
      sink.channelOwner(owner);
      sink.note(`the account u/${owner} is named by statistics.csv beside comments.csv: its comments are authored by it`, {
        id: 'reddit-csv.owner',
        data: { owner },
      });
    } else {
      sink.warn({
        code: 'no-owner',
        message: `the file does not name its account (no statistics.csv beside it): its comments are authored "${UNNAMED_ACCOUNT}" and count as the brand's only with --brand ${UNNAMED_ACCOUNT} (or read the whole unpacked export folder)`,
        id: 'reddit-csv.no-owner',
        data: { placeholder: UNNAMED_ACCOUNT },
      });
    }

    type Column = (typeof REQUIRED)[number] | 'permalink' | 'subreddit' | 'link' | 'parent';
    let column: Record<Column, number> | undefined;
    let width = 0;
    let posted = 0;
    let withoutParent = 0;
    await forEachCsvRecord(input, ',', sink, (fields, line) => {
      if (!column) {
        const keys = fields.map(headerKey);
        const missing = REQUIRED.filter((name) => !keys.includes(name));
        if (missing.length > 0)
          throw new InputError(
            `${input.name}: not a Reddit comments.csv: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
            'leave out --input-format to let the format be detected',
          );
        const at = (key: string): number => keys.indexOf(key);
        column = {
          id: at('id'),
          date: at('date'),
          body: at('body'),
          permalink: at('permalink'),
          subreddit: at('subreddit'),
          link: at('link'),
          parent: at('parent'),
        };
        width = fields.length;
        return;
      }
      if (!rowFits(fields, width, line, sink)) return;
      const cell = (key: Column): string => (column![key] >= 0 ? fields[column![key]]!.trim() : '');
      const id = fullname('t1', cell('id'));
      if (!id) {
        sink.warn({
          line,
          code: 'bad-id',
          message: `id "${clip(cell('id'))}" is not a Reddit id; row skipped`,
          id: 'reddit-csv.bad-id',
          data: { value: clip(cell('id')) },
        });
        return;
      }
      const rawDate = cell('date');
      const parsed = parseFlexibleDate(rawDate, 'day-first', 'UTC');
      if (!parsed?.hasOffset || parsed.dateOnly) {
        sink.warn({
          line,
          code: 'bad-date',
          message: `date "${clip(rawDate)}" is not a time such as "2025-05-18 04:35:32 UTC"; row skipped`,
          id: 'reddit-csv.bad-date',
          data: { value: clip(rawDate) },
        });
        return;
      }
      const post = postOfPermalink(cell('link')) ?? postOfPermalink(cell('permalink'));
      // `parent` is a fullname; a bare id is the post when it is the link's, a comment otherwise.
      const parentCell = cell('parent');
      const parent = parentFullname(parentCell) ?? (parentCell !== '' && post === `t3_${parentCell.toLowerCase()}` ? post : fullname('t1', parentCell)) ?? post;
      if (!parent) withoutParent++;
      const body = fields[column.body]!;
      const removal = removalOf(body);
      const record: PostRecord = {
        id,
        platform: 'reddit',
        author,
        time: parsed.ms,
        text: removal ? '' : markdownText(body),
        inReplyTo: parent,
        threadId: post,
        url: absoluteUrl(cell('permalink')),
        role: 'brand',
        channel: subredditChannel(cell('subreddit')),
        visibility: 'public',
        timePrecision: 'exact',
        line,
      };
      if (removal) record.deleted = true;
      sink.post(record);
      posted++;
    });
    if (posted > 0) {
      sink.note(
        "a Reddit data request holds only the account's own comments: the posts and comments they answer are not in it and their times are unknown, so response times and unanswered customers cannot be measured from it alone; read the threads' JSON pages (…/comments/<id>.json) with it for both sides",
        { id: 'reddit-csv.own-comments-only' },
      );
    }
    if (withoutParent > 0)
      sink.warn({
        code: 'no-parent',
        message: `${withoutParent} comment${withoutParent === 1 ? ' names' : 's name'} neither a parent nor a post (empty "parent" and "link"): not linked to any thread`,
        id: 'reddit-csv.no-parent',
        data: { n: withoutParent },
      });
  },
};
