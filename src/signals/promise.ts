/**
 * "Lo prometido es deuda": a brand promise is a first-person commitment ("te llamamos", "we'll refund")
 * and a deadline in the same sentence ("mañana", "antes del viernes", "en 48 horas", "within 3-5
 * business days"). The deadline is resolved to a calendar day in the brand's time zone; "en breve",
 * "asap" and other vague times do not make a promise with a deadline.
 *
 * A stated hour ("antes de las 12:00", "a las 17h", "by 5pm", "a mediodía") or an amount of hours or minutes
 * ("en 2 horas") also gives the wall time on that day (`dueTime`); see "Stated hours" below.
 *
 * Own rules rather than chrono-node: nlp.md lists its gaps on exactly these phrases (past "viernes",
 * "pasado mañana", "la próxima semana", "3 a 5 días laborables", "by end of day"), and the few patterns a
 * care reply uses are easier to check as data plus a small resolver.
 */
import type { LexiconMatch } from './lexicon.js';
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
  /**
   * The local wall time on the deadline day ("HH:MM", 24 h) by which the promise is due, when the promise
   * states an hour attached to its commitment ("te llamamos mañana antes de las 12:00") or is measured in
   * hours or minutes ("en 2 horas": postedAt + 2 h, rounded up to the minute, in the post's offset).
   */
  dueTime?: string;
  /**
   * How the hour binds: `by` = any time up to `dueTime` ("antes de las", "hasta las", "para las", "a más
   * tardar a las", "by", "before", "until", the end of "entre las 10 y las 12", "en 2 horas"); `at` = the
   * action is scheduled at `dueTime` ("a las 17h", "at 9am", "a mediodía"). Both give the same `dueTime`
   * (the latest minute that keeps the promise under a strict reading); a rule may allow an `at` promise
   * some tolerance either side.
   */
  dueTimeKind?: 'by' | 'at';
  /** The hour words as written ("antes de las 12:00", "by 5 p.m.", "2 horas"). */
  dueTimeWords?: string;
}

const WEEKDAYS = lookupTable<number>({
  domingo: 0,
  lunes: 1,
  martes: 2,
  miercoles: 3,
  jueves: 4,
  viernes: 5,
  sabado: 6,
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
});

const NUMBER_WORDS = lookupTable<number>({
  un: 1,
  una: 1,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  diez: 10,
  quince: 15,
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  ten: 10,
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
    const amount = resolveAmount(candidate.tokens, candidate.clockTokens, text, today, postedAt, offsetMinutes);
    if (amount && (!best || amount.day > best.day)) best = amount;
    const date = resolveDate(candidate.tokens, candidate.clockTokens, text, today);
    if (date && (!best || date.day > best.day)) best = date;
    if (!best) continue;
    const hit: PromiseHit = { commitment: candidate.commitment, when: best.when, deadline: dateOf(best.day) };
    // The hour on the deadline day: an amount of hours that ends on that day, or the stated hour; the later.
    let due: { minutes: number; kind: 'by' | 'at'; words: string } | null = null;
    if (amount?.instant !== undefined && amount.day === best.day) {
      const local = new Date(amount.instant + offsetMinutes * 60_000);
      due = { minutes: local.getUTCHours() * 60 + local.getUTCMinutes(), kind: 'by', words: amount.when };
    }
    if (candidate.clock && (!due || candidate.clock.minutes > due.minutes)) due = candidate.clock;
    if (due) {
      hit.dueTime = `${String(Math.floor(due.minutes / 60)).padStart(2, '0')}:${String(due.minutes % 60).padStart(2, '0')}`;
      hit.dueTimeKind = due.kind;
      hit.dueTimeWords = due.words;
    }
    return hit;
  }
  return null;
}

interface Candidate {
  commitment: string;
  /** Deadline phrases of the commitment's sentence, with their words as written. */
  deadlines: { phrase: string; when: string }[];
  /** The sentence's tokens, where amounts ("48 horas") and dates ("el 30 de abril") are read. */
  tokens: Token[];
  /** Tokens that spell a clock time ("las 17h", "14.30"), never read as an amount or a date. */
  clockTokens: ReadonlySet<Token>;
  /** The latest stated hour attached to the commitment, in minutes after local midnight. */
  clock: { minutes: number; kind: 'by' | 'at'; words: string } | null;
}

const readings = new Map<string, Candidate[]>();
const READING_CACHE = 50_000;
const MAX_COMMITMENTS = 20;

