/**
 * Input warnings and notes in the report's locale: the catalogue's Spanish templates, their fallbacks,
 * and that every keyed warning or note the readers produce on the fixtures finds its template.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IngestWarning, InputNote } from '../../src/contract/warning.js';
import { INPUT_MESSAGES_ES } from '../../src/i18n/input-messages-es.js';
import { catalogFor } from '../../src/rules/index.js';
import { runCli } from '../cli/run-cli.js';
import { FIXTURES } from '../ingest/golden.js';
import { ingest } from '../ingest/helpers.js';

const es = catalogFor('es');
const en = catalogFor('en');
const SRC = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}

describe('the Spanish input-message templates', () => {
  // The catalogues themselves are left out: an id found only there is one no code sets.
  const source = sourceFiles(SRC)
    .filter((file) => !/[/\\]i18n[/\\](?:input|error)-messages-es[\w-]*\.ts$/.test(file))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');

  it.each(Object.keys(INPUT_MESSAGES_ES))('%s is an id or code the code uses', (id) => {
    // An id built from a template literal (`reviews.page-states.${variant}`) counts by its fixed prefix.
    const prefix = id.includes('.') ? id.slice(0, id.lastIndexOf('.') + 1) : undefined;
    const used = source.includes(`'${id}'`) || (prefix !== undefined && source.includes(`\`${prefix}\${`));
    expect(used, `no '${id}' in src/`).toBe(true);
  });

  it('use only well-formed placeholders', () => {
    for (const [id, template] of Object.entries(INPUT_MESSAGES_ES)) {
      const braces = template.replace(/\{\w+(?::[^:{}]+:[^:{}]+)?\}/g, '');
      expect(/[{}]/.test(braces), id).toBe(false);
    }
  });
});

describe('Catalog.warning and Catalog.note', () => {
  const warning: IngestWarning = {
    input: 'a.csv',
    line: 3,
    code: 'ragged-row',
    message: 'expected 4 fields, found 2; row skipped',
    data: { expected: 4, found: 2 },
  };

  it('say a keyed warning in Spanish and keep English as it was written', () => {
    expect(es.warning(warning)).toBe('se esperaban 4 campos y hay 2; fila omitida');
    expect(en.warning(warning)).toBe('expected 4 fields, found 2; row skipped');
  });

  it('fall back to the English sentence without data, with missing data or with an unknown id', () => {
    expect(es.warning({ ...warning, data: undefined })).toBe(warning.message);
    expect(es.warning({ ...warning, data: { expected: 4 } })).toBe(warning.message);
    expect(es.warning({ ...warning, id: 'no-such-message' })).toBe(warning.message);
  });

  it('never read placeholders inside the values they fill in', () => {
    expect(es.warning({ ...warning, data: { expected: '{found}', found: '{n}' } })).toBe('se esperaban {found} campos y hay {n}; fila omitida');
  });

  it('say plain and keyed notes', () => {
    const keyed: InputNote = { text: 'decoded as windows-1252', id: 'decoded-as', data: { encoding: 'windows-1252' } };
    expect(es.note(keyed)).toBe('leído como windows-1252');
    expect(en.note(keyed)).toBe('decoded as windows-1252');
    expect(es.note('a plain English note')).toBe('a plain English note');
  });
});

describe('keyed warnings and notes from the readers', () => {
  it('every keyed warning and note the golden fixtures give has its Spanish template and data', async () => {
    const missing: string[] = [];
    let keyed = 0;
    for (const adapter of readdirSync(FIXTURES)) {
      const folder = path.join(FIXTURES, adapter);
      if (!statSync(folder).isDirectory()) continue;
      for (const file of readdirSync(folder)) {
        const full = path.join(folder, file);
        if (file === 'expected.json' || statSync(full).isDirectory()) continue;
        let run: Awaited<ReturnType<typeof ingest>>;
        try {
          run = await ingest(file, readFileSync(full));
        } catch {
          continue; // a fixture meant to be refused, or one that needs its siblings: the adapters' own tests cover it
        }
        for (const w of run.warnings) {
          if (w.id === undefined && w.data === undefined) continue;
          keyed++;
          if (es.warning(w) === w.message) missing.push(`${adapter}/${file}: warning ${w.id ?? w.code}`);
        }
        for (const note of run.keyedNotes) {
          if (typeof note === 'string') continue;
          keyed++;
          if (es.note(note) === note.text) missing.push(`${adapter}/${file}: note ${note.id}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(keyed).toBeGreaterThan(0);
  });

  it('the published JSON says warnings and notes in its locale, without the catalogue keys', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'si-messages-'));
    const file = path.join(dir, 'posts.jsonl');
    writeFileSync(
      file,
      [
        '{"id":"1","platform":"x","author":"ana","createdAt":"2026-10-01T10:00:00Z","text":"hola, ¿me ayudáis?"}',
        'esto no es JSON',
        '{"id":"2","platform":"x","author":"Marca","createdAt":"2026-10-01T10:30:00Z","text":"claro","inReplyTo":"1"}',
        '',
      ].join('\n'),
    );
    const run = async (locale: string) => {
      const result = runCli(['audit', file, '--brand', 'Marca', '--format', 'json', '--locale', locale, '--as-of', '2026-10-02T00:00:00Z']);
      return JSON.parse(result.stdout) as { warnings: Record<string, unknown>[]; inputs: { notes: unknown[] }[] };
    };
    const [spanish, english] = [await run('es'), await run('en')];
    expect(spanish.warnings.length).toBeGreaterThan(0);
    for (const report of [spanish, english]) for (const w of report.warnings) expect(Object.keys(w).filter((k) => k === 'id' || k === 'data')).toEqual([]);
    for (const report of [spanish, english]) for (const input of report.inputs) for (const note of input.notes) expect(typeof note).toBe('string');
    expect(spanish.warnings.map((w) => w.message)).toContain('no es un objeto JSON; línea omitida');
    expect(english.warnings.map((w) => w.message)).toContain('not a JSON object; line skipped');
  });
});
