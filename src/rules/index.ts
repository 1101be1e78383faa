/**
 * Every rule, sorted by id. A meta test checks that each one has a file named after its id, a test, and
 * a weight in the default config.
 */
import { brandPolitics } from './no-politics/brand-politics.js';
import { channelCoherence } from './no-ignoring/channel-coherence.js';
import { replyRate } from './no-ignoring/reply-rate.js';
import { unansweredFollowUps } from './no-ignoring/unanswered-follow-ups.js';
import { registerConsistency } from './professionalism/register-consistency.js';
import { replyLanguage } from './professionalism/reply-language.js';
import { tone } from './professionalism/tone.js';
import { automatedReplies } from './speed/automated-replies.js';
import { firstResponseTime } from './speed/first-response-time.js';
import { followUpResponseTime } from './speed/follow-up-response-time.js';
import { perAgent } from './speed/per-agent.js';
import { mistakesAdmitted } from './transparency/mistakes-admitted.js';
import { nothingDeleted } from './transparency/nothing-deleted.js';
import { privateDeflection } from './transparency/private-deflection.js';
import { promisesKept } from './transparency/promises-kept.js';
import { Catalog, type RuleTexts } from '../i18n/catalog.js';
import type { Locale } from '../contract/ids.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [
  automatedReplies,
  brandPolitics,
  channelCoherence,
  firstResponseTime,
  followUpResponseTime,
  mistakesAdmitted,
  nothingDeleted,
  perAgent,
  privateDeflection,
  promisesKept,
  registerConsistency,
  replyLanguage,
  replyRate,
  tone,
  unansweredFollowUps,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}

/** The catalogue a renderer needs: the locale's messages and every rule's own texts. */
export function catalogFor(locale: Locale, rules: readonly Rule[] = RULES): Catalog {
  const texts: Record<string, RuleTexts> = {};
  for (const rule of rules)
    texts[rule.meta.id] = { title: rule.meta.title, description: rule.meta.description, formula: rule.meta.formula, messages: rule.meta.messages };
  return new Catalog(locale, texts);
}
