/**
 * The history on disk: opening the SQLite file with better-sqlite3 (the only place that loads the driver),
 * recording an audit's run in it, and the `history` command that lists a brand's runs over time.
 *
 * The driver is loaded only when a history is used, so a machine whose native addon did not build still
 * runs every other command; it then says how to build it.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { AuditResult } from '../contract/result.js';
import type { Locale } from '../contract/ids.js';
import type { Corpus } from '../corpus/corpus.js';
import { InputError, UsageError, UserError } from '../errors.js';
import { corpusContentHash } from '../history/content-hash.js';
import type { SqlDatabase } from '../history/db.js';
import { historyBlock, runFromResult, type HistoryRun } from '../history/run.js';
import { HistoryStore, type RecordOutcome } from '../history/store.js';
import { HISTORY_FORMATS, renderHistory, type HistoryFormat } from '../history/trend-report.js';
import { catalogFor } from '../rules/index.js';
import { parseRelativeSpan, spanBefore } from '../time/periods.js';
import { loadConfig } from './config-file.js';
import { parseHandles, parseInstant, parseTimeZone } from './options.js';
import { checkWritable, writeOutput } from './output.js';

/** How long a job waits for another one's write to finish before giving up (a write takes milliseconds). */
export const BUSY_TIMEOUT_MS = 20_000;

/** The SQLite error codes worth a sentence of their own. */
function historyError(file: string, error: unknown): UserError {
  const code = String((error as { code?: unknown } | undefined)?.code ?? '');
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
    return new UserError(
      `history ${file} stayed locked by another job for ${BUSY_TIMEOUT_MS / 1000} s`,
      'run the jobs at different times, or check for a stuck process',
    );
  if (code === 'SQLITE_NOTADB')
    return new InputError(`${file} is not an SQLite database`, 'give --history a new file name, or the file an earlier audit --history wrote');
  if (code.startsWith('SQLITE_CORRUPT'))
    return new InputError(`history ${file} is damaged (${message})`, 'restore it from a backup; `sqlite3 FILE ".recover"` can save what is left');
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_IOERR'))
    return new UsageError(`cannot write history ${file}: ${message}`, 'the file and its folder must be writable (SQLite adds -wal and -shm files beside it)');
  if (code === 'SQLITE_FULL') return new UsageError(`cannot write history ${file}: the disk is full`);
  return new UserError(`history ${file}: ${message}`);
}

type DriverConstructor = new (file: string, options: { timeout: number; fileMustExist?: boolean }) => SqlDatabase;

