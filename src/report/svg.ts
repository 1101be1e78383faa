/**
 * Markup helpers for the HTML report: the one escape function every text goes through, and the charts,
 * drawn as inline SVG from numbers the audit result already holds (no script, no external file).
 *
 * The charts only draw: they take values and the words to show, already formatted for the locale, and
 * choose positions, scales and ticks. Bars carry their values as `data-*` attributes so that a test can
 * check a chart against the result. Colours come from the page's stylesheet by class (`tone-good`,
 * `tone-warn`, `tone-bad`, `tone-none`).
 */

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** C0 controls but tab and line feed, DEL, C1 controls, bidi embeddings, overrides and isolates. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const SPECIAL = /[&<>"']/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text from anywhere (posts, authors, file names, messages, our own labels) as HTML for a text node or a
 * double-quoted attribute value: inert, and still showing what was written.
 * - `& < > " '` become entities, so no tag, attribute or entity comes from the text;
 * - line breaks are kept (CR LF and CR become LF; quotes show them with `white-space: pre-wrap`);
 * - control characters are shown, not obeyed, as their code point in brackets: C0 but tab and line feed
 *   (an ANSI colour code reads "[U+001B][31m"), DEL, C1, and the bidi embeddings, overrides and isolates
 *   that could make a quote read backwards ("[U+202E]");
 * - a lone surrogate (a cut emoji) becomes U+FFFD, so the file stays valid UTF-8.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(CONTROL, visibleControl)
    .replace(SPECIAL, (c) => ENTITY[c]!);
}

/** "[U+001B]": the code point, in plain letters every font has. */
function visibleControl(c: string): string {
  return `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`;
}

export type Tone = 'good' | 'warn' | 'bad' | 'none';

/** Score bands, as the text report colours them: 80 and over good, 50 and over fair, below 50 poor. */
export function scoreTone(score: number | null): Tone {
  if (score === null) return 'none';
  return score >= 80 ? 'good' : score >= 50 ? 'warn' : 'bad';
}

/** A number for an SVG coordinate: at most two decimals, no exponent, no "-0". */
function n(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

function dataAttributes(data: Readonly<Record<string, string | number | null>>): string {
  return Object.entries(data)
    .map(([key, value]) => ` data-${key}="${escapeHtml(value === null ? '' : String(value))}"`)
    .join('');
}

function svgOpen(width: number, height: number, label: string, kind: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-${kind}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(label)}">`;
}

function text(x: number, y: number, content: string, cls: string, anchor: 'start' | 'middle' | 'end' = 'start'): string {
  return `<text x="${n(x)}" y="${n(y)}" class="${cls}" text-anchor="${anchor}">${escapeHtml(content)}</text>`;
}

export interface GaugeOptions {
  /** The big figure ("77,9" or "—"). */
  figure: string;
  /** The line under it ("/ 100"). */
  under: string;
  /** The accessible name, which also says why there is no score. */
  label: string;
}

/**
 * A half-circle gauge from 0 to 100, filled to the score, with the score bands as a thin outer ring. A
 * null score draws the empty track and a dash; the reason is in the label (and in the page beside it).
 */
