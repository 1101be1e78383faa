/**
 * "Lo prometido es deuda": a brand promise is a first-person commitment ("te llamamos", "we'll refund")
 * and a deadline in the same sentence ("mañana", "antes del viernes", "en 48 horas", "within 3-5
 * business days"). The deadline is resolved to a calendar day in the brand's time zone; "en breve",
 * "asap" and other vague times do not make a promise with a deadline.
 *
 * Own rules rather than chrono-node: nlp.md lists its gaps on exactly these phrases (past "viernes",
 * "pasado mañana", "la próxima semana", "3 a 5 días laborables", "by end of day"), and the few patterns a
 * care reply uses are easier to check as data plus a small resolver.
 */
import { lexiconFor } from './text-signals.js';
import { MAX_ANALYSED_CHARS, tokenize, withoutMentions, type Token } from './tokens.js';
import { lookupTable } from '../lookup.js';

export interface PromiseHit {
  /** The commitment words, as written. */
  commitment: string;
  /** The deadline words, as written. */
  when: string;
  /** The last local calendar day that keeps the promise, YYYY-MM-DD. */
  deadline: string;
}

const WEEKDAYS = lookupTable<number>({
  domingo: 0, lunes: 1, martes: 2, miercoles: 3, jueves: 4, viernes: 5, sabado: 6,
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
});

const NUMBER_WORDS = lookupTable<number>({
  un: 1, una: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, diez: 10, quince: 15,
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10,
});

const MINUTE_UNITS = new Set(['min', 'mins', 'minuto', 'minutos', 'minute', 'minutes']);
const HOUR_UNITS = new Set(['h', 'hs', 'hr', 'hrs', 'hora', 'horas', 'hour', 'hours']);
const DAY_UNITS = new Set(['dia', 'dias', 'day', 'days']);
const BUSINESS = new Set(['laborable', 'laborables', 'habil', 'habiles', 'business', 'working']);
const WEEK_UNITS = new Set(['semana', 'semanas', 'week', 'weeks']);

/** A local calendar date as days since the epoch, and back. */
function dayNumber(ms: number, offsetMinutes: number): number {
  return Math.floor((ms + offsetMinutes * 60000) / 86_400_000);
}

function dateOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function weekday(day: number): number {
  return (day + 4) % 7; // 1970-01-01 was a Thursday
}

function addBusinessDays(day: number, n: number): number {
  let d = day;
  let left = n;
  while (left > 0) {
    d++;
    const w = weekday(d);
    if (w !== 0 && w !== 6) left--;
  }
  return d;
}

/**
 * Finds a promise with a deadline. `postedAt` is the post time (epoch ms) and `offsetMinutes` the brand's
 * UTC offset at that time, which decides what "mañana" means.
 */
export function detectPromise(fullText: string, postedAt: number, offsetMinutes: number): PromiseHit | null {
  // Bounded like every signal: a megabyte post is judged on its start, in linear time.
  const bounded = fullText.length > MAX_ANALYSED_CHARS ? fullText.slice(0, MAX_ANALYSED_CHARS) : fullText;
  // Whether a text holds a promise does not depend on when it was posted, only its deadline does: the
  // reading is cached per text (@mentions aside, which no rule reads), the date arithmetic is not.
  const text = withoutMentions(bounded);
  let candidates = readings.get(text);
  if (!candidates) {
    candidates = readCandidates(text);
    if (readings.size < READING_CACHE) readings.set(text, candidates);
  }
  if (candidates.length === 0) return null;
  const today = dayNumber(postedAt, offsetMinutes);
  for (const candidate of candidates) {
    // Spoken days first ("el viernes"), then amounts of time ("en 48 horas"), latest bound wins.
    let best: { day: number; when: string } | null = null;
    for (const d of candidate.deadlines) {
      const day = resolvePhrase(d.phrase, today);
      if (day !== null && (!best || day > best.day)) best = { day, when: d.when };
    }
    const amount = resolveAmount(candidate.tokens, text, today, postedAt, offsetMinutes);
    if (amount && (!best || amount.day > best.day)) best = amount;
    const date = resolveDate(candidate.tokens, text, today);
    if (date && (!best || date.day > best.day)) best = date;
    if (best) return { commitment: candidate.commitment, when: best.when, deadline: dateOf(best.day) };
  }
  return null;
}

