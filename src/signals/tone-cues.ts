/**
 * Cues the word lexicons cannot hold: laughter tokens ("jajaja", "lol", "xD"), emoji (the tokenizer drops
 * them), digits standing for letters ("1d10t4") and asterisk-masked spellings ("p*ta", "f***ing").
 * Everything here is linear in the text: one pass over the tokens or the characters, bounded lookups.
 */
import { MAX_ANALYSED_CHARS, phraseForms, type Token } from './tokens.js';

/** "jaja", "jajajaja", "jejeje", "jsjs", "haha", "hehe", "lol", "lmao", "xd" (folded forms). */
export function isLaughter(form: string): boolean {
  if (form.length > 40) return false;
  if (LAUGH_WORDS.has(form)) return true;
  // Two or more syllables of j/h + a vowel ("jaja", "jajaj", "hahaha", "jejeje", "jiji"), or Spanish "jsjs".
  return /^(?:[jh][aeiou]){2,}[jh]?$/.test(form) || /^(?:js){2,}j?$/.test(form);
}

const LAUGH_WORDS = new Set(['lol', 'lool', 'lmao', 'lmfao', 'rofl', 'xd', 'xdd', 'kek']);

/** Laughing emoji: 😂 🤣 😆 😹. */
const LAUGH_EMOJI = /[\u{1F602}\u{1F923}\u{1F606}\u{1F639}]/u;
/** Eye-roll and unamused face: dismissive on their own in a brand reply (🙄 😒). */
const EYE_ROLL_EMOJI = /[\u{1F644}\u{1F612}]/u;
/** Shrug and upside-down face: dismissive only together with another cue (🤷 🙃). */
const SHRUG_EMOJI = /[\u{1F937}\u{1F643}]/u;
/** Angry faces and thumbs down in a customer post: dissatisfaction (😡 🤬 😤 😠 👎 🙄 😒). */
const ANGRY_EMOJI = /[\u{1F621}\u{1F92C}\u{1F624}\u{1F620}\u{1F44E}\u{1F644}\u{1F612}]/u;

export interface EmojiCues {
  laugh: string | null;
  eyeRoll: string | null;
  shrug: string | null;
  angry: string | null;
}

/** The first emoji of each class, as written (a quote for the finding). */
export function emojiCues(text: string): EmojiCues {
  const bounded = text.length > MAX_ANALYSED_CHARS ? text.slice(0, MAX_ANALYSED_CHARS) : text;
  return {
    laugh: LAUGH_EMOJI.exec(bounded)?.[0] ?? null,
    eyeRoll: EYE_ROLL_EMOJI.exec(bounded)?.[0] ?? null,
    shrug: SHRUG_EMOJI.exec(bounded)?.[0] ?? null,
    angry: ANGRY_EMOJI.exec(bounded)?.[0] ?? null,
  };
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b' };

/**
 * Digits standing for letters ("1d10t4" → "idiota", "p3nd3j0s" → "pendejos", "sh1t" → "shit"), for the
 * profanity lexicon only. A token qualifies when it mixes at least two letters with at least one digit and
 * every digit has a letter reading, so product codes with one letter ("A55", "4G", "B2B") are left alone.
 */
export function deLeet(form: string): string | null {
  if (form.length < 4 || form.length > 30) return null;
  let letters = 0;
  let digits = 0;
  let out = '';
  for (const ch of form) {
    if (ch >= '0' && ch <= '9') {
      const letter = LEET[ch];
      if (!letter) return null;
      digits++;
      out += letter;
    } else {
      letters++;
      out += ch;
    }
  }
  return digits > 0 && letters >= 2 ? out : null;
}

/** Runs of letters and asterisks with at least one of each ("p*ta", "f***ing", "m**rda"), at most 24 long. */
const MASKED = /[\p{L}*]{2,24}/gu;

/**
 * Tokens for the profanity lexicon: leetspeak read as letters, and an asterisk-masked word replaced by
 * the profanity word it can only be (same length, same visible letters, first letter visible). `vocabulary`
 * holds the single words of the profanity lexicon. Returns the input array when nothing changes.
 */
export function profanityTokens(tokens: readonly Token[], text: string, vocabulary: ReadonlySet<string>, byLength: ReadonlyMap<number, string[]>): Token[] {
  let out: Token[] | null = null;
  tokens.forEach((token, k) => {
    if (!/\d/.test(token.form)) return;
    const read = deLeet(token.form);
    if (read && vocabulary.has(read)) {
      out ??= tokens.slice();
      out[k] = { ...token, form: read };
    }
  });
  if (!text.includes('*')) return out ?? (tokens as Token[]);
  const bounded = text.length > MAX_ANALYSED_CHARS ? text.slice(0, MAX_ANALYSED_CHARS) : text;
  // Masked runs, in text order, each with the word it stands for.
  const replacements: Token[] = [];
  MASKED.lastIndex = 0;
  for (let m = MASKED.exec(bounded); m; m = MASKED.exec(bounded)) {
    const run = m[0];
    if (!run.includes('*') || run.startsWith('*') || run.replace(/\*/g, '').length < 2) continue;
    // Digits hold the masked places: the tokenizer keeps them as written (letters would be squeezed, "f***" → "fx").
    const folded = phraseForms(run.replace(/\*/g, '0')).join('');
    if (folded.length !== run.length) continue;
    const candidates = byLength.get(run.length);
    if (!candidates) continue;
    const pattern = run.toLowerCase();
    const word = candidates.find((w) => [...w].every((ch, i) => pattern[i] === '*' || folded[i] === ch));
    if (word) replacements.push({ form: word, start: m.index, end: m.index + run.length });
  }
  if (replacements.length === 0) return out ?? (tokens as Token[]);
  // One merge pass: the tokens a masked run was split into ("p", "ta") give way to its one token.
  const base: readonly Token[] = out ?? tokens;
  const merged: Token[] = [];
  let r = 0;
  for (const token of base) {
    while (r < replacements.length && replacements[r]!.end <= token.start) merged.push(replacements[r++]!);
    const replacement = replacements[r];
    if (replacement && token.start < replacement.end && token.end > replacement.start) continue;
    merged.push(token);
  }
  while (r < replacements.length) merged.push(replacements[r++]!);
  return merged;
}
