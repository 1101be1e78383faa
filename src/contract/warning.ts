/**
 * Words about the inputs that reach the report: warnings (a problem, named by input and line) and notes (a
 * fact about how an input was read). Both are written in English where they arise; those that carry an
 * `id` and their `data` are said again in another locale from the catalogue (src/i18n/input-messages-es.ts),
 * the English sentence staying as the fallback.
 */

/** The values a catalogue template fills in (`{n}`, `{file}`…). */
export type MessageData = Readonly<Record<string, string | number>>;

/** What a catalogue needs to say a sentence in another locale. */
export interface MessageKey {
  /** The catalogue's template id (`x-archive.deleted-read`). */
  id: string;
  data?: MessageData;
}

/** A sentence in English with, when it has one, its catalogue key. */
export interface KeyedText extends MessageKey {
  text: string;
}

/** An input note: plain English, or English with its catalogue key. */
export type InputNote = string | KeyedText;

/** A problem met while reading or auditing, named by input and (when it applies to one place) line. */
export interface IngestWarning {
  input: string;
  /** 1-based line (or record) in the input, when it applies to one place. */
  line?: number;
  code: string;
  /** The English sentence. */
  message: string;
  /** Catalogue template id for other locales; `code` when only `data` is given. */
  id?: string;
  data?: MessageData;
}

export function noteText(note: InputNote): string {
  return typeof note === 'string' ? note : note.text;
}
