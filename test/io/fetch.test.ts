/**
 * io/fetch.ts against servers started here on 127.0.0.1 (never the internet), with a fake clock: every
 * wait is recorded, none is slept for real, and no assertion depends on how long anything took.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type FetchedPage, type FetchEvent, fetchPages, nextPageLink, type PageStore, retryAfterMs, savedPageStem } from '../../src/io/fetch.js';
import { expandInputs, metadataFileFor, openText } from '../../src/io/read-inputs.js';

const UA = 'second-impression/0.1.0 (+offline audit)';
const START = Date.parse('2026-10-05T09:00:00Z');

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface TestServer {
  base: string;
  hits: string[];
  agents: string[];
}

const servers: ReturnType<typeof createServer>[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A server whose routes answer by path; robots.txt is 404 unless a route gives it. */
async function serve(routes: Record<string, Handler>): Promise<TestServer> {
  const hits: string[] = [];
  const agents: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    agents.push(String(req.headers['user-agent']));
    const route = routes[req.url ?? ''];
    if (route) return route(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, agents };
}

const html =
  (body: string, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
  };

/** Answers with each handler in turn, the last one from then on. */
function sequence(...handlers: Handler[]): Handler {
  let n = 0;
  return (req, res) => handlers[Math.min(n++, handlers.length - 1)]!(req, res);
}

const status =
  (code: number, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(code, headers).end(`status ${code}`);
  };

function memoryStore(): PageStore & { pages: Map<string, FetchedPage> } {
  const pages = new Map<string, FetchedPage>();
  return {
    pages,
    async load(url) {
      const page = pages.get(url);
      return page ? { body: page.body, finalUrl: page.finalUrl } : undefined;
    },
    async save(page) {
      pages.set(page.url, page);
      return page.url;
    },
  };
}

