#!/usr/bin/env node
// `npm run bench`: times the audit of the synthetic TWCS corpus from ../shared/tools/gen-twcs.mjs and
// checks its figures against the generator's truth file. Writes docs/performance.md.
// Usage: node bench/run.mjs [--conversations 1000000] [--small 100000] [--runs 3]
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const args = Object.fromEntries(argv.flatMap((a, i) => (a.startsWith('--') ? [[a.slice(2), argv[i + 1]]] : [])));
const LARGE = Number(args.conversations ?? 1_000_000);
const SMALL = Number(args.small ?? 100_000);
const RUNS = Number(args.runs ?? 3);
const TARGET_SECONDS = 12;
const TARGET_RSS_MB = 600;
const generator = path.resolve(root, '../shared/tools/gen-twcs.mjs');
const workDir = path.join(root, '.bench');
mkdirSync(workDir, { recursive: true });

function corpus(conversations) {
  const csv = path.join(workDir, `twcs-${conversations}.csv`);
  const truth = path.join(workDir, `truth-${conversations}.json`);
  if (!existsSync(csv) || !existsSync(truth)) {
    console.error(`generating ${conversations} conversations…`);
    execFileSync(process.execPath, [generator, '--conversations', String(conversations), '--seed', '1', '--out', csv, '--truth', truth], { stdio: 'inherit' });
  }
  return { csv, truth: JSON.parse(readFileSync(truth, 'utf8')), bytes: statSync(csv).size };
}

async function byteScan(file) {
  const started = performance.now();
  let newlines = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) newlines++;
  }
  return { seconds: (performance.now() - started) / 1000, newlines };
}

function audit(csv, brand, asOf) {
  const child = spawnSync(
    process.execPath,
    [path.join(root, 'bench/child.mjs'), 'audit', csv, '--brand', brand, '--as-of', asOf, '--format', 'json', '--quiet'],
    {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    },
  );
  if (child.status !== 0) throw new Error(`audit failed (${child.status}): ${child.stderr}`);
  const stats = JSON.parse(
    child.stderr
      .trim()
      .split('\n')
      .find((line) => line.includes('"bench":true')),
  );
  return { result: JSON.parse(child.stdout), seconds: stats.wallMs / 1000, rssMb: stats.maxRssKiB / 1024 };
}

function check(result, expected, brand) {
  const m = result.metrics;
  const problems = [];
  if (m.conversations !== expected.conversations) problems.push(`conversations ${m.conversations} ≠ ${expected.conversations}`);
  if (m.answered !== expected.answered) problems.push(`answered ${m.answered} ≠ ${expected.answered}`);
  if (Math.abs(m.replyRate - expected.replyRate) > 1e-6) problems.push(`replyRate ${m.replyRate} ≠ ${expected.replyRate}`);
  if (m.firstResponseMinutes.median !== expected.medianFirstReplyMinutes)
    problems.push(`median ${m.firstResponseMinutes.median} ≠ ${expected.medianFirstReplyMinutes}`);
  if (m.firstResponseMinutes.p90 !== expected.p90FirstReplyMinutes) problems.push(`p90 ${m.firstResponseMinutes.p90} ≠ ${expected.p90FirstReplyMinutes}`);
  return problems.length === 0 ? 'exact' : `${brand}: ${problems.join(', ')}`;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const large = corpus(LARGE);
const small = corpus(SMALL);
const brands = Object.keys(large.truth.brands);
const scans = [];
for (let r = 0; r < RUNS; r++) scans.push(await byteScan(large.csv));

const rows = [];
for (const [label, data] of [
  [`${SMALL.toLocaleString('en')} conversations`, small],
  [`${LARGE.toLocaleString('en')} conversations`, large],
]) {
  const runs = [];
  for (let r = 0; r < RUNS; r++) runs.push(audit(data.csv, brands[0], data.truth.asOf));
  rows.push({
    label,
    data,
    seconds: median(runs.map((x) => x.seconds)),
    rssMb: Math.max(...runs.map((x) => x.rssMb)),
    verdict: check(runs[0].result, data.truth.brands[brands[0]], brands[0]),
  });
}
// Every brand's figures on the large corpus, once each.
const perBrand = brands.map((brand) => {
  const run = audit(large.csv, brand, large.truth.asOf);
  return { brand, seconds: run.seconds, rssMb: run.rssMb, verdict: check(run.result, large.truth.brands[brand], brand) };
});

const scanSeconds = median(scans.map((s) => s.seconds));
const [smallRow, largeRow] = rows;
const ratio = largeRow.seconds / smallRow.seconds;
const sizeRatio = largeRow.data.bytes / smallRow.data.bytes;
const maxRss = Math.max(largeRow.rssMb, ...perBrand.map((b) => b.rssMb));
const maxSeconds = Math.max(largeRow.seconds, ...perBrand.map((b) => b.seconds));
const pass =
  maxSeconds <= TARGET_SECONDS && maxRss <= TARGET_RSS_MB && perBrand.every((b) => b.verdict === 'exact') && rows.every((r) => r.verdict === 'exact');

const fmt = (n, d = 2) => n.toFixed(d);
const lines = [
  '# Performance',
  '',
  'Measured by `npm run bench` (bench/run.mjs): the synthetic TWCS corpus from `../shared/tools/gen-twcs.mjs --seed 1`,',
  'audited per brand with `--as-of` from its truth file, in a fresh Node process each run (median of',
  `${RUNS} runs for the timings; peak RSS is the maximum). Figures are checked against the truth file.`,
  '',
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
  '',
  `Targets: full audit ≤ ${TARGET_SECONDS} s wall, peak RSS ≤ ${TARGET_RSS_MB} MB, time linear in rows. Result: **${pass ? 'met' : 'NOT met'}**.`,
  '',
  '| measurement | corpus | wall (s) | peak RSS (MB) | figures vs truth |',
  '|---|---|---:|---:|---|',
  `| byte scan (read + count newlines) | ${LARGE.toLocaleString('en')} conversations, ${fmt(large.bytes / 1e6, 0)} MB, ${scans[0].newlines.toLocaleString('en')} lines | ${fmt(scanSeconds)} | — | — |`,
  ...rows.map((r) => `| audit → JSON (${brands[0]}) | ${r.label}, ${fmt(r.data.bytes / 1e6, 0)} MB | ${fmt(r.seconds)} | ${fmt(r.rssMb, 0)} | ${r.verdict} |`),
  ...perBrand.map((b) => `| audit → JSON (${b.brand}) | ${LARGE.toLocaleString('en')} conversations | ${fmt(b.seconds)} | ${fmt(b.rssMb, 0)} | ${b.verdict} |`),
  '',
  `Linearity: ${fmt(sizeRatio, 1)}× the bytes took ${fmt(ratio, 1)}× the time (${fmt((largeRow.seconds / (largeRow.data.bytes / 1e6)) * 1000, 1)} ms/MB vs ${fmt((smallRow.seconds / (smallRow.data.bytes / 1e6)) * 1000, 1)} ms/MB; process start-up weighs more on the small file).`,
  '',
  'Repeat with `npm run bench` (add `-- --runs 5` for more runs). The generated files stay in `.bench/` (git-ignored).',
  '',
];
const history = existsSync(path.join(root, 'docs/performance-notes.md')) ? readFileSync(path.join(root, 'docs/performance-notes.md'), 'utf8') : '';
mkdirSync(path.join(root, 'docs'), { recursive: true });
writeFileSync(path.join(root, 'docs/performance.md'), lines.join('\n') + (history ? `\n${history}` : ''));
console.log(lines.join('\n'));
process.exitCode = pass ? 0 : 1;
