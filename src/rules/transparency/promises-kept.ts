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
      en: 'score = 100 × kept ÷ (kept + broken); a promise with a deadline ("te llamamos mañana", "within 48 hours") is kept when a later brand post in the same conversation comes before the deadline plus the grace (a stated hour, "antes de las 12:00", is due at that hour plus promiseHourGraceMinutes, default 60; a day at its end plus promiseGraceHours, default 12, in the brand\'s zone), broken when none did or when the later post admits it was not kept ("sentimos no haberte llamado"), pending while the deadline has not passed; a customer\'s later "nadie me ha llamado" is quoted as evidence',
      es: 'puntuación = 100 × cumplidas ÷ (cumplidas + incumplidas); una promesa con plazo («te llamamos mañana», «en 48 horas») se cumple si un mensaje posterior de la marca en la misma conversación llega antes del plazo más el margen (una hora dicha, «antes de las 12:00», vence a esa hora más promiseHourGraceMinutes, 60 por defecto; un día, al final de ese día más promiseGraceHours, 12 por defecto, en la zona de la marca); se incumple si no llega o si el mensaje posterior admite que no se cumplió («sentimos no haberte llamado»); queda pendiente mientras el plazo no ha vencido; el «nadie me ha llamado» posterior del cliente se cita como prueba',
    },
    messages: {
      broken: {
        en: 'Promised "{commitment} … {when}" (by {deadline}); nothing followed',
        es: 'Prometió «{commitment} … {when}» (para el {deadline}) y no volvió a escribir',
      },
      admitted: {
        en: 'Promised "{commitment} … {when}" (by {deadline}); the next reply admits it was not kept: "{quote}"',
        es: 'Prometió «{commitment} … {when}» (para el {deadline}); la respuesta siguiente admite que no se cumplió: «{quote}»',
      },
      brokenComplaint: {
        en: 'Promised "{commitment} … {when}" (by {deadline}); nothing followed, and the customer said so: "{quote}"',
        es: 'Prometió «{commitment} … {when}» (para el {deadline}) y no volvió a escribir; el cliente lo dijo: «{quote}»',
      },
      pending: { en: 'Promise due {deadline} ("{when}"), not yet due', es: 'Promesa para el {deadline} («{when}»), aún en plazo' },
    },
  },
  run({ posts, conversations, timeline, voice, settings, finding }) {
    const dayGraceMs = settings.promiseGraceHours * 3_600_000;
    const hourGraceMs = settings.promiseHourGraceMinutes * 60_000;
    let kept = 0;
    type Outcome = { c: number; post: number; data: Record<string, string>; evidence: number[]; messageId: string };
    const broken: Outcome[] = [];
    const pending: Outcome[] = [];
    for (let c = 0; c < conversations.count; c++) {
      // Most conversations hold no promise: look before copying their posts (a million arrays cost GC time).
      let promised = false;
      const thread = conversations.posts(c);
      for (let k = 0; k < thread.length && !promised; k++) {
        const post = thread[k]!;
        promised = posts.isBrand(post) && !timeline.isAutomated(post) && voice.promise(post) !== null;
      }
      if (!promised) continue;
      const members = Array.from(conversations.posts(c));
      members.forEach((post, k) => {
        if (!posts.isBrand(post) || timeline.isAutomated(post)) return;
        const promise = voice.promise(post);
        if (!promise) return;
        const time = posts.time(post);
        // A stated hour ("antes de las 12:00") is due at that hour in the brand's zone plus a small grace; a
        // day ("mañana") at the end of that day (its own offset: the clocks may change in between) plus the grace.
        const due = promise.dueTime
          ? wallTimeToUtc(Date.parse(`${promise.deadline}T${promise.dueTime}:00Z`), settings.timezone) + hourGraceMs
          : wallTimeToUtc(Date.parse(`${promise.deadline}T00:00:00Z`) + 86_400_000, settings.timezone) + dayGraceMs;
        const later = members.slice(k + 1).filter((p) => posts.time(p) > time);
        // A later brand post keeps the promise unless it is itself the admission that it was broken.
        const followUp = later.find((p) => posts.isBrand(p) && !timeline.isAutomated(p) && posts.time(p) <= due && !voice.promiseAdmission(p));
        const admission = later.find((p) => posts.isBrand(p) && voice.promiseAdmission(p));
        // What the customer said once the deadline passed ("nadie me ha llamado"), quoted as evidence.
        const complaint = later.find((p) => posts.isCustomer(p) && posts.time(p) > due && voice.stillWaiting(p));
        const data = {
          commitment: promise.commitment,
          when: promise.when,
          deadline: promise.dueTime ? `${promise.deadline} ${promise.dueTime}` : promise.deadline,
        };
        const evidence = [post, ...[admission, complaint].filter((p): p is number => p !== undefined).sort((a, b) => posts.time(a) - posts.time(b))];
        if (followUp !== undefined) kept++;
        else if (due > settings.asOf && admission === undefined) pending.push({ c, post, data, evidence: [post], messageId: 'pending' });
        else {
          const quote =
            admission !== undefined ? voice.promiseAdmission(admission)!.quote : complaint !== undefined ? voice.stillWaiting(complaint)!.quote : '';
          broken.push({
            c,
            post,
            data: { ...data, quote },
            evidence,
            messageId: admission !== undefined ? 'admitted' : complaint !== undefined ? 'brokenComplaint' : 'broken',
          });
        }
      });
    }
    const metrics = {
      promises: kept + broken.length + pending.length,
      kept,
      broken: broken.length,
      pending: pending.length,
      graceHours: settings.promiseGraceHours,
      hourGraceMinutes: settings.promiseHourGraceMinutes,
    };
    const limit = settings.maxFindings > 0 ? settings.maxFindings : Infinity;
    const findings = [
      ...broken.slice(0, limit).map((b, k) => finding({ messageId: b.messageId, data: b.data, conversation: b.c, posts: b.evidence, rank: k + 1 })),
      ...pending
        .slice(0, Math.max(0, limit - broken.length))
        .map((p, k) => finding({ messageId: 'pending', data: p.data, conversation: p.c, posts: p.evidence, pending: true, rank: broken.length + k + 1 })),
    ];
    if (kept + broken.length === 0) {
      return {
        score: null,
        cases: 0,
        reason:
          pending.length > 0 ? { code: 'promises-all-pending' } : { code: 'no-promise', data: { grace: formatDuration(settings.promiseGraceHours * 60) } },
        metrics,
        findings,
        findingCount: 0,
        watchCount: pending.length,
      };
    }
    return {
      cases: kept + broken.length,
      score: (100 * kept) / (kept + broken.length),
      metrics,
      findings,
      findingCount: broken.length,
      watchCount: pending.length,
    };
  },
};
