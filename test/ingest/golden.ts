/**
 * Golden fixtures: every file of fixtures/ingest/<adapter-id>/ except expected.json is ingested (format
 * detected, not forced) and compared with expected.json: the normalized posts, the notes and the warnings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { ingest } from './helpers.js';

export const FIXTURES = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../fixtures/ingest');

export function fixtureFiles(adapterId: string): string[] {
  return readdirSync(path.join(FIXTURES, adapterId))
    .filter((f) => f !== 'expected.json')
    .sort();
}

export function fixture(adapterId: string, file: string): Buffer {
  return readFileSync(path.join(FIXTURES, adapterId, file));
}

export async function checkGolden(adapterId: string): Promise<void> {
  const expected = JSON.parse(readFileSync(path.join(FIXTURES, adapterId, 'expected.json'), 'utf8')) as Record<string, unknown>;
  const files = fixtureFiles(adapterId);
  expect(Object.keys(expected).sort()).toEqual(files);
  for (const file of files) {
    const run = await ingest(file, fixture(adapterId, file));
    const actual = {
      format: run.summary.format,
      ...(run.summary.channel === undefined ? {} : { channel: run.summary.channel }),
      posts: run.posts,
      notes: run.summary.notes,
      warnings: run.warnings.map((w) => ({ code: w.code, message: w.message })),
    };
    expect(actual, file).toEqual(expected[file]);
  }
}
