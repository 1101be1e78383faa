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

/** Ids built from a template literal in main.ts (brandAbsent): every variant it can make. */
const BUILT = ['error.brand-absent', 'error.brand-absent.seen', 'error.brand-absent.mentioned', 'error.brand-absent.mentioned.seen'];
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

  it('English otherwise', () => {
    const { stderr } = runCli(['audit', DEMO, '--brand', 'Nadie']);
    expect(stderr).toContain('second-impression: no post by @Nadie in the inputs');
    expect(stderr).toContain('  hint: ');
    const spanish = runCli(['audit', DEMO, '--brand', 'Nadie', '--locale', 'es']).stderr;
    expect(spanish).toMatch(/ninguna publicación de @Nadie en las entradas; marcan como la marca a Verdemar/);
    expect(spanish).toContain('¿querías decir --brand Verdemar?');
  });
});
