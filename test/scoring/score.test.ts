import { describe, it, expect } from 'vitest';
import { weightedMean } from '../../src/scoring/score.js';

describe('weightedMean', () => {
  it('is the weighted arithmetic mean', () => {
    expect(
      weightedMean([
        { score: 80, weight: 2 },
        { score: 50, weight: 1 },
      ]),
    ).toBe(70);
    expect(
      weightedMean([
        { score: 80, weight: 1 },
        { score: 60, weight: 1 },
      ]),
    ).toBe(70);
  });

  it('leaves out parts without a score and renormalises the rest', () => {
    expect(
      weightedMean([
        { score: 80, weight: 1 },
        { score: null, weight: 1 },
        { score: 60, weight: 1 },
      ]),
    ).toBe(70);
    expect(
      weightedMean([
        { score: null, weight: 5 },
        { score: 40, weight: 1 },
      ]),
    ).toBe(40);
  });

  it('leaves out parts with weight 0 (informative) or below', () => {
    expect(
      weightedMean([
        { score: 80, weight: 1 },
        { score: 0, weight: 0 },
      ]),
    ).toBe(80);
    expect(
      weightedMean([
        { score: 80, weight: 1 },
        { score: 0, weight: -1 },
      ]),
    ).toBe(80);
  });

  it('a real 0 score counts', () => {
    expect(
      weightedMean([
        { score: 100, weight: 1 },
        { score: 0, weight: 1 },
      ]),
    ).toBe(50);
  });

  it('is null when nothing is left', () => {
    expect(weightedMean([])).toBeNull();
    expect(weightedMean([{ score: null, weight: 1 }])).toBeNull();
    expect(weightedMean([{ score: 90, weight: 0 }])).toBeNull();
  });

  it('fractional weights', () => {
    expect(
      weightedMean([
        { score: 100, weight: 0.25 },
        { score: 0, weight: 0.75 },
      ]),
    ).toBe(25);
  });
});
