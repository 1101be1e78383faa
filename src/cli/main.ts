/**
 * The command line: parses options, wires io → ingest → audit → report, and owns the exit codes
 * (spec §3): 0 done, 1 score below --fail-under, 2 usage, config or input error.
 */
import { readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { latestTime, runAudit } from '../audit.js';
import { UserError, UsageError } from '../errors.js';
import { ADAPTERS } from '../ingest/index.js';
import { RENDERERS, rendererById } from '../report/index.js';
import { catalogFor, RULES } from '../rules/index.js';
import { CATEGORY_IDS, type Locale } from '../contract/ids.js';
import { brandPresence, type BrandPresence } from '../model/brand-presence.js';
import { installDefaultLexicons, loadLanguageModel, readHolidays, type HolidayDates } from '../io/resources.js';
import type { IngestWarning } from '../contract/warning.js';
import type { Corpus } from '../corpus/corpus.js';
import type { Catalog } from '../i18n/catalog.js';
import { FORMATS_ES } from '../i18n/formats-es.js';
import { loadCorpus } from './load.js';
import { environmentLocale, loadConfig, writeStarterConfig } from './config-file.js';
import { parseColumnMap, parseCount, parseHandles, parseInstant, parseMinutes, parseScore, parseTimeZone, parseWindow, type PeriodWindow } from './options.js';
import { createProgress, type Progress } from './progress.js';
import { writeAllPosts, writeIngestOutput } from './ingest-output.js';
import { checkWritable, writeFileAtomically, writeOutput } from './output.js';
import { compareWithHistory, HISTORY_FORMATS, historyCommand, historyPath, openHistory, recordInHistory, type HistoryOptions } from './history-command.js';
import { COMPARE_FORMATS, compareCommand, type CompareOptions } from './compare-command.js';
import { addFetchCommand, fetchCommand, type FetchCommandOptions } from './fetch-command.js';
import type { HistoryStore } from '../history/store.js';
import type { AuditConfig } from '../config/audit-config.js';
import { parseBusinessHours } from '../time/business-hours.js';
import { CSV_TABLES, type CsvRenderOptions } from '../report/csv.js';
import type { RenderedFile } from '../report/types.js';
import { describeFsError } from '../io/read-inputs.js';
import { safeForTerminal } from '../report/text.js';
import { helpLocale, localizeHelp } from './help-locale.js';

export const EXIT_OK = 0;
export const EXIT_BELOW_THRESHOLD = 1;
export const EXIT_ERROR = 2;

export interface CommonInputOptions {
  brand: string[];
  config?: string;
  asOf?: string;
  timezone?: string;
  dateOrder?: 'day-first' | 'month-first';
  map: string[];
  inputFormat?: string;
  quiet?: boolean;
  debug?: boolean;
  output?: string;
}

interface AuditOptions extends CommonInputOptions {
  since?: string;
  until?: string;
  format: string;
  locale?: Locale;
  failUnder?: string;
  sla?: string;
  maxFindings?: string;
  businessHours?: string;
  color: boolean;
  table?: CsvRenderOptions['table'];
  csvExcel?: boolean;
  conversations?: boolean;
  period?: string;
  history?: string;
}

export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** What the command actions report back to `main`: the exit code and whether to show stack traces. */
export interface RunState {
  exitCode: number;
  debug: boolean;
}

/** The command line: every command and option, with its help in `locale`. */
export function buildProgram(run: RunState, locale: Locale = 'en'): Command {
  const program = new Command('second-impression')
    .description('Audit how a brand treats its customers in public: reply speed, ignored complaints, tone, promises and politics.')
    .version(toolVersion(), '-V, --version')
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });

  const inputOptions = (command: Command): Command =>
    command
      .option('-b, --brand <handle>', 'a brand handle (repeat it or separate with commas; "@" optional)', collect, [])
      .option('-c, --config <file>', 'config file (default: ./second-impression.config.json when present)')
      .option('--as-of <iso>', '"now" for the audit (default: the latest timestamp in the data)')
      .option('--timezone <zone>', 'IANA zone for timestamps without an offset (default: UTC)')
      .addOption(
        new Option('--date-order <order>', 'how to read numeric dates such as 04/11/2013 (default: inferred per file)').choices(['day-first', 'month-first']),
      )
      .option('--map <column=field>', 'map a CSV column to a field (repeatable), e.g. --map "Texto=text"', collect, [])
      .option('--input-format <id>', 'force an input format (see: second-impression formats)')
      .option('-o, --output <file>', 'write to a file instead of standard output')
      .option('-q, --quiet', 'no progress or warning summary on standard error; the text report becomes its one-line summary')
      .option('--debug', 'show stack traces for unexpected errors');

  inputOptions(program.command('audit').argument('<input...>', 'files, folders, or "-" for standard input'))
    .description('audit the brand and print the second-impression report')
    .option('--since <when>', 'only conversations opened since this date, or 7d / 30d / 12h / 2w / 1m before --as-of')
    .option('--until <when>', 'only conversations opened until this date')
    .option('--period <period>', 'last-week, last-month, a month (2026-10) or an ISO week (2026-W41), in --timezone, placed against --as-of')
    .option('--history <file>', 'record the run in this SQLite history and show the change since the previous run of the brand')
    .addOption(new Option('-f, --format <format>', 'report format').choices(RENDERERS.map((r) => r.id)).default('text'))
    .addOption(new Option('--locale <locale>', 'report language').choices(['en', 'es']))
    .option('--sla <duration>', 'first-reply target, e.g. 60m or 2h (default 60m)')
    .option('--business-hours <hours>', 'also measure speed in opening hours, e.g. "mon-fri 09:00-18:00" (in --timezone; holidays from the config)')
    .option('--fail-under <score>', 'exit with 1 when the overall score is below this (0–100)')
    .option('--max-findings <n>', 'findings kept per rule in the result, worst first (0 = all; default 100)')
    .option('--no-color', 'no colours in the text report')
    .addOption(
      new Option(
        '--table <table>',
        'csv: the table to write (default summary); all: every table as summary.csv, rules.csv, conversations.csv, findings.csv in the --output folder',
      ).choices([...CSV_TABLES, 'all']),
    )
    .option('--conversations', 'json: add one row per conversation (the CSV conversations table) to the result')
    .option('--csv-excel', 'csv: the Excel dialect (";", decimal comma, BOM, CRLF), the default with --locale es')
    .option('--no-csv-excel', 'csv: plain RFC 4180 ("," and decimal point) even with --locale es')
    .action(async (inputs: string[], options: AuditOptions) => {
      run.debug = Boolean(options.debug);
      run.exitCode = await auditCommand(inputs, options);
    });

  inputOptions(program.command('ingest').argument('<input...>', 'files, folders, or "-" for standard input'))
    .description("write normalized JSON Lines (spec §7) that `audit` reads back: the brand's conversations with --brand, every post read without it")
    .addOption(new Option('--locale <locale>', 'language of the messages on standard error').choices(['en', 'es']))
    .action(async (inputs: string[], options: CommonInputOptions & { locale?: Locale }) => {
      run.debug = Boolean(options.debug);
      await ingestCommand(inputs, options);
    });

  const compare = inputOptions(program.command('compare').argument('<input...>', 'files, folders, or "-" for standard input'))
    .description('audit several brands from the same inputs, read once, and put them side by side (each --brand is one brand: commas join its handles)')
    .option('--since <when>', 'only conversations opened since this date, or 7d / 30d / 12h / 2w / 1m before --as-of')
    .option('--until <when>', 'only conversations opened until this date')
    .option('--period <period>', 'last-week, last-month, a month (2026-10) or an ISO week (2026-W41), in --timezone')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...COMPARE_FORMATS]).default('text'))
    .addOption(new Option('--locale <locale>', 'report language').choices(['en', 'es']))
    .option('--sla <duration>', 'first-reply target, e.g. 60m or 2h (default 60m)')
    .option('--business-hours <hours>', 'also measure speed in opening hours, e.g. "mon-fri 09:00-18:00"')
    .option('--max-findings <n>', 'findings kept per rule in each result, worst first (0 = all; default 100)')
    .option('--no-color', 'no colours in the text output')
    .option('--csv-excel', 'csv: the Excel dialect (";", decimal comma, BOM, CRLF), the default with --locale es')
    .option('--no-csv-excel', 'csv: plain RFC 4180 even with --locale es');
  compare.action(async (inputs: string[], options: CompareOptions) => {
    run.debug = Boolean(options.debug);
    await compareCommand(inputs, options, { prepare, plan: auditPlan, begin: beginAudit, audit: auditOne, checkBrand });
  });

  program
    .command('history')
    .description("list a brand's runs recorded by audit --history, oldest first, with its scores and key figures over time")
    .option('--history <file>', 'the history file (default: "history" in the config file)')
    .option('-b, --brand <handle>', 'the brand, as its audits named it (repeat it or separate with commas)', collect, [])
    .option('-c, --config <file>', 'config file (default: ./second-impression.config.json when present)')
    .option('--since <when>', 'runs with an as-of since this date, or 90d / 12w / 6m before --as-of')
    .option('--as-of <iso>', '"now" for --since (default: the latest run\'s as-of)')
    .option('--timezone <zone>', "IANA zone for dates without an offset (default: the config's, else UTC)")
    .addOption(new Option('-f, --format <format>', 'output format').choices([...HISTORY_FORMATS]).default('text'))
    .addOption(new Option('--locale <locale>', 'language').choices(['en', 'es']))
    .option('-o, --output <file>', 'write to a file (atomically) instead of standard output')
    .option('--no-color', 'no colours in the text output')
    .option('--csv-excel', 'csv: the Excel dialect, the default with --locale es')
    .option('--no-csv-excel', 'csv: plain RFC 4180 even with --locale es')
    .option('--debug', 'show stack traces for unexpected errors')
    .action(async (options: HistoryOptions & { debug?: boolean }) => {
      run.debug = Boolean(options.debug);
      await historyCommand(options);
    });

  addFetchCommand(program).action(async (urls: string[], options: FetchCommandOptions) => {
    run.debug = Boolean(options.debug);
    run.exitCode = await fetchCommand(urls, options, toolVersion());
  });

  program
    .command('rules')
    .description('list every rule: id, category, weight, what it checks and its score formula')
    .option('-c, --config <file>', 'show the weights of this config file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('--locale <locale>', 'language').choices(['en', 'es']))
    .action((options: { config?: string; format: 'text' | 'json'; locale?: Locale }) => {
      const { config } = loadConfig(options.config);
      process.stdout.write(rulesListing(config.rules, config.categories, options.locale ?? config.locale, options.format));
    });

  program
    .command('formats')
    .description('list every input format: id, how it is detected and what it yields')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('--locale <locale>', 'language').choices(['en', 'es']))
    .action((options: { format: 'text' | 'json'; locale?: Locale }) => {
      const spanish = (options.locale ?? environmentLocale()) === 'es';
      // The Spanish sentences are written per reader (src/i18n/formats-es.ts); a reader without one stays English.
      const list = ADAPTERS.map(({ id, title, detection, yields }) => ({ id, ...((spanish && FORMATS_ES[id]) || { title, detection, yields }) }));
      const [detected, yielded] = spanish ? ['se reconoce', 'da'] : ['detected', 'yields'];
      if (options.format === 'json') process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
      else process.stdout.write(list.map((a) => `${a.id}\n  ${a.title}\n  ${detected}: ${a.detection}\n  ${yielded}: ${a.yields}\n`).join('\n'));
    });

  program
    .command('init')
    .description('write a starter config file with every weight and threshold')
    .option('-o, --output <file>', 'where to write it', 'second-impression.config.json')
    .option('--force', 'overwrite an existing file')
    .action(async (options: { output: string; force?: boolean }) => {
      await writeStarterConfig(options.output, Boolean(options.force));
      process.stderr.write(`wrote ${options.output}\n`);
    });

  localizeHelp(program, locale);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  // A reader that stops early (`| head`) closes the pipe: stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT_OK);
    throw error;
  });
  // The core reads no file: the shipped lexicons are handed to it here, once.
  installDefaultLexicons();
  const run: RunState = { exitCode: EXIT_OK, debug: argv.includes('--debug') };
  const program = buildProgram(run, helpLocale(argv));

  // No command at all is a usage mistake (a cron line missing its arguments): usage on stderr, exit 2.
  if (argv.length <= 2) {
    process.stderr.write(program.helpInformation());
    return EXIT_ERROR;
  }
  try {
    await program.parseAsync([...argv]);
    return run.exitCode;
  } catch (error) {
    return reportError(error, run.debug, helpLocale(argv));
  }
}

