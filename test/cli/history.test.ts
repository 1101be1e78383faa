/**
 * `audit --history` and `history`, end to end through the built CLI: a real SQLite file, concurrent
 * writers in separate processes, a run killed midway, formats and locales, option checks before any input
 * is read, safe writes, and the cron recipe of docs/history.md run as written.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BIN, DEMO, DEMO_BRAND, ROOT, runCli } from './run-cli.js';
import { assertValidResult } from '../helpers/schema.js';

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'si-hist-'));
const noStack = (stderr: string): void => expect(stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
const BRAND = DEMO_BRAND[1]!;

function rows(file: string): { as_of: string; score: number | null; audit_key: string }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT as_of, score, audit_key FROM runs ORDER BY as_of_ms, id').all() as { as_of: string; score: number | null; audit_key: string }[];
  } finally {
    db.close();
  }
}

function integrity(file: string): string {
  const db = new Database(file);
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/** Runs the CLI without waiting; resolves with its exit code or signal. */
function start(
  args: string[],
  cwd = ROOT,
): { child: ReturnType<typeof spawn>; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

/** A generic CSV export of `n` answered conversations: big enough that an audit takes seconds. */
function bigExport(file: string, n: number): void {
  const lines = ['id,author,created_at,text,in_reply_to'];
  const t0 = Date.parse('2026-09-01T00:00:00Z');
  for (let i = 0; i < n; i++) {
    const t = t0 + i * 40_000;
    lines.push(`c${i},cliente${i % 5000},${new Date(t).toISOString()},¿Dónde está mi pedido ${i}? Llevo días esperando,`);
    lines.push(`b${i},MarcaGrande,${new Date(t + 1_800_000).toISOString()},Hola! Lo revisamos ahora mismo y te escribimos hoy,c${i}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

describe('audit --history', () => {
  it('records each run once: the same audit again replaces its row, another as-of adds one', () => {
    const file = path.join(tmp(), 'history.sqlite');
    const args = ['audit', DEMO, ...DEMO_BRAND, '--history', file, '--as-of', '2026-11-12T09:00:00Z', '--format', 'json'];
    const first = runCli(args);
    expect(first.status).toBe(0);
    expect(first.stderr).toContain(`recorded the run in ${file}`);
    expect(JSON.parse(first.stdout).history).toMatchObject({
      earlierRuns: 0,
      previous: null,
      change: null,
      inputsHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const again = runCli(args);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('replaced the earlier record of this same audit');
    // Re-running the same audit does not compare it with itself.
    expect(JSON.parse(again.stdout).history.previous).toBeNull();
    expect(again.stdout).toBe(first.stdout);
    expect(rows(file)).toHaveLength(1);
    // The same inputs in another order and another spelling of the brand are still the same audit.
    const files = ['verdemar-x.twcs.csv', 'verdemar-inbox.csv'].map((f) => path.join(DEMO, f));
    expect(
      runCli(['audit', ...files, '--brand', 'verdemar,@VERDEMARAYUDA,VerdemarHelp', '--history', file, '--as-of', '2026-11-12T09:00:00Z', '-q']).status,
    ).toBe(0);
    expect(rows(file)).toHaveLength(1);
    expect(runCli(['audit', DEMO, ...DEMO_BRAND, '--history', file, '-q']).status).toBe(0);
    expect(rows(file).map((r) => r.as_of)).toEqual(['2026-11-12T09:00:00Z', '2026-11-19T18:10:00Z']);
    expect(integrity(file)).toBe('ok');
  });

  it('shows the change since the previous run of the brand in the text report and the JSON result', () => {
    const file = path.join(tmp(), 'history.sqlite');
    expect(runCli(['audit', DEMO, ...DEMO_BRAND, '--history', file, '--as-of', '2026-11-05T09:00:00Z', '--since', '30d', '-q']).status).toBe(0);
    const json = runCli(['audit', DEMO, ...DEMO_BRAND, '--history', file, '--since', '30d', '--format', 'json']);
    expect(json.status).toBe(0);
    const result = JSON.parse(json.stdout);
    assertValidResult(result);
    expect(result.history.earlierRuns).toBe(1);
    expect(result.history.previous.period.asOf).toBe('2026-11-05T09:00:00Z');
    const change = result.history.change;
    expect(change.score).toBeCloseTo(result.score - result.history.previous.score, 1);
    expect(change.figures.replyRate).toBeCloseTo(result.metrics.replyRate - result.history.previous.figures.replyRate, 4);
    expect(change.figures.conversations).toBe(result.metrics.conversations - result.history.previous.figures.conversations);
    for (const [locale, heading, rate] of [
      ['en', 'Since the previous run', /Reply rate +[\d.]+% → [\d.]+% {2}(?:[▲▼] [\d.]+ pts (?:better|worse)|= unchanged)/],
      ['es', 'Desde la auditoría anterior', /Tasa de respuesta +[\d,]+\u00a0% → [\d,]+\u00a0% {2}(?:[▲▼] [\d,]+ pp (?:mejor|peor)|= igual)/],
    ] as const) {
      const text = runCli(['audit', DEMO, ...DEMO_BRAND, '--history', file, '--since', '30d', '--locale', locale]);
      expect(text.status).toBe(0);
      expect(text.stdout).toContain(heading);
      expect(text.stdout).toMatch(rate);
      expect(text.stdout.split('\n').filter((line) => [...line].length > 80)).toEqual([]);
      // Markdown and HTML carry the same rows, from the same computation.
      const md = runCli(['audit', DEMO, ...DEMO_BRAND, '--history', file, '--since', '30d', '--locale', locale, '--format', 'md']).stdout;
      expect(md).toContain(`## ${heading}`);
      const mdRate = md
        .slice(md.indexOf(`## ${heading}`))
        .split('\n')
        .find((line) => line.startsWith(locale === 'en' ? '| Reply rate |' : '| Tasa de respuesta |'));
      expect(mdRate, md).toMatch(/\| (?:[▲▼] [\d.,]+ (?:pts|pp) (?:better|worse|mejor|peor)|= (?:unchanged|igual)) \|$/);
      const html = runCli(['audit', DEMO, ...DEMO_BRAND, '--history', file, '--since', '30d', '--locale', locale, '--format', 'html']).stdout;
      expect(html).toContain(`<section id="history">`);
      expect(html).toContain(`<h2>${heading}</h2>`);
      expect(html).toMatch(/<tr class="(?:better|worse|unchanged)"><th scope="row">(?:Reply rate|Tasa de respuesta)<\/th>/);
    }
    // The re-runs of the second audit replaced one row.
    expect(rows(file)).toHaveLength(2);
  });

  it('two audits writing to the same new history at once are both recorded, and the file is intact', async () => {
    for (let round = 0; round < 2; round++) {
      const file = path.join(tmp(), 'history.sqlite');
      if (round === 1) expect(runCli(['audit', DEMO, ...DEMO_BRAND, '--history', file, '--as-of', '2026-10-20T00:00:00Z', '-q']).status).toBe(0);
      const a = start(['audit', DEMO, ...DEMO_BRAND, '--history', file, '--as-of', '2026-11-10T00:00:00Z', '-q']);
      const b = start(['audit', DEMO, '--brand', 'Verdemar', '--history', file, '--as-of', '2026-11-11T00:00:00Z', '-q']);
      const [ra, rb] = await Promise.all([a.done, b.done]);
      expect(ra, ra.stderr).toMatchObject({ code: 0 });
      expect(rb, rb.stderr).toMatchObject({ code: 0 });
      expect(rows(file)).toHaveLength(round === 0 ? 2 : 3);
      expect(integrity(file)).toBe('ok');
    }
  });

  it('two processes recording 150 runs each, interleaved, lose none', async () => {
    const dir = tmp();
    const file = path.join(dir, 'history.sqlite');
    // The store as the CLI uses it (dist/), driven directly so that each process writes many runs.
    const script = path.join(dir, 'writer.mjs');
    writeFileSync(
      script,
      `import Database from ${JSON.stringify(path.join(ROOT, 'node_modules/better-sqlite3/lib/index.js'))};
import { HistoryStore } from ${JSON.stringify(path.join(ROOT, 'dist/history/store.js'))};
const [file, brand, count] = process.argv.slice(2);
const categories = Object.fromEntries(['transparency', 'speed', 'no-ignoring', 'professionalism', 'no-politics'].map((id) => [id, { score: 50, cases: 5, weight: 1 }]));
const figures = { conversations: 1, needingReply: 1, answered: 1, ignored: 0, pending: 0, replyRate: 1, firstResponseMedian: 1, firstResponseP90: 1, firstResponseWithinTarget: 1, followUpMedian: null };
for (let i = 0; i < Number(count); i++) {
  // A new connection per run, as separate cron jobs would open it.
  const store = HistoryStore.open(new Database(file, { timeout: 20000 }), file);
  const asOf = new Date(Date.UTC(2026, 0, 1) + i * 3600000).toISOString();
  store.record({ brand: { handles: [brand] }, period: { from: null, to: asOf, asOf }, inputsHash: '0'.repeat(64), toolVersion: 'test',
    settings: { timezone: 'UTC', slaMinutes: 60 }, score: i % 100, categories, rules: [{ id: 'reply-rate', category: 'no-ignoring', score: 50, cases: 5, weight: 2, findingCount: 0, reason: null }],
    figures, findings: 0, warnings: 0 });
  store.close();
}
`,
    );
    const run = (brand: string) =>
      new Promise<number | null>((resolve) => spawn(process.execPath, [script, file, brand, '150'], { stdio: 'inherit' }).on('close', (code) => resolve(code)));
    expect(await Promise.all([run('BrandA'), run('BrandB')])).toEqual([0, 0]);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT brand_key, count(*) AS n FROM runs GROUP BY brand_key ORDER BY brand_key').all()).toEqual([
      { brand_key: 'branda', n: 150 },
      { brand_key: 'brandb', n: 150 },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM rule_scores').get()).toEqual({ n: 300 });
    expect(db.prepare('SELECT count(*) AS n FROM category_scores').get()).toEqual({ n: 1500 });
    db.close();
    expect(integrity(file)).toBe('ok');
  });

  it('a run killed midway leaves the previous report whole at the output path and the history intact', async () => {
    const dir = tmp();
    const input = path.join(dir, 'big.csv');
    bigExport(input, 150_000);
    const file = path.join(dir, 'history.sqlite');
    const report = path.join(dir, 'report.txt');
    const args = (asOf: string) => ['audit', input, '--brand', 'MarcaGrande', '--history', file, '--output', report, '--as-of', asOf, '-q'];
    const before = start(args('2026-11-01T00:00:00Z'));
    expect((await before.done).code).toBe(0);
    const complete = readFileSync(report, 'utf8');
    expect(complete).toMatch(/Second-impression score: \d+ \/ 100/);
    let killed = 0;
    for (const delay of [400, 1500, 3500]) {
      const run = start(args('2026-11-08T00:00:00Z'));
      await new Promise((resolve) => setTimeout(resolve, delay));
      run.child.kill('SIGKILL');
      const outcome = await run.done;
      if (outcome.signal === 'SIGKILL') killed++;
      // The path holds the old report or, if the run got there first, a whole new one: never a part.
      const now = readFileSync(report, 'utf8');
      expect(now === complete || /Inputs\n[\s\S]+\n$/.test(now)).toBe(true);
      expect(integrity(file)).toBe('ok');
      expect(rows(file).length).toBeGreaterThanOrEqual(1);
      expect(rows(file).length).toBeLessThanOrEqual(2);
    }
    expect(killed).toBeGreaterThan(0);
    // Only our own temporary names can be left behind by a kill, never a partial report under the real name.
    for (const name of readdirSync(dir)) expect(name).toMatch(/^(big\.csv|report\.txt|history\.sqlite(-wal|-shm)?|\.report\.txt\.[0-9a-f]{12}\.(tmp|probe))$/);
    // The next run goes through on the history the killed runs left.
    const after = start(args('2026-11-08T00:00:00Z'));
    expect((await after.done).code).toBe(0);
    expect(rows(file).map((r) => r.as_of)).toEqual(['2026-11-01T00:00:00Z', '2026-11-08T00:00:00Z']);
    expect(integrity(file)).toBe('ok');
  }, 120_000);

  it('refuses a file that is not a history, naming it, without a stack trace', () => {
    const dir = tmp();
    const notes = path.join(dir, 'notes.sqlite');
    const db = new Database(notes);
    db.exec('CREATE TABLE notes (text TEXT)');
    db.close();
    const foreign = runCli(['audit', DEMO, ...DEMO_BRAND, '--history', notes]);
    expect(foreign.status).toBe(2);
    expect(foreign.stderr).toContain(`${notes} is not a second-impression history`);
    noStack(foreign.stderr);
    const text = path.join(dir, 'text.sqlite');
    writeFileSync(text, 'hello\n'.repeat(200));
    const garbage = runCli(['audit', DEMO, ...DEMO_BRAND, '--history', text]);
    expect(garbage.status).toBe(2);
    expect(garbage.stderr).toContain('is not an SQLite database');
    noStack(garbage.stderr);
    const missingFolder = runCli(['audit', DEMO, ...DEMO_BRAND, '--history', path.join(dir, 'nowhere', 'h.sqlite')]);
    expect(missingFolder.status).toBe(2);
    expect(missingFolder.stderr).toMatch(/the folder .*nowhere does not exist/);
  });

  it('takes the history file from the config, relative to the config file', () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'conf'));
    writeFileSync(path.join(dir, 'conf', 'si.json'), JSON.stringify({ brand: BRAND.split(','), history: 'runs.sqlite' }));
    const result = runCli(['audit', DEMO, '--config', path.join(dir, 'conf', 'si.json'), '-q']);
    expect(result.status).toBe(0);
    expect(rows(path.join(dir, 'conf', 'runs.sqlite'))).toHaveLength(1);
    writeFileSync(path.join(dir, 'conf', 'bad.json'), JSON.stringify({ history: 42 }));
    expect(runCli(['audit', DEMO, '--config', path.join(dir, 'conf', 'bad.json'), ...DEMO_BRAND]).stderr).toContain(
      '"history" must be the path of a history file',
    );
  });
});

