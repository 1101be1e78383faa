/**
 * End to end against ../shared/tools/gen-twcs.mjs: a synthetic TWCS corpus whose exact per-brand
 * figures are known. Every brand's reply rate, median and p90 first-reply minutes must match.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../cli/run-cli.js';

const GENERATOR = path.resolve(ROOT, '../shared/tools/gen-twcs.mjs');

interface BrandTruth {
  conversations: number;
  answered: number;
  replyRate: number;
  medianFirstReplyMinutes: number;
  p90FirstReplyMinutes: number;
}

interface Generated {
  csv: string;
  truth: { asOf: string; brands: Record<string, BrandTruth> };
}

/** Runs the generator only when it is there: a skipped suite must not pay (or crash on) its setup. */
function generate(): Generated | undefined {
  if (!existsSync(GENERATOR)) return undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'si-gen-'));
  const csv = path.join(dir, 'twcs.csv');
  const truthFile = path.join(dir, 'truth.json');
  execFileSync(process.execPath, [GENERATOR, '--conversations', '2000', '--seed', '7', '--out', csv, '--truth', truthFile]);
  return { csv, truth: JSON.parse(readFileSync(truthFile, 'utf8')) as Generated['truth'] };
}

const generated = generate();

describe.skipIf(!generated)('gen-twcs corpus (2,000 conversations, seed 7)', () => {
  const { csv, truth } = generated ?? { csv: '', truth: { asOf: '', brands: {} } };

  it.each(Object.keys(truth.brands))('matches the truth for %s', (brand) => {
    const expected = truth.brands[brand]!;
    const { status, stdout, stderr } = runCli(['audit', csv, '--brand', brand, '--as-of', truth.asOf, '--format', 'json']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const { metrics } = JSON.parse(stdout);
    expect(metrics.conversations).toBe(expected.conversations);
    expect(metrics.needingReply).toBe(expected.conversations);
    expect(metrics.answered).toBe(expected.answered);
    expect(metrics.pending).toBe(0);
    expect(metrics.replyRate).toBeCloseTo(expected.replyRate, 6);
    expect(metrics.firstResponseMinutes.count).toBe(expected.answered);
    expect(metrics.firstResponseMinutes.median).toBe(expected.medianFirstReplyMinutes);
    expect(metrics.firstResponseMinutes.p90).toBe(expected.p90FirstReplyMinutes);
  });
});