export function gauge(score: number | null, options: GaugeOptions): string {
  const cx = 110;
  const cy = 112;
  const r = 84;
  const point = (value: number, radius: number): [number, number] => {
    const angle = Math.PI * (1 - value / 100);
    return [cx + radius * Math.cos(angle), cy - radius * Math.sin(angle)];
  };
  const arc = (from: number, to: number, radius: number): string => {
    const [x1, y1] = point(from, radius);
    const [x2, y2] = point(to, radius);
    return `M ${n(x1)} ${n(y1)} A ${radius} ${radius} 0 0 1 ${n(x2)} ${n(y2)}`;
  };
  const out = [svgOpen(220, 140, options.label, 'gauge')];
  out.push(`<title>${escapeHtml(options.label)}</title>`);
  for (const [from, to, tone] of [
    [0, 50, 'bad'],
    [50, 80, 'warn'],
    [80, 100, 'good'],
  ] as const) {
    out.push(`<path d="${arc(from, to, r + 16)}" class="band tone-${tone}"/>`);
  }
  out.push(`<path d="${arc(0, 100, r)}" class="track"/>`);
  const tone = scoreTone(score);
  if (score !== null && score > 0) {
    out.push(`<path d="${arc(0, Math.min(100, score), r)}" class="value tone-${tone}" data-score="${score}"/>`);
  }
  out.push(text(cx, cy - 14, options.figure, `figure${score === null ? ' figure-none' : ''}`, 'middle'));
  out.push(text(cx, cy + 8, options.under, 'under', 'middle'));
  out.push(text(cx - r, cy + 24, '0', 'tick', 'middle'), text(cx + r, cy + 24, '100', 'tick', 'middle'));
  out.push('</svg>');
  return out.join('');
}

/** A small horizontal meter for a 0–100 score (null: the empty track). */
export function meter(score: number | null, label: string): string {
  const width = 120;
  const out = [svgOpen(width, 10, label, 'meter')];
  out.push(`<rect x="0" y="0" width="${width}" height="10" rx="5" class="track"/>`);
  if (score !== null && score > 0) {
    out.push(
      `<rect x="0" y="0" width="${n((width * Math.min(100, score)) / 100)}" height="10" rx="5" class="tone-${scoreTone(score)}" data-score="${score}"/>`,
    );
  }
  out.push('</svg>');
  return out.join('');
}

export interface Column {
  /** Axis label under the bar. */
  label: string;
  value: number;
  /** Shown above the bar. */
  valueText: string;
  /** Tooltip. */
  title: string;
  tone: Tone;
  data: Record<string, string | number | null>;
}

/** Vertical bars on a linear scale from zero (the first-response distribution). */
export function columnChart(columns: readonly Column[], label: string): string {
  const width = 680;
  const height = 230;
  const left = 44;
  const right = 8;
  const top = 22;
  const bottom = 40;
  const plotHeight = height - top - bottom;
  const max = Math.max(1, ...columns.map((c) => c.value));
  const ticks = niceTicks(max);
  const scaleMax = ticks[ticks.length - 1]!;
  const y = (value: number): number => top + plotHeight * (1 - value / scaleMax);
  const out = [svgOpen(width, height, label, 'columns')];
  out.push(`<title>${escapeHtml(label)}</title>`);
  for (const tick of ticks) {
    out.push(`<line x1="${left}" x2="${width - right}" y1="${n(y(tick))}" y2="${n(y(tick))}" class="grid"/>`);
    out.push(text(left - 6, y(tick) + 4, String(tick), 'tick', 'end'));
  }
  const slot = (width - left - right) / Math.max(1, columns.length);
  const barWidth = Math.min(72, slot * 0.7);
  columns.forEach((column, k) => {
    const x = left + slot * k + (slot - barWidth) / 2;
    const h = Math.max(0, y(0) - y(column.value));
    out.push(
      `<rect x="${n(x)}" y="${n(y(column.value))}" width="${n(barWidth)}" height="${n(h)}" class="bar tone-${column.tone}"${dataAttributes(column.data)}><title>${escapeHtml(column.title)}</title></rect>`,
    );
    out.push(text(x + barWidth / 2, y(column.value) - 6, column.valueText, 'value', 'middle'));
    out.push(text(x + barWidth / 2, height - bottom + 18, column.label, 'axis', 'middle'));
  });
  out.push(`<line x1="${left}" x2="${width - right}" y1="${n(y(0))}" y2="${n(y(0))}" class="baseline"/>`);
  out.push('</svg>');
  return out.join('');
}

