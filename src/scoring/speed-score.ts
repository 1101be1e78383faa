import type { DurationSummary } from './stats.js';

/** Weights of the two shares in a speed score: meeting the target is the promise, 24 h is the floor. */
export const TARGET_WEIGHT = 0.6;
export const DAY_WEIGHT = 0.4;

/** 100 × (0.6 × share within the target + 0.4 × share within 24 h), for a non-empty summary. */
export function speedScore(summary: DurationSummary): number {
  return 100 * (TARGET_WEIGHT * summary.withinTarget! + DAY_WEIGHT * summary.within24h!);
}
