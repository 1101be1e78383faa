/**
 * What the history store needs from an SQLite driver. The store is pure logic (schema, migrations,
 * queries); the CLI opens the real database file with the driver and hands it in, as the core is handed
 * its resources. The shape is the synchronous one of better-sqlite3, the driver the CLI uses.
 */

export type SqlValue = string | number | bigint | null;

export interface SqlStatement {
  run(...params: SqlValue[]): { changes: number; lastInsertRowid: number | bigint };
  get(...params: SqlValue[]): unknown;
  all(...params: SqlValue[]): unknown[];
}

export interface SqlDatabase {
  exec(sql: string): void;
  prepare(sql: string): SqlStatement;
  /** `PRAGMA name` (or `PRAGMA name = value`) and its first value. */
  pragma(source: string, options: { simple: true }): unknown;
  /** Whether a transaction is open on this connection. */
  readonly inTransaction: boolean;
  close(): void;
}
