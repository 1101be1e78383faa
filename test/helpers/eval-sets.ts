/**
 * The labelled evaluation sets as tests read them: the folded texts of the sets tuned on (so no lexicon example
 * or test text copies a row), the floors' precision and recall on a development set, and the signal judges the
 * signal tests share. The frozen blind sets are not read here: only their floors test measures them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectNeedsReply } from '../../src/signals/needs-reply.js';
import { CONTEXT_DETECTORS, DETECTORS, postedAtOf, type LabelledExample } from '../../src/signals/evaluate.js';
import { detectPromise } from '../../src/signals/promise.js';
import { detectBlame, detectDenial, detectPolitics, detectTone, prepare } from '../../src/signals/text-signals.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Lower case, no accents, letters and digits only: two texts that differ only in spelling compare equal. */
export const fold = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9ñ ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const jsonlFiles = (dir: string): string[] =>
  readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => path.join(ROOT, dir, f));

const rows = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

/** The folded texts of the tuning set and the development sets dev2 and dev3. */
export function tunedOnTexts(): Set<string> {
  return new Set(
    ['fixtures/eval', 'fixtures/eval/dev2', 'fixtures/eval/dev3'].flatMap(jsonlFiles).flatMap((file) => rows<{ text: string }>(file).map((r) => fold(r.text))),
  );
}

/** The categories a development set has a file for. */
export function devSetCategories(set: string): string[] {
  return jsonlFiles(`fixtures/eval/${set}`)
    .map((f) => path.basename(f, '.jsonl'))
    .sort();
}

type DevRow = LabelledExample & { context?: string | { role: string; text: string }[] };

/** The thread post a row answers: dev2 stores it as text, dev3 as the earlier messages (the latest by the other side). */
function answered(row: DevRow): string | undefined {
  if (typeof row.context === 'string' || row.context === undefined) return row.context;
  const messages = row.context;
  return ([...messages].reverse().find((m) => m.role !== row.role) ?? messages[messages.length - 1])?.text ?? '';
}

/** Precision and recall of the product's detector on one file of a development set (promises: on the labelled day). */
export function devSetScore(set: string, category: string): { precision: number; recall: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const e of rows<DevRow>(path.join(ROOT, 'fixtures/eval', set, `${category}.jsonl`))) {
    let fired: boolean;
    const thread = answered(e);
    if (category === 'promise') {
      const { ms, offsetMinutes } = postedAtOf(e.postedAt!);
      fired = detectPromise(e.text, ms, offsetMinutes)?.deadline === (e.deadline ?? undefined);
      if (e.label !== true) fired = detectPromise(e.text, ms, offsetMinutes) !== null;
    } else if (thread !== undefined && CONTEXT_DETECTORS[category]) fired = CONTEXT_DETECTORS[category](e.text, thread);
    else fired = DETECTORS[category]!(e.text);
    if (fired && e.label) tp++;
    else if (fired) fp++;
    else if (e.label) fn++;
  }
  return { precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn) };
}

/** The signals as the unit tests of new cue families ask them, one boolean (or deadline) each. */
export const offensive = (text: string): boolean => {
  const tone = detectTone(prepare(text));
  return tone.profanity !== null || tone.insult !== null;
};
export const sarcastic = (text: string, context?: string): boolean => detectTone(prepare(text), context).sarcasm !== null;
export const political = (text: string): boolean => detectPolitics(prepare(text)) !== null;
export const denies = (text: string): boolean => detectDenial(prepare(text)) !== null || detectBlame(prepare(text)) !== null;
export const needs = (text: string, context?: string): boolean => detectNeedsReply(text, undefined, context).needsReply;
/** The deadline of a promise posted on Tuesday 2026-03-10, 10:00 in Madrid (+01:00). */
export const promised = (text: string): string | null => detectPromise(text, Date.parse('2026-03-10T09:00:00Z'), 60)?.deadline ?? null;
