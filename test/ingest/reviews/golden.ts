/**
 * Golden files for the review adapters: a fixture page is read through the real io (its file, decoded as
 * the CLI decodes it) and its normalized posts, notes, warnings and channel are compared with
 * `<fixture>.expected.json` beside it. `UPDATE_GOLDEN=1 npx vitest run test/ingest/reviews` rewrites them;
 * a rewritten golden file is read and checked by hand before it is kept.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { AdapterInput, IngestOptions } from '../../../src/contract/adapter.js';
import type { Post } from '../../../src/contract/post.js';
import { noteText } from '../../../src/contract/warning.js';
import { adapterById, Corpus, detectAdapter, ingestSource } from '../../../src/ingest/index.js';
import { expandInputs, openText } from '../../../src/io/read-inputs.js';
import { DEFAULT_OPTIONS } from '../helpers.js';

export const FIXTURES = fileURLToPath(new URL('../../../fixtures/ingest/', import.meta.url));

export interface ReviewRun {
  format: string;
  channel: string | undefined;
  posts: Post[];
  notes: string[];
  warnings: { line?: number; code: string; message: string }[];
}

/** Reads one fixture file (detected, or with `adapterId`) into a fresh corpus. */
export async function readFixture(
  relative: string,
  opts: { adapterId?: string; options?: Partial<IngestOptions>; metadata?: AdapterInput['metadata'] } = {},
): Promise<ReviewRun> {
  const file = path.join(FIXTURES, relative);
  const [input] = await expandInputs([file], async function* () {});
  const source = await openText(input!);
  if (opts.metadata) source.metadata = opts.metadata;
  const adapter = opts.adapterId ? adapterById(opts.adapterId) : detectAdapter({ name: source.name, head: source.head })?.adapter;
  if (!adapter) throw new Error(`no adapter for ${relative}`);
  const corpus = new Corpus();
  const summary = await ingestSource(corpus, source, adapter, { ...DEFAULT_OPTIONS, ...opts.options });
  const posts: Post[] = [];
  for (let i = 0; i < corpus.table.length; i++) {
    const post = corpus.table.get(i);
    posts.push({ ...post, source: { ...post.source, file: path.relative(FIXTURES, post.source.file) } });
  }
  const warnings = corpus.warnings.list().map(({ input: _, ...w }) => w);
  return { format: summary.format, channel: summary.channel, posts, notes: summary.notes.map(noteText), warnings };
}

/** Compares a run with its golden file (or writes it with UPDATE_GOLDEN=1). */
export function expectGolden(relative: string, run: ReviewRun): void {
  const golden = path.join(FIXTURES, relative.replace(/\.[a-z]+$/, '.expected.json'));
  if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, `${JSON.stringify(run, null, 2)}\n`);
  expect(run).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
}
