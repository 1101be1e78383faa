import { keepWorst, type Rule } from '../types.js';
/** A deleted brand post is the textbook breach of "nada se borra"; hiding a customer's comment is close. */
const DELETED_BRAND_POINTS = 25;
const HIDDEN_CUSTOMER_POINTS = 10;
/** Asking a customer to delete criticism (or saying it was hidden) weighs like hiding it. */
const DELETE_REQUEST_POINTS = 10;

export const nothingDeleted: Rule = {
  meta: {
    id: 'nothing-deleted',
    category: 'transparency',
    severity: 'error',
    title: { en: 'Nothing deleted', es: 'Nada se borra' },
    description: {
      en: 'Not everything gets an answer, but nothing gets deleted: deleting or hiding criticism is worse than ignoring it. Deletions are judged on inputs that record them (a "deleted" column in a CSV, "deleted" in JSON Lines, hidden comments in Graph API pages); a brand reply asking the customer to delete or edit a post, offering something for it, reporting it or saying it was hidden counts on any input, as the text shows it.',
      es: 'No todo se contesta, pero nada se borra: borrar u ocultar críticas es peor que ignorarlas. Lo borrado se juzga con entradas que lo registran (columna «deleted» o «borrado» en un CSV, «deleted» en JSON Lines, comentarios ocultos de la Graph API); una respuesta de la marca que pide al cliente borrar o editar su mensaje, ofrece algo a cambio, lo denuncia o dice haberlo ocultado cuenta en cualquier entrada, porque el texto lo muestra.',
    },
    formula: {
      en: `score = max(0, 100 − ${DELETED_BRAND_POINTS} × deleted brand posts − ${HIDDEN_CUSTOMER_POINTS} × deleted or hidden customer posts in the brand's conversations − ${DELETE_REQUEST_POINTS} × brand replies asking to delete criticism); without deletion data, only the last term, and no score when there is none`,
      es: `puntuación = máx(0, 100 − ${DELETED_BRAND_POINTS} × mensajes de la marca borrados − ${HIDDEN_CUSTOMER_POINTS} × mensajes de clientes borrados u ocultos en sus conversaciones − ${DELETE_REQUEST_POINTS} × respuestas de la marca que piden borrar críticas); sin datos de borrado, solo el último término, y sin puntuación si no hay ninguna`,
    },
    messages: {
      brandDeleted: { en: 'The brand deleted its own post', es: 'La marca borró su propio mensaje' },
      customerHidden: { en: "A customer's post was deleted or hidden", es: 'Se borró u ocultó el mensaje de un cliente' },
      deleteRequest: { en: 'The brand asked to delete criticism: "{quote}"', es: 'La marca pidió borrar una crítica: «{quote}»' },
    },
  },
  run({ posts, conversations, voice, settings, finding }) {
    const brandDeleted = voice.posts.filter((p) => posts.deleted(p));
    const customerHidden: number[] = [];
    let customerPosts = 0;
    for (let c = 0; c < conversations.count; c++) {
      for (const post of Array.from(conversations.posts(c))) {
        if (!posts.isCustomer(post)) continue;
        customerPosts++;
        if (posts.deleted(post)) customerHidden.push(post);
      }
    }
    const requests = voice.posts.filter((p) => voice.signals(p).deleteRequest !== null);
    const metrics = { deletedBrandPosts: brandDeleted.length, hiddenCustomerPosts: customerHidden.length, deleteRequests: requests.length };
    // A request to delete is in the text whatever the input records; the absence of one proves nothing.
    if (!conversations.tracksDeletion && requests.length === 0)
      return { score: null, cases: 0, reason: { code: 'no-deletion-data' }, metrics, findings: [], findingCount: 0 };
    const all = [
      ...brandDeleted.map((post) => ({ post, kind: 'brandDeleted' as const })),
      ...requests.map((post) => ({ post, kind: 'deleteRequest' as const })),
      ...customerHidden.map((post) => ({ post, kind: 'customerHidden' as const })),
    ];
    const keep = keepWorst(all, settings.maxFindings);
    const findings = keep.map((f, k) =>
      finding({
        messageId: f.kind,
        data: f.kind === 'deleteRequest' ? { quote: voice.signals(f.post).deleteRequest! } : {},
        conversation: posts.conversationOf(f.post),
        posts: [f.post],
        severity: f.kind === 'brandDeleted' ? 'error' : 'warning',
        rank: k + 1,
      }),
    );
    return {
      cases: conversations.tracksDeletion ? voice.posts.length + customerPosts : voice.posts.length,
      score: Math.max(
        0,
        100 - DELETED_BRAND_POINTS * brandDeleted.length - HIDDEN_CUSTOMER_POINTS * customerHidden.length - DELETE_REQUEST_POINTS * requests.length,
      ),
      metrics,
      findings,
      findingCount: all.length,
    };
  },
};
