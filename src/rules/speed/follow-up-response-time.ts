import { formatDuration, round2 } from '../../i18n/format.js';
import { DAY_WEIGHT, speedScore, TARGET_WEIGHT } from '../../scoring/speed-score.js';
import { keepWorst, type Rule } from '../types.js';

export const followUpResponseTime: Rule = {
  meta: {
    id: 'follow-up-response-time',
    category: 'speed',
    severity: 'warning',
    needsReplyLinks: true,
    title: { en: 'Time to answer follow-ups', es: 'Tiempo de respuesta a los seguimientos' },
    description: {
      en: 'A fast first reply followed by silence is still a slow answer: each new customer question after the first reply starts its own clock.',
      es: 'Una primera respuesta rápida seguida de silencio sigue siendo lenta: cada nueva pregunta del cliente tras la primera respuesta pone en marcha su propio reloj.',
    },
    formula: {
      en: `score = 100 × (${TARGET_WEIGHT} × share of follow-up replies within the target + ${DAY_WEIGHT} × share within 24 h), over answered follow-up turns (clock from the customer's new message to the next human brand reply)`,
      es: `puntuación = 100 × (${TARGET_WEIGHT} × parte de respuestas de seguimiento dentro del objetivo + ${DAY_WEIGHT} × parte en menos de 24 h), sobre los turnos de seguimiento respondidos (desde el nuevo mensaje del cliente hasta la siguiente respuesta humana de la marca)`,
    },
    messages: {
      slow: { en: 'Follow-up answered after {duration} (target {target})', es: 'Seguimiento respondido tras {duration} (objetivo {target})' },
    },
  },
  run({ responseTimes, timeline, settings, finding }) {
    const summary = responseTimes.followUp.minutes;
    if (summary.count === 0) {
      return { score: null, cases: 0, reason: { code: 'no-follow-up-answered' }, metrics: { followUpResponseMinutes: summary }, findings: [], findingCount: 0 };
    }
    const targetMs = settings.slaMinutes * 60000;
    const slow = timeline.followUps
      .filter((f) => f.reply >= 0 && f.ms > targetMs)
      .sort((a, b) => b.ms - a.ms || a.conversation - b.conversation || a.post - b.post);
    const keep = keepWorst(slow, settings.maxFindings);
    const findings = keep.map((f, k) =>
      finding({
        messageId: 'slow',
        data: { duration: formatDuration(f.ms / 60000), minutes: round2(f.ms / 60000), target: formatDuration(settings.slaMinutes) },
        conversation: f.conversation,
        posts: [f.post, f.reply],
        severity: f.ms > 86_400_000 ? 'error' : 'warning',
        rank: k + 1,
      }),
    );
    return { cases: summary.count, score: speedScore(summary), metrics: { followUpResponseMinutes: summary }, findings, findingCount: slow.length };
  },
};
