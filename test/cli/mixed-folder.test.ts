/** A folder mixing an X archive zip, a Facebook export and a CSV audits in one command. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildZip } from '../io/build-zip.js';
import { ROOT, runCli } from './run-cli.js';

const X_DATA = path.join(ROOT, 'fixtures/ingest/x-archive/data');

function mixedFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'si-mixed-'));
  const entries = readdirSync(X_DATA)
    .sort()
    .map((name) => ({ name: `data/${name}`, data: readFileSync(path.join(X_DATA, name)) }));
  writeFileSync(path.join(dir, 'twitter-2026-10-20-archive.zip'), buildZip([{ name: 'Your archive.html', data: '<html></html>' }, ...entries]));
  const facebook = path.join(dir, 'facebook', 'your_facebook_activity', 'comments_and_reactions');
  mkdirSync(facebook, { recursive: true });
  writeFileSync(path.join(facebook, 'comments.json'), readFileSync(path.join(ROOT, 'fixtures/ingest/facebook-export/comments.json')));
  writeFileSync(
    path.join(dir, 'inbox.csv'),
    [
      'id,author,created_at,text,in_reply_to',
      'c1,marta_rg,2026-10-16T09:00:00Z,¿Cuándo vuelve el agua a mi calle?,',
      'c2,AguaClaraAyuda,2026-10-16T09:45:00Z,Hola Marta: hacia las 12 h.,c1',
    ].join('\n'),
  );
  return dir;
}

describe('audit of a mixed folder', () => {
  it('reads the zip entries, the Facebook export and the CSV in one run, each listed in inputs', () => {
    const dir = mixedFolder();
    const run = runCli(['audit', dir, '--brand', 'AguaClaraAyuda', '--brand', 'Agua Clara', '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as {
      inputs: { path: string; format: string; posts: number; channel?: string }[];
      metrics: { conversations: number; firstResponseMinutes: { count: number } };
      warnings: { input: string; code: string }[];
    };
    const zip = path.join(dir, 'twitter-2026-10-20-archive.zip');
    const byPath = Object.fromEntries(result.inputs.map((i) => [i.path, i]));
    expect(byPath[`${zip}!data/tweets.js`]).toMatchObject({ format: 'x-archive', channel: 'AguaClaraAyuda' });
    expect(byPath[path.join(dir, 'facebook/your_facebook_activity/comments_and_reactions/comments.json')]).toMatchObject({
      format: 'facebook-export',
      posts: 4,
      channel: 'Agua Clara',
    });
    expect(byPath[path.join(dir, 'inbox.csv')]).toMatchObject({ format: 'generic-csv', posts: 2 });
    // The archive's four answered tweets and the CSV's conversation.
    expect(result.metrics.conversations).toBe(5);
    expect(result.metrics.firstResponseMinutes.count).toBe(5);
    // The archive's companion files and its viewer are read with tweets.js or hold nothing to audit: passed
    // over without a warning (named on the command line, they are still refused with the reason).
    expect(result.warnings.filter((w) => w.code === 'unsupported-format')).toEqual([]);
    expect(result.warnings.map((w) => w.code)).not.toContain('unknown-format');
  });

  it('reads the zip named on its own, and stops with exit 2 on a truncated one, naming it', () => {
    const dir = mixedFolder();
    const zip = path.join(dir, 'twitter-2026-10-20-archive.zip');
    const ok = runCli(['audit', zip, '--brand', 'AguaClaraAyuda', '--format', 'json']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).inputs.map((i: { path: string }) => i.path)).toEqual([`${zip}!data/tweets.js`]);

    const bytes = readFileSync(zip);
    const cut = path.join(dir, 'cut.zip');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 100));
    const bad = runCli(['audit', cut, '--brand', 'AguaClaraAyuda']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`${cut}: not a readable zip archive (truncated or corrupt`);
  });

  it('names a recognised but unsupported file given on the command line', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'si-linkedin-'));
    const file = path.join(dir, 'Comments.csv');
    writeFileSync(file, 'Date,Link,Message\n2026-10-14 08:12:00,https://www.linkedin.com/feed/update/urn:li:activity:1,Gracias\n');
    const run = runCli(['audit', file, '--brand', 'AguaClaraAyuda']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/this looks like a LinkedIn export \(Comments\.csv\): not supported yet; .*generic CSV with columns id, author, created_at/);
  });
});
