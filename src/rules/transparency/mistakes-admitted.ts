import { keepWorst, type Rule } from '../types.js';

export const mistakesAdmitted: Rule = {
  meta: {
    id: 'mistakes-admitted',
    category: 'transparency',
    severity: 'warning',
    title: { en: 'Mistakes admitted, not denied', es: 'Errores reconocidos, no negados' },
    description: {
      en: 'Everything gets known: admitting a mistake and fixing it wins readers over; denying it, blaming the carrier or the customer, loses them.',
      es: 'Todo se sabe: asumir los errores e intentar corregirlos favorece la imagen; negarlos o culpar a la distribuidora o al cliente la hunde.',
    },
    formula: {
      en: 'score = 100 × brand posts that apologise or admit a mistake ÷ (those + brand posts that deny their own fault or deflect it to a third party); blaming the customer is judged by the tone rule; pseudo-apologies ("sorry you feel that way") count as neither',
      es: 'puntuación = 100 × mensajes de la marca que piden perdón o reconocen el error ÷ (esos + los que niegan su propia culpa o la desvían a un tercero); culpar al cliente lo juzga la regla de tono; las pseudodisculpas («lamentamos que te sientas así») no cuentan',
    },
    messages: {
      denial: { en: 'Denies or shifts the blame: "{quote}"', es: 'Niega o desvía la culpa: «{quote}»' },
    },
  },
  run({ posts, voice, settings, finding }) {
    let apologies = 0;
    const denials: { post: number; quote: string }[] = [];
    for (const post of voice.posts) {
      const s = voice.signals(post);
      if (s.denial) denials.push({ post, quote: s.denial.quote });
      else if (s.apology) apologies++;
    }
    const metrics = { apologies, denials: denials.length };
    const judged = apologies + denials.length;
    if (judged === 0) return { score: null, cases: 0, reason: { code: 'no-apology-or-denial' }, metrics, findings: [], findingCount: 0 };
    const keep = keepWorst(denials, settings.maxFindings);
    const findings = keep.map((d, k) =>
      finding({ messageId: 'denial', data: { quote: d.quote }, conversation: posts.conversationOf(d.post), posts: [d.post], rank: k + 1 }),
    );
    return { cases: judged, score: (100 * apologies) / judged, metrics, findings, findingCount: denials.length };
  },
};