export interface WeekColumn {
  label: string;
  /** Reply rate 0–1, or null. */
  rate: number | null;
  rateText: string;
  /** Median first response in minutes, or null. */
  median: number | null;
  medianText: string;
  rateTone: Tone;
  medianTone: Tone;
  title: string;
  data: Record<string, string | number | null>;
}

export interface WeekChartLabels {
  chart: string;
  rate: string;
  median: string;
  /** Tick labels of the time axis, by minutes, and of the rate axis, by share. */
  timeTick: (minutes: number) => string;
  rateTick: (share: number) => string;
}

/**
 * Two aligned panels over the same weeks: the reply rate (0–100 %) and the median first response on a
 * logarithmic time axis (minutes to days read on one scale). A week without a value has no bar.
 */
export function weekChart(weeks: readonly WeekColumn[], labels: WeekChartLabels, timeTicks: readonly number[]): string {
  const width = 680;
  const left = 60;
  const right = 8;
  const panel = 110;
  const gap = 52;
  const top = 40;
  const axis = 34;
  const height = top + panel + gap + panel + axis;
  const slot = (width - left - right) / Math.max(1, weeks.length);
  const barWidth = Math.min(44, slot * 0.7);
  const showValues = slot >= 34;
  const labelEvery = Math.max(1, Math.ceil(60 / slot));
  const out = [svgOpen(width, height, labels.chart, 'weeks')];
  out.push(`<title>${escapeHtml(labels.chart)}</title>`);

  // Panel 1: reply rate.
  const rateY = (share: number): number => top + panel * (1 - share);
  out.push(text(left, top - 24, labels.rate, 'panel', 'start'));
  for (const share of [0, 0.5, 1]) {
    out.push(`<line x1="${left}" x2="${width - right}" y1="${n(rateY(share))}" y2="${n(rateY(share))}" class="${share === 0 ? 'baseline' : 'grid'}"/>`);
    out.push(text(left - 6, rateY(share) + 4, labels.rateTick(share), 'tick', 'end'));
  }
  // Panel 2: median first response, log scale.
  const top2 = top + panel + gap;
  const maxMedian = Math.max(...weeks.map((w) => w.median ?? 0), timeTicks[timeTicks.length - 1] ?? 60);
  const low = 1;
  const logY = (minutes: number): number => {
    const clamped = Math.min(maxMedian, Math.max(low, minutes));
    return top2 + panel * (1 - Math.log(clamped / low) / Math.log(maxMedian / low));
  };
  out.push(text(left, top2 - 24, labels.median, 'panel', 'start'));
  out.push(`<line x1="${left}" x2="${width - right}" y1="${n(top2 + panel)}" y2="${n(top2 + panel)}" class="baseline"/>`);
  for (const tick of timeTicks) {
    out.push(`<line x1="${left}" x2="${width - right}" y1="${n(logY(tick))}" y2="${n(logY(tick))}" class="grid"/>`);
    out.push(text(left - 6, logY(tick) + 4, labels.timeTick(tick), 'tick', 'end'));
  }

  weeks.forEach((week, k) => {
    const x = left + slot * k + (slot - barWidth) / 2;
    const centre = x + barWidth / 2;
    out.push(`<g class="week"${dataAttributes(week.data)}><title>${escapeHtml(week.title)}</title>`);
    if (week.rate !== null) {
      const y = rateY(week.rate);
      out.push(
        `<rect x="${n(x)}" y="${n(y)}" width="${n(barWidth)}" height="${n(top + panel - y)}" class="bar tone-${week.rateTone}" data-rate="${week.rate}"/>`,
      );
    }
    if (showValues || week.rate === null) out.push(text(centre, (week.rate === null ? top + panel : rateY(week.rate)) - 4, week.rateText, 'value', 'middle'));
    if (week.median !== null) {
      const y = logY(week.median);
      out.push(
        `<rect x="${n(x)}" y="${n(y)}" width="${n(barWidth)}" height="${n(Math.max(1, top2 + panel - y))}" class="bar tone-${week.medianTone}" data-median="${week.median}"/>`,
      );
    }
    if (showValues || week.median === null)
      out.push(text(centre, (week.median === null ? top2 + panel : logY(week.median)) - 4, week.medianText, 'value', 'middle'));
    if (k % labelEvery === 0) out.push(text(centre, top2 + panel + 18, week.label, 'axis', 'middle'));
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('');
}

export interface GroupRow {
  label: string;
  countText: string;
  rate: number | null;
  rateText: string;
  rateTone: Tone;
  median: number | null;
  medianText: string;
  medianTone: Tone;
  title: string;
  data: Record<string, string | number | null>;
}

export interface GroupChartLabels {
  chart: string;
  group: string;
  count: string;
  rate: string;
  median: string;
}

/**
 * One row per group (platform, star rating): its name, how many conversations, a reply-rate bar and a
 * median-first-response bar on a logarithmic time axis shared by every row.
 */
export function groupChart(rows: readonly GroupRow[], labels: GroupChartLabels, maxMinutes: number): string {
  const width = 680;
  const rowHeight = 26;
  const head = 24;
  const height = head + rowHeight * rows.length + 6;
  const countRight = 200;
  const rateX = 214;
  const barSpan = 150;
  const medianX = 440;
  const out = [svgOpen(width, height, labels.chart, 'groups')];
  out.push(`<title>${escapeHtml(labels.chart)}</title>`);
  out.push(text(0, 14, labels.group, 'panel', 'start'));
  out.push(text(countRight, 14, labels.count, 'panel', 'end'));
  out.push(text(rateX, 14, labels.rate, 'panel', 'start'));
  out.push(text(medianX, 14, labels.median, 'panel', 'start'));
  const top = Math.max(60, maxMinutes);
  const logWidth = (minutes: number): number => (barSpan * Math.log(1 + Math.max(0, minutes))) / Math.log(1 + top);
  rows.forEach((row, k) => {
    const y = head + rowHeight * k;
    const mid = y + rowHeight / 2;
    out.push(`<g class="group"${dataAttributes(row.data)}><title>${escapeHtml(row.title)}</title>`);
    if (k % 2 === 0) out.push(`<rect x="0" y="${n(y)}" width="${width}" height="${rowHeight}" class="stripe"/>`);
    out.push(text(4, mid + 4, row.label, 'label', 'start'));
    out.push(text(countRight, mid + 4, row.countText, 'value', 'end'));
    out.push(`<rect x="${rateX}" y="${n(mid - 6)}" width="${barSpan}" height="12" rx="2" class="track"/>`);
    if (row.rate !== null && row.rate > 0) {
      out.push(
        `<rect x="${rateX}" y="${n(mid - 6)}" width="${n(barSpan * Math.min(1, row.rate))}" height="12" rx="2" class="bar tone-${row.rateTone}" data-rate="${row.rate}"/>`,
      );
    }
    out.push(text(rateX + barSpan + 6, mid + 4, row.rateText, 'value', 'start'));
    out.push(`<rect x="${medianX}" y="${n(mid - 6)}" width="${barSpan}" height="12" rx="2" class="track"/>`);
    if (row.median !== null) {
      out.push(
        `<rect x="${medianX}" y="${n(mid - 6)}" width="${n(Math.max(2, logWidth(row.median)))}" height="12" rx="2" class="bar tone-${row.medianTone}" data-median="${row.median}"/>`,
      );
    }
    out.push(text(medianX + barSpan + 6, mid + 4, row.medianText, 'value', 'start'));
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('');
}

/** Round tick values from zero up to at least `max` (1, 2 or 5 times a power of ten apart), about five. */
export function niceTicks(max: number): number[] {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const whole = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  for (let value = 0; value < max + whole; value += whole) {
    ticks.push(value);
    if (value >= max) break;
  }
  return ticks;
}
