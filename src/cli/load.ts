/**
 * Reads every input into one corpus: expands folders, sniffs each file's format, and decides what is
 * fatal. A file the user named that cannot be read as any format stops the run (exit 2); a file found
 * by walking a folder is skipped with a warning, so one stray file does not sink an audit.
 */
import { InputError, UserError } from '../errors.js';
import { adapterById, ADAPTERS, Corpus, detectAdapter, ingestSource } from '../ingest/index.js';
import type { IngestOptions } from '../contract/adapter.js';
import { expandInputs, openText, type SkippedInput } from '../io/read-inputs.js';
import type { Progress } from './progress.js';

export interface LoadOptions extends IngestOptions {
  inputFormat: string | undefined;
  /**
   * When a saved page says nowhere when it was saved, "hace 2 semanas" is read against this (`--as-of`):
   * the user who names "now" for the audit names it for the pages too. The review adapters say which they used.
   */
  savedAt?: number;
}

export async function loadCorpus(args: readonly string[], options: LoadOptions, progress: Progress): Promise<Corpus> {
  const forced = options.inputFormat === undefined ? undefined : adapterById(options.inputFormat);
  if (options.inputFormat !== undefined && !forced) {
    throw new UserError(
      `--input-format "${options.inputFormat}" is not a known format`,
      `formats: ${ADAPTERS.map((a) => a.id).join(', ')} (see: second-impression formats)`,
    );
  }
  // Read in path order whatever order they were named in: the same files always give the same bytes.
  const skipped: SkippedInput[] = [];
  const files = (await expandInputs(args, () => process.stdin, skipped)).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const corpus = new Corpus();
  for (const warning of skipped) corpus.warn(warning);
  let done = 0;
  for (const file of files) {
    const source = await openText(file);
    if (source.metadataProblem) corpus.warn({ input: file.name, code: 'bad-metadata', message: source.metadataProblem });
    if (options.savedAt !== undefined && source.metadata?.savedAt === undefined) source.metadata = { ...source.metadata, savedAt: options.savedAt };
    progress.update(progress.words.reading(file.name, done + 1, files.length));
    if (source.head.trim() === '') {
      const message = 'the file is empty';
      if (file.explicit && files.length === 1)
        throw new InputError(`${file.name}: ${message}`, undefined, { id: 'error.empty-file', data: { file: file.name } });
      corpus.warn({ input: file.name, code: 'empty-file', message, data: {} });
      continue;
    }
    // An input io offers as bytes (a Bluesky .car) is binary by design and goes on to its adapter, unless
    // --input-format forces a text reader on it.
    const bytesReader = source.bytes !== undefined && (forced === undefined || forced.binary === true);
    if (!bytesReader && looksBinary(source.head)) {
      const message = 'not a text file (binary data: a spreadsheet, archive or image?); export it as CSV';
      if (file.explicit) throw new InputError(`${file.name}: ${message}`, undefined, { id: 'error.binary-file', data: { file: file.name } });
      corpus.warn({ input: file.name, code: 'binary-file', message: `${message}; file skipped`, data: {} });
      continue;
    }
    const detected = forced ? undefined : detectAdapter({ name: file.name, head: source.head });
    if (detected?.detection.unsupported && detected.detection.exportPart && !file.explicit) continue;
    if (detected?.detection.unsupported) {
      const message = `recognised but not supported: ${detected.detection.unsupported}`;
      if (file.explicit) throw new InputError(`${file.name}: ${message}`, 'see the supported formats with: second-impression formats');
      corpus.warn({ input: file.name, code: 'unsupported-format', message: `${message}; file skipped` });
      continue;
    }
    const adapter = forced ?? detected?.adapter;
    if (!adapter) {
      const message = 'unknown format: not a CSV/TSV with a header, nor JSON Lines from `second-impression ingest`';
      if (file.explicit)
        throw new InputError(`${file.name}: ${message}`, 'see the supported formats with: second-impression formats', {
          id: 'error.unknown-format',
          data: { file: file.name },
        });
      corpus.warn({ input: file.name, code: 'unknown-format', message: `${message}; file skipped`, data: {} });
      continue;
    }
    try {
      const before = corpus.table.length;
      await ingestSource(corpus, source, adapter, options, (posts) => progress.update(progress.words.readingPosts(file.name, done + 1, files.length, posts)));
      progress.update(progress.words.read(file.name, corpus.table.length - before));
    } catch (error) {
      if (!(error instanceof InputError) || file.explicit) throw error;
      // The hint (a --map that would read it) is what makes the file usable: keep it in the warning.
      corpus.warn({ input: file.name, code: 'unusable-file', message: `${error.message}; file skipped${error.hint ? ` (hint: ${error.hint})` : ''}` });
    }
    done++;
  }
  if (corpus.table.length === 0) {
    const reasons = corpus.warnings
      .list()
      .slice(0, 3)
      .map((w) => `${w.input}${w.line ? `:${w.line}` : ''} ${w.message}`)
      .join('; ');
    throw new InputError(`no usable posts in the inputs${reasons ? ` (${reasons})` : ''}`, undefined, {
      id: reasons ? 'error.no-usable-posts.reasons' : 'error.no-usable-posts',
      data: { reasons },
    });
  }
  return corpus;
}

/** Control characters (other than tab and line breaks), NULs and undecodable bytes in more than 2% of the start. */
export function looksBinary(head: string): boolean {
  const sample = head.slice(0, 4096);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd) odd++;
  }
  return sample.length > 0 && odd / sample.length > 0.02;
}
