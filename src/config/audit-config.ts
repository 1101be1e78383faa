/**
 * The audit configuration: category and rule weights, and the thresholds behind the metrics. `init`
 * writes these defaults to a file; a config file overrides them and command-line options override both.
 */
import { ConfigError } from '../errors.js';
import { RULES } from '../rules/index.js';
import { CATEGORY_IDS, type CategoryId, type Locale } from '../contract/ids.js';

export interface AuditConfig {
  /** Brand handles used when `--brand` is not given. */
  brand: string[];
  /** Relative weight of each category in the overall score; 0 leaves it out. */
  categories: Record<CategoryId, number>;
  /** Relative weight of each rule inside its category; 0 makes it informative. */
  rules: Record<string, number>;
  /** First-reply target, minutes. */
  slaMinutes: number;
  /** Conversations younger than this (hours before "now") are pending, not ignored. */
  graceHours: number;
  /** Brand replies this fast (seconds) with a repeated text are automated. */
  autoReplySeconds: number;
  /** IANA zone for timestamps without an offset. */
  timezone: string;
  locale: Locale;
  /** Findings kept per rule in the result (worst first); 0 = all. */
  maxFindings: number;
  /** Fewest cases a rule scores from; below it the rule is informative (findings and metrics still shown). */
  minCases: number;
  /** Hours after a promised day before a promise counts as broken. */
  promiseGraceHours: number;
  /** Minutes after a promised hour ("antes de las 12:00", "by 5pm") before a promise counts as broken. */
  promiseHourGraceMinutes: number;
  /** Opening hours such as "mon-fri 09:00-18:00" in `timezone`; null = the clock never stops. */
  businessHours: string | null;
  /** Closed days: country codes of the shipped national lists ("ES", "MX") and dates ("2026-09-08"). */
  holidays: string[];
  /**
   * The history database `audit` records every run in (`--history`), relative to the config file's folder;
   * null: none. Read by the CLI only: it changes no figure of the audit.
   */
  history: string | null;
}

/**
 * Defaults. The five categories weigh the same: the source texts present the five rules as equals.
 * Inside a category, the rule that measures the category's core (first reply for speed, reply rate for
 * no-ignoring, tone for professionalism, deletions for transparency) weighs 2 and its companions 1; the
 * tú/usted switch weighs 0.5 (common and minor); informative rules weigh 0.
 */
export function defaultConfig(): AuditConfig {
  return {
    brand: [],
    categories: { transparency: 1, speed: 1, 'no-ignoring': 1, professionalism: 1, 'no-politics': 1 },
    rules: {
      'automated-replies': 0,
      'brand-politics': 1,
      // Informative: compares the service between platforms; the scored rules already count every conversation.
      'channel-coherence': 0,
      'first-response-time': 2,
      'follow-up-response-time': 1,
      'mistakes-admitted': 1,
      'nothing-deleted': 2,
      'per-agent': 0,
      // Common practice, often right (personal data): reported with a low weight.
      'private-deflection': 0.25,
      'promises-kept': 2,
      'register-consistency': 0.5,
      'reply-language': 1,
      'reply-rate': 2,
      tone: 2,
      'unanswered-follow-ups': 1,
    },
    slaMinutes: 60,
    graceHours: 72,
    autoReplySeconds: 30,
    timezone: 'UTC',
    locale: 'en',
    maxFindings: 100,
    minCases: 5,
    // Half a day: "te llamamos mañana" answered the next morning is late, not broken.
    promiseGraceHours: 12,
    // A stated hour is a sharper promise: an hour late is late, not kept.
    promiseHourGraceMinutes: 60,
    businessHours: null,
    holidays: [],
    history: null,
  };
}

const KNOWN_KEYS = new Set(Object.keys(defaultConfig()).concat('$schema', 'comment'));