async function loadDriver(): Promise<DriverConstructor> {
  try {
    const module = (await import('better-sqlite3')) as unknown as { default: DriverConstructor };
    return module.default;
  } catch (error) {
    throw new UserError(
      `the history needs the SQLite driver better-sqlite3, which could not be loaded (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
      'build its native addon with: npm rebuild better-sqlite3 (needs python3, make and a C++ compiler)',
    );
  }
}

/**
 * Opens (and, for `audit`, creates) a history file, checked and migrated. `mustExist`: the `history`
 * command reads runs, so a missing file is a mistake in the path, not a new history.
 */
export async function openHistory(file: string, mustExist = false): Promise<HistoryStore> {
  if (mustExist && !existsSync(file))
    throw new UsageError(`no history at ${file}`, `runs are recorded by: second-impression audit … --history ${file}`, {
      id: 'error.no-history',
      data: { file },
    });
  if (existsSync(file) && statSync(file).isDirectory())
    throw new UsageError(`--history ${file} is a folder`, 'name the history file, e.g. history.sqlite', { id: 'error.history-folder', data: { file } });
  if (!mustExist && !existsSync(file)) await checkWritable(file);
  const Driver = await loadDriver();
  let db: SqlDatabase | undefined;
  try {
    db = new Driver(file, { timeout: BUSY_TIMEOUT_MS, ...(mustExist ? { fileMustExist: true } : {}) });
    return HistoryStore.open(db, file);
  } catch (error) {
    try {
      db?.close();
    } catch {
      // already unusable
    }
    throw error instanceof UserError ? error : historyError(file, error);
  }
}

/**
 * The history file for this run: `--history`, else the config's `history` (relative to the config file's
 * folder, so a cron job finds it whatever its working directory).
 */
export function historyPath(option: string | undefined, configured: string | null, configPath: string | undefined): string | undefined {
  if (option !== undefined) {
    if (option.trim() === '') throw new UsageError('--history needs a file name', 'e.g. --history history.sqlite', { id: 'error.history-name' });
    return option;
  }
  if (configured === null) return undefined;
  return path.isAbsolute(configured) || configPath === undefined ? configured : path.join(path.dirname(configPath), configured);
}

/**
 * The run this audit makes, with the change since the previous run of the brand set as the result's
 * `history` block (so every format of the report shows it). Nothing is written yet.
 */
export function compareWithHistory(store: HistoryStore, result: AuditResult, corpus: Corpus, file: string): HistoryRun {
  const run = runFromResult(result, corpusContentHash(corpus));
  try {
    const { previous, earlierRuns } = store.previous(run);
    result.history = historyBlock(run, previous, earlierRuns);
  } catch (error) {
    throw error instanceof UserError ? error : historyError(file, error);
  }
  return run;
}

/** Writes the run (one transaction; the same audit replaces its row) and closes the history. */
export function recordInHistory(store: HistoryStore, run: HistoryRun, file: string, quiet: boolean, locale: Locale): RecordOutcome {
  try {
    const outcome = store.record(run);
    const catalog = catalogFor(locale);
    const h = catalog.messages.history;
    if (!quiet) process.stderr.write(`second-impression: ${catalog.fill(outcome.replaced ? h.replaced : h.recorded, { file })}\n`);
    return outcome;
  } catch (error) {
    throw error instanceof UserError ? error : historyError(file, error);
  } finally {
    store.close();
  }
}

export interface HistoryOptions {
  history?: string;
  brand: string[];
  config?: string;
  since?: string;
  asOf?: string;
  timezone?: string;
  format: HistoryFormat;
  locale?: Locale;
  output?: string;
  color: boolean;
  csvExcel?: boolean;
  quiet?: boolean;
}

export { HISTORY_FORMATS };

/**
 * `history --history FILE --brand X [--since 90d]`: the brand's runs, oldest first. `--since` is an
 * instant or a span before "now", and "now" is `--as-of`, by default the latest run's as-of (the clock is
 * never read, so the same file gives the same listing).
 */
export async function historyCommand(options: HistoryOptions): Promise<void> {
  const { config, path: configPath } = loadConfig(options.config);
  const zone = options.timezone === undefined ? parseTimeZone(config.timezone) : parseTimeZone(options.timezone);
  const locale = options.locale ?? config.locale;
  const file = historyPath(options.history, config.history, configPath);
  if (file === undefined)
    throw new UsageError('no history file given', 'name it with --history history.sqlite (or "history" in the config file)', { id: 'error.no-history-file' });
  const handles = parseHandles(options.brand.length > 0 ? options.brand : config.brand);
  if (handles.length === 0)
    throw new UsageError('no brand given', 'name its handles with --brand, as for the audits that recorded it', { id: 'error.no-brand-history' });
  const span = options.since === undefined ? null : parseRelativeSpan(options.since);
  const fixedSince = options.since === undefined || span ? undefined : parseInstant(options.since, '--since', zone);
  const asOf = options.asOf === undefined ? undefined : parseInstant(options.asOf, '--as-of', zone);
  if (options.output !== undefined) await checkWritable(options.output);
  const store = await openHistory(file, true);
  let runs: HistoryRun[];
  try {
    const all = store.runs(handles);
    if (all.length === 0) {
      const brands = store.brands();
      const known = brands.map((b) => `${b.handles.join(',')} (${b.runs})`).join('; ');
      throw new UsageError(
        `no run of ${handles.map((h) => `@${h}`).join(', ')} in ${file}`,
        brands.length > 0 ? `brands recorded there: ${known}; a brand is its whole set of handles` : 'the history is empty: record runs with audit --history',
      );
    }
    const now = asOf ?? Date.parse(all.at(-1)!.period.asOf);
    const since = span ? spanBefore(now, span, zone) : fixedSince;
    runs = all.filter((r) => {
      const t = Date.parse(r.period.asOf);
      return (since === undefined || t >= since) && t <= now;
    });
  } catch (error) {
    throw error instanceof UserError ? error : historyError(file, error);
  } finally {
    store.close();
  }
  const color = options.color && !process.env.NO_COLOR && options.output === undefined && Boolean(process.stdout.isTTY);
  const width = process.stdout.isTTY && process.stdout.columns ? Math.max(60, process.stdout.columns) : 80;
  const catalog = catalogFor(locale);
  await writeOutput(renderHistory(runs, options.format, { catalog, color, width, csvExcel: options.csvExcel }), options.output);
}
