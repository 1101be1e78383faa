/**
 * One row per audited conversation: the table behind every count in the report, so a consultant can
 * filter it in a spreadsheet and recount any figure (reply rate, first-response time) by hand.
 *
 * Built only on request (`conversationTable` in the audit request): a million conversations make a
 * large table, and most runs (cron, a terminal report) never show it.
 */
import type { ConversationRow } from '../contract/result.js';
import { round } from '../scoring/stats.js';
import { detectSignature } from '../signals/signature.js';
import { isoTime } from '../time/iso.js';
import type { AuditArtifacts } from './artifacts.js';
import { ROLE_BRAND } from './conversations.js';

export function conversationRows(artifacts: AuditArtifacts): ConversationRow[] {
  const { conversations, posts, timeline, conversationView } = artifacts;
  const { table } = conversations;
  const rows: ConversationRow[] = [];
  for (let c = 0; c < conversations.count; c++) {
    const opener = conversationView.opener(c);
    const members = conversationView.posts(c);
    let brandPosts = 0;
    let automated = 0;
    for (let k = 0; k < members.length; k++) {
      const post = members[k]!;
      if (conversations.roles[post] === ROLE_BRAND) brandPosts++;
      if (timeline.isAutomated(post)) automated++;
    }
    const reply = timeline.firstReply(c);
    const ms = timeline.firstResponseMs(c);
    const trigger = timeline.trigger(c);
    const status = timeline.status(c);
    const rating = posts.rating(opener);
    rows.push({
      threadId: table.threadIds.get(opener) ?? table.id(opener),
      openerId: posts.id(opener),
      platform: table.platform(opener),
      source: table.files.value(table.fileOf[opener]!),
      openedAt: isoTime(posts.time(opener)),
      customer: posts.author(opener),
      status,
      needsReply: status !== 'not-needed',
      reason: trigger >= 0 ? timeline.triggerReason(c) : null,
      firstReplyId: reply >= 0 ? posts.id(reply) : null,
      firstReplyAt: reply >= 0 ? isoTime(posts.time(reply)) : null,
      firstResponseMinutes: reply >= 0 && !Number.isNaN(ms) ? round(ms / 60000, 2) : null,
      agent: reply >= 0 ? (detectSignature(posts.text(reply)) ?? null) : null,
      posts: members.length,
      brandPosts,
      automatedReplies: automated,
      rating: rating > 0 ? rating : null,
    });
  }
  return rows;
}
