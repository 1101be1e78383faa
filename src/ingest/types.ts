/**
 * The adapter contract. An adapter recognises one input format from its name and first characters and
 * turns its text into normalized posts. Adapters never touch the file system: io hands them text.
 */
import type { TextSource } from '../io/read-inputs.js';
import type { PostRecord } from '../corpus/post-table.js';
import type { DateOrder } from '../time/dates.js';

export interface IngestWarning {
  input: string;
  /** 1-based line (or record) in the input, when it applies to one place. */
  line?: number;
  code: string;
  message: string;
}

export interface IngestSink {
  post(record: PostRecord): void;
  warn(warning: Omit<IngestWarning, 'input'>): void;
  /** A fact about how the input was read that the report must state (date order, assumed zone…). */
  note(text: string): void;
  /** The input records deletions (a "deleted" column): "nothing deleted" can be judged. */
  tracksDeletion(): void;
}

export interface IngestOptions {
  /** IANA zone for timestamps that carry no offset. */
  timezone: string;
  /** Forced order for numeric dates such as 04/11/2013; otherwise inferred per column. */
  dateOrder: DateOrder | undefined;
  /** User column mapping for generic CSV: source header → normalized field. */
  columnMap: Record<string, string>;
}

export interface FormatSample {
  name: string;
  head: string;
}

export interface IngestAdapter {
  /** Kebab-case id, used by `--input-format` and in the report. */
  id: string;
  title: string;
  /** How `detect` recognises the format, in one sentence (shown by `second-impression formats`). */
  detection: string;
  /** What the adapter yields and what it cannot know, in one sentence. */
  yields: string;
  /**
   * True when every customer thread in the input sits on the brand's own channel (an inbox export, a
   * review listing); false when the input mixes many brands and a thread is the brand's only if it
   * mentions or reaches the brand (the TWCS dataset).
   */
  ownChannel: boolean;
  detect(sample: FormatSample): boolean;
  parse(source: TextSource, sink: IngestSink, options: IngestOptions): Promise<void>;
}
