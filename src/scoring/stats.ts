/**
 * Aggregates for durations (spec §5): count, median (mean of the two middle values for an even count),
 * p90 by nearest rank (the ⌈0.9·n⌉-th smallest), mean, and the share within the target and within 24 h.
 * Medians lead in every report: means are pulled by a few huge outliers.
 */
import type { DurationSummary } from '../contract/result.js';

export type { DurationSummary };

/** Summarises durations given in minutes. `values` is sorted in place. */
export function summarizeMinutes(values: Float64Array, targetMinutes: number): DurationSummary {
  const n = values.length;
  if (n === 0) return { count: 0, median: null, p90: null, mean: null, min: null, max: null, withinTarget: null, within24h: null };
  values.sort();
  let sum = 0;
  let withinTarget = 0;
  let within24h = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    sum += v;
    if (v <= targetMinutes) withinTarget++;
    if (v <= 1440) within24h++;
  }
  const median = n % 2 === 1 ? values[(n - 1) / 2]! : (values[n / 2 - 1]! + values[n / 2]!) / 2;
  return {
    count: n,
    median: round(median),
    p90: round(nearestRank(values, 0.9)),
    mean: round(sum / n),
    min: round(values[0]!),
    max: round(values[n - 1]!),
    withinTarget: round(withinTarget / n, 4),
    within24h: round(within24h / n, 4),
  };
}

/** Nearest-rank percentile of sorted values: the ⌈p·n⌉-th smallest. */
export function nearestRank(sorted: Float64Array, p: number): number {
  // Rounded before ceil so that float noise (0.9 × n = 27.000000000000004) cannot push the rank up.
  const rank = Math.max(1, Math.ceil(Math.round(p * sorted.length * 1e6) / 1e6));
  return sorted[rank - 1]!;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function ratio(part: number, whole: number, digits = 4): number | null {
  return whole === 0 ? null : round(part / whole, digits);
}
