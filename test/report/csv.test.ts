import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/contract/result.js';
import { type CsvRenderOptions, csvRenderer, MAX_CELL, numberCell, renderCsv, textCell } from '../../src/report/csv.js';
import type { RenderedFile } from '../../src/report/types.js';
import { catalogFor } from '../../src/rules/index.js';
import { DEMO, DEMO_BRAND, runCli } from '../cli/run-cli.js';
import { corpus, type PostSpec, rawAudit } from '../helpers/corpus.js';

const EMOJI = '👍🏽';
/** Long enough that the 32 767-character cell limit falls inside a run of emoji with skin tones. */
const LONG = `¿Me ayudáis con el pedido? ${'x'.repeat(997)}${EMOJI.repeat(9000)}`;
const HOSTILE = [
  '<script>alert(1)</script> ¿Dónde está mi pedido?',
  '"><img src=x onerror=alert(1)> No funciona la app, ¿qué pasa?',
  '=HYPERLINK("http://x","y") ¿Me devolvéis el dinero?',
  '+1+1 ¿Por qué me cobráis dos veces?',
  '@SUM(A1) ¿Alguien me responde?',
  '\u001b[31mROJO\u001b[0m ¿Hola? Necesito ayuda con la factura',
  'Mi factura \u202Efdp.exe ¿es correcta?',
  '[click](http://evil) ¿Es vuestra web?',
  '![img](http://x) ¿Qué es esto que me llega?',
  'Línea uno\r\n-2 € en la línea dos\u0085 ¿me explicáis?',
  LONG,
];

/** Every hostile text opens a conversation the brand ignores, so each is quoted by a finding. */
function hostileResult(): AuditResult {
  const posts: PostSpec[] = HOSTILE.map((text, i) => ({
    id: `c${i + 1}`,
    author: i === 1 ? 'ana\u202Eevil' : i === 3 ? '=1+2' : `cliente${i + 1}`,
    at: i === 0 ? '2026-10-01T09:00:00Z' : '+1h',
    text,
  }));
  posts.push({ id: 'c99', author: 'luis', at: '+1h', text: '¿Cuándo llega mi pedido?' });
  posts.push({ id: 'b99', author: 'Marca', at: '+30m', replyTo: 'c99', text: 'Hola Luis, llega mañana. ¡Gracias!' });
  return rawAudit(corpus(posts, { ownChannel: true }));
}

