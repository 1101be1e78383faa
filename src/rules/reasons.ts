/**
 * Why a rule or category has no score, in Spanish. Rules state the reason in English (it doubles as the
 * key); this catalogue gives the Spanish text so that a Spanish report never mixes languages.
 */
import { lookupTable } from '../lookup.js';

const ES = lookupTable<string>({
  'no brand posts': 'no hay mensajes de la marca',
  'the brand neither apologised nor denied anything': 'la marca ni pidió perdón ni negó nada',
  'no conversation was moved to private messages': 'ninguna conversación pasó a mensajes privados',
  'every promise is still within its deadline': 'todas las promesas siguen en plazo',
  'no input records deleted or hidden posts': 'ninguna entrada registra mensajes borrados u ocultos',
  'no follow-up question after a first reply': 'no hubo preguntas de seguimiento tras una primera respuesta',
  'every conversation that needs a reply is still pending': 'todas las conversaciones que necesitan respuesta siguen pendientes',
  'no conversation needed a reply': 'ninguna conversación necesitaba respuesta',
  'no signed replies': 'no hay respuestas firmadas',
  informative: 'informativa',
  'no answered conversation that needed a reply': 'ninguna conversación que necesitaba respuesta fue respondida',
  'no follow-up question was answered': 'no se respondió ninguna pregunta de seguimiento',
  "no reply whose language and the customer's are both known": 'ninguna respuesta con su idioma y el del cliente conocidos',
  'no conversation with two Spanish brand replies of clear register': 'ninguna conversación con dos respuestas en español de tratamiento claro',
  'not measured yet in this version': 'aún no se mide en esta versión',
  'no data': 'sin datos',
});

export function localizeReason(reason: string, locale: 'en' | 'es'): string {
  if (locale === 'en') return reason;
  const grace = /^no brand promise with a deadline \(grace (.+)\)$/.exec(reason);
  if (grace) return `ninguna promesa de la marca con plazo (margen ${grace[1]})`;
  const failed = /^rule failed: (.*)$/.exec(reason);
  if (failed) return `la regla falló: ${failed[1]}`;
  return ES[reason] ?? reason;
}