/** Every unhedged commitment with what its sentence says about time, in text order. */
function readCandidates(text: string): Candidate[] {
  const tokens = tokenize(text);
  const matches = lexiconFor('promise').match(tokens, text);
  const commitments: { start: number; end: number }[] = matches.filter((m) => m.entry.kind === 'commitment' && m.entry.weight >= 0.5);
  commitments.push(...futureVerbs(tokens, text), ...subjectActions(matches, tokens));
  commitments.sort((a, b) => a.start - b.start);
  const candidates: Candidate[] = [];
  // A reply holds a few promises at most; a post with hundreds is not care, and each costs a sentence scan.
  for (const commitment of commitments.slice(0, MAX_COMMITMENTS)) {
    const sentence = sentenceBounds(text, commitment.start);
    if (hedged(tokens, text, sentence, commitment)) continue;
    const inSentence = tokens.filter((t) => t.start >= sentence.start && t.end <= sentence.end);
    const clocks = readClocks(inSentence, text);
    candidates.push({
      commitment: text.slice(commitment.start, commitment.end),
      deadlines: matches
        .filter((m) => m.entry.kind === 'deadline' && m.start >= sentence.start && m.end <= sentence.end)
        .map((m) => ({ phrase: m.entry.phrase, when: text.slice(m.start, m.end) })),
      tokens: inSentence,
      clockTokens: clocks.tokens,
      clock: attachedClock(inSentence, text, clocks.due, commitment.start),
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
    // "te lo reenviamos", "se la cambiamos": a customer clitic before a direct-object one counts as well.
    const clitic =
      k > 0 &&
      (/^(?:te|le|os)$/.test(tokens[k - 1]!.form) || (k > 1 && /^(?:lo|la|los|las)$/.test(tokens[k - 1]!.form) && /^(?:te|se|os)$/.test(tokens[k - 2]!.form)));
    const written = text.slice(token.start, token.end);
    // Futures carry their accent in writing (llegará, tendrás, cerrarán); "-remos" needs none.
    // "tienes el reembolso el lunes" is a promise; "tienes hasta el viernes para pagar" is the customer's deadline.
    const customersDeadline = /^(?:tienes|tendras)$/.test(form) && /^(?:hasta|que|de)$/.test(tokens[k + 1]?.form ?? '');
    if (
      !customersDeadline &&
      ((form.length >= 4 && /r(?:á|ás|án)$/i.test(written)) || (form.length >= 6 && /remos$/.test(form)) || /^(?:tienes|recibes|tendras|recibiras)$/.test(form))
    ) {
      out.push({ start: token.start, end: token.end });
    } else if (
      clitic &&
      form.length >= 4 &&
      /(?:amos|emos|imos|a|e|as|es)$/.test(form) &&
      !/^(?:que|de|se|le|me|te|la|las|les|una|esta|esa|estas|esas|pena|nada|toda|cada|mas|tres|antes|veces|meses)$/.test(form)
    ) {
      out.push({ start: tokens[k - 1]!.start, end: token.end });
    }
  });
  return out;
}

/** At most this many tokens between a promise's subject and its action ("la actualización con la corrección sale"). */
const SUBJECT_GAP = 4;

/**
 * Commitments without "we": a thing or person the brand sends (`subject` entries: "tu pedido", "the refund",
 * "el técnico", "a fix") and what it does (`action` entries: "llega", "sale", "se emite", "ships", "goes
 * out", "will be"), either order, a few tokens apart ("tu pedido sale mañana", "mañana sale tu pedido",
 * "your replacement arrives tomorrow", "the courier will collect it"). The deadline and the hedges are
 * checked as for any commitment. One pass over the matches, which are in text order.
 */
function subjectActions(matches: readonly LexiconMatch[], tokens: readonly Token[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  if (!matches.some((m) => m.entry.kind === 'subject')) return out;
  const startOf = new Map<number, number>();
  const endOf = new Map<number, number>();
  tokens.forEach((t, k) => {
    startOf.set(t.start, k);
    endOf.set(t.end, k);
  });
  let subject: LexiconMatch | undefined;
  let action: LexiconMatch | undefined;
  const near = (a: LexiconMatch, b: LexiconMatch): boolean => {
    const first = a.start < b.start ? a : b;
    const second = first === a ? b : a;
    return (startOf.get(second.start) ?? Number.POSITIVE_INFINITY) - (endOf.get(first.end) ?? 0) - 1 <= SUBJECT_GAP;
  };
  for (const m of matches) {
    if (m.entry.kind === 'subject') {
      if (action && near(action, m)) out.push({ start: action.start, end: m.end });
      subject = m;
    } else if (m.entry.kind === 'action') {
      if (subject && near(subject, m)) out.push({ start: subject.start, end: m.end });
      else action = m;
    }
  }
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
    const next = inSentence
      .slice(k + 1, k + 4)
      .map((t) => t.form)
      .join(' ');
    const assent = text[token.start + 1] === 'í' || /^\s*[,.!]/.test(text.slice(token.end, token.end + 2));
    // "si"/"cuando"/"if" opening a condition before the commitment, or a hedge after it ("si nos da tiempo").
    if ((token.form === 'si' && !assent) || token.form === 'cuando' || token.form === 'if' || token.form === 'once') {
      if (token.start < commitmentStart || /^(?:nos da tiempo|es posible|podemos|puedo|hay)/.test(next)) return true;
    }
    // A condition in other words: "en cuanto nos mandes…", "as soon as you send…" (not "as soon as possible").
    if (token.start < commitmentStart && token.form === 'cuanto' && inSentence[k - 1]?.form === 'en') return true;
    if (token.start < commitmentStart && token.form === 'soon' && inSentence[k - 1]?.form === 'as' && /^as (?!possible|we|i\b)/.test(next)) return true;
    // A promise negated before it is made: "no podemos garantizarte que…", "we can't promise it will…".
    if (token.start < commitmentStart && PROMISE_VERBS.has(token.form) && inSentence.slice(Math.max(0, k - 3), k).some((t) => NEGATORS.has(t.form)))
      return true;
    // Already done ("ya te enviamos", "le hemos llamado esta tarde", "we have sent").
    if (token.form === 'ayer' || token.form === 'yesterday') return true;
    // "ya"/"already" only before the commitment or right after it ("ya te enviamos", "te lo enviamos ya"); a
    // later clause ("…, que ya lo tenemos localizado") says nothing about the promise.
    const early = token.start < commitment.end + 12;
    if (!future && (token.form === 'hemos' || (early && (token.form === 'ya' || token.form === 'already')))) return true;
    // A hedge on what a third party says ("en principio", "en teoría"): an estimate, not a commitment.
    if ((token.form === 'principio' || token.form === 'teoria') && inSentence[k - 1]?.form === 'en') return true;
    // Estimates and service levels ("normalmente llega en 48 h", "it should arrive Friday", "suele salir hoy").
    if (HEDGES.has(token.form)) return true;
  }
  return false;
}

/** Words that make the time an estimate or a usual delay rather than a commitment. */
const HEDGES = new Set([
  'normalmente',
  'generalmente',
  'habitualmente',
  'suele',
  'suelen',
  'deberia',
  'deberian',
  'probablemente',
  'quizas',
  'quiza',
  'usually',
  'normally',
  'typically',
  'generally',
  'should',
  'probably',
  'maybe',
  'might',
  'hopefully',
]);

const PROMISE_VERBS = new Set([
  'promise',
  'guarantee',
  'prometer',
  'prometerte',
  'prometerle',
  'prometeros',
  'garantizar',
  'garantizarte',
  'garantizarle',
  'garantizaros',
  'asegurar',
  'asegurarte',
  'asegurarle',
]);
const NEGATORS = new Set(['no', 'not', "can't", 'cannot', 'cant', "won't", "don't", 'never', 'nunca']);

const MONTHS = lookupTable<number>({
  enero: 0,
  febrero: 1,
  marzo: 2,
  abril: 3,
  mayo: 4,
  junio: 5,
  julio: 6,
  agosto: 7,
  septiembre: 8,
  setiembre: 8,
  octubre: 9,
  noviembre: 10,
  diciembre: 11,
  january: 0,
  february: 1,
  march: 2,
  april: 3,
  may: 4,
  june: 5,
  july: 6,
  august: 7,
  september: 8,
  october: 9,
  november: 10,
  december: 11,
});

/** "el 30 de abril", "antes del día 15", "by the 30th", "on March 2": the next such day. */
function resolveDate(tokens: Token[], clockTokens: ReadonlySet<Token>, text: string, today: number): { day: number; when: string } | null {
  const now = new Date(today * 86_400_000);
  for (let i = 0; i < tokens.length; i++) {
    if (clockTokens.has(tokens[i]!)) continue;
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
  while (start > 0 && !endsSentence(text, start - 1)) start--;
  let end = at;
  while (end < text.length && !endsSentence(text, end)) end++;
  return { start, end };
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string | undefined): boolean => c !== undefined && c.toLowerCase() !== c.toUpperCase();

/**
 * Whether the character at `k` ends a sentence. A dot between digits ("14.30", "35.50 €") or inside
 * "a.m."/"p.m." does not, nor the dot closing "p.m." when the text goes on in lower case ("5 p.m. tomorrow").
 */
function endsSentence(text: string, k: number): boolean {
  const c = text[k];
  if (c === '!' || c === '?' || c === '\n') return true;
  if (c !== '.') return false;
  if (isDigit(text[k - 1]) && isDigit(text[k + 1])) return false;
  const meridiem = (at: number): boolean => (text[at] === 'a' || text[at] === 'p' || text[at] === 'A' || text[at] === 'P') && !isLetter(text[at - 1]);
  // The first dot of "p.m."
  if (meridiem(k - 1) && (text[k + 1] === 'm' || text[k + 1] === 'M')) return false;
  // The dot closing "p.m.": a sentence ends there only if a capital, or nothing, follows.
  if ((text[k - 1] === 'm' || text[k - 1] === 'M') && text[k - 2] === '.' && meridiem(k - 3)) {
    let next = k + 1;
    while (next < text.length && next < k + 4 && text[next] === ' ') next++;
    const following = text[next];
    return following === undefined || (isLetter(following) && following !== following.toLowerCase());
  }
  return true;
}

/** A lexicon deadline phrase → the last local day it allows. */
function resolvePhrase(phrase: string, today: number): number | null {
  const words = tokenize(phrase).map((t) => t.form);
  const joined = words.join(' ');
  const last = words[words.length - 1]!;
  if (/pasado mañana|day after tomorrow/.test(joined)) return today + 2;
  if (/\b(?:mañana|tomorrow)\b/.test(joined) && !/esta mañana|this morning/.test(joined)) return today + 1;
  if (/primera hora|first thing/.test(joined)) return today + 1;
  if (/semana que viene|proxima semana|semana proxima|next week/.test(joined)) return today + ((7 - weekday(today)) % 7) + 7;
  if (/esta semana|this week|a lo largo de la semana|end of (?:the )?week|fin de semana|weekend/.test(joined)) return today + ((7 - weekday(today)) % 7);
  if (/(?:este|this|fin de|final de|end of the) ?mes|month/.test(joined)) {
    const date = new Date(today * 86_400_000);
    return dayNumber(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0), 0);
  }
  if (last in WEEKDAYS) {
    const ahead = (WEEKDAYS[last]! - weekday(today) + 7) % 7 || 7;
    return today + ahead;
  }
  if (
    /hoy|today|tonight|esta (?:tarde|noche|mañana)|this (?:afternoon|evening|morning)|end of (?:the )?day|eod|close of business|ahora mismo|ahorita mismo|en el dia|a lo largo del dia|ultima hora|later today|within the hour|(?:acabe|termine|acabar|terminar) el dia|(?:fin|final) del dia/.test(
      joined,
    )
  )
    return today;
  return null;
}

/** "en 48 horas", "within 24 hours", "en 3-5 días laborables", "in 2 business days", "en dos semanas". */
function resolveAmount(
  tokens: Token[],
  clockTokens: ReadonlySet<Token>,
  text: string,
  today: number,
  postedAt: number,
  offsetMinutes: number,
): { day: number; when: string; instant?: number } | null {
  let best: { day: number; when: string; instant?: number } | null = null;
  // An amount of hours or minutes ends at an instant: postedAt + N, rounded up to the minute, whose local
  // day is the deadline and whose wall time is the due time.
  const endAfter = (ms: number): { day: number; instant: number } => {
    const instant = Math.ceil((postedAt + ms) / 60_000) * 60_000;
    return { day: dayNumber(instant, offsetMinutes), instant };
  };
  for (let i = 0; i < tokens.length; i++) {
    if (clockTokens.has(tokens[i]!)) continue; // "a las 17h" is a time of day, not 17 hours
    const compact = /^(\d{1,3})h$/.exec(tokens[i]!.form); // "24h"
    if (compact) {
      const end = endAfter(Number(compact[1]) * 3_600_000);
      // "24/48h laborables" counts business hours: a day, not a wall time.
      // README convention: "24/48h laborables" is 2 business days (N business hours = ceil(N/24) business days).
      const business = BUSINESS.has(tokens[i + 1]?.form ?? '');
      const day = business ? addBusinessDays(today, Math.ceil(Number(compact[1]) / 24)) : end.day;
      if (!best || day > best.day)
        best = business ? { day, when: text.slice(tokens[i]!.start, tokens[i + 1]!.end) } : { ...end, when: text.slice(tokens[i]!.start, tokens[i]!.end) };
      continue;
    }
    const n = quantity(tokens[i]!.form);
    if (n === null) continue;
    // A range "3 a 5", "3-5", "entre 3 y 5", "3 to 5": take the upper bound.
    let k = i + 1;
    let value = n;
    const joiner = tokens[k]?.form;
    if (
      (joiner === 'a' || joiner === 'y' || joiner === 'to' || joiner === 'or' || joiner === 'o') &&
      quantity(tokens[k + 1]?.form ?? '') !== null &&
      !clockTokens.has(tokens[k + 1]!)
    ) {
      value = quantity(tokens[k + 1]!.form)!;
      k += 2;
    } else if (quantity(tokens[k]?.form ?? '') !== null && !clockTokens.has(tokens[k]!) && text.slice(tokens[i]!.end, tokens[k]!.start).trim() === '-') {
      value = quantity(tokens[k]!.form)!;
      k += 1;
    }
    const unit = tokens[k]?.form;
    const next = tokens[k + 1]?.form;
    if (unit === undefined || clockTokens.has(tokens[k]!)) continue;
    let day: number | null = null;
    let instant: number | undefined;
    if (MINUTE_UNITS.has(unit) || HOUR_UNITS.has(unit)) {
      const end = endAfter(value * (MINUTE_UNITS.has(unit) ? 60_000 : 3_600_000));
      day = end.day;
      // "48 horas laborables" counts business hours: business days (ceil(N/24)), not a wall time.
      if (next === undefined || !BUSINESS.has(next)) instant = end.instant;
      else if (HOUR_UNITS.has(unit)) day = addBusinessDays(today, Math.ceil(value / 24));
    } else if (DAY_UNITS.has(unit)) day = next !== undefined && BUSINESS.has(next) ? addBusinessDays(today, value) : today + value;
    else if (BUSINESS.has(unit) && next !== undefined && DAY_UNITS.has(next)) day = addBusinessDays(today, value);
    else if (WEEK_UNITS.has(unit)) day = today + 7 * value;
    if (day === null) continue;
    const endToken = BUSINESS.has(next ?? '') || (BUSINESS.has(unit) && next !== undefined) ? tokens[k + 1]! : tokens[k]!;
    const when = text.slice(tokens[i]!.start, endToken.end);
    if (!best || day > best.day) best = instant === undefined ? { day, when } : { day, when, instant };
  }
  return best;
}

function quantity(form: string): number | null {
  if (/^\d{1,3}$/.test(form)) return Number(form);
  return NUMBER_WORDS[form] ?? null;
}

/*
 * Stated hours. A clock time is an hour, optionally minutes and a meridiem, after a preposition:
 *   "antes de las 12:00", "hasta las 14.30", "para las 5", "a más tardar a las 17 h", "by 5pm", "before 10am",
 *   "until 17:00", "no later than noon", "antes del mediodía"                        → kind `by`;
 *   "a las 17h", "a las 9 de la mañana", "a la una", "a mediodía", "at 9", "at noon"  → kind `at`;
 *   "entre las 10 y las 12", "de las 10 a las 12", "between 8 and 12", "from 9 to 11" → `by` the end of the window.
 * "a partir de las 10", "desde las 10", "después de las 10", "after 3pm" (a start, not a bound) and
 * "sobre las 10", "hacia las 10", "a eso de las 10", "around 10" (approximate) are clock times too (never
 * read as an amount) but give no due time. "medianoche"/"midnight" is the end of the day: no due time.
 *
 * The hour is read on a 24 h clock; 12 h readings come from "am/pm/a.m./p.m.", "de la mañana/tarde/noche",
 * "del mediodía", "in the morning/afternoon/evening", "at night", then from the sentence ("esta tarde",
 * "por la tarde", "tonight", "this afternoon" → p.m.; "por la mañana", "this morning", "a primera hora" →
 * a.m.), and otherwise by working hours: a bare 1–7 is p.m. ("antes de las 6" = 18:00), 8–12 as written.
 * A written leading zero ("06:00") or an hour above 12 is taken as written.
 *
 * A bare Spanish number needs the article ("a las 5", "a la una"); a number with minutes or a meridiem
 * needs none ("antes de 14:00"). "17 h"/"17h" without the article after "antes de", "hasta", "en"… is an
 * amount (17 hours), as before; with it ("antes de las 17 h") it is a clock time. In a bare window
 * ("entre 9 y 14 h") the hours are a clock time when the window starts at 6 or later and ends by 23, so
 * "entre 2 y 3 h" stays an amount. A bare English number ("at 9", "by 5") must not be followed by a word
 * other than a time word, so "by 5 euros" or "at 3 stores" are not hours.
 *
 * DECISION: an hour binds the promise only when it belongs to the commitment's clause. The sentence is cut
 * into clauses at commas, semicolons, brackets, dashes, ": " and "pero/aunque/porque/but/although/
 * because/while"; the hour counts when it is in the commitment's clause, or in a clause made only of time
 * words ("Te llamamos mañana, antes de las 12"), and never in a clause about opening hours ("abrimos",
 * "cerramos", "horario", "open", "close"). So "te llamamos mañana, abrimos a las 9" is due tomorrow with no
 * due time, and "Mañana abrimos a las 9 y te llamamos" too.
 *
 * Linear: each token is looked at a bounded number of times (triggers are at most five words back, a core
 * at most six words forward), clauses are counted once.
 */

type ClockKind = 'by' | 'at' | 'from' | 'between' | 'and' | 'about';

interface Trigger {
  forms: string[];
  kind: ClockKind;
  /** Ends in the Spanish article before an hour ("las", "la"): a bare number is enough after it. */
  article: boolean;
  /** Only before "mediodía"/"noon" ("antes del", "al", "a"): a number after it is a date or an amount. */
  noonOnly: boolean;
  english: boolean;
}

const ENGLISH_TRIGGERS = new Set([
  'no later than',
  'not later than',
  'by',
  'before',
  'until',
  'till',
  'til',
  'at around',
  'at about',
  'around',
  'about',
  'at',
  'from',
  'after',
  'between',
  'and',
  'to',
]);

const TRIGGERS: Trigger[] = (
  [
    ['a mas tardar a las', 'by'],
    ['a mas tardar a la', 'by'],
    ['como muy tarde a las', 'by'],
    ['como tarde a las', 'by'],
    ['no mas tarde de las', 'by'],
    ['no mas tarde de la', 'by'],
    ['a eso de las', 'about'],
    ['a eso de la', 'about'],
    ['a partir de las', 'from'],
    ['a partir de la', 'from'],
    ['a partir del', 'from'],
    ['despues de las', 'from'],
    ['despues de la', 'from'],
    ['despues del', 'from'],
    ['antes de las', 'by'],
    ['antes de la', 'by'],
    ['antes del', 'by'],
    ['antes de', 'by'],
    ['hasta las', 'by'],
    ['hasta la', 'by'],
    ['hasta el', 'by'],
    ['para las', 'by'],
    ['para la', 'by'],
    ['para el', 'by'],
    ['desde las', 'from'],
    ['desde la', 'from'],
    ['desde el', 'from'],
    ['sobre las', 'about'],
    ['sobre la', 'about'],
    ['hacia las', 'about'],
    ['hacia la', 'about'],
    ['entre las', 'between'],
    ['entre la', 'between'],
    ['entre', 'between'],
    ['de las', 'from'],
    ['de la', 'from'],
    ['a las', 'at'],
    ['a la', 'at'],
    ['al', 'at'],
    ['a', 'at'],
    ['y las', 'and'],
    ['y la', 'and'],
    ['y', 'and'],
    ['no later than', 'by'],
    ['not later than', 'by'],
    ['by', 'by'],
    ['before', 'by'],
    ['until', 'by'],
    ['till', 'by'],
    ['til', 'by'],
    ['at around', 'about'],
    ['at about', 'about'],
    ['around', 'about'],
    ['about', 'about'],
    ['at', 'at'],
    ['from', 'from'],
    ['after', 'from'],
    ['between', 'between'],
    ['and', 'and'],
    ['to', 'and'],
  ] as [string, ClockKind][]
)
  .map(([phrase, kind]) => {
    const forms = phrase.split(' ');
    const last = forms[forms.length - 1]!;
    return {
      forms,
      kind,
      article: last === 'las' || last === 'la',
      noonOnly: last === 'el' || last === 'del' || last === 'al' || phrase === 'a' || phrase === 'antes de',
      english: ENGLISH_TRIGGERS.has(phrase),
    };
  })
  .sort((a, b) => b.forms.length - a.forms.length);

const HOUR_WORDS = lookupTable<number>({
  una: 1,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
});
const NOON = new Set(['mediodia', 'noon', 'midday']);
const MIDNIGHT = new Set(['medianoche', 'midnight']);
const H_SUFFIX = new Set(['h', 'hs', 'hr', 'hrs']);
const HOUR_WORD_SUFFIX = new Set(['hora', 'horas', 'hour', 'hours']);
/** After a bare number, these make it an amount or a count, not an hour ("antes de 5 días", "by 5 euros"). */
const NOT_AN_HOUR_AFTER = new Set([
  ...MINUTE_UNITS,
  ...HOUR_UNITS,
  ...DAY_UNITS,
  ...BUSINESS,
  ...WEEK_UNITS,
  'mes',
  'meses',
  'month',
  'months',
  'euros',
  'eur',
  'pesos',
  'dolares',
  'dollars',
  'pounds',
  'libras',
]);
/** Words that may follow a bare English hour ("at 9 tomorrow", "by 5 at the latest"). */
const AFTER_ENGLISH_HOUR = new Set([
  'tomorrow',
  'today',
  'tonight',
  'this',
  'on',
  'at',
  'latest',
  'sharp',
  'or',
  'and',
  'to',
  'then',
  'so',
  'please',
  'for',
  'with',
  'local',
  'your',
  'our',
  'uk',
  'et',
  'est',
  'edt',
  'pt',
  'gmt',
  'bst',
  'cet',
]);

/** What may follow an hour written in words ("a las cinco te llamamos"), so "a las dos direcciones" is no hour. */
const AFTER_WORD_HOUR = new Set([
  'te',
  'le',
  'os',
  'les',
  'lo',
  'la',
  'se',
  'y',
  'o',
  'en',
  'de',
  'del',
  'sin',
  'como',
  'mañana',
  'hoy',
  'para',
  'por',
  'que',
  'tomorrow',
  'today',
  'tonight',
  'on',
  'at',
  'or',
  'and',
  'sharp',
]);

function wordHourEnds(tokens: readonly Token[], text: string, end: number): boolean {
  const next = tokens[end];
  return next === undefined || AFTER_WORD_HOUR.has(next.form) || /[,.;:!?)]/.test(text.slice(tokens[end - 1]!.end, next.start));
}

