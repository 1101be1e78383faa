import { describe, it, expect } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { RULES } from '../../src/rules/index.js';
import { CATEGORY_IDS } from '../../src/contract/ids.js';
import { defaultConfig, mergeConfig } from '../../src/config/audit-config.js';

const FILE = 'audits/verdemar.json';

function errorOf(raw: unknown): ConfigError {
  try {
    mergeConfig(raw, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('mergeConfig accepted the config');
}

describe('defaultConfig', () => {
  it('weighs the five categories the same and every rule has a weight', () => {
    const config = defaultConfig();
    expect(Object.keys(config.categories)).toEqual([...CATEGORY_IDS]);
    expect(new Set(Object.values(config.categories))).toEqual(new Set([1]));
    expect(Object.keys(config.rules).sort()).toEqual(RULES.map((r) => r.meta.id).sort());
  });

  it('has the documented thresholds', () => {
    expect(defaultConfig()).toMatchObject({ slaMinutes: 60, graceHours: 72, autoReplySeconds: 30, locale: 'en', timezone: 'UTC', brand: [] });
  });

  it('returns a fresh object each time', () => {
    const a = defaultConfig();
    a.categories.speed = 9;
    a.rules['reply-rate'] = 9;
    expect(defaultConfig().categories.speed).toBe(1);
    expect(defaultConfig().rules['reply-rate']).toBe(2);
  });
});

describe('mergeConfig', () => {
  it('an empty object gives the defaults', () => {
    expect(mergeConfig({}, FILE)).toEqual(defaultConfig());
  });

  it('accepts $schema and comment keys', () => {
    expect(mergeConfig({ $schema: 'https://example.test/schema.json', comment: 'Auditoría Q4' }, FILE)).toEqual(defaultConfig());
  });

  it('merging keeps the defaults it does not override', () => {
    const config = mergeConfig({ categories: { speed: 2 }, rules: { 'reply-rate': 3 }, slaMinutes: 30, locale: 'es' }, FILE);
    const defaults = defaultConfig();
    expect(config.categories).toEqual({ ...defaults.categories, speed: 2 });
    expect(config.rules).toEqual({ ...defaults.rules, 'reply-rate': 3 });
    expect(config.slaMinutes).toBe(30);
    expect(config.locale).toBe('es');
    expect(config.graceHours).toBe(defaults.graceHours);
    expect(config.maxFindings).toBe(defaults.maxFindings);
  });

  it('accepts weight 0 (leaves a category out) and every other key', () => {
    const config = mergeConfig(
      { brand: ['@Verdemar'], categories: { 'no-politics': 0 }, graceHours: 0, autoReplySeconds: 0, maxFindings: 0, timezone: 'Europe/Madrid', locale: 'en' },
      FILE,
    );
    expect(config).toMatchObject({ brand: ['@Verdemar'], graceHours: 0, autoReplySeconds: 0, maxFindings: 0, timezone: 'Europe/Madrid' });
    expect(config.categories['no-politics']).toBe(0);
  });

  it.each([
    ['not an object', [], /audits\/verdemar\.json: the config must be a JSON object/],
    ['null', null, /the config must be a JSON object/],
    ['a string', 'speed', /the config must be a JSON object/],
    ['an unknown key', { slaMinutos: 30 }, /audits\/verdemar\.json: unknown key "slaMinutos"/],
    ['an unknown category', { categories: { rapidez: 1 } }, /audits\/verdemar\.json: unknown category "rapidez" in "categories"/],
    ['an unknown rule', { rules: { 'first-reply': 1 } }, /audits\/verdemar\.json: unknown rule "first-reply" in "rules"/],
    ['a negative category weight', { categories: { speed: -1 } }, /audits\/verdemar\.json: "categories\.speed" must be a weight ≥ 0/],
    ['a negative rule weight', { rules: { 'reply-rate': -2 } }, /audits\/verdemar\.json: "rules\.reply-rate" must be a weight ≥ 0/],
    ['a weight given as text', { categories: { speed: '2' } }, /"categories\.speed" must be a weight/],
    ['a non-finite weight', { rules: { 'reply-rate': Infinity } }, /"rules\.reply-rate" must be a weight/],
    ['categories as a list', { categories: [1, 2] }, /"categories" must be an object of weights/],
    ['rules as a number', { rules: 3 }, /"rules" must be an object of weights/],
    ['a bad locale', { locale: 'fr' }, /audits\/verdemar\.json: "locale" must be "en" or "es"/],
    ['a zero SLA', { slaMinutes: 0 }, /"slaMinutes" must be a number > 0/],
    ['an SLA as text', { slaMinutes: '60m' }, /"slaMinutes" must be a number > 0/],
    ['a negative grace window', { graceHours: -1 }, /"graceHours" must be a number ≥ 0/],
    ['a negative auto-reply window', { autoReplySeconds: -5 }, /"autoReplySeconds" must be a number ≥ 0/],
    ['a fractional maxFindings', { maxFindings: 2.5 }, /"maxFindings" must be a whole number/],
    ['a timezone that is not a string', { timezone: 1 }, /"timezone" must be an IANA zone/],
    ['brand not a list', { brand: '@Verdemar' }, /"brand" must be a list of handles/],
    ['an empty brand handle', { brand: ['@Verdemar', ' '] }, /"brand" must be a list of handles/],
  ])('rejects %s, naming the file and the key', (_label, raw, message) => {
    expect(errorOf(raw).message).toMatch(message);
  });

  it('the unknown-key error hints the known keys (and not the internal ones)', () => {
    const error = errorOf({ sla: 30 });
    expect(error.hint).toContain('slaMinutes');
    expect(error.hint).toContain('categories');
    expect(error.hint).not.toContain('$schema');
    expect(error.hint).not.toContain('comment');
  });

  it('the unknown-category error lists the categories', () => {
    expect(errorOf({ categories: { politics: 1 } }).hint).toBe(`categories: ${CATEGORY_IDS.join(', ')}`);
  });

  it('does not change the defaults when it throws halfway', () => {
    errorOf({ categories: { speed: 5, nope: 1 } });
    expect(defaultConfig().categories.speed).toBe(1);
  });
});
