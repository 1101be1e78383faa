#!/usr/bin/env node
// `npm run bench`: times the full audit of the synthetic TWCS corpus from ../shared/tools/gen-twcs.mjs against a
// read+decode floor and a DuckDB SQL peer (FRT median/p90 + reply rate only), interleaved in one invocation so that
// load from other processes hits all three alike; checks the audit's and the peer's figures against the generator's
// truth file; writes docs/performance.md (followed by docs/performance-notes.md).
// Usage: node bench/run.mjs [--sizes 100000,1000000,3000000] [--runs 3] [--threads 2] [--peer node|python|none]
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PYTHON_PEER, peerSql } from './peer-sql.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const args = Object.fromEntries(argv.flatMap((a, i) => (a.startsWith('--') ? [[a.slice(2), argv[i + 1]]] : [])));
const SIZES = String(args.sizes ?? '100000,1000000,3000000')
  .split(',')
  .map(Number)
  .sort((a, b) => a - b);
const RUNS = Number(args.runs ?? 3);
const THREADS = String(args.threads ?? 2);
const PEER = args.peer ?? 'auto';
// Targets of issue 14. Sizes not listed have no RSS target; the ratio target applies from 1M conversations up.
const TARGET_RATIO = 2.0;
const TARGET_RSS_MB = { 1_000_000: 350, 3_000_000: 900 };
const TARGET_LINEAR = 1.15; // time per MB at the largest size at most this multiple of the next size down
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
  return { conversations, csv, truth: JSON.parse(readFileSync(truth, 'utf8')), bytes: statSync(csv).size };
}

// What any Node program must pay before parsing: read the file and decode it to strings.
async function readDecodeFloor(file) {
  const started = performance.now();
  let newlines = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 })) {
    const text = chunk.toString('utf8');
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) newlines++;
  }
  return { seconds: (performance.now() - started) / 1000, newlines };
}

function benchLine(output) {
  return JSON.parse(
    output
      .trim()
      .split('\n')
      .find((line) => line.includes('"bench":true')),
  );
}