describe('options are checked before any input is read', () => {
  it('a bad period, span, as-of or output folder fails at once, even when the input does not exist', () => {
    const dir = tmp();
    const missing = path.join(dir, 'no-such-export.csv');
    for (const [args, message] of [
      [['--period', 'last-fortnight'], '--period "last-fortnight" is not a period'],
      [['--period', 'last-week', '--since', '7d'], '--period sets the whole period'],
      [['--since', '3 lunas'], '--since "3 lunas" is not an ISO 8601 date'],
      [['--as-of', 'tomorrow'], '--as-of "tomorrow"'],
      [['--sla', 'soon'], '--sla "soon" is not a duration'],
      [['--business-hours', 'always'], 'business hours "always"'],
      [['--output', path.join(dir, 'missing', 'report.txt')], `the folder ${path.join(dir, 'missing')} does not exist`],
      [['--history', path.join(dir, 'missing', 'h.sqlite')], `the folder ${path.join(dir, 'missing')} does not exist`],
    ] as const) {
      const result = runCli(['audit', missing, ...DEMO_BRAND, ...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain(message);
      expect(result.stderr).not.toContain('no-such-export');
      noStack(result.stderr);
    }
  });

  it('--period last-week, last-month and YYYY-MM audit that period in the brand time zone', () => {
    const common = ['audit', DEMO, ...DEMO_BRAND, '--format', 'json', '--timezone', 'Europe/Madrid'];
    const week = JSON.parse(runCli([...common, '--period', 'last-week']).stdout);
    // As of Thursday 19 November 2026: last week is Monday 9 to Sunday 15 November, Madrid time.
    expect(week.period).toMatchObject({ from: '2026-11-08T23:00:00Z', to: '2026-11-15T22:59:59.999Z', asOf: '2026-11-19T18:10:00Z' });
    const month = JSON.parse(runCli([...common, '--period', 'last-month']).stdout);
    expect(month.period).toMatchObject({ from: '2026-09-30T22:00:00Z', to: '2026-10-31T22:59:59.999Z' });
    const named = JSON.parse(runCli([...common, '--period', '2026-10']).stdout);
    expect(named.period).toEqual(month.period);
    expect(named.metrics.conversations).toBe(month.metrics.conversations);
    const relative = JSON.parse(runCli([...common, '--since', '1m']).stdout);
    // A calendar month on Madrid's wall clock: 19:10 on 19 November (UTC+1) → 19:10 on 19 October (UTC+2).
    expect(relative.period.from).toBe('2026-10-19T17:10:00Z');
  });
});

describe('safe writes', () => {
  it('a missing or read-only output folder is one clear line and exit 2, and nothing is written', () => {
    const dir = tmp();
    const missing = runCli(['audit', DEMO, ...DEMO_BRAND, '--output', path.join(dir, 'gone', 'report.txt')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`cannot write ${path.join(dir, 'gone', 'report.txt')}: the folder ${path.join(dir, 'gone')} does not exist`);
    expect(missing.stderr).toContain('hint: create it first');
    noStack(missing.stderr);
    const locked = path.join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    chmodSync(dir, 0o755);
    // As root, permissions do not stop a write: run the CLI as an unprivileged user then.
    const asRoot = process.getuid?.() === 0;
    for (const command of [
      ['audit', DEMO, ...DEMO_BRAND, '--output', path.join(locked, 'report.txt')],
      ['audit', DEMO, ...DEMO_BRAND, '--format', 'csv', '--table', 'all', '--output', `${locked}/`],
    ]) {
      const result = spawnSync(process.execPath, [BIN, ...command], {
        cwd: os.tmpdir(),
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', HOME: os.tmpdir() },
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      });
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr).toMatch(/cannot write .*locked.*: permission denied in .*locked/);
      noStack(result.stderr);
      expect(readdirSync(locked)).toEqual([]);
    }
  });

  it('every writer goes through a temporary file in the same folder: ingest, csv tables, init, history', () => {
    const dir = tmp();
    expect(runCli(['ingest', DEMO, ...DEMO_BRAND, '--output', path.join(dir, 'posts.jsonl')]).status).toBe(0);
    expect(runCli(['audit', DEMO, ...DEMO_BRAND, '--format', 'csv', '--output', `${dir}/tables/`]).status).toBe(0);
    expect(runCli(['init', '--output', path.join(dir, 'si.json')]).status).toBe(0);
    expect(runCli(['audit', DEMO, ...DEMO_BRAND, '--history', path.join(dir, 'h.sqlite'), '-q']).status).toBe(0);
    expect(runCli(['history', '--history', path.join(dir, 'h.sqlite'), ...DEMO_BRAND, '--format', 'csv', '--output', path.join(dir, 'trend.csv')]).status).toBe(
      0,
    );
    const names = readdirSync(dir).sort();
    expect(names).toEqual(['h.sqlite', 'posts.jsonl', 'si.json', 'tables', 'trend.csv']);
    expect(readdirSync(path.join(dir, 'tables')).every((name) => !name.startsWith('.'))).toBe(true);
  });
});

describe('history command', () => {
  const file = path.join(tmp(), 'history.sqlite');
  const asOfs = ['2026-10-20T08:00:00Z', '2026-10-27T08:00:00Z', '2026-11-03T08:00:00Z', '2026-11-10T08:00:00Z', '2026-11-17T08:00:00Z'];
  let recorded = false;
  const record = (): void => {
    if (recorded) return;
    for (const asOf of asOfs) expect(runCli(['audit', DEMO, ...DEMO_BRAND, '--history', file, '--as-of', asOf, '--since', '30d', '-q']).status).toBe(0);
    expect(runCli(['audit', DEMO, '--brand', 'Verdemar', '--history', file, '-q']).status).toBe(0);
    recorded = true;
  };

  it("json: the brand's runs, oldest first, with scores, their n and the key figures", () => {
    record();
    const result = runCli(['history', '--history', file, '--brand', 'verdemarhelp,@VerdemarAyuda,verdemar', '--format', 'json']);
    expect(result.status).toBe(0);
    const runs = JSON.parse(result.stdout);
    expect(runs.map((r: { period: { asOf: string } }) => r.period.asOf)).toEqual(asOfs);
    expect(Object.keys(runs[0])).toEqual([
      'brand',
      'period',
      'inputsHash',
      'toolVersion',
      'settings',
      'score',
      'categories',
      'rules',
      'figures',
      'findings',
      'warnings',
    ]);
    expect(runs[0].categories.speed).toEqual({ score: expect.any(Number), cases: expect.any(Number), weight: 1 });
    expect(runs[0].rules.find((r: { id: string }) => r.id === 'reply-rate')).toMatchObject({ category: 'no-ignoring', cases: expect.any(Number) });
    // The figures are the audit's own.
    const audit = JSON.parse(runCli(['audit', DEMO, ...DEMO_BRAND, '--as-of', asOfs[4]!, '--since', '30d', '--format', 'json']).stdout);
    expect(runs[4].score).toBe(audit.score);
    expect(runs[4].figures.replyRate).toBe(audit.metrics.replyRate);
    expect(runs[4].figures.firstResponseMedian).toBe(audit.metrics.firstResponseMinutes.median);
    const since = JSON.parse(runCli(['history', '--history', file, ...DEMO_BRAND, '--format', 'json', '--since', '8d']).stdout);
    expect(since.map((r: { period: { asOf: string } }) => r.period.asOf)).toEqual(asOfs.slice(3));
    const until = JSON.parse(runCli(['history', '--history', file, ...DEMO_BRAND, '--format', 'json', '--as-of', '2026-11-01', '--since', '7d']).stdout);
    expect(until.map((r: { period: { asOf: string } }) => r.period.asOf)).toEqual([asOfs[1]]);
  });

  it('text: a sparkline per score and figure, then the runs, in English and Spanish, within 80 columns', () => {
    record();
    for (const [locale, words] of [
      ['en', ['Second impression over time', '5 runs', 'Trend, oldest to latest', 'Reply rate', 'Runs']],
      ['es', ['Segunda impresión a lo largo del tiempo', '5 auditorías', 'Evolución', 'Tasa de respuesta', 'Auditorías']],
    ] as const) {
      const result = runCli(['history', '--history', file, ...DEMO_BRAND, '--locale', locale]);
      expect(result.status).toBe(0);
      for (const word of words) expect(result.stdout).toContain(word);
      expect(result.stdout).toMatch(/[▁▂▃▄▅▆▇█]{5}/);
      expect(result.stdout.split('\n').filter((line) => [...line].length > 80)).toEqual([]);
      for (const asOf of asOfs) expect(result.stdout).toContain(asOf.slice(0, 10));
    }
  });

  it('csv and md in both locales: one row per run, the Spanish Excel dialect in Spanish', () => {
    record();
    const en = runCli(['history', '--history', file, ...DEMO_BRAND, '--format', 'csv']).stdout;
    const lines = en.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^Brand handles,As of \(UTC\),From \(UTC\),To \(UTC\),Score,/);
    expect(lines[5]).toContain('2026-11-17T08:00:00Z');
    const es = runCli(['history', '--history', file, ...DEMO_BRAND, '--format', 'csv', '--locale', 'es']).stdout;
    expect(es.startsWith('\ufeffCuentas de la marca;A fecha de (UTC);')).toBe(true);
    expect(es.split('\r\n')).toHaveLength(7);
    expect(es).toMatch(/;0,\d+;/);
    for (const locale of ['en', 'es']) {
      const md = runCli(['history', '--history', file, ...DEMO_BRAND, '--format', 'md', '--locale', locale]).stdout;
      expect(md).toMatch(/^# /);
      expect(md.split('\n').filter((line) => line.startsWith('| 2026-'))).toHaveLength(5);
    }
  });

  it('names the brands it holds when the brand has no run, and a missing file', () => {
    record();
    const none = runCli(['history', '--history', file, '--brand', 'VerdemarAyuda']);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('no run of @VerdemarAyuda');
    expect(none.stderr).toContain('Verdemar (1)');
    expect(none.stderr).toContain('VerdemarAyuda,VerdemarHelp,Verdemar (5)');
    const missing = runCli(['history', '--history', path.join(tmp(), 'none.sqlite'), ...DEMO_BRAND]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no history at');
    expect(runCli(['history', ...DEMO_BRAND]).stderr).toContain('no history file given');
    noStack(none.stderr + missing.stderr);
  });
});

describe('the cron recipe of docs/history.md', () => {
  it('runs as written, week after week: reports, one history row per week, the trend', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/history.md'), 'utf8');
    const script = /<!-- recipe:script -->\s*```sh\n([\s\S]+?)```/.exec(doc)?.[1];
    const config = /<!-- recipe:config -->\s*```json\n([\s\S]+?)```/.exec(doc)?.[1];
    expect(script, 'docs/history.md has the script').toBeDefined();
    expect(config, 'docs/history.md has the config').toBeDefined();
    const dir = tmp();
    cpSync(DEMO, path.join(dir, 'exports'), { recursive: true });
    writeFileSync(path.join(dir, 'weekly-audit.sh'), script!);
    writeFileSync(path.join(dir, 'second-impression.config.json'), config!);
    const mondays = ['2026-10-19T05:00:00Z', '2026-10-26T06:00:00Z', '2026-11-02T06:00:00Z', '2026-11-09T06:00:00Z', '2026-11-16T06:00:00Z'];
    for (const asOf of mondays) {
      const result = spawnSync('sh', [path.join(dir, 'weekly-audit.sh')], {
        cwd: os.tmpdir(),
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', AS_OF: asOf, SECOND_IMPRESSION: `${process.execPath} ${BIN}` },
      });
      expect(result.status, result.stderr).toBe(0);
    }
    const reports = readdirSync(path.join(dir, 'reports')).sort();
    expect(reports).toEqual(['2026-W42.md', '2026-W43.md', '2026-W44.md', '2026-W45.md', '2026-W46.md', 'trend.txt']);
    const last = readFileSync(path.join(dir, 'reports', '2026-W46.md'), 'utf8');
    expect(last).toContain('2026-11-09');
    expect(rows(path.join(dir, 'history.sqlite'))).toHaveLength(5);
    const trend = readFileSync(path.join(dir, 'reports', 'trend.txt'), 'utf8');
    expect(trend).toContain('5 auditorías');
    expect(existsSync(path.join(dir, 'cron.log'))).toBe(true);
  });
});
