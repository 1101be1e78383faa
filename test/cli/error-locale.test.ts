/**
 * The command line's errors and hints in the user's locale: every error id the code sets has a Spanish
 * template (and every template an id), and the CLI says them in Spanish for --locale es or a Spanish LANG.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES_ES } from '../../src/i18n/error-messages-es.js';
import { DEMO, runCli } from './run-cli.js';

const SRC = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../src');
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
const source = sourceFiles(SRC)
  .filter((file) => !file.endsWith('error-messages-es.ts'))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

/** Ids built from a template literal: every variant the code can make. */
const BUILT = [
  'error.brand-absent',
  'error.brand-absent.seen',
  'error.brand-absent.mentioned',
  'error.brand-absent.mentioned.seen',
  'error.cannot-read-input.missing',
  'error.cannot-read-input.denied',
  // noReviewsError (reviews/common.ts): the empty page's cause, and whether the page states a review count.
  ...['', '.captcha', '.block-page', '.cookie-wall'].flatMap((cause) => [`error.no-reviews${cause}`, `error.no-reviews${cause}.stated`]),
];
const used = new Set([
  ...[...source.matchAll(/id: '(error\.[\w.-]+)'/g)].map((m) => m[1]!),
  ...[...source.matchAll(/'(error\.[\w.-]+)'/g)].map((m) => m[1]!),
  ...BUILT,
]);

describe('Spanish error templates', () => {
  it('every error id the code sets has a Spanish message', () => {
    const missing = [...used].filter((id) => !Object.hasOwn(ERROR_MESSAGES_ES, id));
    expect(missing).toEqual([]);
  });

  it('every Spanish message and hint belongs to an id the code sets', () => {
    const orphans = Object.keys(ERROR_MESSAGES_ES).filter((key) => !used.has(key.replace(/\.hint$/, '')));
    expect(orphans).toEqual([]);
  });
});

describe('errors in the user’s locale', () => {
  it('--locale es says the error and its hint in Spanish', () => {
    const { status, stderr } = runCli(['audit', DEMO, '--locale', 'es']);
    expect(status).toBe(2);
    expect(stderr).toContain('second-impression: no se indicó la marca');
    expect(stderr).toContain('  pista: nombra sus cuentas con --brand');
  });

  it('a Spanish LANG is enough, and the placeholders are filled', () => {
    const { status, stderr } = runCli(['audit', DEMO, '--brand', 'Verdemar', '--since', '2026-13-45'], { env: { LANG: 'es_ES.UTF-8' } });
    expect(status).toBe(2);
    expect(stderr).toContain('--since «2026-13-45» no es una fecha ISO 8601');
    expect(stderr).toContain('pista: escríbela como 2026-11-01');
  });

  it('a reader refusing a whole file says so in Spanish: a page without reviews, a CSV without its columns', () => {
    const page = runCli(['audit', 'fixtures/ingest/json-ld/cookie-wall.html', '--brand', 'Cafe', '--locale', 'es']);
    expect(page.status).toBe(2);
    expect(page.stderr).toContain('cookie-wall.html: página guardada sin reseñas: muestra un muro de cookies');
    expect(page.stderr).toContain('pista: abre la página');
    const csv = runCli(['audit', '-', '--brand', 'Marca', '--locale', 'es', '--input-format', 'generic-csv'], { input: 'fecha,mensaje\n2026-10-01,hola\n' });
    expect(csv.status).toBe(2);
    expect(csv.stderr).toMatch(/-: faltan columnas obligatorias en este CSV: id, author/);
  });

  it('ingest --locale es counts its warnings in Spanish on stderr', () => {
    const csv = 'id,author,created_at,text\n1,a,not a date,hola\n2,b,2026-01-01T00:00:00Z,hi\n';
    expect(runCli(['ingest', '-', '--locale', 'es'], { input: csv }).stderr).toContain('second-impression: 1 aviso al leer (1 bad-date)');
    expect(runCli(['ingest', '-'], { input: csv }).stderr).toContain('second-impression: 1 warning while reading (1 bad-date)');
  });

  it('a missing input and the rules listing in Spanish', () => {
    const missing = runCli(['audit', 'no-such-folder', '--brand', 'X', '--locale', 'es']);
    expect(missing.stderr).toContain('no se puede leer la entrada no-such-folder: no existe ese archivo o carpeta');
    expect(missing.stderr).toContain('pista: revisa la ruta');
    const rules = runCli(['rules', '--locale', 'es']).stdout;
    expect(rules).toContain('nothing-deleted · peso 2 · Nada se borra');
    expect(rules).not.toContain(' · weight ');
  });

  it('English otherwise', () => {
    const { stderr } = runCli(['audit', DEMO, '--brand', 'Nadie']);
    expect(stderr).toContain('second-impression: no post by @Nadie in the inputs');
    expect(stderr).toContain('  hint: ');
    const spanish = runCli(['audit', DEMO, '--brand', 'Nadie', '--locale', 'es']).stderr;
    expect(spanish).toMatch(/ninguna publicación de @Nadie en las entradas; marcan como la marca a Verdemar/);
    expect(spanish).toContain('¿querías decir --brand Verdemar?');
  });
});
