/**
 * Language of a post: es, en, another language (ca, gl, eu, pt, fr, it) or unknown.
 *
 * Most care messages give themselves away by their function words ("de", "que", "the", "you"), which is
 * instant; only the undecided ones go to eld (the package nlp.md found best on short social text, on the
 * languages we meet in Spanish and English markets). Texts under 20 letters once @handles, URLs and emoji
 * are gone are "unknown": no detector is reliable there.
 */
import { tokenize } from './tokens.js';

export type Language = 'es' | 'en' | 'ca' | 'gl' | 'eu' | 'pt' | 'fr' | 'it' | 'other' | 'unknown';

interface EldDetector {
  detect(text: string): { language: string; isReliable(): boolean };
  setLanguageSubset(languages: string[]): unknown;
}

let eld: EldDetector | undefined;

/** The languages the model is asked to choose between. */
export const MODEL_LANGUAGES = ['es', 'en', 'ca', 'gl', 'eu', 'pt', 'fr', 'it'];

/**
 * Hands in the statistical model for undecided texts (eld, loaded at the edge: it weighs ≈85 MB). Without
 * it, undecided texts are "unknown".
 */
export function installLanguageModel(model: EldDetector | undefined): void {
  model?.setLanguageSubset(MODEL_LANGUAGES);
  eld = model;
}

export function hasLanguageModel(): boolean {
  return eld !== undefined;
}

export type { EldDetector as LanguageModel };

const SPANISH = new Set([
  'de',
  'la',
  'que',
  'el',
  'en',
  'los',
  'se',
  'del',
  'las',
  'por',
  'un',
  'para',
  'con',
  'una',
  'su',
  'al',
  'es',
  'lo',
  'como',
  'mas',
  'pero',
  'sus',
  'le',
  'ya',
  'muy',
  'sin',
  'tambien',
  'me',
  'hay',
  'nos',
  'te',
  'tu',
  'mi',
  'esta',
  'este',
  'gracias',
  'hola',
  'pedido',
  'desde',
  'cuando',
  'porque',
  'nada',
  'todo',
  'hemos',
  'han',
  'estamos',
  'puedes',
  'podeis',
  'usted',
  'ustedes',
  'vez',
  'dias',
  'horas',
  'ayer',
  'hoy',
  'mañana',
  'factura',
  'cuenta',
  'nuestro',
  'nuestra',
  'vuestro',
  'sigo',
  'llevo',
  'estoy',
  'tengo',
  'ningun',
  'ninguna',
  'otra',
  'otro',
  'si',
  'no',
  'y',
  'o',
]);
const ENGLISH = new Set([
  'the',
  'and',
  'to',
  'of',
  'a',
  'in',
  'is',
  'it',
  'you',
  'that',
  'for',
  'on',
  'with',
  'this',
  'my',
  'your',
  'we',
  'have',
  'be',
  'are',
  'not',
  'was',
  'please',
  'thanks',
  'thank',
  'hi',
  'hello',
  'can',
  'will',
  'our',
  'us',
  'i',
  'me',
  'do',
  'does',
  "don't",
  "can't",
  "it's",
  "we're",
  "we'll",
  "i'm",
  'get',
  'at',
  'from',
  'an',
  'or',
  'by',
  'so',
  'if',
  'what',
  'why',
  'how',
  'when',
  'where',
  'order',
  'still',
  'been',
  'has',
  'had',
  'would',
  'could',
  'should',
  'just',
  'sorry',
  'again',
  'no',
  'yes',
]);

export interface LanguageResult {
  lang: Language;
  /** How it was decided. */
  method: 'too-short' | 'words' | 'eld' | 'undecided';
}

export function detectLanguage(text: string): LanguageResult {
  const tokens = tokenize(text).filter((t) => !/^\d+$/.test(t.form));
  const letters = tokens.reduce((sum, t) => sum + t.form.length, 0);
  if (letters < 20) return { lang: 'unknown', method: 'too-short' };
  let es = 0;
  let en = 0;
  for (const token of tokens) {
    if (SPANISH.has(token.form)) es++;
    if (ENGLISH.has(token.form)) en++;
  }
  // Clear majorities of function words decide at once; mixed or sparse texts go to eld.
  if (es >= 2 && es >= 3 * en && !/[ç·àèòï]|\b(?:els|amb|però|também|não|você|les|avec|che|della)\b/iu.test(text)) return { lang: 'es', method: 'words' };
  if (en >= 2 && en >= 3 * es) return { lang: 'en', method: 'words' };
  if (eld) {
    const result = eld.detect(text);
    if (result.language && result.isReliable()) {
      const lang = result.language as Language;
      return { lang: ['es', 'en', 'ca', 'gl', 'eu', 'pt', 'fr', 'it'].includes(lang) ? lang : 'other', method: 'eld' };
    }
  }
  return { lang: 'unknown', method: 'undecided' };
}
