import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

describe('a business that answers no review', () => {
  const page = `<!-- saved from url=(0080)https://www.tripadvisor.es/Hotel_Review-g1-d2-Reviews-Hostal_Ribera-Sevilla.html -->
<html lang="es"><head><meta charset="utf-8"><title>HOSTAL RIBERA (Sevilla): opiniones - Tripadvisor</title></head><body>
<div data-automation="reviewCard"><svg aria-labelledby="t1"><title id="t1">1,0 de 5 burbujas</title></svg>
<div data-test-target="review-title"><a><span>Ruido toda la noche</span></a></div>
<span class="x"><span>Nadie en recepción y la ducha sin agua caliente.</span></span>
<div class="y">Escrita el 3 de septiembre de 2026</div></div>
<div data-automation="reviewCard"><svg aria-labelledby="t2"><title id="t2">2,0 de 5 burbujas</title></svg>
<div data-test-target="review-title"><a><span>Mal mantenimiento</span></a></div>
<span class="x"><span>El aire acondicionado goteaba sobre la cama.</span></span>
<div class="y">Escrita el 10 de septiembre de 2026</div></div></body></html>`;
  const dir = mkdtempSync(path.join(tmpdir(), 'si-noreply-'));
  const file = path.join(dir, 'ribera.html');
  writeFileSync(file, page);

  it('is audited when the page names it: its unanswered reviews are findings, not a misspelt --brand', () => {
    const { status, stdout } = runCli(['audit', file, '--brand', 'Hostal Ribera', '--as-of', '2026-10-30T00:00:00Z', '--format', 'json']);
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.metrics.conversations).toBe(2);
    expect(result.metrics.ignored).toBe(2);
    expect(result.metrics.replyRate).toBe(0);
  });

  it('a name the page does not carry is still refused', () => {
    const { status, stderr } = runCli(['audit', file, '--brand', 'Hostal Rivera']);
    expect(status).toBe(2);
    expect(stderr).toContain('no post by @Hostal Rivera');
  });
});