/** A clock that only moves when something sleeps. */
function fakeTime() {
  let now = START;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

function setup(options: Parameters<typeof fetchPages>[1] extends infer O ? Partial<O> : never = {}) {
  const time = fakeTime();
  const store = memoryStore();
  const events: FetchEvent[] = [];
  const run = (urls: string[], extra: Partial<typeof options> = {}) =>
    fetchPages(urls, { userAgent: UA, ...options, ...extra }, { store, sleep: time.sleep, now: time.now, onEvent: (e) => events.push(e) });
  return { time, store, events, run };
}

const text = (page: FetchedPage | undefined) => new TextDecoder().decode(page?.body);

describe('fetchPages: saving', () => {
  it('saves the body and the response facts, with our User-Agent, robots.txt asked once per host', async () => {
    const server = await serve({
      '/a': html('<p>a</p>', { etag: '"v1"', 'last-modified': 'Fri, 02 Oct 2026 08:00:00 GMT' }),
      '/b': html('<p>b</p>'),
    });
    const { store, run } = setup();
    const outcomes = await run([`${server.base}/a#reviews`, `${server.base}/b`]);
    expect(outcomes.map((o) => o.result)).toEqual(['saved', 'saved']);
    const a = store.pages.get(`${server.base}/a`)!;
    expect(text(a)).toBe('<p>a</p>');
    expect(a).toMatchObject({
      finalUrl: `${server.base}/a`,
      status: 200,
      fetchedAt: '2026-10-05T09:00:02.000Z',
      contentType: 'text/html; charset=utf-8',
      etag: '"v1"',
      lastModified: 'Fri, 02 Oct 2026 08:00:00 GMT',
    });
    expect(server.hits).toEqual(['/robots.txt', '/a', '/b']);
    expect(new Set(server.agents)).toEqual(new Set([UA]));
  });

  it('waits the delay between two requests to the same host (robots.txt included)', async () => {
    const server = await serve({ '/a': html('a'), '/b': html('b') });
    const { time, run } = setup();
    await run([`${server.base}/a`, `${server.base}/b`]);
    expect(time.sleeps).toEqual([2000, 2000]);
    const custom = setup({ delayMs: 500 });
    await custom.run([`${server.base}/a`, `${server.base}/b`]);
    expect(custom.time.sleeps).toEqual([500, 500]);
  });

  it('waits a longer robots.txt Crawl-delay', async () => {
    const server = await serve({ '/robots.txt': html('User-agent: *\nCrawl-delay: 5\n'), '/a': html('a') });
    const { time, run } = setup();
    await run([`${server.base}/a`]);
    expect(time.sleeps).toEqual([5000]);
  });

  it('fails a 404 at once, naming the status', async () => {
    const server = await serve({});
    const { time, run } = setup();
    const [outcome] = await run([`${server.base}/gone`]);
    expect(outcome).toMatchObject({ result: 'failed', status: 404, message: 'HTTP 404 (not found)' });
    expect(server.hits.filter((h) => h === '/gone')).toHaveLength(1);
    expect(time.sleeps).toEqual([2000]);
  });

  it('does not stop at a failed URL: the next one is still fetched', async () => {
    const server = await serve({ '/ok': html('ok') });
    const { run } = setup();
    const outcomes = await run([`${server.base}/gone`, `${server.base}/ok`]);
    expect(outcomes.map((o) => o.result)).toEqual(['failed', 'saved']);
  });
});

describe('fetchPages: retries', () => {
  it('retries a 429 after its Retry-After seconds', async () => {
    const server = await serve({ '/p': sequence(status(429, { 'retry-after': '7' }), html('ok')) });
    const { time, store, run } = setup();
    const [outcome] = await run([`${server.base}/p`]);
    expect(outcome!.result).toBe('saved');
    expect(text(store.pages.get(`${server.base}/p`))).toBe('ok');
    // robots → page: the delay; 429 → retry: Retry-After, with no delay added on top.
    expect(time.sleeps).toEqual([2000, 7000]);
  });

  it('reads Retry-After as an HTTP date and caps it', async () => {
    expect(retryAfterMs('Mon, 05 Oct 2026 09:00:30 GMT', START)).toBe(30_000);
    expect(retryAfterMs('Mon, 05 Oct 2026 08:00:00 GMT', START)).toBe(0);
    expect(retryAfterMs('soon', START)).toBeUndefined();
    const server = await serve({ '/p': sequence(status(503, { 'retry-after': '3600' }), html('ok')) });
    const { time, run } = setup();
    await run([`${server.base}/p`]);
    expect(time.sleeps).toEqual([2000, 60_000]);
  });

  it('retries a 500 with exponential backoff, then gives up naming the tries', async () => {
    const server = await serve({ '/once': sequence(status(500), html('ok')), '/always': status(502) });
    const { time, run } = setup();
    const outcomes = await run([`${server.base}/once`, `${server.base}/always`]);
    expect(outcomes[0]!.result).toBe('saved');
    expect(outcomes[1]).toMatchObject({ result: 'failed', status: 502, message: 'HTTP 502 (server error, after 4 tries)' });
    // delay, backoff 1 s; delay; backoff 1, 2, 4 s (each at least the delay apart from the previous request).
    expect(time.sleeps).toEqual([2000, 1000, 1000, 2000, 1000, 1000, 2000, 4000]);
    expect(server.hits.filter((h) => h === '/always')).toHaveLength(4);
  });

  it('gives up on a server that does not answer within the timeout', async () => {
    const server = await serve({ '/slow': () => {} /* never answers */ });
    const { run } = setup({ timeoutMs: 100, retries: 1 });
    const [outcome] = await run([`${server.base}/slow`]);
    expect(outcome).toMatchObject({ result: 'failed', message: 'no answer within 100 ms (2 tries)' });
    expect(server.hits.filter((h) => h === '/slow')).toHaveLength(2);
  });

  it('gives up on a body that stops arriving', async () => {
    const server = await serve({
      '/stall': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html>'); // and nothing more
      },
    });
    const { run } = setup({ timeoutMs: 100, retries: 0 });
    const [outcome] = await run([`${server.base}/stall`]);
    expect(outcome).toMatchObject({ result: 'failed', message: 'the page did not arrive within 100 ms (1 try)' });
  });

  it('names a refused connection', async () => {
    const server = await serve({});
    servers[0]!.closeAllConnections();
    await new Promise((resolve) => servers.shift()!.close(resolve));
    const { run } = setup({ retries: 0 });
    const [outcome] = await run([`${server.base}/x`]);
    // robots.txt cannot be read either: the origin is kept out, and said so.
    expect(outcome!.result).toBe('disallowed');
    expect(outcome!.message).toMatch(/robots\.txt could not be read \(connection failed: ECONNREFUSED \(1 try\)\): treated as disallowing every page/);
  });
});

