import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/contract/result.js';
import { escapeMarkdown, MAX_QUOTE, markdownRenderer, renderMarkdown } from '../../src/report/markdown.js';
import { catalogFor } from '../../src/rules/index.js';
import { DEMO, DEMO_BRAND, runCli } from '../cli/run-cli.js';
import { corpus, type PostSpec, rawAudit } from '../helpers/corpus.js';

const EMOJI = '👍🏽';
/** Longer than MAX_QUOTE graphemes, with the cut falling inside a run of emoji with skin tones. */
const LONG = `¿Me ayudáis con el pedido? ${'x'.repeat(997)}${EMOJI.repeat(200)}`;
const HOSTILE = [
  '<script>alert(1)</script> ¿Dónde está mi pedido?',
  '"><img src=x onerror=alert(1)> No funciona la app, ¿qué pasa?',
  '=HYPERLINK("http://x","y") ¿Me devolvéis el dinero?',
  '+1+1 ¿Por qué me cobráis dos veces?',
  '@SUM(A1) ¿Alguien me responde?',
  '\u001b[31mROJO\u001b[0m ¿Hola? Necesito ayuda con la factura',
  'Mi factura \u202Efdp.exe ¿es correcta?',
  '[click](http://evil) ¿Es vuestra web?',
  '![img](http://x) ¿Qué es esto que me llega?',
  '# Título\n> cita\n1. lista | tabla | ~~tachado~~ **negrita** `código` &lt; $x$ www.evil.com a@b.co #123 ¿me explicáis?',
  '    sangrado como código\r\n===\r\n- guion ¿vale?',
  LONG,
];

function hostileResult(): AuditResult {
  const posts: PostSpec[] = HOSTILE.map((text, i) => ({
    id: `c${i + 1}`,
    author: i === 1 ? 'ana\u202Eevil' : i === 3 ? '**[yo](http://evil)**' : `cliente${i + 1}`,
    at: i === 0 ? '2026-10-01T09:00:00Z' : '+1h',
    text,
    ...(i === 2 ? { thread: 't|1 <b>' } : {}),
  }));
  posts.push({ id: 'c99', author: 'luis', at: '+1h', text: '¿Cuándo llega mi pedido?' });
  posts.push({ id: 'b99', author: 'Marca', at: '+30m', replyTo: 'c99', text: 'Hola Luis, llega mañana. ¡Gracias!' });
  return rawAudit(corpus(posts, { ownChannel: true }));
}

const render = (result: AuditResult, locale: 'en' | 'es', findingsPerRule?: number): string =>
  renderMarkdown(result, { catalog: catalogFor(locale), color: false, ...(findingsPerRule === undefined ? {} : { findingsPerRule }) });

