/**
 * The definitions a consultant has to defend (issue "Numbers a consultant can defend"), end to end through
 * the CLI on small synthetic exports in Spanish and English.
 */
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'si-defs-'));
const json = (args: string[]) => {
  const run = runCli([...args, '--format', 'json']);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
};
const HEADER = 'id,author,role,created_at,text,in_reply_to';
/** One CSV row; the text is quoted because it holds commas, as every spreadsheet export does. */
const row = (id: string, author: string, role: string, at: string, text: string, replyTo = ''): string =>
  [id, author, role, at, `"${text.replaceAll('"', '""')}"`, replyTo].join(',');

/** A Spanish energy brand's inbox: six customer threads, five answered. */
const MARCA = [
  HEADER,
  row('m1', 'lucia', 'customer', '2026-03-02T09:00:00+01:00', 'Hola: me habéis cobrado dos veces la factura de febrero'),
  row('m2', 'Marca', 'brand', '2026-03-02T09:20:00+01:00', 'Hola Lucía, lo sentimos. Te devolvemos el cargo duplicado hoy.', 'm1'),
  row('m3', 'pepe', 'customer', '2026-03-03T10:00:00+01:00', '¿Cuándo viene el técnico?'),
  row('m4', 'Marca', 'brand', '2026-03-03T12:00:00+01:00', 'Hola Pepe, el técnico pasa el jueves por la mañana.', 'm3'),
  row('m5', 'rosa', 'customer', '2026-03-04T18:00:00+01:00', 'Sigo sin luz desde ayer'),
  row('m6', 'Marca', 'brand', '2026-03-05T09:00:00+01:00', 'Hola Rosa, ya está resuelto; disculpa la espera.', 'm5'),
  row('m7', 'ana', 'customer', '2026-03-06T11:00:00+01:00', '¡Gracias por la rapidez de ayer! Todo perfecto'),
  row('m8', 'Marca', 'brand', '2026-03-06T11:05:00+01:00', '¡Gracias a ti, Ana!', 'm7'),
  row('m9', 'juan', 'customer', '2026-03-07T10:00:00+01:00', 'No me llega la factura por correo'),
  row('m10', 'Marca', 'brand', '2026-03-07T10:40:00+01:00', 'Hola Juan, te la reenviamos ahora mismo.', 'm9'),
  row('m11', 'eva', 'customer', '2026-03-08T10:00:00+01:00', '¿Tenéis tarifa sin permanencia?'),
].join('\n');

/** Another company's inbox (an English-speaking one), in the same folder. */
const OTRA = [
  HEADER,
  row('o1', 'kate', 'customer', '2026-03-01T09:00:00Z', 'My meter reading is wrong again'),
  row('o2', 'OtraEnergia', 'brand', '2026-03-09T09:00:00Z', 'Sorry Kate, we have corrected it.', 'o1'),
  row('o3', 'tom', 'customer', '2026-03-02T09:00:00Z', 'Can I pay by card?'),
  row('o4', 'OtraEnergia', 'brand', '2026-03-02T09:10:00Z', 'Yes, from the app.', 'o3'),
  row('o5', 'sam', 'customer', '2026-01-01T09:00:00Z', 'Why is my bill so high?'),
].join('\n');

function folder(): { dir: string; marca: string; otra: string } {
  const dir = tmp();
  const marca = path.join(dir, 'marca-inbox.csv');
  const otra = path.join(dir, 'otra-inbox.csv');
  writeFileSync(marca, MARCA);
  writeFileSync(otra, OTRA);
  return { dir, marca, otra };
}

/** The parts of a result that describe the brand, not the inputs read. */
const figures = (result: Record<string, unknown>) => {
  const { score, categories, metrics, findings, period } = result as Record<string, unknown>;
  return { score, categories, metrics, findings, period };
};