describe('fetchPages: redirects and sizes', () => {
  it('follows redirects and keeps the final address', async () => {
    const server = await serve({ '/old': status(301, { location: '/mid' }), '/mid': status(302, { location: '/new?x=1#top' }), '/new?x=1': html('new') });
    const { store, run } = setup();
    const [outcome] = await run([`${server.base}/old`]);
    expect(outcome!.result).toBe('saved');
    expect(store.pages.get(`${server.base}/old`)).toMatchObject({ finalUrl: `${server.base}/new?x=1`, status: 200 });
  });

  it('stops a redirect loop after 5 redirects', async () => {
    const server = await serve({ '/a': status(302, { location: '/b' }), '/b': status(302, { location: '/a' }) });
    const { run } = setup();
    const [outcome] = await run([`${server.base}/a`]);
    expect(outcome).toMatchObject({ result: 'failed', message: 'more than 5 redirects (last to /a)' });
    expect(server.hits.filter((h) => h !== '/robots.txt')).toHaveLength(6);
  });

  it('refuses a redirect out of http(s)', async () => {
    const server = await serve({ '/a': status(302, { location: 'file:///etc/passwd' }) });
    const { run } = setup();
    const [outcome] = await run([`${server.base}/a`]);
    expect(outcome).toMatchObject({ result: 'failed', message: 'redirected to file:///etc/passwd, not an http(s) address' });
  });

  it('does not read a body announced larger than --max-bytes', async () => {
    const server = await serve({ '/big': html('x'.repeat(2000), { 'content-length': '2000' }) });
    const { store, run } = setup({ maxBytes: 1000 });
    const [outcome] = await run([`${server.base}/big`]);
    expect(outcome).toMatchObject({ result: 'failed', message: 'the page is 2 kB, over the 1000 bytes limit (--max-bytes): not read' });
    expect(store.pages.size).toBe(0);
  });

  it('stops reading a streamed body once it passes --max-bytes', async () => {
    const server = await serve({
      '/stream': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' }); // chunked: no length announced
        for (let i = 0; i < 20; i++) res.write('y'.repeat(1000));
        res.end();
      },
    });
    const { store, run } = setup({ maxBytes: 5000 });
    const [outcome] = await run([`${server.base}/stream`]);
    expect(outcome).toMatchObject({ result: 'failed', message: 'the page is over the 4.9 kB limit (--max-bytes): stopped reading' });
    expect(store.pages.size).toBe(0);
  });
});

describe('fetchPages: robots.txt', () => {
  it('skips a page robots.txt disallows for us, without asking for it', async () => {
    const server = await serve({
      '/robots.txt': html('User-agent: *\nAllow: /\n\nUser-agent: second-impression\nDisallow: /private\n'),
      '/private/1': html('secret'),
      '/public': html('ok'),
    });
    const { run } = setup();
    const outcomes = await run([`${server.base}/private/1`, `${server.base}/public`]);
    expect(outcomes[0]).toMatchObject({ result: 'disallowed', message: `disallowed by ${server.base}/robots.txt ("Disallow: /private")` });
    expect(outcomes[1]!.result).toBe('saved');
    expect(server.hits).toEqual(['/robots.txt', '/public']);
  });

  it('skips a page disallowed for *', async () => {
    const server = await serve({ '/robots.txt': html('User-agent: *\nDisallow: /\n'), '/p': html('p') });
    const { run } = setup();
    const [outcome] = await run([`${server.base}/p`]);
    expect(outcome!.result).toBe('disallowed');
  });

  it('takes a robots.txt 404 as allowing everything', async () => {
    const server = await serve({ '/p': html('p') });
    const { run } = setup();
    expect((await run([`${server.base}/p`]))[0]!.result).toBe('saved');
  });

  it('takes a robots.txt 5xx (after retries) as disallowing everything, and says so once', async () => {
    const server = await serve({ '/robots.txt': status(503), '/p': html('p'), '/q': html('q') });
    const { run, events } = setup({ retries: 1 });
    const outcomes = await run([`${server.base}/p`, `${server.base}/q`]);
    expect(outcomes.map((o) => o.result)).toEqual(['disallowed', 'disallowed']);
    expect(outcomes[0]!.message).toBe(`robots.txt answered HTTP 503: treated as disallowing every page of ${server.base}`);
    expect(events.filter((e) => e.type === 'robots')).toHaveLength(1);
    expect(server.hits).toEqual(['/robots.txt', '/robots.txt']);
  });

  it('checks the robots.txt of the host a redirect leads to', async () => {
    const other = await serve({ '/robots.txt': html('User-agent: *\nDisallow: /\n'), '/there': html('x') });
    const server = await serve({ '/here': status(302, { location: `${other.base}/there` }) });
    const { run } = setup();
    const [outcome] = await run([`${server.base}/here`]);
    expect(outcome).toMatchObject({ result: 'disallowed' });
    expect(other.hits).toEqual(['/robots.txt']);
  });
});

