/**
 * What happened in each conversation, computed once for every rule (Lighthouse calls these "computed
 * artifacts"): did it need a reply, who answered when, what is pending, which brand posts were automated.
 *
 * Definitions (spec §5, peers.md §2):
 * - First-response time is measured for every conversation the brand answered with a human post, whether
 *   or not its opener needed a reply (as every peer measures it); needs-reply decides only the reply-rate
 *   denominator (answered vs ignored vs not needing a reply).
 * - The clock starts at the start of the customer's burst: for a conversation that needed a reply, the
 *   burst holding the message that needed it; otherwise the opener.
 * - It stops at the first human brand post in the conversation. Automated replies — the same text sent
 *   again and again within `autoReplySeconds` of the customer — are counted apart and never stop it.
 * - A conversation needs a reply when any customer post before the first human reply needs one.
 * - Not answered and opened less than `graceHours` before "now": pending, not ignored.
 * - Follow-ups: after the first reply, each customer turn that needs a reply starts a new clock that
 *   stops at the next human brand post.
 */
import type { NeedsReply } from '../signals/needs-reply.js';
import { withoutMentions } from '../signals/tokens.js';
import { ROLE_BRAND, ROLE_CUSTOMER, type BrandConversations } from './conversations.js';

export const STATUS_NOT_NEEDED = 0;
export const STATUS_ANSWERED = 1;
export const STATUS_IGNORED = 2;
export const STATUS_PENDING = 3;

export interface TimelineOptions {
  asOf: number;
  graceHours: number;
  autoReplySeconds: number;
}

export interface FollowUp {
  conversation: number;
  /** The customer post that started the turn. */
  post: number;
  /** The human brand post that answered it, or -1. */
  reply: number;
  /** Milliseconds to the reply; NaN when unanswered. */
  ms: number;
  pending: boolean;
}

export interface Timeline {
  status: Uint8Array;
  /** The customer post that made the conversation need a reply, or -1. */
  trigger: Int32Array;
  triggerReason: string[];
  triggerCue: (string | undefined)[];
  /** First human brand post, or -1. */
  firstReply: Int32Array;
  /** Where the first-response clock starts (the customer's burst), or -1 when no human brand post answered. */
  clockStart: Int32Array;
  /** First response time in ms for every conversation with a human brand reply; NaN when there is none or the dates are inconsistent. */
  firstResponseMs: Float64Array;
  /** Brand posts per conversation that were automated. */
  automatedReplies: Int32Array;
  /** Post index → 1 when it is an automated brand reply. */
  automated: Uint8Array;
  followUps: FollowUp[];
}

const VERDICT_CACHE = 200_000;

/** Customer messages closer than this belong to one request (peers.md §2.1: 24 h for social). */
const SESSION_GAP_MS = 24 * 3_600_000;

/** `context`: the text of the brand's latest post before this one in the conversation, if any (thread-aware rules). */
export type NeedsReplyDetector = (text: string, rating?: number, context?: string) => NeedsReply;

