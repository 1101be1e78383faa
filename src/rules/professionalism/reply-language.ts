import { keepWorst, type Locale, type Rule } from '../types.js';
import { lookupTable } from '../../lookup.js';

const NAMES = lookupTable<Record<Locale, string>>({
  es: { en: 'Spanish', es: 'español' }, en: { en: 'English', es: 'inglés' }, ca: { en: 'Catalan', es: 'catalán' },
  gl: { en: 'Galician', es: 'gallego' }, eu: { en: 'Basque', es: 'euskera' }, pt: { en: 'Portuguese', es: 'portugués' },
  fr: { en: 'French', es: 'francés' }, it: { en: 'Italian', es: 'italiano' },
});

function languageName(code: string, locale: Locale): string {
  return NAMES[code]?.[locale] ?? code;
}

export const replyLanguage: Rule = {
  meta: {
    id: 'reply-language',
    category: 'professionalism',
    severity: 'warning',
    title: { en: 'Replies in the customer\'s language', es: 'Respuestas en el idioma del cliente' },
    description: {
      en: 'A customer who writes in Spanish and gets an answer in English (or the other way round) learns that the account is not for them.',
      es: 'Quien escribe en español y recibe la respuesta en inglés (o al revés) entiende que esa cuenta no es para él: una cuenta para público extranjero no puede publicar solo en castellano.',
    },
    formula: {
      en: 'score = 100 × first replies in the customer\'s language ÷ first replies whose two languages are known (texts under 20 letters are unknown and not judged)',
      es: 'puntuación = 100 × primeras respuestas en el idioma del cliente ÷ primeras respuestas con ambos idiomas conocidos (los textos de menos de 20 letras no se juzgan)',
    },
    messages: {
      mismatch: { en: 'Customer wrote in {customer}, the brand answered in {brand}', es: 'El cliente escribió en {customer} y la marca respondió en {brand}' },
    },
  },
  run({ conversations, timeline, voice, settings, finding }) {
    let judged = 0;
    const mismatched: number[] = [];
    for (let c = 0; c < conversations.count; c++) {
      const reply = timeline.firstReply[c]!;
      if (reply < 0) continue;
      const customer = voice.language(conversations.openers[c]!);
      const brand = voice.language(reply);
      if (customer === 'unknown' || brand === 'unknown' || customer === 'other' || brand === 'other') continue;
      judged++;
      if (customer !== brand) mismatched.push(c);
    }
    const metrics = { judged, mismatched: mismatched.length };
    if (judged === 0) return { score: null, notApplicable: 'no reply whose language and the customer\'s are both known', metrics, findings: [], findingCount: 0 };
    const keep = keepWorst(mismatched, settings.maxFindings);
    const findings = keep.map((c, k) =>
      finding({
        messageId: 'mismatch',
        data: { customer: languageName(voice.language(conversations.openers[c]!), settings.locale), brand: languageName(voice.language(timeline.firstReply[c]!), settings.locale) },
        conversation: c,
        posts: [conversations.openers[c]!, timeline.firstReply[c]!],
        rank: k + 1,
      }),
    );
    return { score: (100 * (judged - mismatched.length)) / judged, metrics, findings, findingCount: mismatched.length };
  },
};
