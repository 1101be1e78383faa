import { mkdtempSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO, DEMO_BRAND, runCli } from './run-cli.js';

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'si-cli-'));
const noStack = (stderr: string): void => expect(stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);

describe('audit on the demo data', () => {
  it('prints a text report with the score, every category and quoted findings', () => {
    const { status, stdout, stderr } = runCli(['audit', DEMO, ...DEMO_BRAND]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/Second-impression score: \d+ \/ 100/);
    for (const title of ['Transparency', 'Speed', 'No ignoring', 'Professionalism', 'No politics or religion']) expect(stdout).toContain(title);
    expect(stdout).toMatch(/First reply after .+ \(target 1 h\)/);
    expect(stdout).toContain('◂ @'); // a quoted customer message
    expect(stdout).not.toMatch(/\u001b\[/); // NO_COLOR and not a TTY: plain text
    noStack(stderr);
  });

  it('keeps every line of the text report within 80 columns, in both languages', () => {
    for (const locale of ['en', 'es']) {
      const { stdout } = runCli(['audit', DEMO, ...DEMO_BRAND, '--locale', locale]);
      const long = stdout.split('\n').filter((line) => [...line].length > 80);
      expect(long).toEqual([]);
    }
  });

  it('writes the spec §6 JSON result, byte-identical across runs', () => {
    const first = runCli(['audit', DEMO, ...DEMO_BRAND, '--format', 'json']);
    const second = runCli(['audit', DEMO, ...DEMO_BRAND, '--format', 'json']);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    const result = JSON.parse(first.stdout);
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['schemaVersion', 'tool', 'brand', 'period', 'inputs', 'score', 'categories', 'metrics', 'findings', 'warnings']),
    );
    expect(result.schemaVersion).toBe(1);
    expect(result.tool.name).toBe('second-impression');
    expect(result.brand.handles).toEqual(['VerdemarAyuda', 'VerdemarHelp', 'Verdemar']);
    expect(result.period.asOf).toBe('2026-11-19T18:10:00Z');
    expect(result.inputs.map((i: { format: string }) => i.format).sort()).toEqual(['generic-csv', 'twcs']);
    expect(Object.keys(result.categories)).toEqual(['transparency', 'speed', 'no-ignoring', 'professionalism', 'no-politics']);
    for (const id of Object.keys(result.categories)) expect(typeof result.categories[id].score, id).toBe('number');
    expect(result.metrics).toMatchObject({
      conversations: expect.any(Number),
      needingReply: expect.any(Number),
      answered: expect.any(Number),
      pending: expect.any(Number),
    });
    expect(Object.keys(result.metrics.firstResponseMinutes)).toEqual(expect.arrayContaining(['count', 'median', 'p90', 'mean', 'withinTarget', 'within24h']));
    // Every finding quotes its evidence.
    expect(result.findings.length).toBeGreaterThan(0);
    for (const finding of result.findings) {
      expect(finding.evidence.length).toBeGreaterThan(0);
      for (const evidence of finding.evidence) expect(typeof evidence.text).toBe('string');
    }
  });

  it('gives the same bytes whatever order the input files are named in', () => {
    const files = ['verdemar-inbox.csv', 'verdemar-x.twcs.csv'].map((f) => `${DEMO}/${f}`);
    const one = runCli(['audit', ...files, ...DEMO_BRAND, '--format', 'json']);
    const other = runCli(['audit', ...[...files].reverse(), ...DEMO_BRAND, '--format', 'json']);
    expect(one.status).toBe(0);
    expect(other.stdout).toBe(one.stdout);
  });

  it('matches the demo README: the pending and the never-answered conversations', () => {
    const result = JSON.parse(runCli(['audit', DEMO, ...DEMO_BRAND, '--format', 'json']).stdout);
    const threadsOf = (messageId: string): string[] =>
      result.findings
        .filter((f: { messageId: string; ruleId: string }) => f.ruleId === 'reply-rate' && f.messageId === messageId)
        .map((f: { threadId: string }) => f.threadId)
        .sort();
    expect(threadsOf('pending')).toEqual(['121', 'fb_1033', 'ig_2017']);
    expect(threadsOf('ignored')).toEqual(expect.arrayContaining(['g_3001', 'g_3002', 'fb_1020', '109', '177', '339']));
    expect(result.metrics.automatedReplies).toBe(3);
  });

  it('exits 1 under --fail-under and 0 at or above it', () => {
    const json = JSON.parse(runCli(['audit', DEMO, ...DEMO_BRAND, '--format', 'json']).stdout);
    const below = runCli(['audit', DEMO, ...DEMO_BRAND, '--fail-under', String(Math.ceil(json.score) + 1), '--quiet']);
    expect(below.status).toBe(1);
    // --quiet: the text report is one line, for a cron log.
    expect(below.stdout.trim().split('\n')).toHaveLength(1);
    expect(below.stdout).toContain(`Second-impression score ${json.score.toLocaleString('en-US')}/100 · Transparency `);
    expect(below.stdout).toContain(`${json.metrics.conversations} conversations`);
    const es = runCli(['audit', DEMO, ...DEMO_BRAND, '--quiet', '--locale', 'es']);
    expect(es.stdout).toMatch(/^@VerdemarAyuda @VerdemarHelp @Verdemar · Puntuación de segunda impresión \d+(,\d)?\/100 · Transparencia /);
    const above = runCli(['audit', DEMO, ...DEMO_BRAND, '--fail-under', String(Math.floor(json.score))]);
    expect(above.status).toBe(0);
  });

  it('writes to --output atomically and keeps stdout empty', () => {
    const dir = tmp();
    const out = path.join(dir, 'report.json');
    const { status, stdout } = runCli(['audit', DEMO, ...DEMO_BRAND, '--format', 'json', '--output', out]);
    expect(status).toBe(0);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(1);
  });

  it('narrows the period with --since relative to --as-of', () => {
    const all = JSON.parse(runCli(['audit', DEMO, ...DEMO_BRAND, '--format', 'json']).stdout);
    const week = JSON.parse(runCli(['audit', DEMO, ...DEMO_BRAND, '--format', 'json', '--since', '7d']).stdout);
    expect(week.metrics.conversations).toBeGreaterThan(0);
    expect(week.metrics.conversations).toBeLessThan(all.metrics.conversations);
    expect(week.period.from).toBe('2026-11-12T18:10:00Z');
  });

  it('reads a CSV from standard input with "-"', () => {
    const csv = readFileSync(path.join(DEMO, 'verdemar-inbox.csv'), 'utf8');
    const piped = JSON.parse(runCli(['audit', '-', ...DEMO_BRAND, '--format', 'json'], { input: csv }).stdout);
    const file = JSON.parse(runCli(['audit', path.join(DEMO, 'verdemar-inbox.csv'), ...DEMO_BRAND, '--format', 'json']).stdout);
    expect(piped.metrics).toEqual(file.metrics);
    expect(piped.score).toBe(file.score);
  });

  it('uses a config file and reports its path', () => {
    const dir = tmp();
    const config = path.join(dir, 'audit.json');
    writeFileSync(config, JSON.stringify({ slaMinutes: 120, categories: { 'no-ignoring': 0, transparency: 0, professionalism: 0, 'no-politics': 0 } }));
    const result = JSON.parse(runCli(['audit', DEMO, ...DEMO_BRAND, '--format', 'json', '--config', config]).stdout);
    expect(result.settings.slaMinutes).toBe(120);
    expect(result.settings.notes).toContain(`config: ${config}`);
    expect(result.score).toBe(result.categories.speed.score);
  });
});

