import { keepWorst, type Rule } from '../types.js';
/** A deleted brand post is the textbook breach of "nada se borra"; hiding a customer's comment is close. */
const DELETED_BRAND_POINTS = 25;
const HIDDEN_CUSTOMER_POINTS = 10;

export const nothingDeleted: Rule = {
  meta: {
    id: 'nothing-deleted',
    category: 'transparency',
    severity: 'error',
    title: { en: 'Nothing deleted', es: 'Nada se borra' },
    description: {
      en: 'Not everything gets an answer, but nothing gets deleted: deleting or hiding criticism is worse than ignoring it. Judged only on inputs that record deletions (a "deleted" column in a CSV, "deleted" in JSON Lines).',
      es: 'No todo se contesta, pero nada se borra: borrar u ocultar críticas es peor que ignorarlas. Solo se juzga con entradas que registran lo borrado (columna «deleted» o «borrado» en un CSV, «deleted» en JSON Lines).',
    },
    formula: {
      en: `score = max(0, 100 − ${DELETED_BRAND_POINTS} × deleted brand posts − ${HIDDEN_CUSTOMER_POINTS} × deleted or hidden customer posts in the brand's conversations)`,
      es: `puntuación = máx(0, 100 − ${DELETED_BRAND_POINTS} × mensajes de la marca borrados − ${HIDDEN_CUSTOMER_POINTS} × mensajes de clientes borrados u ocultos en sus conversaciones)`,
    },
    messages: {
      brandDeleted: { en: 'The brand deleted its own post', es: 'La marca borró su propio mensaje' },
      customerHidden: { en: "A customer's post was deleted or hidden", es: 'Se borró u ocultó el mensaje de un cliente' },
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
    const metrics = { deletedBrandPosts: brandDeleted.length, hiddenCustomerPosts: customerHidden.length };
    if (!conversations.tracksDeletion) return { score: null, cases: 0, reason: { code: 'no-deletion-data' }, metrics, findings: [], findingCount: 0 };
    const all = [...brandDeleted.map((post) => ({ post, brand: true })), ...customerHidden.map((post) => ({ post, brand: false }))];
    const keep = keepWorst(all, settings.maxFindings);
    const findings = keep.map((f, k) =>
      finding({
        messageId: f.brand ? 'brandDeleted' : 'customerHidden',
        data: {},
        conversation: posts.conversationOf(f.post),
        posts: [f.post],
        severity: f.brand ? 'error' : 'warning',
        rank: k + 1,
      }),
    );
    return {
      cases: voice.posts.length + customerPosts,
      score: Math.max(0, 100 - DELETED_BRAND_POINTS * brandDeleted.length - HIDDEN_CUSTOMER_POINTS * customerHidden.length),
      metrics,
      findings,
      findingCount: all.length,
    };
  },
};