describe('fetchPages: pagination and re-runs', () => {
  const listing = (n: number, next: string) => html(`<html><head>${next}</head><body>page ${n}</body></html>`);

  it('follows rel=next on the same host up to --max-pages', async () => {
    const server = await serve({
      '/r': listing(1, '<link rel="next" href="/r?page=2">'),
      '/r?page=2': html('<a class="x" rel="nofollow next" href="?page=3#list">next</a>'),
      '/r?page=3': listing(3, '<link rel="next" href="/r?page=4">'),
      '/r?page=4': listing(4, ''),
    });
    const { store, run } = setup({ maxPages: 3 });
    const outcomes = await run([`${server.base}/r`]);
    expect(outcomes.map((o) => [o.url.replace(server.base, ''), o.result])).toEqual([
      ['/r', 'saved'],
      ['/r?page=2', 'saved'],
      ['/r?page=3', 'saved'],
    ]);
    expect(store.pages.size).toBe(3);
    expect(server.hits).not.toContain('/r?page=4');
  });

  it('follows no link with the default of one page', async () => {
    const server = await serve({ '/r': listing(1, '<link rel="next" href="/r?page=2">') });
    const { run } = setup();
    expect(await run([`${server.base}/r`])).toHaveLength(1);
  });

  it('ignores next links to another host and stops at a cycle', async () => {
    const server = await serve({ '/a': listing(1, '<link rel="next" href="/b">'), '/b': listing(2, '<link rel="next" href="/a">') });
    const { run } = setup({ maxPages: 10 });
    expect((await run([`${server.base}/a`])).map((o) => o.url.replace(server.base, ''))).toEqual(['/a', '/b']);
    const page = new TextEncoder().encode('<link rel="next" href="https://elsewhere.test/p2"><a rel="next" href="javascript:alert(1)">x</a>');
    expect(nextPageLink(page, new URL('https://shop.test/p1'))).toBeUndefined();
    const based = new TextEncoder().encode('<base href="/list/"><a rel="next" href="p2">next</a>');
    expect(nextPageLink(based, new URL('https://shop.test/x/p1'))?.href).toBe('https://shop.test/list/p2');
  });

  it('skips pages already saved (following their next link) and fetches them again with refresh', async () => {
    const server = await serve({ '/a': listing(1, '<link rel="next" href="/b">'), '/b': listing(2, '') });
    const { store, run } = setup({ maxPages: 2 });
    await run([`${server.base}/a`]);
    store.pages.delete(`${server.base}/b`);
    server.hits.length = 0;
    const again = await run([`${server.base}/a`]);
    expect(again.map((o) => o.result)).toEqual(['already-saved', 'saved']);
    expect(server.hits).toEqual(['/robots.txt', '/b']);
    server.hits.length = 0;
    const refreshed = await run([`${server.base}/a`], { refresh: true });
    expect(refreshed.map((o) => o.result)).toEqual(['saved', 'saved']);
    expect(server.hits).toEqual(['/robots.txt', '/a', '/b']);
  });
});

