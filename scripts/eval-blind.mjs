#!/usr/bin/env node
// `npm run eval:blind`: precision and recall of the text signals on the frozen blind set in fixtures/eval/blind/
// (written by a helper that never saw the lexicons; never tuned on). Prints a Markdown table; `--dist <dir>`
// measures another build (e.g. the commit that froze the set), `--errors` lists misses and false positives.
// Only measures: nothing here may feed back into the lexicons.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const distArg = argv.indexOf('--dist');
const dist = path.resolve(distArg >= 0 ? argv[distArg + 1] : path.join(root, 'dist'));
const load = (module) => import(pathToFileURL(path.join(dist, module)).href);
const evaluate = await load('signals/evaluate.js');
const { DETECTORS, postedAtOf } = evaluate;
// Thread-aware detectors (when the build has them): needs-reply reads the brand's latest post before the
// customer's, sarcasm the customer post the brand answers. `--no-context` measures the one-post detectors.
const CONTEXT_DETECTORS = argv.includes('--no-context') ? {} : (evaluate.CONTEXT_DETECTORS ?? {});
const CONTEXT_ROLE = { 'needs-reply': 'brand', sarcasm: 'customer' };
/** The thread post the detector of `category` reads: the latest earlier post of the other side. */
function contextText(category, example) {
  const role = CONTEXT_ROLE[category];
  if (!role || !Array.isArray(example.context)) return undefined;
  for (let i = example.context.length - 1; i >= 0; i--) if (example.context[i]?.role === role) return String(example.context[i].text ?? '');
  return undefined;
}
const signals = await load('signals/text-signals.js');
const { detectPromise } = await load('signals/promise.js');
const { loadDefaultResources } = await load('io/resources.js');
await loadDefaultResources();

const prepared = (text) => signals.prepare(text);
/** The product's detector for each blind category; null where the product has none yet. */
const detectors = {
  ...DETECTORS,
  blame: signals.detectBlame ? (text) => signals.detectBlame(prepared(text)) !== null : null,
  'dm-deflection': signals.detectPrivateMessage ? (text) => signals.detectPrivateMessage(prepared(text)) !== null : null,
  'delete-request': signals.detectDeleteRequest ? (text) => signals.detectDeleteRequest(prepared(text)) !== null : null,
};

// `--set blind3` measures the second frozen blind set (fixtures/eval/blind3/); any other name is refused.
const setArg = argv.indexOf('--set');
const setName = setArg >= 0 ? argv[setArg + 1] : 'blind';
if (!['blind', 'blind3', 'blind4'].includes(setName))
  throw new Error(`--set ${setName}: eval-blind measures only the frozen blind sets (blind, blind3, blind4)`);
const dir = path.join(root, 'fixtures/eval', setName);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort();
const rows = [];
const notes = [];
const errors = [];
const ratio = (a, b) => (b === 0 ? null : a / b);
const fmt = (x) => (x === null ? '—' : x.toFixed(2));
for (const file of files) {
  const category = file.replace(/\.jsonl$/, '');
  const examples = readFileSync(path.join(dir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  const detect = detectors[category];
  if (category !== 'promise' && !detect) {
    rows.push(`| ${category} | ${examples.length} | no detector | | | | | | |`);
    continue;
  }
  const counts = { all: { tp: 0, fp: 0, fn: 0 }, hardNeg: { fp: 0, n: 0 } };
  // Rows whose label depends on the thread, counted apart: recall with and without a thread context.
  const context = { with: { tp: 0, pos: 0 }, without: { tp: 0, pos: 0 } };
  const variants = {};
  let exact = 0;
  let found = 0;
  for (const e of examples) {
    let fired;
    if (category === 'promise') {
      const { ms, offsetMinutes } = postedAtOf(e.postedAt ?? '1970-01-01T00:00:00Z');
      const hit = detectPromise(e.text, ms, offsetMinutes);
      fired = Boolean(hit);
      if (hit && e.label === true) {
        found++;
        if (hit.deadline === e.deadline) exact++;
      }
    } else {
      const thread = CONTEXT_DETECTORS[category] ? contextText(category, e) : undefined;
      fired = thread === undefined ? detect(e.text) : CONTEXT_DETECTORS[category](e.text, thread);
    }
    const gold = e.label === true;
    const v = (variants[e.variant] ??= { tp: 0, fp: 0, fn: 0 });
    for (const c of [counts.all, v]) {
      if (fired && gold) c.tp++;
      else if (fired) c.fp++;
      else if (gold) c.fn++;
    }
    if (gold) {
      const c = e.context ? context.with : context.without;
      c.pos++;
      if (fired) c.tp++;
    }
    if (!gold && e.hard) {
      counts.hardNeg.n++;
      if (fired) counts.hardNeg.fp++;
    }
    if (fired !== gold) errors.push(`${category}\t${fired ? 'false-positive' : 'miss'}\t${e.id}\t${e.text}`);
  }
  const p = ratio(counts.all.tp, counts.all.tp + counts.all.fp);
  const r = ratio(counts.all.tp, counts.all.tp + counts.all.fn);
  const f1 = p && r ? (2 * p * r) / (p + r) : null;
  const pr = (c) => (c ? `${fmt(ratio(c.tp, c.tp + c.fp))}/${fmt(ratio(c.tp, c.tp + c.fn))}` : '—');
  if (context.with.pos > 0) {
    const r = (c) => `${fmt(ratio(c.tp, c.pos))} (${c.tp}/${c.pos})`;
    notes.push(
      `${category}: recall on positives with a thread context ${r(context.with)}, without ${r(context.without)}${CONTEXT_DETECTORS[category] ? ' (the thread post passed to the detector)' : ' (context not passed to the detector)'}`,
    );
  }
  const deadline = category === 'promise' ? ` (deadline day right: ${fmt(ratio(exact, found))})` : '';
  rows.push(
    `| ${category}${deadline} | ${examples.length} | ${fmt(p)} | ${fmt(r)} | ${fmt(f1)} | ${fmt(ratio(counts.hardNeg.fp, counts.hardNeg.n))} | ${pr(variants['es-ES'])} | ${pr(variants['es-MX'])} | ${pr(variants.en)} |`,
  );
}
console.log('| category | n | precision | recall | F1 | hard-negative FP rate | es-ES P/R | es-MX P/R | en P/R |');
console.log('|---|---:|---:|---:|---:|---:|---|---|---|');
for (const row of rows) console.log(row);
if (notes.length) console.log(`\n${notes.map((n) => `- ${n}`).join('\n')}`);
if (argv.includes('--errors')) for (const e of errors) console.log(e);
