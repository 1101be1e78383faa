/**
 * Words and text hygiene shared by the document renderers (csv, md).
 *
 * Labels: the column and heading words the catalogue (src/i18n) does not have. `Messages` is typed from
 * `en`, so a new key there is a change to both locale files; these few live here until they move under
 * `report` in `en.ts` and `es.ts`. Spanish is written for Spanish readers. Whatever the catalogue
 * already says (category names, rule titles, "Key figures", "Reply rate"…) is taken from it, not repeated.
 *
 * Text hygiene: everything that comes from the data (posts, authors, ids, file names, messages that quote
 * them) goes through `cleanInput` before any renderer-specific escaping.
 */
import type { Locale, Severity } from '../contract/ids.js';
import type { Evidence } from '../contract/result.js';

export interface DocumentLabels {
  severity: Record<Severity, string>;
  role: Record<Evidence['role'], string>;
  /** The value of a yes/no cell when true (false is an empty cell, but in the conversations table). */
  yes: string;
  no: string;
  /** A conversation's status in the conversations table. */
  status: Record<'answered' | 'ignored' | 'pending' | 'not-needed', string>;
  /** CSV column headers. `{category}` columns take the catalogue's category name. */
  csv: {
    brand: string;
    from: string;
    to: string;
    asOf: string;
    categoryScore: (category: string) => string;
    categoryCases: (category: string) => string;
    conversations: string;
    posts: string;
    needingReply: string;
    answered: string;
    repliedTo: string;
    ignored: string;
    pending: string;
    replyRate: string;
    slaMinutes: string;
    firstReplyMedian: string;
    firstReplyP90: string;
    firstReplyCount: string;
    firstReplyWithinTarget: string;
    firstReplyNeedingMedian: string;
    followUpMedian: string;
    followUpCount: string;
    automatedReplies: string;
    category: string;
    ruleId: string;
    rule: string;
    score: string;
    cases: string;
    weight: string;
    whyNoScore: string;
    findings: string;
    watchList: string;
    rank: string;
    severityColumn: string;
    message: string;
    thread: string;
    postIds: string;
    author: string;
    roleColumn: string;
    createdAt: string;
    text: string;
    source: string;
    openerId: string;
    platform: string;
    openedAt: string;
    customer: string;
    status: string;
    needsReply: string;
    needsReplyWhy: string;
    firstReplyId: string;
    firstReplyAt: string;
    firstResponseMinutes: string;
    agent: string;
    brandPosts: string;
    rating: string;
  };
  /** Markdown headings and table headers. */
  md: {
    categories: string;
    rules: string;
    findings: string;
    category: string;
    rule: string;
    score: string;
    weight: string;
    whyNoScore: string;
    figure: string;
    value: string;
    file: string;
    format: string;
    encoding: string;
    period: string;
    timesIn: (zone: string) => string;
    settings: string;
    slaTarget: string;
    grace: string;
    timezone: string;
    businessHours: string;
    none: string;
    generatedBy: (tool: string) => string;
    quotesCut: (max: number) => string;
  };
}

