import type { PostSignals } from '../../model/brand-voice.js';
import { keepWorst, type Rule, type Severity } from '../types.js';

/**
 * Points per flagged reply: an insult or a swear word costs the most; sarcasm, over-familiar address
 * ("tío", "colega", "bro": "no estamos hablando con un colega") and shouting cost less.
 */
const POINTS = { insult: 1, profanity: 1, sarcasm: 0.5, blame: 0.5, slang: 0.3, shouting: 0.3 } as const;
/** Score lost per point per 100 replies: one insult in every 20 replies costs 25 points. */
const PENALTY = 5;

type Issue = keyof typeof POINTS;
export type ToneIssue = Issue;
const SEVERITY: Record<Issue, Severity> = { insult: 'error', profanity: 'error', sarcasm: 'warning', blame: 'warning', slang: 'warning', shouting: 'warning' };

export const tone: Rule = {
  meta: {
    id: 'tone',
    category: 'professionalism',
    severity: 'warning',
    title: { en: 'Tone of brand replies', es: 'Tono de las respuestas de la marca' },
    description: {
      en: 'A brand account is the brand, not a friend: no insults or swearing, no sarcasm at the customer, no blaming them ("you should have read the terms"), no "mate"/"bro", no shouting.',
      es: 'El perfil de la marca es la marca y no estamos hablando con un colega: ni insultos ni tacos, ni sarcasmo con el cliente, ni culparle («tendría que haber leído las condiciones»), ni «tío»/«colega», ni gritos.',
    },
    formula: {
      en: `score = max(0, 100 − ${PENALTY} × points per 100 brand posts), points per post: insult or profanity ${POINTS.insult}, sarcasm ${POINTS.sarcasm}, blaming the customer ${POINTS.blame}, over-familiar slang ${POINTS.slang}, shouting ${POINTS.shouting} (the worst issue of each post counts)`,
      es: `puntuación = máx(0, 100 − ${PENALTY} × puntos por cada 100 mensajes de la marca); puntos por mensaje: insulto o taco ${POINTS.insult}, sarcasmo ${POINTS.sarcasm}, culpar al cliente ${POINTS.blame}, trato de colega ${POINTS.slang}, gritos ${POINTS.shouting} (cuenta el peor problema de cada mensaje)`,
    },
    messages: {
      insult: { en: 'Insult in a brand post: "{quote}"', es: 'Insulto en un mensaje de la marca: «{quote}»' },
      profanity: { en: 'Swearing in a brand post: "{quote}"', es: 'Taco en un mensaje de la marca: «{quote}»' },
      sarcasm: { en: 'Sarcasm aimed at the customer: "{quote}"', es: 'Sarcasmo hacia el cliente: «{quote}»' },
      blame: { en: 'Blames the customer: "{quote}"', es: 'Culpa al cliente: «{quote}»' },
      slang: { en: 'Over-familiar address: "{quote}"', es: 'Trato de colega: «{quote}»' },
      shouting: { en: 'Shouting: "{quote}"', es: 'Gritos: «{quote}»' },
    },
  },
  run({ posts, voice, settings, finding }) {
    const flagged: { post: number; issue: Issue; quote: string }[] = [];
    let points = 0;
    const counts: Record<Issue, number> = { insult: 0, profanity: 0, sarcasm: 0, blame: 0, slang: 0, shouting: 0 };
    for (const post of voice.posts) {
      const found = toneIssues(voice.signals(post));
      for (const [issue] of found) counts[issue]++;
      const worst = found[0];
      if (!worst) continue;
      points += POINTS[worst[0]];
      flagged.push({ post, issue: worst[0], quote: worst[1] });
    }
    const total = voice.posts.length;
    const metrics = { brandPosts: total, flaggedPosts: flagged.length, perHundred: total ? Math.round((points / total) * 10000) / 100 : null, ...counts };
    if (total === 0) return { score: null, cases: 0, reason: { code: 'no-brand-posts' }, metrics, findings: [], findingCount: 0 };
    const rank = (issue: Issue): number => Object.keys(POINTS).indexOf(issue);
    flagged.sort((a, b) => rank(a.issue) - rank(b.issue) || posts.time(a.post) - posts.time(b.post) || a.post - b.post);
    const keep = keepWorst(flagged, settings.maxFindings);
    const findings = keep.map((f, k) =>
      finding({
        messageId: f.issue,
        data: { quote: f.quote },
        conversation: posts.conversationOf(f.post),
        posts: [f.post],
        severity: SEVERITY[f.issue],
        rank: k + 1,
      }),
    );
    return { cases: total, score: Math.max(0, 100 - (PENALTY * 100 * points) / total), metrics, findings, findingCount: flagged.length };
  },
};

/**
 * The tone issues of one brand post with their quotes, worst first: a post is flagged by this rule when
 * the list is not empty, and its first entry is the issue that counts. Shared with the rules that count
 * flagged replies per group (channel-coherence).
 */
export function toneIssues(s: PostSignals): [ToneIssue, string][] {
  const found: [Issue, string | undefined][] = [
    ['insult', s.tone.insult?.quote],
    ['profanity', s.tone.profanity?.quote],
    ['sarcasm', s.tone.sarcasm?.quote],
    ['blame', s.blame?.quote],
    ['slang', s.tone.slang?.quote],
    ['shouting', s.shouting.shouting ? s.shouting.quote : undefined],
  ];
  return found.filter((entry): entry is [Issue, string] => entry[1] !== undefined);
}
