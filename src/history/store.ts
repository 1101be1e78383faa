/**
 * The history database: one row per audit run, with its category and rule scores beside it.
 *
 * - **Schema versions.** `PRAGMA user_version` holds the schema version and `MIGRATIONS[n - 1]` turns
 *   version n - 1 into n. Opening a file migrates it inside one `BEGIN IMMEDIATE` transaction, reading
 *   the version again once the write lock is held, so two jobs opening a new file at once migrate it once.
 *   A file of a newer schema is refused, never altered. `PRAGMA application_id` marks the file as ours, so
 *   another program's database is refused too.
 * - **Concurrency.** Write-ahead logging (readers never wait for the writer), a busy timeout set by the
 *   driver (a second writer waits its turn instead of failing), and each run written in one transaction
 *   taken with `BEGIN IMMEDIATE` (the write lock first, so no two writers deadlock upgrading a read lock).
 * - **Same audit, one row.** A run is keyed by brand, period, as-of and the inputs' content hash
 *   (`auditKey`); recording the same audit again replaces its row and its scores.
 */
import { CATEGORY_IDS, type CategoryId } from '../contract/ids.js';
import type { HistoryFigures } from '../contract/result.js';
import { InputError, UsageError } from '../errors.js';
import type { SqlDatabase, SqlValue } from './db.js';
import { auditKey, brandKey, type HistoryCategory, type HistoryRule, type HistoryRun } from './run.js';

/** "SI" + "HI" (second-impression history) as a 32-bit number, in `PRAGMA application_id`. */
export const APPLICATION_ID = 0x53494849;

