/**
 * Fetches review pages for an offline audit, politely: robots.txt first (once per origin), one request at a
 * time with a delay between requests to the same host, retries with exponential backoff on 429 and 5xx
 * (honouring `Retry-After`), a timeout, a body-size cap, at most 5 redirects, and `rel="next"` pagination
 * on the same host up to a page cap.
 *
 * Everything with an effect is handed in (`FetchDeps`): the HTTP request (undici's by default), `sleep`,
 * `now` and the store that keeps the pages, so tests run against a local server with a fake clock and
 * never wait for real. Only the timeout uses a real timer: it bounds real sockets.
 */
import { createHash } from 'node:crypto';
import { load } from 'cheerio';
import { request as undiciRequest } from 'undici';
import { groupFor, isAllowed, parseRobots, ROBOTS_MAX_BYTES, type RobotsPolicy } from './robots.js';

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: AsyncIterable<Uint8Array> & {
    destroy?(error?: Error): unknown;
    /** Reads and drops what is left (undici's), so the connection can be reused. */
    dump?(options: { limit: number; signal?: AbortSignal }): Promise<unknown>;
    on?(event: 'error', listener: (error: Error) => void): unknown;
  };
}

export interface HttpRequestInit {
  method: 'GET';
  headers: Record<string, string>;
  signal: AbortSignal;
  headersTimeout: number;
  bodyTimeout: number;
}

export type HttpRequest = (url: string, init: HttpRequestInit) => Promise<HttpResponse>;

export interface FetchOptions {
  /** Sent with every request and matched against robots.txt groups by its product token. */
  userAgent: string;
  /** Pause between two requests to the same host, from the end of one to the start of the next. */
  delayMs: number;
  /** One exchange (headers and body) takes at most this long. */
  timeoutMs: number;
  /** Extra tries after a 429, a 5xx, a timeout or a connection failure. */
  retries: number;
  /** First backoff; doubled on every retry. */
  backoffMs: number;
  /** No wait (Retry-After, backoff or a robots.txt Crawl-delay) is longer than this. */
  maxWaitMs: number;
  /** A body larger than this is not read further and the page fails. */
  maxBytes: number;
  maxRedirects: number;
  /** Pages per URL named, counting it: `rel="next"` links are followed on the same host up to this. */
  maxPages: number;
  /** Fetch again pages already saved. */
  refresh: boolean;
}

export const FETCH_DEFAULTS: Omit<FetchOptions, 'userAgent'> = {
  delayMs: 2000,
  timeoutMs: 30_000,
  retries: 3,
  backoffMs: 1000,
  maxWaitMs: 60_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  maxPages: 1,
  refresh: false,
};

/** `second-impression/0.1.0 (+offline audit)`: names the tool and its version, no address or contact. */
export function userAgentFor(version: string): string {
  return `second-impression/${version} (+offline audit)`;
}

export interface FetchedPage {
  /** The address asked for (without its fragment). */
  url: string;
  /** The address that answered, after redirects. */
  finalUrl: string;
  status: number;
  /** ISO 8601, from `now()` when the body was read. */
  fetchedAt: string;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  body: Uint8Array;
}

export interface PageStore {
  /** A page saved completely before (its body and where it came from), or undefined. */
  load(url: string): Promise<{ body: Uint8Array; finalUrl: string } | undefined>;
  /** Saves the page; returns where, for messages. */
  save(page: FetchedPage): Promise<string>;
}

export interface PageOutcome {
  url: string;
  result: 'saved' | 'already-saved' | 'disallowed' | 'failed';
  /** Why it failed or was skipped. */
  message?: string;
  /** Where it was saved. */
  file?: string;
  status?: number;
}

export type FetchEvent =
  | { type: 'request'; url: string; attempt: number }
  | { type: 'wait'; url: string; ms: number; reason: 'delay' | 'retry' }
  /** robots.txt could not be read and its origin is treated as disallowing everything. */
  | { type: 'robots'; origin: string; message: string }
  | { type: 'page'; outcome: PageOutcome };

