/**
 * `second-impression fetch <url...> --out <dir>`: saves review pages for an offline, reproducible audit
 * (io/fetch.ts does the network part). Each page goes to `<out>/<host>/<name>-<hash>.html` with
 * `<name>-<hash>.meta.json` beside it, both written atomically, the metadata last: a page counts as saved
 * when both are there, and a re-run skips it unless --refresh.
 *
 * Exit codes: 0 every page saved (or saved before); 1 some saved, some failed or kept out by robots.txt
 * (each listed on stderr); 2 nothing saved, or a usage error (bad URL, unwritable --out).
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Command, Option } from 'commander';
import type { Locale } from '../contract/ids.js';
import { UsageError, UserError } from '../errors.js';
import { FETCH_DEFAULTS, fetchPages, type FetchDeps, type FetchedPage, type PageOutcome, type PageStore, savedPageStem, userAgentFor } from '../io/fetch.js';
import { describeFsError, metadataFileFor } from '../io/read-inputs.js';
import { safeForTerminal } from '../report/text.js';
import { checkWritable, writeFileAtomically } from './output.js';
import { environmentLocale } from './config-file.js';
import { createProgress } from './progress.js';

export interface FetchCommandOptions {
  out: string;
  delay: string;
  timeout: string;
  retries: string;
  maxBytes: string;
  maxPages: string;
  refresh?: boolean;
  quiet?: boolean;
  debug?: boolean;
  locale?: Locale;
}

/** fetch's own lines on standard error, in each locale. */
const FETCH_WORDS = {
  en: {
    fetching: (url: string, attempt: number) => `Fetching ${url}${attempt > 1 ? ` (try ${attempt})` : ''}…`,
    waiting: (retry: boolean, host: string, s: number) => `${retry ? 'Retrying' : 'Next request to'} ${host} in ${s} s…`,
    failed: 'failed',
    skipped: 'skipped',
    saved: (n: number) => `saved ${n} page${n === 1 ? '' : 's'}`,
    already: (n: number, refresh: boolean) => `${n} already saved${refresh ? '' : ' (--refresh fetches them again)'}`,
    disallowed: (n: number) => `${n} not allowed by robots.txt`,
    failedCount: (n: number) => `${n} failed`,
    in: 'in',
  },
  es: {
    fetching: (url: string, attempt: number) => `Descargando ${url}${attempt > 1 ? ` (intento ${attempt})` : ''}…`,
    waiting: (retry: boolean, host: string, s: number) => `${retry ? 'Reintento' : 'Próxima petición'} a ${host} en ${s} s…`,
    failed: 'falló',
    skipped: 'omitida',
    saved: (n: number) => `${n} página${n === 1 ? ' guardada' : 's guardadas'}`,
    already: (n: number, refresh: boolean) => `${n} ya guardada${n === 1 ? '' : 's'}${refresh ? '' : ' (--refresh las descarga de nuevo)'}`,
    disallowed: (n: number) => `${n} no permitida${n === 1 ? '' : 's'} por robots.txt`,
    failedCount: (n: number) => `${n} fallida${n === 1 ? '' : 's'}`,
    in: 'en',
  },
} as const;

/** The `fetch` command and its options; main.ts adds the action. */
export function addFetchCommand(program: Command): Command {
  return program
    .command('fetch')
    .argument('<url...>', 'review pages to save (http or https)')
    .description('save review pages for an offline audit, politely (robots.txt, one request at a time, a delay per host), then: audit <out> --brand …')
    .requiredOption('--out <dir>', 'folder to save into: <out>/<host>/<page>.html with a .meta.json beside it (created when missing)')
    .option('--delay <duration>', 'pause between requests to the same host, e.g. 2s, 500ms, 1m', '2s')
    .option('--timeout <duration>', 'give up on a request after this long', '30s')
    .option('--retries <n>', 'extra tries after 429, 5xx, a timeout or a broken connection (exponential backoff, Retry-After honoured)', '3')
    .option('--max-bytes <size>', 'largest page read, e.g. 20MB, 500kB', '20MB')
    .option('--max-pages <n>', 'pages per URL, counting it: follows <link rel="next"> or <a rel="next"> on the same host', '1')
    .option('--refresh', 'fetch again pages already saved in --out')
    .option('-q, --quiet', 'no progress or summary on standard error (failures are still listed)')
    .addOption(new Option('--locale <locale>', 'language of the messages on standard error').choices(['en', 'es']))
    .option('--debug', 'show stack traces for unexpected errors');
}

