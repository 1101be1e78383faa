/**
 * The HTML report: one self-contained file to send to a client, open from a USB stick or print on A4.
 * The score with its gauge, the five categories with their rules (score, weight, n, or why there is no
 * score), charts drawn as inline SVG from `metrics.series` (first-response distribution; reply rate and
 * median first response by week, by platform and, for reviews, by star rating), the findings with their
 * quoted messages (the judged phrase highlighted), the method and every formula, the inputs and the
 * warnings. It reads only the audit result and the catalogue, and recomputes nothing.
 *
 * Safety: the page needs no script, and its Content-Security-Policy forbids every one (`default-src
 * 'none'`; only the inline stylesheet and data: images are allowed), so nothing can load or run even if an
 * escape were missed. Every text goes through `escapeHtml` (report/svg.ts) into a text node or a
 * double-quoted attribute; control characters and bidi overrides are shown, not obeyed; quotes are bidi-
 * isolated (`dir="auto"`). The only links are the page's own `#` anchors: no URL from the data becomes a
 * link.
 *
 * Locale: every word comes from the catalogue or from the labels below, written for each language;
 * numbers, percentages and dates are formatted with `Intl` for the locale, dates and times in the brand's
 * time zone (`settings.timezone`), which the page names.
 */
import { CATEGORY_IDS, type Locale } from '../contract/ids.js';
import type { AuditResult, DurationSummary, Evidence, Finding, RuleReport, SeriesCounts } from '../contract/result.js';
import type { Catalog } from '../i18n/catalog.js';
import { formatDuration } from '../i18n/format.js';
import { DOCUMENT_LABELS } from './labels.js';
import { escapeHtml, gauge, groupChart, meter, scoreTone, type Tone, weekChart, columnChart } from './svg.js';
import { changeText, historyView } from './history-rows.js';
import { quoteAround } from './text.js';
import type { RenderOptions, Renderer } from './types.js';

export { escapeHtml };

export const htmlRenderer: Renderer = {
  id: 'html',
  description: 'one self-contained HTML page (no script, no network; prints on A4): score, rules, charts, findings with their quotes, method',
  extension: 'html',
  render: (result, options) => renderHtml(result, options),
};

/** The Content-Security-Policy of the page: nothing but its own inline styles and data: images. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Longest quote, in graphemes, before it is cut around the judged phrase (as in the Markdown report). */
export const MAX_QUOTE = 1000;
/** Weeks drawn in the weekly chart (the most recent ones); every week is in the JSON. */
export const MAX_WEEKS = 26;
/** Warnings listed one by one; all of them are counted, and all are in the JSON. */
const MAX_WARNINGS = 50;

interface HtmlLabels {
  /** BCP 47 tag for `Intl`. */
  tag: string;
  contents: string;
  nav: { score: string; categories: string; charts: string; findings: string; method: string; inputs: string };
  period: string;
  asOf: string;
  timesIn: (zone: string) => string;
  gaugeLabel: (score: string) => string;
  noScore: (why: string) => string;
  outOf: string;
  bands: string;
  categoriesTitle: string;
  categoryWeight: (weight: string) => string;
  casesNote: string;
  chartsTitle: string;
  frtTitle: string;
  frtCaption: (n: string, target: string) => string;
  frtBar: (count: string, bucket: string) => string;
  weekTitle: string;
  weekCaption: (zone: string) => string;
  weekOf: (date: string) => string;
  weekBar: (week: string, conversations: string, rate: string, median: string) => string;
  weeksShown: (shown: number, total: number) => string;
  medianFirstReply: string;
  conversationsColumn: string;
  platformTitle: string;
  platformCaption: string;
  platformColumn: string;
  ratingTitle: string;
  ratingCaption: string;
  ratingColumn: string;
  stars: (n: number) => string;
  groupBar: (group: string, conversations: string, rate: string, median: string) => string;
  noChartData: string;
  findingsTitle: string;
  findingsNote: string;
  more: (n: number) => string;
  threadLabel: string;
  textAbsent: string;
  methodTitle: string;
  definitionsTitle: string;
  definitions: (v: { sla: string; grace: string; asOf: string }) => [string, string][];
  formulasTitle: string;
  chartsMethodTitle: string;
  chartsMethod: (v: { buckets: string; zone: string }) => string[];
  formula: string;
  settingsTitle: string;
  settings: { sla: string; grace: string; autoReply: string; zone: string; businessHours: string; holidays: string; maxFindings: string; none: string };
  seconds: (n: string) => string;
  warningsTitle: string;
  warningsNone: string;
  warningsListed: (shown: number, total: number) => string;
  code: string;
  count: string;
  line: string;
  footer: (tool: string) => string;
}

