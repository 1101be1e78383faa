import { formatDuration, round2 } from '../../i18n/format.js';
import { DAY_WEIGHT, speedScore, TARGET_WEIGHT } from '../../scoring/speed-score.js';
import { keepWorst, type Rule } from '../types.js';

export const firstResponseTime: Rule = {
  meta: {
    id: 'first-response-time',
    category: 'speed',
    severity: 'warning',
    title: { en: 'Time to first reply', es: 'Tiempo hasta la primera respuesta' },
    description: {
      en: 'Customers who write in public expect an answer within the hour; every hour after that is seen by everyone reading the thread.',
      es: 'Quien escribe en público espera respuesta en menos de una hora; cada hora de más la ve todo el que lee el hilo.',
    },
    formula: {
      en: `score = 100 × (${TARGET_WEIGHT} × share of first replies within the target + ${DAY_WEIGHT} × share within 24 h), over answered conversations that needed a reply (clock from the customer's first message to the first human brand reply)`,
      es: `puntuación = 100 × (${TARGET_WEIGHT} × parte de primeras respuestas dentro del objetivo + ${DAY_WEIGHT} × parte en menos de 24 h), sobre las conversaciones respondidas que necesitaban respuesta (desde el primer mensaje del cliente hasta la primera respuesta humana de la marca)`,
    },
    messages: {
      slow: {
        en: 'First reply after {duration} (target {target})',
        es: 'Primera respuesta tras {duration} (objetivo {target})',
      },
    },
  },
  run({ responseTimes, timeline, settings, finding }) {
    const { conversations: answered, minutes: summary, businessMinutes } = responseTimes.firstResponse;
    const metrics = businessMinutes ? { firstResponseMinutes: summary, firstResponseBusinessMinutes: businessMinutes, businessHours: settings.businessHours!.label } : { firstResponseMinutes: summary };
    if (summary.count === 0) {
      return { score: null, reason: { code: 'no-answered-conversation' }, metrics, findings: [], findingCount: 0 };
    }
    const targetMs = settings.slaMinutes * 60000;
    const slow = answered.filter((c) => timeline.firstResponseMs(c) > targetMs);
    // Slowest first; conversation order breaks ties so the output is stable.
    slow.sort((a, b) => timeline.firstResponseMs(b) - timeline.firstResponseMs(a) || a - b);
    const keep = keepWorst(slow, settings.maxFindings);
    const findings = keep.map((c, k) => {
      const ms = timeline.firstResponseMs(c);
      return finding({
        messageId: 'slow',
        data: { duration: formatDuration(ms / 60000), minutes: round2(ms / 60000), target: formatDuration(settings.slaMinutes) },
        conversation: c,
        // The message the clock started at, and the reply that stopped it.
        posts: [timeline.clockStart(c), timeline.firstReply(c)],
        severity: ms > 86_400_000 ? 'error' : 'warning',
        rank: k + 1,
      });
    });
    return { score: speedScore(summary), metrics, findings, findingCount: slow.length };
  },
};
