import { summarizeMinutes } from '../../scoring/stats.js';
import { businessMs } from '../../time/business-hours.js';
import { STATUS_ANSWERED } from '../../model/timeline.js';
import { keepWorst, type Rule } from '../types.js';
import { DAY_WEIGHT, speedScore, TARGET_WEIGHT } from '../../scoring/speed-score.js';
import { formatDuration, round2 } from '../../i18n/format.js';


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
  run({ conversations, timeline, settings, finding }) {
    const answered: number[] = [];
    for (let c = 0; c < conversations.count; c++) {
      if (timeline.status[c] === STATUS_ANSWERED && !Number.isNaN(timeline.firstResponseMs[c]!)) answered.push(c);
    }
    const minutes = new Float64Array(answered.length);
    answered.forEach((c, k) => (minutes[k] = timeline.firstResponseMs[c]! / 60000));
    const summary = summarizeMinutes(minutes, settings.slaMinutes);
    // Both clocks (peers.md §2.3): calendar time is what the customer felt, business time what the team controls.
    const hours = settings.businessHours;
    const businessMinutes = hours
      ? summarizeMinutes(
          Float64Array.from(answered, (c) => {
            const reply = conversations.table.times[timeline.firstReply[c]!]!;
            return businessMs(reply - timeline.firstResponseMs[c]!, reply, hours) / 60000;
          }),
          settings.slaMinutes,
        )
      : undefined;
    const metrics = businessMinutes ? { firstResponseMinutes: summary, firstResponseBusinessMinutes: businessMinutes, businessHours: hours!.label } : { firstResponseMinutes: summary };
    if (summary.count === 0) {
      return { score: null, notApplicable: 'no answered conversation that needed a reply', metrics, findings: [], findingCount: 0 };
    }
    const targetMs = settings.slaMinutes * 60000;
    const slow = answered.filter((c) => timeline.firstResponseMs[c]! > targetMs);
    // Slowest first; conversation order breaks ties so the output is stable.
    slow.sort((a, b) => timeline.firstResponseMs[b]! - timeline.firstResponseMs[a]! || a - b);
    const keep = keepWorst(slow, settings.maxFindings);
    const findings = keep.map((c, k) =>
      finding({
        messageId: 'slow',
        data: { duration: formatDuration(timeline.firstResponseMs[c]! / 60000), minutes: round2(timeline.firstResponseMs[c]! / 60000), target: formatDuration(settings.slaMinutes) },
        conversation: c,
        // The message the clock started at, and the reply that stopped it.
        posts: [timeline.clockStart[c]!, timeline.firstReply[c]!],
        severity: timeline.firstResponseMs[c]! > 86_400_000 ? 'error' : 'warning',
        rank: k + 1,
      }),
    );
    const score = speedScore(summary);
    return { score, metrics, findings, findingCount: slow.length };
  },
};
