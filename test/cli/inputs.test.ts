/** Real-world export shapes, end to end through the CLI. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'si-inputs-'));
const json = (args: string[]) => {
  const run = runCli([...args, '--format', 'json']);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
};

describe('export shapes', () => {
  it('two monthly exports that both number their rows 1, 2, 3 do not link into each other', () => {
    const dir = tmp();
    const header = 'id,author,created_at,text,in_reply_to';
    writeFileSync(
      path.join(dir, 'a-january.csv'),
      [header, '1,ana,2026-01-05T10:00:00Z,¿Dónde está mi pedido?,', '2,Marca,2026-01-05T10:20:00Z,Sale hoy,1'].join('\n'),
    );
    writeFileSync(
      path.join(dir, 'b-february.csv'),
      [header, '1,juan,2026-02-05T10:00:00Z,No funciona la app,', '2,Marca,2026-02-05T12:00:00Z,Ya está arreglada,1'].join('\n'),
    );
    const result = json(['audit', dir, '--brand', 'Marca']);
    expect(result.metrics).toMatchObject({ conversations: 2, answered: 2 });
    expect(result.metrics.firstResponseMinutes).toMatchObject({ count: 2, min: 20, max: 120 });
    expect(result.warningCounts['duplicate-id']).toBeUndefined();
  });

  it('reads pandas float ids (1001.0) and keeps reply links', () => {
    const file = path.join(tmp(), 'pandas.csv');
    writeFileSync(
      file,
      ['id,author,created_at,text,in_reply_to', '1001,ana,2026-01-05T10:00:00Z,¿Me ayudáis?,', '1002,Marca,2026-01-05T10:30:00Z,Claro,1001.0'].join('\n'),
    );
    expect(json(['audit', file, '--brand', 'Marca']).metrics).toMatchObject({ answered: 1, pending: 0 });
  });

  it('a "source" column naming the posting app does not split threads', () => {
    const file = path.join(tmp(), 'tweets.csv');
    writeFileSync(
      file,
      [
        'id,author,created_at,text,in_reply_to,source',
        '1,ana,2026-01-05T10:00:00Z,@Marca no tengo luz,,Twitter for iPhone',
        '2,Marca,2026-01-05T10:30:00Z,Lo miramos,1,Sprinklr',
      ].join('\n'),
    );
    const result = json(['audit', file, '--brand', 'Marca']);
    expect(result.metrics).toMatchObject({ answered: 1 });
    expect(result.warningCounts['reply-to-missing']).toBeUndefined();
  });

  it('words that are Object.prototype keys in user text neither crash a rule nor leak into text', () => {
    const file = path.join(tmp(), 'proto.csv');
    writeFileSync(
      file,
      [
        'id,author,created_at,text,in_reply_to',
        '1,ana,2026-01-05T10:00:00Z,"¿Y mi &valueOf; pedido?",',
        '2,Marca,2026-01-05T10:30:00Z,"Le llamaremos el 5 de constructor. Te enviaremos constructor días.",1',
      ].join('\n'),
    );
    const result = json(['audit', file, '--brand', 'Marca']);
    expect(result.warningCounts['rule-failed']).toBeUndefined();
    for (const category of Object.values(result.categories) as { rules: { notApplicable?: string }[] }[]) {
      for (const rule of category.rules) expect(rule.notApplicable ?? '').not.toMatch(/rule failed/);
    }
    expect(JSON.stringify(result)).not.toContain('native code');
  });
});

describe('review fixes', () => {
  it('never sends control characters from the data to the terminal', () => {
    const file = path.join(tmp(), 'esc.csv');
    const filler = Array.from(
      { length: 20 },
      (_, k) => `${k + 10},cliente${k},2026-01-0${1 + (k % 4)}T09:00:00Z,Hola: tengo una duda sobre la factura número ${k},`,
    );
    writeFileSync(
      file,
      [
        'id,author,created_at,text,in_reply_to',
        '1,"ev\u001b]0;PWNED\u0007il",2026-01-05T10:00:00Z,"¿Y mi pedido?\u001b[2J",',
        '2,Marca,2026-01-06T10:30:00Z,Lo miramos,1',
        ...filler,
      ].join('\n'),
    );
    const run = runCli(['audit', file, '--brand', 'Marca']);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(run.stdout).toContain('ev\ufffd]0;PWNED\ufffdil');
  });

  it('--fail-under fails an audit that judged nothing (every conversation still pending)', () => {
    const file = path.join(tmp(), 'pending.csv');
    writeFileSync(
      file,
      [
        'id,author,created_at,text,in_reply_to',
        '0,Marca,2026-01-04T09:00:00Z,Nuevo horario de atención,',
        '1,ana,2026-01-05T10:00:00Z,@Marca ¿me ayudáis?,',
        '2,luis,2026-01-05T12:00:00Z,@Marca no tengo luz,',
      ].join('\n'),
    );
    expect(json(['audit', file, '--brand', 'Marca']).score).toBeNull();
    const run = runCli(['audit', file, '--brand', 'Marca', '--fail-under', '50']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no score to compare');
  });

  it('--until with a date alone includes that whole day, and --since after --until is refused', () => {
    const file = path.join(tmp(), 'days.csv');
    writeFileSync(
      file,
      ['id,author,created_at,text,in_reply_to', '1,ana,2026-03-30T10:00:00Z,¿Me ayudáis?,', '2,luis,2026-03-31T18:00:00Z,¿Y lo mío?,'].join('\n'),
    );
    expect(json(['audit', file, '--brand', 'ana', '--until', '2026-03-31']).metrics.conversations).toBe(1);
    const refused = runCli(['audit', file, '--brand', 'ana', '--since', '2026-04-01', '--until', '2026-03-01']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--since is after --until');
  });

  it('--input-format twcs on another CSV names the missing columns instead of crashing', () => {
    const file = path.join(tmp(), 'not-twcs.csv');
    writeFileSync(file, 'id,author,created_at,text\n1,ana,2026-03-30T10:00:00Z,hola\n');
    const run = runCli(['audit', file, '--brand', 'ana', '--input-format', 'twcs']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('not a TWCS file: missing columns tweet_id');
    expect(run.stderr).not.toContain('unexpected error');
  });
});

describe('a binary input and --input-format', () => {
  it('a Bluesky .car forced through a text reader is refused as binary, not read as garbage', () => {
    const car = 'fixtures/ingest/bluesky-repo/repo.car';
    const forced = runCli(['audit', car, '--input-format', 'twcs', '--brand', 'telenova.bsky.social']);
    expect(forced.status).toBe(2);
    expect(forced.stderr).toContain('not a text file (binary data');
    expect(runCli(['audit', car, '--input-format', 'bluesky-repo', '--brand', 'telenova.bsky.social']).stderr).not.toContain('not a text file');
  });
});