interface Candidate {
  commitment: string;
  /** Deadline phrases of the commitment's sentence, with their words as written. */
  deadlines: { phrase: string; when: string }[];
  /** The sentence's tokens, where amounts ("48 horas") and dates ("el 30 de abril") are read. */
  tokens: Token[];
}

const readings = new Map<string, Candidate[]>();
const READING_CACHE = 50_000;
const MAX_COMMITMENTS = 20;

/** Every unhedged commitment with what its sentence says about time, in text order. */
function readCandidates(text: string): Candidate[] {
  const tokens = tokenize(text);
  const matches = lexiconFor('promise').match(tokens, text);
  const commitments: { start: number; end: number }[] = matches.filter((m) => m.entry.kind === 'commitment' && m.entry.weight >= 0.5);
  commitments.push(...futureVerbs(tokens, text));
  commitments.sort((a, b) => a.start - b.start);
  const candidates: Candidate[] = [];
  // A reply holds a few promises at most; a post with hundreds is not care, and each costs a sentence scan.
  for (const commitment of commitments.slice(0, MAX_COMMITMENTS)) {
    const sentence = sentenceBounds(text, commitment.start);
    if (hedged(tokens, text, sentence, commitment)) continue;
    candidates.push({
      commitment: text.slice(commitment.start, commitment.end),
      deadlines: matches.filter((m) => m.entry.kind === 'deadline' && m.start >= sentence.start && m.end <= sentence.end).map((m) => ({ phrase: m.entry.phrase, when: text.slice(m.start, m.end) })),
      tokens: tokens.filter((t) => t.start >= sentence.start && t.end <= sentence.end),
    });
  }
  return candidates;
}

/**
 * Commitments the lexicon cannot list one by one: Spanish futures of the brand or aimed at the customer
 * ("enviaremos", "tendrás", "llegará"), and a clitic plus a first-person plural or third-person present
 * used as a future ("te hacemos el abono", "te escribe el equipo", "le marcamos").
 */
function futureVerbs(tokens: Token[], text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  tokens.forEach((token, k) => {
    const form = token.form;
    // Only the clitics that point at the customer: "se activa", "la tarifa" are not commitments.
    const clitic = k > 0 && /^(?:te|le|os)$/.test(tokens[k - 1]!.form);
    const written = text.slice(token.start, token.end);
    // Futures carry their accent in writing (llegará, tendrás, cerrarán); "-remos" needs none.
    // "tienes el reembolso el lunes" is a promise; "tienes hasta el viernes para pagar" is the customer's deadline.
    const customersDeadline = /^(?:tienes|tendras)$/.test(form) && /^(?:hasta|que|de)$/.test(tokens[k + 1]?.form ?? '');
    if (!customersDeadline && ((form.length >= 4 && /r(?:á|ás|án)$/.test(written)) || (form.length >= 6 && /remos$/.test(form)) || /^(?:tienes|recibes|tendras|recibiras)$/.test(form))) {
      out.push({ start: token.start, end: token.end });
    } else if (clitic && form.length >= 4 && /(?:amos|emos|imos|a|e|as|es)$/.test(form) && !/^(?:que|de|se|le|me|te|la|las|les|una|esta|esa|estas|esas|pena|nada|toda|cada|mas|tres|antes|veces|meses)$/.test(form)) {
      out.push({ start: tokens[k - 1]!.start, end: token.end });
    }
  });
  return out;
}

/**
 * Not a promise: a condition ("si nos mandas…", "si nos da tiempo") or something already done ("ya te
 * enviamos"). "Sí, mañana te llamamos" keeps its promise: an accented or comma-followed "sí" is assent.
 */
