// The SQL a data-savvy consultant would point DuckDB at instead of running the audit: first-response minutes
// (median, p90) and the reply rate for one brand, on the TWCS CSV. Shared by the Node and Python peers.
const quote = (s) => `'${s.replaceAll("'", "''")}'`;

// Ids stay VARCHAR: real TWCS ids are 64-bit and some exports write them in scientific notation, so exact joins
// must not let DuckDB sniff them as numbers. A conversation is a customer's opening post (no in_response_to) that
// @mentions the brand; its first response is the brand's earliest direct reply.
// median: mean of the two middle values (quantile_cont at 0.5); p90: nearest rank, the ceil(0.9 n)-th smallest,
// which quantile_disc does not compute (it takes floor((n - 1) q)), hence the list index.
export function peerSql(csv, brand) {
  return `
WITH posts AS (
  SELECT tweet_id, author_id, inbound, text, in_response_to_tweet_id,
         strptime(created_at, '%a %b %d %H:%M:%S %z %Y') AS posted
  FROM read_csv(${quote(csv)}, header = true, quote = '"', escape = '"',
    columns = {'tweet_id': 'VARCHAR', 'author_id': 'VARCHAR', 'inbound': 'VARCHAR', 'created_at': 'VARCHAR',
               'text': 'VARCHAR', 'response_tweet_id': 'VARCHAR', 'in_response_to_tweet_id': 'VARCHAR'})
),
opening AS (
  SELECT tweet_id, posted FROM posts
  WHERE inbound = 'True' AND in_response_to_tweet_id IS NULL AND contains(lower(text), lower(${quote(`@${brand}`)}))
),
first_reply AS (
  SELECT in_response_to_tweet_id AS tweet_id, min(posted) AS posted FROM posts
  WHERE author_id = ${quote(brand)} AND in_response_to_tweet_id IS NOT NULL
  GROUP BY 1
),
answered AS (
  SELECT date_diff('second', o.posted, r.posted) / 60.0 AS minutes
  FROM opening o JOIN first_reply r USING (tweet_id)
)
SELECT (SELECT count(*) FROM opening) AS conversations,
       count(*) AS answered,
       quantile_cont(minutes, 0.5) AS median,
       list_sort(list(minutes))[CAST(ceil(0.9 * count(*)) AS BIGINT)] AS p90
FROM answered`;
}

// Fallback when only the Python module is installed: reads {sql, threads} on stdin, prints the same JSON line.
export const PYTHON_PEER = `
import json, resource, sys, time
try:
    import duckdb
except ImportError:
    sys.exit(3)
job = json.load(sys.stdin)
started = time.perf_counter()
con = duckdb.connect(':memory:', config={'threads': job['threads']})
conversations, answered, median, p90 = con.execute(job['sql']).fetchone()
result = {'conversations': conversations, 'answered': answered,
          'replyRate': answered / conversations if conversations else 0,
          'median': None if median is None else float(median), 'p90': None if p90 is None else float(p90)}
print(json.dumps({'bench': True, 'result': result, 'wallMs': (time.perf_counter() - started) * 1000,
                  'maxRssKiB': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
`;
