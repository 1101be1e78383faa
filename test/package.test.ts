/** The package imports by its name (package.json "exports"), and its entry audits and renders on its own. */
import { describe, expect, it } from 'vitest';

describe('the package entry', () => {
  it('imports by name and audits the demo without the command line', async () => {
    const pkg = await import('second-impression');
    await pkg.loadDefaultResources();
    const corpus = await pkg.readInputs(['fixtures/demo']);
    const result = pkg.runAudit(corpus, { handles: ['VerdemarAyuda', 'VerdemarHelp', 'Verdemar'], config: pkg.defaultConfig(), toolVersion: 'test' });
    expect(result.schemaVersion).toBe(pkg.SCHEMA_VERSION);
    expect(result.metrics.conversations).toBeGreaterThan(0);
    expect(pkg.RULES.length).toBeGreaterThan(0);
    expect(pkg.ADAPTERS.map((a) => a.id)).toContain('generic-csv');
    expect(pkg.RENDERERS.map((r) => r.id)).toEqual(expect.arrayContaining(['text', 'json']));
    expect(pkg.renderReport(result, 'text', 'es')).toContain('Segunda impresión');
    expect(JSON.parse(pkg.renderReport(result, 'json')).score).toBe(result.score);
  });
});
