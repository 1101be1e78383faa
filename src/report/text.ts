/**
 * The terminal report: score and category bars, key figures, the worst findings with their quoted
 * messages, warnings and input notes. Fits 80 columns; colour only when the caller enables it.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { CATEGORY_IDS, type Locale } from '../contract/ids.js';
import type { AuditResult, CategoryReport, DurationSummary, Finding } from '../contract/result.js';
import type { Catalog } from '../i18n/catalog.js';
import type { Messages } from '../i18n/en.js';
import { formatDuration, formatPercent } from '../i18n/format.js';
import { changeText, historyView } from './history-rows.js';
import type { RenderOptions, Renderer } from './types.js';

export const textRenderer: Renderer = {
  id: 'text',
  description: 'the terminal report: score, categories, key figures, the worst findings with their quotes',
  extension: 'txt',
  render: (result, options) => renderText(result, options),
};

type Labels = Messages['report'];

export function renderText(result: AuditResult, options: RenderOptions): string {
  if (options.scoreLineOnly) return `${scoreLine(result, options.catalog)}\n`;
  const chalk: ChalkInstance = new Chalk({ level: options.color ? 1 : 0 });
  const width = options.width ?? 80;
  const perRule = options.findingsPerRule ?? 3;
  const { catalog } = options;
  const locale: Locale = catalog.locale;
  const t = catalog.messages.report;
  const lines: string[] = [];
  const m = result.metrics;

  lines.push(chalk.bold(`${t.title} · ${result.brand.handles.map((h) => `@${h.replace(/^@/, '')}`).join(' ')}`));
  const zone = result.settings.timezone;
  const when = wallClock(zone);
  lines.push(`${day(result.period.from)} → ${day(result.period.to)} (${t.asOf} ${when(result.period.asOf)} ${zone})`);
  lines.push(`${m.conversations} ${t.conversations} · ${m.posts} ${t.posts}`);
  lines.push('');
  const overallWhy = result.score === null && result.scoreReason ? chalk.dim(`(${catalog.reason(result.scoreReason)})`) : '';
  lines.push(`  ${chalk.bold(`${t.score}:`)} ${scoreText(result.score, chalk)} / 100  ${result.score === null ? overallWhy : bar(result.score, 20, chalk)}`);
  lines.push('');
  for (const id of CATEGORY_IDS) {
    const category = result.categories[id];
    const label = `  ${catalog.category(id).padEnd(24)} ${padScore(category.score, chalk)}  `;
    const why = category.reasons ? category.reasons.map((r) => catalog.reason(r)).join('; ') : t.notMeasured;
    lines.push(category.score === null ? hanging(label, why, width, chalk) : label + bar(category.score, 20, chalk) + chalk.dim(` n=${category.cases}`));
    // The rules behind the category, so a reader can check the score without the JSON.
    for (const rule of category.rules) {
      const head = `      ${clip(catalog.ruleTitle(rule.id), 36).padEnd(36)} ${padScore(rule.score, chalk)}`;
      const basis =
        rule.score === null
          ? rule.reason
            ? catalog.reason(rule.reason)
            : t.notMeasured
          : `${catalog.messages.rulesListing.weight} ${rule.weight.toLocaleString(locale === 'es' ? 'es-ES' : 'en-US')} · n=${rule.cases ?? '—'}`;
      lines.push(hanging(`${head}  `, basis, width, chalk));
    }
  }
  const scored = CATEGORY_IDS.filter((id) => result.categories[id].score !== null && result.categories[id].weight > 0);
  lines.push(chalk.dim(wrapIndent(`  ${t.basis}: ${scored.length > 0 ? scored.map((id) => catalog.category(id)).join(', ') : t.noneYet}.`, width, '  ')));
  lines.push('');

  lines.push(chalk.bold(t.keyFigures));
  lines.push(
    wrapIndent(
      `  ${t.needing.padEnd(LABEL)} ${m.needingReply} ${t.of} ${m.conversations} · ${t.answered} ${m.answered} · ${t.ignored} ${m.ignored} · ${t.pending} ${m.pending}`,
      width,
      ' '.repeat(LABEL + 3),
    ),
  );
  lines.push(`  ${t.repliedTo.padEnd(LABEL)} ${m.repliedTo} ${t.of} ${m.conversations}  ${chalk.dim(`(${t.repliedToHow})`)}`);
  lines.push(`  ${t.replyRate.padEnd(LABEL)} ${formatPercent(m.replyRate, locale)}  ${chalk.dim(`(${t.replyRateHow})`)}`);
  lines.push(...durationLines(t.firstReply, m.firstResponseMinutes, result.settings.slaMinutes, t, width, locale));
  const business = m.firstResponseBusinessMinutes;
  if (business) lines.push(...durationLines(t.businessFirstReply, business, result.settings.slaMinutes, t, width, locale));
  lines.push(...durationLines(t.followUps, m.followUpResponseMinutes, result.settings.slaMinutes, t, width, locale));
  lines.push(`  ${t.automated.padEnd(LABEL)} ${m.automatedReplies}  ${chalk.dim(`(${t.automatedHow})`)}`);
  lines.push('');
  if (result.history) lines.push(...historyLines(result, catalog, chalk, width));

  lines.push(chalk.bold(t.worst));
  let shown = 0;
  for (const id of CATEGORY_IDS) {
    const category: CategoryReport = result.categories[id];
    for (const rule of category.rules) {
      const findings = result.findings.filter((f) => f.ruleId === rule.id && !f.pending).sort((a, b) => a.rank - b.rank);
      if (rule.findingCount === 0) continue;
      lines.push(`  ${chalk.bold(`${catalog.category(id)} · ${catalog.ruleTitle(rule.id)}`)} ${chalk.dim(`(${rule.findingCount})`)}`);
      for (const finding of findings.slice(0, perRule)) {
        lines.push(...findingLines(finding, catalog, chalk, width, t.thread, when));
        shown++;
      }
      const rest = rule.findingCount - Math.min(perRule, findings.length);
      if (rest > 0) lines.push(chalk.dim(`    … ${rest} ${t.more}`));
    }
  }
  if (shown === 0) lines.push(`  ${t.none}`);

  // Not (yet) a problem: promises not due, conversations inside the grace window. Listed apart, never scored.
  const watch = result.findings.filter((f) => f.pending);
  const watchTotal = CATEGORY_IDS.reduce((sum, id) => sum + result.categories[id].rules.reduce((n, r) => n + (r.watchCount ?? 0), 0), 0);
  if (watchTotal > 0) {
    lines.push('');
    lines.push(chalk.bold(`${t.watchList} (${watchTotal})`));
    for (const finding of watch.slice(0, perRule * 2)) lines.push(...findingLines(finding, catalog, chalk, width, t.thread, when));
    const rest = watchTotal - Math.min(perRule * 2, watch.length);
    if (rest > 0) lines.push(chalk.dim(`    … ${rest} ${t.more}`));
  }

  const notes = result.inputs.flatMap((input) => input.notes.map((note) => `${input.path}: ${catalog.note(note)}`)).concat(result.settings.notes);
  lines.push('');
  lines.push(chalk.bold(t.input));
  for (const input of result.inputs)
    lines.push(
      clip(`  ${input.path} · ${input.format} · ${input.posts} ${t.posts}${input.warnings ? ` · ${input.warnings} ${t.warnings.toLowerCase()}` : ''}`, width),
    );
  for (const note of notes) lines.push(chalk.dim(wrapIndent(`  - ${note}`, width, '    ')));
  const warningTotal = Object.values(result.warningCounts).reduce((a, b) => a + b, 0);
  if (warningTotal > 0) {
    lines.push('');
    lines.push(
      chalk.yellow(
        `${t.warnings}: ${warningTotal} (${Object.entries(result.warningCounts)
          .map(([code, n]) => `${n} ${code}`)
          .join(', ')})`,
      ),
    );
    for (const warning of result.warnings.slice(0, 5)) {
      lines.push(chalk.dim(clip(`  ${warning.input}${warning.line ? `:${warning.line}` : ''} ${warning.code}: ${catalog.warning(warning)}`, width)));
    }
    if (result.warnings.length > 5) lines.push(chalk.dim(`  … ${t.more}`));
  }
  return `${lines.map(safeForTerminal).join('\n')}\n`;
}

/**
 * Control characters from the data (an author or a post holding ESC sequences) must not reach the
 * terminal: they could retitle the window, clear the screen or fake output. Our own colour codes are
 * added by chalk around the user text and survive; bare ESC, other C0/C1 controls and bidi overrides
 * inside user text are shown as "�".
 */
