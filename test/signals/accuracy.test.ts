/**
 * Accuracy floors on the labelled set (fixtures/eval): a little under the figures in docs/accuracy.md, so
 * a lexicon or detector change that loses accuracy fails here. Raise a floor when a change improves it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, type LabelledExample } from '../../src/signals/evaluate.js';
import { loadLanguageModel } from '../../src/io/resources.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (category: string): LabelledExample[] =>
  readFileSync(path.join(ROOT, 'fixtures/eval', `${category}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledExample);

const FLOORS: Record<string, { precision: number; recall: number }> = {
  'needs-reply': { precision: 0.95, recall: 0.97 },
  apology: { precision: 0.97, recall: 0.97 },
  denial: { precision: 0.97, recall: 0.97 },
  profanity: { precision: 0.95, recall: 0.95 },
  sarcasm: { precision: 0.97, recall: 0.95 },
  slang: { precision: 0.97, recall: 0.97 },
  shouting: { precision: 0.97, recall: 0.95 },
  politics: { precision: 0.97, recall: 0.97 },
  promise: { precision: 0.97, recall: 0.95 },
};
const ACCURACY_FLOORS: Record<string, number> = { language: 0.9, register: 0.9 };

describe('accuracy on fixtures/eval', () => {
  let report: ReturnType<typeof evaluate>;
  beforeAll(async () => {
    await loadLanguageModel();
    report = evaluate(read);
  });

  it.each(Object.keys(FLOORS))('%s stays above its precision and recall floors', (category) => {
    const score = report.categories.find((c) => c.category === category)!;
    expect(score.precision ?? 0).toBeGreaterThanOrEqual(FLOORS[category]!.precision);
    expect(score.recall ?? 0).toBeGreaterThanOrEqual(FLOORS[category]!.recall);
  });

  it.each(Object.keys(ACCURACY_FLOORS))('%s stays above its accuracy floor', (category) => {
    expect(report.multiclass.find((m) => m.category === category)!.accuracy).toBeGreaterThanOrEqual(ACCURACY_FLOORS[category]!);
  });

  it('resolves most detected promises to the labelled day', () => {
    const promise = report.categories.find((c) => c.category === 'promise') as { exactDeadline?: number | null };
    expect(promise.exactDeadline ?? 0).toBeGreaterThanOrEqual(0.9);
  });
});