describe('savedPageStem: file names from hostile addresses', () => {
  const stem = (url: string) => savedPageStem(new URL(url));

  it('makes a readable name with a hash, and the host (and port) a folder', () => {
    const s = stem('https://www.trustpilot.com/review/example.com?page=2');
    expect(s.host).toBe('www.trustpilot.com');
    expect(s.stem).toMatch(/^review_example.com_page_2-[0-9a-f]{10}$/);
    expect(stem('http://127.0.0.1:8080/').host).toBe('127.0.0.1_8080');
    expect(stem('http://[::1]:9000/x').host).toBe('1_9000');
    expect(stem('https://x.test/').stem).toMatch(/^index-[0-9a-f]{10}$/);
    expect(stem('https://www.google.com/maps/place/Caf%C3%A9+Luna').stem).toMatch(/^maps_place_Cafe_Luna-/);
  });

  it('never yields .., a separator, an absolute path or a leading dot', () => {
    const hostile = [
      'https://x.test/../../etc/passwd',
      'https://x.test/%2e%2e/%2e%2e/etc/passwd',
      'https://x.test/..%2f..%2fetc%2fpasswd',
      'https://x.test/a\\..\\..\\windows',
      'https://x.test/.htaccess',
      'https://x.test/%00%0a%0d',
      'https://x.test/C:%5CWindows%5Csystem32',
      'https://x.test/~/.ssh/id_rsa',
      `https://x.test/${'a'.repeat(5000)}`,
      'https://x.test/?q=<script>|"*?:',
    ];
    for (const url of hostile) {
      const { host, stem: name } = stem(url);
      for (const part of [host, name]) {
        expect(part).not.toMatch(/\.\.|[/\\:\0<>|"*?]/);
        expect(part).not.toMatch(/^[.-]/);
        expect(part.length).toBeGreaterThan(0);
      }
      expect(name.length).toBeLessThanOrEqual(91);
    }
  });

  it('keeps addresses that read alike apart, and ignores the fragment', () => {
    expect(stem('https://x.test/a?b').stem).not.toBe(stem('https://x.test/a_b').stem);
    expect(stem('https://x.test/a#one').stem).toBe(stem('https://x.test/a').stem);
  });
});

describe('read-inputs: the metadata file beside a saved page', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'si-meta-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: string) => writeFileSync(path.join(dir, name), content);
  write('page-1.html', '<html>one</html>');
  write(
    'page-1.meta.json',
    JSON.stringify({ url: 'https://x.test/a', finalUrl: 'https://x.test/b', status: 200, fetchedAt: '2026-10-05T09:00:00.000Z', contentType: 'text/html' }),
  );
  write('page-2.html', '<html>two</html>');
  write('page-2.meta.json', '{ not json');
  write('page-3.html', '<html>three</html>');
  write('page-3.meta.json', JSON.stringify({ url: 'javascript:alert(1)', fetchedAt: 'yesterday' }));
  write('page-4.html', '<html>four</html>');
  write('page-4.html.meta.json', JSON.stringify({ url: 'https://x.test/4', fetchedAt: '2026-10-05T09:00:00Z' }));
  write('page-5.html', '<html>five</html>');
  write('page-5.meta.json', `{"url": "https://x.test/5", "pad": "${'x'.repeat(70 * 1024)}"}`);

  const open = async (names: string[]) => {
    const files = await expandInputs(names, () => (async function* () {})());
    return Promise.all(files.map((f) => openText(f)));
  };

  it('passes over metadata files in a folder walk and when named, and reads each with its page', async () => {
    const sources = await open([dir]);
    expect(sources.map((s) => path.basename(s.name))).toEqual(['page-1.html', 'page-2.html', 'page-3.html', 'page-4.html', 'page-5.html']);
    const [one, two, three, four, five] = sources;
    expect(one!.metadata).toEqual({ url: 'https://x.test/b', savedAt: Date.parse('2026-10-05T09:00:00Z'), status: 200 });
    expect(one!.metadataProblem).toBeUndefined();
    expect(two!.metadata).toBeUndefined();
    expect(two!.metadataProblem).toBe('page-2.meta.json is not valid JSON: not used');
    expect(three!.metadata).toBeUndefined();
    expect(three!.metadataProblem).toBe('page-3.meta.json: its url is not an http(s) address; its fetchedAt is not an ISO 8601 date');
    // One naming only: `X.meta.json` beside `X.html`.
    expect(four!.metadata).toBeUndefined();
    expect(five!.metadataProblem).toBe('page-5.meta.json is larger than 64 kB: not used');

    const named = await open([path.join(dir, 'page-1.html'), path.join(dir, 'page-1.meta.json')]);
    expect(named.map((s) => path.basename(s.name))).toEqual(['page-1.html']);
    expect(named[0]!.metadata?.savedAt).toBe(Date.parse('2026-10-05T09:00:00Z'));
  });

  it('names the metadata file from the page name without its last extension', () => {
    expect(metadataFileFor('out/x.test/page-1a2b.html')).toBe('page-1a2b.meta.json');
    expect(metadataFileFor('archive.zip!dir/export.csv')).toBe('export.meta.json');
    expect(metadataFileFor('README')).toBe('README.meta.json');
  });
});
