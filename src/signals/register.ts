/**
 * Tú or usted in a Spanish brand reply, from unambiguous markers only: pronouns (te, ti, tu, contigo;
 * usted) and second-person imperatives and verbs a care agent writes ("escríbenos" vs "escríbanos",
 * "puedes" vs "puede usted"). "le" and "su" are left out: they are also third person. Vosotros and voseo
 * count as tú (informal); ustedes counts as usted by its grammar.
 */
import { tokenize } from './tokens.js';

export type Register = 'tu' | 'usted' | 'none';

const TU = new Set([
  'tu', 'tus', 'te', 'ti', 'contigo', 'tuyo', 'tuya', 'vos', 'os', 'vosotros', 'vuestro', 'vuestra', 'vuestros', 'vuestras',
  'escribenos', 'envianos', 'mandanos', 'dinos', 'cuentanos', 'indicanos', 'confirmanos', 'facilitanos', 'pasanos', 'llamanos',
  'escribinos', 'mandanos', 'contanos', 'decinos', 'escribidnos', 'enviadnos', 'mandadnos', 'decidnos', 'contadnos',
  'disculpa', 'perdona', 'revisa', 'comprueba', 'reinicia', 'accede', 'descarga',
  'puedes', 'tienes', 'quieres', 'necesitas', 'sabes', 'podes', 'tenes', 'queres', 'necesitais', 'podeis', 'teneis', 'quereis',
  'has', 'eres', 'sos', 'habeis', 'estais', 'sois', 'hayas', 'puedas', 'tengas', 'quieras', 'recibiras', 'tendras', 'podras',
]);

const USTED = new Set([
  'usted', 'ustedes', 'escribanos', 'envienos', 'mandenos', 'diganos', 'cuentenos', 'indiquenos', 'confirmenos', 'facilitenos',
  'pasenos', 'llamenos', 'disculpe', 'disculpen', 'perdone', 'perdonen', 'revise', 'compruebe', 'pruebe', 'reinicie', 'contacte',
  'acceda', 'descargue', 'consulte', 'recibira', 'tendra', 'podra',
]);

export interface RegisterResult {
  register: Register;
  /** A word that decided it. */
  cue?: string;
}

export function detectRegister(text: string): RegisterResult {
  let tu = 0;
  let usted = 0;
  let tuCue: string | undefined;
  let ustedCue: string | undefined;
  for (const token of tokenize(text)) {
    if (TU.has(token.form)) {
      tu++;
      tuCue ??= text.slice(token.start, token.end);
    } else if (USTED.has(token.form)) {
      usted++;
      ustedCue ??= text.slice(token.start, token.end);
    }
  }
  if (tu === 0 && usted === 0) return { register: 'none' };
  if (usted > tu) return { register: 'usted', cue: ustedCue! };
  if (tu > usted) return { register: 'tu', cue: tuCue! };
  // A tie (a greeting in one register, an instruction in the other) says nothing reliable.
  return { register: 'none' };
}
