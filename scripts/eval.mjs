#!/usr/bin/env node
// `npm run eval`: precision and recall of every text signal on the labelled set in fixtures/eval/, overall,
// per market variant and on the hard cases. Writes docs/accuracy.md. Exit 1 when a category misses its target.
//
// Flags:
//   --set dev2      measure a development set in fixtures/eval/<name>/ instead (dev2, dev3: sets the lexicons WERE
//                   tuned on after their first measurement; see docs/accuracy-dev2.md, docs/accuracy-dev3.md).
//                   Prints a table, writes nothing.
//   --no-context    with --set: never pass a row's thread `context` to the detectors (what a build without the
//                   thread-aware steps sees).
//   --dist <dir>    measure another build (e.g. a worktree of an older commit, built); default ./dist.
//   --no-write      on the tuning set: print only, leave docs/accuracy.md alone.
//   --errors        list false positives and misses.
// Never point --set at fixtures/eval/blind or blind3 (refused): those sets are measured only by their own scripts.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const dist = path.resolve(option('--dist') ?? path.join(root, 'dist'));
const load = (module) => import(pathToFileURL(path.join(dist, module)).href);
const evaluation = await load('signals/evaluate.js');
const { loadDefaultResources } = await load('io/resources.js');
const readJsonl = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
const pct = (x) => (x === null || x === undefined ? '—' : x.toFixed(2));

await loadDefaultResources();
const set = option('--set');
if (set !== undefined) await measureSet(set);
else {
  measureTuningSet();
  // Beside the set tuned on, the frozen blind sets (measured only, by their own script): the two figures are read
  // together. `--no-blind` leaves them out.
  if (!argv.includes('--no-blind')) {
    for (const blind of ['blind', 'blind3']) {
      const run = spawnSync(process.execPath, [path.join(root, 'scripts/eval-blind.mjs'), '--set', blind, '--dist', dist], { encoding: 'utf8' });
      console.log(`\n## The frozen ${blind} set (never tuned on; docs/accuracy-blind.md)\n`);
      process.stdout.write(run.stdout);
      if (run.status !== 0) process.stderr.write(run.stderr);
    }
  }
}

function measureTuningSet() {
  const { evaluate, TARGETS } = evaluation;
  const report = evaluate((category) => readJsonl(path.join(root, 'fixtures/eval', `${category}.jsonl`)));
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
  if (!argv.includes('--no-write')) {
    writeFileSync(path.join(root, 'docs/accuracy.md'), lines.join('\n') + (existsSync(notes) ? `\n${readFileSync(notes, 'utf8')}` : ''));
  }
  console.log(lines.join('\n'));
  if (argv.includes('--errors')) {
    for (const c of report.categories) for (const e of c.errors) console.log(`${c.category}\t${e.kind}\t${e.id}\t${e.text}`);
    for (const m of report.multiclass) for (const e of m.errors) console.log(`${m.category}\t${e.gold}→${e.predicted}\t${e.id}\t${e.text}`);
  }
  process.exitCode = report.categories.every((c) => c.met) ? 0 : 1;
}

/**
 * A row's thread context as the one post the detectors read: dev2 stores it as a string; dev3 as the earlier
 * messages (oldest first, `{role, text}`), of which the latest one by the other side is the post the row answers.
 */
function contextText(row) {
  if (typeof row.context === 'string') return row.context;
  const other = [...row.context].reverse().find((m) => m.role !== row.role) ?? row.context[row.context.length - 1];
  return other?.text ?? '';
}

/**
 * A development set in fixtures/eval/<name>/: same row format as the tuning set, plus an optional `context`
 * (the post the row answers, for labels that depend on the thread). Scored here rather than by evaluate(),
 * so that an older build (--dist) without the newer exports can be measured the same way.
 */
