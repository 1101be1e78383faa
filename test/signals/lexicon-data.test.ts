/**
 * The shipped lexicon data (data/lexicons/{es,en}/needs-reply.jsonl) is code: every line is checked.
 */
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { Lexicon, type LexiconEntry } from '../../src/signals/lexicon.js';
import { detectNeedsReply } from '../../src/signals/needs-reply.js';
import { phraseForms, tokenize } from '../../src/signals/tokens.js';

const LANGS = ['es', 'en'] as const;
/**
 * `rhetorical` entries cancel a question mark in praise ("¿quién no…?") and `resolved` ones cancel the
 * complaints told before them ("…, ya va perfecto"); neither makes a post need a reply.
 */
const KINDS = ['complaint', 'problem', 'request', 'question', 'rhetorical', 'resolved'];
const CANCELLING = ['rhetorical', 'resolved'];

function readLines(lang: string): { line: number; text: string }[] {
  const text = readFileSync(new URL(`../../data/lexicons/${lang}/needs-reply.jsonl`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .map((line, index) => ({ line: index + 1, text: line }))
    .filter((l) => l.text.trim() !== '');
}

function entries(lang: string): LexiconEntry[] {
  return readLines(lang).map((l) => JSON.parse(l.text) as LexiconEntry);
}

describe.each(LANGS)('data/lexicons/%s/needs-reply.jsonl', (lang) => {
  it('every line is valid JSON with id, phrase, kind and weight of the right types', () => {
    const problems: string[] = [];
    for (const { line, text } of readLines(lang)) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(text) as Record<string, unknown>;
      } catch {
        problems.push(`${line}: not JSON`);
        continue;
      }
      if (typeof entry.id !== 'string') problems.push(`${line}: id`);
      if (typeof entry.phrase !== 'string') problems.push(`${line}: phrase`);
      if (typeof entry.kind !== 'string' || !KINDS.includes(entry.kind)) problems.push(`${line}: kind ${String(entry.kind)}`);
      if (typeof entry.weight !== 'number' || entry.weight < 0 || entry.weight > 1) problems.push(`${line}: weight`);
      if (entry.start !== undefined && typeof entry.start !== 'boolean') problems.push(`${line}: start`);
      if (entry.end !== undefined && typeof entry.end !== 'boolean') problems.push(`${line}: end`);
      for (const key of ['notAfter', 'notBefore', 'region']) {
        const value = entry[key];
        if (value !== undefined && (!Array.isArray(value) || value.length === 0 || !value.every((p) => typeof p === 'string' && p.trim() !== '')))
          problems.push(`${line}: ${key}`);
      }
      if (entry.case !== undefined && entry.case !== 'sensitive') problems.push(`${line}: case`);
      if (Array.isArray(entry.region) && !entry.region.every((r) => /^(\*|[a-z]{2}-[A-Z]{2})$/.test(String(r)))) problems.push(`${line}: region`);
      const known = ['id', 'phrase', 'kind', 'weight', 'start', 'end', 'notAfter', 'notBefore', 'case', 'region', 'note', 'examples'];
      for (const key of Object.keys(entry)) if (!known.includes(key)) problems.push(`${line}: unknown key ${key}`);
    }
    expect(problems).toEqual([]);
  });

  it('has entries', () => {
    expect(entries(lang).length).toBeGreaterThan(20);
  });

  it('ids are unique and sorted', () => {
    const ids = entries(lang).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const sorted = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(ids).toEqual(sorted);
  });

  it("ids read <lang>.needs-reply.<kind>.<slug>, with the file's language", () => {
    const bad = entries(lang).filter((e) => {
      const [prefix, signal, kind, slug, ...rest] = e.id.split('.');
      return prefix !== lang || signal !== 'needs-reply' || kind !== e.kind || !slug || rest.length > 0;
    });
    expect(bad.map((e) => e.id)).toEqual([]);
  });

  it('every phrase (and every notAfter/notBefore phrase) tokenizes to at least one token', () => {
    const empty = entries(lang).flatMap((e) =>
      [e.phrase, ...(e.notAfter ?? []), ...(e.notBefore ?? [])].filter((p) => phraseForms(p).length === 0).map((p) => `${e.id}: ${JSON.stringify(p)}`),
    );
    expect(empty).toEqual([]);
  });

  it('no two entries have the same phrase (after folding)', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const e of entries(lang)) {
      const key = phraseForms(e.phrase).join(' ');
      const first = seen.get(key);
      if (first) duplicates.push(`${first} = ${e.id}`);
      else seen.set(key, e.id);
    }
    expect(duplicates).toEqual([]);
  });

  it('every phrase matches its own text in its lexicon', () => {
    const all = entries(lang);
    const lexicon = new Lexicon(all);
    const unmatched = all.filter((e) => {
      const matches = lexicon.match(tokenize(e.phrase), e.phrase);
      return !matches.some((m) => m.entry.id === e.id);
    });
    expect(unmatched.map((e) => e.id)).toEqual([]);
  });

  it('examples.pos match the entry and examples.neg do not', () => {
    const all = entries(lang);
    const lexicon = new Lexicon(all);
    const problems: string[] = [];
    for (const e of all) {
      for (const text of e.examples?.pos ?? []) {
        if (!lexicon.match(tokenize(text), text).some((m) => m.entry.id === e.id)) problems.push(`${e.id} misses pos ${JSON.stringify(text)}`);
      }
      for (const text of e.examples?.neg ?? []) {
        if (lexicon.match(tokenize(text), text).some((m) => m.entry.id === e.id)) problems.push(`${e.id} fires on neg ${JSON.stringify(text)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every phrase on its own is a post that needs a reply', () => {
    const missed = entries(lang).filter((e) => !CANCELLING.includes(e.kind) && !detectNeedsReply(e.phrase).needsReply);
    expect(missed.map((e) => e.id)).toEqual([]);
    const resolved = entries(lang).filter((e) => e.kind === 'resolved' && detectNeedsReply(e.phrase).needsReply);
    expect(resolved.map((e) => e.id)).toEqual([]);
    const rhetorical = entries(lang).filter((e) => e.kind === 'rhetorical' && detectNeedsReply(`${e.phrase}?`).needsReply);
    expect(rhetorical.map((e) => e.id)).toEqual([]);
  });
});
