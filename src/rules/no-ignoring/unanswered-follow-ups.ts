import { formatDuration } from '../../i18n/format.js';
import { keepWorst, type Rule } from '../types.js';

export const unansweredFollowUps: Rule = {
  meta: {
    id: 'unanswered-follow-ups',
    category: 'no-ignoring',
    severity: 'warning',
    needsReplyLinks: true,
    title: { en: 'Follow-up questions answered', es: 'Preguntas de seguimiento respondidas' },
    description: {
      en: 'Answering once and then going quiet leaves the customer, and every reader, with the last word unanswered.',
      es: 'Responder una vez y después callar deja al cliente, y a quien lo lea, con la última palabra sin respuesta.',
    },
    formula: {
      en: 'score = 100 × answered follow-up turns ÷ (answered + unanswered), pending turns (younger than the grace window) left out',
      es: 'puntuación = 100 × turnos de seguimiento respondidos ÷ (respondidos + sin respuesta), sin contar los pendientes (más recientes que el margen de gracia)',
    },
    messages: {
      unanswered: { en: 'Follow-up left unanswered for {age}', es: 'Seguimiento sin respuesta desde hace {age}' },
    },
  },
  run({ posts, timeline, settings, finding }) {
    const answered = timeline.followUps.filter((f) => f.reply >= 0).length;
    const unanswered = timeline.followUps.filter((f) => f.reply < 0 && !f.pending);
    const pending = timeline.followUps.filter((f) => f.reply < 0 && f.pending).length;
    const metrics = { followUps: timeline.followUps.length, answered, unanswered: unanswered.length, pending };
    unanswered.sort((a, b) => posts.time(a.post) - posts.time(b.post) || a.post - b.post);
    const keep = keepWorst(unanswered, settings.maxFindings);
    const findings = keep.map((f, k) =>
      finding({
        messageId: 'unanswered',
        data: { age: formatDuration((settings.asOf - posts.time(f.post)) / 60000) },
        conversation: f.conversation,
        posts: [f.post],
        rank: k + 1,
      }),
    );
    const judged = answered + unanswered.length;
    if (judged === 0) return { score: null, cases: 0, reason: { code: 'no-follow-up-question' }, metrics, findings, findingCount: unanswered.length };
    return { cases: judged, score: (100 * answered) / judged, metrics, findings, findingCount: unanswered.length };
  },
};
