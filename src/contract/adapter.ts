/**
 * The adapter contract. An adapter recognises one input format and turns one input into normalized
 * posts. Adapters never touch the file system: io hands them an `AdapterInput`.
 */
import type { PostRecord, TimePrecision } from './post.js';
import type { IngestWarning, MessageKey } from './warning.js';

export type DateOrder = 'day-first' | 'month-first';

/** What a saved page or a fetched file says about where and when it was saved. */
export interface InputMetadata {
  /** The page's address (after redirects when known). */
  url?: string;
  /** When the page was saved, epoch ms: "hace 2 semanas" is relative to it. */
  savedAt?: number;
  /** HTTP status when fetched. */
  status?: number;
}

/** One input as an adapter sees it: its name, its decoded text, and what lies beside it. */
export interface AdapterInput {
  /** The path as the user wrote it (or joined under the folder they named, or `archive.zip!entry`); "-" for stdin. */
  name: string;
  encoding: string;
  /** The first ~64 KiB of decoded text, for sniffing. */
  head: string;
  /** The whole decoded text, in chunks (the head included). Can be iterated once. */
  chunks: AsyncIterable<string>;
  /**
   * The whole input as bytes, offered only for a binary format that needs them (a Bluesky `.car`):
   * read either `chunks` or `bytes`, once. Rejects with an InputError past io's size cap.
   */
  bytes?(): Promise<Uint8Array>;
  /** Filled while `chunks` is consumed (bad bytes, replaced characters). */
  decodeProblems: readonly Omit<IngestWarning, 'input' | 'line'>[];
  /** Bytes when known (for progress). */
  size: number | undefined;
  /** Names of the other entries of the same archive or folder, relative to it. */
  siblings: readonly string[];
  /** Opens another entry of the same archive or folder (an X archive's `account.js` next to `tweets.js`). */
  openSibling(name: string): Promise<AdapterInput | undefined>;
  /** Fetch or save metadata, when the input came with it. */
  metadata: InputMetadata | undefined;
}

/** What detection looks at: the name and the first characters. */
export interface FormatSample {
  name: string;
  head: string;
}

/**
 * How sure an adapter is that a sample is its format: 0 not at all, 1 certain. The highest wins; a
 * recognised format the tool cannot read yet says so (`unsupported`) instead of "unknown format".
 */
export interface Detection {
  confidence: number;
  /** Set when the format is recognised but not supported: what it is and what to do instead. */
  unsupported?: string;
  /**
   * With `unsupported`: the file is a known part of an export that another file's reader reads or that holds
   * nothing to audit (an X archive's account.js, a Mastodon likes.json). Found in a folder it is passed over
   * without a warning; named on the command line it is still refused with the explanation.
   */
  exportPart?: true;
}

/** What an input can tell about a brand: the report states it, so nobody reads an absence as a zero. */
export interface AdapterCapabilities {
  /** The customers' own texts are in the input (an X archive holds only the brand's side). */
  customerTexts: boolean;
  /** Deleted or hidden posts are recorded ("nada se borra" can be judged). */
  deletions: 'always' | 'when-column' | 'never';
  ratings: 'always' | 'when-column' | 'never';
  /** The finest precision the format's dates carry. */
  datePrecision: TimePrecision;
  /**
   * `single-channel`: one brand's inbox, page or listing (whose, the input or the model decides);
   * `multi-brand`: a dataset mixing many brands, where a thread is a brand's only when it addresses it.
   */
  layout: 'single-channel' | 'multi-brand';
  /**
   * The platform shows no brand reply under these posts (Amazon product reviews): the brand cannot answer
   * where the customer wrote, so its threads are never the brand's conversations (no reply owed, none ignored).
   */
  noBrandReplies?: true;
  /**
   * Ids are the platform's own (a tweet, toot, Bluesky or Reddit id): the same id in two inputs of the
   * platform is one post, counted once. Not set where ids are an export's row numbers or made up by the reader.
   */
  globalIds?: true;
}

export interface IngestSink {
  post(record: PostRecord): void;
  warn(warning: Omit<IngestWarning, 'input'>): void;
  /**
   * A fact about how the input was read that the report must state (date order, assumed zone…), in
   * English, with its catalogue key when the sentence is said in other locales too.
   */
  note(text: string, key?: MessageKey): void;
  /** The input records deletions (a "deleted" column): "nothing deleted" can be judged. */
  tracksDeletion(): void;
  /** Whose channel the whole input is (a page name, an archive's own account), when the input says. */
  channelOwner(owner: string): void;
}

export interface IngestOptions {
  /** IANA zone for timestamps that carry no offset. */
  timezone: string;
  /** Forced order for numeric dates such as 04/11/2013; otherwise inferred per column. */
  dateOrder: DateOrder | undefined;
  /** User column mapping for generic CSV: source header → normalized field. */
  columnMap: Record<string, string>;
}

export interface IngestAdapter {
  /** Kebab-case id, used by `--input-format` and in the report. */
  id: string;
  title: string;
  /** How `detect` recognises the format, in one sentence (shown by `second-impression formats`). */
  detection: string;
  /** What the adapter yields and what it cannot know, in one sentence. */
  yields: string;
  capabilities: AdapterCapabilities;
  detect(sample: FormatSample): Detection;
  /** The adapter reads the input's bytes (`AdapterInput.bytes`), not its text: a binary file may reach it. */
  binary?: true;
  parse(input: AdapterInput, sink: IngestSink, options: IngestOptions): Promise<void>;
}
