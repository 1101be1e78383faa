import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertValidResult } from '../helpers/schema.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin/second-impression.js');
export const DEMO = path.join(ROOT, 'fixtures/demo');
export const DEMO_BRAND = ['--brand', 'VerdemarAyuda,VerdemarHelp,Verdemar'];

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would: no TTY, no colour, a fixed environment. */
export function runCli(args: string[], options: { input?: string; cwd?: string; env?: Record<string, string> } = {}): CliResult {
  if (!existsSync(path.join(ROOT, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does it) before the CLI tests');
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  // Every JSON audit result a test produces must match the published schema.
  const format = args.indexOf('--format');
  if (args[0] === 'audit' && format >= 0 && args[format + 1] === 'json' && result.status !== 2 && !args.includes('--output'))
    assertValidResult(JSON.parse(result.stdout));
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