/**
 * A brand is its handles: one that never posts cannot be told from a misspelt handle, and auditing it
 * would call every customer "ignored". The hint names who the inputs mark as a company.
 */
function brandAbsent(handles: readonly string[], presence: BrandPresence, corpus: Corpus): UsageError {
  const named = handles.map((h) => `@${h.replace(/^@/, '')}`).join(', ');
  const channels = [...corpus.channels.values()];
  if (channels.length > 0 && channels.every((channel) => channel.noBrandReplies)) {
    const formats = [...new Set(corpus.inputs.map((input) => input.format))].join(', ');
    return new UsageError(
      `nothing to audit for ${named}: the inputs (${formats}) show no brand reply at all — the brand cannot answer there, so they say what customers think, not how the brand treats them`,
      "add the brand's own channels (its review-site profile, social inbox or archive) beside them",
      { id: 'error.no-brand-replies', data: { brand: named, formats } },
    );
  }
  const mentioned = presence.mentions > 0 ? ` (${presence.mentions} post${presence.mentions === 1 ? ' mentions' : 's mention'} it, but it never answers)` : '';
  const first = presence.companies[0]?.replace(/ \(\d+\)$/, '');
  if (first !== undefined) {
    return new UsageError(
      `no post by ${named} in the inputs${mentioned}; they mark ${presence.companies.join(', ')} as the brand`,
      `did you mean --brand ${first}? (several handles of one brand: --brand ${first},OtherHandle)`,
      {
        id: presence.mentions > 0 ? 'error.brand-absent.companies-mentioned' : 'error.brand-absent.companies',
        data: { brand: named, n: presence.mentions, companies: presence.companies.join(', '), first },
      },
    );
  }
  const seen = presence.suggestions.length > 0 ? `; handles seen most often: ${presence.suggestions.join(', ')}` : '';
  const variant = `${presence.mentions > 0 ? '.mentioned' : ''}${presence.suggestions.length > 0 ? '.seen' : ''}`;
  return new UsageError(`no post by ${named} in the inputs${mentioned}${seen}`, 'check the spelling of --brand (case and "@" do not matter)', {
    id: `error.brand-absent${variant}`,
    data: { brand: named, n: presence.mentions, seen: presence.suggestions.join(', ') },
  });
}

