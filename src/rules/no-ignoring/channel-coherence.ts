/**
 * Coherence across channels (issue 11: "debe haber coherencia entre lo offline y lo online"): the same
 * service on every channel. Informative: it never changes a score, it shows where one channel is served
 * worse than another.
 *
 * Definitions:
 * - A conversation's platform is its opening post's platform, as the adapter names it ("x", "facebook",
 *   "trustpilot", "google_maps"…): the same grouping as the report's by-platform series.
 * - Per platform: reply rate = answered ÷ (answered + ignored), from the timeline's status as reply-rate
 *   counts it (pending left out); first response = median minutes over the conversations with a timed
 *   first human reply; tone = brand posts in its conversations that the tone rule would flag
 *   (`toneIssues`, the tone rule's own test) ÷ those posts.
 * - A platform takes part in a comparison when it has at least `minCases` cases for it: conversations
 *   judged (answered + ignored) for the reply rate, timed first replies for the response time, brand
 *   replies for the tone share. Fewer than two platforms in both the reply-rate and the response-time
 *   comparison: null with a reason.
 * - Gaps: the reply-rate gap is the best rate minus the worst (a finding from GAP_POINTS); the
 *   response-time gap is the slowest median against the fastest (a finding when the slowest is at least
 *   SLOWER_FACTOR times the fastest and at least the first-reply target longer); the tone gap is only a
 *   metric. At most one finding per gap, a warning.
 * - Evidence: for the reply-rate gap, the weak platform's oldest ignored opener and the strong platform's
 *   median first reply; for the response-time gap, the slow platform's median conversation (where its
 *   clock started, and its reply) and the fast platform's median first reply.
 */
import { formatDuration } from '../../i18n/format.js';
import { ratio, round, summarizeMinutes } from '../../scoring/stats.js';
import { toneIssues } from '../professionalism/tone.js';
import { keepWorst, type Rule, type RuleContext } from '../types.js';
import type { Finding } from '../../contract/result.js';

/** A reply-rate gap of 20 points or more between two platforms is a finding. */
const GAP_POINTS = 0.2;
/** A slowest median this many times the fastest (and at least the target longer) is a finding. */
const SLOWER_FACTOR = 2;

interface Platform {
  platform: string;
  conversations: number;
  answered: number[];
  ignored: number[];
  pending: number;
  /** Conversations with a timed first reply, with their minutes. */
  timed: { conversation: number; minutes: number }[];
  brandReplies: number;
  toneFlagged: number;
}