export const DOCUMENT_LABELS: Record<Locale, DocumentLabels> = {
  en: {
    severity: { error: 'error', warning: 'warning', info: 'info' },
    role: { brand: 'brand', customer: 'customer', other: 'other' },
    yes: 'yes',
    no: 'no',
    status: { answered: 'answered', ignored: 'ignored', pending: 'pending', 'not-needed': 'no reply needed' },
    csv: {
      brand: 'Brand handles',
      from: 'From (UTC)',
      to: 'To (UTC)',
      asOf: 'As of (UTC)',
      categoryScore: (category) => `${category}: score`,
      categoryCases: (category) => `${category}: n`,
      conversations: 'Conversations',
      posts: 'Posts',
      needingReply: 'Needing a reply',
      answered: 'Answered',
      repliedTo: 'Replied to',
      ignored: 'Ignored',
      pending: 'Pending',
      replyRate: 'Reply rate (0–1)',
      slaMinutes: 'First-reply target (min)',
      firstReplyMedian: 'First reply: median (min)',
      firstReplyP90: 'First reply: p90 (min)',
      firstReplyCount: 'First reply: n',
      firstReplyWithinTarget: 'First reply: within target (0–1)',
      firstReplyNeedingMedian: 'First reply when one was needed: median (min)',
      followUpMedian: 'Follow-ups: median (min)',
      followUpCount: 'Follow-ups: n',
      automatedReplies: 'Automated replies',
      category: 'Category',
      ruleId: 'Rule id',
      rule: 'Rule',
      score: 'Score',
      cases: 'n',
      weight: 'Weight',
      whyNoScore: 'Why no score',
      findings: 'Findings',
      watchList: 'Watch list',
      rank: 'Rank',
      severityColumn: 'Severity',
      message: 'Finding',
      thread: 'Thread',
      postIds: 'Posts',
      author: 'Author',
      roleColumn: 'Role',
      createdAt: 'Date (UTC)',
      text: 'Text',
      source: 'Source',
      openerId: 'Opening post ID',
      platform: 'Platform',
      openedAt: 'Opened at (UTC)',
      customer: 'Customer',
      status: 'Status',
      needsReply: 'Needed a reply',
      needsReplyWhy: 'Why it needed one',
      firstReplyId: 'First reply ID',
      firstReplyAt: 'First reply at (UTC)',
      firstResponseMinutes: 'First response (minutes)',
      agent: 'Agent (signature)',
      brandPosts: 'Brand posts',
      rating: 'Stars',
    },
    md: {
      categories: 'Categories',
      rules: 'Rules by category',
      findings: 'Findings',
      category: 'Category',
      rule: 'Rule',
      score: 'Score',
      weight: 'Weight',
      whyNoScore: 'Why no score',
      figure: 'Figure',
      value: 'Value',
      file: 'File',
      format: 'Format',
      encoding: 'Encoding',
      period: 'Period',
      timesIn: (zone) => `times in ${zone}`,
      settings: 'Settings',
      slaTarget: 'first-reply target',
      grace: 'grace window',
      timezone: 'time zone',
      businessHours: 'business hours',
      none: 'none',
      generatedBy: (tool) => `Generated by ${tool}.`,
      quotesCut: (max) => `Quotes longer than ${max} characters are cut around the words the finding is about.`,
    },
  },
  es: {
    severity: { error: 'error', warning: 'aviso', info: 'informativo' },
    role: { brand: 'marca', customer: 'cliente', other: 'otro' },
    yes: 'sí',
    no: 'no',
    status: { answered: 'respondida', ignored: 'ignorada', pending: 'pendiente', 'not-needed': 'no necesitaba respuesta' },
    csv: {
      brand: 'Cuentas de la marca',
      from: 'Desde (UTC)',
      to: 'Hasta (UTC)',
      asOf: 'A fecha de (UTC)',
      categoryScore: (category) => `${category}: puntuación`,
      categoryCases: (category) => `${category}: n`,
      conversations: 'Conversaciones',
      posts: 'Mensajes',
      needingReply: 'Necesitan respuesta',
      answered: 'Respondidas',
      repliedTo: 'Con respuesta',
      ignored: 'Ignoradas',
      pending: 'Pendientes',
      replyRate: 'Tasa de respuesta (0–1)',
      slaMinutes: 'Objetivo de primera respuesta (min)',
      firstReplyMedian: 'Primera respuesta: mediana (min)',
      firstReplyP90: 'Primera respuesta: p90 (min)',
      firstReplyCount: 'Primera respuesta: n',
      firstReplyWithinTarget: 'Primera respuesta: dentro del objetivo (0–1)',
      firstReplyNeedingMedian: 'Primera respuesta cuando hacía falta: mediana (min)',
      followUpMedian: 'Seguimientos: mediana (min)',
      followUpCount: 'Seguimientos: n',
      automatedReplies: 'Respuestas automáticas',
      category: 'Categoría',
      ruleId: 'Id de la regla',
      rule: 'Regla',
      score: 'Puntuación',
      cases: 'n',
      weight: 'Peso',
      whyNoScore: 'Por qué no puntúa',
      findings: 'Hallazgos',
      watchList: 'En observación',
      rank: 'Orden',
      severityColumn: 'Gravedad',
      message: 'Hallazgo',
      thread: 'Hilo',
      postIds: 'Mensajes',
      author: 'Autor',
      roleColumn: 'Rol',
      createdAt: 'Fecha (UTC)',
      text: 'Texto',
      source: 'Origen',
      openerId: 'ID del mensaje inicial',
      platform: 'Plataforma',
      openedAt: 'Abierta (UTC)',
      customer: 'Cliente',
      status: 'Estado',
      needsReply: 'Necesitaba respuesta',
      needsReplyWhy: 'Por qué la necesitaba',
      firstReplyId: 'ID de la primera respuesta',
      firstReplyAt: 'Primera respuesta (UTC)',
      firstResponseMinutes: 'Primera respuesta (minutos)',
      agent: 'Agente (firma)',
      brandPosts: 'Mensajes de la marca',
      rating: 'Estrellas',
    },
    md: {
      categories: 'Categorías',
      rules: 'Reglas por categoría',
      findings: 'Hallazgos',
      category: 'Categoría',
      rule: 'Regla',
      score: 'Puntuación',
      weight: 'Peso',
      whyNoScore: 'Por qué no puntúa',
      figure: 'Cifra',
      value: 'Valor',
      file: 'Archivo',
      format: 'Formato',
      encoding: 'Codificación',
      period: 'Periodo',
      timesIn: (zone) => `horas en ${zone}`,
      settings: 'Ajustes',
      slaTarget: 'objetivo de primera respuesta',
      grace: 'margen',
      timezone: 'zona horaria',
      businessHours: 'horario laboral',
      none: 'ninguno',
      generatedBy: (tool) => `Generado con ${tool}.`,
      quotesCut: (max) => `Las citas de más de ${max} caracteres se recortan en torno a las palabras del hallazgo.`,
    },
  },
};

/**
 * Control characters a document must never carry from the data: C0 except tab and line feed, DEL, C1,
 * and the bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069) that can make a quote read
 * backwards. Carriage returns become line feeds first, so "a\r\nb" and "a\rb" keep their line break.
 */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** A surrogate without its pair (a cut made upstream): shown as U+FFFD, never written as broken UTF-16. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text from the data, made safe to embed anywhere: controls removed, lone surrogates replaced. */
export function cleanInput(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROLS, '').replace(LONE_SURROGATE, '\ufffd');
}

const graphemer = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Cuts `text` to at most `maxUnits` UTF-16 code units (what spreadsheets count), on a grapheme boundary
 * so that no emoji, skin tone or accent is split, ending with "…" when it cut.
 */
export function clipUnits(text: string, maxUnits: number): string {
  if (text.length <= maxUnits) return text;
  let out = '';
  for (const { segment } of graphemer.segment(text)) {
    if (out.length + segment.length + 1 > maxUnits) break;
    out += segment;
  }
  return `${out}…`;
}