/** Years of the period that a shipped holiday list does not cover: business-hours figures ignore their holidays. */
function holidayGaps(holidays: HolidayDates, from: number, to: number): IngestWarning[] {
  const first = new Date(from).getUTCFullYear();
  const last = new Date(to).getUTCFullYear();
  const warnings: IngestWarning[] = [];
  for (const list of holidays.coverage) {
    const missing: number[] = [];
    for (let year = first; year <= last && missing.length < 50; year++) if (year < list.firstYear || year > list.lastYear) missing.push(year);
    if (missing.length > 0) {
      warnings.push({
        input: '(config)',
        code: 'holidays-unknown',
        message: `no ${list.country} holidays known for ${missing.join(', ')} (the shipped list covers ${list.firstYear}–${list.lastYear}): business-hours figures ignore them; add the dates to "holidays" in the config`,
      });
    }
  }
  return warnings;
}

function earliestTime(corpus: Corpus): number {
  let earliest = Infinity;
  for (const t of corpus.table.times) if (t < earliest) earliest = t;
  return earliest;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function reportError(error: unknown, debug: boolean, locale: Locale): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT_OK;
    return EXIT_ERROR; // commander already printed a one-line message
  }
  if (error instanceof UserError) {
    const words = catalogFor(locale);
    const said = (id: string | undefined, english: string): string => (id === undefined ? english : (words.inputMessage(id, error.key?.data) ?? english));
    process.stderr.write(`second-impression: ${safeForTerminal(said(error.key?.id, error.message))}\n`);
    if (error.hint)
      process.stderr.write(`  ${locale === 'es' ? 'pista' : 'hint'}: ${safeForTerminal(said(error.key && `${error.key.id}.hint`, error.hint))}\n`);
    if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
    return EXIT_ERROR;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EPIPE') return EXIT_OK; // the reader (e.g. `| head`) stopped listening
  process.stderr.write(`second-impression: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('  hint: run again with --debug for details, and report it with the input that caused it\n');
  return EXIT_ERROR;
}

/**
 * Reads the config and the inputs. `before` runs once the config is read and before any input is: every
 * option is checked there, so a cron line with a typo fails at once, not after reading a large export.
 */
async function prepare(inputs: string[], options: CommonInputOptions, brandRequired = true, before?: (setup: RunSetup) => Promise<void> | void) {
  const { config, path: configPath } = loadConfig(options.config);
  const timezone = options.timezone === undefined ? parseTimeZone(config.timezone) : parseTimeZone(options.timezone);
  config.timezone = timezone;
  const handles = parseHandles(options.brand.length > 0 ? options.brand : config.brand);
  if (handles.length === 0 && brandRequired)
    throw new UsageError('no brand given', 'name its handles with --brand, e.g. --brand AppleSupport (or "brand" in the config file)', {
      id: 'error.no-brand',
    });
  const asOfGiven = options.asOf === undefined ? undefined : parseInstant(options.asOf, '--as-of', timezone);
  if (options.output !== undefined && !/[\\/]$/.test(options.output) && !isDirectory(options.output)) await checkWritable(options.output);
  await before?.({ config, configPath, timezone });
  const progress = createProgress(!options.quiet, (options as { locale?: Locale }).locale ?? config.locale);
  try {
    const corpus = await loadCorpus(
      inputs,
      {
        timezone,
        dateOrder: options.dateOrder,
        columnMap: parseColumnMap(options.map),
        inputFormat: options.inputFormat,
        ...(asOfGiven !== undefined ? { savedAt: asOfGiven } : {}),
      },
      progress,
    );
    if (handles.length > 0) {
      const presence = brandPresence(corpus, handles);
      if (presence.brandPosts === 0 && presence.ownedInputs === 0) throw brandAbsent(handles, presence, corpus);
    }
    const asOf = asOfGiven ?? latestTime(corpus)!;
    return { config, configPath, corpus, handles, asOf, timezone, progress };
  } catch (error) {
    progress.stop();
    throw error;
  }
}

interface RunSetup {
  config: AuditConfig;
  configPath: string | undefined;
  timezone: string;
}

/** The audit options that are not the inputs', checked and applied to the config before any input is read. */
function auditPlan(options: AuditOptions | CompareOptions, { config, timezone }: RunSetup): PeriodWindow {
  if (options.sla !== undefined) config.slaMinutes = parseMinutes(options.sla, '--sla');
  if (options.locale !== undefined) config.locale = options.locale;
  if (options.maxFindings !== undefined) config.maxFindings = parseCount(options.maxFindings, '--max-findings');
  if (options.businessHours !== undefined) config.businessHours = options.businessHours;
  if (config.businessHours) parseBusinessHours(config.businessHours, timezone, new Set());
  return parseWindow(options, timezone);
}

/** What every brand's audit of one run shares: the period placed against "now", the holidays, the language model. */
async function beginAudit(corpus: Corpus, config: AuditConfig, window: PeriodWindow, asOf: number): Promise<AuditShared> {
  const { since, until } = window(asOf);
  // The language model (≈85 MB) is loaded once the inputs are read, only for audits.
  await loadLanguageModel();
  const holidays = config.businessHours ? readHolidays(config.holidays) : undefined;
  if (holidays) for (const warning of holidayGaps(holidays, since ?? earliestTime(corpus), Math.min(until ?? asOf, asOf))) corpus.warn(warning);
  return { since, until, holidays };
}

interface AuditShared {
  since: number | undefined;
  until: number | undefined;
  holidays: HolidayDates | undefined;
}

/** One brand's audit of the inputs read: what `audit` runs, and `compare` once per brand. */
function auditOne(
  corpus: Corpus,
  handles: string[],
  config: AuditConfig,
  configPath: string | undefined,
  asOf: number,
  shared: AuditShared,
  conversationTable = false,
) {
  const { since, until, holidays } = shared;
  return runAudit(corpus, {
    handles,
    config,
    asOf,
    conversationTable,
    ...(holidays ? { holidayDates: holidays.dates } : {}),
    ...(since !== undefined ? { since } : {}),
    ...(until !== undefined ? { until } : {}),
    toolVersion: toolVersion(),
    settingsNotes: configPath ? [`config: ${configPath}`] : [],
  });
}

/** A compared brand must post in the inputs, as an audited one must. */
function checkBrand(corpus: Corpus, handles: readonly string[]): void {
  const presence = brandPresence(corpus, handles);
  if (presence.brandPosts === 0 && presence.ownedInputs === 0) throw brandAbsent(handles, presence, corpus);
}

async function auditCommand(inputs: string[], options: AuditOptions): Promise<number> {
  const failUnder = options.failUnder === undefined ? undefined : parseScore(options.failUnder, '--fail-under');
  let window: PeriodWindow = () => ({});
  let historyFile: string | undefined;
  let history: HistoryStore | undefined;
  const { config, configPath, corpus, handles, asOf, progress } = await prepare(inputs, options, true, async (setup) => {
    window = auditPlan(options, setup);
    historyFile = historyPath(options.history, setup.config.history, setup.configPath);
    // Opened (created, migrated) before the inputs are read: a wrong or foreign history file fails at once.
    if (historyFile !== undefined) history = await openHistory(historyFile);
  });
  try {
    return await auditAndReport(corpus, handles, config, configPath, asOf, window, options, failUnder, progress, history, historyFile);
  } finally {
    history?.close();
  }
}

async function auditAndReport(
  corpus: Corpus,
  handles: string[],
  config: AuditConfig,
  configPath: string | undefined,
  asOf: number,
  window: PeriodWindow,
  options: AuditOptions,
  failUnder: number | undefined,
  progress: Progress,
  history: HistoryStore | undefined,
  historyFile: string | undefined,
): Promise<number> {
  progress.update(progress.words.auditing(corpus.table.length));
  const shared = await beginAudit(corpus, config, window, asOf);
  // --output naming a folder (or ending in "/") asks for every table of a multi-table format.
  const toFolder = options.output !== undefined && (/[\\/]$/.test(options.output) || isDirectory(options.output));
  const table = options.table ?? (toFolder ? 'all' : undefined);
  const conversationTable = Boolean(options.conversations) || (options.format === 'csv' && (table === 'conversations' || table === 'all'));
  const result = auditOne(corpus, handles, config, configPath, asOf, shared, conversationTable);
  // The change since the previous run goes into the result, so every format shows it; the run is recorded
  // once the report is written.
  const run = history ? compareWithHistory(history, result, corpus, historyFile!) : undefined;
  progress.stop();
  const color = options.color && !process.env.NO_COLOR && (options.output === undefined ? Boolean(process.stdout.isTTY) : false);
  const renderer = rendererById(options.format)!;
  // The terminal's width when there is one (never below 60); 80 in a pipe or a cron log.
  const width = process.stdout.isTTY && process.stdout.columns ? Math.max(60, process.stdout.columns) : 80;
  // --quiet with the text report on stdout: one line for a cron log.
  const scoreLineOnly = Boolean(options.quiet) && renderer.id === 'text' && options.output === undefined;
  const renderOptions: CsvRenderOptions = { catalog: catalogFor(config.locale), color, width, table, csvExcel: options.csvExcel, scoreLineOnly };
  const output = renderer.render(result, renderOptions);
  if (Array.isArray(output)) {
    if (options.output === undefined)
      throw new UsageError(`--format ${renderer.id} --table ${table} writes several files`, 'give --output a folder', {
        id: 'error.needs-output-folder',
        data: { format: renderer.id, table: String(table) },
      });
    await writeFolder(output, options.output);
  } else if (typeof output !== 'string')
    throw new UsageError(`--format ${renderer.id} writes bytes: give --output a file`, undefined, {
      id: 'error.needs-output-file',
      data: { format: renderer.id },
    });
  else await writeOutput(output, options.output);
  if (history && run) recordInHistory(history, run, historyFile!, Boolean(options.quiet), config.locale);
  const cli = catalogFor(config.locale);
  if (!options.quiet) {
    const warnings = Object.entries(result.warningCounts);
    if (warnings.length > 0) {
      const total = warnings.reduce((sum, [, n]) => sum + n, 0);
      const codes = warnings.map(([code, n]) => `${n} ${code}`).join(', ');
      process.stderr.write(`second-impression: ${cli.fill(cli.messages.cli.warnings, { n: total, codes })}\n`);
      process.stderr.write(warningLines(result.warnings, total, cli));
    }
  }
  if (failUnder !== undefined) {
    if (result.score === null) {
      // A cron job must notice an audit that judged nothing (wrong brand period, empty export).
      process.stderr.write(`second-impression: ${cli.messages.cli.noScoreFailUnder}\n`);
      return EXIT_BELOW_THRESHOLD;
    }
    if (result.score < failUnder) {
      if (!options.quiet)
        process.stderr.write(`second-impression: ${cli.fill(cli.messages.cli.belowFailUnder, { score: result.score, threshold: failUnder })}\n`);
      return EXIT_BELOW_THRESHOLD;
    }
  }
  return EXIT_OK;
}

async function ingestCommand(inputs: string[], options: CommonInputOptions & { locale?: Locale }): Promise<void> {
  // Without --brand, ingest is a converter: every post it read, for any tool (or a later audit) to use.
  const { corpus, handles, asOf, progress } = await prepare(inputs, options, false);
  progress.update(progress.words.writing);
  if (handles.length === 0) await writeAllPosts(corpus, options.output);
  else for (const warning of await writeIngestOutput(corpus, handles, asOf, options.output)) corpus.warn(warning);
  progress.stop();
  const total = corpus.warnings.total;
  const spanish = (options.locale ?? environmentLocale()) === 'es';
  const counts = Object.entries(corpus.warnings.countsByCode())
    .map(([c, n]) => `${n} ${c}`)
    .join(', ');
  if (!options.quiet && total > 0)
    process.stderr.write(
      spanish
        ? `second-impression: ${total} aviso${total === 1 ? '' : 's'} al leer (${counts})\n`
        : `second-impression: ${total} warning${total === 1 ? '' : 's'} while reading (${counts})\n`,
    );
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** A multi-file report: the folder is created when missing, each file written atomically inside it. */
async function writeFolder(files: readonly RenderedFile[], folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot create folder ${folder}: ${describeFsError(error)}`, undefined, {
      id: 'error.cannot-create-folder',
      data: { folder, reason: describeFsError(error) },
    });
  }
  for (const file of files) {
    await writeFileAtomically(path.join(folder, path.basename(file.name)), file.content);
  }
}

