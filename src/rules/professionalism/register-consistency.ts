import { keepWorst, type Rule } from '../types.js';

export const registerConsistency: Rule = {
  meta: {
    id: 'register-consistency',
    category: 'professionalism',
    severity: 'warning',
    title: { en: 'Consistent tú/usted in Spanish', es: 'Tú o usted, pero siempre el mismo' },
    description: {
      en: 'Switching between tú and usted with the same customer reads as careless, or as several people improvising.',
      es: 'Pasar del usted al tú (o al revés) con el mismo cliente parece descuido, o varias personas improvisando.',
    },
    formula: {
      en: 'score = 100 × conversations that keep one register ÷ conversations with at least two brand replies whose register (tú or usted) is clear',
      es: 'puntuación = 100 × conversaciones que mantienen un tratamiento ÷ conversaciones con al menos dos respuestas de la marca de tratamiento claro (tú o usted)',
    },
    messages: {
      switch: {
        en: 'The brand switched from {from|register} ("{fromCue}") to {to|register} ("{toCue}")',
        es: 'La marca pasó de {from|register} («{fromCue}») a {to|register} («{toCue}»)',
      },
    },
  },
  run({ posts, conversations, voice, settings, finding }) {
    let judged = 0;
    const switches: { c: number; first: number; second: number }[] = [];
    for (let c = 0; c < conversations.count; c++) {
      let first = -1;
      let second = -1;
      let seen = 0;
      for (const post of Array.from(conversations.posts(c))) {
        if (!posts.isBrand(post)) continue;
        const register = voice.signals(post).register;
        // Tú and usted exist only in Spanish: an English reply has no register to switch.
        if (register === 'none' || voice.language(post) === 'en') continue;
        seen++;
        if (first < 0) first = post;
        else if (second < 0 && register !== voice.signals(first).register) second = post;
      }
      if (seen < 2) continue;
      judged++;
      if (second >= 0) switches.push({ c, first, second });
    }
    const metrics = { judged, switched: switches.length };
    if (judged === 0) return { score: null, cases: 0, reason: { code: 'no-register-pairs' }, metrics, findings: [], findingCount: 0 };
    const keep = keepWorst(switches, settings.maxFindings);
    const findings = keep.map((s, k) => {
      const a = voice.signals(s.first);
      const b = voice.signals(s.second);
      return finding({
        messageId: 'switch',
        data: { from: a.register, fromCue: a.registerCue ?? '', to: b.register, toCue: b.registerCue ?? '' },
        conversation: s.c,
        posts: [s.first, s.second],
        rank: k + 1,
      });
    });
    return { cases: judged, score: (100 * (judged - switches.length)) / judged, metrics, findings, findingCount: switches.length };
  },
};