export const channelCoherence: Rule = {
  meta: {
    id: 'channel-coherence',
    category: 'no-ignoring',
    severity: 'warning',
    needsReplyLinks: true,
    title: { en: 'The same service on every channel', es: 'El mismo servicio en todos los canales' },
    description: {
      en: 'A customer who is answered in twenty minutes on X and never on Google reviews learns that only some channels are listened to: the service should be the same wherever the customer writes ("coherence between offline and online").',
      es: 'Un cliente al que se responde en veinte minutos en X y nunca en las reseñas de Google aprende que solo se escucha en algunos canales: el servicio debe ser el mismo escriba donde escriba («coherencia entre lo offline y lo online»).',
    },
    formula: {
      en: `not scored (informative): per platform of the opening post, reply rate answered ÷ (answered + ignored), median first-response minutes and the share of brand replies the tone rule flags, compared between platforms with at least the minimum number of cases; a warning when the reply rates differ by ${GAP_POINTS * 100} points or more, or when the slowest median is at least ${SLOWER_FACTOR} times the fastest and longer than it by the first-reply target (--sla) or more`,
      es: `sin puntuación (informativa): por plataforma del mensaje inicial, tasa de respuesta respondidas ÷ (respondidas + ignoradas), mediana de la primera respuesta en minutos y parte de las respuestas de la marca que señala la regla de tono, comparadas entre las plataformas con el mínimo de casos; un aviso cuando las tasas de respuesta se separan ${GAP_POINTS * 100} puntos o más, o cuando la mediana más lenta es al menos ${SLOWER_FACTOR} veces la más rápida y la supera en el objetivo de primera respuesta (--sla) o más`,
    },
    messages: {
      'reply-rate-gap': {
        en: 'On {strong|platform} the brand answered {strongAnswered} of {strongJudged} conversations that needed a reply ({strongPercent}%); on {weak|platform}, {weakIgnored} of {weakJudged} were never answered (answered: {weakPercent}%)',
        es: 'En {strong|platform} la marca respondió {strongAnswered} de {strongJudged} conversaciones que pedían respuesta ({strongPercent} %); en {weak|platform}, {weakIgnored} de {weakJudged} se quedaron sin respuesta (respondidas: {weakPercent} %)',
      },
      'response-time-gap': {
        en: 'On {fast|platform} the brand answered in {fastMedian} (median, n={fastCount}); on {slow|platform}, in {slowMedian} (median, n={slowCount})',
        es: 'En {fast|platform} la marca respondió en {fastMedian} (mediana, n={fastCount}); en {slow|platform}, en {slowMedian} (mediana, n={slowCount})',
      },
    },
  },

  run(context) {
    const { posts, conversations, timeline, voice, settings } = context;
    const byName = new Map<string, Platform>();
    const platformOf = (c: number): Platform => {
      const name = posts.platform(conversations.opener(c));
      let entry = byName.get(name);
      if (!entry)
        byName.set(name, (entry = { platform: name, conversations: 0, answered: [], ignored: [], pending: 0, timed: [], brandReplies: 0, toneFlagged: 0 }));
      return entry;
    };
    for (let c = 0; c < conversations.count; c++) {
      const entry = platformOf(c);
      entry.conversations++;
      const status = timeline.status(c);
      if (status === 'answered') entry.answered.push(c);
      else if (status === 'ignored') entry.ignored.push(c);
      else if (status === 'pending') entry.pending++;
      const ms = timeline.firstResponseMs(c);
      if (!Number.isNaN(ms)) entry.timed.push({ conversation: c, minutes: ms / 60000 });
    }
    for (const post of voice.posts) {
      const c = posts.conversationOf(post);
      if (c < 0) continue;
      const entry = platformOf(c);
      entry.brandReplies++;
      if (toneIssues(voice.signals(post)).length > 0) entry.toneFlagged++;
    }
    // Most conversations first, then by name: the order of the report's by-platform series.
    const platforms = [...byName.values()].sort((a, b) => b.conversations - a.conversations || compare(a.platform, b.platform));
    for (const p of platforms) p.timed.sort((a, b) => a.minutes - b.minutes || a.conversation - b.conversation);

    const min = settings.minCases;
    const judged = (p: Platform): number => p.answered.length + p.ignored.length;
    const rate = (p: Platform): number => p.answered.length / judged(p);
    const median = (p: Platform): number =>
      summarizeMinutes(
        Float64Array.from(p.timed, (t) => t.minutes),
        settings.slaMinutes,
      ).median!;
    const toneShare = (p: Platform): number => p.toneFlagged / p.brandReplies;

    const byRate = platforms.filter((p) => judged(p) >= min && judged(p) > 0);
    const byTime = platforms.filter((p) => p.timed.length >= min && p.timed.length > 0);
    const byTone = platforms.filter((p) => p.brandReplies >= min && p.brandReplies > 0);
    // Best and worst of a comparison; ties keep the series order (the bigger platform is "best" first).
    const extremes = (list: Platform[], value: (p: Platform) => number, higherIsBetter: boolean) => {
      if (list.length < 2) return null;
      let best = list[0]!;
      let worst = list[0]!;
      for (const p of list) {
        const better = higherIsBetter ? value(p) > value(best) : value(p) < value(best);
        const worse = higherIsBetter ? value(p) < value(worst) : value(p) > value(worst);
        if (better) best = p;
        if (worse) worst = p;
      }
      return best === worst ? null : { best, worst };
    };
    const rateGap = extremes(byRate, rate, true);
    const timeGap = extremes(byTime, median, false);
    const toneGap = extremes(byTone, toneShare, false);

    const metrics = {
      minCases: min,
      platforms: platforms.map((p) => {
        const frt = summarizeMinutes(
          Float64Array.from(p.timed, (t) => t.minutes),
          settings.slaMinutes,
        );
        return {
          platform: p.platform,
          conversations: p.conversations,
          needingReply: judged(p) + p.pending,
          answered: p.answered.length,
          ignored: p.ignored.length,
          pending: p.pending,
          replyRate: ratio(p.answered.length, judged(p), 6),
          firstResponseCount: frt.count,
          firstResponseMedianMinutes: frt.median,
          brandReplies: p.brandReplies,
          toneFlagged: p.toneFlagged,
          toneFlaggedShare: ratio(p.toneFlagged, p.brandReplies, 6),
        };
      }),
      compared: { replyRate: byRate.map((p) => p.platform), firstResponse: byTime.map((p) => p.platform), tone: byTone.map((p) => p.platform) },
      gaps: {
        replyRate: rateGap && { best: rateGap.best.platform, worst: rateGap.worst.platform, points: round(rate(rateGap.best) - rate(rateGap.worst), 6) },
        firstResponseMedianMinutes: timeGap && {
          fastest: timeGap.best.platform,
          slowest: timeGap.worst.platform,
          minutes: round(median(timeGap.worst) - median(timeGap.best), 2),
          factor: median(timeGap.best) > 0 ? round(median(timeGap.worst) / median(timeGap.best), 2) : null,
        },
        toneFlaggedShare: toneGap && {
          best: toneGap.best.platform,
          worst: toneGap.worst.platform,
          points: round(toneShare(toneGap.worst) - toneShare(toneGap.best), 6),
        },
      },
    };

    if (platforms.length < 2) {
      const reason = platforms.length === 0 ? { code: 'no-conversations' } : { code: 'single-platform', data: { platform: platforms[0]!.platform } };
      return { score: null, cases: null, reason, metrics, findings: [], findingCount: 0 };
    }
    if (byRate.length < 2 && byTime.length < 2) {
      return { score: null, cases: null, reason: { code: 'too-few-per-platform', data: { min } }, metrics, findings: [], findingCount: 0 };
    }

    const findings: Finding[] = [];
    if (rateGap && rate(rateGap.best) - rate(rateGap.worst) >= GAP_POINTS - 1e-9) {
      findings.push(rateFinding(context, rateGap.best, rateGap.worst, findings.length + 1));
    }
    if (timeGap) {
      const fast = median(timeGap.best);
      const slow = median(timeGap.worst);
      if (slow >= SLOWER_FACTOR * fast && slow - fast >= settings.slaMinutes)
        findings.push(timeFinding(context, timeGap.best, timeGap.worst, fast, slow, findings.length + 1));
    }
    return {
      score: null,
      cases: null,
      reason: { code: 'informative' },
      metrics,
      findings: keepWorst(findings, settings.maxFindings),
      findingCount: findings.length,
    };
  },
};