type Meridiem = 'am' | 'pm' | 'afternoon' | 'night' | 'morning' | 'noon';

interface Core {
  hour: number;
  minute: number;
  /** Token index after the core. */
  end: number;
  meridiem: Meridiem | null;
  /** Minutes, a meridiem or "o'clock" written: a clock time whatever precedes it. */
  clockish: boolean;
  /** "17 h", "17h": an hour abbreviation, which also writes amounts. */
  hSuffix: boolean;
  leadingZero: boolean;
  word: boolean;
  noon: boolean;
  midnight: boolean;
}

/** An hour at token `i` ("17", "17:00", "5pm", "17h30", "cinco y media", "mediodía") with what follows it. */
function readCore(tokens: readonly Token[], text: string, i: number): Core | null {
  const form = tokens[i]!.form;
  if (NOON.has(form) || MIDNIGHT.has(form)) {
    return {
      hour: 12,
      minute: 0,
      end: i + 1,
      meridiem: null,
      clockish: false,
      hSuffix: false,
      leadingZero: false,
      word: false,
      noon: NOON.has(form),
      midnight: MIDNIGHT.has(form),
    };
  }
  let hour: number;
  let minute = 0;
  let meridiem: Meridiem | null = null;
  let clockish = false;
  let hSuffix = false;
  let word = false;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,2})(am|pm|h)?(\d{2})?$/.exec(form))) {
    hour = Number(m[1]);
    if (m[2] === 'am' || m[2] === 'pm') {
      if (m[3] !== undefined) return null;
      meridiem = m[2];
      clockish = true;
    } else if (m[2] === 'h') {
      hSuffix = true;
      if (m[3] !== undefined) {
        minute = Number(m[3]);
        clockish = true;
      }
    } else if (m[3] !== undefined) return null;
  } else if (HOUR_WORDS[form] !== undefined) {
    hour = HOUR_WORDS[form]!;
    word = true;
  } else return null;
  const leadingZero = form.length >= 2 && form[0] === '0';
  let k = i + 1;
  const at = (n: number): string | undefined => tokens[k + n]?.form;
  const gap = (n: number): string => text.slice(tokens[k + n - 1]!.end, tokens[k + n]!.start);
  // Minutes: "17:00", "14.30", "5:30pm", "17.00h".
  if (!word && !clockish && k < tokens.length && (gap(0) === ':' || gap(0) === '.')) {
    const mm = /^(\d{2})(am|pm|h)?$/.exec(at(0)!);
    if (mm) {
      minute = Number(mm[1]);
      clockish = true;
      if (mm[2] === 'am' || mm[2] === 'pm') meridiem = mm[2];
      else if (mm[2] === 'h') hSuffix = true;
      k++;
    }
  }
  // "y media", "y cuarto", "menos cuarto".
  if (!clockish && !hSuffix && at(0) === 'y' && (at(1) === 'media' || at(1) === 'cuarto')) {
    minute = at(1) === 'media' ? 30 : 15;
    k += 2;
  } else if (!clockish && !hSuffix && at(0) === 'menos' && at(1) === 'cuarto') {
    hour = hour === 1 ? 12 : hour - 1;
    minute = 45;
    k += 2;
  }
  // "h", "hrs", "horas" after the number.
  if (!hSuffix && k < tokens.length && H_SUFFIX.has(at(0)!)) {
    hSuffix = true;
    k++;
  } else if (!hSuffix && k < tokens.length && HOUR_WORD_SUFFIX.has(at(0)!)) {
    // Only a clock time after the article ("a las 17 horas"); the caller checks.
    hSuffix = true;
    k++;
  }
  // "am", "pm", "a.m.", "p.m.", "o'clock", "en punto".
  if (meridiem === null && k < tokens.length) {
    const f = at(0)!;
    if (f === 'am' || f === 'pm') {
      meridiem = f;
      k++;
    } else if ((f === 'a' || f === 'p') && at(1) === 'm' && gap(1) === '.') {
      meridiem = f === 'a' ? 'am' : 'pm';
      k += 2;
    }
    if (meridiem) clockish = true;
  }
  if (at(0) === "o'clock" || at(0) === 'oclock') {
    clockish = true;
    k++;
  } else if (at(0) === 'en' && at(1) === 'punto') k += 2;
  // "de la mañana/tarde/noche/madrugada", "del mediodía", "in the morning/afternoon/evening", "at night".
  if (meridiem === null) {
    const spanish: Record<string, Meridiem> = { mañana: 'morning', madrugada: 'morning', tarde: 'afternoon', noche: 'night' };
    const english: Record<string, Meridiem> = { morning: 'morning', afternoon: 'afternoon', evening: 'afternoon' };
    if (at(0) === 'de' && at(1) === 'la' && at(2) !== undefined && Object.hasOwn(spanish, at(2)!)) {
      meridiem = spanish[at(2)!]!;
      k += 3;
    } else if ((at(0) === 'del' || at(0) === 'de') && at(1) === 'mediodia') {
      meridiem = 'noon';
      k += 2;
    } else if (at(0) === 'in' && at(1) === 'the' && at(2) !== undefined && Object.hasOwn(english, at(2)!)) {
      meridiem = english[at(2)!]!;
      k += 3;
    } else if (at(0) === 'at' && at(1) === 'night') {
      meridiem = 'night';
      k += 2;
    } else if (at(0) === 'tonight') meridiem = 'night'; // "at 8 tonight": "tonight" stays a deadline word
    if (meridiem) clockish = true;
  }
  if (hour > 24 || minute > 59) return null;
  return { hour, minute, end: k, meridiem, clockish, hSuffix, leadingZero, word, noon: false, midnight: false };
}

