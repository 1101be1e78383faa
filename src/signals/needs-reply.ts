/**
 * Does a customer post need a reply? The foundation heuristic, Spanish and English together (customers
 * mix them), in this order:
 *
 * 1. A review of 1–3 stars always needs one (spec §5).
 * 2. A question mark ("?" or "¿") outside URLs: a question, unless a rhetorical frame of praise
 *    ("¿quién no…?", "who else…?") explains it and no complaint or request comes with it.
 * 3. A complaint, problem, request or question cue from data/lexicons/{es,en}/needs-reply.jsonl. Cues that
 *    must open the post ("cuando…", "xq…", "is there…") may follow a greeting ("hola, cuando llega…"). A
 *    complaint or problem told as solved later in the post ("…, ya va perfecto") is cancelled by a
 *    `resolved` cue after it; requests and questions never are.
 * 4. An angry, eye-roll or thumbs-down emoji (😡 🤬 😤 🙄 👎) next to words that carry no cue ("Pedido
 *    55012 😡"): dissatisfaction. Emoji-only posts still need no reply.
 * 5. In a thread: an answer to the brand's own request for data ("¿nos das tu número de pedido?" → "es el
 *    40021937"), or a short "no" to the brand's question ("¿ya funciona?" → "no, sigue igual"), needs the next
 *    reply. The caller passes the brand post the customer answers as `context`.
 * 6. Otherwise no: thanks, praise, greetings, emoji-only, "ok".
 *
 * The answer carries its reason and the quoted cue so the report can show why a post counted.
 */
import { lexiconFor, type Lexicon, type LexiconMatch } from './lexicon.js';
import { emojiCues } from './tone-cues.js';
import { MAX_ANALYSED_CHARS, tokenize, type Token } from './tokens.js';

export type NeedsReplyReason = 'low-rating' | 'question' | 'complaint' | 'problem' | 'request' | 'none';

export interface NeedsReply {
  needsReply: boolean;
  reason: NeedsReplyReason;
  /** The words that decided it, as written. */
  cue?: string;
  /** The lexicon entry behind the cue. */
  entryId?: string;
}

function needsReplyLexicon(): Lexicon {
  return lexiconFor('needs-reply');
}

const URL_LIKE = /(?:https?:\/\/|www\.)\S+/g;

/**
 * `context`, when known, is the text of the brand's latest post before this one in the same conversation
 * (never the announcement a comment answers): it only matters for rule 5.
 */
export function detectNeedsReply(text: string, rating?: number, context?: string): NeedsReply {
  if (rating !== undefined && rating > 0 && rating <= 3) return { needsReply: true, reason: 'low-rating', cue: `${rating}★` };
  const tokens = tokenize(text);
  const lexicon = needsReplyLexicon();
  const matches = withGreetingStarts(lexicon, tokens, text);
  const best = pickCue(matches);
  const question = findQuestionMark(text);
  // "¿Quién no querría…?" praises; the question mark only counts when no rhetorical frame explains it
  // or a complaint or request comes with it.
  const rhetorical = matches.some((m) => m.entry.kind === 'rhetorical');
  if (question >= 0 && (!rhetorical || best)) return { needsReply: true, reason: 'question', cue: sentenceAround(text, question) };
  if (best) {
    return {
      needsReply: true,
      reason: best.entry.kind === 'question' ? 'question' : (best.entry.kind as NeedsReplyReason),
      cue: text.slice(best.start, best.end),
      entryId: best.entry.id,
    };
  }
  const angry = emojiCues(text).angry;
  // With words only: an emoji-only post needs no reply (fixtures/eval/README.md), angry or not.
  if (angry && tokens.length > 0 && !matches.some((m) => m.entry.kind === 'resolved'))
    return { needsReply: true, reason: 'complaint', cue: angry, entryId: 'cue.needs-reply.angry-emoji' };
  if (context !== undefined) {
    const answer = answersDataRequest(text, tokens, context);
    if (answer) return { needsReply: true, reason: 'request', cue: answer, entryId: 'cue.needs-reply.answers-brand-request' };
    const unresolved = answersNotYet(tokens, text, matches, context);
    if (unresolved) return { needsReply: true, reason: 'problem', cue: unresolved, entryId: 'cue.needs-reply.not-fixed-yet' };
  }
  return { needsReply: false, reason: 'none' };
}

/** Words that open a post before its question ("hola", "buenas tardes", "hey", "good morning"). */
const GREETINGS = new Set([
  'hola',
  'buenas',
  'buenos',
  'dias',
  'tardes',
  'noches',
  'buen',
  'dia',
  'hi',
  'hello',
  'hey',
  'good',
  'morning',
  'afternoon',
  'evening',
  'oye',
  'oigan',
  'oiga',
  'ey',
]);

/**
 * Lexicon matches where start-anchored entries may also match right after a greeting: "hola cuando llega
 * mi paquete" is a question like "cuando llega mi paquete". At most three greeting words are skipped.
 */