function hedged(tokens: Token[], text: string, sentence: { start: number; end: number }, commitment: { start: number; end: number }): boolean {
  const commitmentStart = commitment.start;
  // A future ("te llamaremos", "we'll call") is still to come even after "hemos registrado tu incidencia".
  const future = /r(?:á|ás|án)$|remos$|\b(?:will|'ll)\b|^vamos a/i.test(text.slice(commitment.start, commitment.end));
  // An offer phrased as a question ("¿quieres que te llamemos mañana?") promises nothing yet.
  if (/[?¿]/.test(text.slice(sentence.start, Math.min(text.length, sentence.end + 1)))) return true;
  const inSentence = tokens.filter((t) => t.start >= sentence.start && t.end <= sentence.end);
  for (let k = 0; k < inSentence.length; k++) {
    const token = inSentence[k]!;
    const next = inSentence.slice(k + 1, k + 4).map((t) => t.form).join(' ');
    const assent = text[token.start + 1] === 'í' || /^\s*[,.!]/.test(text.slice(token.end, token.end + 2));
    // "si"/"cuando"/"if" opening a condition before the commitment, or a hedge after it ("si nos da tiempo").
    if ((token.form === 'si' && !assent) || token.form === 'cuando' || token.form === 'if' || token.form === 'once') {
      if (token.start < commitmentStart || /^(?:nos da tiempo|es posible|podemos|puedo|hay)/.test(next)) return true;
    }
    // Already done ("ya te enviamos", "le hemos llamado esta tarde", "we have sent").
    if (token.form === 'ayer' || token.form === 'yesterday') return true;
    if (!future && (token.form === 'ya' || token.form === 'hemos' || token.form === 'already')) return true;
  }
  return false;
}

const MONTHS = lookupTable<number>({
  enero: 0, febrero: 1, marzo: 2, abril: 3, mayo: 4, junio: 5, julio: 6, agosto: 7, septiembre: 8, setiembre: 8, octubre: 9, noviembre: 10, diciembre: 11,
  january: 0, february: 1, march: 2, april: 3, may: 4, june: 5, july: 6, august: 7, september: 8, october: 9, november: 10, december: 11,
});

/** "el 30 de abril", "antes del día 15", "by the 30th", "on March 2": the next such day. */
function resolveDate(tokens: Token[], text: string, today: number): { day: number; when: string } | null {
  const now = new Date(today * 86_400_000);
  for (let i = 0; i < tokens.length; i++) {
    const m = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(tokens[i]!.form);
    if (!m) continue;
    const dom = Number(m[1]);
    if (dom < 1 || dom > 31) continue;
    const prev = tokens[i - 1]?.form;
    const prev2 = tokens[i - 2]?.form;
    let month: number | undefined;
    let end = i;
    if (tokens[i + 1]?.form === 'de' && tokens[i + 2] && MONTHS[tokens[i + 2]!.form] !== undefined) {
      month = MONTHS[tokens[i + 2]!.form];
      end = i + 2;
    } else if (prev !== undefined && MONTHS[prev] !== undefined) {
      month = MONTHS[prev];
    } else if (!(prev === 'dia' || prev === 'the' || (prev === 'el' && prev2 !== undefined) || prev === 'del')) {
      continue;
    }
    // The next such day from today; "el 31" skips months without a 31st instead of rolling into the next.
    let year = now.getUTCFullYear();
    let monthIndex = month ?? now.getUTCMonth();
    let candidate = Number.NaN;
    for (let tries = 0; tries < 24; tries++) {
      const date = new Date(Date.UTC(year, monthIndex, dom));
      const fits = date.getUTCDate() === dom;
      candidate = date.getTime() / 86_400_000;
      if (fits && candidate >= today) break;
      if (month === undefined) monthIndex++;
      else year++;
    }
    if (Number.isNaN(candidate)) continue;
    return { day: candidate, when: text.slice(tokens[Math.max(0, i - 1)]!.start, tokens[end]!.end) };
  }
  return null;
}

function sentenceBounds(text: string, at: number): { start: number; end: number } {
  let start = at;
  while (start > 0 && !'.!?\n'.includes(text[start - 1]!)) start--;
  let end = at;
  while (end < text.length && !'.!?\n'.includes(text[end]!)) end++;
  return { start, end };
}

/** A lexicon deadline phrase → the last local day it allows. */
function resolvePhrase(phrase: string, today: number): number | null {
  const words = tokenize(phrase).map((t) => t.form);
  const joined = words.join(' ');
  const last = words[words.length - 1]!;
  if (/pasado mañana|day after tomorrow/.test(joined)) return today + 2;
  if (/\b(?:mañana|tomorrow)\b/.test(joined) && !/esta mañana|this morning/.test(joined)) return today + 1;
  if (/primera hora|first thing/.test(joined)) return today + 1;
  if (/semana que viene|proxima semana|semana proxima|next week/.test(joined)) return today + (7 - weekday(today)) % 7 + 7;
  if (/esta semana|this week|a lo largo de la semana|end of (?:the )?week|fin de semana|weekend/.test(joined)) return today + ((7 - weekday(today)) % 7);
  if (/(?:este|this|fin de|final de|end of the) ?mes|month/.test(joined)) {
    const date = new Date(today * 86_400_000);
    return dayNumber(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0), 0);
  }
  if (last in WEEKDAYS) {
    const ahead = (WEEKDAYS[last]! - weekday(today) + 7) % 7 || 7;
    return today + ahead;
  }
  if (/hoy|today|tonight|esta (?:tarde|noche|mañana)|this (?:afternoon|evening|morning)|end of (?:the )?day|eod|close of business|ahora mismo|ahorita mismo|en el dia|a lo largo del dia|ultima hora|later today|within the hour/.test(joined)) return today;
  return null;
}

