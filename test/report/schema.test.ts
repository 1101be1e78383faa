import { describe, expect, it } from 'vitest';
import { DEMO, DEMO_BRAND, runCli } from '../cli/run-cli.js';
import { schemaErrors } from '../helpers/schema.js';

describe('schema/audit-result.v1.json', () => {
  const demo = JSON.parse(runCli(['audit', DEMO, ...DEMO_BRAND, '--format', 'json']).stdout);

  it('accepts the demo result in both locales', () => {
    expect(schemaErrors(demo)).toEqual([]);
    expect(schemaErrors(JSON.parse(runCli(['audit', DEMO, ...DEMO_BRAND, '--format', 'json', '--locale', 'es']).stdout))).toEqual([]);
  });

  it('rejects what a reader could not trust: a missing key, a score over 100, an unknown severity, a lone surrogate', () => {
    const { score: _score, ...withoutScore } = demo;
    expect(schemaErrors(withoutScore).join()).toMatch(/must have required property 'score'/);
    expect(schemaErrors({ ...demo, score: 140 }).join()).toMatch(/\/score must be <= 100/);
    expect(schemaErrors({ ...demo, findings: [{ ...demo.findings[0], severity: 'fatal' }] }).join()).toMatch(/\/findings\/0\/severity/);
    expect(schemaErrors({ ...demo, brand: { handles: ['\uD83D'] } })).toContain('a string holds a lone surrogate');
    expect(schemaErrors({ ...demo, surprise: 1 }).join()).toMatch(/must NOT have additional properties/);
  });
});
