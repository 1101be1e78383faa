/**
 * Hostile texts for the HTML report: each must reach the page as visible, literal text and do nothing.
 * Shared by the unit tests (test/report/html.test.ts) and the browser test.
 */
import type { AuditResult } from '../../src/contract/result.js';
import { corpus, type PostSpec, rawAudit } from '../helpers/corpus.js';

export const HOSTILE = {
  script: '<script>window.__pwned = "script"</script> ¿Dónde está mi pedido?',
  attribute: '"><img src=x onerror="window.__pwned = \'img\'"> No funciona la app, ¿qué pasa?',
  javascriptLink: '<a href="javascript:window.__pwned=\'link\'">pulsa aquí</a> javascript:alert(1) ¿es vuestra web?',
  svg: '<svg onload="window.__pwned = \'svg\'"></svg><style>body{display:none}</style> ¿Me ayudáis?',
  ansi: '\u001b[31mROJO\u001b[0m ¿Hola? Necesito ayuda con la factura',
  bidi: 'Mi factura \u202Efdp.exe ¿es correcta?',
  markdownLink: '[pulsa](javascript:alert(1)) ![img](http://evil.example/x.png) ¿Es vuestra web?',
  entity: '&lt;b&gt; no es negrita &amp; &#60;script&#62; ¿lo veis?',
  loneSurrogate: 'Me habéis cobrado dos veces \ud83d ¿por qué?',
  comment: '<!-- --> </textarea></title></style> ]]> ¿Alguien me responde?',
} as const;

/** Authors and a thread id that are hostile too. */
export const HOSTILE_AUTHOR = 'ana\u202Eevil<b>';
export const HOSTILE_THREAD = 't"><script>window.__pwned="thread"</script>';

/** An audit of one unanswered customer post per hostile text (each a reply-rate finding quoting it), and one answered. */
export function hostileResult(): AuditResult {
  const texts = Object.values(HOSTILE);
  const posts: PostSpec[] = texts.map((text, i) => ({
    id: `c${i + 1}`,
    author: i === 1 ? HOSTILE_AUTHOR : `cliente${i + 1}`,
    at: i === 0 ? '2026-10-01T09:00:00Z' : '+1h',
    text,
    ...(i === 2 ? { thread: HOSTILE_THREAD } : {}),
    ...(i === 3 ? { platform: '<i>web</i>' } : {}),
  }));
  posts.push({ id: 'c99', author: 'luis', at: '+1h', text: '¿Cuándo llega mi pedido?' });
  posts.push({ id: 'b99', author: 'Marca', at: '+30m', replyTo: 'c99', text: 'Hola Luis, llega mañana. ¡Gracias!' });
  return rawAudit(corpus(posts, { ownChannel: true }), { config: { timezone: 'Europe/Madrid' } });
}