/** Each entry migrates from the schema version before it (entry 0 creates version 1). */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE runs (
     id INTEGER PRIMARY KEY,
     audit_key TEXT NOT NULL UNIQUE,
     brand_key TEXT NOT NULL,
     handles TEXT NOT NULL,
     period_from TEXT,
     period_to TEXT,
     as_of TEXT NOT NULL,
     as_of_ms INTEGER NOT NULL,
     inputs_hash TEXT NOT NULL,
     tool_version TEXT NOT NULL,
     timezone TEXT NOT NULL,
     sla_minutes REAL NOT NULL,
     score REAL,
     conversations INTEGER NOT NULL,
     needing_reply INTEGER NOT NULL,
     answered INTEGER NOT NULL,
     ignored INTEGER NOT NULL,
     pending INTEGER NOT NULL,
     reply_rate REAL,
     first_response_median REAL,
     first_response_p90 REAL,
     first_response_within_target REAL,
     follow_up_median REAL,
     findings INTEGER NOT NULL,
     warnings INTEGER NOT NULL
   ) STRICT;
   CREATE INDEX runs_by_brand ON runs (brand_key, as_of_ms);
   CREATE TABLE category_scores (
     run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
     category TEXT NOT NULL,
     score REAL,
     cases INTEGER NOT NULL,
     weight REAL NOT NULL,
     PRIMARY KEY (run_id, category)
   ) STRICT, WITHOUT ROWID;
   CREATE TABLE rule_scores (
     run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
     rule_id TEXT NOT NULL,
     category TEXT NOT NULL,
     score REAL,
     cases INTEGER,
     weight REAL NOT NULL,
     finding_count INTEGER NOT NULL,
     reason TEXT,
     PRIMARY KEY (run_id, rule_id)
   ) STRICT, WITHOUT ROWID;`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** The run columns besides `id` and `audit_key`, in the order `runValues` gives them. */
const RUN_COLUMNS = [
  'brand_key',
  'handles',
  'period_from',
  'period_to',
  'as_of',
  'as_of_ms',
  'inputs_hash',
  'tool_version',
  'timezone',
  'sla_minutes',
  'score',
  'conversations',
  'needing_reply',
  'answered',
  'ignored',
  'pending',
  'reply_rate',
  'first_response_median',
  'first_response_p90',
  'first_response_within_target',
  'follow_up_median',
  'findings',
  'warnings',
] as const;

interface RunRow {
  id: number;
  handles: string;
  period_from: string | null;
  period_to: string | null;
  as_of: string;
  inputs_hash: string;
  tool_version: string;
  timezone: string;
  sla_minutes: number;
  score: number | null;
  conversations: number;
  needing_reply: number;
  answered: number;
  ignored: number;
  pending: number;
  reply_rate: number | null;
  first_response_median: number | null;
  first_response_p90: number | null;
  first_response_within_target: number | null;
  follow_up_median: number | null;
  findings: number;
  warnings: number;
}

export interface RecordOutcome {
  /** The run's row id. */
  id: number;
  /** True when the same audit was already recorded and its row was replaced. */
  replaced: boolean;
}

export interface BrandSummary {
  handles: string[];
  runs: number;
  lastAsOf: string;
}

/** How long a job waits for another to let go of a brand-new file while it switches it to WAL. */
const WAL_SWITCH_WAIT_MS = 10_000;

/**
 * Switches the file to write-ahead logging. SQLite answers SQLITE_BUSY at once, without the busy timeout,
 * when another connection holds any lock at that moment (a second cron job opening the same new file):
 * retried with a short pause until the other lets go.
 */
function switchToWal(db: SqlDatabase): string {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; ; waited += 20) {
    try {
      return String(db.pragma('journal_mode = WAL', { simple: true })).toLowerCase();
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || waited >= WAL_SWITCH_WAIT_MS) throw error;
      Atomics.wait(pause, 0, 0, 20);
    }
  }
}

export class HistoryStore {
  private constructor(
    private readonly db: SqlDatabase,
    private readonly file: string,
  ) {}

  /** Checks that the database is a history (or empty), switches it to WAL and brings its schema up to date. */
  static open(db: SqlDatabase, file: string): HistoryStore {
    const store = new HistoryStore(db, file);
    store.prepareFile();
    return store;
  }

  private closed = false;

  /** Closes the database (once; a second call does nothing). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private prepareFile(): void {
    const { db } = this;
    // One read transaction, so the three reads see one snapshot: read one by one, a job creating the file at
    // the same moment could be seen half-way (its tables, not yet its application id) and taken for another
    // program's database.
    db.exec('BEGIN');
    let applicationId: number;
    let version: number;
    let tables: boolean;
    try {
      applicationId = Number(db.pragma('application_id', { simple: true }));
      version = Number(db.pragma('user_version', { simple: true }));
      tables = this.hasTables();
    } finally {
      db.exec('COMMIT');
    }
    if (applicationId !== APPLICATION_ID && (applicationId !== 0 || version !== 0 || tables)) {
      throw new InputError(`${this.file} is not a second-impression history (another program's SQLite database)`, 'give --history a new file name');
    }
    if (version > SCHEMA_VERSION) throw this.newerSchema(version);
    // WAL persists in the file; switching needs a moment's exclusive lock, so skip it when already set.
    if (String(db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') {
      const mode = switchToWal(db);
      if (mode !== 'wal')
        throw new InputError(
          `${this.file}: SQLite cannot use write-ahead logging here (journal mode "${mode}")`,
          'keep the history on a local disk, not a network share',
        );
    }
    db.pragma('foreign_keys = ON', { simple: true });
    // Durable once committed: a power cut after a run is recorded keeps the run.
    db.pragma('synchronous = FULL', { simple: true });
    if (version === SCHEMA_VERSION && applicationId === APPLICATION_ID) return;
    this.write(() => {
      // Read again under the write lock: another job may have migrated the file meanwhile.
      const current = Number(db.pragma('user_version', { simple: true }));
      if (current > SCHEMA_VERSION) throw this.newerSchema(current);
      for (let v = current; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
      db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
      db.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
    });
  }

  private hasTables(): boolean {
    return this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").get() !== undefined;
  }

  private newerSchema(version: number): UsageError {
    return new UsageError(
      `${this.file} was written by a newer second-impression (history schema ${version}; this version knows up to ${SCHEMA_VERSION})`,
      'upgrade second-impression to read or add to it',
    );
  }

  /** Runs `work` in one write transaction, taking the write lock first (waiting up to the busy timeout). */
  private write<T>(work: () => T): T {
    const { db } = this;
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Records a run; the same audit (brand, period, as-of, inputs' content) replaces its earlier row. */
  record(run: HistoryRun): RecordOutcome {
    const key = auditKey(run);
    const values = runValues(run);
    return this.write(() => {
      const existing = this.db.prepare('SELECT id FROM runs WHERE audit_key = ?').get(key) as { id: number } | undefined;
      const updates = RUN_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ');
      const row = this.db
        .prepare(
          `INSERT INTO runs (audit_key, ${RUN_COLUMNS.join(', ')}) VALUES (?, ${RUN_COLUMNS.map(() => '?').join(', ')})
           ON CONFLICT (audit_key) DO UPDATE SET ${updates} RETURNING id`,
        )
        .get(key, ...values) as { id: number };
      const id = Number(row.id);
      this.db.prepare('DELETE FROM category_scores WHERE run_id = ?').run(id);
      this.db.prepare('DELETE FROM rule_scores WHERE run_id = ?').run(id);
      const category = this.db.prepare('INSERT INTO category_scores (run_id, category, score, cases, weight) VALUES (?, ?, ?, ?, ?)');
      for (const categoryId of CATEGORY_IDS) {
        const c = run.categories[categoryId];
        category.run(id, categoryId, c.score, c.cases, c.weight);
      }
      const rule = this.db.prepare(
        'INSERT INTO rule_scores (run_id, rule_id, category, score, cases, weight, finding_count, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const r of run.rules) rule.run(id, r.id, r.category, r.score, r.cases, r.weight, r.findingCount, r.reason);
      return { id, replaced: existing !== undefined };
    });
  }

  /**
   * The run this one follows: the latest recorded run of the same brand with an as-of up to this one's
   * (the latest recorded first among equal as-ofs), this same audit excepted. Also how many such runs there are.
   */
  previous(run: HistoryRun): { previous: HistoryRun | null; earlierRuns: number } {
    const params = [brandKey(run.brand.handles), auditKey(run), Date.parse(run.period.asOf)];
    const where = 'brand_key = ? AND audit_key <> ? AND as_of_ms <= ?';
    const row = this.db.prepare(`SELECT * FROM runs WHERE ${where} ORDER BY as_of_ms DESC, id DESC LIMIT 1`).get(...params) as RunRow | undefined;
    const count = this.db.prepare(`SELECT count(*) AS n FROM runs WHERE ${where}`).get(...params) as { n: number };
    return { previous: row ? this.withScores([row])[0]! : null, earlierRuns: Number(count.n) };
  }

  /** The brand's runs, oldest first (by as-of, then in the order they were first recorded); `sinceMs`: as-of from then on. */
  runs(handles: readonly string[], sinceMs = -Infinity): HistoryRun[] {
    const rows = this.db
      .prepare('SELECT * FROM runs WHERE brand_key = ? AND as_of_ms >= ? ORDER BY as_of_ms, id')
      .all(brandKey(handles), Number.isFinite(sinceMs) ? sinceMs : Number.MIN_SAFE_INTEGER) as RunRow[];
    return this.withScores(rows);
  }

  /** Every brand recorded, with its handles as last recorded: for the hint when a brand has no run. */
  brands(): BrandSummary[] {
    const rows = this.db
      .prepare(
        `SELECT brand_key, count(*) AS n, max(as_of_ms) AS last_ms,
                (SELECT r.handles FROM runs r WHERE r.brand_key = runs.brand_key ORDER BY r.as_of_ms DESC, r.id DESC LIMIT 1) AS handles,
                (SELECT r.as_of FROM runs r WHERE r.brand_key = runs.brand_key ORDER BY r.as_of_ms DESC, r.id DESC LIMIT 1) AS last_as_of
         FROM runs GROUP BY brand_key ORDER BY brand_key`,
      )
      .all() as { n: number; handles: string; last_as_of: string }[];
    return rows.map((r) => ({ handles: JSON.parse(r.handles) as string[], runs: Number(r.n), lastAsOf: r.last_as_of }));
  }

  private withScores(rows: readonly RunRow[]): HistoryRun[] {
    if (rows.length === 0) return [];
    const categoryQuery = this.db.prepare('SELECT category, score, cases, weight FROM category_scores WHERE run_id = ?');
    return rows.map((row) => {
      const categories = {} as Record<CategoryId, HistoryCategory>;
      for (const id of CATEGORY_IDS) categories[id] = { score: null, cases: 0, weight: 0 };
      for (const c of categoryQuery.all(row.id) as { category: string; score: number | null; cases: number; weight: number }[]) {
        if ((CATEGORY_IDS as readonly string[]).includes(c.category))
          categories[c.category as CategoryId] = { score: c.score, cases: Number(c.cases), weight: c.weight };
      }
      return {
        brand: { handles: JSON.parse(row.handles) as string[] },
        period: { from: row.period_from, to: row.period_to, asOf: row.as_of },
        inputsHash: row.inputs_hash,
        toolVersion: row.tool_version,
        settings: { timezone: row.timezone, slaMinutes: row.sla_minutes },
        score: row.score,
        categories,
        rules: this.rulesOf(row.id),
        figures: figuresOfRow(row),
        findings: Number(row.findings),
        warnings: Number(row.warnings),
      };
    });
  }

  private rulesOf(runId: number): HistoryRule[] {
    const rows = this.db
      .prepare('SELECT rule_id, category, score, cases, weight, finding_count, reason FROM rule_scores WHERE run_id = ? ORDER BY rule_id')
      .all(runId) as {
      rule_id: string;
      category: string;
      score: number | null;
      cases: number | null;
      weight: number;
      finding_count: number;
      reason: string | null;
    }[];
    const order = (category: string): number => {
      const at = (CATEGORY_IDS as readonly string[]).indexOf(category);
      return at < 0 ? CATEGORY_IDS.length : at;
    };
    return rows
      .filter((r) => (CATEGORY_IDS as readonly string[]).includes(r.category))
      .sort((a, b) => order(a.category) - order(b.category) || (a.rule_id < b.rule_id ? -1 : a.rule_id > b.rule_id ? 1 : 0))
      .map((r) => ({
        id: r.rule_id,
        category: r.category as CategoryId,
        score: r.score,
        cases: r.cases === null ? null : Number(r.cases),
        weight: r.weight,
        findingCount: Number(r.finding_count),
        reason: r.reason,
      }));
  }
}

function runValues(run: HistoryRun): SqlValue[] {
  const f = run.figures;
  return [
    brandKey(run.brand.handles),
    JSON.stringify(run.brand.handles),
    run.period.from,
    run.period.to,
    run.period.asOf,
    Date.parse(run.period.asOf),
    run.inputsHash,
    run.toolVersion,
    run.settings.timezone,
    run.settings.slaMinutes,
    run.score,
    f.conversations,
    f.needingReply,
    f.answered,
    f.ignored,
    f.pending,
    f.replyRate,
    f.firstResponseMedian,
    f.firstResponseP90,
    f.firstResponseWithinTarget,
    f.followUpMedian,
    run.findings,
    run.warnings,
  ];
}

function figuresOfRow(row: RunRow): HistoryFigures {
  return {
    conversations: Number(row.conversations),
    needingReply: Number(row.needing_reply),
    answered: Number(row.answered),
    ignored: Number(row.ignored),
    pending: Number(row.pending),
    replyRate: row.reply_rate,
    firstResponseMedian: row.first_response_median,
    firstResponseP90: row.first_response_p90,
    firstResponseWithinTarget: row.first_response_within_target,
    followUpMedian: row.follow_up_median,
  };
}
