import { describe, expect, it } from 'vitest';
import { DEMO, runCli } from './run-cli.js';

const AMAZON = 'fixtures/ingest/amazon';

describe('inputs where the brand cannot reply (Amazon product reviews)', () => {
  it('an Amazon-only audit says there is nothing to audit and why, with exit 2', () => {
    const { status, stderr } = runCli(['audit', AMAZON, '--brand', 'Brisa']);
    expect(status).toBe(2);
    expect(stderr).toContain('show no brand reply at all');
    expect(stderr).not.toContain('handles seen most often');
  });

  it('beside the brand’s own channels, Amazon reviews open no conversation and are not called ignored', () => {
    const brand = ['--brand', 'VerdemarAyuda,VerdemarHelp,Verdemar,Brisa', '--format', 'json'];
    const alone = JSON.parse(runCli(['audit', DEMO, ...brand]).stdout);
    const mixed = JSON.parse(runCli(['audit', DEMO, AMAZON, ...brand]).stdout);
    const amazon = mixed.inputs.filter((input: { format: string }) => input.format === 'amazon');
    expect(amazon).toHaveLength(2);
    for (const input of amazon) {
      expect(input.conversations).toBe(0);
      expect(input.notes.join('\n')).toContain('never scored as conversations the brand owed an answer');
    }
    expect(mixed.warnings.filter((w: { code: string }) => w.code === 'input-not-brand')).toEqual([]);
    expect(mixed.metrics).toEqual(alone.metrics);
    expect(mixed.score).toEqual(alone.score);
  });
});
