/** Identifiers every part shares: the five categories (spec §1 contract), severities, locales. */

export const CATEGORY_IDS = ['transparency', 'speed', 'no-ignoring', 'professionalism', 'no-politics'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

/**
 * `error` and `warning` are problems and lower a score; `info` is what is not (yet) a problem: promises
 * not yet due, conversations inside the grace window, informative counts.
 */
export type Severity = 'info' | 'warning' | 'error';

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/** User-facing text in every supported language. Spanish is written, not translated after the fact. */
export type Localized = Record<Locale, string>;
