/** `compare`: several brands from the same inputs, read once, each audited as `audit` would audit it. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertValidResult } from '../helpers/schema.js';
import { DEMO, runCli } from './run-cli.js';

const noStack = (stderr: string): void => expect(stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
const BRANDS = ['--brand', 'VerdemarAyuda,VerdemarHelp', '--brand', 'Verdemar'];

/** A second company in the same inbox export: another brand answering its own customers. */
function twoCompanies(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'si-compare-'));
  const rows = ['id,author,created_at,text,in_reply_to,role'];
  for (let i = 0; i < 8; i++) {
    const day = String(10 + i).padStart(2, '0');
    rows.push(`a${i},cliente${i},2026-11-${day}T09:00:00Z,@MarcaA ¿cuándo llega mi pedido ${i}?,,customer`);
    rows.push(`ar${i},MarcaA,2026-11-${day}T09:20:00Z,Hola! Llega mañana antes de las 14:00,a${i},brand`);
    rows.push(`b${i},usuario${i},2026-11-${day}T10:00:00Z,@MarcaB ¿por qué me cobráis dos veces la factura ${i}?,,customer`);
    if (i % 2 === 0) rows.push(`br${i},MarcaB,2026-11-${day}T16:00:00Z,Lo revisamos y te decimos algo,b${i},brand`);
  }
  writeFileSync(path.join(dir, 'inbox.csv'), `${rows.join('\n')}\n`);
  return dir;
}

describe('compare', () => {
  it("json: each brand's result equals what its own audit gives on the same inputs", () => {
    for (const extra of [[], ['--since', '30d', '--sla', '2h'], ['--period', 'last-month', '--timezone', 'Europe/Madrid', '--locale', 'es']]) {
      const compared = runCli(['compare', DEMO, ...BRANDS, '--format', 'json', ...extra]);
      expect(compared.status, compared.stderr).toBe(0);
      const json = JSON.parse(compared.stdout);
      expect(Object.keys(json)).toEqual(['schemaVersion', 'tool', 'leaders', 'brands']);
      expect(json.schemaVersion).toBe(1);
      expect(json.brands).toHaveLength(2);
      for (const [i, brand] of ['VerdemarAyuda,VerdemarHelp', 'Verdemar'].entries()) {
        assertValidResult(json.brands[i]);
        const own = runCli(['audit', DEMO, '--brand', brand, '--format', 'json', ...extra]);
        expect(JSON.stringify(json.brands[i]), `${brand} ${extra.join(' ')}`).toBe(JSON.stringify(JSON.parse(own.stdout)));
      }
    }
  });

  it('names who leads on what: the best score leads, a first-reply median leads low, volumes never lead', () => {
    const dir = twoCompanies();
    const json = JSON.parse(runCli(['compare', dir, '--brand', 'MarcaA', '--brand', 'MarcaB', '--format', 'json']).stdout);
    const [a, b] = json.brands;
    expect(a.metrics.replyRate).toBeGreaterThan(b.metrics.replyRate);
    expect(json.leaders['key-figures'].replyRate).toEqual(['MarcaA']);
    expect(json.leaders['key-figures'].firstResponseMedian).toEqual(['MarcaA']);
    expect(json.leaders['key-figures']).not.toHaveProperty('conversations');
    expect(json.leaders['key-figures']).not.toHaveProperty('ignored');
    expect(json.leaders.overall.score).toEqual([a.score >= b.score ? 'MarcaA' : 'MarcaB']);
    const text = runCli(['compare', dir, '--brand', 'MarcaA', '--brand', 'MarcaB']).stdout;
    expect(text).toMatch(/Reply rate +100% ★ +[\d.]+%\n/);
    expect(text).toMatch(/Who leads\n[\s\S]*Reply rate: @MarcaA/);
  });

  it('text and md put the brands side by side, one table per category, in both locales', () => {
    for (const [locale, words] of [
      ['en', ['Side by side', 'Transparency', 'No ignoring', 'Key figures', 'Who leads', '★']],
      ['es', ['Comparativa', 'Transparencia', 'Prohibido ignorar', 'Cifras clave', 'Quién lidera', '★']],
    ] as const) {
      const text = runCli(['compare', DEMO, ...BRANDS, '--locale', locale]);
      expect(text.status).toBe(0);
      for (const word of words) expect(text.stdout).toContain(word);
      expect(text.stdout).toContain('@VerdemarAyuda+1');
      expect(text.stdout.split('\n').filter((line) => [...line].length > 80)).toEqual([]);
      const md = runCli(['compare', DEMO, ...BRANDS, '--locale', locale, '--format', 'md']).stdout;
      expect(md.match(/^## /gm)).toHaveLength(8); // overall, five categories, key figures, who leads
      expect(md).toContain('| --- | ---: | ---: |');
      expect(md).toMatch(/\*\*[^*]+\*\* ★/);
    }
  });

  it("csv: one table, each brand's value and n side by side, the Spanish Excel dialect in Spanish", () => {
    const en = runCli(['compare', DEMO, ...BRANDS, '--format', 'csv']).stdout;
    const [header, ...rows] = en.trimEnd().split('\n');
    expect(header).toBe('Section,Id,Row,"VerdemarAyuda,VerdemarHelp","VerdemarAyuda,VerdemarHelp: n",Verdemar,Verdemar: n,Leads');
    expect(rows.some((r) => r.startsWith('Overall score,score,Overall score,'))).toBe(true);
    expect(rows.some((r) => r.startsWith('Key figures,replyRate,Reply rate,0.'))).toBe(true);
    const es = runCli(['compare', DEMO, ...BRANDS, '--format', 'csv', '--locale', 'es']).stdout;
    expect(es.startsWith('\ufeffSección;Id;Fila;VerdemarAyuda,VerdemarHelp;')).toBe(true);
    expect(es).toContain('\r\n');
    expect(es).toMatch(/Cifras clave;replyRate;Tasa de respuesta;0,\d+;/);
  });

  it('reads the inputs once, from standard input too', () => {
    const csv = readFileSync(path.join(DEMO, 'verdemar-inbox.csv'), 'utf8');
    const result = runCli(['compare', '-', '--brand', 'VerdemarAyuda', '--brand', 'VerdemarHelp', '--format', 'json'], { input: csv });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).brands).toHaveLength(2);
  });

  it('needs two different brands, each present in the inputs, and writes its output file atomically', () => {
    const one = runCli(['compare', DEMO, '--brand', 'Verdemar']);
    expect(one.status).toBe(2);
    expect(one.stderr).toContain('compare needs at least two brands');
    const twice = runCli(['compare', DEMO, '--brand', 'Verdemar', '--brand', '@verdemar']);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('is the same brand as');
    const absent = runCli(['compare', DEMO, '--brand', 'Verdemar', '--brand', 'Nadie']);
    expect(absent.status).toBe(2);
    expect(absent.stderr).toContain('no post by @Nadie in the inputs');
    const badPeriod = runCli(['compare', path.join(DEMO, 'missing.csv'), ...BRANDS, '--period', 'ayer']);
    expect(badPeriod.status).toBe(2);
    expect(badPeriod.stderr).toContain('--period "ayer" is not a period');
    noStack(one.stderr + twice.stderr + absent.stderr + badPeriod.stderr);
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'si-compare-')), 'side-by-side.md');
    expect(runCli(['compare', DEMO, ...BRANDS, '--format', 'md', '--output', out]).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# /);
  });
});
