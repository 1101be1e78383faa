/**
 * The adapter registry and the step that runs one decoded input through its adapter into the corpus.
 */
import { InputError } from '../errors.js';
import type { TextSource } from '../io/read-inputs.js';
import { PostTable } from '../corpus/post-table.js';
import { genericCsvAdapter } from './adapters/generic-csv.js';
import { jsonlAdapter } from './adapters/jsonl.js';
import { twcsAdapter } from './adapters/twcs.js';
import type { IngestAdapter, IngestOptions, IngestWarning } from './types.js';
import { WarningLog } from '../corpus/warnings.js';

/** Detection order: specific layouts before the catch-all generic CSV. */
export const ADAPTERS: readonly IngestAdapter[] = [jsonlAdapter, twcsAdapter, genericCsvAdapter];

export function adapterById(id: string): IngestAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.id === id);
}

export function detectAdapter(sample: { name: string; head: string }): IngestAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.detect(sample));
}

export interface InputSummary {
  path: string;
  format: string;
  encoding: string;
  posts: number;
  warnings: number;
  notes: string[];
}

/** Everything read from the inputs: posts, per-input summaries and warnings. */
export class Corpus {
  readonly table = new PostTable();
  readonly inputs: InputSummary[] = [];
  readonly warnings = new WarningLog();
  /** True when at least one input records deleted or hidden posts. */
  tracksDeletion = false;
  /** Indexes (in table.files) of inputs whose threads all sit on the brand's own channel. */
  readonly ownChannelFiles = new Set<number>();

  warn(warning: IngestWarning): void {
    this.warnings.add(warning);
  }
}

/**
 * Reads one source into the corpus. Throws InputError when the file is unusable as a whole (no header,
 * missing columns); row-level problems become warnings.
 */
export async function ingestSource(
  corpus: Corpus,
  source: TextSource,
  adapter: IngestAdapter,
  options: IngestOptions,
  onProgress: (postsInFile: number) => void = () => {},
): Promise<InputSummary> {
  const summary: InputSummary = { path: source.name, format: adapter.id, encoding: source.encoding, posts: 0, warnings: 0, notes: [] };
  const fileIndex = corpus.table.files.intern(source.name);
  if (adapter.ownChannel) corpus.ownChannelFiles.add(fileIndex);
  const before = corpus.warnings.countFor(source.name);
  try {
    await adapter.parse(
      source,
      {
        post: (record) => {
          const at = corpus.table.add(record, source.name);
          // Posts read back from `ingest` output keep their original file: that file is the channel.
          if (record.origin && adapter.ownChannel) corpus.ownChannelFiles.add(corpus.table.fileOf[at]!);
          if ((++summary.posts & 0x3fff) === 0) onProgress(summary.posts);
        },
        warn: (warning) => corpus.warn({ input: source.name, ...warning }),
        note: (text) => summary.notes.push(text),
        tracksDeletion: () => {
          corpus.tracksDeletion = true;
        },
      },
      options,
    );
  } finally {
    for (const problem of source.decodeProblems) corpus.warn({ input: source.name, code: problem.code, message: problem.message });
    if (source.encoding !== 'utf-8') summary.notes.push(`decoded as ${source.encoding}`);
  }
  if (summary.posts === 0) {
    corpus.warn({ input: source.name, code: 'no-posts', message: `no usable posts in this ${adapter.title} file` });
  }
  summary.warnings = corpus.warnings.countFor(source.name) - before;
  corpus.inputs.push(summary);
  return summary;
}