export function buildTimeline(conversations: BrandConversations, options: TimelineOptions, detect: NeedsReplyDetector): Timeline {
  const { table, roles, offsets, members, openers, count } = conversations;
  const times = table.times;
  const graceMs = options.graceHours * 3_600_000;
  const automated = findAutomatedReplies(conversations, options.autoReplySeconds * 1000);

  const status = new Uint8Array(count);
  const trigger = new Int32Array(count).fill(-1);
  const triggerReason: string[] = new Array<string>(count).fill('none');
  const triggerCue: (string | undefined)[] = new Array<string | undefined>(count).fill(undefined);
  const firstReply = new Int32Array(count).fill(-1);
  const clockStart = new Int32Array(count).fill(-1);
  const firstResponseMs = new Float64Array(count).fill(NaN);
  const automatedReplies = new Int32Array(count);
  const followUps: FollowUp[] = [];
  // Customers repeat themselves ("@Brand my order never arrived"): one verdict per text, @mentions aside
  // (the detector never reads them), and per rating.
  const verdicts = new Map<string, NeedsReply>();
  const needs = (post: number, brandBefore = -1): NeedsReply => {
    const text = table.text(post);
    const rating = table.rating(post) || undefined;
    const context = brandBefore >= 0 ? table.text(brandBefore) : undefined;
    const key = `${rating ?? 0}\u0000${context === undefined ? '' : withoutMentions(context)}\u0000${withoutMentions(text)}`;
    let verdict = verdicts.get(key);
    if (!verdict) {
      verdict = context === undefined ? detect(text, rating) : detect(text, rating, context);
      if (verdicts.size < VERDICT_CACHE) verdicts.set(key, verdict);
    }
    return verdict;
  };

  for (let c = 0; c < count; c++) {
    const opener = openers[c]!;
    const from = offsets[c]!;
    const to = offsets[c + 1]!;
    // The first human brand post answers the conversation, even one misdated before the question.
    let human = -1;
    for (let k = from; k < to; k++) {
      const post = members[k]!;
      if (roles[post] !== ROLE_BRAND) continue;
      if (automated[post]) automatedReplies[c]!++;
      else if (human < 0 && post !== opener) human = post;
    }
    // Needs a reply: the opener, or a customer post written before that first reply.
    const replyTime = human >= 0 ? times[human]! : Infinity;
    let brandBefore = -1; // the brand's latest post so far (an automated "DM us your order number" too)
    for (let k = from; k < to && trigger[c]! < 0; k++) {
      const post = members[k]!;
      if (roles[post] === ROLE_BRAND) brandBefore = post;
      if (roles[post] !== ROLE_CUSTOMER || (post !== opener && times[post]! > replyTime)) continue;
      const verdict = needs(post, post === opener ? -1 : brandBefore);
      if (verdict.needsReply) {
        trigger[c] = post;
        triggerReason[c] = verdict.reason;
        // Without @mentions: the verdict may be cached from another customer's identical message.
        triggerCue[c] =
          verdict.cue === undefined
            ? undefined
            : withoutMentions(verdict.cue)
                .replace(/(^|\s)@(?=\s|$)/g, '$1')
                .replace(/\s+/g, ' ')
                .trim();
      }
    }
    firstReply[c] = human;
    if (trigger[c]! < 0) status[c] = STATUS_NOT_NEEDED;
    else if (human >= 0) status[c] = STATUS_ANSWERED;
    // Censoring: judged by the age of the message that needs the reply, not of an earlier "hola".
    else status[c] = options.asOf - times[trigger[c]!]! < graceMs ? STATUS_PENDING : STATUS_IGNORED;
    if (human >= 0) {
      const start = trigger[c]! >= 0 ? sessionStart(c, trigger[c]!) : sessionStart(c, opener);
      clockStart[c] = start;
      const ms = times[human]! - times[start]!;
      // A date without a time (a review's day) or none at all measures no duration: answered, not timed.
      if (ms >= 0 && table.timedToMinute(human) && table.timedToMinute(start)) firstResponseMs[c] = ms;
    }
    if (human >= 0) collectFollowUps(c, human);
  }

  /**
   * Where the clock starts: the earliest customer message of the burst that holds the one needing a reply
   * (messages less than a day apart), so "¿mi pedido?" + "hola?" starts at the first, while a "gracias"
   * from last week does not start it.
   */
  function sessionStart(c: number, needing: number): number {
    let start = needing;
    for (let k = offsets[c + 1]! - 1; k >= offsets[c]!; k--) {
      const post = members[k]!;
      if (roles[post] !== ROLE_CUSTOMER || times[post]! > times[start]!) continue;
      if (post === start) continue;
      if (times[start]! - times[post]! < SESSION_GAP_MS) start = post;
      else break;
    }
    return start;
  }

  function collectFollowUps(c: number, firstHuman: number): void {
    const from = offsets[c]!;
    const to = offsets[c + 1]!;
    let start = from;
    while (start < to && members[start] !== firstHuman) start++;
    let open = -1; // customer post that opened the current unanswered turn
    let brandBefore = firstHuman;
    for (let k = start + 1; k < to; k++) {
      const post = members[k]!;
      if (roles[post] === ROLE_BRAND) {
        brandBefore = post;
        if (automated[post]) continue;
        if (open >= 0) {
          const ms = table.timedToMinute(post) && table.timedToMinute(open) ? times[post]! - times[open]! : NaN;
          followUps.push({ conversation: c, post: open, reply: post, ms, pending: false });
          open = -1;
        }
        continue;
      }
      if (roles[post] !== ROLE_CUSTOMER || open >= 0 || post === conversations.openers[c]) continue;
      if (needs(post, brandBefore).needsReply) open = post;
    }
    if (open >= 0) followUps.push({ conversation: c, post: open, reply: -1, ms: NaN, pending: options.asOf - times[open]! < graceMs });
  }

  return { status, trigger, triggerReason, triggerCue, firstReply, clockStart, firstResponseMs, automatedReplies, automated, followUps };
}

/**
 * A brand post is automated when it was sent within `windowMs` of the customer post before it and the
 * same text (ignoring @mentions, numbers and case) was sent that way at least twice.
 */
function findAutomatedReplies(conversations: BrandConversations, windowMs: number): Uint8Array {
  const { table, roles, offsets, members, count } = conversations;
  const automated = new Uint8Array(table.length);
  const candidates: number[] = [];
  for (let c = 0; c < count; c++) {
    let lastCustomer = -1;
    for (let k = offsets[c]!; k < offsets[c + 1]!; k++) {
      const post = members[k]!;
      if (roles[post] === ROLE_CUSTOMER) lastCustomer = post;
      else if (
        roles[post] === ROLE_BRAND &&
        lastCustomer >= 0 &&
        table.timedToMinute(post) &&
        table.timedToMinute(lastCustomer) &&
        table.times[post]! - table.times[lastCustomer]! <= windowMs
      )
        candidates.push(post);
    }
  }
  const byText = new Map<string, number[]>();
  for (const post of candidates) {
    const key = templateKey(table.text(post));
    const list = byText.get(key);
    if (list) list.push(post);
    else byText.set(key, [post]);
  }
  for (const posts of byText.values()) if (posts.length >= 2) for (const post of posts) automated[post] = 1;
  return automated;
}

export function templateKey(text: string): string {
  return text
    .replace(/@[\p{L}\p{N}_]+/gu, '')
    .replace(/\d+/g, '#')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