describe('errors a user can make', () => {
  it('requires a brand', () => {
    const { status, stderr } = runCli(['audit', DEMO]);
    expect(status).toBe(2);
    expect(stderr).toContain('no brand given');
    noStack(stderr);
  });

  it('says which handles it saw when the brand is not in the data', () => {
    const { status, stderr } = runCli(['audit', path.join(DEMO, 'verdemar-x.twcs.csv'), '--brand', 'VerdemarAyda']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/no post by @VerdemarAyda in the inputs/);
    expect(stderr).toMatch(/VerdemarAyuda \(\d+\)/);
    expect(stderr).toMatch(/did you mean --brand VerdemarAyuda/);
    noStack(stderr);
  });

  it('a brand with no post in the inputs is exit 2, however often it is mentioned, with the marked company as a hint', () => {
    const { status, stderr, stdout } = runCli(['audit', DEMO, '--brand', 'Nobody']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/no post by @Nobody in the inputs; they mark Verdemar \(\d+\)/);
    expect(stderr).toContain('hint: did you mean --brand Verdemar?');
    const mentioned = runCli(['audit', path.join(DEMO, 'verdemar-x.twcs.csv'), '--brand', 'VerdemarHelp,Marca', '--format', 'json']);
    expect(mentioned.status).toBe(0);
  });

  it('names a missing input', () => {
    const { status, stderr } = runCli(['audit', 'nowhere/export.csv', '--brand', 'x']);
    expect(status).toBe(2);
    expect(stderr).toContain('cannot read input nowhere/export.csv: no such file or folder');
    noStack(stderr);
  });

  it('rejects a named file in an unknown format', () => {
    const dir = tmp();
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'Just some prose about the brand.\nNothing tabular here.\n');
    const { status, stderr } = runCli(['audit', file, '--brand', 'x']);
    expect(status).toBe(2);
    expect(stderr).toContain('unknown format');
    noStack(stderr);
  });

  it('lists what it found when required columns are missing', () => {
    const dir = tmp();
    const file = path.join(dir, 'export.csv');
    writeFileSync(file, 'Fecha,Usuario,Comentario\n2026-10-01T10:00:00Z,ana,Hola\n');
    const { status, stderr } = runCli(['audit', file, '--brand', 'x']);
    expect(status).toBe(2);
    expect(stderr).toContain(file);
    expect(stderr).toMatch(/missing required column id/);
    expect(stderr).toMatch(/Found: Fecha, Usuario, Comentario/);
    noStack(stderr);
  });

  it('recognises a binary file (an .xlsx saved as .csv) instead of dumping its bytes', () => {
    const dir = tmp();
    const file = path.join(dir, 'export.csv');
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    writeFileSync(file, Buffer.concat([Buffer.from('PK\u0003\u0004'), bytes]));
    const { status, stderr } = runCli(['audit', file, '--brand', 'x']);
    expect(status).toBe(2);
    expect(stderr).toContain('not a text file');
    expect(stderr.length).toBeLessThan(300);
  });

  it('rejects an empty file', () => {
    const dir = tmp();
    const file = path.join(dir, 'empty.csv');
    writeFileSync(file, '');
    const { status, stderr } = runCli(['audit', file, '--brand', 'x']);
    expect(status).toBe(2);
    expect(stderr).toContain('the file is empty');
  });

  it('skips a stray file inside a folder with a warning and audits the rest', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a-metrics.csv'), 'day;reach\n2026-10-01;120\n');
    writeFileSync(path.join(dir, 'c-reviews.csv'), 'Fecha;Usuario;Comentario\n2026-10-01;ana;Genial\n');
    writeFileSync(path.join(dir, 'b-inbox.csv'), readFileSync(path.join(DEMO, 'verdemar-inbox.csv')));
    const { status, stdout, stderr } = runCli(['audit', dir, ...DEMO_BRAND, '--format', 'json']);
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.warningCounts['unknown-format']).toBe(1);
    expect(result.warningCounts['unusable-file']).toBe(1); // a CSV without an id column
    // The warning keeps the hint that would make the file readable.
    const unusable = result.warnings.find((w: { code: string }) => w.code === 'unusable-file');
    expect(unusable.message).toMatch(/file skipped \(hint: .*--map/);
    expect(stderr).toMatch(/1 unknown-format/);
  });

  it('keeps good rows next to bad ones and counts what it skipped', () => {
    const dir = tmp();
    const file = path.join(dir, 'inbox.csv');
    writeFileSync(
      file,
      [
        'id,author,created_at,text,in_reply_to',
        'c1,ana,2026-10-01T10:00:00Z,"¿Cuándo llega mi pedido?",',
        'c2,luis,ayer por la tarde,No funciona la app,',
        'c3,marta,2026-10-01T11:00:00Z,Sigo sin luz,,extra',
        'b1,Marca,2026-10-01T10:30:00Z,"Hola Ana, sale hoy.",c1',
      ].join('\n'),
    );
    const { status, stdout } = runCli(['audit', file, '--brand', 'Marca', '--format', 'json']);
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.inputs[0].posts).toBe(2);
    expect(result.warningCounts).toEqual({ 'bad-date': 1, 'ragged-row': 1 });
    expect(result.warnings.map((w: { line: number }) => w.line)).toEqual([3, 4]);
    expect(result.metrics.answered).toBe(1);
  });

  it('rejects bad option values with exit 2', () => {
    for (const args of [
      ['--sla', 'soon'],
      ['--timezone', 'Mars/Olympus'],
      ['--fail-under', '120'],
      ['--format', 'pdf'],
      ['--since', 'last tuesday'],
      ['--input-format', 'fax'],
    ]) {
      const { status, stderr } = runCli(['audit', DEMO, ...DEMO_BRAND, ...args]);
      expect(status, args.join(' ')).toBe(2);
      noStack(stderr);
    }
  });
});

