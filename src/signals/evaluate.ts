/**
 * Scores every detector against labelled examples (fixtures/eval/*.jsonl). Pure: the caller reads the
 * files. Used by `npm run eval` and by the accuracy floor test.
 */
import { detectLanguage } from './language.js';
import { detectNeedsReply } from './needs-reply.js';
import { detectPromise } from './promise.js';
import { detectRegister } from './register.js';
import { detectShouting } from './shouting.js';
import { detectApology, detectBlame, detectDenial, detectPolitics, detectTone, prepare } from './text-signals.js';

export const TARGETS = { precision: 0.9, recall: 0.85 };

export interface LabelledExample {
  id: string;
  text: string;
  variant: string;
  role: string;
  label?: boolean;
  hard?: boolean;
  lang?: string;
  register?: string;
  postedAt?: string;
  deadline?: string | null;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  precision: number | null;
  recall: number | null;
}

export interface CategoryScore extends Scores {
  category: string;
  n: number;
  f1: number | null;
  hard: Scores;
  variants: Record<string, Scores>;
  met: boolean;
  errors: { kind: 'false-positive' | 'miss'; id: string; text: string }[];
}

export interface MultiClassScore {
  category: string;
  n: number;
  accuracy: number;
  confusion: Record<string, number>;
  errors: { gold: string; predicted: string; id: string; text: string }[];
}

/** The boolean detectors, by eval category. */
export const DETECTORS: Record<string, (text: string) => boolean> = {
  'needs-reply': (text) => detectNeedsReply(text).needsReply,
  apology: (text) => detectApology(prepare(text)) !== null,
  // The eval label "denial" covers blame on the customer too (fixtures/eval/README.md); the rules route it apart.
  denial: (text) => {
    const prepared = prepare(text);
    return detectDenial(prepared) !== null || detectBlame(prepared) !== null;
  },
  profanity: (text) => {
    const tone = detectTone(prepare(text));
    return tone.profanity !== null || tone.insult !== null;
  },
  sarcasm: (text) => detectTone(prepare(text)).sarcasm !== null,
  slang: (text) => detectTone(prepare(text)).slang !== null,
  shouting: (text) => detectShouting(text).shouting,
  politics: (text) => detectPolitics(prepare(text)) !== null,
};

/**
 * Detectors that read the thread too: `context` is the post the row answers (for needs-reply, the brand's
 * latest post before the customer's; for sarcasm, the customer post the brand reply answers). Used by the
 * development set's rows that carry a `context` (scripts/eval.mjs --set).
 */
export const CONTEXT_DETECTORS: Record<string, (text: string, context: string) => boolean> = {
  'needs-reply': (text, context) => detectNeedsReply(text, undefined, context).needsReply,
  sarcasm: (text, context) => detectTone(prepare(text), context).sarcasm !== null,
};

