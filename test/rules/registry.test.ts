/**
 * Meta test over the rule registry: every rule is where its id says, fully bilingual, weighted in the
 * default config and tested.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { RULES, ruleById } from '../../src/rules/index.js';
import { CATEGORY_IDS } from '../../src/contract/ids.js';
import { Catalog } from '../../src/i18n/catalog.js';
import { defaultConfig } from '../../src/config/audit-config.js';

const SRC_RULES = new URL('../../src/rules/', import.meta.url);
const TEST_RULES = new URL('./', import.meta.url);
const placeholders = (template: string): string[] => [...template.matchAll(/\{(\w+(?:\|[\w-]+)?)\}/g)].map((m) => m[1]!).sort();

describe('rule registry', () => {
  it('RULES is sorted by id and ids are unique kebab-case', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  it('every rule file under src/rules/<category>/ is registered', () => {
    const registered = new Set(RULES.map((r) => `${r.meta.category}/${r.meta.id}.ts`));
    const files = readdirSync(SRC_RULES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) =>
        readdirSync(new URL(`${d.name}/`, SRC_RULES))
          .filter((f) => f.endsWith('.ts'))
          .map((f) => `${d.name}/${f}`),
      );
    expect(files.sort()).toEqual([...registered].sort());
  });

  it('every rule folder is a category', () => {
    const folders = readdirSync(SRC_RULES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    for (const folder of folders) expect(CATEGORY_IDS as readonly string[]).toContain(folder);
  });

  it('ruleById finds every rule and nothing else', () => {
    for (const rule of RULES) expect(ruleById(rule.meta.id)).toBe(rule);
    expect(ruleById('no-such-rule')).toBeUndefined();
  });

  describe.each(RULES.map((rule) => [rule.meta.id, rule] as const))('%s', (id, rule) => {
    const { meta } = rule;

    it('has an id equal to its file name, in the folder of its category', async () => {
      expect(CATEGORY_IDS).toContain(meta.category);
      const file = new URL(`${meta.category}/${id}.ts`, SRC_RULES);
      expect(existsSync(file)).toBe(true);
      const module = (await import(/* @vite-ignore */ fileURLToPath(file))) as Record<string, unknown>;
      expect(Object.values(module)).toContain(rule);
    });

    it('has a valid severity', () => {
      expect(['info', 'warning', 'error']).toContain(meta.severity);
    });

    it('has title, description and formula in en and es (Spanish written, not copied)', () => {
      for (const field of ['title', 'description', 'formula'] as const) {
        for (const locale of ['en', 'es'] as const) {
          expect(typeof meta[field][locale], `${field}.${locale}`).toBe('string');
          expect(meta[field][locale].trim(), `${field}.${locale}`).not.toBe('');
        }
        expect(meta[field].es, `${field}.es equals ${field}.en`).not.toBe(meta[field].en);
      }
    });

    it('every message has en and es with the same placeholders', () => {
      const entries = Object.entries(meta.messages);
      // Informative rules that only report metrics (per-agent) have no findings, hence no messages.
      if (meta.severity !== 'info') expect(entries.length).toBeGreaterThan(0);
      for (const [messageId, message] of entries) {
        expect(message.en.trim(), `${messageId}.en`).not.toBe('');
        expect(message.es.trim(), `${messageId}.es`).not.toBe('');
        expect(placeholders(message.es), messageId).toEqual(placeholders(message.en));
      }
    });

    it('has a weight in defaultConfig().rules', () => {
      const weight = defaultConfig().rules[id];
      expect(typeof weight).toBe('number');
      expect(weight).toBeGreaterThanOrEqual(0);
    });

    it('has a test file test/rules/<category>/<id>.test.ts', () => {
      expect(existsSync(new URL(`${meta.category}/${id}.test.ts`, TEST_RULES))).toBe(true);
    });
  });

  it('the default config has no weight for a rule that does not exist', () => {
    expect(Object.keys(defaultConfig().rules).sort()).toEqual(RULES.map((r) => r.meta.id).sort());
  });
});

describe('Catalog.fill', () => {
  const es = new Catalog('es', {});
  it('fills placeholders and leaves unknown ones', () => {
    expect(es.fill('Sin respuesta tras {age} ({reason}: «{cue}»)', { age: '3 d', reason: 'complaint', cue: 'no funciona' })).toBe(
      'Sin respuesta tras 3 d (complaint: «no funciona»)',
    );
    expect(es.fill('{count} veces, {missing}', { count: 2 })).toBe('2 veces, {missing}');
    expect(es.fill('{a}{a}', { a: 0 })).toBe('00');
  });

  it("translates {key|table} through the locale's terms, and leaves unknown codes as they are", () => {
    expect(es.fill('({reason|needs-reply})', { reason: 'complaint' })).toBe('(queja)');
    expect(new Catalog('en', {}).fill('{l|language}', { l: 'es' })).toBe('Spanish');
    expect(es.fill('{l|language} {x|nope}', { l: 'zz', x: 'y' })).toBe('zz y');
    // User text used as a key finds nothing on Object.prototype.
    expect(es.fill('{l|language}', { l: 'constructor' })).toBe('constructor');
  });
});