/** The weak platform's oldest ignored conversation, quoted with a representative reply on the strong one. */
function rateFinding(context: RuleContext, strong: Platform, weak: Platform, rank: number): Finding {
  const { posts, conversations, finding } = context;
  const opened = (c: number): number => posts.time(conversations.opener(c));
  const oldest = [...weak.ignored].sort((a, b) => opened(a) - opened(b) || a - b)[0]!;
  const reply = representativeReply(context, strong);
  const judged = (p: Platform): number => p.answered.length + p.ignored.length;
  const percent = (p: Platform): number => Math.round((100 * p.answered.length) / judged(p));
  return finding({
    messageId: 'reply-rate-gap',
    data: {
      strong: strong.platform,
      strongAnswered: strong.answered.length,
      strongJudged: judged(strong),
      strongPercent: percent(strong),
      weak: weak.platform,
      weakIgnored: weak.ignored.length,
      weakJudged: judged(weak),
      weakPercent: percent(weak),
    },
    conversation: oldest,
    posts: [conversations.opener(oldest), ...(reply >= 0 ? [reply] : [])],
    rank,
  });
}

/** The slow platform's median conversation (where the clock started, and its reply) and the fast one's median reply. */
function timeFinding(context: RuleContext, fast: Platform, slow: Platform, fastMinutes: number, slowMinutes: number, rank: number): Finding {
  const { timeline, conversations, finding } = context;
  const typical = middle(slow, 'slow');
  const start = timeline.clockStart(typical) >= 0 ? timeline.clockStart(typical) : conversations.opener(typical);
  return finding({
    messageId: 'response-time-gap',
    data: {
      fast: fast.platform,
      fastMedian: formatDuration(fastMinutes),
      fastCount: fast.timed.length,
      slow: slow.platform,
      slowMedian: formatDuration(slowMinutes),
      slowCount: slow.timed.length,
    },
    conversation: typical,
    posts: [start, timeline.firstReply(typical), timeline.firstReply(middle(fast, 'fast'))],
    rank,
  });
}

/**
 * The conversation at the median of a platform's timed first replies (sorted by minutes). With an even
 * count the median falls between two: the slow side quotes the upper one and the fast side the lower
 * one, so that a quote is never kinder to the gap than the medians it illustrates.
 */
function middle(p: Platform, side: 'fast' | 'slow'): number {
  const n = p.timed.length;
  return p.timed[side === 'slow' ? Math.floor(n / 2) : Math.floor((n - 1) / 2)]!.conversation;
}

/** A platform's typical reply: its median timed first reply, else the first reply of its oldest answered conversation, else -1. */
function representativeReply(context: RuleContext, p: Platform): number {
  const { timeline, posts, conversations } = context;
  if (p.timed.length > 0) return timeline.firstReply(middle(p, 'fast'));
  const opened = (c: number): number => posts.time(conversations.opener(c));
  const oldest = [...p.answered].sort((a, b) => opened(a) - opened(b) || a - b)[0];
  return oldest === undefined ? -1 : timeline.firstReply(oldest);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
