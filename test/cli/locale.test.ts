import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { environmentLocale } from '../../src/cli/config-file.js';
import { DEMO, DEMO_BRAND, runCli } from './run-cli.js';

describe('the report language', () => {
  it('follows LC_ALL, then LC_MESSAGES, then LANG: Spanish for any es locale', () => {
    expect(environmentLocale({ LANG: 'es_ES.UTF-8' })).toBe('es');
    expect(environmentLocale({ LANG: 'es_MX' })).toBe('es');
    expect(environmentLocale({ LANG: 'es' })).toBe('es');
    expect(environmentLocale({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(environmentLocale({ LANG: 'C.UTF-8' })).toBe('en');
    expect(environmentLocale({ LANG: 'estonian' })).toBe('en');
    expect(environmentLocale({ LC_ALL: 'en_GB.UTF-8', LANG: 'es_ES.UTF-8' })).toBe('en');
    expect(environmentLocale({ LC_MESSAGES: 'es_AR.UTF-8', LANG: 'en_US.UTF-8' })).toBe('es');
    expect(environmentLocale({})).toBe('en');
  });

  it('LANG=es_ES gives a Spanish report and Spanish stderr; the config file and --locale win over it', () => {
    const spanish = runCli(['audit', DEMO, ...DEMO_BRAND, '--as-of', '2026-11-19T18:10:00Z'], { env: { LANG: 'es_ES.UTF-8' } });
    expect(spanish.status).toBe(0);
    expect(spanish.stdout).toContain('Puntuación de segunda impresión');
    const csv = 'id,author,created_at,text,in_reply_to\n1,ana,2026-10-01T09:00:00Z,¿Hola?,\n2,Marca,2026-10-01T09:30:00Z,Hola Ana,1\n3,luis,ayer,¿Y lo mío?,\n';
    const warned = runCli(['audit', '-', '--brand', 'Marca'], { input: csv, env: { LANG: 'es_ES.UTF-8' } });
    expect(warned.stderr).toMatch(/^second-impression: 1 aviso \(1 bad-date\); el detalle está en el informe$/m);
    const forced = runCli(['audit', DEMO, ...DEMO_BRAND, '--locale', 'en'], { env: { LANG: 'es_ES.UTF-8' } });
    expect(forced.stdout).toContain('Second-impression score');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'si-locale-'));
    const config = path.join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ locale: 'en' }));
    const fromConfig = runCli(['audit', DEMO, ...DEMO_BRAND, '--config', config], { env: { LANG: 'es_ES.UTF-8' } });
    expect(fromConfig.stdout).toContain('Second-impression score');
    writeFileSync(config, JSON.stringify({ slaMinutes: 30 }));
    const unnamed = runCli(['audit', DEMO, ...DEMO_BRAND, '--config', config], { env: { LANG: 'es_ES.UTF-8' } });
    expect(unnamed.stdout).toContain('Puntuación de segunda impresión');
  });
});