const options = (locale: 'en' | 'es', extra: Partial<CsvRenderOptions> = {}): CsvRenderOptions => ({ catalog: catalogFor(locale), color: false, ...extra });
const render = (result: AuditResult, locale: 'en' | 'es', extra: Partial<CsvRenderOptions> = {}): string => {
  const out = renderCsv(result, options(locale, { table: 'findings', ...extra }));
  if (typeof out !== 'string') throw new Error('expected one table');
  return out;
};
const rows = (csv: string, delimiter = ','): string[][] => parse(csv, { bom: true, delimiter, relax_quotes: false });
const clean = (text: string): string => text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
/** The records of a CSV text, split where a line break stands outside quotes; throws on a stray CR or LF. */
function recordLines(csv: string, eol: '\n' | '\r\n'): string[] {
  const bare = csv.replace(/"(?:[^"]|"")*"/g, '""');
  const lines = bare.split(eol).slice(0, -1);
  for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
  return lines;
}
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('csv renderer on the demo (through the CLI)', () => {
  const json = JSON.parse(runCli(['audit', DEMO, ...DEMO_BRAND, '--format', 'json']).stdout);
  const csv = (...args: string[]) => runCli(['audit', DEMO, ...DEMO_BRAND, '-q', '--format', 'csv', ...args]);
  // Each locale once into a folder (all three tables), then stdout runs compared with those files.
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'si-csv-'));
  const folder = { en: path.join(tmp, 'en'), es: path.join(tmp, 'informe') };
  const written = { en: csv('--output', `${folder.en}/`), es: csv('--locale', 'es', '--output', `${folder.es}/`) };
  const file = (locale: 'en' | 'es', name: string): string => readFileSync(path.join(folder[locale], name), 'utf8');

  it('--output <folder> writes summary.csv, rules.csv, conversations.csv and findings.csv', () => {
    for (const locale of ['en', 'es'] as const) {
      expect(written[locale].status).toBe(0);
      expect(readdirSync(folder[locale]).sort()).toEqual(['conversations.csv', 'findings.csv', 'rules.csv', 'summary.csv']);
    }
    const all = csv('--table', 'all');
    expect(all.status).toBe(2);
    expect(all.stderr).toMatch(/give --output a folder/);
  });

  it('writes the summary on stdout by default, and --table findings one row per finding, parsed back by csv-parse, the same bytes on every run', () => {
    expect(csv().stdout).toBe(file('en', 'summary.csv'));
    const { status, stdout } = csv('--table', 'findings');
    expect(status).toBe(0);
    expect(stdout).toBe(file('en', 'findings.csv'));
    const table = rows(stdout);
    expect(table.length - 1).toBe(json.findings.length);
    const header = table[0]!;
    for (const [i, finding] of json.findings.entries()) {
      const row = table[i + 1]!;
      expect(row).toHaveLength(header.length);
      expect(row[header.indexOf('Rule id')]).toBe(finding.ruleId);
      expect(row[header.indexOf('Finding')]).toBe(finding.message);
      // One line per evidence post in each evidence column, aligned.
      expect(row[header.indexOf('Author')]!.split('\n')).toHaveLength(finding.evidence.length);
      expect(row[header.indexOf('Text')]!.split('\n')).toHaveLength(finding.evidence.length);
      expect(row[header.indexOf('Source')]).toBe(finding.evidence.map((e: { source: string }) => e.source).join('\n'));
    }
    expect(rows(file('es', 'findings.csv'), ';').length - 1).toBe(json.findings.length);
    // Outside quoted cells there is no line break but the record delimiter: one line per row, in both dialects.
    expect(recordLines(stdout, '\n')).toHaveLength(json.findings.length + 1);
    expect(recordLines(file('es', 'findings.csv'), '\r\n')).toHaveLength(json.findings.length + 1);
  });

  it('English: RFC 4180 with ",", a decimal point, LF and no BOM', () => {
    const rules = file('en', 'rules.csv');
    expect(rules.charCodeAt(0)).not.toBe(0xfeff);
    expect(rules).not.toContain('\r');
    expect(rules).toMatch(/,83\.3,/);
    expect(rules.split('\n')[0]).toBe('Category,Rule id,Rule,Score,n,Weight,Why no score,Findings,Watch list');
  });

  it('Spanish: the Excel dialect with ";", a decimal comma, a UTF-8 BOM and CRLF; --no-csv-excel and --csv-excel switch it', () => {
    const rules = file('es', 'rules.csv');
    expect(rules.charCodeAt(0)).toBe(0xfeff);
    expect(rules).toMatch(/;83,3;/);
    expect(rules).not.toMatch(/\d\.\d/);
    expect(rules.endsWith('\r\n')).toBe(true);
    expect(rules.split('\r\n')[0]).toBe('\ufeffCategoría;Id de la regla;Regla;Puntuación;n;Peso;Por qué no puntúa;Hallazgos;En observación');
    expect(rows(rules, ';').length - 1).toBe(Object.values(json.categories).reduce((n: number, c) => n + (c as { rules: unknown[] }).rules.length, 0));
    const plain = csv('--table', 'rules', '--locale', 'es', '--no-csv-excel').stdout;
    expect(plain.startsWith('Categoría,')).toBe(true);
    expect(plain).toMatch(/,83\.3,/);
    expect(csv('--table', 'rules', '--csv-excel').stdout).toMatch(/^\ufeffCategory;.*;83,3;/s);
  });

  it('summary: one row with the numbers exactly as the result holds them, null as an empty cell', () => {
    const table = rows(file('en', 'summary.csv'));
    expect(table).toHaveLength(2);
    const [header, row] = table as [string[], string[]];
    const at = (label: string): string => row[header.indexOf(label)]!;
    expect(at('Brand handles')).toBe('VerdemarAyuda, VerdemarHelp, Verdemar');
    expect(at('Second-impression score')).toBe(String(json.score));
    expect(at('Reply rate (0–1)')).toBe(String(json.metrics.replyRate));
    expect(at('First reply: p90 (min)')).toBe(String(json.metrics.firstResponseMinutes.p90));
    expect(at('First reply: within target (0–1)')).toBe(String(json.metrics.firstResponseMinutes.withinTarget));
    expect(at('Transparency: n')).toBe(String(json.categories.transparency.cases));
    const es = rows(file('es', 'summary.csv'), ';');
    expect(es[1]![es[0]!.indexOf('Tasa de respuesta (0–1)')]).toBe(String(json.metrics.replyRate).replace('.', ','));
    // A rule without a score has an empty score cell.
    const rules = rows(file('en', 'rules.csv'));
    const nullRule = Object.values(json.categories)
      .flatMap((c) => (c as { rules: { id: string; score: number | null }[] }).rules)
      .find((r) => r.score === null)!;
    expect(rules.find((r) => r[1] === nullRule.id)![3]).toBe('');
  });
});

