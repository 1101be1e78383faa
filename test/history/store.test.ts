import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, type CategoryId } from '../../src/contract/ids.js';
import type { SqlDatabase } from '../../src/history/db.js';
import { auditKey, brandKey, historyBlock, type HistoryRun } from '../../src/history/run.js';
import { APPLICATION_ID, HistoryStore, SCHEMA_VERSION } from '../../src/history/store.js';

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'si-history-'));

function open(file: string): HistoryStore {
  // The driver's generic typings are wider than the store's interface; the calls are the same.
  return HistoryStore.open(new Database(file, { timeout: 5000 }) as unknown as SqlDatabase, file);
}

function run(asOf: string, overrides: Partial<HistoryRun> = {}): HistoryRun {
  const categories = {} as HistoryRun['categories'];
  for (const id of CATEGORY_IDS) categories[id] = { score: 80, cases: 10, weight: 1 };
  return {
    brand: { handles: ['VerdemarAyuda', 'VerdemarHelp'] },
    period: { from: '2026-10-01T00:00:00Z', to: asOf, asOf },
    inputsHash: 'a'.repeat(64),
    toolVersion: '0.1.0',
    settings: { timezone: 'Europe/Madrid', slaMinutes: 60 },
    score: 80,
    categories,
    rules: [
      { id: 'reply-rate', category: 'no-ignoring', score: 75, cases: 20, weight: 2, findingCount: 5, reason: null },
      { id: 'promises-kept', category: 'transparency', score: null, cases: 2, weight: 2, findingCount: 0, reason: 'too-few-cases' },
    ],
    figures: {
      conversations: 40,
      needingReply: 30,
      answered: 20,
      ignored: 5,
      pending: 5,
      replyRate: 0.8,
      firstResponseMedian: 45,
      firstResponseP90: 300,
      firstResponseWithinTarget: 0.6,
      followUpMedian: null,
    },
    findings: 7,
    warnings: 1,
    ...overrides,
  };
}

