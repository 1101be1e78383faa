/**
 * Category and overall scores: weighted arithmetic means over the parts that have a score. A part
 * without data (null) or with weight 0 is left out and the remaining weights are renormalised, so a
 * category with nothing to judge never drags the overall score down or up.
 */
export interface WeightedScore {
  score: number | null;
  weight: number;
}

export function weightedMean(parts: readonly WeightedScore[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const part of parts) {
    if (part.score === null || part.weight <= 0) continue;
    sum += part.score * part.weight;
    weights += part.weight;
  }
  return weights === 0 ? null : sum / weights;
}
