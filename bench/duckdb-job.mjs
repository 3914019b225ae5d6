// bench/duckdb-job.mjs: the reference job of bench/case-stats.sh done by
// DuckDB (make bench-duckdb; bench/duckdb.sh runs it).
//
//     node bench/duckdb-job.mjs FILE.tsv|FILE.csv
//
// Per community: total, closed, resolution_pct, hours_mean, hours_median
// and hours_p90, written as case-stats writes them (same header, same
// order, same rounding), so the two outputs can be compared with cmp:
//
//     case-stats --as-of 2025-01-01 -b community \
//         -m total,closed,resolution_pct,hours_mean,hours_median,hours_p90
//
// The file is read with read_csv and the exact types of its columns (no
// sniffing): TSV without quoting (its line breaks are escaped as \n), CSV
// with RFC 4180 quoting.  Closed and cancelled are the status words of
// etc/zhili.yaml's case-stats.statuses; hours are the calendar seconds from
// reported_at to closed_at of the closed cases.  Percentiles are R type 7
// (zhili(7) "Percentiles"): quantile_cont, whose double result is snapped
// to the hundredth of a second it must be (durations are whole seconds,
// so (1 - f) x[k] + f x[k+1] with f a multiple of 0.01 is a multiple of
// 0.01 s; more than 1e-4 off is an error), then every figure is rounded
// once in integers, half away from zero, as cmd/case-stats/output.c does.
//
// Environment: DUCKDB_THREADS (2); DUCKDB_TIMING: a file to which the
// wall-clock and CPU (user + system, all threads) seconds of the query and
// of writing its result are written, as "SECONDS CPU_SECONDS": the job
// without starting node and loading DuckDB.
import { writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
if (process.argv.length !== 3 || !/\.(tsv|csv)$/.test(file)) {
  process.stderr.write('usage: node bench/duckdb-job.mjs FILE.tsv|FILE.csv\n');
  process.exit(2);
}
const threads = process.env.DUCKDB_THREADS || '2';

const sq = (s) => "'" + s.replace(/'/g, "''") + "'";
const list = (words) => words.map(sq).join(', ');
const CLOSED = ['办结', '已办结', '结案', '已结案', '已完成'];
const CANCELLED = ['作废', '撤销', '重复件', '无效'];
const AS_OF = "TIMESTAMP '2025-01-01 00:00:00'";

const columns = `{
  'case_id': 'VARCHAR', 'street': 'VARCHAR', 'community': 'VARCHAR',
  'grid_id': 'VARCHAR', 'category': 'VARCHAR', 'channel': 'VARCHAR',
  'reported_at': 'TIMESTAMP', 'closed_at': 'TIMESTAMP', 'status': 'VARCHAR',
  'deadline': 'TIMESTAMP', 'satisfaction': 'VARCHAR', 'description': 'VARCHAR'
}`;
const dialect = file.endsWith('.tsv')
  ? "delim = '\\t', quote = '', escape = ''"
  : `delim = ',', quote = '"', escape = '"'`;

// round(num / den), half away from zero, for integers num >= 0, den > 0;
// a count of hundredths as "units.hundredths".
const rnd = (num, den) => `((2 * (${num}) + (${den})) // (2 * (${den})))`;
const cents = (x) => `printf('%d.%02d', (${x}) // 100, (${x}) % 100)`;
// A percentile in seconds as hundredths of a second, checked.
const snap = (q) => `CASE WHEN abs(${q} * 100 - round(${q} * 100)) > 1e-4
  THEN error('not a multiple of 0.01 s: ' || ${q})
  ELSE round(${q} * 100)::BIGINT END`;

const sql = `
WITH c AS (
  SELECT community,
    status IN (${list(CLOSED)}) AND closed_at <= ${AS_OF} AS closed,
    status IN (${list(CANCELLED)})
      AND coalesce(closed_at <= ${AS_OF}, true) AS cancelled,
    reported_at, closed_at
  FROM read_csv(${sq(file)}, header = true, ${dialect},
    columns = ${columns}, timestampformat = '%Y-%m-%d %H:%M:%S')
  WHERE reported_at <= ${AS_OF}
), g AS (
  SELECT community, count(*) AS total, count_if(closed) AS closed,
    count_if(cancelled) AS cancelled, count(secs) AS n,
    sum(secs)::BIGINT AS s, quantile_cont(secs, [0.5, 0.9]) AS q
  FROM (SELECT *, CASE WHEN closed
    THEN date_sub('second', reported_at, closed_at) END AS secs FROM c)
  GROUP BY community
), p AS (
  SELECT *, ${snap('q[1]')} AS med, ${snap('q[2]')} AS p90 FROM g
)
SELECT community, total::VARCHAR, closed::VARCHAR,
  CASE WHEN total > cancelled
    THEN ${cents(rnd('closed * 10000', 'total - cancelled'))} ELSE '' END,
  CASE WHEN n > 0 THEN ${cents(rnd('s * 100', 'n * 3600'))} ELSE '' END,
  CASE WHEN n > 0 THEN ${cents(rnd('med', '3600'))} ELSE '' END,
  CASE WHEN n > 0 THEN ${cents(rnd('p90', '3600'))} ELSE '' END
FROM p ORDER BY community`;

try {
  const db = await DuckDBInstance.create(':memory:', { threads });
  const con = await db.connect();
  const t1 = process.hrtime.bigint();
  const c1 = process.cpuUsage();
  const reader = await con.runAndReadAll(sql);
  const lines = ['community\ttotal\tclosed\tresolution_pct\thours_mean\t' +
    'hours_median\thours_p90'];
  for (const row of reader.getRows()) lines.push(row.join('\t'));
  process.stdout.write(lines.join('\n') + '\n');
  if (process.env.DUCKDB_TIMING) {
    const t2 = process.hrtime.bigint();
    const c2 = process.cpuUsage(c1);
    writeFileSync(process.env.DUCKDB_TIMING, `${Number(t2 - t1) / 1e9} ` +
      `${(c2.user + c2.system) / 1e6}\n`);
  }
} catch (e) {
  process.stderr.write(`duckdb-job: ${file}: ${e.message}\n`);
  process.exit(1);
}
