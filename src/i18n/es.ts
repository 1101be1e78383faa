/** Spanish messages: the same keys as `en`, written for Spanish readers. */
import type { Messages } from './en.js';

export const es: Messages = {
  categories: {
    transparency: 'Transparencia',
    speed: 'Rapidez',
    'no-ignoring': 'Prohibido ignorar',
    professionalism: 'Profesionalidad',
    'no-politics': 'Ni política ni religión',
  },
  reasons: {
    'no-brand-posts': 'no hay mensajes de la marca',
    'no-apology-or-denial': 'la marca ni pidió perdón ni negó nada',
    'no-private-deflection': 'ninguna conversación pasó a mensajes privados',
    'promises-all-pending': 'todas las promesas siguen en plazo',
    'no-promise': 'ninguna promesa de la marca con plazo (margen {grace})',
    'no-deletion-data': 'ninguna entrada registra mensajes borrados u ocultos',
    'no-follow-up-question': 'no hubo preguntas de seguimiento tras una primera respuesta',
    'replies-all-pending': 'todas las conversaciones que necesitan respuesta siguen pendientes',
    'nothing-needed-reply': 'ninguna conversación necesitaba respuesta',
    'no-signed-replies': 'no hay respuestas firmadas',
    informative: 'informativa',
    'no-answered-conversation': 'ninguna conversación fue respondida',
    'no-follow-up-answered': 'no se respondió ninguna pregunta de seguimiento',
    'no-known-languages': 'ninguna respuesta con su idioma y el del cliente conocidos',
    'no-register-pairs': 'ninguna conversación con dos respuestas en español de tratamiento claro',
    'not-measured-yet': 'aún no se mide en esta versión',
    'no-data': 'sin datos',
    'rule-failed': 'la regla falló: {error}',
    'too-few-cases': '{n} casos: demasiado pocos para puntuar (mínimo {min})',
    'no-conversations': 'ninguna conversación en el periodo',
    'unresolved-links': '{unresolved} de {replies} enlaces de respuesta apuntan a mensajes que faltan en los datos: las cifras de respuesta no son fiables',
  },
  terms: {
    'needs-reply': { question: 'pregunta', complaint: 'queja', problem: 'problema', request: 'petición', 'low-rating': 'reseña baja', none: 'ninguno' },
    language: { es: 'español', en: 'inglés', ca: 'catalán', gl: 'gallego', eu: 'euskera', pt: 'portugués', fr: 'francés', it: 'italiano', other: 'otro idioma', unknown: 'desconocido' },
    register: { tu: 'tú', usted: 'usted', none: 'ninguno' },
  },
  report: {
    title: 'Segunda impresión', score: 'Puntuación de segunda impresión', asOf: 'a fecha de', conversations: 'conversaciones', posts: 'mensajes',
    notMeasured: 'sin medir', basis: 'La puntuación global promedia las categorías con datos', keyFigures: 'Cifras clave',
    needing: 'Necesitan respuesta', of: 'de', answered: 'respondidas', ignored: 'ignoradas', pending: 'pendientes', replyRate: 'Tasa de respuesta',
    replyRateHow: 'respondidas ÷ (respondidas + ignoradas)', firstReply: 'Primera respuesta', followUps: 'Seguimientos', automated: 'Respuestas automáticas',
    automatedHow: 'no cuentan como respuesta', median: 'mediana', within: 'en', worst: 'Hallazgos más graves', more: 'más en el informe JSON',
    none: 'Sin hallazgos.', warnings: 'Avisos', notes: 'Cómo se leyeron las entradas', noData: 'sin datos', thread: 'hilo',
    noneYet: 'ninguna', input: 'Entradas', businessFirstReply: 'En horario laboral', ruleFailed: 'la regla falló', watchList: 'En observación: aún no es un problema',
  },
  rulesListing: {
    overall: 'Puntuación global = media ponderada de las categorías con datos (los pesos se renormalizan); cada categoría = media ponderada de sus reglas con puntuación.',
    weight: 'peso',
    noRules: '(aún sin reglas en esta versión)',
  },
};
