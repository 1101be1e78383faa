/**
 * GitHub-flavoured Markdown, to paste into a client document, a ticket or a wiki page: the title and
 * score, a table of categories (score, n, weight), each category's rules (score, n, weight, or why there
 * is no score), key figures, the findings grouped by category and rule with their quoted messages, the
 * watch list, the inputs and the warnings. It reads only the audit result and the catalogue.
 *
 * Nothing from the data becomes live Markdown. Every text that comes from the inputs (posts, authors,
 * thread ids, file names and the finding sentences that quote them) is cleaned of control characters and
 * bidi overrides, flattened to one line, stripped of leading blanks, and every character Markdown or GitHub
 * could read as syntax is backslash-escaped (`\ ` * _ [ ] ( ) # + - ! | < > & ~ = $`, and a leading
 * "1." list marker), so no link, image, HTML tag, entity, table cell, heading, list, emphasis, math or
 * strikethrough comes from a post. GitHub also turns bare URLs, e-mail addresses, @mentions and #numbers
 * into links after parsing, where escapes no longer count: an invisible U+2060 WORD JOINER is placed in
 * "://", after "www", after "@" and after "#", so the text reads the same and links nowhere.
 *
 * Quotes longer than MAX_QUOTE graphemes are cut around the words the finding is about, never inside an
 * emoji or an accented letter. Evidence times are shown in the audit's time zone, as in the text report.
 */
import { CATEGORY_IDS, type Locale } from '../contract/ids.js';
import type { AuditResult, DurationSummary, Evidence, Finding, RuleReport } from '../contract/result.js';
import type { Catalog } from '../i18n/catalog.js';
import { formatDuration, formatPercent } from '../i18n/format.js';
import { cleanInput, DOCUMENT_LABELS, type DocumentLabels } from './labels.js';
import { changeText, historyView } from './history-rows.js';
import { quoteAround } from './text.js';
import type { RenderOptions, Renderer } from './types.js';

export const markdownRenderer: Renderer = {
  id: 'md',
  description: 'GitHub-flavoured Markdown: scores, rules, key figures and the findings with their quotes, for a document',
  extension: 'md',
  render: (result, options) => renderMarkdown(result, options),
};

/** Longest quote, in graphemes, before it is cut around the judged phrase. */
export const MAX_QUOTE = 1000;

const WORD_JOINER = '\u2060';

/**
 * Inline Markdown for a text from the data: one line, inert. The result renders as the input text (less
 * control characters, with line breaks as spaces).
 */