/** "2026-03-10T14:00:00-04:00" → epoch ms and the offset in minutes (-240). */
export function postedAtOf(iso: string): { ms: number; offsetMinutes: number } {
  const m = /([+-])(\d{2}):?(\d{2})$|Z$/.exec(iso);
  const offsetMinutes = m?.[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return { ms: Date.parse(iso), offsetMinutes };
}

/**
 * Precision and recall of one boolean detector. `judge` returns whether the detector fired and, for a
 * correct positive, an optional reason it is still wrong (a promise resolved to another day).
 */
function scoreCategory(
  category: string,
  examples: LabelledExample[],
  judge: (example: LabelledExample) => { fired: boolean; wrongDetail?: string },
): CategoryScore {
  const all: Counts = { tp: 0, fp: 0, fn: 0 };
  const hard: Counts = { tp: 0, fp: 0, fn: 0 };
  const byVariant: Record<string, Counts> = {};
  const errors: CategoryScore['errors'] = [];
  for (const example of examples) {
    const { fired, wrongDetail } = judge(example);
    const gold = example.label === true;
    for (const b of [all, (byVariant[example.variant] ??= { tp: 0, fp: 0, fn: 0 }), ...(example.hard ? [hard] : [])]) {
      if (fired && gold) b.tp++;
      else if (fired) b.fp++;
      else if (gold) b.fn++;
    }
    if (fired !== gold) errors.push({ kind: fired ? 'false-positive' : 'miss', id: example.id, text: example.text });
    else if (wrongDetail) errors.push({ kind: 'miss', id: example.id, text: `${example.text} [${wrongDetail}]` });
  }
  const overall = scores(all);
  const f1 = overall.precision && overall.recall ? (2 * overall.precision * overall.recall) / (overall.precision + overall.recall) : null;
  return {
    category,
    n: examples.length,
    ...overall,
    f1,
    hard: scores(hard),
    variants: Object.fromEntries(Object.entries(byVariant).map(([v, c]) => [v, scores(c)])),
    met: (overall.precision ?? 0) >= TARGETS.precision && (overall.recall ?? 0) >= TARGETS.recall,
    errors,
  };
}

/** Promise detection, plus the share of detected promises resolved to the labelled day. */
export function evaluatePromises(examples: LabelledExample[]): CategoryScore & { exactDeadline: number | null } {
  let exact = 0;
  let found = 0;
  const score = scoreCategory('promise', examples, (example) => {
    const { ms, offsetMinutes } = postedAtOf(example.postedAt ?? '1970-01-01T00:00:00Z');
    const hit = detectPromise(example.text, ms, offsetMinutes);
    if (!hit || example.label !== true) return { fired: Boolean(hit) };
    found++;
    if (hit.deadline === example.deadline) exact++;
    return { fired: true, ...(hit.deadline !== example.deadline ? { wrongDetail: `deadline ${hit.deadline}, labelled ${example.deadline}` } : {}) };
  });
  return { ...score, exactDeadline: found === 0 ? null : exact / found };
}

function scores(c: Counts): Scores {
  return { precision: c.tp + c.fp === 0 ? null : c.tp / (c.tp + c.fp), recall: c.tp + c.fn === 0 ? null : c.tp / (c.tp + c.fn) };
}

export function evaluate(read: (category: string) => LabelledExample[]): { categories: CategoryScore[]; multiclass: MultiClassScore[] } {
  const categories = Object.entries(DETECTORS).map(([category, detect]) =>
    scoreCategory(category, read(category), (example) => ({ fired: detect(example.text) })),
  );
  categories.push(evaluatePromises(read('promise')));
  const multiclass: MultiClassScore[] = [];
  const classify: Record<string, { gold: (e: LabelledExample) => string; predict: (text: string) => string }> = {
    language: { gold: (e) => e.lang ?? 'unknown', predict: (text) => collapse(detectLanguage(text).lang) },
    register: { gold: (e) => e.register ?? 'none', predict: (text) => detectRegister(text).register },
  };
  for (const [category, { gold, predict }] of Object.entries(classify)) {
    const examples = read(category);
    const confusion: Record<string, number> = {};
    const errors: MultiClassScore['errors'] = [];
    let right = 0;
    for (const example of examples) {
      const g = gold(example);
      const p = predict(example.text);
      confusion[`${g}→${p}`] = (confusion[`${g}→${p}`] ?? 0) + 1;
      if (g === p) right++;
      else errors.push({ gold: g, predicted: p, id: example.id, text: example.text });
    }
    multiclass.push({
      category,
      n: examples.length,
      accuracy: examples.length ? right / examples.length : 0,
      confusion: Object.fromEntries(Object.entries(confusion).sort()),
      errors,
    });
  }
  return { categories, multiclass };
}

/** The eval set labels languages as es, en, other or unknown. */
function collapse(lang: string): string {
  return lang === 'es' || lang === 'en' || lang === 'unknown' ? lang : 'other';
}