export interface FetchDeps {
  store: PageStore;
  request?: HttpRequest;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  onEvent?: (event: FetchEvent) => void;
}

/** A request with undici, redirects left to the caller (each hop is checked against robots.txt). */
export const defaultRequest: HttpRequest = async (url, init) => {
  const response = await undiciRequest(url, { ...init, maxRedirections: 0 });
  return { statusCode: response.statusCode, headers: response.headers, body: response.body };
};

/**
 * Fetches every URL (and its next pages, up to `maxPages`) in order, one request at a time, and returns
 * one outcome per page tried. Never throws for a page's failure; a store that cannot write does throw.
 */
export async function fetchPages(urls: readonly string[], options: Partial<FetchOptions> & { userAgent: string }, deps: FetchDeps): Promise<PageOutcome[]> {
  const fetcher = new Fetcher({ ...FETCH_DEFAULTS, ...options }, deps);
  const outcomes: PageOutcome[] = [];
  const visited = new Set<string>();
  for (const start of urls) {
    let current: URL | undefined = withoutFragment(new URL(start));
    for (let page = 1; current && page <= fetcher.options.maxPages; page++) {
      if (visited.has(current.href)) break;
      visited.add(current.href);
      const wantNext = page < fetcher.options.maxPages;
      const { outcome, body, finalUrl } = await fetcher.page(current);
      outcomes.push(outcome);
      deps.onEvent?.({ type: 'page', outcome });
      current = wantNext && body && finalUrl ? nextPageLink(body, finalUrl) : undefined;
    }
  }
  return outcomes;
}

class PageFailure extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

interface Exchange {
  status: number;
  headers: HttpResponse['headers'];
  body: Uint8Array | undefined;
  /** How many times it was asked for. */
  tries: number;
}

type RobotsState = { kind: 'rules'; policy: RobotsPolicy } | { kind: 'allow-all' } | { kind: 'disallow-all'; reason: string };

class Fetcher {
  private readonly request: HttpRequest;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  /** When the last request to each host ended. */
  private readonly lastEnd = new Map<string, number>();
  private readonly robots = new Map<string, Promise<RobotsState>>();
  /** The same, once read: the delay of a host is looked up here (never waiting on its own robots.txt). */
  private readonly robotsRead = new Map<string, RobotsState>();

  constructor(
    readonly options: FetchOptions,
    private readonly deps: FetchDeps,
  ) {
    this.request = deps.request ?? defaultRequest;
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = deps.now ?? Date.now;
  }

  /** One page: already saved, disallowed, fetched and saved, or failed. */
  async page(url: URL): Promise<{ outcome: PageOutcome; body?: Uint8Array; finalUrl?: URL }> {
    if (!this.options.refresh) {
      const saved = await this.deps.store.load(url.href);
      if (saved) return { outcome: { url: url.href, result: 'already-saved' }, body: saved.body, finalUrl: safeUrl(saved.finalUrl) ?? url };
    }
    let hop = url;
    try {
      for (let redirects = 0; ; redirects++) {
        const verdict = await this.allowed(hop);
        if (verdict !== true) return { outcome: { url: url.href, result: 'disallowed', message: verdict } };
        const response = await this.withRetries(hop, this.options.maxBytes, 'fail');
        const location = header(response.headers, 'location');
        if (isRedirect(response.status) && location !== undefined) {
          if (redirects >= this.options.maxRedirects)
            throw new PageFailure(`more than ${this.options.maxRedirects} redirects (last to ${location})`, response.status);
          const next = safeUrl(location, hop);
          if (!next || (next.protocol !== 'http:' && next.protocol !== 'https:'))
            throw new PageFailure(`redirected to ${location}, not an http(s) address`, response.status);
          hop = withoutFragment(next);
          continue;
        }
        if (response.status < 200 || response.status > 299)
          throw new PageFailure(`HTTP ${response.status}${statusHint(response.status, response.tries)}`, response.status);
        const page: FetchedPage = {
          url: url.href,
          finalUrl: hop.href,
          status: response.status,
          fetchedAt: new Date(this.now()).toISOString(),
          contentType: header(response.headers, 'content-type') ?? null,
          etag: header(response.headers, 'etag') ?? null,
          lastModified: header(response.headers, 'last-modified') ?? null,
          body: response.body ?? new Uint8Array(),
        };
        const file = await this.deps.store.save(page);
        return { outcome: { url: url.href, result: 'saved', file, status: response.status }, body: page.body, finalUrl: hop };
      }
    } catch (error) {
      if (!(error instanceof PageFailure)) throw error;
      return { outcome: { url: url.href, result: 'failed', message: error.message, ...(error.status !== undefined ? { status: error.status } : {}) } };
    }
  }