export function escapeMarkdown(text: string): string {
  return (
    cleanInput(text)
      .replace(/\s+/g, ' ')
      .trim()
      // Links GitHub adds after parsing: URLs, www., e-mail addresses and @mentions, #123 references.
      .replace(/:\/\//g, `:${WORD_JOINER}//`)
      .replace(/\b(www)\./gi, `$1${WORD_JOINER}.`)
      .replace(/[@#]/g, `$&${WORD_JOINER}`)
      .replace(/[\\`*_[\]()#+\-!|<>&~=$]/g, '\\$&')
      // "1. text" or "1) text" at the start of a line would be a list item.
      .replace(/^(\d+)\./, '$1\\.')
  );
}

export function renderMarkdown(result: AuditResult, options: RenderOptions): string {
  const { catalog } = options;
  const locale = catalog.locale;
  const l = DOCUMENT_LABELS[locale];
  const t = catalog.messages.report;
  const m = result.metrics;
  const when = wallClock(result.settings.timezone);
  const num = (value: number | null): string => (value === null ? '—' : localNumber(value, locale));
  const out: string[] = [];

  out.push(`# ${esc(t.title)} · ${result.brand.handles.map((h) => esc(`@${h.replace(/^@/, '')}`)).join(' ')}`, '');
  out.push(
    `${esc(l.md.period)}: ${stamp(day(result.period.from))} → ${stamp(day(result.period.to))} · ${esc(t.asOf)} ${stamp(when(result.period.asOf))} (${esc(l.md.timesIn(result.settings.timezone))}) · ${m.conversations} ${esc(t.conversations)} · ${m.posts} ${esc(t.posts)}`,
    '',
  );
  const overallWhy = result.score === null && result.scoreReason ? ` (${esc(catalog.reason(result.scoreReason))})` : '';
  out.push(`**${esc(t.score)}: ${num(result.score)} / 100**${overallWhy}`, '');

  out.push(`## ${esc(l.md.categories)}`, '');
  out.push(row([l.md.category, l.md.score, 'n', l.md.weight, l.md.whyNoScore].map(esc)), '| --- | ---: | ---: | ---: | --- |');
  for (const id of CATEGORY_IDS) {
    const category = result.categories[id];
    const why = category.score === null ? (category.reasons ? category.reasons.map((r) => catalog.reason(r)).join('; ') : t.notMeasured) : '';
    out.push(row([esc(catalog.category(id)), num(category.score), String(category.cases), num(category.weight), esc(why)]));
  }
  const scored = CATEGORY_IDS.filter((id) => result.categories[id].score !== null && result.categories[id].weight > 0);
  out.push('', `${esc(t.basis)}: ${esc(scored.length > 0 ? scored.map((id) => catalog.category(id)).join(', ') : t.noneYet)}.`, '');

  out.push(`## ${esc(l.md.rules)}`, '');
  for (const id of CATEGORY_IDS) {
    out.push(`### ${esc(catalog.category(id))}`, '');
    const rules = result.categories[id].rules;
    if (rules.length === 0) {
      out.push(esc(catalog.messages.rulesListing.noRules), '');
      continue;
    }
    out.push(row([l.md.rule, l.md.score, 'n', l.md.weight, l.md.whyNoScore].map(esc)), '| --- | ---: | ---: | ---: | --- |');
    for (const rule of rules)
      out.push(row([esc(catalog.ruleTitle(rule.id)), num(rule.score), num(rule.cases), num(rule.weight), esc(whyNoScore(rule, catalog))]));
    out.push('');
  }

  out.push(`## ${esc(t.keyFigures)}`, '');
  out.push(row([esc(l.md.figure), esc(l.md.value)]), '| --- | --- |');
  out.push(row([esc(l.csv.conversations), String(m.conversations)]));
  out.push(
    row([
      esc(t.needing),
      esc(`${m.needingReply} ${t.of} ${m.conversations} · ${t.answered} ${m.answered} · ${t.ignored} ${m.ignored} · ${t.pending} ${m.pending}`),
    ]),
  );
  out.push(row([esc(t.repliedTo), esc(`${m.repliedTo} ${t.of} ${m.conversations} (${t.repliedToHow})`)]));
  out.push(row([esc(t.replyRate), esc(`${formatPercent(m.replyRate, locale)} (${t.replyRateHow})`)]));
  out.push(row([esc(t.firstReply), esc(durationText(m.firstResponseMinutes, result.settings.slaMinutes, t, locale))]));
  if (m.firstResponseBusinessMinutes)
    out.push(row([esc(t.businessFirstReply), esc(durationText(m.firstResponseBusinessMinutes, result.settings.slaMinutes, t, locale))]));
  out.push(row([esc(t.followUps), esc(durationText(m.followUpResponseMinutes, result.settings.slaMinutes, t, locale))]));
  out.push(row([esc(t.automated), esc(`${m.automatedReplies} (${t.automatedHow})`)]), '');

  const history = historyView(result, catalog);
  if (history) {
    const h = catalog.messages.history;
    out.push(`## ${esc(h.sincePrevious)}`, '');
    if (history.previousAsOf === undefined) out.push(esc(h.firstRun), '');
    else {
      out.push(
        `${esc(catalog.fill(h.previousAsOf, { asOf: when(history.previousAsOf) }))} · ${esc(catalog.fill(h.earlierRuns, { n: history.earlierRuns }))}`,
        '',
      );
      out.push(row([l.md.figure, h.before, h.after, h.change].map(esc)), '| --- | ---: | ---: | --- |');
      for (const r of history.rows) out.push(row([esc(r.label), esc(r.then), esc(r.now), esc(changeText(r, catalog))]));
      out.push('');
    }
  }

  out.push(`## ${esc(l.md.findings)}`, '');
  const perRule = options.findingsPerRule;
  let shown = 0;
  for (const id of CATEGORY_IDS) {
    const withFindings = result.categories[id].rules.filter((rule) => rule.findingCount > 0);
    if (withFindings.length === 0) continue;
    out.push(`### ${esc(catalog.category(id))}`, '');
    for (const rule of withFindings) {
      out.push(`#### ${esc(catalog.ruleTitle(rule.id))} (${rule.findingCount})`, '');
      const problems = result.findings.filter((f) => f.ruleId === rule.id && !f.pending).sort((a, b) => a.rank - b.rank);
      const kept = perRule === undefined ? problems : problems.slice(0, perRule);
      for (const finding of kept) out.push(...findingBlock(finding, catalog, l, when, t.thread));
      shown += kept.length;
      const rest = rule.findingCount - kept.length;
      if (rest > 0) out.push(`… ${rest} ${esc(t.more)}`, '');
    }
  }
  if (shown === 0) out.push(esc(t.none), '');

  const watchTotal = CATEGORY_IDS.reduce((sum, id) => sum + result.categories[id].rules.reduce((n, r) => n + (r.watchCount ?? 0), 0), 0);
  const watch = result.findings.filter((f) => f.pending);
  if (watchTotal > 0 || watch.length > 0) {
    out.push(`## ${esc(t.watchList)} (${Math.max(watchTotal, watch.length)})`, '');
    for (const finding of watch) out.push(...findingBlock(finding, catalog, l, when, t.thread, true));
    const rest = watchTotal - watch.length;
    if (rest > 0) out.push(`… ${rest} ${esc(t.more)}`, '');
  }

  out.push(`## ${esc(t.input)}`, '');
  out.push(row([l.md.file, l.md.format, l.md.encoding, l.csv.posts, l.csv.conversations, t.warnings].map(esc)), '| --- | --- | --- | ---: | ---: | ---: |');
  for (const input of result.inputs)
    out.push(row([esc(input.path), esc(input.format), esc(input.encoding), String(input.posts), num(input.conversations ?? null), String(input.warnings)]));
  out.push('');
  const notes = result.inputs.flatMap((input) => input.notes.map((note) => `${input.path}: ${catalog.note(note)}`)).concat(result.settings.notes);
  if (notes.length > 0) {
    out.push(`${esc(t.notes)}:`, '');
    for (const note of notes) out.push(`- ${esc(note)}`);
    out.push('');
  }
  const s = result.settings;
  out.push(
    `${esc(l.md.settings)}: ${esc(
      [
        `${l.md.slaTarget}: ${formatDuration(s.slaMinutes)}`,
        `${l.md.grace}: ${formatDuration(s.graceHours * 60)}`,
        `${l.md.timezone}: ${s.timezone}`,
        `${l.md.businessHours}: ${s.businessHours ?? l.md.none}`,
      ].join(' · '),
    )}`,
    '',
  );

  const warningTotal = Object.values(result.warningCounts).reduce((a, b) => a + b, 0);
  if (warningTotal > 0) {
    out.push(`## ${esc(t.warnings)} (${warningTotal})`, '');
    out.push(
      esc(
        Object.entries(result.warningCounts)
          .map(([code, n]) => `${n} ${code}`)
          .join(', '),
      ),
      '',
    );
    for (const warning of result.warnings.slice(0, MAX_WARNINGS))
      out.push(`- ${esc(`${warning.input}${warning.line ? `:${warning.line}` : ''} · ${warning.code} · ${catalog.warning(warning)}`)}`);
    if (result.warnings.length > MAX_WARNINGS) out.push(`- … ${result.warnings.length - MAX_WARNINGS} ${esc(t.more)}`);
    out.push('');
  }

  out.push('---', '', `_${esc(l.md.generatedBy(`${result.tool.name} ${result.tool.version}`))} ${esc(l.md.quotesCut(MAX_QUOTE))}_`);
  return `${out.join('\n')}\n`;
}

/** Warnings listed one by one; the rest are counted (all of them are in the JSON report). */
const MAX_WARNINGS = 20;

const esc = escapeMarkdown;

/** A date or time the tool formatted ("2026-10-02 10:19") is written as is; anything else is escaped. */
function stamp(text: string): string {
  return /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?$|^—$/.test(text) ? text : esc(text);
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function whyNoScore(rule: RuleReport, catalog: Catalog): string {
  if (rule.failed) return `${catalog.messages.report.ruleFailed}: ${rule.failed}`;
  if (rule.score !== null) return '';
  return rule.reason ? catalog.reason(rule.reason) : catalog.messages.report.notMeasured;
}

/** "83.3" in English, "83,3" in Spanish: the digits the result holds, with the locale's decimal sign. */
function localNumber(value: number, locale: Locale): string {
  const text = String(value);
  return locale === 'es' ? text.replace('.', ',') : text;
}

function durationText(s: DurationSummary, sla: number, t: Catalog['messages']['report'], locale: Locale): string {
  if (s.count === 0 || s.median === null || s.p90 === null) return t.noData;
  return `${t.median} ${formatDuration(s.median)} · p90 ${formatDuration(s.p90)} · ${t.within} ${formatDuration(sla)} ${formatPercent(s.withinTarget, locale)} · ${t.within} 24 h ${formatPercent(s.within24h, locale)} (n=${s.count})`;
}

/** A finding as a list item with its messages quoted below it, one blockquote per post. */
function findingBlock(finding: Finding, catalog: Catalog, l: DocumentLabels, when: (iso: string) => string, threadLabel: string, withRule = false): string[] {
  const where = `${threadLabel} ${finding.threadId}`;
  const rule = withRule ? `${esc(`${catalog.category(finding.category)} · ${catalog.ruleTitle(finding.ruleId)}`)} · ` : '';
  const lines = [`- **${esc(capitalize(l.severity[finding.severity]))}** · ${rule}${esc(where)} · ${esc(catalog.finding(finding))}`];
  const phrase = typeof finding.data.quote === 'string' ? finding.data.quote : undefined;
  for (const evidence of finding.evidence) lines.push('', ...quoteBlock(evidence, phrase, l, when));
  lines.push('');
  return lines;
}

function quoteBlock(evidence: Evidence, phrase: string | undefined, l: DocumentLabels, when: (iso: string) => string): string[] {
  const text = cleanInput(evidence.text).replace(/\s+/g, ' ').trim();
  const quoted = text === '' ? '' : quoteAround(text, phrase === undefined ? undefined : cleanInput(phrase), MAX_QUOTE + 2).slice(1, -1);
  return [`  > **${esc(evidence.author)}** (${esc(l.role[evidence.role])}) · ${stamp(when(evidence.createdAt))}\\`, `  > ${quoted === '' ? '—' : esc(quoted)}`];
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function day(iso: string | null): string {
  return iso === null ? '—' : iso.slice(0, 10);
}

/** "2026-10-02 10:19" in the audit's zone (UTC when the zone is unknown). */
function wallClock(zone: string): (iso: string) => string {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-CA', { ...options, timeZone: zone });
  } catch {
    format = new Intl.DateTimeFormat('en-CA', { ...options, timeZone: 'UTC' });
  }
  return (iso) => {
    const time = new Date(iso);
    if (Number.isNaN(time.getTime())) return iso;
    const parts = Object.fromEntries(format.formatToParts(time).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  };
}
