import { clipGraphemes } from '../../text/graphemes.js';
import { templateKey } from '../../model/timeline.js';
import { keepWorst, type Rule } from '../types.js';

export const automatedReplies: Rule = {
  meta: {
    id: 'automated-replies',
    category: 'speed',
    severity: 'info',
    title: { en: 'Automated replies (reported apart)', es: 'Respuestas automáticas (aparte)' },
    description: {
      en: 'An instant auto-acknowledgement is not an answer: it is counted here and never stops the first-reply clock.',
      es: 'Un acuse automático instantáneo no es una respuesta: se cuenta aquí y nunca detiene el reloj de la primera respuesta.',
    },
    formula: {
      en: "not scored (informative): the same text sent at least twice within seconds of the customer's message",
      es: 'sin puntuación (informativa): el mismo texto enviado al menos dos veces a los pocos segundos del mensaje del cliente',
    },
    messages: {
      template: { en: 'Automated reply sent {count} times: "{template}"', es: 'Respuesta automática enviada {count} veces: «{template}»' },
    },
  },
  run({ posts, conversations, timeline, settings, finding }) {
    const groups = new Map<string, number[]>();
    let total = 0;
    for (let c = 0; c < conversations.count; c++) {
      for (const post of Array.from(conversations.posts(c))) {
        if (!timeline.isAutomated(post)) continue;
        total++;
        const key = templateKey(posts.text(post));
        const list = groups.get(key);
        if (list) list.push(post);
        else groups.set(key, [post]);
      }
    }
    const ranked = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const keep = keepWorst(ranked, settings.maxFindings);
    const findings = keep.map(([, list], k) =>
      finding({
        messageId: 'template',
        data: { count: list.length, template: clipGraphemes(posts.text(list[0]!), 140) },
        conversation: posts.conversationOf(list[0]!),
        posts: list.slice(0, 3),
        rank: k + 1,
      }),
    );
    return {
      score: null,
      cases: null,
      reason: { code: 'informative' },
      metrics: { automatedReplies: total, automatedTemplates: groups.size },
      findings,
      findingCount: groups.size,
    };
  },
};
