/**
 * What rules see of the model: posts, conversations and their timeline through accessors, never the
 * typed arrays or role codes behind them. A post or a conversation is a number (its index), so a rule
 * can hold millions of them without allocating; everything about it is asked of a view.
 */
import { ROLE_BRAND, ROLE_CUSTOMER, type BrandConversations } from './conversations.js';
import { STATUS_ANSWERED, STATUS_IGNORED, STATUS_PENDING, type FollowUp, type Timeline } from './timeline.js';

export type PostRole = 'brand' | 'customer' | 'other';
export type ConversationStatus = 'answered' | 'ignored' | 'pending' | 'not-needed';

export interface PostView {
  id(post: number): string;
  text(post: number): string;
  /** Epoch ms. */
  time(post: number): number;
  author(post: number): string;
  /** 1–5 stars, or 0 when the post has none. */
  rating(post: number): number;
  /** The network or site it was posted on ("x", "facebook", "trustpilot"…), as the adapter names it. */
  platform(post: number): string;
  /** The input marked it deleted or hidden. */
  deleted(post: number): boolean;
  role(post: number): PostRole;
  isBrand(post: number): boolean;
  isCustomer(post: number): boolean;
  /** The conversation the post belongs to, or -1. */
  conversationOf(post: number): number;
}

export interface ConversationView {
  readonly count: number;
  /** The customer post that opened the conversation. */
  opener(conversation: number): number;
  /** Its posts in time order. */
  posts(conversation: number): ArrayLike<number>;
  /** Whether any input records deleted or hidden posts. */
  readonly tracksDeletion: boolean;
}

export interface TimelineView {
  status(conversation: number): ConversationStatus;
  /** The customer post that made it need a reply, or -1. */
  trigger(conversation: number): number;
  /** Why it needed a reply: question, complaint, problem, request, low-rating, none. */
  triggerReason(conversation: number): string;
  /** The words that showed it, @mentions removed. */
  triggerCue(conversation: number): string | undefined;
  /** First human brand post, or -1. */
  firstReply(conversation: number): number;
  /** Where the first-response clock starts, or -1. */
  clockStart(conversation: number): number;
  /** NaN when there is no reply or the dates are inconsistent. */
  firstResponseMs(conversation: number): number;
  isAutomated(post: number): boolean;
  readonly followUps: readonly FollowUp[];
}

export type { FollowUp };

export function postView(conversations: BrandConversations): PostView {
  const { table, roles, conversationOf } = conversations;
  return {
    id: (p) => table.id(p),
    text: (p) => table.text(p),
    time: (p) => table.times[p]!,
    author: (p) => table.author(p),
    rating: (p) => table.rating(p),
    platform: (p) => table.platform(p),
    deleted: (p) => table.deletedFlags[p] === 1,
    role: (p) => (roles[p] === ROLE_BRAND ? 'brand' : roles[p] === ROLE_CUSTOMER ? 'customer' : 'other'),
    isBrand: (p) => roles[p] === ROLE_BRAND,
    isCustomer: (p) => roles[p] === ROLE_CUSTOMER,
    conversationOf: (p) => conversationOf[p]!,
  };
}

export function conversationView(conversations: BrandConversations): ConversationView {
  const { offsets, members, openers } = conversations;
  return {
    count: conversations.count,
    opener: (c) => openers[c]!,
    posts: (c) => members.subarray(offsets[c]!, offsets[c + 1]!),
    tracksDeletion: conversations.tracksDeletion,
  };
}

const STATUS_NAMES: Record<number, ConversationStatus> = {
  [STATUS_ANSWERED]: 'answered',
  [STATUS_IGNORED]: 'ignored',
  [STATUS_PENDING]: 'pending',
};

export function timelineView(timeline: Timeline): TimelineView {
  return {
    status: (c) => STATUS_NAMES[timeline.status[c]!] ?? 'not-needed',
    trigger: (c) => timeline.trigger[c]!,
    triggerReason: (c) => timeline.triggerReason[c]!,
    triggerCue: (c) => timeline.triggerCue[c],
    firstReply: (c) => timeline.firstReply[c]!,
    clockStart: (c) => timeline.clockStart[c]!,
    firstResponseMs: (c) => timeline.firstResponseMs[c]!,
    isAutomated: (p) => timeline.automated[p] === 1,
    followUps: timeline.followUps,
  };
}
