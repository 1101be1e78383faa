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
    writeFileSync(path.join(dir, 'a-january.csv'), [header, '1,ana,2026-01-05T10:00:00Z,¿Dónde está mi pedido?,', '2,Marca,2026-01-05T10:20:00Z,Sale hoy,1'].join('\n'));
    writeFileSync(path.join(dir, 'b-february.csv'), [header, '1,juan,2026-02-05T10:00:00Z,No funciona la app,', '2,Marca,2026-02-05T12:00:00Z,Ya está arreglada,1'].join('\n'));
    const result = json(['audit', dir, '--brand', 'Marca']);
    expect(result.metrics).toMatchObject({ conversations: 2, answered: 2 });
    expect(result.metrics.firstResponseMinutes).toMatchObject({ count: 2, min: 20, max: 120 });
    expect(result.warningCounts['duplicate-id']).toBeUndefined();
  });

  it('reads pandas float ids (1001.0) and keeps reply links', () => {
    const file = path.join(tmp(), 'pandas.csv');
    writeFileSync(file, ['id,author,created_at,text,in_reply_to', '1001,ana,2026-01-05T10:00:00Z,¿Me ayudáis?,', '1002,Marca,2026-01-05T10:30:00Z,Claro,1001.0'].join('\n'));
    expect(json(['audit', file, '--brand', 'Marca']).metrics).toMatchObject({ answered: 1, pending: 0 });
  });

  it('a "source" column naming the posting app does not split threads', () => {
    const file = path.join(tmp(), 'tweets.csv');
    writeFileSync(file, ['id,author,created_at,text,in_reply_to,source', '1,ana,2026-01-05T10:00:00Z,@Marca no tengo luz,,Twitter for iPhone', '2,Marca,2026-01-05T10:30:00Z,Lo miramos,1,Sprinklr'].join('\n'));
    const result = json(['audit', file, '--brand', 'Marca']);
    expect(result.metrics).toMatchObject({ answered: 1 });
    expect(result.warningCounts['reply-to-missing']).toBeUndefined();
  });

  it('words that are Object.prototype keys in user text neither crash a rule nor leak into text', () => {
    const file = path.join(tmp(), 'proto.csv');
    writeFileSync(file, ['id,author,created_at,text,in_reply_to', '1,ana,2026-01-05T10:00:00Z,"¿Y mi &valueOf; pedido?",', '2,Marca,2026-01-05T10:30:00Z,"Le llamaremos el 5 de constructor. Te enviaremos constructor días.",1'].join('\n'));
    const result = json(['audit', file, '--brand', 'Marca']);
    expect(result.warningCounts['rule-failed']).toBeUndefined();
    for (const category of Object.values(result.categories) as { rules: { notApplicable?: string }[] }[]) {
      for (const rule of category.rules) expect(rule.notApplicable ?? '').not.toMatch(/rule failed/);
    }
    expect(JSON.stringify(result)).not.toContain('native code');
  });
});
