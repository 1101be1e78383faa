import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../src/audit.js';
import { defaultConfig } from '../../src/config/audit-config.js';
import type { AuditResult } from '../../src/contract/result.js';
import { readInputs } from '../../src/index.js';
import { CONTENT_SECURITY_POLICY, escapeHtml, htmlRenderer, MAX_WEEKS, renderHtml } from '../../src/report/html.js';
import { rendererById } from '../../src/report/index.js';
import { catalogFor } from '../../src/rules/index.js';
import { HOSTILE, HOSTILE_AUTHOR, HOSTILE_THREAD, hostileResult } from '../browser/hostile.js';
import { DEMO, DEMO_BRAND, runCli } from '../cli/run-cli.js';
import { corpus, ms, rawAudit } from '../helpers/corpus.js';

const AS_OF = '2026-11-20T00:00:00Z';
const render = (result: AuditResult, locale: 'en' | 'es'): string => renderHtml(result, { catalog: catalogFor(locale), color: false });

/** Every element the renderer writes; anything else in a page came from the data. */
const ALLOWED_TAGS = new Set(
  (
    'html head meta link title style body header nav ul li a main section h1 h2 h3 p div dl dt dd span strong figure figcaption ' +
    'article table thead tbody tr th td code blockquote bdi time mark footer svg path rect line text g'
  ).split(' '),
);

function tags(html: string): { name: string; attributes: string }[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)].map((m) => ({ name: m[1]!.toLowerCase(), attributes: m[2]! }));
}

