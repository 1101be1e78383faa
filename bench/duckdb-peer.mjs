// DuckDB peer for bench/run.mjs, in its own process so that its peak RSS and wall time are measured the same way as
// the audit's (module loading excluded, the instance's creation included).
// Usage: node bench/duckdb-peer.mjs <file.csv> <brand> [threads]   → one JSON line on stdout
// Exit code 3 when @duckdb/node-api is not installed, so the bench can fall back or skip with a clear line.
import { peerSql } from './peer-sql.mjs';

let duckdb;
try {
  duckdb = await import('@duckdb/node-api');
} catch {
  process.stderr.write('@duckdb/node-api is not installed\n');
  process.exit(3);
}

const [csv, brand, threads = '2'] = process.argv.slice(2);
if (!csv || !brand) {
  process.stderr.write('usage: node bench/duckdb-peer.mjs <file.csv> <brand> [threads]\n');
  process.exit(2);
}

const started = performance.now();
const instance = await duckdb.DuckDBInstance.create(':memory:', { threads });
const connection = await instance.connect();
const reader = await connection.runAndReadAll(peerSql(csv, brand));
const [row] = reader.getRowObjectsJS();
const conversations = Number(row.conversations);
const answered = Number(row.answered);
const result = {
  conversations,
  answered,
  replyRate: conversations === 0 ? 0 : answered / conversations,
  median: row.median === null ? null : Number(row.median),
  p90: row.p90 === null ? null : Number(row.p90),
};
const wallMs = performance.now() - started;
connection.closeSync();
process.stdout.write(`${JSON.stringify({ bench: true, result, wallMs, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
