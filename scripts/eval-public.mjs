#!/usr/bin/env node
// `node scripts/eval-public.mjs [--dir <dir>] [--dist <dir>]`: precision and recall of the text signals on REAL
// public labelled text kept outside the repo (default /work/public-eval/*.jsonl, rows {text, label, lang, source,
// orig?, context?}; their texts are never committed). Each file maps its own label onto one of our signals; where
// the dataset's definition differs from ours the table says so. Only measures: nothing here may feed back into the
// lexicons. Deterministic: files and rows are read in order, no sampling.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const arg = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const dir = path.resolve(arg('--dir', '/work/public-eval'));
const dist = path.resolve(arg('--dist', path.join(root, 'dist')));
// `--split dev` / `--split test`: rows at even / odd positions of each file. Whoever tunes may read the dev
// half's misses (`--errors`, never copying a text); the test half is measured only. No flag: every row.
const split = arg('--split', undefined);
if (split !== undefined && split !== 'dev' && split !== 'test') throw new Error('--split dev|test');
const showErrors = argv.includes('--errors');
if (showErrors && split !== 'dev') throw new Error('--errors lists misses of the dev half only: add --split dev');

const files = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
  : [];
if (files.length === 0) {
  console.log(`No public evaluation data in ${dir} (JSONL rows {text, label, lang, source}; see the header of scripts/eval-public.mjs); nothing measured.`);
  process.exit(0);
}

const load = (module) => import(pathToFileURL(path.join(dist, module)).href);
const evaluate = await load('signals/evaluate.js');
const { loadDefaultResources } = await load('io/resources.js');
await loadDefaultResources();
const { DETECTORS } = evaluate;
const CONTEXT_DETECTORS = evaluate.CONTEXT_DETECTORS ?? {};

/**
 * How each dataset's label maps to our signal, and where its definition differs from ours (signal definitions:
 * fixtures/eval/README.md, detectors: src/signals/evaluate.ts).
 */
const MAPPING = {
  'offendes-es': {
    signal: 'profanity',
    label: 'OffendES OFP + OFG + NOE (offensive to a person, to a group, or non-offensive with expletives) vs NO',
    differs:
      'OffendES "offensive" includes non-vulgar attacks and accusations ("eres una mentirosa", "la rubia es una tramposa") that our definition leaves out (accusations are complaints, not insults); NOE expletives match ours.',
  },
  'olid-en': {
    signal: 'profanity',
    label: 'OLID sub-task A: OFF (profanity or a targeted offense) vs NOT',
    differs:
      'OLID OFF counts any "offense", including political insults without a slur ("Liberals are all Kookoo") and threats; its NOT keeps some profanity ("I\'M SO FUCKING READY", "No fucking way") that ours flags.',
  },
  'airlines-es': {
    signal: 'needs-reply',
    label: 'Spanish airline tweets (Kaggle "Spanish Airlines Tweets Sentiment"): negative sentiment (a complaint) vs neutral or positive',
    differs:
      'Sentiment stands in for "needs a reply": some negative rows are news about the airline, some neutral rows are questions; the source lower-cased the text and stripped accents and punctuation, which our accent-aware cues partly miss.',
  },
  'davidson-en': {
    signal: 'profanity',
    label: 'Davidson et al. 2017 class hate (0) or offensive (1) vs neither (2)',
    differs:
      'Offensive/hate is mostly slurs and "bitch"/"hoe" in rap-lyric and banter tweets, aimed at third parties or at no one; ours counts profanity anywhere, but the corpus was sampled by a hate lexicon, so positives are 87% of rows.',
  },
  'twcs-en': {
    signal: 'needs-reply',
    label: 'TWCS inbound customer tweet that a brand account answered (positive) vs one with no reply at all',
    differs:
      'A brand reply is a proxy: brands also answer praise and jokes ("Noted 😊"), and an unanswered tweet is usually the end of a thread ("thanks", "ok") but not always. The brand post the tweet answers is passed as thread context where the sample has it.',
  },
  'political-en': {
    signal: 'politics',
    label: 'Hand-labelled political (1) vs non-political (0) tweets, US, June 2020',
    differs:
      "Labels are one course annotator's and follow the news of the week (protests, #BlackLivesMatter, Trump); some tweets naming Trump or governments are labelled 0, and protest/BLM tweets are 1 even without a party or politician.",
  },
  'tweettopic-es': {
    signal: 'politics',
    label: 'TweetTopicXL Spanish, topic "News & Social Concern" vs every other topic',
    differs:
      'The topic is broader than politics (health, economy, sport news and social issues count too), so recall is a lower bound and a miss is often not political; precision is the more meaningful figure.',
  },
};

const ratio = (a, b) => (b === 0 ? null : a / b);
const fmt = (x) => (x === null ? '—' : x.toFixed(2));
const tables = [];
const errors = [];
for (const file of files) {
  const name = file.replace(/\.jsonl$/, '');
  const rows = readFileSync(path.join(dir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))
    .filter((_, k) => split === undefined || (k % 2 === 0) === (split === 'dev'));
  const map = MAPPING[name] ?? { signal: rows[0]?.signal, label: 'label as given', differs: 'no mapping note for this file' };
  const detect = DETECTORS[map.signal];
  if (!detect) {
    tables.push(`### ${name}\n\nNo detector for signal "${map.signal}" in this build.`);
    continue;
  }
  const context = CONTEXT_DETECTORS[map.signal];
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const byOrig = {};
  for (const r of rows) {
    const fired = context && typeof r.context === 'string' ? context(r.text, r.context) : detect(r.text);
    const gold = r.label === true;
    const key = fired ? (gold ? 'tp' : 'fp') : gold ? 'fn' : 'tn';
    c[key]++;
    if (showErrors && (key === 'fp' || key === 'fn')) errors.push(`${name} ${key.toUpperCase()} [${r.lang}] ${JSON.stringify(r.text)}`);
    const o = (byOrig[r.orig ?? (gold ? 'positive' : 'negative')] ??= { n: 0, fired: 0, gold });
    o.n++;
    if (fired) o.fired++;
  }
  const p = ratio(c.tp, c.tp + c.fp);
  const rec = ratio(c.tp, c.tp + c.fn);
  const f1 = p && rec ? (2 * p * rec) / (p + rec) : null;
  const langs = [...new Set(rows.map((r) => r.lang))].sort().join(', ');
  const breakdown = Object.entries(byOrig)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k} ${v.fired}/${v.n}`)
    .join(', ');
  tables.push(
    [
      `### ${name} → ${map.signal} (${langs})`,
      '',
      '| n | positives | precision | recall | F1 | TP | FP | FN | TN |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      `| ${rows.length} | ${c.tp + c.fn} | ${fmt(p)} | ${fmt(rec)} | ${fmt(f1)} | ${c.tp} | ${c.fp} | ${c.fn} | ${c.tn} |`,
      '',
      `- Label: ${map.label}.`,
      `- Where it differs from ours: ${map.differs}`,
      `- Fired per original label: ${breakdown}.`,
      `- Source: ${rows[0]?.source?.replace(/#.*$/, '') ?? '—'}.`,
    ].join('\n'),
  );
}
console.log(
  `Public labelled text from ${dir} (${files.length} files${split ? `, ${split} half: rows at ${split === 'dev' ? 'even' : 'odd'} positions` : ''}); build: ${path.relative(root, dist) || dist}.\n`,
);
console.log(tables.join('\n\n'));
if (showErrors) console.log(`\n## Misses and false alarms (dev half)\n\n${errors.join('\n')}`);