  /** True, or why robots.txt keeps us out. */
  private async allowed(url: URL): Promise<true | string> {
    let state = this.robots.get(url.origin);
    if (!state) {
      state = this.readRobots(url.origin).then((read) => {
        this.robotsRead.set(url.origin, read);
        return read;
      });
      this.robots.set(url.origin, state);
    }
    const robots = await state;
    if (robots.kind === 'allow-all') return true;
    if (robots.kind === 'disallow-all') return `${robots.reason}: treated as disallowing every page of ${url.origin}`;
    const verdict = isAllowed(robots.policy, this.options.userAgent, url.pathname + url.search);
    if (verdict.allowed) return true;
    return `disallowed by ${url.origin}/robots.txt ("Disallow: ${verdict.rule?.pattern ?? ''}")`;
  }

  /**
   * robots.txt of an origin (RFC 9309 §2.3.1): 2xx its rules; redirects followed (up to 5, then taken as
   * unavailable); 4xx unavailable, so everything allowed; 5xx (after retries) or no answer at all:
   * unreachable, so everything disallowed, and said so.
   */
  private async readRobots(origin: string): Promise<RobotsState> {
    let hop = new URL('/robots.txt', origin);
    try {
      for (let redirects = 0; ; redirects++) {
        const response = await this.withRetries(hop, ROBOTS_MAX_BYTES, 'truncate');
        const location = header(response.headers, 'location');
        if (isRedirect(response.status) && location !== undefined) {
          const next = safeUrl(location, hop);
          if (redirects >= 5 || !next || (next.protocol !== 'http:' && next.protocol !== 'https:')) return { kind: 'allow-all' };
          hop = withoutFragment(next);
          continue;
        }
        if (response.status >= 200 && response.status <= 299) {
          const policy = parseRobots(new TextDecoder('utf-8').decode(response.body ?? new Uint8Array()));
          return { kind: 'rules', policy };
        }
        if (response.status === 429 || response.status >= 500) return this.robotsRefused(origin, `robots.txt answered HTTP ${response.status}`);
        return { kind: 'allow-all' };
      }
    } catch (error) {
      if (!(error instanceof PageFailure)) throw error;
      return this.robotsRefused(origin, `robots.txt could not be read (${error.message})`);
    }
  }

  private robotsRefused(origin: string, reason: string): RobotsState {
    this.deps.onEvent?.({ type: 'robots', origin, message: `${reason}: treated as disallowing every page of ${origin}` });
    return { kind: 'disallow-all', reason };
  }

  /** The pause owed to a host: the delay, or its robots.txt Crawl-delay when longer (capped). */
  private delayFor(url: URL): number {
    const robots = this.robotsRead.get(url.origin);
    const crawlDelay = robots?.kind === 'rules' ? groupFor(robots.policy, this.options.userAgent).crawlDelay : undefined;
    return Math.max(this.options.delayMs, Math.min((crawlDelay ?? 0) * 1000, this.options.maxWaitMs));
  }

