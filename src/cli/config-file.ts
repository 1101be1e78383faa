/** Reading and writing the config file (the only config I/O). */
import { existsSync, readFileSync } from 'node:fs';
import { ConfigError, UsageError } from '../errors.js';
import { describeFsError } from '../io/read-inputs.js';
import { defaultConfig, mergeConfig, type AuditConfig } from '../config/audit-config.js';
import { writeFileAtomically } from './output.js';
import type { Locale } from '../contract/ids.js';

export const DEFAULT_CONFIG_FILE = 'second-impression.config.json';

/**
 * The language of the environment (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them): Spanish for
 * any `es…` locale, English otherwise. Used when neither --locale nor the config file names one.
 */
export function environmentLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^es(?:[_.@-]|$)/i.test(value) ? 'es' : 'en';
}

export function loadConfig(explicit: string | undefined): { config: AuditConfig; path: string | undefined } {
  const path = explicit ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  if (path === undefined) return { config: { ...defaultConfig(), locale: environmentLocale() }, path: undefined };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config ${path}: ${describeFsError(error)}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new ConfigError(`${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const config = mergeConfig(raw, path);
  const named = typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'locale');
  if (!named) config.locale = environmentLocale();
  return { config, path };
}

export async function writeStarterConfig(path: string, force: boolean): Promise<void> {
  if (existsSync(path) && !force)
    throw new UsageError(`${path} already exists`, 'use --force to overwrite it, or --output to write elsewhere', { id: 'error.exists', data: { path } });
  const config = defaultConfig();
  const starter = {
    brand: ['YourBrandHandle'],
    categories: config.categories,
    rules: config.rules,
    slaMinutes: config.slaMinutes,
    graceHours: config.graceHours,
    autoReplySeconds: config.autoReplySeconds,
    timezone: 'Europe/Madrid',
    locale: config.locale,
    maxFindings: config.maxFindings,
    promiseGraceHours: config.promiseGraceHours,
    businessHours: 'mon-fri 09:00-18:00',
    holidays: ['ES'],
  };
  await writeFileAtomically(path, `${JSON.stringify(starter, null, 2)}\n`);
}
