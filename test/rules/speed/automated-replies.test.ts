import { describe, it, expect } from 'vitest';
import { automatedReplies } from '../../../src/rules/speed/automated-replies.js';
import { audit, corpus, findingsOf, ruleReport, runRuleDirect, type PostSpec } from '../../helpers/corpus.js';

const RULE = 'automated-replies';
const ACK = 'Gracias por escribirnos. Tu caso es el {n}; te respondemos en breve.';
const AWAY = 'Our team is away. We will reply during business hours.';

/** n conversations, each a question answered by `text` after `delay` (and a human reply an hour later). */
function acked(prefix: string, n: number, text: string, delay = '+3s', startDay = 1): PostSpec[] {
  return Array.from({ length: n }, (_, k) => {
    const id = `${prefix}${k + 1}`;
    return [
      { id, author: `cliente${k}`, at: `2026-10-${String(startDay + k).padStart(2, '0')}T10:00:00Z`, text: '¿Dónde está mi pedido?' },
      { id: `${id}-a`, author: 'Marca', at: delay, replyTo: id, text: text.replace('{n}', String(1000 + k)) },
      { id: `${id}-h`, author: 'Marca', at: '+1h', replyTo: id, text: `Hola, lo vemos (${id}).` },
    ] satisfies PostSpec[];
  }).flat();
}

describe('automated-replies', () => {
  it('is informative: null score, counted templates, one finding per template', () => {
    const { result } = runRuleDirect(automatedReplies, corpus(acked('c', 3, ACK), { ownChannel: true }));
    expect(result.score).toBeNull();
    expect(result.notApplicable).toBe('informative');
    expect(result.metrics).toEqual({ automatedReplies: 3, automatedTemplates: 1 });
    expect(result.findingCount).toBe(1);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      severity: 'info',
      rank: 1,
      postIds: ['c1-a', 'c2-a', 'c3-a'],
      data: { count: 3, template: 'Gracias por escribirnos. Tu caso es el 1000; te respondemos en breve.' },
    });
    expect(result.findings[0]!.message).toBe('Automated reply sent 3 times: "Gracias por escribirnos. Tu caso es el 1000; te respondemos en breve."');
  });

  it('templates are ranked by how often they were sent; evidence is capped at three posts', () => {
    const posts = [...acked('a', 2, AWAY, '+1s', 1), ...acked('c', 4, ACK, '+5s', 10)];
    const { result } = runRuleDirect(automatedReplies, corpus(posts, { ownChannel: true }));
    expect(result.metrics).toEqual({ automatedReplies: 6, automatedTemplates: 2 });
    expect(result.findings.map((f) => [f.data.count, f.postIds.length, f.rank])).toEqual([
      [4, 3, 1],
      [2, 2, 2],
    ]);
  });

  it('a single fast reply, or the same text sent slowly, is not automated', () => {
    const posts = [...acked('s', 1, ACK), ...acked('slow', 2, AWAY, '+5m', 5)];
    const { result } = runRuleDirect(automatedReplies, corpus(posts, { ownChannel: true }));
    expect(result.metrics).toEqual({ automatedReplies: 0, automatedTemplates: 0 });
    expect(result.findings).toEqual([]);
    expect(result.findingCount).toBe(0);
  });

  it('the window is the autoReplySeconds setting', () => {
    const c = corpus(acked('c', 2, ACK, '+45s'), { ownChannel: true });
    expect(runRuleDirect(automatedReplies, c).result.metrics).toEqual({ automatedReplies: 0, automatedTemplates: 0 });
    expect(runRuleDirect(automatedReplies, c, { autoReplySeconds: 60 }).result.metrics).toEqual({ automatedReplies: 2, automatedTemplates: 1 });
  });

  describe('in the audit', () => {
    it('weight 0, never moves the speed score, and its finding quotes the automated posts', () => {
      const result = audit(corpus(acked('c', 2, ACK), { ownChannel: true }));
      const report = ruleReport(result, RULE);
      expect(report).toMatchObject({ score: null, weight: 0, notApplicable: 'informative', findingCount: 1 });
      // Human replies after 1 h 0 min 3 s: all over the 60 min target, all within a day → 40.
      expect(ruleReport(result, 'first-response-time').score).toBe(40);
      expect(result.categories.speed.score).toBe(40);
      expect(result.metrics.automatedReplies).toBe(2);
      const [finding] = findingsOf(result, RULE);
      expect(finding).toMatchObject({ category: 'speed', severity: 'info', threadId: 'c1' });
      expect(finding!.evidence.map((e) => [e.postId, e.role])).toEqual([
        ['c1-a', 'brand'],
        ['c2-a', 'brand'],
      ]);
    });

    it('maxFindings caps templates but not findingCount', () => {
      const posts = [...acked('a', 2, AWAY, '+1s', 1), ...acked('c', 3, ACK, '+5s', 10)];
      const result = audit(corpus(posts, { ownChannel: true }), { config: { maxFindings: 1 } });
      expect(findingsOf(result, RULE)).toHaveLength(1);
      expect(ruleReport(result, RULE).findingCount).toBe(2);
    });
  });
});
