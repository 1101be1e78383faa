import { describe, it, expect } from 'vitest';
import { nearestRank, ratio, round, summarizeMinutes } from '../../src/scoring/stats.js';

const f64 = (values: number[]): Float64Array => Float64Array.from(values);
const range = (n: number): number[] => Array.from({ length: n }, (_, k) => k + 1);

describe('summarizeMinutes', () => {
  it('empty input gives count 0 and nulls', () => {
    expect(summarizeMinutes(f64([]), 60)).toEqual({ count: 0, median: null, p90: null, mean: null, min: null, max: null, withinTarget: null, within24h: null });
  });

  it('median of an odd count is the middle value', () => {
    expect(summarizeMinutes(f64([50, 10, 30]), 60).median).toBe(30);
    expect(summarizeMinutes(f64([7]), 60).median).toBe(7);
  });

  it('median of an even count is the mean of the two middle values', () => {
    expect(summarizeMinutes(f64([40, 10, 20, 1000]), 60).median).toBe(30);
    expect(summarizeMinutes(f64([1, 2]), 60).median).toBe(1.5);
  });

  it('sorts numerically, not as text', () => {
    const summary = summarizeMinutes(f64([100, 9, 20]), 60);
    expect(summary).toMatchObject({ median: 20, min: 9, max: 100 });
  });

  it('hand-computed summary', () => {
    // 5 first replies: 12, 45, 60 (on target), 90 (late), 2000 (over a day).
    const summary = summarizeMinutes(f64([90, 12, 2000, 60, 45]), 60);
    expect(summary).toEqual({ count: 5, median: 60, p90: 2000, mean: 441.4, min: 12, max: 2000, withinTarget: 0.6, within24h: 0.8 });
  });

  it('withinTarget and within24h include the boundary', () => {
    expect(summarizeMinutes(f64([60]), 60).withinTarget).toBe(1);
    expect(summarizeMinutes(f64([60.0001]), 60).withinTarget).toBe(0);
    expect(summarizeMinutes(f64([1440]), 60).within24h).toBe(1);
    expect(summarizeMinutes(f64([1440.0001]), 60).within24h).toBe(0);
  });

  it('shares are rounded to 4 decimals, minutes to 2', () => {
    const summary = summarizeMinutes(f64([1, 2, 100]), 60);
    expect(summary.withinTarget).toBe(0.6667);
    expect(summary.mean).toBe(34.33);
  });

  it('handles zero durations', () => {
    expect(summarizeMinutes(f64([0, 0]), 60)).toMatchObject({ median: 0, p90: 0, mean: 0, withinTarget: 1 });
  });
});

describe('p90 by nearest rank (the ⌈0.9·n⌉-th smallest)', () => {
  it.each([
    [1, 1],
    [2, 2],
    [9, 9],
    [10, 9],
    [11, 10],
    [20, 18],
    [30, 27], // 0.9 × 30 = 27.000000000000004 in floating point: must not become rank 28
    [100, 90],
    [1000, 900],
  ])('n = %d → rank %d', (n, rank) => {
    const values = f64(range(n));
    expect(nearestRank(values, 0.9)).toBe(rank);
    expect(summarizeMinutes(f64(range(n).reverse()), 60).p90).toBe(rank);
  });

  it('other percentiles', () => {
    const values = f64(range(10));
    expect(nearestRank(values, 0.5)).toBe(5);
    expect(nearestRank(values, 1)).toBe(10);
    expect(nearestRank(values, 0)).toBe(1);
  });
});

describe('round and ratio', () => {
  it('round', () => {
    expect(round(2.346)).toBe(2.35);
    expect(round(0.66666, 4)).toBe(0.6667);
    expect(round(70)).toBe(70);
  });

  it('ratio is null for an empty whole', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(2, 3)).toBe(0.6667);
    expect(ratio(2, 3, 6)).toBe(0.666667);
  });
});