/** "en 48 horas", "within 24 hours", "en 3-5 días laborables", "in 2 business days", "en dos semanas". */
function resolveAmount(tokens: Token[], text: string, today: number, postedAt: number, offsetMinutes: number): { day: number; when: string } | null {
  let best: { day: number; when: string } | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const compact = /^(\d{1,3})h$/.exec(tokens[i]!.form); // "24h"
    if (compact) {
      const day = dayNumber(postedAt + Number(compact[1]) * 3_600_000, offsetMinutes);
      if (!best || day > best.day) best = { day, when: text.slice(tokens[i]!.start, tokens[i]!.end) };
      continue;
    }
    const n = quantity(tokens[i]!.form);
    if (n === null) continue;
    // A range "3 a 5", "3-5", "entre 3 y 5", "3 to 5": take the upper bound.
    let k = i + 1;
    let value = n;
    const joiner = tokens[k]?.form;
    if ((joiner === 'a' || joiner === 'y' || joiner === 'to' || joiner === 'or' || joiner === 'o') && quantity(tokens[k + 1]?.form ?? '') !== null) {
      value = quantity(tokens[k + 1]!.form)!;
      k += 2;
    } else if (quantity(tokens[k]?.form ?? '') !== null && text.slice(tokens[i]!.end, tokens[k]!.start).trim() === '-') {
      value = quantity(tokens[k]!.form)!;
      k += 1;
    }
    const unit = tokens[k]?.form;
    const after = tokens[k + 1]?.form;
    if (unit === undefined) continue;
    let day: number | null = null;
    if (MINUTE_UNITS.has(unit)) day = dayNumber(postedAt + value * 60_000, offsetMinutes);
    else if (HOUR_UNITS.has(unit)) day = dayNumber(postedAt + value * 3_600_000, offsetMinutes);
    else if (DAY_UNITS.has(unit)) day = after !== undefined && BUSINESS.has(after) ? addBusinessDays(today, value) : today + value;
    else if (BUSINESS.has(unit) && after !== undefined && DAY_UNITS.has(after)) day = addBusinessDays(today, value);
    else if (WEEK_UNITS.has(unit)) day = today + 7 * value;
    if (day === null) continue;
    const endToken = BUSINESS.has(after ?? '') || (BUSINESS.has(unit) && after !== undefined) ? tokens[k + 1]! : tokens[k]!;
    const when = text.slice(tokens[i]!.start, endToken.end);
    if (!best || day > best.day) best = { day, when };
  }
  return best;
}

function quantity(form: string): number | null {
  if (/^\d{1,3}$/.test(form)) return Number(form);
  return NUMBER_WORDS[form] ?? null;
}
