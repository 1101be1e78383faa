/**
 * Every rule, sorted by id. A meta test checks that each one has a file named after its id, a test, and
 * a weight in the default config.
 */
import { replyRate } from './no-ignoring/reply-rate.js';
import { unansweredFollowUps } from './no-ignoring/unanswered-follow-ups.js';
import { automatedReplies } from './speed/automated-replies.js';
import { firstResponseTime } from './speed/first-response-time.js';
import { followUpResponseTime } from './speed/follow-up-response-time.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [
  automatedReplies,
  firstResponseTime,
  followUpResponseTime,
  replyRate,
  unansweredFollowUps,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}
