/**
 * What became of a promise, read from the text alone:
 * - a brand post admitting that a promise was not kept ("no te llamamos como quedamos", "sentimos no
 *   haberte llamado", "se nos pasó llamarte", "we didn't manage to call", "sorry we didn't call you back");
 * - a customer post saying that what was promised never came ("nadie me ha llamado", "sigo esperando",
 *   "aún nada", "still waiting", "never heard back", "¿y la llamada?").
 *
 * Both are lexicon signals (data/lexicons/{es,en}/promise-broken.jsonl and still-waiting.jsonl): the
 * guards that keep "no te preocupes, te llamamos mañana", "ya te hemos llamado", "si no te llamamos el
 * lunes…", "sigo esperando con ganas el lanzamiento" or "ya me han llamado" out are in the entries
 * (notAfter/notBefore) plus two rules here:
 * - an admission phrased as a question ("¿No te hemos llamado todavía?") admits nothing: a match whose
 *   clause opens with "¿" or ends with "?" does not count;
 * - `question` entries of still-waiting ("y la llamada", "what happened to my callback") count only as a
 *   question: their clause ends with "?" (or the text ends right after them).
 *
 * Which author a post has (brand or customer) is the caller's business; these read any text. Linear: the
 * text is read up to MAX_ANALYSED_CHARS through the token matcher, and each match looks at most
 * CLAUSE_SCAN characters either side.
 */
import { lexiconFor, type LexiconMatch } from './lexicon.js';
import { MAX_ANALYSED_CHARS, tokenize, withoutMentions } from './tokens.js';

export interface OutcomeHit {
  /** The words that fired, as written. */
  quote: string;
}

/** Minimum entry weight for a match to count. */
const MIN_WEIGHT = 0.5;
/** How far a match looks for the edges of its clause. */
const CLAUSE_SCAN = 300;

/** A brand post admitting a promise was not kept, quoted; null when it admits none. */
export function detectBrokenPromiseAdmission(text: string): OutcomeHit | null {
  return strongest('promise-broken', text, (match, source) => match.entry.kind === 'admission' && !inQuestion(source, match));
}

/** A customer post saying what was promised never came, quoted; null when it says nothing of the kind. */
export function detectStillWaiting(text: string): OutcomeHit | null {
  return strongest(
    'still-waiting',
    text,
    (match, source) => match.entry.kind === 'waiting' || (match.entry.kind === 'question' && asksQuestion(source, match)),
  );
}

function strongest(signal: string, text: string, accept: (match: LexiconMatch, source: string) => boolean): OutcomeHit | null {
  const bounded = text.length > MAX_ANALYSED_CHARS ? text.slice(0, MAX_ANALYSED_CHARS) : text;
  const source = withoutMentions(bounded);
  let best: LexiconMatch | undefined;
  for (const match of lexiconFor(signal).match(tokenize(source), source)) {
    if (match.entry.weight < MIN_WEIGHT || (best && match.entry.weight <= best.entry.weight)) continue;
    if (accept(match, source)) best = match;
  }
  return best ? { quote: source.slice(best.start, best.end) } : null;
}

const CLAUSE_END = ',;.!?\n';

/** The character that closes the match's clause ('' at the end of the text or past the scan). */
function clauseCloser(text: string, match: LexiconMatch): string {
  const limit = Math.min(text.length, match.end + CLAUSE_SCAN);
  for (let k = match.end; k < limit; k++) if (CLAUSE_END.includes(text[k]!)) return text[k]!;
  return '';
}

/** Whether the clause of the match is a question: opened by "¿" or closed by "?". */
function inQuestion(text: string, match: LexiconMatch): boolean {
  if (clauseCloser(text, match) === '?') return true;
  const limit = Math.max(0, match.start - CLAUSE_SCAN);
  for (let k = match.start - 1; k >= limit; k--) {
    const c = text[k]!;
    if (c === '¿') return true;
    if (CLAUSE_END.includes(c)) return false;
  }
  return false;
}

/** "¿Y la llamada?", "y la llamada??", or the words ending the text ("…y la llamada 🙄"). */
function asksQuestion(text: string, match: LexiconMatch): boolean {
  const closer = clauseCloser(text, match);
  if (closer === '?') return true;
  // Nothing but punctuation, spaces or emoji after the match: a question without its mark.
  if (closer === '' && match.end + CLAUSE_SCAN >= text.length) return !/[\p{L}\p{N}]/u.test(text.slice(match.end));
  return false;
}
