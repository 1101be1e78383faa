import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '../../src/contract/ids.js';
import { corpusContentHash } from '../../src/history/content-hash.js';
import { changeOf, SCORE } from '../../src/history/format.js';
import type { HistoryRun } from '../../src/history/run.js';
import { sparkline } from '../../src/history/sparkline.js';
import { renderHistory } from '../../src/history/trend-report.js';
import { readInputs } from '../../src/index.js';
import { catalogFor } from '../../src/rules/index.js';

const DEMO_INBOX = path.resolve(import.meta.dirname, '../../fixtures/demo/verdemar-inbox.csv');

describe('sparkline', () => {
  it('scales between the lowest and highest value, leaves gaps for missing ones, and draws a flat line mid-height', () => {
    expect(sparkline([0, 50, 100])).toBe('▁▅█');
    expect(sparkline([70, null, 64, 71])).toBe('▇ ▁█');
    expect(sparkline([80, 80, 80])).toBe('▄▄▄');
    expect(sparkline([null, null])).toBe('  ');
    expect(sparkline([])).toBe('');
  });
});

describe('changes between two runs', () => {
  const en = catalogFor('en');
  const es = catalogFor('es');
  it('reads as the difference of the numbers shown, with its direction and whether it is better', () => {
    expect(changeOf(0.714, 0.64, { unit: 'share', higherIsBetter: true }, en)).toEqual({ text: '▼ 7.4 pts worse', verdict: 'worse' });
    expect(changeOf(0.714, 0.64, { unit: 'share', higherIsBetter: true }, es)).toEqual({ text: '▼ 7,4 pp peor', verdict: 'worse' });
    expect(changeOf(45, 70, { unit: 'minutes', higherIsBetter: false }, en)).toEqual({ text: '▲ 25 min worse', verdict: 'worse' });
    expect(changeOf(71.4, 64.2, SCORE, en)).toEqual({ text: '▼ 7 worse', verdict: 'worse' });
    expect(changeOf(71.4, 71.2, SCORE, en)).toEqual({ text: '= unchanged', verdict: 'same' });
    expect(changeOf(30, 47, { unit: 'count', higherIsBetter: null }, en)).toEqual({ text: '▲ 17', verdict: 'neutral' });
    expect(changeOf(null, 47, SCORE, en).verdict).toBe('unknown');
  });
});

function run(i: number): HistoryRun {
  const categories = {} as HistoryRun['categories'];
  for (const id of CATEGORY_IDS) categories[id] = { score: 50 + (i % 7) * 5, cases: 10, weight: 1 };
  const asOf = new Date(Date.UTC(2026, 0, 5) + i * 7 * 86_400_000).toISOString().replace('.000Z', 'Z');
  return {
    brand: { handles: ['MarcaConUnNombreMuyLargo', 'OtraCuenta'] },
    period: { from: null, to: asOf, asOf },
    inputsHash: 'f'.repeat(64),
    toolVersion: '0.1.0',
    settings: { timezone: 'Europe/Madrid', slaMinutes: 60 },
    score: i % 3 === 0 ? null : 60 + i,
    categories,
    rules: [],
    figures: {
      conversations: 100 + i,
      needingReply: 80,
      answered: 70,
      ignored: 10,
      pending: 0,
      replyRate: 0.875,
      firstResponseMedian: 1500 + i * 100,
      firstResponseP90: 9000,
      firstResponseWithinTarget: 0.5,
      followUpMedian: null,
    },
    findings: 3,
    warnings: 0,
  };
}

describe('history text', () => {
  it('keeps to the width with a year of weekly runs: the lines show the latest ones and say so', () => {
    const runs = Array.from({ length: 52 }, (_, i) => run(i));
    for (const locale of ['en', 'es'] as const) {
      const text = renderHistory(runs, 'text', { catalog: catalogFor(locale), color: false, width: 80 });
      expect(text.split('\n').filter((line) => [...line].length > 80)).toEqual([]);
      expect(text).toMatch(locale === 'en' ? /the lines show the last \d+ runs/ : /las líneas muestran las últimas \d+ auditorías/);
      // Every run is still listed.
      expect(text.split('\n').filter((line) => /^ {2}2026-\d\d-\d\d {2}/.test(line) || /^ {2}2027-/.test(line))).toHaveLength(52);
    }
  });

  it('an empty list says so', () => {
    expect(renderHistory([], 'text', { catalog: catalogFor('en'), color: false, width: 80 })).toContain('0 runs');
    expect(renderHistory([], 'json', { catalog: catalogFor('en'), color: false, width: 80 })).toBe('[]\n');
  });
});

describe('the inputs content hash', () => {
  it('is the posts the audit read: another file name or encoding is the same content, an edited post is not', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'si-hash-'));
    const text = readFileSync(DEMO_INBOX, 'utf8');
    // Excel's "Unicode text": UTF-16 LE with a byte-order mark, CRLF line ends (inside quoted posts too).
    writeFileSync(path.join(dir, 'copy.csv'), iconv.encode(text.replace(/\n/g, '\r\n'), 'utf16le', { addBOM: true }));
    writeFileSync(path.join(dir, 'edited.csv'), text.replace('Hola', 'Hola de nuevo'));
    const original = corpusContentHash(await readInputs([DEMO_INBOX]));
    expect(original).toMatch(/^[0-9a-f]{64}$/);
    expect(corpusContentHash(await readInputs([path.join(dir, 'copy.csv')]))).toBe(original);
    expect(corpusContentHash(await readInputs([path.join(dir, 'edited.csv')]))).not.toBe(original);
  });
});