export function safeForTerminal(line: string): string {
  return line.replace(/\u001b(?!\[[0-9;]*m)|[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
}

function durationLines(label: string, s: DurationSummary, sla: number, t: Labels, width: number, locale: Locale): string[] {
  if (s.count === 0) return [`  ${label.padEnd(LABEL)} ${t.noData}`];
  const text = `${t.median} ${formatDuration(s.median!)} · p90 ${formatDuration(s.p90!)} · ${t.within} ${formatDuration(sla)} ${formatPercent(s.withinTarget, locale)} · ${t.within} 24 h ${formatPercent(s.within24h, locale)} (n=${s.count})`;
  return [wrapIndent(`  ${label.padEnd(LABEL)} ${text}`, width, ' '.repeat(LABEL + 3))];
}

/** "2026-10-02 10:19" in the brand's zone: the report speaks the brand's local time, the JSON stays UTC. */
function wallClock(zone: string): (iso: string) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  } catch {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'UTC',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  }
  return (iso) => {
    const parts = Object.fromEntries(format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  };
}

function findingLines(finding: Finding, catalog: Catalog, chalk: ChalkInstance, width: number, threadLabel: string, when: (iso: string) => string): string[] {
  const icon = finding.severity === 'error' ? chalk.red('✖') : finding.severity === 'warning' ? chalk.yellow('▲') : chalk.blue('ℹ');
  const where = ` · ${threadLabel} ${finding.threadId}`;
  // The whole explanation, wrapped, never cut; the icon is one visible character whatever its colour codes.
  const wrapped = wrapWords(`    ? ${catalog.finding(finding)}${where}`, width, '      ');
  const out = [wrapped.replace('?', icon)];
  for (const evidence of finding.evidence) {
    const who = `${evidence.role === 'brand' ? '▸' : '◂'} @${evidence.author.replace(/^@/, '')}`;
    const at = when(evidence.createdAt);
    const head = `      ${who} ${chalk.dim(at)} `;
    const visibleHead = `      ${who} ${at} `;
    const room = Math.max(20, width - visibleHead.length);
    const text = evidence.text.replace(/\s+/g, ' ').trim();
    const quoted =
      text === ''
        ? chalk.dim(catalog.messages.report.noText)
        : quoteAround(text, typeof finding.data.quote === 'string' ? finding.data.quote : undefined, room);
    out.push(head + quoted);
  }
  return out;
}

/**
 * `prefix` then `text` dimmed, wrapped under its own first column: a reason is never cut, because it is
 * the only place the reader learns why a score is missing.
 */
function hanging(prefix: string, text: string, width: number, chalk: ChalkInstance): string {
  const column = graphemes(stripAnsi(prefix)).length;
  const indent = ' '.repeat(column);
  const room = Math.max(20, width - column);
  const body = wrapWords(text, room, '').split('\n');
  return body.map((line, k) => (k === 0 ? prefix : indent) + chalk.dim(line)).join('\n');
}

const ANSI_SGR = /\u001b\[[0-9;]*m/g;
function stripAnsi(text: string): string {
  return text.replace(ANSI_SGR, '');
}

/**
 * The whole audit in one line, for a cron log: brand, score, each category, the n and "now". Plain text,
 * no colours, nothing from the posts but the handles (made safe for the terminal).
 */
export function scoreLine(result: AuditResult, catalog: Catalog): string {
  const t = catalog.messages.report;
  const number = (value: number | null): string => (value === null ? '—' : value.toLocaleString(catalog.locale === 'es' ? 'es-ES' : 'en-US'));
  const categories = CATEGORY_IDS.map((id) => `${catalog.category(id)} ${number(result.categories[id].score)}`).join(' · ');
  const brand = result.brand.handles.map((h) => `@${h.replace(/^@/, '')}`).join(' ');
  const asOf = result.period.asOf.slice(0, 16).replace('T', ' ');
  return safeForTerminal(
    `${brand} · ${t.score} ${number(result.score)}/100 · ${categories} · ${result.metrics.conversations} ${t.conversations} · ${t.asOf} ${asOf} UTC`,
  );
}

/** Width of the key-figure labels ("Respuestas automáticas"). */
const LABEL = 22;

function padScore(score: number | null, chalk: ChalkInstance): string {
  const text = score === null ? '—' : String(Math.round(score));
  return ' '.repeat(3 - text.length) + (score === null ? text : scoreText(score, chalk));
}

function scoreText(score: number | null, chalk: ChalkInstance): string {
  if (score === null) return '—';
  const text = String(Math.round(score));
  const color = score >= 80 ? chalk.green : score >= 50 ? chalk.yellow : chalk.red;
  return color(text.padStart(3)).trimStart();
}

function bar(score: number | null, size: number, chalk: ChalkInstance): string {
  if (score === null) return '';
  const filled = Math.round((score / 100) * size);
  const color = score >= 80 ? chalk.green : score >= 50 ? chalk.yellow : chalk.red;
  return color('█'.repeat(filled)) + chalk.dim('░'.repeat(size - filled));
}

function day(iso: string | null): string {
  return iso === null ? '—' : iso.slice(0, 10);
}

const graphemer = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** User-perceived characters: an emoji with its skin tone or a letter with its accent is one. */
function graphemes(text: string): string[] {
  return Array.from(graphemer.segment(text), (g) => g.segment);
}

/** Cuts a line to `max` visible characters on grapheme boundaries, so no emoji or accent is split. */
function clip(text: string, max: number): string {
  const chars = graphemes(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/**
 * The evidence text in quotes, cut to `max` characters around the judged phrase when there is one, so the
 * words the finding is about are always visible ("…pues no sea pendejo y lea…").
 */
export function quoteAround(text: string, phrase: string | undefined, max: number): string {
  const chars = graphemes(text);
  if (chars.length + 2 <= max) return `"${text}"`;
  const inner = Math.max(3, max - 2);
  const at = phrase ? text.toLowerCase().indexOf(phrase.toLowerCase()) : -1;
  if (at < 0) return `"${chars.slice(0, inner - 1).join('')}…"`;
  // Grapheme index of the phrase and its length in graphemes.
  const start = graphemes(text.slice(0, at)).length;
  const length = graphemes(phrase!).length;
  if (start + length <= inner - 1) return `"${chars.slice(0, inner - 1).join('')}…"`;
  // Centre the phrase with "…" on both sides; at the end of the text only the left one is needed.
  const window = inner - 2;
  const from = Math.max(0, start - Math.floor(Math.max(0, window - length) / 2));
  if (from + window >= chars.length) return `"…${chars.slice(chars.length - (inner - 1)).join('')}"`;
  return `"…${chars.slice(from, from + window).join('')}…"`;
}

/** Wraps a long line at spaces, indenting the continuation lines; a word longer than the line is cut. */
function wrapWords(text: string, width: number, indent: string): string {
  if (graphemes(text).length <= width) return text;
  const lead = /^ */.exec(text)![0];
  const [first = '', ...words] = text.slice(lead.length).split(' ');
  const lines: string[] = [];
  let current = lead + first;
  for (const word of words) {
    const candidate = `${current} ${word}`;
    if (graphemes(candidate).length > width) {
      lines.push(current);
      current = clip(indent + word, width);
    } else current = candidate;
  }
  lines.push(current);
  return lines.join('\n');
}

/** Wraps a long line at its " · " separators (or spaces), indenting the continuation lines. */
function wrapIndent(text: string, width: number, indent: string): string {
  if (graphemes(text).length <= width) return text;
  const separator = text.includes(' · ') ? ' · ' : ' ';
  const parts = text.split(separator);
  const lines: string[] = [];
  let current = parts[0]!;
  for (const part of parts.slice(1)) {
    if (graphemes(current).length + separator.length + graphemes(part).length > width) {
      lines.push(current);
      current = indent + part;
    } else current += separator + part;
  }
  lines.push(current);
  return lines.join('\n');
}

/** `audit --history`: the rows of history-rows.ts, coloured by whether each change is better or worse. */
function historyLines(result: AuditResult, catalog: Catalog, chalk: ChalkInstance, width: number): string[] {
  const view = historyView(result, catalog)!;
  const h = catalog.messages.history;
  if (view.previousAsOf === undefined) return [chalk.bold(h.sincePrevious), `  ${h.firstRun}`, ''];
  const when = wallClock(result.settings.timezone);
  const earlier = catalog.fill(h.earlierRuns, { n: view.earlierRuns });
  const out = [
    chalk.bold(h.sincePrevious),
    chalk.dim(wrapIndent(`  ${catalog.fill(h.previousAsOf, { asOf: when(view.previousAsOf) })} · ${earlier}`, width, '  ')),
  ];
  const paint = { better: chalk.green, worse: chalk.red, unchanged: chalk.dim, moved: (s: string) => s };
  for (const row of view.rows)
    out.push(
      wrapIndent(`  ${clip(row.label, 24).padEnd(24)} ${row.then} → ${row.now}  ${paint[row.verdict](changeText(row, catalog))}`, width, ' '.repeat(27)),
    );
  out.push('');
  return out;
}
