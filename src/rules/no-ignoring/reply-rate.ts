import { formatDuration } from '../../i18n/format.js';
import { STATUS_ANSWERED, STATUS_IGNORED, STATUS_PENDING } from '../../model/timeline.js';
import { lookupTable } from '../../lookup.js';
import type { Locale, Rule } from '../types.js';

export const replyRate: Rule = {
  meta: {
    id: 'reply-rate',
    category: 'no-ignoring',
    severity: 'error',
    title: { en: 'Conversations answered', es: 'Conversaciones respondidas' },
    description: {
      en: 'A question or complaint left without an answer tells every later reader that the brand is not listening ("prohibido ignorar").',
      es: 'Una pregunta o queja sin respuesta le dice a todo el que la lea después que la marca no escucha («prohibido ignorar»).',
    },
    formula: {
      en: 'score = 100 × answered ÷ (answered + ignored), over conversations that needed a reply; those opened less than the grace window before "now" are pending and left out',
      es: 'puntuación = 100 × respondidas ÷ (respondidas + ignoradas), sobre las conversaciones que necesitaban respuesta; las abiertas hace menos que el margen de gracia son pendientes y no cuentan',
    },
    messages: {
      ignored: { en: 'No reply after {age} ({reason}: "{cue}")', es: 'Sin respuesta tras {age} ({reason}: «{cue}»)' },
      pending: { en: 'Waiting {age}, still inside the {grace} grace window', es: 'Esperando desde hace {age}, aún dentro del margen de {grace}' },
    },
  },
  run({ conversations, timeline, settings, finding }) {
    let answered = 0;
    const ignored: number[] = [];
    const pending: number[] = [];
    for (let c = 0; c < conversations.count; c++) {
      const status = timeline.status[c];
      if (status === STATUS_ANSWERED) answered++;
      else if (status === STATUS_IGNORED) ignored.push(c);
      else if (status === STATUS_PENDING) pending.push(c);
    }
    const judged = answered + ignored.length;
    // Reviews by star (Yext's rating dimension): an unanswered 1★ hurts more than an unanswered 5★.
    const byRating: Record<string, { reviews: number; answered: number; ignored: number; pending: number }> = {};
    for (let c = 0; c < conversations.count; c++) {
      const stars = Math.round(conversations.table.rating(conversations.openers[c]!));
      if (stars < 1) continue;
      const row = (byRating[String(stars)] ??= { reviews: 0, answered: 0, ignored: 0, pending: 0 });
      row.reviews++;
      const status = timeline.status[c];
      if (status === STATUS_ANSWERED) row.answered++;
      else if (status === STATUS_IGNORED) row.ignored++;
      else if (status === STATUS_PENDING) row.pending++;
    }
    const metrics = { needingReply: judged + pending.length, answered, ignored: ignored.length, pending: pending.length, replyRate: judged === 0 ? null : answered / judged, byRating };
    const times = conversations.table.times;
    const table = conversations.table;
    const opened = (c: number): number => times[conversations.openers[c]!]!;
    // Waiting since the message that needs the reply (an earlier "hola" does not age a question).
    const waiting = (c: number): number => times[timeline.trigger[c]!]!;
    // Worst first: low-star reviews, then the longest ignored.
    ignored.sort((a, b) => starKey(table.rating(conversations.openers[a]!)) - starKey(table.rating(conversations.openers[b]!)) || opened(a) - opened(b) || a - b);
    pending.sort((a, b) => opened(a) - opened(b) || a - b);
    // One cap for both lists: the ignored (worse) fill it first.
    const limit = settings.maxFindings > 0 ? settings.maxFindings : Infinity;
    const keptIgnored = ignored.slice(0, limit);
    const keptPending = pending.slice(0, Math.max(0, limit - keptIgnored.length));
    const findings = [
      ...keptIgnored.map((c, k) =>
        finding({
          messageId: 'ignored',
          data: { age: formatDuration((settings.asOf - waiting(c)) / 60000), reason: REASONS[timeline.triggerReason[c]!]?.[settings.locale] ?? timeline.triggerReason[c]!, cue: timeline.triggerCue[c] ?? '' },
          conversation: c,
          posts: [conversations.openers[c]!, ...(timeline.trigger[c] !== conversations.openers[c] ? [timeline.trigger[c]!] : [])],
          rank: k + 1,
        }),
      ),
      ...keptPending.map((c, k) =>
        finding({
          messageId: 'pending',
          data: { age: formatDuration((settings.asOf - waiting(c)) / 60000), grace: formatDuration(settings.graceHours * 60) },
          conversation: c,
          posts: [timeline.trigger[c]!],
          severity: 'info',
          rank: ignored.length + k + 1,
        }),
      ),
    ];
    if (judged === 0) {
      return { score: null, notApplicable: pending.length > 0 ? 'every conversation that needs a reply is still pending' : 'no conversation needed a reply', metrics, findings, findingCount: ignored.length + pending.length };
    }
    return { score: (100 * answered) / judged, metrics, findings, findingCount: ignored.length + pending.length };
  },
};

/** Why a post needed a reply, in the report's language. */
const REASONS = lookupTable<Record<Locale, string>>({
  question: { en: 'question', es: 'pregunta' },
  complaint: { en: 'complaint', es: 'queja' },
  problem: { en: 'problem', es: 'problema' },
  request: { en: 'request', es: 'petición' },
  'low-rating': { en: 'low rating', es: 'reseña baja' },
});

/** Reviews of 1–2 stars sort first, then 3, then the rest. */
function starKey(rating: number): number {
  return rating > 0 && rating <= 3 ? rating : 9;
}