describe('csv conversations table on the demo', () => {
  const json = JSON.parse(runCli(['audit', DEMO, ...DEMO_BRAND, '--format', 'json', '--conversations']).stdout) as AuditResult;
  const run = (...args: string[]) => runCli(['audit', DEMO, ...DEMO_BRAND, '-q', '--format', 'csv', '--table', 'conversations', ...args]);

  it("one row per conversation, from which the report's counts and first-response median can be recounted", () => {
    const { status, stdout } = run();
    expect(status).toBe(0);
    const [header, ...body] = rows(stdout) as [string[], ...string[][]];
    expect(body).toHaveLength(json.metrics.conversations);
    expect(json.conversations).toHaveLength(json.metrics.conversations);
    const col = (name: string) => header.indexOf(name);
    const count = (status: string) => body.filter((r) => r[col('Status')] === status).length;
    expect(count('answered')).toBe(json.metrics.answered);
    expect(count('ignored')).toBe(json.metrics.ignored);
    expect(count('pending')).toBe(json.metrics.pending);
    expect(body.filter((r) => r[col('Needed a reply')] === 'yes').length).toBe(json.metrics.needingReply);
    const minutes = body
      .map((r) => r[col('First response (minutes)')]!)
      .filter((m) => m !== '')
      .map(Number)
      .sort((a, b) => a - b);
    expect(minutes).toHaveLength(json.metrics.firstResponseMinutes.count);
    const mid = minutes.length / 2;
    const median = minutes.length % 2 ? minutes[Math.floor(mid)]! : (minutes[mid - 1]! + minutes[mid]!) / 2;
    expect(median).toBeCloseTo(json.metrics.firstResponseMinutes.median!, 1);
  });

  it('Spanish headers and words, decimal comma; the same rows as the JSON', () => {
    const es = rows(run('--locale', 'es').stdout, ';');
    expect(es[0]).toContain('Estado');
    expect(es.slice(1).some((r) => r.includes('respondida'))).toBe(true);
    expect(es.slice(1).map((r) => r[0])).toEqual(json.conversations!.map((c) => c.threadId));
  });
});

