/**
 * Does a customer post need a reply? The foundation heuristic, Spanish and English together (customers
 * mix them), in this order:
 *
 * 1. A review of 1–3 stars always needs one (spec §5).
 * 2. A question mark ("?" or "¿") outside URLs: a question, unless a rhetorical frame of praise
 *    ("¿quién no…?", "who else…?") explains it and no complaint or request comes with it.
 * 3. A complaint, problem, request or question cue from data/lexicons/{es,en}/needs-reply.jsonl.
 * 4. Otherwise no: thanks, praise, greetings, emoji-only, "ok".
 *
 * The answer carries its reason and the quoted cue so the report can show why a post counted.
 */
import { lexiconFor, type Lexicon, type LexiconMatch } from './lexicon.js';
import { tokenize } from './tokens.js';

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

export function detectNeedsReply(text: string, rating?: number): NeedsReply {
  if (rating !== undefined && rating > 0 && rating <= 3) return { needsReply: true, reason: 'low-rating', cue: `${rating}★` };
  const matches = needsReplyLexicon().match(tokenize(text), text);
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
  return { needsReply: false, reason: 'none' };
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

function pickCue(matches: LexiconMatch[]): LexiconMatch | undefined {
  let best: LexiconMatch | undefined;
  for (const match of matches) {
    if (match.entry.kind === 'rhetorical') continue;
    if (!best || (KIND_RANK[match.entry.kind] ?? 9) < (KIND_RANK[best.entry.kind] ?? 9)) best = match;
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
