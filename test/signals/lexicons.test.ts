/**
 * Every lexicon file, whatever its signal: well-formed entries, ids that say what they are, examples that
 * behave as documented, and no example taken from the evaluation set (which must stay a measuring set).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Lexicon, type LexiconEntry } from '../../src/signals/lexicon.js';
import { readLexiconFile as loadLexiconEntries } from '../../src/io/resources.js';
import { tokenize } from '../../src/signals/tokens.js';
import { fold, ROOT, tunedOnTexts } from '../helpers/eval-sets.js';

const FILES = ['es', 'en'].flatMap((lang) =>
  readdirSync(path.join(ROOT, 'data/lexicons', lang))
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => `${lang}/${f}`),
);
const KEYS = ['id', 'phrase', 'kind', 'weight', 'start', 'end', 'notAfter', 'notBefore', 'case', 'region', 'note', 'examples'];

// The tuning set and the development sets fixtures/eval/dev2 and dev3 (never the blind sets: only the floors test measures them).
const EVAL_TEXTS = tunedOnTexts();

describe.each(FILES)('data/lexicons/%s', (file) => {
  const [lang, name] = file.split('/') as [string, string];
  const signal = name.replace(/\.jsonl$/, '');
  const entries = loadLexiconEntries(file);

  it('has well-formed entries with known keys, weights in 0..1 and ids <lang>.<signal>.<kind>.<slug>, sorted and unique', () => {
    const problems: string[] = [];
    const ids = entries.map((e) => e.id);
    if (new Set(ids).size !== ids.length) problems.push('duplicate ids');
    if (ids.join('\n') !== [...ids].sort().join('\n')) problems.push('ids not sorted');
    for (const e of entries) {
      const unknown = Object.keys(e).filter((k) => !KEYS.includes(k));
      if (unknown.length) problems.push(`${e.id}: unknown keys ${unknown.join(',')}`);
      if (!(e.weight >= 0 && e.weight <= 1)) problems.push(`${e.id}: weight ${e.weight}`);
      const [prefix, sig, kind] = e.id.split('.');
      if (prefix !== lang || sig !== signal || kind !== e.kind) problems.push(`${e.id}: id does not match ${lang}.${signal}.${e.kind}`);
    }
    expect(problems).toEqual([]);
  });

  it('compiles, and every example matches (pos) or does not match (neg) its own entry', () => {
    const lexicon = new Lexicon(entries);
    const problems: string[] = [];
    const hits = (entry: LexiconEntry, text: string): boolean => lexicon.match(tokenize(text), text).some((m) => m.entry.id === entry.id);
    for (const e of entries) {
      for (const text of e.examples?.pos ?? []) if (!hits(e, text)) problems.push(`${e.id} misses its example "${text}"`);
      for (const text of e.examples?.neg ?? []) if (hits(e, text)) problems.push(`${e.id} fires on its counter-example "${text}"`);
    }
    expect(problems).toEqual([]);
  });

  it('takes no example from the evaluation sets (tuning, dev2 and dev3)', () => {
    const copied = entries.flatMap((e) =>
      [...(e.examples?.pos ?? []), ...(e.examples?.neg ?? [])].filter((t) => EVAL_TEXTS.has(fold(t))).map((t) => `${e.id}: "${t}"`),
    );
    expect(copied).toEqual([]);
  });
});
