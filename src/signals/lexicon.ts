/**
 * Lexicons are data (data/lexicons/<lang>/<signal>.jsonl), one entry per line, matched on folded tokens
 * through a map keyed by the first token: no giant regex alternation, linear in the number of tokens.
 */
import { phraseForms, tokenize, type Token } from './tokens.js';

export interface LexiconEntry {
  /** Unique, `<lang>.<signal>.<kind>.<slug>`. */
  id: string;
  phrase: string;
  kind: string;
  /** 0..1 confidence that a match means the signal. */
  weight: number;
  /** Only matches as the first token of the text. */
  start?: boolean;
  /** Only matches as the last token of the text (a whole-reply dismissal: "Pues vale.", "Cool. Anyway."). */
  end?: boolean;
  /** Words or phrases that cancel the match when they come right before it ("sin problema", "thanks for the help"). */
  notAfter?: string[];
  /** Words or phrases that cancel the match when they come right after it ("coger" + "el autobús"). */
  notBefore?: string[];
  /** "sensitive": the words must appear exactly as written (party names that are also common words: "Vox", "Podemos"). */
  case?: 'sensitive';
  /** Where the entry applies: "es-ES", "es-MX", "en-US", "en-GB" or "*" (default). Informative for now. */
  region?: string[];
  note?: string;
  examples?: { pos?: string[]; neg?: string[] };
}

export interface LexiconMatch {
  entry: LexiconEntry;
  /** Offsets into the original text, for quoting. */
  start: number;
  end: number;
}

interface CompiledEntry {
  entry: LexiconEntry;
  forms: string[];
  notAfter: string[][] | undefined;
  notBefore: string[][] | undefined;
  /** The phrase's words as written, for case-sensitive entries. */
  exact: string[] | undefined;
}

export class Lexicon {
  private readonly byFirst = new Map<string, CompiledEntry[]>();
  readonly entries: readonly LexiconEntry[];

  constructor(entries: readonly LexiconEntry[]) {
    this.entries = entries;
    for (const entry of entries) {
      const forms = phraseForms(entry.phrase);
      if (forms.length === 0) throw new Error(`lexicon entry ${entry.id} has no words`);
      const compiled: CompiledEntry = {
        entry,
        forms,
        notAfter: entry.notAfter?.map(phraseForms),
        notBefore: entry.notBefore?.map(phraseForms),
        exact: entry.case === 'sensitive' ? entry.phrase.split(/\s+/) : undefined,
      };
      if (
        compiled.exact &&
        (compiled.exact.length !== forms.length || compiled.exact.some((word) => tokenize(word).length !== 1 || tokenize(word)[0]!.end !== word.length))
      ) {
        throw new Error(`lexicon entry ${entry.id}: a case-sensitive phrase must be plain words, without punctuation`);
      }
      const list = this.byFirst.get(forms[0]!);
      if (list) list.push(compiled);
      else this.byFirst.set(forms[0]!, [compiled]);
    }
    // Longer phrases first, so "no me ha llegado" wins over "no".
    for (const list of this.byFirst.values()) list.sort((a, b) => b.forms.length - a.forms.length);
  }

  /** All non-overlapping matches, left to right, longest first at each position. `text` is needed for case-sensitive entries. */
  match(tokens: readonly Token[], text = ''): LexiconMatch[] {
    const matches: LexiconMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.byFirst.get(tokens[i]!.form);
      if (!candidates) continue;
      for (const candidate of candidates) {
        if (candidate.entry.start && i !== 0) continue;
        const n = candidate.forms.length;
        if (i + n > tokens.length) continue;
        if (candidate.entry.end && i + n !== tokens.length) continue;
        let ok = true;
        for (let k = 1; k < n; k++) {
          if (tokens[i + k]!.form !== candidate.forms[k]) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        if (candidate.notAfter && precededBy(tokens, i, candidate.notAfter)) continue;
        if (candidate.notBefore && followedBy(tokens, i + n, candidate.notBefore)) continue;
        if (
          candidate.exact &&
          (atSentenceStart(text, tokens[i]!.start) || !candidate.exact.every((word, k) => text.slice(tokens[i + k]!.start, tokens[i + k]!.end) === word))
        )
          continue;
        matches.push({ entry: candidate.entry, start: tokens[i]!.start, end: tokens[i + n - 1]!.end });
        i += n - 1;
        break;
      }
    }
    return matches;
  }
}

function precededBy(tokens: readonly Token[], at: number, phrases: readonly string[][]): boolean {
  return phrases.some((forms) => forms.length <= at && forms.every((form, k) => tokens[at - forms.length + k]!.form === form));
}

/**
 * Capitals say nothing at the start of a sentence ("Podemos ayudarte", "Más info"), so case-sensitive
 * entries (party names that are also words) do not match there.
 */
function atSentenceStart(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t' || text[k] === '"' || text[k] === '«' || text[k] === '(')) k--;
  return k < 0 || '.!?¡¿:\n\r'.includes(text[k]!);
}

function followedBy(tokens: readonly Token[], at: number, phrases: readonly string[][]): boolean {
  return phrases.some((forms) => at + forms.length <= tokens.length && forms.every((form, k) => tokens[at + k]!.form === form));
}

/**
 * Parses one lexicon file (JSON Lines) handed in by the edge; a malformed entry is a bug in the data, so
 * it throws naming the file and line.
 */
export function parseLexiconEntries(text: string, name: string): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let entry: LexiconEntry;
    try {
      entry = JSON.parse(line) as LexiconEntry;
    } catch {
      throw new Error(`${name}:${index + 1}: not valid JSON`);
    }
    if (typeof entry.id !== 'string' || typeof entry.phrase !== 'string' || typeof entry.kind !== 'string' || typeof entry.weight !== 'number') {
      throw new Error(`${name}:${index + 1}: an entry needs id, phrase, kind and weight`);
    }
    entries.push(entry);
  });
  return entries;
}

/** Where lexicon entries come from: the edge reads `data/lexicons/<lang>/<signal>.jsonl` and hands them in. */
export type LexiconSource = (signal: string) => LexiconEntry[];

let source: LexiconSource | undefined;
const compiled = new Map<string, Lexicon>();

/**
 * Installs the lexicon data once, at the edge (the CLI, the package's `loadDefaultResources`, the test
 * setup): the signals never read files themselves.
 */
export function installLexicons(next: LexiconSource): void {
  source = next;
  compiled.clear();
}

/** The compiled lexicon of one signal (Spanish and English entries together). */
export function lexiconFor(signal: string): Lexicon {
  let lexicon = compiled.get(signal);
  if (!lexicon) {
    if (!source) throw new Error('lexicons are not loaded: call loadDefaultResources() (or installLexicons) first');
    lexicon = new Lexicon(source(signal));
    compiled.set(signal, lexicon);
  }
  return lexicon;
}
