/**
 * The published JSON Schema of the audit result (schema/audit-result.v1.json), compiled once. Every JSON
 * result the tests produce goes through `assertValidResult`: the CLI helper and the audit helper call it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/audit-result.v1.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

/** A lone surrogate in any string makes the output invalid UTF-8 once written. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function schemaErrors(result: unknown): string[] {
  const errors = validate(result) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  let lone = false;
  // JSON.stringify escapes a lone surrogate, so look at the strings themselves (keys included).
  JSON.stringify(result, (key, value) => {
    if (LONE_SURROGATE.test(key) || (typeof value === 'string' && LONE_SURROGATE.test(value))) lone = true;
    return value;
  });
  if (lone) errors.push('a string holds a lone surrogate');
  return errors;
}

export function assertValidResult(result: unknown): void {
  const errors = schemaErrors(result);
  if (errors.length > 0) throw new Error(`audit result does not match schema/audit-result.v1.json:\n  ${errors.slice(0, 10).join('\n  ')}`);
}
