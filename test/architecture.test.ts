/**
 * The dependency rule (docs/architecture.md), checked from the imports in src/:
 * 1. the top-level parts (each folder, each root file) import each other without a cycle;
 * 2. renderers (src/report) import only the contract, i18n and themselves (plus npm packages);
 * 3. only src/cli and src/io touch the file system, network, processes or a database;
 * 4. src/audit.ts and src/report name no rule id as a string literal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/index.js';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

const FILES = sourceFiles(SRC).map((file) => ({ file: path.relative(SRC, file), text: readFileSync(file, 'utf8') }));
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

/** "model/timeline.ts" → "model"; "audit.ts" → "audit". */
function partOf(file: string): string {
  const [first, ...rest] = file.split('/');
  return rest.length > 0 ? first! : first!.replace(/\.ts$/, '');
}

function importsOf(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2]!);
}

const partEdges = new Map<string, Set<string>>();
for (const { file, text } of FILES) {
  const from = partOf(file);
  for (const spec of importsOf(text)) {
    if (!spec.startsWith('.')) continue;
    const target = partOf(path.normalize(path.join(path.dirname(file), spec)).replace(/\.js$/, '.ts'));
    if (target === from) continue;
    if (!partEdges.has(from)) partEdges.set(from, new Set());
    partEdges.get(from)!.add(target);
  }
}

describe('architecture: the dependency rule', () => {
  it('top-level parts import each other without a cycle', () => {
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (part: string, trail: string[]): void => {
      if (state.get(part) === 'done') return;
      if (state.get(part) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(part)), part].join(' → '));
        return;
      }
      state.set(part, 'visiting');
      for (const next of partEdges.get(part) ?? []) visit(next, [...trail, part]);
      state.set(part, 'done');
    };
    for (const part of partEdges.keys()) visit(part, []);
    expect(cycles).toEqual([]);
  });

  it('renderers import only the contract, i18n and each other', () => {
    for (const target of partEdges.get('report') ?? []) expect(['contract', 'i18n']).toContain(target);
  });

  it('only cli and io import the file system, network, processes or a database', () => {
    const IO =
      /^(?:node:)?(?:fs|fs\/promises|net|http|https|http2|child_process|worker_threads|dgram|tls|dns)$|^(?:undici|better-sqlite3|sqlite3|node-sqlite3-wasm)$/;
    const offenders = FILES.filter(({ file }) => !file.startsWith('cli/') && !file.startsWith('io/')).flatMap(({ file, text }) =>
      importsOf(text)
        .filter((spec) => IO.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('audit.ts and the renderers name no rule id as a string literal', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    const offenders = FILES.filter(({ file }) => file === 'audit.ts' || file.startsWith('report/')).flatMap(({ file, text }) =>
      ids.filter((id) => text.includes(`'${id}'`) || text.includes(`"${id}"`) || text.includes(`\`${id}\``)).map((id) => `${file} names ${id}`),
    );
    expect(offenders).toEqual([]);
  });
});
