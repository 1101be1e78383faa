/**
 * Progress on stderr, only for a person watching a terminal: a spinner when stderr is a TTY with a known
 * width and the user did not ask for --quiet; nothing at all for pipes and cron.
 */
import ora, { type Ora } from 'ora';
import type { Locale } from '../contract/ids.js';

export interface Progress {
  update(text: string): void;
  stop(): void;
  /** The spinner's sentences in the run's locale. */
  readonly words: ProgressWords;
}

export interface ProgressWords {
  start: string;
  reading(file: string, at: number, of: number): string;
  readingPosts(file: string, at: number, of: number, posts: number): string;
  read(file: string, posts: number): string;
  auditing(posts: number): string;
  auditingBrand(brand: string, at: number, of: number): string;
  writing: string;
}

const WORDS: Record<Locale, ProgressWords> = {
  en: {
    start: 'Reading inputs…',
    reading: (file, at, of) => `Reading ${file} (${at}/${of})…`,
    readingPosts: (file, at, of, posts) => `Reading ${file} (${at}/${of}): ${posts.toLocaleString('en')} posts…`,
    read: (file, posts) => `Read ${file}: ${posts} posts`,
    auditing: (posts) => `Auditing ${posts} posts…`,
    auditingBrand: (brand, at, of) => `Auditing ${brand} (${at}/${of})…`,
    writing: 'Writing posts…',
  },
  es: {
    start: 'Leyendo las entradas…',
    reading: (file, at, of) => `Leyendo ${file} (${at}/${of})…`,
    readingPosts: (file, at, of, posts) => `Leyendo ${file} (${at}/${of}): ${posts.toLocaleString('es-ES')} publicaciones…`,
    read: (file, posts) => `Leído ${file}: ${posts} publicaciones`,
    auditing: (posts) => `Auditando ${posts} publicaciones…`,
    auditingBrand: (brand, at, of) => `Auditando ${brand} (${at}/${of})…`,
    writing: 'Escribiendo las publicaciones…',
  },
};

export function createProgress(enabled: boolean, locale: Locale = 'en'): Progress {
  const words = WORDS[locale];
  const columns = process.stderr.columns ?? 0;
  // A pseudo-terminal that reports no width makes ora clear "infinitely many" wrapped lines.
  if (!enabled || !process.stderr.isTTY || columns < 20) return { update() {}, stop() {}, words };
  const fit = (text: string): string => (text.length > columns - 4 ? `${text.slice(0, columns - 5)}…` : text);
  const spinner: Ora = ora({ stream: process.stderr, text: fit(words.start) }).start();
  let last = 0;
  return {
    update(text) {
      // Repainting costs; a few times a second is plenty for a person.
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      spinner.text = fit(text);
    },
    stop() {
      spinner.stop();
    },
    words,
  };
}
