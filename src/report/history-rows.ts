/**
 * `audit --history` as every renderer shows it: each figure then and now, with the change and whether it
 * is better or worse ("Reply rate 71% → 64% ▼ 7 pts worse"). The numbers are the ones the reports print
 * (scores rounded, shares in percent), so the change reads as the difference of the two numbers shown.
 * Renderers only lay these rows out; none computes a change of its own.
 */
import { CATEGORY_IDS } from '../contract/ids.js';
import type { AuditResult } from '../contract/result.js';
import type { Catalog } from '../i18n/catalog.js';
import { formatDuration, formatPercent } from '../i18n/format.js';

export interface HistoryRow {
  label: string;
  then: string;
  now: string;
  /** ▲ up, ▼ down, = unchanged. */
  direction: 'up' | 'down' | 'same';
  /** The size of the change as shown ("7 pts", "12 min"); empty when unchanged. */
  amount: string;
  /** Whether the change is good news; `moved` for a figure with no better side (conversations). */
  verdict: 'better' | 'worse' | 'unchanged' | 'moved';
}

export interface HistoryView {
  /** The previous run's "now", ISO; undefined on the brand's first run. */
  previousAsOf: string | undefined;
  earlierRuns: number;
  rows: HistoryRow[];
}

export function historyView(result: AuditResult, catalog: Catalog): HistoryView | undefined {
  const history = result.history;
  if (!history) return undefined;
  const previous = history.previous;
  if (!previous) return { previousAsOf: undefined, earlierRuns: history.earlierRuns, rows: [] };
  const h = catalog.messages.history;
  const locale = catalog.locale;
  const rows: HistoryRow[] = [];
  const number = (n: number): string => n.toLocaleString(locale === 'es' ? 'es-ES' : 'en-US', { maximumFractionDigits: 1 });
  const push = (label: string, then: string, now: string, delta: number, amount: string, higherIsBetter: boolean | null): void => {
    const direction = delta > 0 ? 'up' : delta < 0 ? 'down' : 'same';
    const verdict = delta === 0 ? 'unchanged' : higherIsBetter === null ? 'moved' : delta > 0 === higherIsBetter ? 'better' : 'worse';
    rows.push({ label, then, now, direction, amount: delta === 0 ? '' : amount, verdict });
  };
  const score = (label: string, now: number | null, then: number | null): void => {
    if (now === null || then === null) return;
    const delta = Math.round(now) - Math.round(then);
    push(label, String(Math.round(then)), String(Math.round(now)), delta, String(Math.abs(delta)), true);
  };
  const share = (label: string, now: number | null, then: number | null): void => {
    if (now === null || then === null) return;
    const delta = Math.round(((Math.round(now * 1000) - Math.round(then * 1000)) / 10) * 10) / 10;
    push(label, formatPercent(then, locale), formatPercent(now, locale), delta, `${number(Math.abs(delta))} ${h.points}`, true);
  };
  const minutes = (label: string, now: number | null, then: number | null): void => {
    if (now === null || then === null) return;
    const delta = Math.round(now) - Math.round(then);
    push(label, formatDuration(then), formatDuration(now), delta, formatDuration(Math.abs(delta)), false);
  };
  const count = (label: string, now: number, then: number, higherIsBetter: boolean | null): void =>
    push(label, String(then), String(now), now - then, String(Math.abs(now - then)), higherIsBetter);
  const m = result.metrics;
  score(catalog.messages.report.score, result.score, previous.score);
  for (const id of CATEGORY_IDS) score(catalog.category(id), result.categories[id].score, previous.categories[id]);
  share(catalog.messages.report.replyRate, m.replyRate, previous.figures.replyRate);
  minutes(h.firstReplyMedian, m.firstResponseMinutes.median, previous.figures.firstResponseMedian);
  share(h.withinTarget, m.firstResponseMinutes.withinTarget, previous.figures.firstResponseWithinTarget);
  count(h.ignored, m.ignored, previous.figures.ignored, false);
  count(h.conversations, m.conversations, previous.figures.conversations, null);
  return { previousAsOf: previous.period.asOf, earlierRuns: history.earlierRuns, rows };
}

/** "▼ 7 pts worse", "= unchanged": the change as one phrase. */
export function changeText(row: HistoryRow, catalog: Catalog): string {
  const h = catalog.messages.history;
  if (row.direction === 'same') return `= ${h.unchanged}`;
  const moved = `${row.direction === 'up' ? '▲' : '▼'} ${row.amount}`;
  return row.verdict === 'moved' ? moved : `${moved} ${row.verdict === 'better' ? h.better : h.worse}`;
}
