/** `second-impression formats` in Spanish: every reader has its sentences, and --locale or LANG picks them. */
import { describe, expect, it } from 'vitest';
import { FORMATS_ES } from '../../src/i18n/formats-es.js';
import { ADAPTERS } from '../../src/ingest/index.js';
import { runCli } from './run-cli.js';

describe('formats in Spanish', () => {
  it('has a title, detection rule and yield for every reader, and for no other', () => {
    expect(Object.keys(FORMATS_ES)).toEqual(ADAPTERS.map((adapter) => adapter.id));
    for (const [id, entry] of Object.entries(FORMATS_ES)) {
      for (const text of [entry.title, entry.detection, entry.yields]) expect(text.trim().length, id).toBeGreaterThan(0);
      const english = ADAPTERS.find((adapter) => adapter.id === id)!;
      expect(entry.yields, id).not.toBe(english.yields);
    }
  });

  it('--locale es and a Spanish LANG print it; English otherwise', () => {
    const es = runCli(['formats', '--locale', 'es']).stdout;
    expect(es).toContain('  se reconoce: ');
    expect(es).toContain(`  da: ${FORMATS_ES.twcs!.yields}`);
    expect(runCli(['formats'], { env: { LANG: 'es_MX.UTF-8' } }).stdout).toContain('  se reconoce: ');
    const en = runCli(['formats']).stdout;
    expect(en).toContain('  detected: ');
    const json = JSON.parse(runCli(['formats', '--format', 'json', '--locale', 'es']).stdout);
    expect(json.map((a: { id: string }) => a.id)).toEqual(ADAPTERS.map((adapter) => adapter.id));
  });
});
