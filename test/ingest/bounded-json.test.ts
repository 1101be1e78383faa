import { describe, expect, it } from 'vitest';
import { guardJson, JsonLimitError, parseBoundedJson } from '../../src/ingest/bounded-json.js';
import { ingest } from './helpers.js';

describe('bounded JSON', () => {
  it('quotes bare integers of 16+ digits outside strings, so ids keep every digit', () => {
    const text =
      '{"id":1846128913281982466,"n":-12345678901234567,"small":42,"f":1.8461289132819825e18,"s":"1846128913281982466 in text","a":[1846127625630650369]}';
    const value = parseBoundedJson(text) as Record<string, unknown>;
    expect(value.id).toBe('1846128913281982466');
    expect(value.n).toBe('-12345678901234567');
    expect(value.small).toBe(42);
    expect(typeof value.f).toBe('number');
    expect(value.s).toBe('1846128913281982466 in text');
    expect(value.a).toEqual(['1846127625630650369']);
    // Escaped quotes inside strings do not confuse the scan.
    expect(parseBoundedJson('{"t":"say \\"1234567890123456789\\" \\\\","id":1234567890123456789}')).toEqual({
      t: 'say "1234567890123456789" \\',
      id: '1234567890123456789',
    });
    const plain = '{"a":1,"b":"x"}';
    expect(guardJson(plain)).toBe(plain);
  });

  it('refuses nesting deeper than the limit and strings longer than it', () => {
    expect(() => guardJson(`${'['.repeat(65)}${']'.repeat(65)}`)).toThrow(new JsonLimitError('nested deeper than 64 levels'));
    expect(() => guardJson(`${'['.repeat(64)}${']'.repeat(64)}`)).not.toThrow();
    expect(() => guardJson(`["${'x'.repeat(101)}"]`, { maxDepth: 64, maxStringChars: 100 })).toThrow(/a string longer than 100 characters/);
    // Brackets inside strings are text, not nesting.
    expect(() => guardJson(`["${'['.repeat(1000)}"]`)).not.toThrow();
  });

  it('turns a hostile document into an error naming the file', async () => {
    const deep = `{"comments_v2": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    await expect(ingest('comments.json', deep, { adapterId: 'facebook-export' })).rejects.toThrow(/^comments\.json: refused: nested deeper than 64 levels/);
    await expect(ingest('comments.json', '{"comments_v2": [', { adapterId: 'facebook-export' })).rejects.toThrow(/^comments\.json: not valid JSON/);
  });
});
