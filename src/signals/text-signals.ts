/**
 * Lexicon-backed signals for brand posts: apology and admission of a mistake, denial and blame, tone
 * (profanity, insults, sarcasm, over-familiar address), politics and religion. Spanish and English
 * lexicons are applied together (replies mix them), each loaded once on first use.
 *
 * Every hit quotes the words that fired, so a finding can show them.
 */
import { type Lexicon, lexiconFor, type LexiconMatch } from './lexicon.js';
import { detectNeedsReply } from './needs-reply.js';
import { emojiCues, isLaughter, profanityTokens } from './tone-cues.js';
import { MAX_ANALYSED_CHARS, tokenize, type Token } from './tokens.js';

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

/**
 * Denial of the brand's own fault, or deflection to a third party ("no es culpa nuestra", "it's the courier's
 * fault"). Besides the single phrases, a flat factual denial is two weak cues together: a reference to the
 * brand's records ("según nuestros registros", "our records show") and a statement that the service was done
 * or works ("se entregó", "visited", "no hay ninguna avería"). That pair is not a denial when the same reply
 * keeps the case ("lo revisamos", "we'll look into it"): then it is information.
 */
export function detectDenial(input: PreparedText): SignalHit | null {
  const matches = lexiconFor('denial').match(input.tokens, input.text);
  const hit = strongest(matches, input.text, ['denial', 'deflection'], MIN_WEIGHT);
  if (hit) return hit;
  const record = matches.find((m) => m.entry.kind === 'record');
  const done = matches.find((m) => m.entry.kind === 'done');
  if (!record || !done || matches.some((m) => m.entry.kind === 'ownership')) return null;
  const first = record.start < done.start ? record : done;
  const last = first === record ? done : record;
  return { kind: 'denial', entryId: `${record.entry.id}+${done.entry.id}`, quote: input.text.slice(first.start, last.end), weight: 0.6 };
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

/**
 * Tone of a brand post. `context` is the customer post it answers, when the caller knows it: a reply of bare
 * laughter ("jajaja", "😂") is mockery when it answers a complaint or a question, and banter when it answers
 * a joke, which the reply alone cannot tell.
 */
export function detectTone(input: PreparedText, context?: string): Tone {
  const lexicon = lexiconFor('profanity');
  const profane = lexicon.match(profanityTokensFor(lexicon, input), input.text);
  return {
    profanity: strongest(profane, input.text, ['profanity'], MIN_WEIGHT),
    insult: strongest(profane, input.text, ['insult'], MIN_WEIGHT) ?? framedInsult(profane, input),
    sarcasm: detectSarcasm(input, context),
    slang: strongest(lexiconFor('slang').match(input.tokens, input.text), input.text, ['slang'], MIN_WEIGHT),
  };
}

/**
 * Words that insult only when aimed at someone ("foca", "cerdo", "payaso", "pig", "muppet": kind
 * `insult-word` in profanity.jsonl) count right after an insulting frame from insult-frame.jsonl ("es una",
 * "sois unos", "pedazo de", "you", "bunch of"), so "la foca del acuario" and "cerdo ibérico" stay clean.
 * Frames live in their own lexicon so that they never hide a profanity phrase that shares their words
 * ("such a" + "a dick").
 */
/** Between a frame and its insult-word: spaces or a comma, or one intensifier ("eres muy tonto", "such a big loser"). Bounded. */
const FRAME_GAP = /^[\s,]{0,8}(?:(?:muy|tan|bien|mas|más|so|really|big|real|right|proper)[\s,]{1,8})?$/i;

function framedInsult(matches: LexiconMatch[], input: PreparedText): SignalHit | null {
  const words = matches.filter((m) => m.entry.kind === 'insult-word');
  if (words.length === 0) return null;
  const frames = lexiconFor('insult-frame').match(input.tokens, input.text);
  // Both lists are in text order: one pass, the frame to check is the last one ending before the word.
  let f = -1;
  for (const word of words) {
    while (f + 1 < frames.length && frames[f + 1]!.end <= word.start) f++;
    const frame = frames[f];
    if (!frame || !FRAME_GAP.test(input.text.slice(frame.end, word.start))) continue;
    return {
      kind: 'insult',
      entryId: `${frame.entry.id}+${word.entry.id}`,
      quote: input.text.slice(frame.start, word.end),
      weight: Math.max(frame.entry.weight, word.entry.weight),
    };
  }
  return null;
}

/** The profanity lexicon's single words, by length (single-word entries first), for masked spellings. */
const vocabularies = new WeakMap<Lexicon, { words: Set<string>; byLength: Map<number, string[]> }>();

function profanityTokensFor(lexicon: Lexicon, input: PreparedText): Token[] {
  let vocabulary = vocabularies.get(lexicon);
  if (!vocabulary) {
    const single: string[] = [];
    const inPhrases: string[] = [];
    for (const entry of lexicon.entries) {
      const forms = tokenize(entry.phrase).map((t) => t.form);
      if (forms.length === 1 && (entry.kind === 'profanity' || entry.kind === 'insult')) single.push(forms[0]!);
      else inPhrases.push(...forms);
    }
    const words = new Set([...single, ...inPhrases]);
    const byLength = new Map<number, string[]>();
    for (const word of new Set([...single, ...inPhrases])) {
      if (word.length < 3) continue;
      const list = byLength.get(word.length);
      if (list) list.push(word);
      else byLength.set(word.length, [word]);
    }
    vocabulary = { words, byLength };
    vocabularies.set(lexicon, vocabulary);
  }
  return profanityTokens(input.tokens, input.text, vocabulary.words, vocabulary.byLength);
}

/** Replies this short (words other than laughter) read as a dismissal when they laugh ("jajaja no", "lmao ok"). */
const SHORT_REPLY = 3;

/**
 * Sarcasm and mockery aimed at the customer. Precision first:
 * - a `sarcasm` lexicon entry ("gracias por nada", "lo que tú digas", "espera sentado");
 * - an eye-roll or unamused emoji (🙄 😒);
 * - laughter ("jajaja", "lol", "xD", 😂) or a shrug (🤷 🙃) together with a dismissive word: anywhere for the
 *   mocking ones ("exagerado", "drama"), in a reply of a few words for the curt ones ("no", "ok", "vale");
 * - scare quotes around the customer's word ("tu 'reclamación'", "your 'review'");
 * - laughter (or 😅) in a reply of a dozen words or fewer, or a curt reply of two words ("pues ok 👍"), answering
 *   a customer post that needed a reply and did not laugh itself, unless the reply apologises (only when
 *   `context` is known).
 * Friendly words ("gracias", "nos has pillado", "love", "made our day") keep laughter and shrugs innocent.
 */
function detectSarcasm(input: PreparedText, context: string | undefined): SignalHit | null {
  const { text, tokens } = input;
  const matches = lexiconFor('sarcasm').match(tokens, text);
  const hit = strongest(matches, text, ['sarcasm'], MIN_WEIGHT);
  if (hit) return hit;
  const emoji = emojiCues(text);
  if (emoji.eyeRoll) return { kind: 'sarcasm', entryId: 'cue.sarcasm.eye-roll', quote: emoji.eyeRoll, weight: 0.7 };
  const quoted = SCARE_QUOTES.exec(text.length > MAX_ANALYSED_CHARS ? text.slice(0, MAX_ANALYSED_CHARS) : text);
  if (quoted) return { kind: 'sarcasm', entryId: 'cue.sarcasm.scare-quotes', quote: quoted[0].trim(), weight: 0.6 };
  if (matches.some((m) => m.entry.kind === 'friendly')) return null;
  const laughToken = tokens.find((t) => isLaughter(t.form));
  const laugh = laughToken ? text.slice(laughToken.start, laughToken.end) : emoji.laugh;
  const cue = laugh ?? emoji.shrug;
  const words = tokens.filter((t) => !isLaughter(t.form)).length;
  const dismissive = matches.find((m) => m.entry.kind === 'dismissive' || (m.entry.kind === 'dismissive-short' && words <= SHORT_REPLY));
  if (cue && dismissive)
    return { kind: 'sarcasm', entryId: dismissive.entry.id, quote: `${cue} … ${text.slice(dismissive.start, dismissive.end)}`, weight: 0.6 };
  if (context === undefined || words > LAUGHING_REPLY) return null;
  // Laughing (or a nervous 😅) at a complaint is mockery, and so is a curt "ok" of two words at most; laughing
  // back at a customer who laughed is banter.
  const mirth = laugh ?? emoji.sweat;
  const curt = words <= CURT_REPLY && matches.find((m) => m.entry.kind === 'dismissive-short');
  if (!mirth && !curt) return null;
  const answered = context.length > MAX_ANALYSED_CHARS ? context.slice(0, MAX_ANALYSED_CHARS) : context;
  if (laughs(answered) || detectApology(input) || !detectNeedsReply(answered).needsReply) return null;
  if (mirth) return { kind: 'sarcasm', entryId: 'cue.sarcasm.laughs-at-complaint', quote: mirth, weight: 0.6 };
  return curt ? { kind: 'sarcasm', entryId: `${curt.entry.id}+cue.sarcasm.curt-to-complaint`, quote: text.trim(), weight: 0.6 } : null;
}

/** A reply of at most this many words that is only a curt word ("Pues ok 👍", "Vale.") brushes a complaint off. */
const CURT_REPLY = 2;

/** A brand reply this long (words besides laughter) that laughs at a complaint still reads as mockery. */
const LAUGHING_REPLY = 12;

/** Does the customer's post laugh or joke itself (a laughter token or a laughing or cheeky emoji)? */
function laughs(text: string): boolean {
  const emoji = emojiCues(text);
  return Boolean(emoji.laugh ?? emoji.sweat ?? emoji.cheeky) || tokenize(text).some((t) => isLaughter(t.form));
}

/**
 * Scare quotes around the customer's own word: a possessive and one quoted word ("tu 'reclamación'", "your
 * 'feedback'", "su \"queja\""). Bounded, no nested quantifier.
 */
const SCARE_QUOTES = /(?:^|[^\p{L}])(?:[Tt]u|[Ss]u|[Vv]uestr[ao]|[Yy]our)\s{1,3}['‘’"“”«]\p{Ll}\p{L}{2,19}['‘’"“”»](?!\p{L})/u;

/**
 * The brand asking a customer to delete or edit criticism, offering something for it, reporting it to the
 * platform, or saying it hid or removed it ("borra ese tuit", "if you remove the review", "hemos ocultado tu
 * comentario"), quoted: evidence against "nada se borra" that the text itself shows, whatever the input
 * records. Lexicon data/lexicons/<lang>/delete-request.jsonl; "borra la app" or "delete your account" do not
 * name a post and never match.
 */
export function detectDeleteRequest(input: PreparedText): string | null {
  const match = lexiconFor('delete-request').match(input.tokens, input.text)[0];
  return match ? input.text.slice(match.start, match.end) : null;
}

/** A request to continue in private messages ("escríbenos por MD", "DM us"), quoted. */
export function detectPrivateMessage(input: PreparedText): string | null {
  const match = lexiconFor('dm-deflection').match(input.tokens, input.text)[0];
  return match ? input.text.slice(match.start, match.end) : null;
}

/**
 * Politics or religion. Weak cues ("votar", "gobierno") only count together: their weights combine as
 * independent evidence (noisy-OR) and the text is flagged at 0.8, so one strong cue (a party, a
 * politician, a statement of faith, a party's or politician's @handle from politics-handle.jsonl, a party
 * inside a #hashtag) is enough and one weak word is not.
 */
export function detectPolitics(input: PreparedText): { hit: SignalHit; confidence: number } | null {
  const tagged = politicsTokens(input);
  const matches = lexiconFor('politics').match(tagged.tokens, input.text);
  for (const m of matches) {
    // A party named inside a #hashtag or an @handle ("#FueraMorena", "#VotaSumar") is no common word.
    if (m.entry.kind === 'party' && m.entry.weight < TAGGED_PARTY && tagged.spans.some(([a, b]) => m.start >= a && m.end <= b)) {
      m.entry = { ...m.entry, weight: TAGGED_PARTY };
    }
  }
  matches.push(...tagged.handles);
  if (matches.length === 0) return null;
  let none = 1;
  for (const match of matches) none *= 1 - Math.min(1, Math.max(0, match.entry.weight));
  const confidence = 1 - none;
  if (confidence < 0.8) return null;
  const best = matches.reduce((a, b) => (b.entry.weight > a.entry.weight ? b : a));
  return { hit: hitOf(best, input.text), confidence };
}

/** The weight of a party name written inside a hashtag or handle. */
const TAGGED_PARTY = 0.9;

/** #hashtags and @handles, which the tokenizer masks: politics reads them too. */
const TAG = /[#@][\p{L}\p{N}_]{1,100}/gu;
/** camelCase and digit boundaries inside a hashtag: "#VotaPSOE" → Vota PSOE, "#NoALaReforma" → No A La Reforma. */
const CAMEL = /\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\p{N}+/gu;

/** Parties', politicians' and governments' accounts (data/lexicons/<lang>/politics-handle.jsonl), by lower-case handle. */
const handleLists = new WeakMap<Lexicon, Map<string, LexiconMatch['entry']>>();

function politicalHandles(): Map<string, LexiconMatch['entry']> {
  const lexicon = lexiconFor('politics-handle');
  let list = handleLists.get(lexicon);
  if (!list) {
    list = new Map(lexicon.entries.map((e) => [e.phrase.toLowerCase(), e]));
    handleLists.set(lexicon, list);
  }
  return list;
}

/**
 * The text's tokens plus the words inside its hashtags (split on camelCase) and @handles, in text order,
 * with offsets into the text so case-sensitive entries ("#VotaPP") still see the letters as written; the
 * spans of the tags; and the @handles found in the list of political accounts (one lookup each).
 */
function politicsTokens(input: PreparedText): { tokens: Token[]; spans: [number, number][]; handles: LexiconMatch[] } {
  const { text, tokens } = input;
  if (!text.includes('#') && !text.includes('@')) return { tokens, spans: [], handles: [] };
  const bounded = text.length > MAX_ANALYSED_CHARS ? text.slice(0, MAX_ANALYSED_CHARS) : text;
  const extra: Token[] = [];
  const spans: [number, number][] = [];
  const handles: LexiconMatch[] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(bounded); m; m = TAG.exec(bounded)) {
    // An e-mail's domain is not a handle.
    if (m[0][0] === '@' && m.index > 0 && /[\p{L}\p{N}._-]/u.test(bounded[m.index - 1]!)) continue;
    const body = m[0].slice(1);
    const at = m.index + 1;
    spans.push([m.index, m.index + m[0].length]);
    if (m[0][0] === '@') {
      const account = politicalHandles().get(body.toLowerCase());
      if (account) handles.push({ entry: account, start: m.index, end: m.index + m[0].length });
      for (const t of tokenize(body)) extra.push({ form: t.form, start: at + t.start, end: at + t.end });
      continue;
    }
    CAMEL.lastIndex = 0;
    for (let piece = CAMEL.exec(body); piece; piece = CAMEL.exec(body)) {
      for (const t of tokenize(piece[0])) extra.push({ form: t.form, start: at + piece.index + t.start, end: at + piece.index + t.end });
    }
  }
  if (extra.length === 0) return { tokens, spans, handles };
  return { tokens: [...tokens, ...extra].sort((a, b) => a.start - b.start), spans, handles };
}