function withGreetingStarts(lexicon: Lexicon, tokens: Token[], text: string): LexiconMatch[] {
  const matches = lexicon.match(tokens, text);
  let skip = 0;
  while (skip < 3 && skip < tokens.length - 1 && GREETINGS.has(tokens[skip]!.form)) skip++;
  if (skip === 0) return matches;
  const after = lexicon.match(tokens.slice(skip), text).filter((m) => m.entry.start);
  return after.length === 0 ? matches : [...matches, ...after].sort((a, b) => a.start - b.start);
}

/** An e-mail address, or a UK postcode ("LS6 2QP"). */
const CONTACT = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}\.[A-Za-z]{2,10}|\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/;

/**
 * A short customer post that hands over the data the brand's previous post asked for: 4 or more digits (an
 * order, phone or postcode), an e-mail address or a UK postcode, in a post of at most 12 words. Returns the
 * quoted answer, or null.
 */
function answersDataRequest(text: string, tokens: Token[], context: string): string | null {
  if (tokens.length > 12 || text.length > 200) return null;
  const bounded = context.length > MAX_ANALYSED_CHARS ? context.slice(0, MAX_ANALYSED_CHARS) : context;
  if (lexiconFor('data-request').match(tokenize(bounded), bounded).length === 0) return null;
  let digits = 0;
  for (const token of tokens) for (const ch of token.form) if (ch >= '0' && ch <= '9') digits++;
  if (digits < 4 && !CONTACT.test(text)) return null;
  return text.trim();
}

/** Openers of a "no" answer: "no", "nope", "nah", "todavía no", "aún no", "not yet", "negativo", "tampoco". */
const NOT_YET = new Set(['no', 'nope', 'nah', 'negativo', 'tampoco', 'todavia', 'aun', 'not', 'still']);
/** Words that close the thread even after a "no" ("no, gracias", "no, all good", "no hace falta"). */
const CLOSING = new Set([
  'gracias',
  'thanks',
  'thank',
  'cheers',
  'perfecto',
  'perfect',
  'good',
  'bien',
  'fine',
  'hace',
  'need',
  'falta',
  'problem',
  'problema',
]);

/**
 * A short "no" answering the brand's own question ("¿Ya quedó tu servicio?" → "no, sigue igual"; "Is it
 * working now?" → "nope"): the problem is still there and needs the next reply. A thanking or closing "no"
 * ("no, gracias", "no need", "no hace falta"), or one with a `resolved` cue, does not.
 */
function answersNotYet(tokens: Token[], text: string, matches: LexiconMatch[], context: string): string | null {
  if (tokens.length === 0 || tokens.length > 15 || !NOT_YET.has(tokens[0]!.form)) return null;
  if ((tokens[0]!.form === 'todavia' || tokens[0]!.form === 'aun' || tokens[0]!.form === 'not') && tokens[1]?.form !== 'no' && tokens[1]?.form !== 'yet')
    return null;
  if (tokens[0]!.form === 'still' && tokens.length > 1 && tokens[1]!.form !== 'not' && tokens[1]!.form !== 'no') return null;
  const bounded = context.length > MAX_ANALYSED_CHARS ? context.slice(0, MAX_ANALYSED_CHARS) : context;
  if (findQuestionMark(bounded) < 0) return null;
  if (tokens.some((t) => CLOSING.has(t.form)) || matches.some((m) => m.entry.kind === 'resolved')) return null;
  return text.trim();
}

function findQuestionMark(text: string): number {
  const at = text.search(/[?¿]/);
  if (at < 0) return -1;
  if (!text.includes('http') && !text.includes('www.')) return at;
  const stripped = text.replace(URL_LIKE, (url) => ' '.repeat(url.length));
  return stripped.search(/[?¿]/);
}

/** Complaints outrank problems, requests and question words when several cues appear. */
const KIND_RANK: Record<string, number> = { complaint: 0, problem: 1, request: 2, question: 3 };

/**
 * The cue that decides, if any. `rhetorical` and `resolved` entries never make a post need a reply; a
 * `resolved` cue cancels the complaints and problems told before it ("el problema era mi router, ya va
 * perfecto"), not those after it, nor any request or question.
 */
function pickCue(matches: LexiconMatch[]): LexiconMatch | undefined {
  let resolvedAt = -1;
  for (const match of matches) if (match.entry.kind === 'resolved') resolvedAt = Math.max(resolvedAt, match.start);
  let best: LexiconMatch | undefined;
  for (const match of matches) {
    const rank = KIND_RANK[match.entry.kind];
    if (rank === undefined) continue;
    if (rank <= 1 && match.start < resolvedAt) continue;
    if (!best || rank < KIND_RANK[best.entry.kind]!) best = match;
  }
  return best;
}

/** The sentence holding a question mark, trimmed to a quotable length. */
function sentenceAround(text: string, at: number): string {
  let start = at;
  while (start > 0 && !'.!\n'.includes(text[start - 1]!) && at - start < 120) start--;
  let end = at + 1;
  while (end < text.length && !'.!?\n'.includes(text[end]!) && end - at < 120) end++;
  if (text[end] === '?') end++;
  return text.slice(start, end).trim();
}
