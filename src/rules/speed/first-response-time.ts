import { formatDuration, round2 } from '../../i18n/format.js';
import { DAY_WEIGHT, speedScore, TARGET_WEIGHT } from '../../scoring/speed-score.js';
import { keepWorst, type Rule } from '../types.js';

export const firstResponseTime: Rule = {
  meta: {
    id: 'first-response-time',
    category: 'speed',
    severity: 'warning',
    needsReplyLinks: true,
    title: { en: 'Time to first reply', es: 'Tiempo hasta la primera respuesta' },
    description: {
      en: 'Customers who write in public expect an answer within the hour; every hour after that is seen by everyone reading the thread.',
      es: 'Quien escribe en público espera respuesta en menos de una hora; cada hora de más la ve todo el que lee el hilo.',
    },
    formula: {
      en: `score = 100 × (${TARGET_WEIGHT} × share of first replies within the target + ${DAY_WEIGHT} × share within 24 h), over every conversation the brand replied to, whether or not it needed a reply, as Sprout, Hootsuite and a notebook measure it (clock from the start of the customer's burst to the first human brand reply); the summary over the ones that needed a reply is reported beside it`,
      es: `puntuación = 100 × (${TARGET_WEIGHT} × parte de primeras respuestas dentro del objetivo + ${DAY_WEIGHT} × parte en menos de 24 h), sobre todas las conversaciones que la marca respondió, necesitaran respuesta o no, como lo miden Sprout, Hootsuite o un cuaderno de pandas (desde el inicio de la ráfaga del cliente hasta la primera respuesta humana de la marca); al lado se da el resumen de las que necesitaban respuesta`,
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
    const metrics = businessMinutes
      ? { firstResponseMinutes: summary, firstResponseBusinessMinutes: businessMinutes, businessHours: settings.businessHours!.label }
      : { firstResponseMinutes: summary };
    if (summary.count === 0) {
      const untimed = responseTimes.firstResponse.untimed;
      const reason = untimed > 0 ? { code: 'reply-times-imprecise', data: { n: untimed } } : { code: 'no-answered-conversation' };
      return { score: null, cases: 0, reason, metrics, findings: [], findingCount: 0 };
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
    return { cases: summary.count, score: speedScore(summary), metrics, findings, findingCount: slow.length };
  },
};
