import { summarizeMinutes } from '../../scoring/stats.js';
import type { Rule } from '../types.js';

export const perAgent: Rule = {
  meta: {
    id: 'per-agent',
    category: 'speed',
    severity: 'info',
    title: { en: 'Replies by agent (signatures)', es: 'Respuestas por agente (firmas)' },
    description: {
      en: 'When replies are signed (^AL, /AB, "-Becky", "Un saludo, Laura"), speed and tone are broken down by agent: trained staff make the second impression.',
      es: 'Cuando las respuestas van firmadas (^AL, /AB, «-Becky», «Un saludo, Laura»), la rapidez y el tono se desglosan por agente: el personal formado es quien da la segunda impresión.',
    },
    formula: {
      en: 'not scored (informative): per agent, brand replies, first replies with their median and p90 minutes, and replies flagged by the tone rule',
      es: 'sin puntuación (informativa): por agente, respuestas, primeras respuestas con su mediana y p90 en minutos, y respuestas señaladas por la regla de tono',
    },
    messages: {},
  },
  run({ posts, conversations, timeline, voice, settings }) {
    const agents = new Map<string, { replies: number; firstReplyMinutes: number[]; toneIssues: number }>();
    const entry = (agent: string) => {
      let e = agents.get(agent);
      if (!e) agents.set(agent, (e = { replies: 0, firstReplyMinutes: [], toneIssues: 0 }));
      return e;
    };
    let signed = 0;
    let replies = 0;
    for (let c = 0; c < conversations.count; c++) {
      for (const post of Array.from(conversations.posts(c))) {
        if (!posts.isBrand(post) || timeline.isAutomated(post)) continue;
        replies++;
        const agent = voice.signature(post);
        if (!agent) continue;
        signed++;
        const e = entry(agent);
        e.replies++;
        const s = voice.signals(post);
        if (s.tone.insult || s.tone.profanity || s.tone.sarcasm || s.tone.slang || s.shouting.shouting) e.toneIssues++;
        if (timeline.firstReply(c) === post && !Number.isNaN(timeline.firstResponseMs(c))) e.firstReplyMinutes.push(timeline.firstResponseMs(c) / 60000);
      }
    }
    const byAgent = [...agents.entries()]
      .sort((a, b) => b[1].replies - a[1].replies || (a[0] < b[0] ? -1 : 1))
      .map(([agent, e]) => {
        const frt = summarizeMinutes(Float64Array.from(e.firstReplyMinutes), settings.slaMinutes);
        return {
          agent,
          replies: e.replies,
          firstReplies: frt.count,
          medianFirstReplyMinutes: frt.median,
          p90FirstReplyMinutes: frt.p90,
          withinTarget: frt.withinTarget,
          toneIssues: e.toneIssues,
        };
      });
    return {
      score: null,
      cases: null,
      reason: { code: signed === 0 ? 'no-signed-replies' : 'informative' },
      metrics: { replies, signedReplies: signed, agents: byAgent },
      findings: [],
      findingCount: 0,
    };
  },
};
