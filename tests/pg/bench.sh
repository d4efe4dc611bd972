#!/bin/sh
# SPDX-License-Identifier: MIT
# bench.sh -- cost of pmext's aggregates in PostgreSQL against the built-in
# sum(), with 0, 1 and 2 parallel workers (docs/postgresql.md):
#   make bench-pg [PG_BENCH_ROWS=10000000] [PG_BENCH_RUNS=3]
# Starts a throw-away server (server.sh), fills a table of ROWS rows, and
# prints the best of RUNS (default 3) runs of each query in milliseconds (EXPLAIN ANALYZE's
# execution time, so no result transfer is counted).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
rows=${1:-10000000}
runs=${2:-3}
dir=$(mktemp -d /tmp/pmext-pg-bench.XXXXXX)
trap 'sh "$here/server.sh" stop "$dir" 2>/dev/null; rm -rf "$dir"' EXIT
sh "$here/server.sh" start "$dir"
export PGOPTIONS='-c client_min_messages=warning'
q() { psql -X -q -At -v ON_ERROR_STOP=1 -h "$dir" -U pmext -d postgres "$@"; }
q -c 'CREATE EXTENSION pmext' -c "
  CREATE TABLE b AS
    SELECT i % 50 AS p, 100 * power(1.05, i % 50) AS v,
           CASE WHEN i % 50 = 0 THEN -1000.0 ELSE 100.0 END AS cf
    FROM generate_series(1, $rows) AS i" -c 'VACUUM ANALYZE b'
echo "rows: $rows"
printf '%-28s %10s %10s %10s\n' query "0 workers" "1 worker" "2 workers"
for agg in 'sum(v)' 'cagr(v, p)' 'cagr_fit(v, p)' 'npv(0.05, v, p)' 'irr(cf, p)'; do
  printf '%-28s' "$agg"
  for w in 0 1 2; do
    best=
    for run in $(seq "$runs"); do
      ms=$(q -c "SET max_parallel_workers_per_gather = $w" \
             -c "SET parallel_setup_cost = 0" -c "SET parallel_tuple_cost = 0" \
             -c "EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) SELECT $agg FROM b" |
           sed -n 's/.*"Execution Time": \([0-9.]*\).*/\1/p')
      best=$(echo "$ms ${best:-$ms}" | awk '{print ($1 < $2) ? $1 : $2}')
    done
    printf ' %10.0f' "$best"
  done
  echo
done
