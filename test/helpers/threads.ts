/**
 * Builders for the rules that judge the brand's own words (tone, language, register, apologies,
 * politics, deletions): one conversation per row, so that a test reads as a list of "customer said →
 * brand answered".
 *
 *   threads([
 *     { id: 't1', text: '¿Dónde está mi pedido?', replies: ['Hola Lucía, sale hoy mismo.'] },
 *     { id: 't2', text: 'Where is my order?', replies: [{ text: 'On its way', lang: 'en' }] },
 *   ])
 *
 * Row k opens on day k + 1 (from 2026-10-01) at 10:00 UTC, by `cliente<k + 1>` unless it names an
 * author; each turn comes 30 min after the previous one and replies to it. Brand turns are by BRAND
 * ("Marca") and get ids `<id>-r1`, `<id>-r2`…; customer turns (`customer: true`) get `<id>-c1`…
 */
import { BRAND, type PostSpec } from './corpus.js';

/**
 * Brand replies that look like a problem to a naive matcher and are not: "coger" (vulgar in Mexico) with
 * a bus, "política" of privacy, a football "partido", a thankful "Dios", an uncle who is a contract
 * holder, acronyms in capitals, "Podemos" the verb. No rule about the brand's words may fire on them.
 */
export const FALSE_FRIENDS = [
  'Coge el autobús 15 y te dejamos en la puerta',
  'Consulta nuestra política de privacidad',
  '¡Vamos a ver el partido!',
  'Gracias a Dios ya funciona',
  'Tu tío puede ser titular del contrato',
  'Ponemos IBAN, DNI y CUPS en la factura',
  'Podemos ayudarte por MD',
] as const;

export interface TurnSpec {
  text: string;
  /** Default `<thread id>-r<n>` for the brand, `<thread id>-c<n>` for a customer turn. */
  id?: string;
  /** Default '+30m' after the previous turn. */
  at?: string;
  /** A customer turn (by the opener's author) instead of a brand reply. */
  customer?: boolean;
  author?: string;
  lang?: string;
  deleted?: boolean;
}

export interface ThreadRow {
  id: string;
  /** The customer's opening message (default "¿Dónde está mi pedido?"). */
  text?: string;
  author?: string;
  /** Default 10:00 UTC on day (row index + 1) of October 2026. */
  at?: string;
  lang?: string;
  deleted?: boolean;
  rating?: number;
  platform?: string;
  replies?: (string | TurnSpec)[];
}

const DAY_MS = 86_400_000;
const FIRST_OPENER = Date.parse('2026-10-01T10:00:00Z');

export function threads(rows: readonly ThreadRow[]): PostSpec[] {
  return rows.flatMap((row, k) => {
    const author = row.author ?? `cliente${k + 1}`;
    const opener: PostSpec = {
      id: row.id,
      author,
      at: row.at ?? new Date(FIRST_OPENER + k * DAY_MS).toISOString(),
      text: row.text ?? '¿Dónde está mi pedido?',
    };
    if (row.lang !== undefined) opener.lang = row.lang;
    if (row.deleted !== undefined) opener.deleted = row.deleted;
    if (row.rating !== undefined) opener.rating = row.rating;
    if (row.platform !== undefined) opener.platform = row.platform;
    const posts: PostSpec[] = [opener];
    let brandTurns = 0;
    let customerTurns = 0;
    for (const turn of row.replies ?? []) {
      const spec: TurnSpec = typeof turn === 'string' ? { text: turn } : turn;
      const id = spec.id ?? (spec.customer ? `${row.id}-c${++customerTurns}` : `${row.id}-r${++brandTurns}`);
      const post: PostSpec = {
        id,
        author: spec.author ?? (spec.customer ? author : BRAND),
        at: spec.at ?? '+30m',
        replyTo: posts[posts.length - 1]!.id,
        text: spec.text,
      };
      if (row.platform !== undefined) post.platform = row.platform;
      if (spec.lang !== undefined) post.lang = spec.lang;
      if (spec.deleted !== undefined) post.deleted = spec.deleted;
      posts.push(post);
    }
    return posts;
  });
}

/** One conversation per brand reply: `<prefix>1` → `<prefix>1-r1`, each opened by a customer with `customer` text. */
export function oneReplyEach(replies: readonly string[], options: { prefix?: string; customer?: string } = {}): PostSpec[] {
  return threads(replies.map((reply, k) => ({ id: `${options.prefix ?? 't'}${k + 1}`, text: options.customer ?? '¿Dónde está mi pedido?', replies: [reply] })));
}