const LABELS: Record<Locale, HtmlLabels> = {
  en: {
    tag: 'en-GB',
    contents: 'Contents',
    nav: { score: 'Score', categories: 'Categories', charts: 'Charts', findings: 'Findings', method: 'Method', inputs: 'Inputs and warnings' },
    period: 'Period',
    asOf: 'as of',
    timesIn: (zone) => `All times in ${zone}`,
    gaugeLabel: (score) => `Second-impression score: ${score} out of 100`,
    noScore: (why) => `No score: ${why}`,
    outOf: 'out of 100',
    bands: 'Bands: below 50 poor, 50 to 79 fair, 80 and over good.',
    categoriesTitle: 'Categories and rules',
    categoryWeight: (weight) => `category weight ${weight}`,
    casesNote: 'n is the number of cases behind a score: conversations, replies or posts judged.',
    chartsTitle: 'Charts',
    frtTitle: 'Time to first reply',
    frtCaption: (n, target) =>
      `${n} conversations the brand replied to, by the time its first human reply took. Green: within the ${target} target; amber: within 24 h; red: later.`,
    frtBar: (count, bucket) => `${count} first replies in ${bucket}`,
    weekTitle: 'Reply rate and median first reply, by week',
    weekCaption: (zone) => `ISO weeks (Monday to Sunday) in ${zone}, by the day each conversation opened. A dash: no conversation that week to measure.`,
    weekOf: (date) => `Week of ${date}`,
    weekBar: (week, conversations, rate, median) => `${week}: ${conversations} conversations · reply rate ${rate} · median first reply ${median}`,
    weeksShown: (shown, total) => `The last ${shown} of ${total} weeks; every week is in the JSON report.`,
    medianFirstReply: 'Median first reply',
    conversationsColumn: 'Conversations',
    platformTitle: 'By platform',
    platformCaption: 'By the platform of the post that opened each conversation.',
    platformColumn: 'Platform',
    ratingTitle: 'Reviews by star rating',
    ratingCaption: 'By the rating of the review that opened the conversation, in whole stars.',
    ratingColumn: 'Rating',
    stars: (n) => `${n} ★`,
    groupBar: (group, conversations, rate, median) => `${group}: ${conversations} conversations · reply rate ${rate} · median first reply ${median}`,
    noChartData: 'No data for this chart.',
    findingsTitle: 'Findings',
    findingsNote: 'Each finding quotes the messages it rests on; the highlighted words are the ones it is about.',
    more: (n) => `${n} more in the JSON report`,
    threadLabel: 'Thread',
    textAbsent: 'the input does not hold this text',
    methodTitle: 'Method and formulas',
    definitionsTitle: 'Definitions',
    definitions: ({ sla, grace, asOf }) => [
      [
        'Conversation',
        "The reply tree under the customer post that opens it: a thread's first message, or a customer comment under a brand post. It counts for the brand when it sits on the brand's own channel, mentions or replies to the brand, or the brand posted in it.",
      ],
      [
        'Needs a reply',
        'A customer post before the first brand reply that asks, complains, reports a problem or requests something, and every review of 1 to 3 stars. Thanks, praise, greetings and emoji-only posts do not.',
      ],
      [
        'First reply',
        "From the first message of the customer's burst (messages less than 24 h apart) to the first human brand post, over every conversation the brand replied to. Automated replies never stop the clock.",
      ],
      ['Reply rate', 'Answered ÷ (answered + ignored), over the conversations that needed a reply.'],
      [
        'Pending',
        `Not answered, and the message that needs the reply is less than ${grace} older than the audit's "now" (${asOf}): listed, never counted as ignored.`,
      ],
      [
        'Aggregates',
        `Median: the middle value (the mean of the two middle ones for an even count). p90: the ⌈0.9·n⌉-th smallest value. Within target: ${sla} or less.`,
      ],
      [
        'No score without data',
        'A rule scores only from a minimum number of cases; below it, it is informative and says why. A category is the weighted mean of its rules that have a score; the overall score, the weighted mean of the categories that have one.',
      ],
    ],
    formulasTitle: 'Score formulas',
    chartsMethodTitle: 'How the charts count',
    chartsMethod: ({ buckets, zone }) => [
      `Time to first reply: the same conversations as the first-reply figure, in fixed buckets (${buckets}). Each bucket includes its upper edge, as the target does: a reply after exactly 1 h falls in the bucket that ends at 1 h.`,
      `By week: ISO 8601 weeks, Monday to Sunday, in ${zone}, by the day the conversation opened. Weeks without a conversation are kept, so a gap shows as a gap.`,
      'By platform and by star rating: the platform and the rating of the post that opened the conversation, rounded to whole stars.',
      'Every group is counted as the key figures are: reply rate = answered ÷ (answered + ignored); the median first reply is over the conversations of the group the brand replied to.',
    ],
    formula: 'Formula',
    settingsTitle: 'Settings',
    settings: {
      sla: 'First-reply target',
      grace: 'Grace window (pending)',
      autoReply: 'Automated-reply window',
      zone: 'Time zone',
      businessHours: 'Business hours',
      holidays: 'Holidays',
      maxFindings: 'Findings kept per rule',
      none: 'none',
    },
    seconds: (n) => `${n} s`,
    warningsTitle: 'Warnings',
    warningsNone: 'No warnings.',
    warningsListed: (shown, total) => `The first ${shown} of ${total}; every warning is in the JSON report.`,
    code: 'Code',
    count: 'Count',
    line: 'Where',
    footer: (tool) => `Generated by ${tool}. A self-contained page: no scripts, nothing loaded from the network. It opens offline and prints on A4.`,
  },
  es: {
    tag: 'es-ES',
    contents: 'Índice',
    nav: { score: 'Puntuación', categories: 'Categorías', charts: 'Gráficos', findings: 'Hallazgos', method: 'Método', inputs: 'Entradas y avisos' },
    period: 'Periodo',
    asOf: 'a fecha de',
    timesIn: (zone) => `Horas en la zona ${zone}`,
    gaugeLabel: (score) => `Puntuación de segunda impresión: ${score} sobre 100`,
    noScore: (why) => `Sin puntuación: ${why}`,
    outOf: 'sobre 100',
    bands: 'Tramos: por debajo de 50, mala; de 50 a 79, mejorable; de 80 en adelante, buena.',
    categoriesTitle: 'Categorías y reglas',
    categoryWeight: (weight) => `peso de la categoría: ${weight}`,
    casesNote: 'n es el número de casos en que se apoya cada puntuación: conversaciones, respuestas o mensajes evaluados.',
    chartsTitle: 'Gráficos',
    frtTitle: 'Tiempo hasta la primera respuesta',
    frtCaption: (n, target) =>
      `${n} conversaciones con respuesta de la marca, según lo que tardó su primera respuesta humana. En verde, dentro del objetivo de ${target}; en ámbar, en menos de 24 h; en rojo, más tarde.`,
    frtBar: (count, bucket) => `${count} primeras respuestas en el tramo ${bucket}`,
    weekTitle: 'Tasa de respuesta y mediana de la primera respuesta, por semana',
    weekCaption: (zone) =>
      `Semanas ISO (de lunes a domingo) en la zona ${zone}, según el día en que se abrió cada conversación. Un guion: esa semana no hubo nada que medir.`,
    weekOf: (date) => `Semana del ${date}`,
    weekBar: (week, conversations, rate, median) =>
      `${week}: ${conversations} conversaciones · tasa de respuesta ${rate} · mediana de la primera respuesta ${median}`,
    weeksShown: (shown, total) => `Las últimas ${shown} de ${total} semanas; todas están en el informe JSON.`,
    medianFirstReply: 'Mediana de la primera respuesta',
    conversationsColumn: 'Conversaciones',
    platformTitle: 'Por plataforma',
    platformCaption: 'Según la plataforma del mensaje que abrió cada conversación.',
    platformColumn: 'Plataforma',
    ratingTitle: 'Reseñas por estrellas',
    ratingCaption: 'Según la valoración de la reseña que abrió la conversación, en estrellas enteras.',
    ratingColumn: 'Valoración',
    stars: (n) => `${n} ★`,
    groupBar: (group, conversations, rate, median) =>
      `${group}: ${conversations} conversaciones · tasa de respuesta ${rate} · mediana de la primera respuesta ${median}`,
    noChartData: 'No hay datos para este gráfico.',
    findingsTitle: 'Hallazgos',
    findingsNote: 'Cada hallazgo cita los mensajes en que se basa; lo resaltado son las palabras a las que se refiere.',
    more: (n) => `${n} más en el informe JSON`,
    threadLabel: 'Hilo',
    textAbsent: 'la entrada no contiene este texto',
    methodTitle: 'Método y fórmulas',
    definitionsTitle: 'Definiciones',
    definitions: ({ sla, grace, asOf }) => [
      [
        'Conversación',
        'El árbol de respuestas que cuelga del mensaje del cliente que la abre: el primero de un hilo o el comentario de un cliente bajo una publicación de la marca. Cuenta para la marca si está en su propio canal, si la menciona o le responde, o si la marca escribió en ella.',
      ],
      [
        'Necesita respuesta',
        'Un mensaje del cliente, anterior a la primera respuesta de la marca, que pregunta, se queja, avisa de un problema o pide algo; y toda reseña de 1 a 3 estrellas. Los agradecimientos, elogios, saludos y mensajes de solo emojis no la necesitan.',
      ],
      [
        'Primera respuesta',
        'Desde el primer mensaje de la racha del cliente (mensajes a menos de 24 h unos de otros) hasta el primer mensaje humano de la marca, en todas las conversaciones que la marca respondió. Las respuestas automáticas nunca paran el reloj.',
      ],
      ['Tasa de respuesta', 'Respondidas ÷ (respondidas + ignoradas), sobre las conversaciones que necesitaban respuesta.'],
      [
        'Pendiente',
        `Sin respuesta, y el mensaje que la pide es de hace menos de ${grace} respecto al «ahora» de la auditoría (${asOf}): se enumera, pero nunca cuenta como ignorada.`,
      ],
      [
        'Agregados',
        `Mediana: el valor central (con un número par de valores, la media de los dos centrales). p90: el valor que ocupa el puesto ⌈0,9·n⌉ de menor a mayor. Dentro del objetivo: ${sla} o menos.`,
      ],
      [
        'Sin datos no hay nota',
        'Una regla solo puntúa a partir de un mínimo de casos; por debajo es informativa y dice por qué. Cada categoría es la media ponderada de sus reglas con puntuación, y la puntuación global, la de las categorías que la tienen.',
      ],
    ],
    formulasTitle: 'Fórmulas de puntuación',
    chartsMethodTitle: 'Cómo cuentan los gráficos',
    chartsMethod: ({ buckets, zone }) => [
      `Tiempo hasta la primera respuesta: las mismas conversaciones que la cifra de primera respuesta, en tramos fijos (${buckets}). Cada tramo incluye su límite superior, igual que el objetivo: una respuesta a la hora justa cae en el tramo que acaba en 1 h.`,
      `Por semana: semanas ISO 8601, de lunes a domingo, en la zona ${zone}, según el día en que se abrió la conversación. Las semanas sin conversaciones se conservan, para que un hueco se vea como tal.`,
      'Por plataforma y por estrellas: la plataforma y la valoración del mensaje que abrió la conversación, redondeada a estrellas enteras.',
      'Cada grupo se cuenta igual que las cifras clave: tasa de respuesta = respondidas ÷ (respondidas + ignoradas); la mediana de la primera respuesta, sobre las conversaciones del grupo que la marca respondió.',
    ],
    formula: 'Fórmula',
    settingsTitle: 'Ajustes',
    settings: {
      sla: 'Objetivo de primera respuesta',
      grace: 'Margen de gracia (pendientes)',
      autoReply: 'Ventana de respuesta automática',
      zone: 'Zona horaria',
      businessHours: 'Horario laboral',
      holidays: 'Festivos',
      maxFindings: 'Hallazgos guardados por regla',
      none: 'ninguno',
    },
    seconds: (n) => `${n} s`,
    warningsTitle: 'Avisos',
    warningsNone: 'Sin avisos.',
    warningsListed: (shown, total) => `Los primeros ${shown} de ${total}; todos están en el informe JSON.`,
    code: 'Código',
    count: 'Cantidad',
    line: 'Dónde',
    footer: (tool) => `Generado con ${tool}. Página autónoma: sin scripts y sin nada que cargar de la red. Se abre sin conexión y se imprime en A4.`,
  },
};