/** Warnings shown on stderr before the count, like a linter's: enough for a cron log to show the problem. */
const STDERR_WARNINGS = 5;

/** The first warnings as `file:line code message`, then how many more there are. */
function warningLines(warnings: readonly IngestWarning[], total: number, catalog: Catalog): string {
  const shown = warnings
    .slice(0, STDERR_WARNINGS)
    .map((w) => `  ${safeForTerminal(`${w.input}${w.line ? `:${w.line}` : ''} ${w.code} ${catalog.warning(w)}`)}\n`);
  const rest = total - shown.length;
  return shown.join('') + (rest > 0 ? `  ${catalog.fill(catalog.messages.cli.more, { n: rest })}\n` : '');
}

export function rulesListing(ruleWeights: Record<string, number>, categoryWeights: Record<string, number>, locale: Locale, format: 'text' | 'json'): string {
  const catalog = catalogFor(locale);
  const words = catalog.messages.rulesListing;
  const rules = RULES.map((rule) => ({
    id: rule.meta.id,
    category: rule.meta.category,
    weight: ruleWeights[rule.meta.id] ?? 0,
    severity: rule.meta.severity,
    title: rule.meta.title[locale],
    description: rule.meta.description[locale],
    formula: rule.meta.formula[locale],
  }));
  if (format === 'json') {
    const categories = CATEGORY_IDS.map((id) => ({ id, title: catalog.category(id), weight: categoryWeights[id] ?? 0 }));
    return `${JSON.stringify({ overall: words.overall, categories, rules }, null, 2)}\n`;
  }
  const out: string[] = [words.overall, ''];
  for (const id of CATEGORY_IDS) {
    out.push(`${catalog.category(id)} [${id}] · ${words.weight} ${categoryWeights[id] ?? 0}`);
    const inCategory = rules.filter((r) => r.category === id);
    if (inCategory.length === 0) out.push(`  ${words.noRules}`);
    for (const rule of inCategory) {
      out.push(`  ${rule.id} · ${words.weight} ${rule.weight} · ${rule.title}`);
      out.push(`    ${rule.description}`);
      out.push(`    ${rule.formula}`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