  /** An exchange, tried again after 429, 5xx, timeouts and connection failures with growing waits. */
  private async withRetries(url: URL, maxBytes: number, overflow: 'fail' | 'truncate'): Promise<Exchange> {
    for (let attempt = 0; ; attempt++) {
      const last = this.lastEnd.get(url.host);
      if (last !== undefined) {
        const wait = last + this.delayFor(url) - this.now();
        if (wait > 0) {
          this.deps.onEvent?.({ type: 'wait', url: url.href, ms: wait, reason: 'delay' });
          await this.sleep(wait);
        }
      }
      this.deps.onEvent?.({ type: 'request', url: url.href, attempt: attempt + 1 });
      let response: Exchange | undefined;
      let failure: PageFailure | undefined;
      try {
        response = { ...(await this.exchange(url, maxBytes, overflow)), tries: attempt + 1 };
      } catch (error) {
        if (!(error instanceof PageFailure) || error.status !== undefined) throw error;
        failure = error;
      } finally {
        this.lastEnd.set(url.host, this.now());
      }
      const retryable = failure !== undefined || response!.status === 429 || response!.status >= 500;
      const tries = `${attempt + 1} ${attempt === 0 ? 'try' : 'tries'}`;
      if (!retryable) return response!;
      if (attempt >= this.options.retries) {
        if (failure) throw new PageFailure(`${failure.message} (${tries})`);
        return response!;
      }
      const retryAfter = response ? retryAfterMs(header(response.headers, 'retry-after'), this.now()) : undefined;
      const wait = Math.min(retryAfter ?? this.options.backoffMs * 2 ** attempt, this.options.maxWaitMs);
      if (wait > 0) {
        this.deps.onEvent?.({ type: 'wait', url: url.href, ms: wait, reason: 'retry' });
        await this.sleep(wait);
      }
      // The retry wait counts as the pause after the last request: the delay is not added on top.
      this.lastEnd.set(url.host, this.now() - Math.min(wait, this.options.delayMs));
    }
  }

  /** One HTTP exchange under the timeout: the body read (capped) for 2xx, discarded otherwise. */
  private async exchange(url: URL, maxBytes: number, overflow: 'fail' | 'truncate'): Promise<Omit<Exchange, 'tries'>> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    const seconds = formatSeconds(this.options.timeoutMs);
    try {
      let response: HttpResponse;
      try {
        response = await this.request(url.href, {
          method: 'GET',
          headers: { 'user-agent': this.options.userAgent, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
          signal: controller.signal,
          headersTimeout: this.options.timeoutMs,
          bodyTimeout: this.options.timeoutMs,
        });
      } catch (error) {
        throw new PageFailure(timedOut || isTimeout(error) ? `no answer within ${seconds}` : `connection failed: ${networkReason(error)}`);
      }
      if (response.statusCode < 200 || response.statusCode > 299) {
        await discard(response.body, controller.signal);
        return { status: response.statusCode, headers: response.headers, body: undefined };
      }
      const declared = Number(header(response.headers, 'content-length'));
      if (overflow === 'fail' && Number.isFinite(declared) && declared > maxBytes) {
        await discard(response.body, controller.signal, 0);
        throw new PageFailure(`the page is ${formatBytes(declared)}, over the ${formatBytes(maxBytes)} limit (--max-bytes): not read`, response.statusCode);
      }
      const parts: Uint8Array[] = [];
      let total = 0;
      try {
        for await (const chunk of response.body) {
          if (total + chunk.length > maxBytes) {
            await discard(response.body, controller.signal, 0);
            if (overflow === 'fail')
              throw new PageFailure(`the page is over the ${formatBytes(maxBytes)} limit (--max-bytes): stopped reading`, response.statusCode);
            parts.push(chunk.subarray(0, maxBytes - total));
            total = maxBytes;
            break;
          }
          parts.push(chunk);
          total += chunk.length;
        }
      } catch (error) {
        if (error instanceof PageFailure) throw error;
        throw new PageFailure(
          timedOut || isTimeout(error) ? `the page did not arrive within ${seconds}` : `the connection broke while reading: ${networkReason(error)}`,
        );
      }
      return { status: response.statusCode, headers: response.headers, body: concat(parts, total) };
    } finally {
      clearTimeout(timer);
    }
  }
}

