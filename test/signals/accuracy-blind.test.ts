/**
 * Floors on the two frozen blind sets (fixtures/eval/blind, blind3), a little under docs/accuracy-blind.md, measured
 * by the product's own script on the built detectors. Only a guard against silent losses: nobody tunes on these
 * sets, and a figure here is never a reason to change a lexicon (the set would stop being blind).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function measured(set: string): Map<string, { precision: number; recall: number }> {
  if (!existsSync(path.join(ROOT, 'dist/signals/evaluate.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/eval-blind.mjs'), '--set', set], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  expect(run.status, run.stderr).toBe(0);
  const rows = new Map<string, { precision: number; recall: number }>();
  for (const line of run.stdout.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const precision = Number(cells[3]);
    const recall = Number(cells[4]);
    if (cells.length > 5 && Number.isFinite(precision) && Number.isFinite(recall) && cells[3] !== '')
      rows.set(cells[1]!.replace(/ \(.*$/, ''), { precision, recall });
  }
  return rows;
}

const FLOORS: Record<string, Record<string, { precision: number; recall: number }>> = {
  blind: {
    apology: { precision: 0.79, recall: 0.84 },
    blame: { precision: 0.97, recall: 0.29 },
    'delete-request': { precision: 0.97, recall: 0.29 },
    denial: { precision: 0.94, recall: 0.59 },
    'dm-deflection': { precision: 0.97, recall: 0.29 },
    'needs-reply': { precision: 0.83, recall: 0.67 },
    politics: { precision: 0.97, recall: 0.84 },
    profanity: { precision: 0.95, recall: 0.79 },
    promise: { precision: 0.93, recall: 0.93 },
    sarcasm: { precision: 0.85, recall: 0.6 },
    shouting: { precision: 0.97, recall: 0.95 },
    slang: { precision: 0.88, recall: 0.88 },
  },
  blind3: {
    denial: { precision: 0.9, recall: 0.4 },
    'needs-reply': { precision: 0.82, recall: 0.68 },
    politics: { precision: 0.91, recall: 0.79 },
    profanity: { precision: 0.97, recall: 0.74 },
    promise: { precision: 0.89, recall: 0.77 },
    sarcasm: { precision: 0.83, recall: 0.55 },
  },
};

describe.each(Object.keys(FLOORS))('the frozen %s set stays above its floors', (set) => {
  const figures = measured(set);
  it.each(Object.keys(FLOORS[set]!))('%s', (category) => {
    const got = figures.get(category);
    expect(got, `no figure for ${category}`).toBeDefined();
    expect(got!.precision).toBeGreaterThanOrEqual(FLOORS[set]![category]!.precision);
    expect(got!.recall).toBeGreaterThanOrEqual(FLOORS[set]![category]!.recall);
  });
});
