import { describe, expect, it } from 'vitest';
import { HELP_ES } from '../../src/cli/help-es.js';
import { helpDescriptions, helpLocale } from '../../src/cli/help-locale.js';
import { buildProgram } from '../../src/cli/main.js';
import { runCli } from './run-cli.js';

const english = helpDescriptions(buildProgram({ exitCode: 0, debug: false }, 'en'));

describe('--help in Spanish', () => {
  it('has a Spanish sentence for every description of every command, option and argument', () => {
    expect(english.filter((d) => !Object.hasOwn(HELP_ES, d))).toEqual([]);
  });

  it('keeps no translation of a description that no longer exists', () => {
    expect(Object.keys(HELP_ES).filter((d) => !english.includes(d))).toEqual([]);
  });

  it('says the descriptions and the headings in Spanish, from --locale or LANG', () => {
    const viaFlag = runCli(['audit', '--help', '--locale', 'es'], { env: { LANG: 'C.UTF-8', LC_ALL: '' } });
    const viaEnv = runCli(['audit', '--help'], { env: { LANG: 'es_ES.UTF-8', LC_ALL: '' } });
    for (const result of [viaFlag, viaEnv]) {
      expect(result.stdout).toContain('Opciones:');
      expect(result.stdout).toContain('idioma del informe');
      expect(result.stdout).not.toContain('Options:');
      expect(result.stdout).toContain('(valores: "en", "es")');
    }
    const plain = runCli(['audit', '--help'], { env: { LANG: 'C.UTF-8', LC_ALL: '' } });
    expect(plain.stdout).toContain('Options:');
    expect(plain.stdout).toContain('report language');
  });

  it('reads the locale from the command line before the environment', () => {
    expect(helpLocale(['node', 'bin', 'audit', '--locale', 'en'])).toBe('en');
    expect(helpLocale(['node', 'bin', 'audit', '--locale=es'])).toBe('es');
  });
  it('says the usage line in Spanish too, the option and argument names as typed', () => {
    const { stdout } = runCli(['--help', '--locale', 'es']);
    expect(stdout.split('\n')[0]).toBe('Uso: second-impression [opciones] [orden]');
  });
});
