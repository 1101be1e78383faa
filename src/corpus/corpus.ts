/**
 * Everything read from the inputs: the post table, one summary per input, and the warnings. Ingest
 * fills it; the model reads it.
 */
import type { AdapterCapabilities } from '../contract/adapter.js';
import type { IngestWarning } from '../contract/warning.js';
import type { InputSummary } from '../contract/result.js';
import { PostTable } from './post-table.js';
import { WarningLog } from './warnings.js';

export type { InputSummary };

/** Whose channel one input file is, as far as the input itself can say. */
export interface InputChannel {
  layout: AdapterCapabilities['layout'];
  /** The page, account or archive owner the input names, when it names one. */
  owner: string | undefined;
  /** The format shows no brand reply (capabilities.noBrandReplies): nothing in it is owed an answer. */
  noBrandReplies?: true;
  /** capabilities.globalIds: the same id in another such input is the same post. */
  globalIds?: true;
}

export class Corpus {
  readonly table = new PostTable();
  readonly inputs: InputSummary[] = [];
  readonly warnings = new WarningLog();
  /** True when at least one input records deleted or hidden posts. */
  tracksDeletion = false;
  /** Per input file (index in table.files): its layout and owner. */
  readonly channels = new Map<number, InputChannel>();
  /** Per input path: the file indexes its posts are stored under (a JSON Lines input keeps its posts' original files). */
  readonly inputFiles = new Map<string, Set<number>>();

  warn(warning: IngestWarning): void {
    this.warnings.add(warning);
  }

  /** True when the file at this index is one brand's inbox, page or listing (not a multi-brand dataset). */
  isSingleChannel(fileIndex: number): boolean {
    return this.channels.get(fileIndex)?.layout === 'single-channel';
  }
}
