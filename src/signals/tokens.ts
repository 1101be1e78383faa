/**
 * Shared text preparation for every signal: mask what must never match (URLs, e-mails, @mentions,
 * #hashtags), fold case and accents (keeping ñ, so "año" never becomes "ano"), squeeze elongations
 * ("siiiii" → "si"), and keep each token's offsets in the original text so findings can quote it.
 * Everything here is linear in the text length.
 */

export interface Token {
  /** Folded form used for lookups. */
  form: string;
  /** Offsets into the original text. */
  start: number;
  end: number;
}

/** Longest text we analyse; longer posts are analysed on their first part only. */
export const MAX_ANALYSED_CHARS = 20_000;

const FOLD = buildFoldTable();

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(0x250);
  for (let c = 0; c < table.length; c++) table[c] = c;
  for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 32;
  const groups: [string, string][] = [
    ['a', 'àáâãäåÀÁÂÃÄÅāĀ'],
    ['e', 'èéêëÈÉÊËēĒ'],
    ['i', 'ìíîïÌÍÎÏīĪ'],
    ['o', 'òóôõöÒÓÔÕÖōŌ'],
    ['u', 'ùúûüÙÚÛÜūŪ'],
    ['c', 'çÇ'],
    ['y', 'ýÿÝ'],
    ['ñ', 'ñÑ'],
  ];
  for (const [to, from] of groups) for (const ch of from) table[ch.charCodeAt(0)] = to.charCodeAt(0);
  return table;
}

function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0xf1 /* ñ */ || (c >= 0xdf && c <= 0x24f && c !== 0xf7) || (c >= 0x3b1 && c <= 0x3c9);
}

/** Spans never matched by lexicons: URLs, e-mail addresses, @mentions and #hashtags. */
const MASK = /(?:https?:\/\/|www\.)[^\s]+|[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}\.[A-Za-z0-9.-]{1,190}|[@#][\p{L}\p{N}_]{1,100}/gu;

export function tokenize(text: string): Token[] {
  const length = Math.min(text.length, MAX_ANALYSED_CHARS);
  const source = length < text.length ? text.slice(0, length) : text;
  const masked: number[] = [];
  if (source.includes('@') || source.includes('#') || source.includes('http') || source.includes('www.')) {
    MASK.lastIndex = 0;
    for (let m = MASK.exec(source); m; m = MASK.exec(source)) masked.push(m.index, m.index + m[0].length);
  }
  const tokens: Token[] = [];
  let maskAt = 0;
  let start = -1;
  let form = '';
  let last = -1;
  let run = 0;
  for (let i = 0; i <= length; i++) {
    if (maskAt < masked.length && i === masked[maskAt]) {
      if (start >= 0) tokens.push({ form, start, end: i });
      start = -1;
      i = masked[maskAt + 1]! - 1;
      maskAt += 2;
      continue;
    }
    const raw = i < length ? source.charCodeAt(i) : 0x20;
    // Decomposed accents (NFD text from macOS or saved pages): drop the mark, but n + tilde is ñ.
    if (raw >= 0x300 && raw <= 0x36f && start >= 0) {
      if (raw === 0x303 && form.endsWith('n')) form = `${form.slice(0, -1)}ñ`;
      continue;
    }
    const c = raw < 0x250 ? FOLD[raw]! : raw;
    const apostropheInWord = (c === 0x27 || c === 0x2019) && start >= 0 && i + 1 < length && isWordChar(fold(source.charCodeAt(i + 1)));
    if (isWordChar(c) || apostropheInWord) {
      const ch = apostropheInWord ? 0x27 : c;
      if (start < 0) {
        start = i;
        form = '';
        last = -1;
        run = 0;
      }
      // Elongations: a letter repeated 3+ times counts once ("siiiii" → "si", "graciasss" → "gracias").
      if (ch === last && ch > 0x39) {
        run++;
        if (run === 2) form = form.slice(0, -1);
        if (run >= 2) continue;
      } else {
        last = ch;
        run = 0;
      }
      form += String.fromCharCode(ch);
    } else if (start >= 0) {
      tokens.push({ form, start, end: i });
      start = -1;
    }
  }
  return tokens;
}

function fold(code: number): number {
  return code < 0x250 ? FOLD[code]! : code;
}

const MENTION = /@[\p{L}\p{N}_]{1,50}/gu;

/**
 * The text with every @mention reduced to "@". No signal reads mentions, so this is the cache key under
 * which "@123 Lo sentimos…" and "@456 Lo sentimos…" share one analysis.
 */
export function withoutMentions(text: string): string {
  return text.includes('@') ? text.replace(MENTION, '@') : text;
}

/** Folds a lexicon phrase the same way as text, returning its token forms. */
export function phraseForms(phrase: string): string[] {
  return tokenize(phrase).map((token) => token.form);
}
