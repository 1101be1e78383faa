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
/** Angry faces, thumbs down and the ironic upside-down face in a customer post: dissatisfaction (😡 🤬 😤 😠 👎 🙄 😒 🙃). */
const ANGRY_EMOJI = /[\u{1F621}\u{1F92C}\u{1F624}\u{1F620}\u{1F44E}\u{1F644}\u{1F612}\u{1F643}]/u;

/** Grinning-sweat face: nervous laughter, mockery only when it answers a complaint (😅). */
const SWEAT_EMOJI = /\u{1F605}/u;
/** Cheeky faces a joking customer uses (😜 😝 😋 🙈 😏 😉): the brand's laughter back is banter. */
const CHEEKY_EMOJI = /[\u{1F61C}\u{1F61D}\u{1F60B}\u{1F648}\u{1F60F}\u{1F609}]/u;

export interface EmojiCues {
  laugh: string | null;
  sweat: string | null;
  cheeky: string | null;
  eyeRoll: string | null;
  shrug: string | null;
  angry: string | null;
}

/** The first emoji of each class, as written (a quote for the finding). */
export function emojiCues(text: string): EmojiCues {
  const bounded = text.length > MAX_ANALYSED_CHARS ? text.slice(0, MAX_ANALYSED_CHARS) : text;
  return {
    laugh: LAUGH_EMOJI.exec(bounded)?.[0] ?? null,
    sweat: SWEAT_EMOJI.exec(bounded)?.[0] ?? null,
    cheeky: CHEEKY_EMOJI.exec(bounded)?.[0] ?? null,
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

/** Masked runs per text read with a free number of hidden letters (each scans a few lengths of the vocabulary). */
const MAX_SPAN_LOOKUPS = 20;

/**
 * A mask whose asterisks hide more or fewer letters than they count ("gili***as" for "gilipollas"): the one
 * profanity word, 1–4 letters longer or shorter (the closest length first), that begins with every visible letter before the first
 * asterisk (two at least), ends with every one after the last, and has no visible letter in between.
 * Null when no word, or several words of the same length, fit.
 */
function maskedSpan(run: string, folded: string, byLength: ReadonlyMap<number, string[]>, lookup: number): string | null {
  if (lookup >= MAX_SPAN_LOOKUPS) return null;
  const first = run.indexOf('*');
  const last = run.lastIndexOf('*');
  if (first < 2 || run.slice(first, last + 1).replace(/\*/g, '') !== '') return null;
  const prefix = folded.slice(0, first);
  const suffix = folded.slice(last + 1);
  // The closest length wins ("gili***as" is "gilipollas", not "gilipollitas"); two words at one length: none.
  for (let distance = 1; distance <= 4; distance++) {
    let found: string | null = null;
    for (const length of [run.length - distance, run.length + distance]) {
      if (length <= prefix.length + suffix.length) continue;
      for (const word of byLength.get(length) ?? []) {
        if (!word.startsWith(prefix) || !word.endsWith(suffix)) continue;
        if (found && found !== word) return null;
        found = word;
      }
    }
    if (found) return found;
  }
  return null;
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
    // A doubled last letter ("putaa", "bitchh"; the tokenizer squeezes only runs of three): read as the
    // profanity word without it, and only when that word is in the lexicon ("cree", "zoo" stay).
    const form = token.form;
    const n = form.length;
    if (n >= 4 && form.charCodeAt(n - 1) === form.charCodeAt(n - 2) && !vocabulary.has(form) && vocabulary.has(form.slice(0, -1))) {
      out ??= tokens.slice();
      out[k] = { ...token, form: form.slice(0, -1) };
      return;
    }
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
  let lookups = 0;
  MASKED.lastIndex = 0;
  for (let m = MASKED.exec(bounded); m; m = MASKED.exec(bounded)) {
    const run = m[0];
    if (!run.includes('*') || run.startsWith('*') || run.replace(/\*/g, '').length < 2) continue;
    // Digits hold the masked places: the tokenizer keeps them as written (letters would be squeezed, "f***" → "fx").
    const folded = phraseForms(run.replace(/\*/g, '0')).join('');
    if (folded.length !== run.length) continue;
    const candidates = byLength.get(run.length);
    const pattern = run.toLowerCase();
    const word = candidates?.find((w) => [...w].every((ch, i) => pattern[i] === '*' || folded[i] === ch)) ?? maskedSpan(run, folded, byLength, lookups++);
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
