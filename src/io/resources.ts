/**
 * The data files the core needs, read here at the edge and handed in: lexicons (data/lexicons), holiday
 * lists (data/holidays) and the language model (the eld package). The core never reads a file.
 */
import { readFileSync } from 'node:fs';
import { ConfigError } from '../errors.js';
import { installLexicons, parseLexiconEntries, type LexiconEntry } from '../signals/lexicon.js';
import { hasLanguageModel, installLanguageModel, type LanguageModel } from '../signals/language.js';

const DATA_ROOT = new URL('../../data/', import.meta.url);
/** Languages whose lexicons are shipped; every signal reads all of them. */
const LEXICON_LANGUAGES = ['es', 'en'];

/** Reads one shipped lexicon file, e.g. `es/needs-reply.jsonl`. */
export function readLexiconFile(relativePath: string | URL): LexiconEntry[] {
  const url = relativePath instanceof URL ? relativePath : new URL(`lexicons/${relativePath}`, DATA_ROOT);
  return parseLexiconEntries(readFileSync(url, 'utf8'), relativePath instanceof URL ? url.pathname : `data/lexicons/${relativePath}`);
}

/** Every language's entries for one signal. */
export function readSignalLexicon(signal: string): LexiconEntry[] {
  return LEXICON_LANGUAGES.flatMap((lang) => readLexiconFile(`${lang}/${signal}.jsonl`));
}

export interface HolidayDates {
  dates: Set<string>;
  /** Years each country list covers, so a period outside them can be said in the report. */
  coverage: { country: string; firstYear: number; lastYear: number }[];
}

/** Country codes ("ES", "MX": the national lists in data/holidays) and plain dates, to closed dates. */
export function readHolidays(entries: readonly string[]): HolidayDates {
  const dates = new Set<string>();
  const coverage: HolidayDates['coverage'] = [];
  for (const entry of entries) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(entry)) {
      dates.add(entry);
      continue;
    }
    if (!/^[A-Z]{2}$/.test(entry)) throw new ConfigError(`holiday "${entry}" is neither a date (YYYY-MM-DD) nor a country code`, 'shipped lists: ES, MX');
    let list: { holidays: { date: string }[] };
    try {
      list = JSON.parse(readFileSync(new URL(`holidays/${entry}.json`, DATA_ROOT), 'utf8')) as { holidays: { date: string }[] };
    } catch {
      throw new ConfigError(`no holiday list for "${entry}"`, 'shipped lists: ES, MX; add other dates one by one');
    }
    const years = list.holidays.map((h) => Number(h.date.slice(0, 4)));
    coverage.push({ country: entry, firstYear: Math.min(...years), lastYear: Math.max(...years) });
    for (const holiday of list.holidays) dates.add(holiday.date);
  }
  return { dates, coverage };
}

/** Loads eld's smallest database (≈85 MB, a few hundred ms): only audits that need languages pay it. */
export async function loadLanguageModel(): Promise<void> {
  if (hasLanguageModel()) return;
  const module = (await import('eld/extrasmall')) as unknown as { eld: LanguageModel };
  installLanguageModel(module.eld);
}

/** Installs the shipped lexicons (cheap: files are read when a signal first needs them). */
export function installDefaultLexicons(): void {
  installLexicons(readSignalLexicon);
}

/** Everything the core needs for an audit: lexicons and the language model. */
export async function loadDefaultResources(): Promise<void> {
  installDefaultLexicons();
  await loadLanguageModel();
}
