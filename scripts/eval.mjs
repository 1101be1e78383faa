#!/usr/bin/env node
// `npm run eval`: precision and recall of every text signal on the labelled set in fixtures/eval/, overall,
// per market variant and on the hard cases. Writes docs/accuracy.md. Exit 1 when a category misses its target.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate, TARGETS } from '../dist/signals/evaluate.js';
import { loadDefaultResources } from '../dist/io/resources.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (category) =>
  readFileSync(path.join(root, 'fixtures/eval', `${category}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

await loadDefaultResources();
const report = evaluate(read);
const pct = (x) => (x === null ? '—' : x.toFixed(2));
const lines = [
  '# Accuracy of the text signals',
  '',
  'Measured by `npm run eval` (scripts/eval.mjs → src/signals/evaluate.ts) on the labelled set in `fixtures/eval/`',
  '(synthetic Spanish from Spain and Mexico and English; definitions in fixtures/eval/README.md, written before any',
  `detector). Targets: precision ≥ ${TARGETS.precision} and recall ≥ ${TARGETS.recall} for every category.`,
  '',
  '| category | n | precision | recall | F1 | hard P | hard R | es-ES P/R | es-MX P/R | en P/R | target |',
  '|---|---:|---:|---:|---:|---:|---:|---|---|---|---|',
  ...report.categories.map(
    (c) =>
      `| ${c.category} | ${c.n} | ${pct(c.precision)} | ${pct(c.recall)} | ${pct(c.f1)} | ${pct(c.hard.precision)} | ${pct(c.hard.recall)} | ${c.variants['es-ES'] ? `${pct(c.variants['es-ES'].precision)}/${pct(c.variants['es-ES'].recall)}` : '—'} | ${c.variants['es-MX'] ? `${pct(c.variants['es-MX'].precision)}/${pct(c.variants['es-MX'].recall)}` : '—'} | ${c.variants.en ? `${pct(c.variants.en.precision)}/${pct(c.variants.en.recall)}` : '—'} | ${c.met ? 'met' : '**not met**'} |`,
  ),
  '',
  `Promises detected with the labelled deadline day: ${pct(report.categories.find((c) => c.category === 'promise')?.exactDeadline ?? null)} (nlp.md gate: 0.90).`,
  '',
  '| multi-class | n | accuracy | confusion (gold → predicted: count) |',
  '|---|---:|---:|---|',
  ...report.multiclass.map(
    (m) =>
      `| ${m.category} | ${m.n} | ${pct(m.accuracy)} | ${Object.entries(m.confusion)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')} |`,
  ),
  '',
  'False positives and misses are listed by `npm run eval -- --errors`. Each false positive that reveals a missing',
  'guard becomes a negative example in its lexicon entry.',
  '',
];
const notes = path.join(root, 'docs/accuracy-notes.md');
writeFileSync(path.join(root, 'docs/accuracy.md'), lines.join('\n') + (existsSync(notes) ? `\n${readFileSync(notes, 'utf8')}` : ''));
console.log(lines.join('\n'));
if (process.argv.includes('--errors')) {
  for (const c of report.categories) for (const e of c.errors) console.log(`${c.category}\t${e.kind}\t${e.id}\t${e.text}`);
  for (const m of report.multiclass) for (const e of m.errors) console.log(`${m.category}\t${e.gold}→${e.predicted}\t${e.id}\t${e.text}`);
}
process.exitCode = report.categories.every((c) => c.met) ? 0 : 1;
