/**
 * Builds the context each rule runs in, and the finding builder that quotes the evidence. Rules get
 * views and artifacts, never the storage.
 */
import type { Evidence, Finding } from '../contract/result.js';
import type { AuditArtifacts } from '../model/artifacts.js';
import { isoTime } from '../time/iso.js';
import type { AuditSettings, FindingInput, Rule, RuleContext } from './types.js';

const MAX_EVIDENCE_CHARS = 1000;

export function ruleContext(rule: Rule, artifacts: AuditArtifacts, settings: AuditSettings): RuleContext {
  return {
    settings,
    posts: artifacts.posts,
    conversations: artifacts.conversationView,
    get timeline() {
      return artifacts.timeline;
    },
    get voice() {
      return artifacts.voice;
    },
    get responseTimes() {
      return artifacts.responseTimes;
    },
    finding: findingBuilder(rule, artifacts),
  };
}

export function findingBuilder(rule: Rule, artifacts: AuditArtifacts): (input: FindingInput) => Finding {
  const { table } = artifacts.conversations;
  const { posts, conversationView } = artifacts;
  return (input) => {
    if (!Object.hasOwn(rule.meta.messages, input.messageId)) throw new Error(`rule ${rule.meta.id} has no message "${input.messageId}"`);
    const quoted = input.posts.filter((p) => p >= 0);
    // A brand post outside any conversation (its own announcement) is its own thread.
    const opener = input.conversation >= 0 ? conversationView.opener(input.conversation) : quoted[0]!;
    const evidence: Evidence[] = quoted.map((p) => {
      const text = posts.text(p);
      const source = table.source(p);
      return {
        postId: posts.id(p),
        author: posts.author(p),
        role: posts.role(p),
        createdAt: isoTime(posts.time(p)),
        text: text.length > MAX_EVIDENCE_CHARS ? `${text.slice(0, MAX_EVIDENCE_CHARS)}…` : text,
        source: source.entry ?? (source.line ? `${source.file}:${source.line}` : source.file),
      };
    });
    return {
      ruleId: rule.meta.id,
      category: rule.meta.category,
      severity: input.pending ? 'info' : (input.severity ?? rule.meta.severity),
      threadId: table.threadIds.get(opener) ?? table.id(opener),
      postIds: quoted.map((p) => posts.id(p)),
      messageId: input.messageId,
      data: input.data,
      evidence,
      rank: input.rank,
      ...(input.pending ? { pending: true as const } : {}),
    };
  };
}