/** What a Markdown reader shows for an escaped text: escapes resolved, word joiners invisible. */
const shown = (markdown: string): string => markdown.replace(/\\([\s\S])/g, '$1').replaceAll('\u2060', '');
/** Markdown syntax characters left unescaped (none may be, in a text from the data). */
const live = (markdown: string): string[] => [...markdown.replace(/\\[\s\S]/g, '').matchAll(/[\\`*_[\]()#+\-!|<>&~=$]/g)].map((m) => m[0]);
const clean = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The quoted text under the author line of the evidence post written at `time`, for the finding with `id`. */
function quoteOf(markdown: string, author: string): string {
  const lines = markdown.split('\n');
  const at = lines.findIndex((line) => line.startsWith(`  > **${escapeMarkdown(author)}** `));
  if (at < 0) throw new Error(`no quote by ${author}`);
  expect(lines[at]!.endsWith('\\')).toBe(true); // a hard line break, then the text
  return lines[at + 1]!.replace(/^ {2}> /, '');
}

describe('markdown renderer on the demo (through the CLI)', () => {
  const json = JSON.parse(runCli(['audit', DEMO, ...DEMO_BRAND, '--format', 'json']).stdout);
  const en = runCli(['audit', DEMO, ...DEMO_BRAND, '-q', '--format', 'md']);
  const es = runCli(['audit', DEMO, ...DEMO_BRAND, '-q', '--format', 'md', '--locale', 'es']);

  it('has the title, score, category and rule tables, key figures, findings, watch list and inputs', () => {
    expect(en.status).toBe(0);
    const md = en.stdout;
    expect(md.split('\n')[0]).toBe('# Second impression · @\u2060VerdemarAyuda @\u2060VerdemarHelp @\u2060Verdemar');
    expect(md).toContain(`**${escapeMarkdown('Second-impression score')}: ${json.score} / 100**`);
    for (const heading of ['## Categories', '## Rules by category', '## Key figures', '## Findings', '## Inputs']) expect(md).toContain(`\n${heading}\n`);
    expect(md).toMatch(/\n## Watch list: not a problem yet \(\d+\)\n/);
    expect(md).toContain('| Transparency | 55.3 | 250 | 1 |  |');
    // Every rule has a row (with its reason when it has no score) and every finding its sentence and quotes.
    for (const category of Object.values(json.categories) as { rules: { title: string; notApplicable?: string; score: number | null }[] }[])
      for (const rule of category.rules) {
        expect(md).toContain(`| ${escapeMarkdown(rule.title)} | ${rule.score ?? '—'} |`);
        if (rule.notApplicable) expect(md).toContain(escapeMarkdown(rule.notApplicable));
      }
    for (const finding of json.findings) {
      expect(md).toContain(escapeMarkdown(finding.message));
      for (const evidence of finding.evidence) expect(shown(md)).toContain(clean(evidence.text));
    }
    for (const input of json.inputs) expect(md).toContain(`| ${escapeMarkdown(input.path)} | ${escapeMarkdown(input.format)} |`);
  });

  it('Spanish: written in Spanish, with decimal commas', () => {
    expect(es.status).toBe(0);
    expect(es.stdout).toContain(`**Puntuación de segunda impresión: ${String(json.score).replace('.', ',')} / 100**`);
    for (const heading of ['## Categorías', '## Reglas por categoría', '## Cifras clave', '## Hallazgos', '## Entradas'])
      expect(es.stdout).toContain(`\n${heading}\n`);
    expect(es.stdout).toContain('| Conversaciones respondidas | 83,3 |');
    expect(es.stdout).toContain('- **Aviso** · hilo ');
  });

  it('gives the same bytes on every run', () => {
    expect(runCli(['audit', DEMO, ...DEMO_BRAND, '-q', '--format', 'md']).stdout).toBe(en.stdout);
  });
});

describe('markdown renderer on hostile texts', () => {
  const result = hostileResult();
  const md = render(result, 'en');

  it('quotes every hostile text inert (every syntax character escaped) and otherwise intact', () => {
    HOSTILE.forEach((original, i) => {
      if (original === LONG) return;
      const author = result.findings.find((f) => f.postIds.includes(`c${i + 1}`))!.evidence[0]!.author;
      const quote = quoteOf(md, author);
      expect(live(quote), `c${i + 1}: ${quote}`).toEqual([]);
      expect(shown(quote)).toBe(clean(original));
      expect(quote).not.toMatch(/^(?:\d+\.|\s)/);
    });
  });

  it('leaves no raw HTML, link, image, autolink, control character or bidi override anywhere', () => {
    for (const locale of ['en', 'es'] as const) {
      const out = render(result, locale);
      expect(out).not.toMatch(/\]\(|!\[|https?:\/\/|www\.|a@b|#123/);
      // Every "<" and "&" from the data is escaped, so no tag or entity is read.
      expect(out.replace(/\\[\s\S]/g, '')).not.toMatch(/[<&]/);
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(out).not.toMatch(LONE);
      // No line from the data starts a heading, a list, a code block or a table row of its own.
      for (const line of out.split('\n')) if (/cliente\d|t\\\|1/.test(line)) expect(line).toMatch(/^(?:- \*\*| {2}> \*\*| {2}> )/);
    }
    expect(md).toContain('**ana\u202Eevil**'.replace('\u202E', ''));
    expect(md).toContain(`thread t\\|1 \\<b\\>`);
    expect(md).toContain('**\\*\\*\\[yo\\]\\(http:\u2060//evil\\)\\*\\***');
  });

  it('cuts a long quote on grapheme boundaries, never inside an emoji', () => {
    const author = result.findings.find((f) => f.postIds.includes(`c${HOSTILE.indexOf(LONG) + 1}`))!.evidence[0]!.author;
    const quote = shown(quoteOf(md, author));
    expect(quote).not.toMatch(LONE);
    expect(quote.endsWith('…')).toBe(true);
    const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(quote)];
    expect(graphemes.length).toBe(MAX_QUOTE);
    const tail = quote.slice(quote.indexOf(EMOJI), -1);
    expect(tail).toBe(EMOJI.repeat(tail.length / EMOJI.length));
  });

  it('escapeMarkdown: inline, one line, every syntax character escaped', () => {
    expect(escapeMarkdown('  a\n\n# b  ')).toBe('a \\#\u2060 b');
    expect(escapeMarkdown('1. uno')).toBe('1\\. uno');
    expect(escapeMarkdown('<b>&amp;</b>')).toBe('\\<b\\>\\&amp;\\</b\\>');
    expect(escapeMarkdown('\\')).toBe('\\\\');
    expect(shown(escapeMarkdown('see https://x.y/a_b and www.x.y, mail a@b.c'))).toBe('see https://x.y/a_b and www.x.y, mail a@b.c');
    expect(escapeMarkdown('https://x')).toBe('https:\u2060//x');
  });

  it('lists at most findingsPerRule findings per rule, with the rest counted; same bytes for the same input', () => {
    const short = render(result, 'en', 2);
    const items = (text: string): number => text.match(/^- \*\*Error\*\*/gm)?.length ?? 0;
    expect(items(md)).toBeGreaterThan(2);
    expect(items(short)).toBe(2);
    expect(short).toMatch(/\n… \d+ more in the JSON report\n/);
    expect(render(hostileResult(), 'es')).toBe(render(result, 'es'));
    expect(markdownRenderer.render(result, { catalog: catalogFor('en'), color: false })).toBe(md);
  });
});
