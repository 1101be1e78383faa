import { keepWorst, type Rule } from '../types.js';

/** Points lost per post: a party, a politician or a statement of faith; a political topic. */
const ERROR_POINTS = 20;
const WARNING_POINTS = 5;

export const brandPolitics: Rule = {
  meta: {
    id: 'brand-politics',
    category: 'no-politics',
    severity: 'error',
    title: { en: "Politics and religion in the brand's voice", es: 'Política y religión en boca de la marca' },
    description: {
      en: "Showing political or religious leanings from a brand account loses customers on the other side. Only the brand's posts are judged; customers may talk about anything.",
      es: 'Mostrar inclinaciones políticas o religiosas desde el perfil de la empresa puede causar la pérdida de clientes. Solo se juzgan los mensajes de la marca; los clientes hablan de lo que quieran.',
    },
    formula: {
      en: `score = max(0, 100 − ${ERROR_POINTS} × posts naming a party, stating a faith or with sure political cues (sureness ≥ 0.9 alone, as most politicians, or ≥ 0.85 together, as "vote for" + a name) − ${WARNING_POINTS} × other posts on a political or religious topic)`,
      es: `puntuación = máx(0, 100 − ${ERROR_POINTS} × mensajes que nombran un partido, expresan una fe o llevan señales políticas seguras (seguridad ≥ 0,9 sola, como la mayoría de políticos, o ≥ 0,85 juntas, como «votad a» + un nombre) − ${WARNING_POINTS} × otros mensajes sobre un tema político o religioso)`,
    },
    messages: {
      politics: { en: 'The brand talks politics or religion: "{quote}"', es: 'La marca habla de política o religión: «{quote}»' },
    },
  },
  run({ posts, voice, settings, finding }) {
    const flagged: { post: number; quote: string; error: boolean }[] = [];
    for (const post of voice.posts) {
      const politics = voice.signals(post).politics;
      if (!politics) continue;
      // Naming a party, stating a faith, or cues sure enough alone (most politicians) or together
      // ("votad a" + a name) count as taking part; a lone weaker cue is a topic.
      const error = politics.hit.kind === 'party' || politics.hit.kind === 'religion' || politics.hit.weight >= 0.9 || politics.confidence >= 0.85;
      flagged.push({ post, quote: politics.hit.quote, error });
    }
    const errors = flagged.filter((f) => f.error).length;
    const metrics = { brandPosts: voice.posts.length, political: flagged.length, naming: errors };
    if (voice.posts.length === 0) return { score: null, cases: 0, reason: { code: 'no-brand-posts' }, metrics, findings: [], findingCount: 0 };
    flagged.sort((a, b) => Number(b.error) - Number(a.error) || posts.time(a.post) - posts.time(b.post) || a.post - b.post);
    const keep = keepWorst(flagged, settings.maxFindings);
    const findings = keep.map((f, k) =>
      finding({
        messageId: 'politics',
        data: { quote: f.quote },
        conversation: posts.conversationOf(f.post),
        posts: [f.post],
        severity: f.error ? 'error' : 'warning',
        rank: k + 1,
      }),
    );
    const score = Math.max(0, 100 - ERROR_POINTS * errors - WARNING_POINTS * (flagged.length - errors));
    return { score, cases: voice.posts.length, metrics, findings, findingCount: flagged.length };
  },
};