function audit(csv, brand, asOf) {
  const child = spawnSync(
    process.execPath,
    [path.join(root, 'bench/child.mjs'), 'audit', csv, '--brand', brand, '--as-of', asOf, '--format', 'json', '--quiet'],
    { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`audit failed (${child.status}): ${child.stderr}`);
  const stats = benchLine(child.stderr);
  const m = JSON.parse(child.stdout).metrics;
  const figures = {
    conversations: m.conversations,
    answered: m.answered,
    replyRate: m.replyRate,
    median: m.firstResponseMinutes.median,
    p90: m.firstResponseMinutes.p90,
  };
  return { figures, seconds: stats.wallMs / 1000, cpuSeconds: stats.cpuMs / 1000, rssMb: stats.maxRssKiB / 1024 };
}

// Which peer runs is decided once: the Node module (a dev dependency), else the Python module, else none.
let peerKind = PEER === 'none' ? null : undefined;
let peerSkipReason = PEER === 'none' ? 'skipped with --peer none' : '';
function peer(csv, brand) {
  if (peerKind === null) return null;
  const tryNode = peerKind === undefined ? PEER !== 'python' : peerKind === 'node';
  if (tryNode) {
    const child = spawnSync(process.execPath, [path.join(root, 'bench/duckdb-peer.mjs'), csv, brand, THREADS], { encoding: 'utf8' });
    if (child.status === 0) {
      peerKind = 'node';
      const stats = benchLine(child.stdout);
      return { figures: stats.result, seconds: stats.wallMs / 1000, rssMb: stats.maxRssKiB / 1024 };
    }
    if (child.status !== 3 || peerKind === 'node') throw new Error(`DuckDB peer failed (${child.status}): ${child.stderr}`);
  }
  if (PEER !== 'node') {
    const child = spawnSync('python3', ['-c', PYTHON_PEER], {
      encoding: 'utf8',
      input: JSON.stringify({ sql: peerSql(csv, brand), threads: Number(THREADS) }),
    });
    if (child.status === 0) {
      peerKind = 'python';
      const stats = benchLine(child.stdout);
      return { figures: stats.result, seconds: stats.wallMs / 1000, rssMb: stats.maxRssKiB / 1024 };
    }
    if (child.status !== 3 && !child.error) throw new Error(`DuckDB peer (Python) failed (${child.status}): ${child.stderr}`);
  }
  peerKind = null;
  peerSkipReason = 'DuckDB peer skipped: neither `@duckdb/node-api` (`npm install -D @duckdb/node-api`) nor the Python `duckdb` module is installed.';
  console.error(peerSkipReason);
  return null;
}

function check(figures, expected) {
  const problems = [];
  if (figures.conversations !== expected.conversations) problems.push(`conversations ${figures.conversations} ≠ ${expected.conversations}`);
  if (figures.answered !== expected.answered) problems.push(`answered ${figures.answered} ≠ ${expected.answered}`);
  // The audit writes rates rounded to six decimals.
  if (Math.abs(figures.replyRate - expected.replyRate) > 1e-6) problems.push(`replyRate ${figures.replyRate} ≠ ${expected.replyRate}`);
  if (figures.median !== expected.medianFirstReplyMinutes) problems.push(`median ${figures.median} ≠ ${expected.medianFirstReplyMinutes}`);
  if (figures.p90 !== expected.p90FirstReplyMinutes) problems.push(`p90 ${figures.p90} ≠ ${expected.p90FirstReplyMinutes}`);
  return problems.length === 0 ? 'exact' : problems.join(', ');
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (n, d = 2) => (n === undefined || n === null || Number.isNaN(n) ? '—' : n.toFixed(d));
const spread = (xs, d = 2) =>
  xs.length === 0 ? '—' : xs.length === 1 ? fmt(xs[0], d) : `${fmt(median(xs), d)} (${fmt(Math.min(...xs), d)}–${fmt(Math.max(...xs), d)})`;
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

const corpora = SIZES.map(corpus);
const brands = Object.keys(corpora[0].truth.brands);
const brand = brands[0];
const loadBefore = loadAverage();
const started = performance.now();

// Interleaved: in each run, every size gets floor → audit → peer back to back.
const bySize = corpora.map((data) => ({ data, floor: [], audit: [], peer: [], verdicts: new Set(), peerVerdicts: new Set() }));
for (let r = 0; r < RUNS; r++) {
  for (const row of bySize) {
    const { csv, truth } = row.data;
    const floor = await readDecodeFloor(csv);
    row.floor.push(floor.seconds);
    row.lines = floor.newlines;
    const a = audit(csv, brand, truth.asOf);
    row.audit.push(a);
    row.verdicts.add(check(a.figures, truth.brands[brand]));
    const p = peer(csv, brand);
    if (p) {
      row.peer.push(p);
      row.peerVerdicts.add(check(p.figures, truth.brands[brand]));
    }
    console.error(
      `run ${r + 1}/${RUNS} ${row.data.conversations}: floor ${fmt(floor.seconds)} s, audit ${fmt(a.seconds)} s ${fmt(a.rssMb, 0)} MB${p ? `, DuckDB ${fmt(p.seconds)} s ${fmt(p.rssMb, 0)} MB` : ''}`,
    );
  }
}
// Every brand's figures on the 1M corpus (or the largest below it), once each, audit and peer side by side.
const brandCorpus = corpora.filter((c) => c.conversations <= 1_000_000).at(-1) ?? corpora[0];
const perBrand = brands.map((b) => {
  const a = audit(brandCorpus.csv, b, brandCorpus.truth.asOf);
  const p = peer(brandCorpus.csv, b);
  return {
    brand: b,
    audit: a,
    peer: p,
    verdict: check(a.figures, brandCorpus.truth.brands[b]),
    peerVerdict: p ? check(p.figures, brandCorpus.truth.brands[b]) : '—',
  };
});
const totalMinutes = (performance.now() - started) / 60000;
const loadAfter = loadAverage();

const rows = bySize.map((row) => {
  // Ratios are paired within a run, so a burst of load from elsewhere inflates both sides of the same ratio.
  const ratios = row.peer.map((p, i) => row.audit[i].seconds / p.seconds);
  return {
    ...row,
    auditSeconds: row.audit.map((a) => a.seconds),
    auditCpu: row.audit.map((a) => a.cpuSeconds),
    auditRss: Math.max(...row.audit.map((a) => a.rssMb)),
    peerSeconds: row.peer.map((p) => p.seconds),
    peerRss: row.peer.length ? Math.max(...row.peer.map((p) => p.rssMb)) : undefined,
    ratios,
    verdict: [...row.verdicts].join('; '),
    peerVerdict: row.peer.length ? [...row.peerVerdicts].join('; ') : '—',
    msPerMb: (median(row.audit.map((a) => a.seconds)) * 1000) / (row.data.bytes / 1e6),
  };
});

const targets = [];
for (const r of rows.filter((x) => x.data.conversations >= 1_000_000)) {
  const label = r.data.conversations.toLocaleString('en');
  if (r.ratios.length) {
    const ratio = median(r.ratios);
    targets.push({ what: `audit / DuckDB at ${label}`, target: `≤ ${fmt(TARGET_RATIO, 1)}×`, measured: `${spread(r.ratios)}×`, met: ratio <= TARGET_RATIO });
  } else targets.push({ what: `audit / DuckDB at ${label}`, target: `≤ ${fmt(TARGET_RATIO, 1)}×`, measured: 'no peer', met: false });
  if (TARGET_RSS_MB[r.data.conversations])
    targets.push({
      what: `peak RSS at ${label}`,
      target: `≤ ${TARGET_RSS_MB[r.data.conversations]} MB`,
      measured: `${fmt(r.auditRss, 0)} MB`,
      met: r.auditRss <= TARGET_RSS_MB[r.data.conversations],
    });
}
if (rows.length >= 2) {
  const [before, last] = rows.slice(-2);
  const growth = last.msPerMb / before.msPerMb;
  targets.push({
    what: `time per MB, ${before.data.conversations.toLocaleString('en')} → ${last.data.conversations.toLocaleString('en')}`,
    target: `≤ ${fmt(TARGET_LINEAR)}×`,
    measured: `${fmt(growth)}× (${fmt(before.msPerMb, 1)} → ${fmt(last.msPerMb, 1)} ms/MB)`,
    met: growth <= TARGET_LINEAR,
  });
}
const allExact = rows.every((r) => r.verdict === 'exact') && perBrand.every((b) => b.verdict === 'exact');
targets.push({ what: 'audit figures vs truth file', target: 'exact', measured: allExact ? 'exact' : 'MISMATCH', met: allExact });
const pass = targets.every((t) => t.met);

const mb = (bytes) => fmt(bytes / 1e6, 0);
const rssSlope = rows.slice(1).map((r, i) => {
  const prev = rows[i];
  return `${prev.data.conversations.toLocaleString('en')} → ${r.data.conversations.toLocaleString('en')}: ${fmt((r.auditRss - prev.auditRss) / ((r.data.bytes - prev.data.bytes) / 1e8), 0)} MB per 100 MB of CSV`;
});
const timeSlope = rows.slice(1).map((r, i) => {
  const prev = rows[i];
  return `${prev.data.conversations.toLocaleString('en')} → ${r.data.conversations.toLocaleString('en')}: ${fmt(r.data.bytes / prev.data.bytes, 1)}× the bytes, ${fmt(median(r.auditSeconds) / median(prev.auditSeconds), 1)}× the time`;
});
const peerName =
  peerKind === 'node'
    ? `DuckDB (\`@duckdb/node-api\`, ${THREADS} threads)`
    : peerKind === 'python'
      ? `DuckDB (Python module, ${THREADS} threads)`
      : 'DuckDB (skipped)';
const lines = [
  '# Performance',
  '',
  'Written by `npm run bench` (bench/run.mjs). Corpus: `../shared/tools/gen-twcs.mjs --seed 1` (TWCS layout, five',
  `brands), audited for ${brand} with \`--as-of\` from its truth file, JSON out, in a fresh Node process each run. In each`,
  'of the runs every size gets, back to back: the read+decode floor (read the CSV in 64 KiB chunks and decode it to',
  'strings, nothing else), the full five-rule audit, and the DuckDB peer: one SQL query computing only the',
  'first-response median/p90 and the reply rate on the same CSV (`read_csv`, ids VARCHAR; bench/peer-sql.mjs).',
  "Wall times exclude process start-up and module loading for both; peak RSS is the process maximum. The audit's CPU",
  'time (user + system, all its threads) moves less than its wall time when other processes load the machine.',
  `Timings: median (min–max) of ${RUNS} runs; ratios are paired within a run. Both the audit's and the peer's figures are`,
  'checked against the truth file.',
  '',
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
  `Load average (1/5/15 min) before: ${loadBefore}; after: ${loadAfter} (other processes share the cores; wall times are noisy,`,
  `memory is not). Whole bench: ${fmt(totalMinutes, 1)} min.`,
  ...(peerKind ? [] : ['', `**${peerSkipReason}**`]),
  '',
  `Targets (issue 14): **${pass ? 'met' : 'NOT met'}**.`,
  '',
  '| target | wanted | measured | |',
  '|---|---|---|---|',
  ...targets.map((t) => `| ${t.what} | ${t.target} | ${t.measured} | ${t.met ? 'met' : 'NOT met'} |`),
  '',
  `| corpus | read+decode floor (s) | full audit (s) | audit CPU (s) | audit peak RSS (MB) | ${peerName} (s) | DuckDB peak RSS (MB) | audit / DuckDB | audit vs truth | DuckDB vs truth |`,
  '|---|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.data.conversations.toLocaleString('en')} conversations, ${mb(r.data.bytes)} MB, ${r.lines.toLocaleString('en')} lines | ${spread(r.floor)} | ${spread(r.auditSeconds)} | ${spread(r.auditCpu)} | ${fmt(r.auditRss, 0)} | ${spread(r.peerSeconds)} | ${fmt(r.peerRss, 0)} | ${r.ratios.length ? `${spread(r.ratios)}×` : '—'} | ${r.verdict} | ${r.peerVerdict} |`,
  ),
  '',
  `Every brand, ${brandCorpus.conversations.toLocaleString('en')} conversations, once each:`,
  '',
  '| brand | full audit (s) | audit peak RSS (MB) | DuckDB (s) | audit / DuckDB | audit vs truth | DuckDB vs truth |',
  '|---|---:|---:|---:|---:|---|---|',
  ...perBrand.map(
    (b) =>
      `| ${b.brand} | ${fmt(b.audit.seconds)} | ${fmt(b.audit.rssMb, 0)} | ${fmt(b.peer?.seconds)} | ${b.peer ? `${fmt(b.audit.seconds / b.peer.seconds)}×` : '—'} | ${b.verdict} | ${b.peerVerdict} |`,
  ),
  '',
  `Linearity of the audit (time): ${timeSlope.join('; ')}. Start-up (the language model, ≈0.5 s) weighs more on the small file.`,
  `Linearity of the audit (memory, peak RSS growth): ${rssSlope.join('; ')}.`,
  '',
  'Repeat with `npm run bench` (`-- --runs 5` for more runs, `-- --sizes 100000,1000000` to leave out 3M,',
  '`-- --peer none` without DuckDB). The generated files stay in `.bench/` (git-ignored). How these figures were',
  'reached, and what was tried and dropped, follows (docs/performance-notes.md).',
  '',
];
const history = existsSync(path.join(root, 'docs/performance-notes.md')) ? readFileSync(path.join(root, 'docs/performance-notes.md'), 'utf8') : '';
mkdirSync(path.join(root, 'docs'), { recursive: true });
writeFileSync(path.join(root, 'docs/performance.md'), lines.join('\n') + (history ? `\n${history}` : ''));
console.log(lines.join('\n'));
process.exitCode = pass ? 0 : 1;