describe('other commands', () => {
  it('ingest writes JSON Lines that audit reads back to the same figures', () => {
    const dir = tmp();
    const jsonl = path.join(dir, 'corpus.jsonl');
    const ingest = runCli(['ingest', DEMO, ...DEMO_BRAND, '--output', jsonl]);
    expect(ingest.status).toBe(0);
    const lines = readFileSync(jsonl, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(Object.keys(lines[0]).slice(0, 5)).toEqual(['id', 'platform', 'author', 'createdAt', 'text']);
    expect(lines.every((post) => typeof post.id === 'string' && post.source?.file)).toBe(true);
    const original = JSON.parse(runCli(['audit', DEMO, ...DEMO_BRAND, '--format', 'json']).stdout);
    const reread = JSON.parse(runCli(['audit', jsonl, ...DEMO_BRAND, '--format', 'json', '--as-of', original.period.asOf]).stdout);
    expect(reread.metrics).toEqual(original.metrics);
    expect(reread.score).toBe(original.score);
    expect(reread.inputs[0].format).toBe('jsonl');
  });

  it('rules documents every rule with its formula, in English and Spanish', () => {
    const en = runCli(['rules']);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('first-response-time');
    expect(en.stdout).toContain('score = 100 ×');
    const es = runCli(['rules', '--locale', 'es', '--format', 'json']);
    const listing = JSON.parse(es.stdout);
    expect(listing.rules.length).toBeGreaterThanOrEqual(5);
    expect(listing.rules.every((r: { formula: string }) => r.formula.startsWith('puntuación') || r.formula.startsWith('sin puntuación'))).toBe(true);
  });

  it('formats lists every adapter with its detection rule', () => {
    const { stdout, status } = runCli(['formats', '--format', 'json']);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).map((f: { id: string }) => f.id)).toEqual([
      'jsonl',
      'twcs',
      'x-archive',
      'x-api-v1',
      'x-api-v2',
      'mastodon-outbox',
      'facebook-export',
      'instagram-export',
      'meta-graph',
      'trustpilot',
      'google-maps',
      'tripadvisor',
      'booking',
      'yelp',
      'json-ld',
      'microdata',
      'scraper-json',
      'google-business-profile',
      'amazon',
      'youtube-takeout',
      'youtube-api',
      'reddit-json',
      'reddit-csv',
      'csv:hootsuite',
      'csv:sprout-social',
      'bluesky-repo',
      'bluesky-thread',
      'recognised-unsupported',
      'generic-csv',
    ]);
  });

  it('init writes a starter config that audit accepts, and never overwrites silently', () => {
    const dir = tmp();
    const first = runCli(['init'], { cwd: dir });
    expect(first.status).toBe(0);
    expect(existsSync(path.join(dir, 'second-impression.config.json'))).toBe(true);
    const again = runCli(['init'], { cwd: dir });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists');
    mkdirSync(path.join(dir, 'data'));
    writeFileSync(path.join(dir, 'data', 'inbox.csv'), readFileSync(path.join(DEMO, 'verdemar-inbox.csv')));
    const audit = runCli(['audit', 'data', ...DEMO_BRAND, '--format', 'json'], { cwd: dir });
    expect(audit.status).toBe(0);
    expect(JSON.parse(audit.stdout).settings.notes).toContain('config: second-impression.config.json');
  });

  it('stops quietly when the reader closes the pipe early (| head)', async () => {
    const { spawnSync } = await import('node:child_process');
    const { BIN } = await import('./run-cli.js');
    // Big enough that the output cannot fit in the pipe's buffer before the reader goes away.
    const file = path.join(tmp(), 'big.csv');
    const rows = ['id,author,created_at,text,in_reply_to'];
    for (let i = 0; i < 30_000; i++)
      rows.push(`c${i},cliente${i},2026-10-01T10:00:00Z,¿Dónde está mi pedido número ${i}?,`, `b${i},Marca,2026-10-01T12:30:00Z,Hola: sale hoy mismo.,c${i}`);
    writeFileSync(file, rows.join('\n'));
    const shell = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${BIN}" audit "${file}" --brand Marca --format json --max-findings 0 | head -c 200 > /dev/null`],
      { encoding: 'utf8' },
    );
    expect(shell.stderr).not.toContain('EPIPE');
    expect(shell.stderr).toBe('');
  });

  it('prints help and version with exit 0', () => {
    expect(runCli(['--help']).status).toBe(0);
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('Spanish report', () => {
  it('writes percentages the Spanish way', () => {
    const { stdout } = runCli(['audit', DEMO, ...DEMO_BRAND, '--locale', 'es']);
    expect(stdout).toMatch(/Tasa de respuesta\s+\d+(,\d)?\u00a0%/);
    expect(stdout).not.toMatch(/\d\.\d%/);
  });
});