/** The page's structure is its own: known elements, no event handler, no link or source from outside. */
function expectInert(html: string): void {
  const found = tags(html);
  expect(found.filter((t) => !ALLOWED_TAGS.has(t.name)).map((t) => t.name)).toEqual([]);
  expect(found.filter((t) => /\son[a-z]+\s*=/i.test(t.attributes))).toEqual([]);
  expect(found.filter((t) => /\s(?:src|srcset|action|formaction|background|poster)\s*=/i.test(t.attributes))).toEqual([]);
  const hrefs = found.flatMap((t) => [...t.attributes.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!));
  expect(hrefs.filter((href) => !href.startsWith('#') && href !== 'data:,')).toEqual([]);
  // The SVG namespace is a name, not a request; no other address is written into a tag.
  const urls = found.flatMap((t) => [...t.attributes.matchAll(/https?:\/\/[^"\s]*/g)].map((m) => m[0]));
  expect(urls.filter((u) => u !== 'http://www.w3.org/2000/svg')).toEqual([]);
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
  expect(style).not.toMatch(/url\(|@import|@font-face|expression\(/i);
  expect(html.match(/<style>/g)).toHaveLength(1);
}

describe('escapeHtml', () => {
  it('turns the five special characters into entities', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('shows control characters and bidi overrides as their code points instead of obeying them', () => {
    expect(escapeHtml('\u001b[31mROJO\u001b[0m')).toBe('[U+001B][31mROJO[U+001B][0m');
    expect(escapeHtml('factura \u202Efdp.exe')).toBe('factura [U+202E]fdp.exe');
    expect(escapeHtml('a\u0000b\u007fc\u0085d\u2066e\u2069')).toBe('a[U+0000]b[U+007F]c[U+0085]d[U+2066]e[U+2069]');
  });

  it('keeps tabs and line breaks (CR LF and CR become LF), emoji, accents and ñ', () => {
    expect(escapeHtml('uno\r\ndos\rtres\tcuatro')).toBe('uno\ndos\ntres\tcuatro');
    expect(escapeHtml('Añadir 👍🏽 café 👨‍👩‍👧')).toBe('Añadir 👍🏽 café 👨‍👩‍👧');
  });

  it('replaces a lone surrogate (a cut emoji) with U+FFFD and keeps a whole pair', () => {
    expect(escapeHtml('x\ud83dy')).toBe('x\ufffdy');
    expect(escapeHtml('x\ude00')).toBe('x\ufffd');
    expect(escapeHtml('\ud83d\ude00')).toBe('😀');
  });
});

describe('html renderer on the demo', () => {
  let result: AuditResult;
  let en: string;
  let es: string;

  beforeAll(async () => {
    const demo = await readInputs([DEMO]);
    result = runAudit(demo, {
      handles: ['VerdemarAyuda', 'VerdemarHelp', 'Verdemar'],
      config: { ...defaultConfig(), timezone: 'Europe/Madrid' },
      asOf: ms(AS_OF),
      toolVersion: '0.0.0-test',
    });
    en = render(result, 'en');
    es = render(result, 'es');
  });

  it('is registered as html with the html extension', () => {
    expect(rendererById('html')).toBe(htmlRenderer);
    expect(htmlRenderer.extension).toBe('html');
  });

  it('is one self-contained page with a script-forbidding Content-Security-Policy', () => {
    for (const html of [en, es]) {
      expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
      expect(html).toContain('<meta charset="utf-8">');
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">`);
      expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; img-src data:/);
      expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src/);
      expect(html).not.toMatch(/<script|<iframe|<object|<embed|<img|<link rel="stylesheet"/i);
      expectInert(html);
      expect(html).toMatch(/@page\{size:A4/);
      expect(html).toContain('break-inside:avoid');
    }
  });

  it('speaks the chosen language: lang, headings, numbers, dates and the named time zone', () => {
    expect(en).toContain('<html lang="en">');
    expect(es).toContain('<html lang="es">');
    for (const heading of ['Second-impression score', 'Categories and rules', 'Charts', 'Findings', 'Method and formulas', 'Inputs'])
      expect(en).toContain(`<h2>${heading}</h2>`);
    for (const heading of ['Puntuación de segunda impresión', 'Categorías y reglas', 'Gráficos', 'Hallazgos', 'Método y fórmulas', 'Entradas'])
      expect(es).toContain(`<h2>${heading}</h2>`);
    for (const word of ['Categories and rules', 'Charts', 'Findings', 'Method and formulas', 'Reply rate', 'Time to first reply', 'By platform', 'No data'])
      expect(es).not.toContain(word);
    for (const word of ['Gráficos', 'Hallazgos', 'Tasa de respuesta', 'Por plataforma']) expect(en).not.toContain(word);
    // Numbers and dates with Intl for the locale, in the brand's zone, which is named.
    const score = result.score!;
    expect(es).toContain(`>${new Intl.NumberFormat('es-ES', { maximumFractionDigits: 1 }).format(score)}</text>`);
    expect(en).toContain(`>${new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(score)}</text>`);
    if (!Number.isInteger(score)) expect(es).toContain(`>${String(score).replace('.', ',')}</text>`);
    const asOf = (tag: string) =>
      new Intl.DateTimeFormat(tag, { timeZone: 'Europe/Madrid', dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(ms(AS_OF));
    expect(es).toContain(asOf('es-ES'));
    expect(en).toContain(asOf('en-GB'));
    expect(es).toContain('Horas en la zona Europe/Madrid');
    expect(en).toContain('All times in Europe/Madrid');
    // Weights keep every decimal the result holds (0.25 is not "0.3").
    expect(es).toContain('>0,25</td>');
    expect(en).toContain('>0.25</td>');
    expect(es).toMatch(/\d,\d\u00a0%/); // "83,3 %": the Spanish percent has a (no-break) space
  });

  it('lists every category and rule with its score, weight and n, or why it has none', () => {
    const catalog = catalogFor('en');
    for (const category of Object.values(result.categories))
      for (const rule of category.rules) {
        const row = new RegExp(`<tr data-rule="${rule.id}"><th scope="row">([^]*?)</tr>`).exec(en);
        expect(row, rule.id).not.toBeNull();
        expect(row![1]).toContain(escapeHtml(catalog.ruleTitle(rule.id)));
        if (rule.score === null) expect(row![1]).toContain(escapeHtml(rule.reason ? catalog.reason(rule.reason) : 'not measured'));
        expect(en).toContain(`<code>${rule.id}</code>`);
      }
  });

  it("draws the charts from the result's series, value for value", () => {
    const series = result.metrics.series;
    const buckets = [...en.matchAll(/<rect [^>]*data-over="([^"]*)" data-upto="([^"]*)" data-count="(\d+)"/g)].map((m) => ({
      overMinutes: m[1] === '' ? null : Number(m[1]),
      upToMinutes: m[2] === '' ? null : Number(m[2]),
      count: Number(m[3]),
    }));
    expect(buckets).toEqual(series.firstResponseBuckets);
    const numberOrNull = (text: string): number | null => (text === '' ? null : Number(text));
    const weeks = [...en.matchAll(/<g class="week" data-week="([^"]+)" data-conversations="(\d+)" data-rate="([^"]*)" data-median="([^"]*)">/g)].map((m) => ({
      week: m[1],
      conversations: Number(m[2]),
      replyRate: numberOrNull(m[3]!),
      firstResponseMedianMinutes: numberOrNull(m[4]!),
    }));
    expect(weeks).toEqual(
      series.byWeek
        .slice(-MAX_WEEKS)
        .map((w) => ({ week: w.week, conversations: w.conversations, replyRate: w.replyRate, firstResponseMedianMinutes: w.firstResponseMedianMinutes })),
    );
    expect(weeks.length).toBeGreaterThan(4);
    const groups = [...en.matchAll(/<g class="group" data-key="([^"]*)" data-conversations="(\d+)" data-rate="([^"]*)" data-median="([^"]*)">/g)].map((m) => [
      m[1],
      Number(m[2]),
      numberOrNull(m[3]!),
      numberOrNull(m[4]!),
    ]);
    expect(groups).toEqual([
      ...series.byPlatform.map((p) => [p.platform, p.conversations, p.replyRate, p.firstResponseMedianMinutes]),
      ...series.byRating.map((r) => [String(r.stars), r.conversations, r.replyRate, r.firstResponseMedianMinutes]),
    ]);
    expect(series.byRating).toHaveLength(5);
    // The gauge is filled to the score.
    expect(en).toContain(`class="value tone-${result.score! >= 80 ? 'good' : result.score! >= 50 ? 'warn' : 'bad'}" data-score="${result.score}"`);
    for (const id of ['chart-first-reply', 'chart-weeks', 'chart-platforms', 'chart-ratings'])
      expect(en).toMatch(new RegExp(`<figure class="card chart-card" id="${id}">`));
  });

  it('quotes the evidence of every finding kept, with the judged words marked', () => {
    for (const finding of result.findings) expect(en).toContain(`data-thread="${escapeHtml(finding.threadId)}"`);
    expect(en.match(/<article class="finding /g)).toHaveLength(result.findings.length);
    expect(es).toContain('<mark>No es culpa nuestra</mark>');
    // A promise's parts, cut with "…" in the finding, are marked one by one.
    expect(es).toMatch(/<mark>Te llamamos<\/mark> <mark>mañana<\/mark>/);
    // The customer's later complaint in the same finding.
    expect(en).toContain('<mark>Nobody got back to me</mark>');
  });

  it('gives the method: definitions, every formula, how the charts count, with the bucket edges', () => {
    const catalog = catalogFor('es');
    for (const category of Object.values(result.categories))
      for (const rule of category.rules) expect(es).toContain(escapeHtml(catalog.ruleTexts(rule.id)!.formula.es));
    expect(es).toContain(escapeHtml(catalog.messages.rulesListing.overall));
    expect(es).toContain('tramos fijos (≤ 15 min, 15 min–1 h, 1–4 h, 4–24 h, 1–3 d, &gt; 3 d)');
    expect(en).toContain('fixed buckets (≤ 15 min, 15 min–1 h, 1–4 h, 4–24 h, 1–3 d, &gt; 3 d)');
    expect(es).toContain('semanas ISO 8601, de lunes a domingo, en la zona Europe/Madrid');
  });

  it('gives the same bytes for the same input', async () => {
    expect(render(result, 'es')).toBe(es);
    const again = runAudit(await readInputs([DEMO]), {
      handles: ['VerdemarAyuda', 'VerdemarHelp', 'Verdemar'],
      config: { ...defaultConfig(), timezone: 'Europe/Madrid' },
      asOf: ms(AS_OF),
      toolVersion: '0.0.0-test',
    });
    expect(render(again, 'en')).toBe(en);
  });
});

describe('html renderer on hostile texts', () => {
  const result = hostileResult();
  const html = render(result, 'es');

  it('writes only its own elements and attributes', () => {
    expectInert(html);
    expect(html).not.toMatch(/<script|<img|<svg onload|<a href="javascript|<style>body|<!--|<\/textarea>|<\/title><\/style>/i);
  });

  it('shows each text literally, escaped once, in its quote', () => {
    // The judged words are marked inside a quote; without the marks it is the text as written.
    const plain = html.replace(/<\/?mark>/g, '');
    for (const [name, text] of Object.entries(HOSTILE)) expect(plain, name).toContain(`<p class="quote" dir="auto">${escapeHtml(text.trim())}</p>`);
    expect(plain).toContain('&lt;script&gt;window.__pwned = &quot;script&quot;&lt;/script&gt;');
    expect(plain).toContain('[U+001B][31mROJO[U+001B][0m');
    expect(plain).toContain('Mi factura [U+202E]fdp.exe');
    expect(plain).toContain('[pulsa](javascript:alert(1)) ![img](http://evil.example/x.png)');
    expect(plain).toContain('&amp;lt;b&amp;gt; no es negrita &amp;amp; &amp;#60;script&amp;#62;');
    expect(plain).toContain('dos veces \ufffd ¿por qué?');
  });

  it('escapes authors, thread ids and platforms too', () => {
    expect(html).toContain(`<bdi class="author">@${escapeHtml(HOSTILE_AUTHOR)}</bdi>`);
    expect(html).toContain(`data-thread="${escapeHtml(HOSTILE_THREAD)}"`);
    expect(html).toContain('&lt;i&gt;web&lt;/i&gt;');
  });

  it('carries no raw control character, bidi override or lone surrogate', () => {
    expect(html).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(html).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
});

describe('html renderer without data', () => {
  const empty = rawAudit(corpus([{ id: 'b1', author: 'Marca', at: '2026-10-01T10:00:00Z', text: 'Nueva tarifa' }], { ownChannel: true }));

  it('the gauge shows no score and the reason, and the charts say they have no data', () => {
    expect(empty.score).toBeNull();
    const es = render(empty, 'es');
    expect(es).toContain('aria-label="Sin puntuación: ninguna conversación en el periodo"');
    expect(es).toContain('<figcaption><strong class="reason">Sin puntuación: ninguna conversación en el periodo</strong></figcaption>');
    expect(es).toContain('class="figure figure-none" text-anchor="middle">—</text>');
    expect(es).not.toContain('class="value tone-');
    expect(es.match(/No hay datos para este gráfico\./g)).toHaveLength(3);
    const en = render(empty, 'en');
    expect(en).toContain('<strong class="reason">No score: no conversation in the period</strong>');
    expectInert(es);
  });
});

describe('html through the CLI', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'si-html-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--format html writes the page to stdout, and --output to a file with the same bytes', () => {
    const args = ['audit', DEMO, ...DEMO_BRAND, '-q', '--as-of', AS_OF, '--format', 'html', '--locale', 'es'];
    const out = runCli(args);
    expect(out.status).toBe(0);
    expect(out.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    const file = path.join(dir, 'report.html');
    const written = runCli([...args, '--output', file]);
    expect(written.status).toBe(0);
    expect(written.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(out.stdout);
  });
});