/** Locale-aware formatting, all in one place. */
class Format {
  private readonly number: Intl.NumberFormat;
  private readonly exactNumber: Intl.NumberFormat;
  private readonly percent: Intl.NumberFormat;
  private readonly dateTime: Intl.DateTimeFormat;
  private readonly dateOnly: Intl.DateTimeFormat;
  private readonly shortDay: Intl.DateTimeFormat;
  private readonly longDay: Intl.DateTimeFormat;
  /** The zone times are shown in: the brand's, or UTC when the result names an unknown one. */
  readonly zone: string;

  constructor(tag: string, zone: string) {
    this.number = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
    this.exactNumber = new Intl.NumberFormat(tag, { maximumFractionDigits: 6 });
    this.percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 1 });
    this.zone = validZone(zone) ? zone : 'UTC';
    this.dateTime = new Intl.DateTimeFormat(tag, { timeZone: this.zone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
    this.dateOnly = new Intl.DateTimeFormat(tag, { timeZone: this.zone, dateStyle: 'long' });
    // Week starts are calendar dates, not instants: shown as written.
    this.shortDay = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', day: 'numeric', month: 'short' });
    this.longDay = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', dateStyle: 'medium' });
  }

  num(value: number | null): string {
    return value === null ? '—' : this.number.format(value);
  }

  /** Every decimal the result holds (weights such as 0.25). */
  exact(value: number | null): string {
    return value === null ? '—' : this.exactNumber.format(value);
  }

  pct(share: number | null): string {
    return share === null ? '—' : this.percent.format(share);
  }

  minutes(value: number | null): string {
    return value === null ? '—' : formatDuration(value);
  }

  /** An instant in the brand's zone. */
  time(iso: string): string {
    const t = Date.parse(iso);
    return Number.isNaN(t) ? iso : this.dateTime.format(t);
  }

  day(iso: string | null): string {
    if (iso === null) return '—';
    const t = Date.parse(iso);
    return Number.isNaN(t) ? iso : this.dateOnly.format(t);
  }

  /** A calendar date ("2026-10-05"), short ("5 oct") or medium ("5 oct 2026"). */
  calendar(date: string, length: 'short' | 'medium'): string {
    const t = Date.parse(`${date}T00:00:00Z`);
    if (Number.isNaN(t)) return date;
    return (length === 'short' ? this.shortDay : this.longDay).format(t);
  }
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const e = escapeHtml;

export function renderHtml(result: AuditResult, options: RenderOptions): string {
  const { catalog } = options;
  const locale = catalog.locale;
  const l = LABELS[locale];
  const t = catalog.messages.report;
  const f = new Format(l.tag, result.settings.timezone);
  const handles = result.brand.handles.map((h) => `@${h.replace(/^@/, '')}`).join(' ');
  const m = result.metrics;

  const body: string[] = [];
  body.push('<header class="top">');
  body.push(`<p class="kicker">${e(t.title)}</p>`);
  body.push(`<h1>${e(handles)}</h1>`);
  body.push(
    `<p class="period">${e(l.period)}: ${e(f.day(result.period.from))} – ${e(f.day(result.period.to))} · ${e(t.asOf)} ${e(f.time(result.period.asOf))} · ${e(l.timesIn(f.zone))}</p>`,
  );
  body.push(`<p class="period">${e(`${f.num(m.conversations)} ${t.conversations} · ${f.num(m.posts)} ${t.posts}`)}</p>`);
  body.push(`<nav aria-label="${e(l.contents)}"><ul>`);
  for (const [anchor, word] of [
    ['score', l.nav.score],
    ...(result.history ? ([['history', catalog.messages.history.sincePrevious]] as const) : []),
    ['categories', l.nav.categories],
    ['charts', l.nav.charts],
    ['findings', l.nav.findings],
    ['method', l.nav.method],
    ['inputs', l.nav.inputs],
  ] as const)
    body.push(`<li><a href="#${anchor}">${e(word)}</a></li>`);
  body.push('</ul></nav>', '</header>', '<main>');

  body.push(...scoreSection(result, catalog, l, f));
  body.push(...historySection(result, catalog, f));
  body.push(...categoriesSection(result, catalog, l, f));
  body.push(...chartsSection(result, catalog, l, f));
  body.push(...findingsSection(result, catalog, l, f, options.findingsPerRule));
  body.push(...methodSection(result, catalog, l, f));
  body.push(...inputsSection(result, catalog, l, f));
  body.push('</main>');
  body.push(`<footer class="foot"><p>${e(l.footer(`${result.tool.name} ${result.tool.version}`))}</p></footer>`);

  return [
    '<!DOCTYPE html>',
    `<html lang="${e(locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${e(CONTENT_SECURITY_POLICY)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${e(`${result.tool.name} ${result.tool.version}`)}">`,
    '<link rel="icon" href="data:,">',
    `<title>${e(`${t.title} · ${handles}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** `audit --history`: the change since the previous run, as a table (history-rows.ts computes it). */
function historySection(result: AuditResult, catalog: Catalog, f: Format): string[] {
  const view = historyView(result, catalog);
  if (!view) return [];
  const h = catalog.messages.history;
  const out = ['<section id="history">', `<h2>${e(h.sincePrevious)}</h2>`, '<div class="card">'];
  if (view.previousAsOf === undefined) out.push(`<p>${e(h.firstRun)}</p>`);
  else {
    out.push(
      `<p class="note">${e(catalog.fill(h.previousAsOf, { asOf: f.time(view.previousAsOf) }))} · ${e(catalog.fill(h.earlierRuns, { n: view.earlierRuns }))}</p>`,
    );
    out.push(
      '<table class="history">',
      `<thead><tr><th scope="col"></th><th scope="col">${e(h.before)}</th><th scope="col">${e(h.after)}</th><th scope="col">${e(h.change)}</th></tr></thead>`,
      '<tbody>',
    );
    for (const row of view.rows)
      out.push(
        `<tr class="${row.verdict}"><th scope="row">${e(row.label)}</th><td class="num">${e(row.then)}</td><td class="num">${e(row.now)}</td><td>${e(changeText(row, catalog))}</td></tr>`,
      );
    out.push('</tbody>', '</table>');
  }
  out.push('</div>', '</section>');
  return out;
}

function scoreSection(result: AuditResult, catalog: Catalog, l: HtmlLabels, f: Format): string[] {
  const t = catalog.messages.report;
  const m = result.metrics;
  const why = result.score === null ? (result.scoreReason ? catalog.reason(result.scoreReason) : t.noData) : undefined;
  const label = why === undefined ? l.gaugeLabel(f.num(result.score)) : l.noScore(why);
  const out = ['<section id="score">', `<h2>${e(t.score)}</h2>`, '<div class="card score-grid">'];
  out.push('<figure class="gauge">');
  out.push(gauge(result.score, { figure: f.num(result.score), under: l.outOf, label }));
  out.push(`<figcaption>${why === undefined ? e(l.bands) : `<strong class="reason">${e(l.noScore(why))}</strong>`}</figcaption>`);
  out.push('</figure>');

  const scored = CATEGORY_IDS.filter((id) => result.categories[id].score !== null && result.categories[id].weight > 0);
  out.push('<div class="figures">');
  out.push(`<h3>${e(t.keyFigures)}</h3>`, '<dl>');
  const row = (term: string, value: string, note?: string): void => {
    out.push(`<dt>${e(term)}</dt><dd>${e(value)}${note ? ` <span class="note">(${e(note)})</span>` : ''}</dd>`);
  };
  row(
    t.needing,
    `${f.num(m.needingReply)} ${t.of} ${f.num(m.conversations)} · ${t.answered} ${f.num(m.answered)} · ${t.ignored} ${f.num(m.ignored)} · ${t.pending} ${f.num(m.pending)}`,
  );
  row(t.repliedTo, `${f.num(m.repliedTo)} ${t.of} ${f.num(m.conversations)}`, t.repliedToHow);
  row(t.replyRate, f.pct(m.replyRate), t.replyRateHow);
  row(t.firstReply, durationText(m.firstResponseMinutes, result.settings.slaMinutes, t, f));
  if (m.firstResponseBusinessMinutes) row(t.businessFirstReply, durationText(m.firstResponseBusinessMinutes, result.settings.slaMinutes, t, f));
  row(t.followUps, durationText(m.followUpResponseMinutes, result.settings.slaMinutes, t, f));
  row(t.automated, f.num(m.automatedReplies), t.automatedHow);
  out.push('</dl>');
  out.push(`<p class="note">${e(`${t.basis}: ${scored.length > 0 ? scored.map((id) => catalog.category(id)).join(', ') : t.noneYet}.`)}</p>`);
  out.push('</div>', '</div>', '</section>');
  return out;
}

function durationText(s: DurationSummary, sla: number, t: Catalog['messages']['report'], f: Format): string {
  if (s.count === 0 || s.median === null) return t.noData;
  return `${t.median} ${f.minutes(s.median)} · p90 ${f.minutes(s.p90)} · ${t.within} ${formatDuration(sla)}: ${f.pct(s.withinTarget)} · ${t.within} 24 h: ${f.pct(s.within24h)} · n = ${f.num(s.count)}`;
}

function whyNoScore(rule: RuleReport, catalog: Catalog): string {
  if (rule.failed) return `${catalog.messages.report.ruleFailed}: ${rule.failed}`;
  if (rule.score !== null) return '';
  return rule.reason ? catalog.reason(rule.reason) : catalog.messages.report.notMeasured;
}

function categoriesSection(result: AuditResult, catalog: Catalog, l: HtmlLabels, f: Format): string[] {
  const d = DOCUMENT_LABELS[catalog.locale].md;
  const t = catalog.messages.report;
  const out = ['<section id="categories">', `<h2>${e(l.categoriesTitle)}</h2>`, `<p class="note">${e(l.casesNote)}</p>`, '<div class="categories">'];
  for (const id of CATEGORY_IDS) {
    const category = result.categories[id];
    const name = catalog.category(id);
    out.push(`<article class="card category" id="category-${e(id)}" data-category="${e(id)}">`);
    out.push('<header class="category-head">');
    out.push(`<h3>${e(name)}</h3>`);
    out.push(`<p class="category-score tone-text-${scoreTone(category.score)}">${e(f.num(category.score))}</p>`);
    out.push(meter(category.score, `${name}: ${f.num(category.score)}`));
    out.push(`<p class="note">${e(`${l.categoryWeight(f.exact(category.weight))} · n = ${f.num(category.cases)}`)}</p>`);
    if (category.score === null) {
      const why = category.reasons ? category.reasons.map((r) => catalog.reason(r)).join('; ') : t.notMeasured;
      out.push(`<p class="reason">${e(why)}</p>`);
    }
    out.push('</header>');
    if (category.rules.length === 0) {
      out.push(`<p class="note">${e(catalog.messages.rulesListing.noRules)}</p>`);
    } else {
      out.push('<table class="rules">');
      out.push(
        `<thead><tr><th scope="col">${e(d.rule)}</th><th scope="col" class="num">${e(d.score)}</th><th scope="col" class="num">${e(d.weight)}</th><th scope="col" class="num">n</th></tr></thead><tbody>`,
      );
      for (const rule of category.rules) {
        const why = whyNoScore(rule, catalog);
        out.push(
          `<tr data-rule="${e(rule.id)}"><th scope="row">${e(catalog.ruleTitle(rule.id))}${why ? `<span class="reason">${e(why)}</span>` : ''}</th><td class="num tone-text-${scoreTone(rule.score)}">${e(f.num(rule.score))}</td><td class="num">${e(f.exact(rule.weight))}</td><td class="num">${e(f.num(rule.cases))}</td></tr>`,
        );
      }
      out.push('</tbody></table>');
    }
    out.push('</article>');
  }
  out.push('</div>', '</section>');
  return out;
}

/** "≤ 15 min", "15 min–1 h", "1–4 h", "4–24 h", "1–3 d", "> 3 d": the bucket's edges in the unit of its upper one. */
function bucketLabel(over: number | null, upTo: number | null, f: Format): string {
  if (over === null && upTo === null) return '—';
  if (over === null) return `≤ ${edge(upTo!, f)}`;
  if (upTo === null) return `> ${edge(over, f)}`;
  const unit = unitOf(upTo);
  const lower = over / unit.minutes;
  return Number.isInteger(lower) ? `${f.num(lower)}–${edge(upTo, f)}` : `${edge(over, f)}–${edge(upTo, f)}`;
}

function unitOf(minutes: number): { minutes: number; symbol: string } {
  if (minutes < 60) return { minutes: 1, symbol: 'min' };
  if (minutes <= 1440) return { minutes: 60, symbol: 'h' };
  return { minutes: 1440, symbol: 'd' };
}

function edge(minutes: number, f: Format): string {
  const unit = unitOf(minutes);
  return `${f.num(minutes / unit.minutes)} ${unit.symbol}`;
}

/** Tone of a first-response time: within the target good, within 24 h fair, later poor. */
function timeTone(minutes: number | null, sla: number): Tone {
  if (minutes === null) return 'none';
  return minutes <= sla ? 'good' : minutes <= 1440 ? 'warn' : 'bad';
}

function rateTone(share: number | null): Tone {
  return share === null ? 'none' : scoreTone(share * 100);
}

function chartsSection(result: AuditResult, catalog: Catalog, l: HtmlLabels, f: Format): string[] {
  const series = result.metrics.series;
  const sla = result.settings.slaMinutes;
  const out = ['<section id="charts">', `<h2>${e(l.chartsTitle)}</h2>`];

  // First-response distribution.
  const buckets = series.firstResponseBuckets;
  const answered = buckets.reduce((sum, b) => sum + b.count, 0);
  out.push('<figure class="card chart-card" id="chart-first-reply">', `<h3>${e(l.frtTitle)}</h3>`);
  if (answered === 0) out.push(`<p class="note">${e(l.noChartData)}</p>`);
  else {
    out.push(
      columnChart(
        buckets.map((b) => {
          const label = bucketLabel(b.overMinutes, b.upToMinutes, f);
          return {
            label,
            value: b.count,
            valueText: f.num(b.count),
            title: l.frtBar(f.num(b.count), label),
            tone: b.upToMinutes !== null && b.upToMinutes <= sla ? 'good' : b.upToMinutes !== null && b.upToMinutes <= 1440 ? 'warn' : 'bad',
            data: { over: b.overMinutes, upto: b.upToMinutes, count: b.count },
          };
        }),
        l.frtTitle,
      ),
    );
  }
  out.push(`<figcaption>${e(l.frtCaption(f.num(answered), formatDuration(sla)))}</figcaption>`, '</figure>');

  // By week.
  const weeks = series.byWeek.slice(-MAX_WEEKS);
  out.push('<figure class="card chart-card" id="chart-weeks">', `<h3>${e(l.weekTitle)}</h3>`);
  if (weeks.length === 0) out.push(`<p class="note">${e(l.noChartData)}</p>`);
  else {
    const ticks = buckets.map((b) => b.upToMinutes).filter((v): v is number => v !== null);
    out.push(
      weekChart(
        weeks.map((w) => {
          const label = f.calendar(w.start, 'short');
          return {
            label,
            rate: w.replyRate,
            rateText: f.pct(w.replyRate),
            median: w.firstResponseMedianMinutes,
            medianText: f.minutes(w.firstResponseMedianMinutes),
            rateTone: rateTone(w.replyRate),
            medianTone: timeTone(w.firstResponseMedianMinutes, sla),
            title: l.weekBar(
              `${l.weekOf(f.calendar(w.start, 'medium'))} (${w.week})`,
              f.num(w.conversations),
              f.pct(w.replyRate),
              f.minutes(w.firstResponseMedianMinutes),
            ),
            data: { week: w.week, conversations: w.conversations, rate: w.replyRate, median: w.firstResponseMedianMinutes },
          };
        }),
        {
          chart: l.weekTitle,
          rate: catalog.messages.report.replyRate,
          median: l.medianFirstReply,
          timeTick: (minutes) => edge(minutes, f),
          rateTick: (share) => f.pct(share),
        },
        ticks.length > 0 ? ticks : [60, 1440],
      ),
    );
  }
  const weekNote = series.byWeek.length > weeks.length ? ` ${l.weeksShown(weeks.length, series.byWeek.length)}` : '';
  out.push(`<figcaption>${e(l.weekCaption(f.zone) + weekNote)}</figcaption>`, '</figure>');

  // By platform and by star rating.
  const maxMedian = Math.max(
    1440,
    ...series.byPlatform.map((p) => p.firstResponseMedianMinutes ?? 0),
    ...series.byRating.map((r) => r.firstResponseMedianMinutes ?? 0),
  );
  const group = (id: string, title: string, column: string, caption: string, rows: { label: string; counts: SeriesCounts; key: string | number }[]): void => {
    out.push(`<figure class="card chart-card" id="${id}">`, `<h3>${e(title)}</h3>`);
    if (rows.length === 0) out.push(`<p class="note">${e(l.noChartData)}</p>`);
    else
      out.push(
        groupChart(
          rows.map(({ label, counts, key }) => ({
            label: clip(label, 18),
            countText: f.num(counts.conversations),
            rate: counts.replyRate,
            rateText: f.pct(counts.replyRate),
            rateTone: rateTone(counts.replyRate),
            median: counts.firstResponseMedianMinutes,
            medianText: f.minutes(counts.firstResponseMedianMinutes),
            medianTone: timeTone(counts.firstResponseMedianMinutes, sla),
            title: l.groupBar(label, f.num(counts.conversations), f.pct(counts.replyRate), f.minutes(counts.firstResponseMedianMinutes)),
            data: { key, conversations: counts.conversations, rate: counts.replyRate, median: counts.firstResponseMedianMinutes },
          })),
          { chart: title, group: column, count: l.conversationsColumn, rate: catalog.messages.report.replyRate, median: l.medianFirstReply },
          maxMedian,
        ),
      );
    out.push(`<figcaption>${e(caption)}</figcaption>`, '</figure>');
  };
  group(
    'chart-platforms',
    l.platformTitle,
    l.platformColumn,
    l.platformCaption,
    series.byPlatform.map((p) => ({ label: p.platform === '' ? '—' : p.platform, counts: p, key: p.platform })),
  );
  if (series.byRating.length > 0)
    group(
      'chart-ratings',
      l.ratingTitle,
      l.ratingColumn,
      l.ratingCaption,
      series.byRating.map((r) => ({ label: l.stars(r.stars), counts: r, key: r.stars })),
    );
  out.push('</section>');
  return out;
}

const graphemer = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** At most `max` graphemes, with "…" when cut (never inside an emoji). */
function clip(text: string, max: number): string {
  const chars = Array.from(graphemer.segment(text), (s) => s.segment);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function findingsSection(result: AuditResult, catalog: Catalog, l: HtmlLabels, f: Format, perRule: number | undefined): string[] {
  const t = catalog.messages.report;
  const out = ['<section id="findings">', `<h2>${e(l.findingsTitle)}</h2>`, `<p class="note">${e(l.findingsNote)}</p>`];
  let shown = 0;
  for (const id of CATEGORY_IDS) {
    for (const rule of result.categories[id].rules) {
      if (rule.findingCount === 0) continue;
      const problems = result.findings.filter((x) => x.ruleId === rule.id && !x.pending).sort((a, b) => a.rank - b.rank);
      const kept = perRule === undefined ? problems : problems.slice(0, perRule);
      out.push(`<section class="rule-findings" data-rule="${e(rule.id)}">`);
      out.push(`<h3>${e(`${catalog.category(id)} · ${catalog.ruleTitle(rule.id)}`)} <span class="count">(${e(f.num(rule.findingCount))})</span></h3>`);
      for (const finding of kept) out.push(...findingBlock(finding, catalog, l, f));
      shown += kept.length;
      const rest = rule.findingCount - kept.length;
      if (rest > 0) out.push(`<p class="note">… ${e(l.more(rest))}</p>`);
      out.push('</section>');
    }
  }
  if (shown === 0) out.push(`<p>${e(t.none)}</p>`);

  const watch = result.findings.filter((x) => x.pending);
  const watchTotal = CATEGORY_IDS.reduce((sum, id) => sum + result.categories[id].rules.reduce((k, r) => k + (r.watchCount ?? 0), 0), 0);
  if (watchTotal > 0 || watch.length > 0) {
    out.push('<section class="watch" id="watch">', `<h3>${e(t.watchList)} <span class="count">(${e(f.num(Math.max(watchTotal, watch.length)))})</span></h3>`);
    for (const finding of watch) out.push(...findingBlock(finding, catalog, l, f, true));
    const rest = watchTotal - watch.length;
    if (rest > 0) out.push(`<p class="note">… ${e(l.more(rest))}</p>`);
    out.push('</section>');
  }
  out.push('</section>');
  return out;
}

function findingBlock(finding: Finding, catalog: Catalog, l: HtmlLabels, f: Format, withRule = false): string[] {
  const words = DOCUMENT_LABELS[catalog.locale];
  const phrase = typeof finding.data.quote === 'string' ? finding.data.quote : undefined;
  const out = [`<article class="finding severity-${e(finding.severity)}" data-rule="${e(finding.ruleId)}" data-thread="${e(finding.threadId)}">`];
  const rule = withRule ? `<span class="rule-name">${e(`${catalog.category(finding.category)} · ${catalog.ruleTitle(finding.ruleId)}`)}</span> ` : '';
  out.push(
    `<p class="finding-head"><span class="badge severity-${e(finding.severity)}">${e(words.severity[finding.severity])}</span> ${rule}<span class="message">${e(catalog.finding(finding))}</span> <span class="thread">${e(`${l.threadLabel} ${finding.threadId}`)}</span></p>`,
  );
  for (const evidence of finding.evidence) out.push(quoteBlock(evidence, phrase, finding.data, words.role[evidence.role], l, f));
  out.push('</article>');
  return out;
}

function quoteBlock(evidence: Evidence, phrase: string | undefined, data: Finding['data'], role: string, l: HtmlLabels, f: Format): string {
  const text = evidence.text.trim();
  const body = text === '' ? `<span class="note">— (${e(l.textAbsent)})</span>` : marked(quoteAround(text, phrase, MAX_QUOTE + 2).slice(1, -1), data);
  return [
    `<blockquote class="post role-${e(evidence.role)}" data-post="${e(evidence.postId)}">`,
    `<p class="who"><bdi class="author">${e(`@${evidence.author.replace(/^@/, '')}`)}</bdi> <span class="role">${e(role)}</span> · <time datetime="${e(evidence.createdAt)}">${e(f.time(evidence.createdAt))}</time> · <bdi class="source">${e(evidence.source)}</bdi></p>`,
    `<p class="quote" dir="auto">${body}</p>`,
    '</blockquote>',
  ].join('');
}

/** Finding data that hold words quoted from the message (the judged phrase, a promise's parts, a cue). */
const PHRASE_KEYS = ['quote', 'commitment', 'when', 'cue', 'fromCue', 'toCue'];

/**
 * The quote with the judged words in `<mark>`: every phrase of the finding's data found in it as written
 * (ignoring case; a phrase cut with "…" is looked for piece by piece), the first occurrence of each,
 * overlaps dropped. Everything else escaped.
 */
function marked(text: string, data: Finding['data']): string {
  const lower = text.toLowerCase();
  const spans: [number, number][] = [];
  for (const key of PHRASE_KEYS) {
    const value = data[key];
    if (typeof value !== 'string') continue;
    let from = 0;
    for (const piece of value.split(/\s*…\s*/)) {
      const needle = piece.trim().toLowerCase();
      if (needle.length < 2) continue;
      const at = lower.indexOf(needle, from);
      // toLowerCase can change a string's length (İ): then the offsets would not match the text, so no mark.
      if (at < 0 || text.slice(at, at + needle.length).toLowerCase() !== needle) continue;
      spans.push([at, at + needle.length]);
      from = at + needle.length;
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = '';
  let done = 0;
  for (const [start, end] of spans) {
    if (start < done) continue;
    out += `${e(text.slice(done, start))}<mark>${e(text.slice(start, end))}</mark>`;
    done = end;
  }
  return out + e(text.slice(done));
}

function methodSection(result: AuditResult, catalog: Catalog, l: HtmlLabels, f: Format): string[] {
  const s = result.settings;
  const d = DOCUMENT_LABELS[catalog.locale].md;
  const out = ['<section id="method">', `<h2>${e(l.methodTitle)}</h2>`];
  out.push('<div class="card">', `<h3>${e(l.definitionsTitle)}</h3>`, '<dl class="definitions">');
  for (const [term, text] of l.definitions({ sla: formatDuration(s.slaMinutes), grace: formatDuration(s.graceHours * 60), asOf: f.time(result.period.asOf) }))
    out.push(`<dt>${e(term)}</dt><dd>${e(text)}</dd>`);
  out.push('</dl>', '</div>');

  out.push('<div class="card">', `<h3>${e(l.formulasTitle)}</h3>`, `<p>${e(catalog.messages.rulesListing.overall)}</p>`);
  out.push(
    `<table class="formulas"><thead><tr><th scope="col">${e(d.rule)}</th><th scope="col" class="num">${e(d.weight)}</th><th scope="col">${e(l.formula)}</th></tr></thead>`,
  );
  for (const id of CATEGORY_IDS) {
    const category = result.categories[id];
    out.push(
      `<tbody><tr class="group"><th scope="rowgroup" colspan="3">${e(catalog.category(id))} <span class="note">(${e(l.categoryWeight(f.exact(category.weight)))})</span></th></tr>`,
    );
    for (const rule of category.rules) {
      const texts = catalog.ruleTexts(rule.id);
      out.push(
        `<tr><th scope="row">${e(catalog.ruleTitle(rule.id))}<code>${e(rule.id)}</code></th><td class="num">${e(f.exact(rule.weight))}</td><td>${e(texts ? texts.formula[catalog.locale] : '—')}</td></tr>`,
      );
    }
    out.push('</tbody>');
  }
  out.push('</table>', '</div>');

  const buckets = result.metrics.series.firstResponseBuckets.map((b) => bucketLabel(b.overMinutes, b.upToMinutes, f)).join(', ');
  out.push('<div class="card">', `<h3>${e(l.chartsMethodTitle)}</h3>`, '<ul>');
  for (const line of l.chartsMethod({ buckets, zone: f.zone })) out.push(`<li>${e(line)}</li>`);
  out.push('</ul>', '</div>');

  out.push('<div class="card">', `<h3>${e(l.settingsTitle)}</h3>`, '<dl class="settings">');
  const setting = (term: string, value: string): void => {
    out.push(`<dt>${e(term)}</dt><dd>${e(value)}</dd>`);
  };
  setting(l.settings.sla, formatDuration(s.slaMinutes));
  setting(l.settings.grace, formatDuration(s.graceHours * 60));
  setting(l.settings.autoReply, l.seconds(f.num(s.autoReplySeconds)));
  setting(l.settings.zone, s.timezone);
  setting(l.settings.businessHours, s.businessHours ?? l.settings.none);
  setting(l.settings.holidays, s.holidays.length > 0 ? s.holidays.join(', ') : l.settings.none);
  setting(l.settings.maxFindings, s.maxFindings > 0 ? f.num(s.maxFindings) : '—');
  out.push('</dl>');
  if (s.notes.length > 0) {
    out.push('<ul class="notes">');
    for (const note of s.notes) out.push(`<li>${e(note)}</li>`);
    out.push('</ul>');
  }
  out.push('</div>', '</section>');
  return out;
}

function inputsSection(result: AuditResult, catalog: Catalog, l: HtmlLabels, f: Format): string[] {
  const t = catalog.messages.report;
  const d = DOCUMENT_LABELS[catalog.locale];
  const out = ['<section id="inputs">', `<h2>${e(t.input)}</h2>`, '<div class="card">'];
  out.push(
    `<table class="inputs"><thead><tr><th scope="col">${e(d.md.file)}</th><th scope="col">${e(d.md.format)}</th><th scope="col">${e(d.md.encoding)}</th><th scope="col" class="num">${e(d.csv.posts)}</th><th scope="col" class="num">${e(d.csv.conversations)}</th><th scope="col" class="num">${e(t.warnings)}</th></tr></thead><tbody>`,
  );
  for (const input of result.inputs)
    out.push(
      `<tr><th scope="row"><bdi>${e(input.path)}</bdi></th><td>${e(input.format)}</td><td>${e(input.encoding)}</td><td class="num">${e(f.num(input.posts))}</td><td class="num">${e(f.num(input.conversations ?? null))}</td><td class="num">${e(f.num(input.warnings))}</td></tr>`,
    );
  out.push('</tbody></table>');
  const notes = result.inputs.flatMap((input) => input.notes.map((note) => [input.path, catalog.note(note)] as const));
  if (notes.length > 0) {
    out.push(`<h3>${e(t.notes)}</h3>`, '<ul class="notes">');
    for (const [path, note] of notes) out.push(`<li><bdi>${e(path)}</bdi>: ${e(note)}</li>`);
    out.push('</ul>');
  }
  out.push('</div>');

  const counts = Object.entries(result.warningCounts);
  const total = counts.reduce((sum, [, k]) => sum + k, 0);
  out.push('<div class="card" id="warnings">', `<h3>${e(l.warningsTitle)} <span class="count">(${e(f.num(total))})</span></h3>`);
  if (total === 0) out.push(`<p>${e(l.warningsNone)}</p>`);
  else {
    out.push(`<table class="warning-counts"><thead><tr><th scope="col">${e(l.code)}</th><th scope="col" class="num">${e(l.count)}</th></tr></thead><tbody>`);
    for (const [code, k] of counts) out.push(`<tr><th scope="row"><code>${e(code)}</code></th><td class="num">${e(f.num(k))}</td></tr>`);
    out.push('</tbody></table>');
    const listed = result.warnings.slice(0, MAX_WARNINGS);
    out.push(
      `<table class="warnings"><thead><tr><th scope="col">${e(l.line)}</th><th scope="col">${e(l.code)}</th><th scope="col">${e(d.csv.message)}</th></tr></thead><tbody>`,
    );
    for (const w of listed)
      out.push(
        `<tr><td><bdi>${e(`${w.input}${w.line ? `:${w.line}` : ''}`)}</bdi></td><td><code>${e(w.code)}</code></td><td dir="auto">${e(catalog.warning(w))}</td></tr>`,
      );
    out.push('</tbody></table>');
    if (result.warnings.length > listed.length) out.push(`<p class="note">${e(l.warningsListed(listed.length, result.warnings.length))}</p>`);
  }
  out.push('</div>', '</section>');
  return out;
}

/** Light theme, system fonts only, A4 print rules. */
const STYLE = `
:root{--ink:#1d2433;--muted:#5b6475;--line:#d9dee7;--paper:#fff;--wash:#f5f7fa;--good:#2e7d32;--warn:#b26a00;--bad:#c62828;--none:#9aa3b2;--accent:#2f5fb3}
*{box-sizing:border-box}
html{color:var(--ink);background:var(--wash);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans","DejaVu Sans",Arial,sans-serif;-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:960px;padding:24px 20px 40px}
h1{font-size:1.7rem;margin:.1rem 0 .3rem;line-height:1.2;overflow-wrap:anywhere}
h2{font-size:1.3rem;margin:2rem 0 .6rem;border-bottom:2px solid var(--line);padding-bottom:.2rem;break-after:avoid}
h3{font-size:1.05rem;margin:.2rem 0 .5rem;break-after:avoid}
p{margin:.3rem 0}
a{color:var(--accent)}
code{font:0.85em ui-monospace,"DejaVu Sans Mono","Liberation Mono",monospace;background:var(--wash);padding:0 .25em;border-radius:3px}
.kicker{text-transform:uppercase;letter-spacing:.08em;color:var(--muted);font-size:.8rem;margin:0}
.period,.note{color:var(--muted);font-size:.88rem}
.top nav ul{list-style:none;padding:0;margin:.8rem 0 0;display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.9rem}
.card{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin:0 0 14px;break-inside:avoid}
.score-grid{display:grid;grid-template-columns:minmax(200px,260px) 1fr;gap:20px;align-items:start}
.gauge{margin:0;text-align:center}
.gauge figcaption{font-size:.85rem;color:var(--muted)}
.figures dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem .8rem;margin:0 0 .4rem}
.figures dt{font-weight:600}
.figures dd{margin:0}
.reason{display:block;color:var(--muted);font-size:.85rem;font-weight:normal}
strong.reason{color:var(--bad);font-weight:600}
.categories{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:14px}
.category{margin:0}
.category-head{display:grid;grid-template-columns:1fr auto;align-items:center;gap:0 12px;margin-bottom:6px}
.category-head h3{margin:0}
.category-score{font-size:1.6rem;font-weight:700;margin:0;grid-row:span 2;text-align:right}
.category-head svg{grid-column:1}
.category-head .note,.category-head .reason{grid-column:1 / span 2}
table{border-collapse:collapse;width:100%;font-size:.88rem}
th,td{text-align:left;vertical-align:top;padding:.3rem .4rem;border-bottom:1px solid var(--line)}
thead th{font-size:.78rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);font-weight:600}
tbody th{font-weight:500}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.formulas tr.group th{background:var(--wash);font-weight:700}
.formulas code{display:block;width:max-content;margin-top:.15rem;color:var(--muted)}
table.history tr.better td:last-child{color:var(--good)}table.history tr.worse td:last-child{color:var(--bad)}table.history tr.unchanged td:last-child{color:var(--muted)}
.tone-text-good{color:var(--good)}.tone-text-warn{color:var(--warn)}.tone-text-bad{color:var(--bad)}.tone-text-none{color:var(--none)}
svg.chart{display:block;width:100%;height:auto;overflow:visible}
svg.chart-gauge{max-width:260px;margin:0 auto}
svg.chart-meter{width:120px;height:10px}
svg text{fill:var(--ink);font-family:inherit}
svg .tick,svg .axis{fill:var(--muted);font-size:11px}
svg .value{font-size:11px;font-weight:600}
svg .panel{font-size:12px;font-weight:600;fill:var(--muted)}
svg .label{font-size:12px}
svg .figure{font-size:40px;font-weight:700}
svg .figure-none{fill:var(--none)}
svg .under{font-size:12px;fill:var(--muted)}
svg .grid{stroke:var(--line);stroke-width:1;stroke-dasharray:3 3}
svg .baseline{stroke:var(--muted);stroke-width:1}
svg .track{fill:none;stroke:var(--line);stroke-width:18}
svg rect.track{fill:#e6eaf0;stroke:none}
svg .chart-meter .track,svg.chart-meter .track{fill:var(--line);stroke:none}
svg .band{fill:none;stroke-width:4}
svg path.value{fill:none;stroke-width:18}
svg .stripe{fill:var(--wash)}
svg path.tone-good,svg .band.tone-good{stroke:var(--good)}
svg path.tone-warn,svg .band.tone-warn{stroke:var(--warn)}
svg path.tone-bad,svg .band.tone-bad{stroke:var(--bad)}
svg rect.tone-good{fill:var(--good)}svg rect.tone-warn{fill:var(--warn)}svg rect.tone-bad{fill:var(--bad)}svg rect.tone-none{fill:var(--none)}
.chart-card{margin:0 0 14px}
.chart-card figcaption{font-size:.85rem;color:var(--muted);margin-top:.4rem}
.rule-findings{margin:0 0 1rem}
.rule-findings>h3,.watch>h3{margin-top:1rem}
.count{color:var(--muted);font-weight:normal}
.finding{background:var(--paper);border:1px solid var(--line);border-left:4px solid var(--none);border-radius:6px;padding:10px 12px;margin:0 0 10px;break-inside:avoid}
.finding.severity-error{border-left-color:var(--bad)}
.finding.severity-warning{border-left-color:var(--warn)}
.finding.severity-info{border-left-color:var(--accent)}
.finding-head{margin:0 0 .4rem}
.badge{display:inline-block;font-size:.72rem;font-weight:700;text-transform:uppercase;letter-spacing:.05em;border-radius:3px;padding:0 .4em;color:#fff;background:var(--none)}
.badge.severity-error{background:var(--bad)}.badge.severity-warning{background:var(--warn)}.badge.severity-info{background:var(--accent)}
.rule-name{font-weight:600}
.thread{color:var(--muted);font-size:.85rem;white-space:nowrap}
.message{overflow-wrap:anywhere}
blockquote.post{margin:.4rem 0 0;padding:.35rem .7rem;border-left:3px solid var(--line);background:var(--wash);border-radius:0 4px 4px 0}
blockquote.role-brand{border-left-color:var(--accent)}
.who{margin:0;font-size:.8rem;color:var(--muted)}
.author{font-weight:600;color:var(--ink)}
.source{font-size:.75rem}
.quote{margin:.15rem 0 0;white-space:pre-wrap;overflow-wrap:anywhere;unicode-bidi:plaintext}
mark{background:#ffe58f;color:inherit;padding:0 .1em;border-radius:2px}
bdi{unicode-bidi:isolate}
.definitions dt{font-weight:600;margin-top:.4rem}
.definitions dd{margin:0 0 .2rem}
.settings{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem}
.settings dt{font-weight:600}.settings dd{margin:0}
.notes{font-size:.88rem;color:var(--muted);padding-left:1.2rem}
.warnings td{font-size:.82rem;overflow-wrap:anywhere}
.warning-counts{width:auto;min-width:40%;margin-bottom:.8rem}
.foot{margin-top:2rem;color:var(--muted);font-size:.8rem;border-top:1px solid var(--line);padding-top:.6rem}
@media (max-width:700px){.score-grid{grid-template-columns:1fr}.categories{grid-template-columns:1fr}}
@page{size:A4;margin:14mm 12mm}
@media print{
html{background:#fff;font-size:10.5pt}
body{max-width:none;padding:0}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.top nav{display:none}
.card,.finding,.chart-card,blockquote.post,tr{break-inside:avoid}
h2{break-before:auto}
#charts,#findings,#method{break-before:page}
.categories{grid-template-columns:1fr 1fr}
a{color:inherit;text-decoration:none}
}
`.trim();