describe('history store', () => {
  it('creates a versioned schema in WAL mode, marked as ours', () => {
    const file = path.join(tmp(), 'h.sqlite');
    open(file).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .all()
        .map((r) => (r as { name: string }).name),
    ).toEqual(['category_scores', 'rule_scores', 'runs']);
    db.close();
  });

  it('gives back what it recorded, scores with their n, in category order', () => {
    const file = path.join(tmp(), 'h.sqlite');
    const store = open(file);
    const recorded = run('2026-11-01T00:00:00Z');
    expect(store.record(recorded)).toEqual({ id: 1, replaced: false });
    const [back] = store.runs(['@verdemarhelp', 'VERDEMARAYUDA']);
    expect(back).toEqual({ ...recorded, rules: [recorded.rules[1], recorded.rules[0]] });
    store.close();
  });

  it('the same audit twice is one row, replaced; another as-of, period or content is another run', () => {
    const store = open(path.join(tmp(), 'h.sqlite'));
    store.record(run('2026-11-01T00:00:00Z', { score: 70 }));
    expect(store.record(run('2026-11-01T00:00:00Z', { score: 72 }))).toEqual({ id: 1, replaced: true });
    const runs = store.runs(['VerdemarAyuda', 'VerdemarHelp']);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.score).toBe(72);
    store.record(run('2026-11-01T00:00:00Z', { inputsHash: 'b'.repeat(64) }));
    store.record(run('2026-11-08T00:00:00Z'));
    store.record(run('2026-11-08T00:00:00Z', { period: { from: '2026-11-01T00:00:00Z', to: '2026-11-08T00:00:00Z', asOf: '2026-11-08T00:00:00Z' } }));
    expect(store.runs(['VerdemarAyuda', 'VerdemarHelp'])).toHaveLength(4);
    store.close();
  });

  it('orders runs by as-of (milliseconds included), not by when they were recorded', () => {
    const store = open(path.join(tmp(), 'h.sqlite'));
    store.record(run('2026-11-08T00:00:00Z'));
    store.record(run('2026-11-01T00:00:00.500Z'));
    store.record(run('2026-11-01T00:00:00Z'));
    expect(store.runs(['VerdemarAyuda', 'VerdemarHelp']).map((r) => r.period.asOf)).toEqual([
      '2026-11-01T00:00:00Z',
      '2026-11-01T00:00:00.500Z',
      '2026-11-08T00:00:00Z',
    ]);
    expect(store.runs(['VerdemarAyuda', 'VerdemarHelp'], Date.parse('2026-11-02T00:00:00Z'))).toHaveLength(1);
    store.close();
  });

  it('the previous run is the latest earlier one of the same brand, never the audit itself', () => {
    const store = open(path.join(tmp(), 'h.sqlite'));
    const first = run('2026-11-01T00:00:00Z', { score: 60 });
    const second = run('2026-11-08T00:00:00Z', { score: 70 });
    store.record(first);
    store.record(second);
    store.record(run('2026-11-05T00:00:00Z', { brand: { handles: ['OtraMarca'] } }));
    expect(store.previous(run('2026-11-15T00:00:00Z'))).toMatchObject({ earlierRuns: 2, previous: { score: 70 } });
    // Re-running the second audit compares it with the first, not with itself.
    expect(store.previous(second)).toMatchObject({ earlierRuns: 1, previous: { score: 60 } });
    // A back-filled month compares with the run before it in time.
    expect(store.previous(run('2026-11-04T00:00:00Z'))).toMatchObject({ earlierRuns: 1, previous: { score: 60 } });
    expect(store.previous(run('2026-10-01T00:00:00Z'))).toEqual({ earlierRuns: 0, previous: null });
    expect(store.brands()).toEqual([
      { handles: ['OtraMarca'], runs: 1, lastAsOf: '2026-11-05T00:00:00Z' },
      { handles: ['VerdemarAyuda', 'VerdemarHelp'], runs: 2, lastAsOf: '2026-11-08T00:00:00Z' },
    ]);
    store.close();
  });

  it("refuses another program's database and a newer schema, and changes neither", () => {
    const dir = tmp();
    const foreign = path.join(dir, 'other.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE notes (text TEXT)');
    other.close();
    expect(() => open(foreign)).toThrow(/not a second-impression history/);
    const newer = path.join(dir, 'newer.sqlite');
    open(newer).close();
    const db = new Database(newer);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => open(newer)).toThrow(/newer second-impression/);
    const notSqlite = path.join(dir, 'notes.sqlite');
    writeFileSync(notSqlite, 'just some text, long enough to be read as a header by SQLite: '.repeat(4));
    expect(() => open(notSqlite)).toThrow();
  });

  it("the history block holds the previous run and the change, on the result's scales", () => {
    const before = run('2026-11-01T00:00:00Z', { score: 71.2 });
    const now = run('2026-11-08T00:00:00Z', { score: 64, figures: { ...before.figures, replyRate: 0.64, firstResponseMedian: 70.5 } });
    const block = historyBlock(now, { ...before, figures: { ...before.figures, replyRate: 0.71 } }, 3);
    expect(block.earlierRuns).toBe(3);
    expect(block.previous?.score).toBe(71.2);
    expect(block.change?.score).toBe(-7.2);
    expect(block.change?.figures.replyRate).toBe(-0.07);
    expect(block.change?.figures.firstResponseMedian).toBe(25.5);
    expect(block.change?.figures.followUpMedian).toBeNull();
    expect(Object.keys(block.change!.categories)).toEqual([...CATEGORY_IDS] as CategoryId[]);
    expect(historyBlock(now, null, 0)).toEqual({ inputsHash: now.inputsHash, earlierRuns: 0, previous: null, change: null });
  });

  it('a brand is its set of handles, whatever their case, order or "@"', () => {
    expect(brandKey(['VerdemarHelp', '@verdemarayuda', 'VerdemarHelp'])).toBe('verdemarayuda,verdemarhelp');
    expect(auditKey(run('2026-11-01T00:00:00Z'))).toBe(auditKey(run('2026-11-01T00:00:00Z', { brand: { handles: ['@verdemarhelp', 'VerdemarAyuda'] } })));
  });
});
