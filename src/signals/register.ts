/**
 * Tú or usted in a Spanish brand reply, from unambiguous markers only: pronouns (te, ti, tu, contigo;
 * usted) and second-person imperatives and verbs a care agent writes ("escríbenos" vs "escríbanos",
 * "puedes" vs "puede usted"). "le" and "su" are left out: they are also third person. Vosotros and voseo
 * count as tú (informal); ustedes counts as usted by its grammar.
 */
import { tokenize } from './tokens.js';

export type Register = 'tu' | 'usted' | 'none';

const TU = new Set([
  'tu',
  'tus',
  'te',
  'ti',
  'contigo',
  'tuyo',
  'tuya',
  'vos',
  'os',
  'vosotros',
  'vuestro',
  'vuestra',
  'vuestros',
  'vuestras',
  'escribenos',
  'envianos',
  'mandanos',
  'dinos',
  'cuentanos',
  'indicanos',
  'confirmanos',
  'facilitanos',
  'pasanos',
  'llamanos',
  'escribinos',
  'mandanos',
  'contanos',
  'decinos',
  'escribidnos',
  'enviadnos',
  'mandadnos',
  'decidnos',
  'contadnos',
  'disculpa',
  'perdona',
  'revisa',
  'comprueba',
  'reinicia',
  'accede',
  'descarga',
  'puedes',
  'tienes',
  'quieres',
  'necesitas',
  'sabes',
  'podes',
  'tenes',
  'queres',
  'necesitais',
  'podeis',
  'teneis',
  'quereis',
  'eres',
  'sos',
  'habeis',
  'estais',
  'sois',
  'hayas',
  'puedas',
  'tengas',
  'quieras',
  'recibiras',
  'tendras',
  'podras',
]);

const USTED = new Set([
  'usted',
  'ustedes',
  'escribanos',
  'envienos',
  'mandenos',
  'diganos',
  'cuentenos',
  'indiquenos',
  'confirmenos',
  'facilitenos',
  'pasenos',
  'llamenos',
  'disculpe',
  'disculpen',
  'perdone',
  'perdonen',
  'revise',
  'compruebe',
  'pruebe',
  'reinicie',
  'contacte',
  'acceda',
  'descargue',
  'consulte',
  'recibira',
  'tendra',
  'podra',
]);

export interface RegisterResult {
  register: Register;
  /** A word that decided it. */
  cue?: string;
}

/**
 * In a brand reply "su", "le" and "les" almost always address the customer, so they count for usted, at
 * half the weight of an unambiguous marker.
 */
const USTED_WEAK = new Set(['su', 'sus', 'le', 'les']);
const CLITICS = new Set(['nos', 'me']);

export function detectRegister(text: string): RegisterResult {
  let tu = 0;
  let usted = 0;
  let tuCue: string | undefined;
  let ustedCue: string | undefined;
  const tokens = tokenize(text);
  tokens.forEach((token, k) => {
    const form = token.form;
    const quote = text.slice(token.start, token.end);
    const next = tokens[k + 1]?.form;
    // "una disculpa", "le ofrecemos una disculpa": the noun, not the tú imperative.
    const noun = (form === 'disculpa' || form === 'perdona') && /^(?:una|la|su|mil|nuestra|nuestras|las)$/.test(tokens[k - 1]?.form ?? '');
    if (noun) return;
    if (TU.has(form) || (form.length > 5 && /(?:aste|iste)$/.test(form)) || /^(?:mirad|fijate|fijaos|avisas|avisame)$/.test(form)) {
      tu++;
      tuCue ??= quote;
    } else if (USTED.has(form) || /^(?:permitanos|permitame|verifique|cheque|gusta|desea|disfrute|comparte)$/.test(form)) {
      usted++;
      ustedCue ??= quote;
    } else if (USTED_WEAK.has(form)) {
      usted += 0.5;
      ustedCue ??= quote;
    } else if (CLITICS.has(form) && next !== undefined && next.length >= 4 && /[aei]s?$/.test(next) && !/mos$/.test(next)) {
      // "nos confirmas" (tú) against "nos confirma" (usted).
      if (next.endsWith('s')) {
        tu++;
        tuCue ??= `${quote} ${text.slice(tokens[k + 1]!.start, tokens[k + 1]!.end)}`;
      } else {
        usted++;
        ustedCue ??= `${quote} ${text.slice(tokens[k + 1]!.start, tokens[k + 1]!.end)}`;
      }
    }
  });
  if (tu === 0 && usted === 0) return { register: 'none' };
  if (usted > tu) return { register: 'usted', cue: ustedCue! };
  if (tu > usted) return { register: 'tu', cue: tuCue! };
  // A tie (a greeting in one register, an instruction in the other) says nothing reliable.
  return { register: 'none' };
}
