/**
 * The HTML report in a real headless browser (Debian's chromium through playwright-core): the demo in both
 * locales and a page of hostile texts, opened from file:// with every request recorded. One browser launch
 * for the whole file.
 *
 * Without /usr/bin/chromium the suite is skipped with a message, unless CI or SI_REQUIRE_BROWSER is set:
 * then it fails (`.ci/run` installs chromium and sets SI_REQUIRE_BROWSER=1).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { catalogFor } from '../../src/rules/index.js';
import { DEMO, DEMO_BRAND, ROOT, runCli } from '../cli/run-cli.js';
import { HOSTILE, hostileResult } from './hostile.js';

const CHROMIUM = '/usr/bin/chromium';
const AVAILABLE = existsSync(CHROMIUM);
const REQUIRED = Boolean(process.env.CI || process.env.SI_REQUIRE_BROWSER);
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const AS_OF = '2026-11-20T00:00:00Z';

const HEADINGS = {
  en: ['Second-impression score', 'Categories and rules', 'Charts', 'Findings', 'Method and formulas', 'Inputs'],
  es: ['Puntuación de segunda impresión', 'Categorías y reglas', 'Gráficos', 'Hallazgos', 'Método y fórmulas', 'Entradas'],
} as const;

if (!AVAILABLE && !REQUIRED) {
  console.warn(
    `test/browser/html-report.test.ts: skipped, ${CHROMIUM} is missing (apt-get install -y chromium; CI or SI_REQUIRE_BROWSER=1 makes this a failure)`,
  );
}

describe.runIf(!AVAILABLE && REQUIRED)('html report in a browser (required)', () => {
  it('needs Debian chromium', () => {
    throw new Error(`${CHROMIUM} is missing but CI or SI_REQUIRE_BROWSER is set: install it (apt-get install -y --no-install-recommends chromium)`);
  });
});

interface Visit {
  page: Page;
  url: string;
  requests: string[];
  errors: string[];
}

describe.runIf(AVAILABLE)('html report in headless chromium', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'si-browser-'));
  const files: Record<'en' | 'es' | 'hostile', string> = {
    en: path.join(work, 'report-en.html'),
    es: path.join(work, 'report-es.html'),
    hostile: path.join(work, 'report-hostile.html'),
  };
  let context: BrowserContext;

  beforeAll(async () => {
    const base = ['audit', DEMO, ...DEMO_BRAND, '-q', '--as-of', AS_OF, '--timezone', 'Europe/Madrid', '--format', 'html'];
    // English through standard output, Spanish through --output: both ways the CLI writes a report.
    const en = runCli([...base, '--locale', 'en']);
    expect(en.status, en.stderr).toBe(0);
    writeFileSync(files.en, en.stdout);
    const es = runCli([...base, '--locale', 'es', '--output', files.es]);
    expect(es.status, es.stderr).toBe(0);
    writeFileSync(files.hostile, renderHtml(hostileResult(), { catalog: catalogFor('es'), color: false }));
    context = await chromium.launchPersistentContext(path.join(work, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1000, height: 800 },
      offline: true,
    });
    // Nothing but the page itself may be fetched: anything else is recorded, then refused.
    await context.route('**/*', (route) => (route.request().url().startsWith('file://') ? route.continue() : route.abort()));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function visit(file: string): Promise<Visit> {
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: 'load' });
    return { page, url, requests, errors };
  }

  for (const locale of ['en', 'es'] as const) {
    it(`renders the demo in ${locale}: no error, no request, charts drawn, words in ${locale}`, async () => {
      const { page, url, requests, errors } = await visit(files[locale]);
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      const headings = await page.locator('h2').allInnerTexts();
      for (const heading of HEADINGS[locale]) expect(headings).toContain(heading);
      expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toMatch(/^default-src 'none'/);

      for (const selector of ['.gauge svg', '#chart-first-reply svg', '#chart-weeks svg', '#chart-platforms svg', '#chart-ratings svg']) {
        const box = await page.locator(selector).boundingBox();
        expect(box, selector).not.toBeNull();
        expect(box!.width, selector).toBeGreaterThan(100);
        expect(box!.height, selector).toBeGreaterThan(50);
      }
      // The bars themselves are drawn, not only their frames.
      for (const selector of [
        '#chart-first-reply rect.bar',
        '#chart-weeks rect.bar',
        '#chart-platforms rect.bar',
        '#chart-ratings rect.bar',
        '.gauge path.value',
      ]) {
        const box = await page.locator(selector).first().boundingBox();
        expect(box, selector).not.toBeNull();
        expect(box!.width * box!.height, selector).toBeGreaterThan(0);
      }
      expect(await page.locator('#chart-first-reply rect.bar').count()).toBe(6);
      expect(await page.locator('.category').count()).toBe(5);
      expect(await page.locator('article.finding').count()).toBeGreaterThan(20);

      mkdirSync(path.join(ROOT, 'artifacts'), { recursive: true });
      await page.screenshot({ path: path.join(ROOT, 'artifacts', `html-report-${locale}.png`), fullPage: true });
      if (locale === 'en' && process.env.UPDATE_README_SCREENSHOT) {
        // For the README (UPDATE_README_SCREENSHOT=1 npx vitest run test/browser): the top of the page, from
        // the score to the charts. Off by default, so that running the tests never changes a tracked file.
        const findings = await page.locator('#findings').boundingBox();
        mkdirSync(path.join(ROOT, 'docs/img'), { recursive: true });
        await page.screenshot({
          path: path.join(ROOT, 'docs/img/html-report.png'),
          fullPage: true,
          clip: { x: 0, y: 0, width: 1000, height: Math.round(findings!.y) },
        });
      }
      await page.close();
    });
  }

  it('prints on A4 pages', async () => {
    const { page } = await visit(files.es);
    const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThan(3);
    // A4 is 210 × 297 mm = 595.3 × 841.9 pt.
    for (const [width, height] of boxes) {
      expect(Math.abs(width! - 595.3)).toBeLessThan(2);
      expect(Math.abs(height! - 841.9)).toBeLessThan(2);
    }
    await page.close();
  });

  it('shows hostile texts literally and runs none of them', async () => {
    const { page, url, requests, errors } = await visit(files.hostile);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(await page.evaluate('document.querySelectorAll("script, img, iframe, object, embed, body style, body link").length')).toBe(0);
    expect(
      await page.evaluate(
        '[...document.querySelectorAll("*")].flatMap((el) => [...el.attributes].map((a) => a.name)).filter((name) => name.startsWith("on")).length',
      ),
    ).toBe(0);
    expect(
      await page.evaluate(
        '[...document.querySelectorAll("[href]")].map((el) => el.getAttribute("href")).filter((href) => !href.startsWith("#") && href !== "data:,")',
      ),
    ).toEqual([]);
    expect(await page.locator('h1').isVisible()).toBe(true);
    const quotes = await page.locator('p.quote').allTextContents();
    expect(quotes).toContain(HOSTILE.script);
    expect(quotes).toContain(HOSTILE.attribute);
    expect(quotes).toContain(HOSTILE.javascriptLink);
    expect(quotes).toContain(HOSTILE.svg);
    expect(quotes).toContain(HOSTILE.markdownLink);
    expect(quotes).toContain(HOSTILE.entity);
    expect(quotes).toContain(HOSTILE.comment);
    expect(quotes).toContain('[U+001B][31mROJO[U+001B][0m ¿Hola? Necesito ayuda con la factura');
    expect(quotes).toContain('Mi factura [U+202E]fdp.exe ¿es correcta?');
    expect(quotes).toContain('Me habéis cobrado dos veces \ufffd ¿por qué?');
    mkdirSync(path.join(ROOT, 'artifacts'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'artifacts', 'html-report-hostile.png'), fullPage: true });
    await page.close();
  });

  it('the --output file is the page the CLI prints', () => {
    expect(readFileSync(files.es, 'utf8').startsWith('<!DOCTYPE html>\n<html lang="es">')).toBe(true);
  });
});
