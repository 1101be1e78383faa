import { formatDuration } from '../../i18n/format.js';
import type { Rule } from '../types.js';

export const replyRate: Rule = {
  meta: {
    id: 'reply-rate',
    category: 'no-ignoring',
    severity: 'error',
    needsReplyLinks: true,
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
      ignored: { en: 'No reply after {age} ({reason|needs-reply}: "{cue}")', es: 'Sin respuesta tras {age} ({reason|needs-reply}: «{cue}»)' },
      pending: { en: 'Waiting {age}, still inside the {grace} grace window', es: 'Esperando desde hace {age}, aún dentro del margen de {grace}' },
    },
  },

  run({ posts, conversations, timeline, settings, finding }) {
    let answered = 0;
    // Conversations opened by a customer post whose text the input does not hold (an X archive keeps
    // only the brand's side): whether they needed a reply is unknown, so they cannot count either way.
    let textless = 0;
    const ignored: number[] = [];
    const pending: number[] = [];
    // Reviews by star (Yext's rating dimension): an unanswered 1★ hurts more than an unanswered 5★.
    const byRating: Record<string, { reviews: number; answered: number; ignored: number; pending: number }> = {};
    for (let c = 0; c < conversations.count; c++) {
      const status = timeline.status(c);
      if (status === 'not-needed' && posts.text(conversations.opener(c)) === '' && conversations.posts(c).length > 0) textless++;
      if (status === 'answered') answered++;
      else if (status === 'ignored') ignored.push(c);
      else if (status === 'pending') pending.push(c);
      const stars = Math.round(posts.rating(conversations.opener(c)));
      if (stars < 1) continue;
      const row = (byRating[String(stars)] ??= { reviews: 0, answered: 0, ignored: 0, pending: 0 });
      row.reviews++;
      if (status === 'answered') row.answered++;
      else if (status === 'ignored') row.ignored++;
      else if (status === 'pending') row.pending++;
    }
    const judged = answered + ignored.length;
    const metrics = {
      needingReply: judged + pending.length,
      answered,
      ignored: ignored.length,
      pending: pending.length,
      replyRate: judged === 0 ? null : answered / judged,
      customerTextAbsent: textless,
      byRating,
    };
    const opened = (c: number): number => posts.time(conversations.opener(c));
    // Waiting since the message that needs the reply (an earlier "hola" does not age a question).
    const waiting = (c: number): number => posts.time(timeline.trigger(c));
    const stars = (c: number): number => starKey(posts.rating(conversations.opener(c)));
    // Worst first: low-star reviews, then the longest ignored.
    ignored.sort((a, b) => stars(a) - stars(b) || opened(a) - opened(b) || a - b);
    pending.sort((a, b) => opened(a) - opened(b) || a - b);
    // One cap for both lists: the ignored (worse) fill it first.
    const limit = settings.maxFindings > 0 ? settings.maxFindings : Infinity;
    const keptIgnored = ignored.slice(0, limit);
    const keptPending = pending.slice(0, Math.max(0, limit - keptIgnored.length));
    const findings = [
      ...keptIgnored.map((c, k) => {
        const opener = conversations.opener(c);
        return finding({
          messageId: 'ignored',
          data: { age: formatDuration((settings.asOf - waiting(c)) / 60000), reason: timeline.triggerReason(c), cue: timeline.triggerCue(c) ?? '' },
          conversation: c,
          posts: [opener, ...(timeline.trigger(c) !== opener ? [timeline.trigger(c)] : [])],
          rank: k + 1,
        });
      }),
      ...keptPending.map((c, k) =>
        finding({
          messageId: 'pending',
          data: { age: formatDuration((settings.asOf - waiting(c)) / 60000), grace: formatDuration(settings.graceHours * 60) },
          conversation: c,
          posts: [timeline.trigger(c)],
          pending: true,
          rank: ignored.length + k + 1,
        }),
      ),
    ];
    if (judged === 0) {
      return {
        score: null,
        cases: 0,
        reason: { code: pending.length > 0 ? 'replies-all-pending' : textless > 0 ? 'customer-texts-absent' : 'nothing-needed-reply' },
        metrics,
        findings,
        findingCount: ignored.length,
        watchCount: pending.length,
      };
    }
    return { cases: judged, score: (100 * answered) / judged, metrics, findings, findingCount: ignored.length, watchCount: pending.length };
  },
};

/** Reviews of 1–2 stars sort first, then 3, then the rest. */
function starKey(rating: number): number {
  return rating > 0 && rating <= 3 ? rating : 9;
}
