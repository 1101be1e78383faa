import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

const PAGE = path.join(ROOT, 'fixtures/ingest/google-maps/no-save-date.html');

describe('a saved page that says nowhere when it was saved', () => {
  it('without --as-of its relative dates cannot be resolved: exit 2, naming the file and how to save it', () => {
    const { status, stderr } = runCli(['ingest', PAGE]);
    expect(status).toBe(2);
    expect(stderr).toContain('no-save-date.html');
    expect(stderr).toMatch(/hint: save the page with SingleFile or `second-impression fetch`/);
  });

  it('--as-of is "now" for the page too: "2 weeks ago" is two weeks before it', () => {
    const { status, stdout } = runCli(['ingest', PAGE, '--as-of', '2026-10-05T09:00:00Z']);
    expect(status).toBe(0);
    const posts = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { createdAt: string; timePrecision?: string; role?: string });
    const review = posts.find((p) => p.timePrecision === 'relative');
    expect(review).toBeDefined();
    expect(review!.createdAt).toBe('2026-09-21T09:00:00Z');
  });
});