/** `Retry-After` as a wait in ms: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/**
 * The next page of a listing: the first `<link rel="next">` or `<a rel="next">` with an href, resolved
 * against `<base href>` or the page's address, kept only when it is on the same host and http(s).
 */
export function nextPageLink(body: Uint8Array, pageUrl: URL): URL | undefined {
  const $ = load(new TextDecoder('utf-8').decode(body));
  const baseHref = $('base[href]').first().attr('href');
  const base = (baseHref !== undefined ? safeUrl(baseHref, pageUrl) : undefined) ?? pageUrl;
  for (const node of $('link[rel][href], a[rel][href]').toArray()) {
    const rel = ($(node).attr('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('next')) continue;
    const next = safeUrl($(node).attr('href')!.trim(), base);
    if (!next || next.host !== pageUrl.host || (next.protocol !== 'http:' && next.protocol !== 'https:')) continue;
    return withoutFragment(next);
  }
  return undefined;
}

// ───────────────────────────── file names ─────────────────────────────

/**
 * Where a page is saved, relative to the output folder: `<host>/<name>-<hash>` (the caller adds `.html`
 * and `.meta.json`). The name is the path and query, accents dropped and everything but letters, digits,
 * `.`, `_` and `-` turned into `_`, with no `..`, no leading dot and at most 80 characters; the hash (of the
 * whole address) keeps two addresses that read alike apart.
 */
export function savedPageStem(url: URL): { host: string; stem: string } {
  const clean = withoutFragment(url);
  const host =
    tidy(
      clean.hostname
        .toLowerCase()
        .replace(/^\[|\]$/g, '')
        .replace(/[^a-z0-9.-]+/g, '_'),
    ).slice(0, 100) || 'host';
  const hostDir = clean.port ? `${host}_${clean.port}` : host;
  let readable = clean.pathname + clean.search;
  try {
    readable = decodeURIComponent(readable);
  } catch {
    // Keep it encoded: the characters are replaced below anyway.
  }
  readable = readable.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const name = tidy(tidy(readable.replace(/[^A-Za-z0-9._-]+/g, '_')).slice(0, 80)) || 'index';
  const hash = createHash('sha256').update(clean.href).digest('hex').slice(0, 10);
  return { host: hostDir, stem: `${name}-${hash}` };
}

/** Runs of dots or underscores made one, and none at either end. */
function tidy(name: string): string {
  return name
    .replace(/\.{2,}/g, '.')
    .replace(/_{2,}/g, '_')
    .replace(/^[._-]+|[._-]+$/g, '');
}

// ───────────────────────────── helpers ─────────────────────────────

function withoutFragment(url: URL): URL {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy;
}

function safeUrl(text: string, base?: URL): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}

function header(headers: HttpResponse['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function statusHint(status: number, tries: number): string {
  const after = `${tries} ${tries === 1 ? 'try' : 'tries'}`;
  if (status === 403) return ' (forbidden: the site refuses automated requests; save the page with the browser instead)';
  if (status === 404) return ' (not found)';
  if (status === 429) return ` (too many requests, after ${after}: try again later with a longer --delay)`;
  if (status >= 500) return ` (server error, after ${after})`;
  return '';
}

function networkReason(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  const known = typeof cause === 'string' ? cause : typeof code === 'string' ? code : undefined;
  return known ?? (error instanceof Error ? error.message : String(error));
}

/** Drops a body that is not kept: read out when small (the connection stays usable), else closed. */
async function discard(body: HttpResponse['body'], signal: AbortSignal, limit = 64 * 1024): Promise<void> {
  body.on?.('error', () => {});
  try {
    if (body.dump && limit > 0) await body.dump({ limit, signal });
    else body.destroy?.(new Error('body not read'));
  } catch {
    // Nothing more to do with a body nobody reads.
  }
}

/** undici's own header, body or connect timeouts (set to the same limit as ours, which usually fires first). */
function isTimeout(error: unknown): boolean {
  return /^UND_ERR_(?:HEADERS|BODY|CONNECT)_TIMEOUT$/.test(networkReason(error));
}

function concat(parts: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} kB`;
  return `${bytes} bytes`;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