export async function fetchCommand(
  urls: readonly string[],
  options: FetchCommandOptions,
  version: string,
  deps: Partial<Omit<FetchDeps, 'store'>> = {},
): Promise<number> {
  const parsed = urls.map(parseTarget);
  const settings = {
    userAgent: userAgentFor(version),
    delayMs: parseDuration(options.delay, '--delay', true),
    timeoutMs: parseDuration(options.timeout, '--timeout', false),
    retries: parseWhole(options.retries, '--retries', 0, 10),
    maxBytes: parseSize(options.maxBytes, '--max-bytes'),
    maxPages: parseWhole(options.maxPages, '--max-pages', 1, 1000),
    refresh: Boolean(options.refresh),
  };
  await prepareOut(options.out);
  const words = FETCH_WORDS[options.locale ?? environmentLocale()];
  const progress = createProgress(!options.quiet);
  let outcomes: PageOutcome[];
  try {
    outcomes = await fetchPages(
      parsed.map((u) => u.href),
      { ...FETCH_DEFAULTS, ...settings },
      {
        ...deps,
        store: folderStore(options.out, settings.userAgent),
        onEvent(event) {
          if (event.type === 'request') progress.update(words.fetching(event.url, event.attempt));
          else if (event.type === 'wait') progress.update(words.waiting(event.reason === 'retry', new URL(event.url).host, Math.ceil(event.ms / 1000)));
          else if (event.type === 'page') progress.update(`${event.outcome.result}: ${event.outcome.url}`);
        },
      },
    );
  } finally {
    progress.stop();
  }
  const count = (result: PageOutcome['result']) => outcomes.filter((o) => o.result === result).length;
  for (const o of outcomes) {
    if (o.result === 'failed' || o.result === 'disallowed')
      process.stderr.write(
        `second-impression: ${o.result === 'failed' ? words.failed : words.skipped} ${safeForTerminal(o.url)}: ${safeForTerminal(o.message ?? '')}\n`,
      );
  }
  const saved = count('saved');
  const before = count('already-saved');
  const problems = count('failed') + count('disallowed');
  if (saved + before === 0)
    throw new UserError(
      `no page could be saved (${problems} failed or not allowed)`,
      'check the addresses; a site that refuses or blocks automated requests can be saved with the browser ("Save page as…, complete") or SingleFile',
      { id: 'error.nothing-fetched', data: { n: problems } },
    );
  if (!options.quiet) {
    const parts = [words.saved(saved)];
    if (before > 0) parts.push(words.already(before, settings.refresh));
    if (count('disallowed') > 0) parts.push(words.disallowed(count('disallowed')));
    if (count('failed') > 0) parts.push(words.failedCount(count('failed')));
    process.stderr.write(`second-impression: ${parts.join(', ')} ${words.in} ${safeForTerminal(options.out)}\n`);
  }
  return problems > 0 ? 1 : 0;
}

/** Where a page of `url` lives under `out`. */
export function savedPagePaths(out: string, url: string): { html: string; meta: string } {
  const { host, stem } = savedPageStem(new URL(url));
  const html = path.join(out, host, `${stem}.html`);
  return { html, meta: path.join(out, host, metadataFileFor(html)) };
}

/** The metadata file written beside each page (read back by io/read-inputs.ts). */
export interface PageMetadataFile {
  url: string;
  finalUrl: string;
  status: number;
  fetchedAt: string;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  bytes: number;
  userAgent: string;
}