describe('csv renderer on hostile texts', () => {
  const result = hostileResult();

  it('quotes every hostile text, inert and otherwise intact', () => {
    for (const locale of ['en', 'es'] as const) {
      const csv = render(result, locale);
      const table = rows(csv, locale === 'es' ? ';' : ',');
      expect(table.length - 1).toBe(result.findings.length);
      expect(recordLines(csv, locale === 'es' ? '\r\n' : '\n')).toHaveLength(result.findings.length + 1);
      const header = table[0]!;
      const textAt = header.indexOf(locale === 'es' ? 'Texto' : 'Text');
      const postsAt = header.indexOf(locale === 'es' ? 'Mensajes' : 'Posts');
      HOSTILE.forEach((original, i) => {
        const row = table.find((r) => r[postsAt] === `c${i + 1}`);
        expect(row, `finding quoting c${i + 1}`).toBeDefined();
        const cell = row![textAt]!;
        expect(cell).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        expect(cell).not.toMatch(LONE);
        if (original === LONG) return;
        const expected = clean(original).replace(/\s*\n\s*/g, ' ');
        // A formula trigger gets one leading apostrophe; nothing else changes.
        expect(cell).toBe(/^[=+\-@]/.test(expected) ? `'${expected}` : expected);
      });
    }
  });

  it('neutralizes formulas in every text column, authors included', () => {
    const table = rows(render(result, 'en'));
    for (const row of table.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^\s*[=+\-@\t]/);
    expect(table.some((r) => r.includes("'=1+2"))).toBe(true);
    expect(table.some((r) => r.includes('ana\u202Eevil'))).toBe(false);
    expect(table.some((r) => r.includes('anaevil'))).toBe(true);
  });

  it('cuts a text at the cell limit on a grapheme boundary, never inside an emoji', () => {
    const table = rows(render(result, 'en'));
    const text = table.find((r) => r.includes('c11'))![table[0]!.indexOf('Text')]!;
    expect(text.length).toBeLessThanOrEqual(MAX_CELL);
    expect(text.endsWith('…')).toBe(true);
    expect(text).not.toMatch(LONE);
    const body = text.slice(text.indexOf(EMOJI), -1);
    expect(body).toBe(EMOJI.repeat(body.length / EMOJI.length));
  });

  it('gives the same bytes for the same input, and all tables as files on request', () => {
    expect(render(hostileResult(), 'es')).toBe(render(result, 'es'));
    const files = csvRenderer.render(result, options('en', { table: 'all' })) as RenderedFile[];
    // An audit run without the conversation table has no conversations.csv, and asking for it says why.
    expect(files.map((f) => f.name)).toEqual(['summary.csv', 'rules.csv', 'findings.csv']);
    expect(files[2]!.content).toBe(render(result, 'en'));
    expect(() => renderCsv(result, options('en', { table: 'conversations' }))).toThrow(/conversation table/);
    expect(() => renderCsv(result, options('en', { table: 'nope' as never }))).toThrow(/unknown CSV table/);
  });
});

describe('csv cells', () => {
  it('numbers: the digits the result holds, a decimal comma in Excel mode, never an exponent, null empty', () => {
    expect(numberCell(83.3, { decimalComma: false })).toBe('83.3');
    expect(numberCell(83.3, { decimalComma: true })).toBe('83,3');
    expect(numberCell(-5, { decimalComma: false })).toBe('-5');
    expect(numberCell(0.7222, { decimalComma: true })).toBe('0,7222');
    expect(numberCell(null, { decimalComma: false })).toBe('');
    expect(numberCell(1e21, { decimalComma: false })).toBe('1000000000000000000000');
    expect(numberCell(1e-7, { decimalComma: false })).toBe('0.0000001');
  });

  it('text: a leading formula character (after blanks, full-width too) gets an apostrophe', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', ' =1', '\t=1', '＝1', '＋1', '－1', '＠x']) expect(textCell(text)).toBe(`'${text}`);
    for (const text of ['a=1', '1-2', 'hola @marca', '']) expect(textCell(text)).toBe(text);
    expect(textCell('\r=1')).toBe("'\n=1");
  });
});
