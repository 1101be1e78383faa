import { formatDuration } from '../../i18n/format.js';
import { wallTimeToUtc } from '../../time/dates.js';
import type { Rule } from '../types.js';

export const promisesKept: Rule = {
  meta: {
    id: 'promises-kept',
    category: 'transparency',
    severity: 'error',
    title: { en: 'Promises kept', es: 'Lo prometido es deuda' },
    description: {
      en: 'A brand that promises a call, a refund or an answer by a date, and then goes silent, shows every reader that its word is worth little.',
      es: 'Una marca que promete una llamada, un reembolso o una respuesta para una fecha y luego calla muestra a todo el que lo lee que su palabra vale poco.',
    },
    formula: {
      en: 'score = 100 × kept ÷ (kept + broken); a promise with a deadline ("te llamamos mañana", "within 48 hours") is kept when a later brand post in the same conversation comes before the end of the deadline day plus the grace, broken when none did, pending while the deadline has not passed',
      es: 'puntuación = 100 × cumplidas ÷ (cumplidas + incumplidas); una promesa con plazo («te llamamos mañana», «en 48 horas») se cumple si un mensaje posterior de la marca en la misma conversación llega antes del final del día del plazo más el margen; se incumple si no llega; queda pendiente mientras el plazo no ha vencido',
    },
    messages: {
      broken: { en: 'Promised "{commitment} … {when}" (by {deadline}); nothing followed', es: 'Prometió «{commitment} … {when}» (para el {deadline}) y no volvió a escribir' },
      pending: { en: 'Promise due {deadline} ("{when}"), not yet due', es: 'Promesa para el {deadline} («{when}»), aún en plazo' },
    },
  },
  run({ posts, conversations, timeline, voice, settings, finding }) {
    const graceMs = settings.promiseGraceHours * 3_600_000;
    let kept = 0;
    const broken: { c: number; post: number; data: Record<string, string> }[] = [];
    const pending: { c: number; post: number; data: Record<string, string> }[] = [];
    for (let c = 0; c < conversations.count; c++) {
      const members = Array.from(conversations.posts(c));
      members.forEach((post, k) => {
        if (!posts.isBrand(post) || timeline.isAutomated(post)) return;
        const promise = voice.promise(post);
        if (!promise) return;
        const time = posts.time(post);
        // The end of the deadline day in the brand's zone (its own offset: the clocks may change in between), plus the grace.
        const due = wallTimeToUtc(Date.parse(`${promise.deadline}T00:00:00Z`) + 86_400_000, settings.timezone) + graceMs;
        const followed = members.slice(k + 1).some((later) => posts.isBrand(later) && !timeline.isAutomated(later) && posts.time(later) > time && posts.time(later) <= due);
        const data = { commitment: promise.commitment, when: promise.when, deadline: promise.deadline };
        if (followed) kept++;
        else if (due > settings.asOf) pending.push({ c, post, data });
        else broken.push({ c, post, data });
      });
    }
    const metrics = { promises: kept + broken.length + pending.length, kept, broken: broken.length, pending: pending.length, graceHours: settings.promiseGraceHours };
    const limit = settings.maxFindings > 0 ? settings.maxFindings : Infinity;
    const findings = [
      ...broken.slice(0, limit).map((b, k) => finding({ messageId: 'broken', data: b.data, conversation: b.c, posts: [b.post], rank: k + 1 })),
      ...pending.slice(0, Math.max(0, limit - broken.length)).map((p, k) => finding({ messageId: 'pending', data: p.data, conversation: p.c, posts: [p.post], severity: 'info', rank: broken.length + k + 1 })),
    ];
    if (kept + broken.length === 0) {
      return { score: null, reason: pending.length > 0 ? { code: 'promises-all-pending' } : { code: 'no-promise', data: { grace: formatDuration(settings.promiseGraceHours * 60) } }, metrics, findings, findingCount: pending.length };
    }
    return { score: (100 * kept) / (kept + broken.length), metrics, findings, findingCount: broken.length + pending.length };
  },
};