describe('a brand is its handles and a conversation belongs to the channel it sits on', () => {
  it("a folder with two brands' inbox exports: each brand's figures equal its file audited alone", () => {
    const { dir, marca, otra } = folder();
    const asOf = ['--as-of', '2026-03-20T00:00:00Z'];
    const marcaInFolder = json(['audit', dir, '--brand', 'Marca', ...asOf]);
    const marcaAlone = json(['audit', marca, '--brand', 'Marca', ...asOf]);
    expect(figures(marcaInFolder)).toEqual(figures(marcaAlone));
    expect(marcaInFolder.metrics).toMatchObject({ conversations: 6, repliedTo: 5 });
    const otraInFolder = json(['audit', dir, '--brand', 'OtraEnergia', ...asOf]);
    expect(figures(otraInFolder)).toEqual(figures(json(['audit', otra, '--brand', 'OtraEnergia', ...asOf])));
    expect(otraInFolder.metrics).toMatchObject({ conversations: 3, repliedTo: 2 });
    // The other inbox is listed with 0 conversations and a warning, never merged.
    const other = marcaInFolder.inputs.find((i: { path: string }) => i.path.endsWith('otra-inbox.csv'));
    expect(other).toMatchObject({ conversations: 0 });
    expect(other.notes.join(' ')).toMatch(/another company's inbox \(OtraEnergia\)/);
    expect(marcaInFolder.warnings).toContainEqual(expect.objectContaining({ code: 'input-not-brand', input: other.path }));
  });

  it('a social tool export with a page column: each brand is audited only on its own page', () => {
    const dir = tmp();
    const file = path.join(dir, 'tool-export.csv');
    const rows = [
      'id,page,author,role,created_at,text,in_reply_to',
      'p1,Marca Energía,lucia,customer,2026-03-02T09:00:00Z,"Me habéis cobrado dos veces",',
      'p2,Marca Energía,Soporte,brand,2026-03-02T09:30:00Z,"Lo sentimos, ya está devuelto.",p1',
      'p3,Otra,kate,customer,2026-03-02T10:00:00Z,"My bill is wrong",',
      'p4,Otra,Support,brand,2026-03-02T12:00:00Z,"Sorry Kate, fixed.",p3',
      'p5,Otra,sam,customer,2026-03-03T10:00:00Z,"Still no refund?",',
      'p6,Marca Energía,pepe,customer,2026-03-04T10:00:00Z,"¿Sigue sin luz el barrio?",',
    ];
    writeFileSync(file, rows.join('\n'));
    const asOf = ['--as-of', '2026-03-20T00:00:00Z'];
    // "Marca Energía" is the page of @MarcaEnergia: spaces and accents do not matter.
    const marca = json(['audit', file, '--brand', 'MarcaEnergia,Soporte', ...asOf]);
    expect(marca.metrics).toMatchObject({ conversations: 2, repliedTo: 1, ignored: 1 });
    expect(marca.metrics.firstResponseMinutes.median).toBe(30);
    const otra = json(['audit', file, '--brand', 'Otra,Support', ...asOf]);
    expect(otra.metrics).toMatchObject({ conversations: 2, repliedTo: 1, ignored: 1 });
    expect(otra.metrics.firstResponseMinutes.median).toBe(120);
  });

  it('a handle that never posts is exit 2 with the marked company as a hint, never a confident report', () => {
    const { dir } = folder();
    const run = runCli(['audit', dir, '--brand', 'Nobody']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/no post by @Nobody in the inputs; they mark (Marca|OtraEnergia) \(\d\), (Marca|OtraEnergia) \(\d\) as the brand/);
    expect(run.stderr).toMatch(/hint: did you mean --brand (Marca|OtraEnergia)\?/);
  });
});

describe('no score without enough data', () => {
  it('an empty period: score null with "no conversation in the period" in JSON and text, never 100', () => {
    const { marca } = folder();
    const result = json(['audit', marca, '--brand', 'Marca', '--since', '2026-03-15T00:00:00Z', '--as-of', '2026-03-20T00:00:00Z']);
    expect(result.score).toBeNull();
    expect(result.scoreReason).toEqual({ code: 'no-conversations' });
    expect(result.scoreNotApplicable).toBe('no conversation in the period');
    const text = runCli(['audit', marca, '--brand', 'Marca', '--since', '2026-03-15T00:00:00Z', '--as-of', '2026-03-20T00:00:00Z']);
    expect(text.stdout).toMatch(/score: — \/ 100 +\(no conversation in the period\)/);
    const es = runCli(['audit', marca, '--brand', 'Marca', '--since', '2026-03-15T00:00:00Z', '--as-of', '2026-03-20T00:00:00Z', '--locale', 'es']);
    expect(es.stdout).toMatch(/ninguna conversación en el periodo/);
  });

  it('a rule with fewer cases than the minimum reports its findings and metrics but no score, and says why', () => {
    const { otra } = folder();
    const result = json(['audit', otra, '--brand', 'OtraEnergia', '--as-of', '2026-03-20T00:00:00Z']);
    const frt = result.categories.speed.rules.find((r: { id: string }) => r.id === 'first-response-time');
    expect(frt).toMatchObject({
      score: null,
      cases: 2,
      notApplicable: '2 cases: too few to score (minimum 5)',
      reason: { code: 'too-few-cases', data: { n: 2, min: 5 } },
    });
    expect(frt.findingCount).toBe(1);
    expect(result.findings.some((f: { ruleId: string }) => f.ruleId === 'first-response-time')).toBe(true);
    expect(result.categories.speed.score).toBeNull();
  });

  it('when most reply links point to missing posts (Excel-mangled ids), speed and no-ignoring are null, never "0 % answered"', () => {
    const dir = tmp();
    const rows = ['id,author,created_at,text,in_reply_to'];
    for (let k = 0; k < 8; k++) {
      rows.push(`${1000 + k},cliente${k},2026-03-0${k + 1}T10:00:00Z,¿Me ayudáis con la factura ${k}?,`);
      rows.push(`${2000 + k},Marca,2026-03-0${k + 1}T10:30:00Z,Claro; te escribimos por privado.,1.84613E+18`);
    }
    const file = path.join(dir, 'mangled.csv');
    writeFileSync(file, rows.join('\n'));
    const result = json(['audit', file, '--brand', 'Marca', '--as-of', '2026-03-20T00:00:00Z']);
    expect(result.metrics.replyRate).toBeNull();
    expect(result.categories.speed.score).toBeNull();
    expect(result.categories['no-ignoring'].score).toBeNull();
    expect(result.categories['no-ignoring'].notApplicable).toMatch(/8 of 8 reply links point to posts missing from the data/);
  });
});

describe('what was left out is said', () => {
  it('a period outside the shipped holiday lists is a warning', () => {
    const dir = tmp();
    const file = path.join(dir, 'future.csv');
    writeFileSync(file, ['id,author,created_at,text,in_reply_to', '1,ana,2031-03-02T10:00:00Z,¿Abrís hoy?,', '2,Marca,2031-03-02T10:30:00Z,Sí,1'].join('\n'));
    const config = path.join(dir, 'c.json');
    writeFileSync(config, JSON.stringify({ holidays: ['ES'] }));
    const result = json(['audit', file, '--brand', 'Marca', '--business-hours', 'mon-fri 09:00-18:00', '--config', config]);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'holidays-unknown', message: expect.stringMatching(/no ES holidays known for 2031/) }),
    );
  });

  it('a symbolic link inside a folder is skipped with a warning', () => {
    const { dir, marca } = folder();
    symlinkSync(marca, path.join(dir, 'z-link.csv'));
    const result = json(['audit', dir, '--brand', 'Marca', '--as-of', '2026-03-20T00:00:00Z']);
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: 'symlink-skipped', input: path.join(dir, 'z-link.csv') }));
    expect(result.metrics.conversations).toBe(6);
  });
});

describe('the command line around the report', () => {
  it('no arguments: usage on stderr, nothing on stdout, exit 2', () => {
    const run = runCli([]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Usage: second-impression/);
  });

  it('warnings on stderr name file:line and code, then how many more', () => {
    const dir = tmp();
    const rows = ['id,author,created_at,text,in_reply_to'];
    for (let k = 0; k < 7; k++)
      rows.push(`${k},cliente${k},2026-03-0${k + 1}T10:00:00Z,hola,`, `x${k},ana,no es una fecha,hola,`, `r${k},Marca,2026-03-0${k + 1}T10:20:00Z,¡hola!,${k}`);
    const file = path.join(dir, 'fechas.csv');
    writeFileSync(file, rows.join('\n'));
    const run = runCli(['audit', file, '--brand', 'Marca', '--as-of', '2026-03-20T00:00:00Z']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`${file}:3 bad-date created_at "no es una fecha"`);
    expect(run.stderr).toMatch(/… and 2 more; all in the report/);
  });
});
