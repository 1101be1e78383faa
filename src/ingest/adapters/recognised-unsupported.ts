/**
 * Formats the tool recognises but cannot read yet. Detection names what the file is and what to do
 * instead, so the user reads "this looks like a LinkedIn export: not supported yet; convert it to …"
 * rather than "unknown format". It never reads a file: `parse` throws. Each entry is a header or a first
 * line the format always has; the confidence beats generic-csv (at most 0.5), which would otherwise
 * take the CSVs and fail on their missing columns.
 */
import type { Detection, IngestAdapter } from '../../contract/adapter.js';
import { InputError } from '../../errors.js';

const GENERIC_CSV = 'convert it to the generic CSV with columns id, author, created_at (ISO 8601 with offset) and text, plus in_reply_to for replies';

/** The header cells of a CSV head, lower case and unquoted, BOM and an Excel "sep=" line aside. */
function headerCells(head: string): string[] {
  const text = head.replace(/^\ufeff/, '').replace(/^sep=.\r?\n/i, '');
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].sort((a, b) => first.split(b).length - first.split(a).length)[0]!;
  return first.split(delimiter).map((cell) =>
    cell
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim()
      .toLowerCase(),
  );
}

interface Known {
  /** What the file is, as the message says it. */
  what: string;
  test(sample: { name: string; head: string; cells: string[]; start: string }): boolean;
  todo: string;
  /** A part of an export whose other files are read (Detection.exportPart): passed over in a folder. */
  exportPart?: true;
}

const has = (cells: string[], ...names: string[]): boolean => names.every((n) => cells.includes(n));

const KNOWN: readonly Known[] = [
  {
    what: "the X archive's own viewer (Your archive.html and its assets/ folder)",
    test: ({ name }) => /(?:^|[/\\!])Your archive\.html$/i.test(name) || /![^!]*\bassets\/(?:js|css|fonts|images)\/[^!]*$/.test(name),
    todo: 'nothing to audit in it; the tweets are read from data/tweets.js beside it',
    exportPart: true,
  },
  {
    what: 'a LinkedIn export (Comments.csv)',
    test: ({ cells }) => cells.length === 3 && has(cells, 'date', 'link', 'message'),
    todo: `it holds only the account's own comments, with no author or ids; ${GENERIC_CSV}`,
  },
  {
    what: 'a LinkedIn export (Shares.csv)',
    test: ({ cells }) => has(cells, 'date', 'sharelink', 'sharecommentary'),
    todo: `it holds only the account's own posts; ${GENERIC_CSV}`,
  },
  {
    what: 'a LinkedIn export (messages.csv)',
    test: ({ cells }) => has(cells, 'conversation id', 'conversation title', 'from', 'sender profile url', 'content'),
    todo: `private messages are not audited as public replies; for a public inbox, ${GENERIC_CSV}`,
  },
  {
    what: 'a Meta Business Suite post-insights CSV',
    test: ({ cells }) => has(cells, 'post id', 'account username', 'publish time', 'permalink'),
    todo: 'it lists posts with their reach and counts, not the conversations under them; export the comments (Graph API JSON) or an inbox CSV instead',
  },
  {
    what: 'a legacy X archive file (Grailbird, before 2019)',
    test: ({ start }) => /^Grailbird\.data\.[A-Za-z_0-9]+\s*=/.test(start),
    todo: `request a new archive from X (it has data/tweets.js), or ${GENERIC_CSV}`,
  },
  {
    what: "a legacy X archive's tweets.csv (before 2019)",
    test: ({ cells }) => has(cells, 'tweet_id', 'in_reply_to_status_id', 'timestamp', 'retweeted_status_id', 'expanded_urls'),
    todo: "it does not name the account; request a new archive from X (data/tweets.js), or add an author column with the account's handle and read it with --input-format generic-csv",
  },
  {
    what: 'a twarc-csv export (X API v2 flattened to CSV)',
    test: ({ cells }) =>
      has(cells, 'id', 'conversation_id', 'author_id', 'text') && cells.some((c) => c.startsWith('referenced_tweets.') || c === 'author.username'),
    todo: 'read the twarc2 JSON Lines it came from instead (x-api-v2), or read it with --input-format generic-csv --map author.username=author --map referenced_tweets.replied_to.id=in_reply_to (ids that pandas turned into floats cannot be joined)',
  },
];

export const recognisedUnsupportedAdapter: IngestAdapter = {
  id: 'recognised-unsupported',
  title: 'Recognised, not supported yet',
  detection: `names these formats instead of calling them unknown: ${KNOWN.map((k) => k.what.replace(/^an? /, '')).join('; ')}`,
  yields: 'nothing: the file is named with what to do instead (usually: convert it to the generic CSV)',
  capabilities: { customerTexts: false, deletions: 'never', ratings: 'never', datePrecision: 'exact', layout: 'single-channel' },
  detect({ name, head }): Detection {
    const start = head.replace(/^\ufeff/, '').trimStart();
    const cells = start.startsWith('{') || start.startsWith('[') ? [] : headerCells(head);
    const known = KNOWN.find((k) => k.test({ name, head, cells, start }));
    if (!known) return { confidence: 0 };
    return {
      confidence: 0.7,
      unsupported: `this looks like ${known.what}: not supported yet; ${known.todo}`,
      ...(known.exportPart ? { exportPart: true } : {}),
    };
  },
  async parse(input) {
    const detection = recognisedUnsupportedAdapter.detect({ name: input.name, head: input.head });
    throw new InputError(
      `${input.name}: ${detection.unsupported ?? 'not a format this tool reads'}`,
      'see the supported formats with: second-impression formats',
    );
  },
};