/** Validates a parsed config file and merges it over the defaults; errors name the key and the file. */
export function mergeConfig(raw: unknown, file: string): AuditConfig {
  const config = defaultConfig();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${file}: the config must be a JSON object`);
  const input = raw as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!KNOWN_KEYS.has(key))
      throw new ConfigError(`${file}: unknown key "${key}"`, `known keys: ${[...KNOWN_KEYS].filter((k) => !k.startsWith('$') && k !== 'comment').join(', ')}`);
  }
  if (input.brand !== undefined) {
    if (!Array.isArray(input.brand) || !input.brand.every((h) => typeof h === 'string' && h.trim() !== ''))
      throw new ConfigError(`${file}: "brand" must be a list of handles`);
    config.brand = input.brand as string[];
  }
  if (input.categories !== undefined) {
    const categories = objectOf(input.categories, 'categories', file);
    for (const [id, weight] of Object.entries(categories)) {
      if (!(CATEGORY_IDS as readonly string[]).includes(id))
        throw new ConfigError(`${file}: unknown category "${id}" in "categories"`, `categories: ${CATEGORY_IDS.join(', ')}`);
      config.categories[id as CategoryId] = weightOf(weight, `categories.${id}`, file);
    }
  }
  if (input.rules !== undefined) {
    const rules = objectOf(input.rules, 'rules', file);
    for (const [id, weight] of Object.entries(rules)) {
      if (!RULES.some((rule) => rule.meta.id === id))
        throw new ConfigError(`${file}: unknown rule "${id}" in "rules"`, 'list them with: second-impression rules');
      config.rules[id] = weightOf(weight, `rules.${id}`, file);
    }
  }
  if (input.slaMinutes !== undefined) config.slaMinutes = positive(input.slaMinutes, 'slaMinutes', file);
  if (input.graceHours !== undefined) config.graceHours = nonNegative(input.graceHours, 'graceHours', file);
  if (input.autoReplySeconds !== undefined) config.autoReplySeconds = nonNegative(input.autoReplySeconds, 'autoReplySeconds', file);
  if (input.businessHours !== undefined) {
    if (input.businessHours !== null && typeof input.businessHours !== 'string')
      throw new ConfigError(`${file}: "businessHours" must be like "mon-fri 09:00-18:00" or null`);
    config.businessHours = input.businessHours;
  }
  if (input.holidays !== undefined) {
    if (!Array.isArray(input.holidays) || !input.holidays.every((h) => typeof h === 'string'))
      throw new ConfigError(`${file}: "holidays" must be a list of country codes ("ES", "MX") and dates ("2026-09-08")`);
    config.holidays = input.holidays as string[];
  }
  if (input.promiseGraceHours !== undefined) config.promiseGraceHours = nonNegative(input.promiseGraceHours, 'promiseGraceHours', file);
  if (input.promiseHourGraceMinutes !== undefined) config.promiseHourGraceMinutes = nonNegative(input.promiseHourGraceMinutes, 'promiseHourGraceMinutes', file);
  if (input.minCases !== undefined) {
    const value = nonNegative(input.minCases, 'minCases', file);
    if (!Number.isInteger(value)) throw new ConfigError(`${file}: "minCases" must be a whole number`);
    config.minCases = value;
  }
  if (input.maxFindings !== undefined) {
    const value = nonNegative(input.maxFindings, 'maxFindings', file);
    if (!Number.isInteger(value)) throw new ConfigError(`${file}: "maxFindings" must be a whole number`);
    config.maxFindings = value;
  }
  if (input.timezone !== undefined) {
    if (typeof input.timezone !== 'string') throw new ConfigError(`${file}: "timezone" must be an IANA zone name such as "Europe/Madrid"`);
    config.timezone = input.timezone;
  }
  if (input.history !== undefined) {
    if (input.history !== null && (typeof input.history !== 'string' || input.history.trim() === ''))
      throw new ConfigError(`${file}: "history" must be the path of a history file (such as "history.sqlite") or null`);
    config.history = input.history;
  }
  if (input.locale !== undefined) {
    if (input.locale !== 'en' && input.locale !== 'es') throw new ConfigError(`${file}: "locale" must be "en" or "es"`);
    config.locale = input.locale;
  }
  return config;
}

function objectOf(value: unknown, key: string, file: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(`${file}: "${key}" must be an object of weights`);
  return value as Record<string, unknown>;
}

function weightOf(value: unknown, key: string, file: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new ConfigError(`${file}: "${key}" must be a weight ≥ 0`);
  return value;
}

function positive(value: unknown, key: string, file: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new ConfigError(`${file}: "${key}" must be a number > 0`);
  return value;
}

function nonNegative(value: unknown, key: string, file: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new ConfigError(`${file}: "${key}" must be a number ≥ 0`);
  return value;
}