function folderStore(out: string, userAgent: string): PageStore {
  return {
    async load(url) {
      const { html, meta } = savedPagePaths(out, url);
      let data: Partial<PageMetadataFile>;
      try {
        data = JSON.parse(await readFile(meta, 'utf8')) as Partial<PageMetadataFile>;
      } catch {
        return undefined; // not saved, or saved only in part: fetched again
      }
      if (data.url !== url) return undefined;
      try {
        return { body: await readFile(html), finalUrl: typeof data.finalUrl === 'string' ? data.finalUrl : url };
      } catch {
        return undefined;
      }
    },
    async save(page: FetchedPage) {
      const { html, meta } = savedPagePaths(out, page.url);
      try {
        await mkdir(path.dirname(html), { recursive: true });
      } catch (error) {
        throw new UsageError(`cannot create folder ${path.dirname(html)}: ${describeFsError(error)}`);
      }
      await writeFileAtomically(html, page.body);
      const metadata: PageMetadataFile = {
        url: page.url,
        finalUrl: page.finalUrl,
        status: page.status,
        fetchedAt: page.fetchedAt,
        contentType: page.contentType,
        etag: page.etag,
        lastModified: page.lastModified,
        bytes: page.body.length,
        userAgent,
      };
      await writeFileAtomically(meta, `${JSON.stringify(metadata, null, 2)}\n`);
      return html;
    },
  };
}

async function prepareOut(out: string): Promise<void> {
  try {
    await mkdir(out, { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot create --out ${out}: ${describeFsError(error)}`, 'choose a folder this user can write to');
  }
  await checkWritable(path.join(out, 'page.html'));
}

function parseTarget(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`not a web address: ${text}`, 'give the full address, e.g. https://www.trustpilot.com/review/example.com', {
      id: 'error.not-url',
      data: { value: text },
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`${text}: only http and https addresses are fetched`, 'for a saved file, run: second-impression audit <file>', {
      id: 'error.url-scheme',
      data: { value: text },
    });
  if (url.username !== '' || url.password !== '')
    throw new UsageError(`${url.host}: an address with a user name or password is not fetched`, 'save pages behind a login with the browser instead');
  return url;
}

/** `2s`, `500ms`, `1.5m`, `1h`; a bare number is seconds. */
export function parseDuration(value: string, option: string, zeroAllowed: boolean): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(value);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match?.[2] ?? 's').toLowerCase() as 'ms' | 's' | 'm' | 'h'];
  const ms = match ? Math.round(Number(match[1]) * unit) : Number.NaN;
  if (!Number.isFinite(ms) || ms > 24 * 3_600_000 || (!zeroAllowed && ms <= 0))
    throw new UsageError(`${option} ${value}: not a duration`, `e.g. ${option} 2s, ${option} 500ms or ${option} 1m`, {
      id: 'error.fetch-duration',
      data: { option, value },
    });
  return ms;
}

/** `20MB`, `500kB`, `1048576` (bytes); units are powers of 1024. */
export function parseSize(value: string, option: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$/i.exec(value);
  const unit = (match?.[2] ?? 'b').toLowerCase()[0] as 'b' | 'k' | 'm' | 'g';
  const bytes = match ? Math.floor(Number(match[1]) * { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[unit]) : Number.NaN;
  if (!Number.isFinite(bytes) || bytes < 1 || bytes > 2 * 1024 ** 3)
    throw new UsageError(`${option} ${value}: not a size`, `e.g. ${option} 20MB or ${option} 500kB (at most 2 GB)`, {
      id: 'error.fetch-size',
      data: { option, value },
    });
  return bytes;
}

function parseWhole(value: string, option: string, min: number, max: number): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max)
    throw new UsageError(`${option} ${value}: not a whole number from ${min} to ${max}`, undefined, {
      id: 'error.whole-number',
      data: { option, value, min, max },
    });
  return Number(value);
}
