import { keepWorst, type Rule } from '../types.js';

export const replyLanguage: Rule = {
  meta: {
    id: 'reply-language',
    category: 'professionalism',
    severity: 'warning',
    title: { en: "Replies in the customer's language", es: 'Respuestas en el idioma del cliente' },
    description: {
      en: 'A customer who writes in Spanish and gets an answer in English (or the other way round) learns that the account is not for them.',
      es: 'Quien escribe en español y recibe la respuesta en inglés (o al revés) entiende que esa cuenta no es para él: una cuenta para público extranjero no puede publicar solo en castellano.',
    },
    formula: {
      en: "score = 100 × first replies in the customer's language ÷ first replies whose two languages are known (texts under 20 letters are unknown and not judged)",
      es: 'puntuación = 100 × primeras respuestas en el idioma del cliente ÷ primeras respuestas con ambos idiomas conocidos (los textos de menos de 20 letras no se juzgan)',
    },
    messages: {
      mismatch: {
        en: 'Customer wrote in {customer|language}, the brand answered in {brand|language}',
        es: 'El cliente escribió en {customer|language} y la marca respondió en {brand|language}',
      },
    },
  },
  run({ conversations, timeline, voice, settings, finding }) {
    let judged = 0;
    const mismatched: number[] = [];
    for (let c = 0; c < conversations.count; c++) {
      const reply = timeline.firstReply(c);
      if (reply < 0) continue;
      const customer = voice.language(conversations.opener(c));
      const brand = voice.language(reply);
      if (customer === 'unknown' || brand === 'unknown' || customer === 'other' || brand === 'other') continue;
      judged++;
      if (customer !== brand) mismatched.push(c);
    }
    const metrics = { judged, mismatched: mismatched.length };
    if (judged === 0) return { score: null, cases: 0, reason: { code: 'no-known-languages' }, metrics, findings: [], findingCount: 0 };
    const keep = keepWorst(mismatched, settings.maxFindings);
    const findings = keep.map((c, k) =>
      finding({
        messageId: 'mismatch',
        data: { customer: voice.language(conversations.opener(c)), brand: voice.language(timeline.firstReply(c)) },
        conversation: c,
        posts: [conversations.opener(c), timeline.firstReply(c)],
        rank: k + 1,
      }),
    );
    return { cases: judged, score: (100 * (judged - mismatched.length)) / judged, metrics, findings, findingCount: mismatched.length };
  },
};
