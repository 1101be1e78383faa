/**
 * Lexicon-backed signals for brand posts: apology and admission of a mistake, denial and blame, tone
 * (profanity, insults, sarcasm, over-familiar address), politics and religion. Spanish and English
 * lexicons are applied together (replies mix them), each loaded once on first use.
 *
 * Every hit quotes the words that fired, so a finding can show them.
 */
import { lexiconFor, type LexiconMatch } from './lexicon.js';
import { tokenize, type Token } from './tokens.js';

export interface SignalHit {
  kind: string;
  entryId: string;
  /** The words as written. */
  quote: string;
  weight: number;
}

export { lexiconFor };

function hitOf(match: LexiconMatch, text: string): SignalHit {
  return { kind: match.entry.kind, entryId: match.entry.id, quote: text.slice(match.start, match.end), weight: match.entry.weight };
}

/** The strongest match of the given kinds at or above `minWeight`. */
function strongest(matches: LexiconMatch[], text: string, kinds: readonly string[], minWeight: number): SignalHit | null {
  let best: LexiconMatch | undefined;
  for (const match of matches) {
    if (!kinds.includes(match.entry.kind) || match.entry.weight < minWeight) continue;
    if (!best || match.entry.weight > best.entry.weight) best = match;
  }
  return best ? hitOf(best, text) : null;
}

/** Prepared text: tokens are computed once and shared by every signal. */
export interface PreparedText {
  text: string;
  tokens: Token[];
}

export function prepare(text: string): PreparedText {
  return { text, tokens: tokenize(text) };
}

/** Minimum sureness for a single lexicon hit to count. */
const MIN_WEIGHT = 0.5;

/**
 * Apology: an apology formula or an admission of the mistake, unless the text is a pseudo-apology
 * ("lamentamos que te sientas así") or turns it into blame ("lo sentimos, pero usted debió…").
 */
export function detectApology(input: PreparedText): SignalHit | null {
  const matches = lexiconFor('apology').match(input.tokens, input.text);
  if (matches.some((m) => m.entry.kind === 'pseudo' && m.entry.weight >= MIN_WEIGHT)) return null;
  const hit = strongest(matches, input.text, ['responsibility', 'apology'], MIN_WEIGHT);
  if (!hit) return null;
  if (detectBlame(input)) return null;
  return hit;
}

/** Denial of the brand's own fault, or deflection to a third party ("no es culpa nuestra", "it's the courier's fault"). */
export function detectDenial(input: PreparedText): SignalHit | null {
  return strongest(lexiconFor('denial').match(input.tokens, input.text), input.text, ['denial', 'deflection'], MIN_WEIGHT);
}

/** Blame put on the customer ("tendría que haber leído las condiciones", "you should have checked"): a tone problem. */
export function detectBlame(input: PreparedText): SignalHit | null {
  return strongest(lexiconFor('denial').match(input.tokens, input.text), input.text, ['blame'], MIN_WEIGHT);
}

export interface Tone {
  profanity: SignalHit | null;
  insult: SignalHit | null;
  sarcasm: SignalHit | null;
  slang: SignalHit | null;
}

export function detectTone(input: PreparedText): Tone {
  const profane = lexiconFor('profanity').match(input.tokens, input.text);
  return {
    profanity: strongest(profane, input.text, ['profanity'], MIN_WEIGHT),
    insult: strongest(profane, input.text, ['insult'], MIN_WEIGHT),
    sarcasm: strongest(lexiconFor('sarcasm').match(input.tokens, input.text), input.text, ['sarcasm'], MIN_WEIGHT),
    slang: strongest(lexiconFor('slang').match(input.tokens, input.text), input.text, ['slang'], MIN_WEIGHT),
  };
}

/** A request to continue in private messages ("escríbenos por MD", "DM us"), quoted. */
export function detectPrivateMessage(input: PreparedText): string | null {
  const match = lexiconFor('dm-deflection').match(input.tokens, input.text)[0];
  return match ? input.text.slice(match.start, match.end) : null;
}

/**
 * Politics or religion. Weak cues ("votar", "gobierno") only count together: their weights combine as
 * independent evidence (noisy-OR) and the text is flagged at 0.8, so one strong cue (a party, a
 * politician, a statement of faith) is enough and one weak word is not.
 */
export function detectPolitics(input: PreparedText): { hit: SignalHit; confidence: number } | null {
  const matches = lexiconFor('politics').match(input.tokens, input.text);
  if (matches.length === 0) return null;
  let none = 1;
  for (const match of matches) none *= 1 - Math.min(1, Math.max(0, match.entry.weight));
  const confidence = 1 - none;
  if (confidence < 0.8) return null;
  const best = matches.reduce((a, b) => (b.entry.weight > a.entry.weight ? b : a));
  return { hit: hitOf(best, input.text), confidence };
}
