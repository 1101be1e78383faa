/**
 * JSON text parsed within bounds. Before `JSON.parse`, one pass over the text checks that nothing nests
 * deeper than `maxDepth` and that no string literal is longer than `maxStringChars`, so a hostile or
 * broken file cannot blow the stack of the code that walks the result or hold one giant string; the same
 * pass puts quotes around bare integers of 16 digits or more, which `JSON.parse` would round (ids of X,
 * Facebook and Instagram exceed 2^53), so they arrive as their exact digits.
 */
import type { AdapterInput, IngestSink } from '../contract/adapter.js';
import { InputError } from '../errors.js';

export interface JsonLimits {
  maxDepth: number;
  maxStringChars: number;
}

export const DEFAULT_JSON_LIMITS: JsonLimits = { maxDepth: 64, maxStringChars: 1 << 20 };

export class JsonLimitError extends Error {}

/** Integers this long can exceed Number.MAX_SAFE_INTEGER (9007199254740991 has 16 digits). */
const LONG_INTEGER_DIGITS = 16;

/**
 * Checks the bounds and returns the text with long bare integers quoted (the same string when none is).
 * Throws JsonLimitError past a bound; invalid JSON is left for `JSON.parse` to reject.
 */
export function guardJson(text: string, limits: JsonLimits = DEFAULT_JSON_LIMITS): string {
  let depth = 0;
  let out: string[] | undefined;
  let copied = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = text.indexOf('"', i + 1);
      for (;;) {
        if (j < 0) return text; // unterminated: JSON.parse says so
        let slashes = 0;
        for (let k = j - 1; text.charCodeAt(k) === 0x5c /* \ */; k--) slashes++;
        if (slashes % 2 === 0) break;
        j = text.indexOf('"', j + 1);
      }
      if (j - i - 1 > limits.maxStringChars) throw new JsonLimitError(`a string longer than ${limits.maxStringChars} characters`);
      i = j;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limits.maxDepth) throw new JsonLimitError(`nested deeper than ${limits.maxDepth} levels`);
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
    else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
      let j = i + 1;
      while (j < n && isNumberChar(text.charCodeAt(j))) j++;
      const token = text.slice(i, j);
      if (token.length >= LONG_INTEGER_DIGITS && /^-?\d+$/.test(token) && token.replace('-', '').length >= LONG_INTEGER_DIGITS) {
        out ??= [];
        out.push(text.slice(copied, i), `"${token}"`);
        copied = j;
      }
      i = j - 1;
    }
  }
  if (!out) return text;
  out.push(text.slice(copied));
  return out.join('');
}

function isNumberChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d;
}

/** `JSON.parse` after `guardJson`; throws JsonLimitError or SyntaxError. */
export function parseBoundedJson(text: string, limits: JsonLimits = DEFAULT_JSON_LIMITS): unknown {
  return JSON.parse(guardJson(text.replace(/^\ufeff/, ''), limits));
}

/** Characters of one JSON document read whole (an adapter that needs more streams it). */
export const MAX_JSON_DOCUMENT_CHARS = 256 * 1024 * 1024;

/** Reads a whole JSON input within bounds; an unusable file is an InputError naming it and `what` it should be. */
export async function readJsonInput(input: AdapterInput, what: string, limits: JsonLimits = DEFAULT_JSON_LIMITS): Promise<unknown> {
  const parts: string[] = [];
  let chars = 0;
  for await (const chunk of input.chunks) {
    chars += chunk.length;
    if (chars > MAX_JSON_DOCUMENT_CHARS) {
      throw new InputError(
        `${input.name}: larger than ${MAX_JSON_DOCUMENT_CHARS / 1024 / 1024} MiB of JSON in one document`,
        'split the export into smaller files',
      );
    }
    parts.push(chunk);
  }
  try {
    return parseBoundedJson(parts.join(''), limits);
  } catch (error) {
    if (error instanceof JsonLimitError) throw new InputError(`${input.name}: refused: ${error.message} (not ${what})`);
    throw new InputError(`${input.name}: not valid JSON (${what} is one JSON document)`);
  }
}

/** One line of a JSON Lines input longer than this is skipped with a warning. */
export const MAX_JSON_LINE_CHARS = 64 * 1024 * 1024;

/** The non-empty lines of an input with their 1-based numbers; an over-long line comes as `text: undefined`. */
export async function* inputLines(input: AdapterInput, maxLine = MAX_JSON_LINE_CHARS): AsyncGenerator<{ line: number; text: string | undefined }> {
  let rest = '';
  let line = 0;
  let skipping = false;
  for await (const chunk of input.chunks) {
    const data = rest + chunk;
    let from = 0;
    for (let nl = data.indexOf('\n'); nl >= 0; nl = data.indexOf('\n', from)) {
      line++;
      if (skipping) skipping = false;
      else if (data.slice(from, nl).trim() !== '') yield { line, text: data.slice(from, nl) };
      from = nl + 1;
    }
    rest = skipping ? '' : data.slice(from);
    if (rest.length > maxLine) {
      yield { line: line + 1, text: undefined };
      rest = '';
      skipping = true;
    }
  }
  if (rest.trim() !== '' && !skipping) yield { line: line + 1, text: rest };
}

/**
 * How a JSON input is laid out: `lines` (JSON Lines: the first line is a whole value, or longer than the
 * head, as a twarc page of 100 tweets is) or `document` (one pretty-printed value over many lines).
 */
export function jsonLayout(head: string): 'lines' | 'document' {
  const text = head.replace(/^\ufeff/, '').trimStart();
  const nl = text.indexOf('\n');
  if (nl < 0) return 'lines';
  try {
    JSON.parse(guardJson(text.slice(0, nl)));
    return 'lines';
  } catch {
    return 'document';
  }
}

/**
 * Every JSON value of an input, in order: each line of JSON Lines (a bad line is a warning), or the one
 * document. `line` is the line number in JSON Lines, undefined for a document.
 */
export async function forEachJsonValue(
  input: AdapterInput,
  sink: IngestSink,
  what: string,
  each: (value: unknown, line: number | undefined) => void,
): Promise<void> {
  if (jsonLayout(input.head) === 'document') {
    each(await readJsonInput(input, what), undefined);
    return;
  }
  for await (const { line, text } of inputLines(input)) {
    if (text === undefined) {
      sink.warn({ line, code: 'line-too-long', message: `line longer than ${MAX_JSON_LINE_CHARS} characters; skipped`, data: { max: MAX_JSON_LINE_CHARS } });
      continue;
    }
    let value: unknown;
    try {
      value = parseBoundedJson(text);
    } catch (error) {
      sink.warn({
        line,
        code: 'bad-json',
        message: error instanceof JsonLimitError ? `refused: ${error.message}; line skipped` : 'not valid JSON; line skipped',
        ...(error instanceof JsonLimitError ? {} : { data: {} }),
      });
      continue;
    }
    each(value, line);
  }
}
