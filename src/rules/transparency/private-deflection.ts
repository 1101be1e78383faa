import { keepWorst, type Rule } from '../types.js';

export const privateDeflection: Rule = {
  meta: {
    id: 'private-deflection',
    category: 'transparency',
    severity: 'warning',
    title: { en: 'Public complaints closed in public', es: 'Quejas públicas cerradas en público' },
    description: {
      en: 'Moving a complaint to private messages is common and often right (personal data), but if the thread ends at "DM us", every later reader sees a complaint with no outcome. Low weight: it is common practice.',
      es: 'Pasar una queja a privado es habitual y a menudo correcto (datos personales), pero si el hilo acaba en «escríbenos por privado», quien lo lea después ve una queja sin desenlace. Peso bajo: es práctica común.',
    },
    formula: {
      en: 'score = 100 × conversations moved to private messages that the brand later closed in public ÷ conversations moved to private messages',
      es: 'puntuación = 100 × conversaciones pasadas a privado que la marca cerró después en público ÷ conversaciones pasadas a privado',
    },
    messages: {
      deflected: { en: 'Sent to private messages and never closed in public: "{quote}"', es: 'Enviada a privado y nunca cerrada en público: «{quote}»' },
    },
  },
  run({ posts, conversations, timeline, voice, settings, finding }) {
    let moved = 0;
    const open: { c: number; post: number; quote: string }[] = [];
    for (let c = 0; c < conversations.count; c++) {
      let deflection = -1;
      let quote = '';
      let closedAfter = false;
      for (const post of Array.from(conversations.posts(c))) {
        if (!posts.isBrand(post) || timeline.isAutomated(post)) continue;
        // A second "DM us" does not close anything in public.
        if (deflection >= 0 && !voice.signals(post).privateMessage) {
          closedAfter = true;
          break;
        }
        if (deflection >= 0) continue;
        const hit = voice.signals(post).privateMessage;
        if (hit) {
          deflection = post;
          quote = hit;
        }
      }
      if (deflection < 0) continue;
      // Too recent to judge: the brand may still close it in public.
      if (!closedAfter && settings.asOf - posts.time(deflection) < settings.graceHours * 3_600_000) continue;
      moved++;
      if (!closedAfter) open.push({ c, post: deflection, quote });
    }
    const metrics = { movedToPrivate: moved, closedInPublic: moved - open.length };
    if (moved === 0) return { score: null, cases: 0, reason: { code: 'no-private-deflection' }, metrics, findings: [], findingCount: 0 };
    const findings = keepWorst(open, settings.maxFindings).map((o, k) =>
      finding({ messageId: 'deflected', data: { quote: o.quote }, conversation: o.c, posts: [conversations.opener(o.c), o.post], rank: k + 1 }),
    );
    return { cases: moved, score: (100 * (moved - open.length)) / moved, metrics, findings, findingCount: open.length };
  },
};