async function measureSet(name) {
  if (/^blind/.test(name) || name.includes('/') || name.includes('\\') || name.includes('..')) throw new Error(`--set ${name}: not a development set`);
  const dir = path.join(root, 'fixtures/eval', name);
  const { DETECTORS, postedAtOf } = evaluation;
  // Thread-aware detectors (text, context) where the build has them; otherwise the text-only ones.
  const withContext = argv.includes('--no-context') ? {} : (evaluation.CONTEXT_DETECTORS ?? {});
  const { detectPromise } = await load('signals/promise.js');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  const rows = [];
  const notes = [];
  const errors = [];
  const ratio = (a, b) => (b === 0 ? null : a / b);
  const pr = (c) => (c ? `${pct(ratio(c.tp, c.tp + c.fp))}/${pct(ratio(c.tp, c.tp + c.fn))}` : '—');
  for (const file of files) {
    const category = file.replace(/\.jsonl$/, '');
    const examples = readJsonl(path.join(dir, file));
    const all = { tp: 0, fp: 0, fn: 0 };
    const hard = { tp: 0, fp: 0, fn: 0 };
    const variants = {};
    const threaded = { tp: 0, pos: 0, fp: 0, neg: 0 };
    let exact = 0;
    let found = 0;
    for (const e of examples) {
      let fired;
      if (category === 'promise') {
        const { ms, offsetMinutes } = postedAtOf(e.postedAt);
        const hit = detectPromise(e.text, ms, offsetMinutes);
        fired = Boolean(hit);
        if (hit && e.label) {
          found++;
          if (hit.deadline === e.deadline) exact++;
          else errors.push(`${category}\twrong-deadline\t${e.id}\t${e.text} [${hit.deadline}, labelled ${e.deadline}]`);
        }
      } else if (e.context !== undefined && withContext[category]) fired = withContext[category](e.text, contextText(e));
      else if (DETECTORS[category]) fired = DETECTORS[category](e.text);
      else continue;
      const gold = e.label === true;
      for (const c of [all, (variants[e.variant] ??= { tp: 0, fp: 0, fn: 0 }), ...(e.hard ? [hard] : [])]) {
        if (fired && gold) c.tp++;
        else if (fired) c.fp++;
        else if (gold) c.fn++;
      }
      if (e.context !== undefined) {
        if (gold) {
          threaded.pos++;
          if (fired) threaded.tp++;
        } else {
          threaded.neg++;
          if (fired) threaded.fp++;
        }
      }
      if (fired !== gold)
        errors.push(`${category}\t${fired ? 'false-positive' : 'miss'}\t${e.id}\t${e.text}${e.context ? `  [after: ${contextText(e)}]` : ''}`);
    }
    const p = ratio(all.tp, all.tp + all.fp);
    const r = ratio(all.tp, all.tp + all.fn);
    const f1 = p && r ? (2 * p * r) / (p + r) : null;
    const deadline = category === 'promise' ? ` (deadline day right: ${pct(ratio(exact, found))})` : '';
    rows.push(
      `| ${category}${deadline} | ${examples.length} | ${pct(p)} | ${pct(r)} | ${pct(f1)} | ${pr(hard)} | ${pr(variants['es-ES'])} | ${pr(variants['es-MX'])} | ${pr(variants.en)} |`,
    );
    if (threaded.pos + threaded.neg > 0) {
      const passed = withContext[category] ? 'context passed' : 'context not passed';
      notes.push(
        `${category}: rows with a thread context: ${threaded.tp}/${threaded.pos} positives found, ${threaded.fp}/${threaded.neg} negatives flagged (${passed})`,
      );
    }
  }
  console.log(`Development set fixtures/eval/${name}/ (tuned on: see docs/accuracy-${name}.md), build ${path.relative(root, dist) || dist}`);
  console.log('');
  console.log('| category | n | precision | recall | F1 | hard P/R | es-ES P/R | es-MX P/R | en P/R |');
  console.log('|---|---:|---:|---:|---:|---|---|---|---|');
  for (const row of rows) console.log(row);
  if (notes.length) console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
  if (argv.includes('--errors')) for (const e of errors) console.log(e);
}
