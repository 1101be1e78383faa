/**
 * The adapter registry and the step that runs one decoded input through its adapter into the corpus.
 * A new format is one adapter file plus one line in `ADAPTERS`.
 */
import type { AdapterInput, Detection, FormatSample, IngestAdapter, IngestOptions } from '../contract/adapter.js';
import { Corpus, type InputSummary } from '../corpus/corpus.js';
import { blueskyRepoAdapter } from './adapters/bluesky-repo.js';
import { blueskyThreadAdapter } from './adapters/bluesky-thread.js';
import { facebookExportAdapter } from './adapters/facebook-export.js';
import { genericCsvAdapter, TOOL_CSV_ADAPTERS } from './adapters/generic-csv.js';
import { instagramExportAdapter } from './adapters/instagram-export.js';
import { jsonlAdapter } from './adapters/jsonl.js';
import { mastodonOutboxAdapter } from './adapters/mastodon-outbox.js';
import { metaGraphAdapter } from './adapters/meta-graph.js';
import { recognisedUnsupportedAdapter } from './adapters/recognised-unsupported.js';
import { redditCsvAdapter } from './adapters/reddit-csv.js';
import { redditJsonAdapter } from './adapters/reddit-json.js';
import { amazonAdapter } from './adapters/reviews/amazon.js';
import { bookingAdapter } from './adapters/reviews/booking.js';
import { googleBusinessProfileAdapter } from './adapters/reviews/google-business-profile.js';
import { googleMapsAdapter } from './adapters/reviews/google-maps.js';
import { jsonLdAdapter } from './adapters/reviews/json-ld.js';
import { microdataAdapter } from './adapters/reviews/microdata.js';
import { scraperJsonAdapter } from './adapters/reviews/scraper-json.js';
import { tripadvisorAdapter } from './adapters/reviews/tripadvisor.js';
import { trustpilotAdapter } from './adapters/reviews/trustpilot.js';
import { yelpAdapter } from './adapters/reviews/yelp.js';
import { twcsAdapter } from './adapters/twcs.js';
import { xApiV1Adapter } from './adapters/x-api-v1.js';
import { xApiV2Adapter } from './adapters/x-api-v2.js';
import { xArchiveAdapter } from './adapters/x-archive.js';
import { youtubeApiAdapter } from './adapters/youtube-api.js';
import { youtubeTakeoutAdapter } from './adapters/youtube-takeout.js';

/** Every adapter; detection picks the most confident, ties going to the earlier one. */
export const ADAPTERS: readonly IngestAdapter[] = [
  jsonlAdapter,
  twcsAdapter,
  xArchiveAdapter,
  xApiV1Adapter,
  xApiV2Adapter,
  mastodonOutboxAdapter,
  facebookExportAdapter,
  instagramExportAdapter,
  metaGraphAdapter,
  trustpilotAdapter,
  googleMapsAdapter,
  tripadvisorAdapter,
  bookingAdapter,
  yelpAdapter,
  jsonLdAdapter,
  microdataAdapter,
  scraperJsonAdapter,
  googleBusinessProfileAdapter,
  amazonAdapter,
  youtubeTakeoutAdapter,
  youtubeApiAdapter,
  redditJsonAdapter,
  redditCsvAdapter,
  ...TOOL_CSV_ADAPTERS,
  blueskyRepoAdapter,
  blueskyThreadAdapter,
  recognisedUnsupportedAdapter,
  genericCsvAdapter,
];

export function adapterById(id: string): IngestAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.id === id);
}

export interface DetectedFormat {
  adapter: IngestAdapter;
  detection: Detection;
}

/** The adapter most confident that it reads this sample, or undefined when none recognises it. */
export function detectAdapter(sample: FormatSample, adapters: readonly IngestAdapter[] = ADAPTERS): DetectedFormat | undefined {
  let best: DetectedFormat | undefined;
  for (const adapter of adapters) {
    const detection = adapter.detect(sample);
    if (detection.confidence > 0 && (!best || detection.confidence > best.detection.confidence)) best = { adapter, detection };
  }
  return best;
}

export { Corpus, type InputSummary };

/**
 * Reads one input into the corpus. Throws InputError when the file is unusable as a whole (no header,
 * missing columns); row-level problems become warnings.
 */
export async function ingestSource(
  corpus: Corpus,
  source: AdapterInput,
  adapter: IngestAdapter,
  options: IngestOptions,
  onProgress: (postsInFile: number) => void = () => {},
): Promise<InputSummary> {
  const summary: InputSummary = { path: source.name, format: adapter.id, encoding: source.encoding, posts: 0, warnings: 0, notes: [] };
  const fileIndex = corpus.table.files.intern(source.name);
  const channel = {
    layout: adapter.capabilities.layout,
    owner: undefined as string | undefined,
    ...(adapter.capabilities.noBrandReplies ? { noBrandReplies: true as const } : {}),
    ...(adapter.capabilities.globalIds ? { globalIds: true as const } : {}),
  };
  corpus.channels.set(fileIndex, channel);
  const stored = new Set<number>();
  corpus.inputFiles.set(source.name, stored);
  const before = corpus.warnings.countFor(source.name);
  try {
    await adapter.parse(
      source,
      {
        post: (record) => {
          const at = corpus.table.add(record, source.name);
          stored.add(corpus.table.fileOf[at]!);
          // Posts read back from `ingest` output keep their original file: that file is the channel.
          if (record.origin) {
            const origin = corpus.table.fileOf[at]!;
            if (!corpus.channels.has(origin)) corpus.channels.set(origin, { layout: adapter.capabilities.layout, owner: undefined });
          }
          if ((++summary.posts & 0x3fff) === 0) onProgress(summary.posts);
        },
        warn: (warning) => corpus.warn({ input: source.name, ...warning }),
        note: (text, key) => summary.notes.push(key ? { text, ...key } : text),
        tracksDeletion: () => {
          corpus.tracksDeletion = true;
        },
        channelOwner: (owner) => {
          channel.owner = owner;
        },
      },
      options,
    );
  } finally {
    for (const { code, message, id, data } of source.decodeProblems)
      corpus.warn({ input: source.name, code, message, ...(id ? { id } : {}), ...(data ? { data } : {}) });
    if (source.encoding !== 'utf-8') summary.notes.push({ text: `decoded as ${source.encoding}`, id: 'decoded-as', data: { encoding: source.encoding } });
  }
  if (summary.posts === 0) {
    corpus.warn({ input: source.name, code: 'no-posts', message: `no usable posts in this ${adapter.title} file`, data: { format: adapter.id } });
  }
  summary.warnings = corpus.warnings.countFor(source.name) - before;
  summary.capabilities = adapter.capabilities;
  if (channel.owner !== undefined) summary.channel = channel.owner;
  corpus.inputs.push(summary);
  return summary;
}