/** The preposition right before token `i`, longest first. */
function triggerBefore(tokens: readonly Token[], i: number): { trigger: Trigger; start: number } | null {
  for (const trigger of TRIGGERS) {
    const n = trigger.forms.length;
    if (n > i) continue;
    let ok = true;
    for (let k = 0; k < n; k++) {
      if (tokens[i - n + k]!.form !== trigger.forms[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return { trigger, start: i - n };
  }
  return null;
}

/** Minutes after midnight on a 24 h clock, or null when the hour says no time (midnight, "24:00"). */
function wallMinutes(core: Core, context: 'am' | 'pm' | null): number | null {
  let h = core.hour;
  if (h === 24 || core.midnight) return null;
  switch (core.meridiem) {
    case 'am':
      if (h > 12 || h === 0) return h > 12 ? null : core.minute;
      if (h === 12) h = 0;
      break;
    case 'pm':
      if (h === 0) return null;
      if (h < 12) h += 12;
      break;
    case 'afternoon':
      if (h < 12) h += 12;
      break;
    case 'night':
      if (h === 12) return null;
      if (h >= 6 && h < 12) h += 12;
      break;
    case 'noon':
      if (h >= 1 && h <= 4) h += 12;
      break;
    case 'morning':
      break;
    default:
      if (h >= 13 || h === 0 || core.leadingZero) break;
      if (context === 'pm' && h < 12) h += 12;
      else if (context === null && h >= 1 && h <= 7) h += 12;
  }
  return h * 60 + core.minute;
}

/** A.m. or p.m. from the rest of the sentence ("esta tarde", "por la mañana", "tonight"), when only one is said. */
function meridiemContext(tokens: readonly Token[]): 'am' | 'pm' | null {
  let am = false;
  let pm = false;
  for (let k = 0; k < tokens.length; k++) {
    const form = tokens[k]!.form;
    const prev = tokens[k - 1]?.form;
    const article = prev === 'la' || prev === 'esta' || prev === 'las';
    if (((form === 'tarde' || form === 'tardes' || form === 'noche') && article) || form === 'afternoon' || form === 'evening' || form === 'tonight') pm = true;
    else if ((form === 'mañana' && article) || form === 'morning' || (form === 'hora' && prev === 'primera') || (form === 'thing' && prev === 'first'))
      am = true;
  }
  return am === pm ? null : am ? 'am' : 'pm';
}

interface Clock {
  minutes: number;
  kind: 'by' | 'at';
  /** Token range (into the sentence tokens) from the preposition to the end of the hour. */
  from: number;
  to: number;
  words: string;
}

/** Where the words of an hour ending before token `end` stop: after the closing dot of "a.m."/"p.m.". */
function wordsEnd(tokens: readonly Token[], text: string, end: number): number {
  const last = tokens[end - 1]!;
  return last.form === 'm' && text[last.start - 1] === '.' && text[last.end] === '.' ? last.end + 1 : last.end;
}

/** Every clock time of a sentence: the due ones (by/at, window ends) and all the tokens that spell hours. */
function readClocks(tokens: readonly Token[], text: string): { due: Clock[]; tokens: Set<Token> } {
  const due: Clock[] = [];
  const clockTokens = new Set<Token>();
  const context = meridiemContext(tokens);
  // The last clock time that may open a window ("entre las 10", "from 9"), waiting for its end.
  let open: { core: Core; at: number; from: number; minutes: number | null; bare: boolean } | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const core = readCore(tokens, text, i);
    if (!core) continue;
    const found = triggerBefore(tokens, i);
    const trigger = found?.trigger;
    const nextForm = tokens[core.end]?.form;
    // Is it an hour at all?
    let isHour: boolean;
    if (core.noon || core.midnight) isHour = trigger !== undefined;
    else if (trigger?.noonOnly && !core.clockish)
      isHour = false; // "antes del 15", "a 5 km"
    else if (core.word)
      isHour =
        trigger !== undefined &&
        (trigger.article || (trigger.english && core.clockish)) &&
        (core.clockish || core.minute > 0 || wordHourEnds(tokens, text, core.end));
    else if (core.clockish) isHour = true;
    else if (trigger === undefined) isHour = false;
    else if (nextForm !== undefined && NOT_AN_HOUR_AFTER.has(nextForm) && !core.hSuffix) isHour = false;
    else if (trigger.article) isHour = true;
    else if (core.hSuffix)
      isHour =
        (trigger.kind === 'and' && open !== null && open.bare && open.core.hour >= 6 && core.hour <= 23) ||
        (trigger.kind === 'between' && core.hour >= 6) ||
        (trigger.english && trigger.kind === 'at');
    else if (trigger.english)
      isHour = nextForm === undefined || AFTER_ENGLISH_HOUR.has(nextForm) || /[,.;:!?)]/.test(text.slice(tokens[core.end - 1]!.end, tokens[core.end]!.start));
    else isHour = trigger.kind === 'between' || trigger.kind === 'and'; // "entre 9 y 14"
    // "las 17 horas" is an hour only after the article; "en 17 horas" is an amount.
    if (isHour && !core.clockish && core.hSuffix && HOUR_WORD_SUFFIX.has(tokens[core.end - 1]!.form) && !trigger?.article) isHour = false;
    if (!isHour) continue;
    const minutes = wallMinutes(core, context);
    const from = found ? found.start : i;
    const words = text.slice(tokens[from]!.start, wordsEnd(tokens, text, core.end));
    const kind = trigger?.kind;
    // A window's end: right after its start, "y las 12", "a las 12", "and 12", "to 11".
    if (open && found && found.start === open.core.end && (kind === 'and' || kind === 'at' || kind === 'by')) {
      const start = open;
      open = null;
      if (minutes === null || start.minutes === null || minutes <= start.minutes) continue;
      for (let k = start.at; k < core.end; k++) clockTokens.add(tokens[k]!);
      due.push({ minutes, kind: 'by', from: start.from, to: core.end, words: text.slice(tokens[start.from]!.start, wordsEnd(tokens, text, core.end)) });
      i = core.end - 1;
      continue;
    }
    if (kind === 'and') continue; // "y 14" with nothing to close
    if (kind === 'between' || kind === 'from') {
      open = { core, at: i, from, minutes, bare: !trigger!.article };
      // "between" alone is no clock time until its end is read; "a partir de las 10" is one already.
      if (kind === 'from') for (let k = i; k < core.end; k++) clockTokens.add(tokens[k]!);
      i = core.end - 1;
      continue;
    }
    for (let k = i; k < core.end; k++) clockTokens.add(tokens[k]!);
    if ((kind === 'by' || kind === 'at') && minutes !== null) due.push({ minutes, kind, from, to: core.end, words });
    i = core.end - 1;
  }
  return { due, tokens: clockTokens };
}

/** Sentence clauses: cut at commas, semicolons, brackets, dashes, ": " and "pero/but"-like words. */
const CLAUSE_WORDS = new Set(['pero', 'aunque', 'porque', 'pues', 'mientras', 'sino', 'but', 'although', 'though', 'because', 'while', 'whereas']);
/** A clause about opening hours: its hours are never the promise's. */
const OPENING_WORDS = new Set([
  'abrimos',
  'abre',
  'abren',
  'abierto',
  'abierta',
  'abiertos',
  'cerramos',
  'cierra',
  'cierran',
  'cerrado',
  'cerrada',
  'cerrados',
  'horario',
  'horarios',
  'open',
  'opens',
  'opening',
  'close',
  'closes',
  'closing',
  'closed',
  'hours',
]);
/** Words a clause may hold besides its hour and still belong to the commitment ("mañana, antes de las 12"). */
const TIME_WORDS = new Set([
  'mañana',
  'hoy',
  'pasado',
  'esta',
  'este',
  'el',
  'la',
  'los',
  'las',
  'lo',
  'por',
  'de',
  'del',
  'a',
  'al',
  'en',
  'tarde',
  'noche',
  'temprano',
  'mas',
  'tardar',
  'como',
  'muy',
  'maximo',
  'sin',
  'falta',
  'mismo',
  'dia',
  'primera',
  'hora',
  'semana',
  'proxima',
  'que',
  'viene',
  'y',
  'o',
  'aprox',
  'aproximadamente',
  'lunes',
  'martes',
  'miercoles',
  'jueves',
  'viernes',
  'sabado',
  'domingo',
  'tomorrow',
  'today',
  'tonight',
  'this',
  'the',
  'morning',
  'afternoon',
  'evening',
  'latest',
  'at',
  'on',
  'by',
  'no',
  'later',
  'than',
  'next',
  'week',
  'end',
  'of',
  'day',
  'or',
  'and',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);

/**
 * The latest due hour that belongs to the commitment's clause (see "Stated hours": the clause itself, or
 * a clause of time words only, never one about opening hours).
 */
function attachedClock(
  tokens: readonly Token[],
  text: string,
  clocks: readonly Clock[],
  commitmentStart: number,
): { minutes: number; kind: 'by' | 'at'; words: string } | null {
  if (clocks.length === 0) return null;
  // Clause of each token, whether each clause speaks of opening hours, and how many of its words are not time words.
  const clauseOf = new Int32Array(tokens.length);
  const opening: boolean[] = [];
  const otherWords: number[] = [];
  let clause = 0;
  opening.push(false);
  otherWords.push(0);
  for (let k = 0; k < tokens.length; k++) {
    const form = tokens[k]!.form;
    if (k > 0 && (CLAUSE_WORDS.has(form) || /[,;()[\]—–]|:\s|\s-\s/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start)))) {
      clause++;
      opening.push(false);
      otherWords.push(0);
    }
    clauseOf[k] = clause;
    if (OPENING_WORDS.has(form)) opening[clause] = true;
    if (!TIME_WORDS.has(form) && !/^\d/.test(form) && MONTHS[form] === undefined && !CLAUSE_WORDS.has(form)) otherWords[clause]!++;
  }
  let commitmentClause = -1;
  for (let k = 0; k < tokens.length && commitmentClause < 0; k++) if (tokens[k]!.end > commitmentStart) commitmentClause = clauseOf[k]!;
  let best: Clock | null = null;
  for (const clock of clocks) {
    const c = clauseOf[clock.from]!;
    if (opening[c]) continue;
    if (c !== commitmentClause) {
      let own = 0;
      for (let k = clock.from; k < clock.to; k++)
        if (!TIME_WORDS.has(tokens[k]!.form) && !/^\d/.test(tokens[k]!.form) && MONTHS[tokens[k]!.form] === undefined) own++;
      if (otherWords[c]! - own > 0) continue;
    }
    if (!best || clock.minutes > best.minutes) best = clock;
  }
  return best ? { minutes: best.minutes, kind: best.kind, words: best.words } : null;
}
