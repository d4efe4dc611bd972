/* SPDX-License-Identifier: MIT */
/*
** bench.c -- pmext in DuckDB against DuckDB's own expressions, side by
** side in one process, and the SQLite build beside them (`make
** bench-duckdb`; the numbers are in docs/performance.md, "DuckDB").
**
**   bench EXTENSION PMEXT_LIB [ROWS...]    (default rows: 1e6 1e7 1e8)
**   bench --callgrind EXTENSION ROWS       each query once at 1 thread, each
**                                          bracketed by callgrind client
**                                          requests (run under valgrind
**                                          --tool=callgrind
**                                          --collect-atstart=no)
**   bench --callgrind-report FILE...       instructions per row from the
**                                          dumps of the run above
**
** How it works: one in-memory DuckDB with EXTENSION loaded (unsigned
** extensions allowed). Per size N, a table t of N rows of varying inputs
** (columns, not constants: nothing can be folded or hoisted): x in
** [1, 1001), r in [-0.1, 0.1], y in 0..60, b a positive multiple of x,
** from integer arithmetic on the row number. Each pair is one pmext query
** and the query an analyst would write without pmext, both reading the
** same rows:
**   project   sum(project(x, r, y))       sum(x * pow(1 + r, y))
**   cagr      sum(cagr(x, b, y + 1))      sum(pow(b / x, 1 / (y + 1)) - 1)
**   cagr_fit  cagr_fit(b, y)              sum(b)
**   npv       npv(0.05, x, y)             sum(x)
**   cagr_agg  cagr_agg(b, y)              sum(b)
** and the formulas an analyst writes without pmext:
**   npv       npv(0.05, x, y)             sum(x / pow(1.05, y))
**   cagr_fit  cagr_fit(b, y)              exp(regr_slope(ln(b), y)) - 1
** at 1 and at 2 threads (SET threads). Each repetition runs every pair's
** two sides at 1 and then at 2 threads, REPS times after a warm-up (5, or
** 3 at 1e8 rows and more), with clock_gettime(CLOCK_MONOTONIC) around the
** query and the fetch of its one row, and the process's CPU time
** (getrusage: user + system of every thread). Columns: median wall ns per
** row, spread (interquartile range over median), ratio of the medians
** (pmext / built-in); the same for CPU ns per row; and `busy`, pmext's CPU
** time over its wall time: how many cores worked for the query at once
** (up to the threads; less when the machine's other work took them). The
** last column, for the pairs that compute the same thing, is the relative
** difference of their results, a check.
**
** Instructions per row (`make bench-duckdb-callgrind`) do not depend on
** what else the machine runs, where times on a shared machine do.
**
** Then the SQLite build (PMEXT_LIB, loaded into the system libsqlite3) runs
** the pmext side of the same pairs over the same rows, up to 1e7 rows, in
** the same process: the side by side of the two engines.
*/
#define _POSIX_C_SOURCE 200809L
#include "duckdb.h"

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "callgrind_dump.h"

typedef struct pair {
  const char *label;
  const char *pmext, *builtin;
  int scalar; /* compare the two sums */
} pair;

static const pair pairs[] = {
    {"project(x,r,y) vs x*pow(1+r,y)", "SELECT sum(project(x, r, y)) FROM t",
     "SELECT sum(x * pow(1 + r, y)) FROM t", 1},
    {"cagr(a,b,n) vs pow(b/a,1/n)-1", "SELECT sum(cagr(x, b, y + 1)) FROM t",
     "SELECT sum(pow(b / x, 1 / (y + 1)) - 1) FROM t", 1},
    {"cagr_fit(v,y) vs sum(v)", "SELECT cagr_fit(b, y) FROM t",
     "SELECT sum(b) FROM t", 0},
    {"npv(0.05,v,y) vs sum(v)", "SELECT npv(0.05, x, y) FROM t",
     "SELECT sum(x) FROM t", 0},
    {"cagr_agg(v,y) vs sum(v)", "SELECT cagr_agg(b, y) FROM t",
     "SELECT sum(b) FROM t", 0},
    {"npv vs sum(v/pow(1.05,y))", "SELECT npv(0.05, x, y) FROM t",
     "SELECT sum(x / pow(1.05, y)) FROM t", 1},
    {"cagr_fit vs exp(regr_slope)-1", "SELECT cagr_fit(b, y) FROM t",
     "SELECT exp(regr_slope(ln(b), y)) - 1 FROM t", 1},
};
#define N_PAIRS (sizeof pairs / sizeof pairs[0])
#define MAX_REPS 5

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void fail(const char *what, const char *error) {
  fprintf(stderr, "bench: %s: %s\n", what, error ? error : "?");
  exit(1);
}

/* Run SQL; the first column of its first row as a double (NaN if none). */
static double run(duckdb_connection con, const char *sql) {
  duckdb_result result;
  if (duckdb_query(con, sql, &result) != DuckDBSuccess) {
    fail(sql, duckdb_result_error(&result));
  }
  double value = NAN;
  duckdb_data_chunk chunk = duckdb_fetch_chunk(result);
  if (chunk) {
    if (duckdb_data_chunk_get_size(chunk) > 0 &&
        duckdb_data_chunk_get_column_count(chunk) > 0) {
      duckdb_vector v = duckdb_data_chunk_get_vector(chunk, 0);
      duckdb_logical_type type = duckdb_vector_get_column_type(v);
      if (duckdb_get_type_id(type) == DUCKDB_TYPE_DOUBLE) {
        value = ((double *)duckdb_vector_get_data(v))[0];
      }
      duckdb_destroy_logical_type(&type);
    }
    duckdb_destroy_data_chunk(&chunk);
  }
  duckdb_destroy_result(&result);
  return value;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Median and spread (interquartile range / median) of n times. */
static void summarise(double *t, int n, double *median, double *spread) {
  qsort(t, (size_t)n, sizeof *t, by_value);
  *median = n % 2 ? t[n / 2] : 0.5 * (t[n / 2 - 1] + t[n / 2]);
  *spread = *median > 0 ? (t[(3 * n) / 4] - t[n / 4]) / *median : 0;
}

static const char *const table_sql =
    "CREATE OR REPLACE TABLE t AS SELECT "
    "1.0 + (i * 7919 %% 100003) / 100.0 AS x, "
    "(i * 104729 %% 2001) / 10000.0 - 0.1 AS r, "
    "(i * 13 %% 61)::DOUBLE AS y, "
    "(1.0 + (i * 7919 %% 100003) / 100.0) * (1.0 + (i * 31 %% 1000) / 500.0) AS b "
    "FROM range(%lld) s(i)";

/* Process CPU time (user + system, every thread), seconds. */
static double cpu_now(void) {
  struct rusage u;
  getrusage(RUSAGE_SELF, &u);
  return (double)u.ru_utime.tv_sec + (double)u.ru_utime.tv_usec * 1e-6 +
         (double)u.ru_stime.tv_sec + (double)u.ru_stime.tv_usec * 1e-6;
}

/* One size: each repetition runs, at 1 and then 2 threads, every pair's
** two sides, so that what else the machine does falls on all of them
** alike; the first repetition warms up and is not counted. */
static void duckdb_size(duckdb_connection con, long long rows) {
  char sql[600];
  snprintf(sql, sizeof sql, table_sql, rows);
  double start = now();
  run(con, sql);
  fprintf(stderr, "bench: table of %lld rows in %.1f s\n", rows, now() - start);
  int reps = rows >= 100000000 ? 3 : MAX_REPS;
  static double wall[N_PAIRS][2][2][MAX_REPS], cpu[N_PAIRS][2][2][MAX_REPS];
  double sums[N_PAIRS][2];
  for (int k = -1; k < reps; k++) {
    for (int threads = 1; threads <= 2; threads++) {
      snprintf(sql, sizeof sql, "SET threads = %d", threads);
      run(con, sql);
      for (size_t p = 0; p < N_PAIRS; p++) {
        for (int side = 0; side < 2; side++) {
          double w = now(), c = cpu_now();
          double sum = run(con, side ? pairs[p].builtin : pairs[p].pmext);
          w = (now() - w) / (double)rows * 1e9;
          c = (cpu_now() - c) / (double)rows * 1e9;
          if (k < 0) {
            sums[p][side] = sum;
          } else {
            wall[p][threads - 1][side][k] = w;
            cpu[p][threads - 1][side][k] = c;
          }
        }
      }
    }
  }
  for (size_t p = 0; p < N_PAIRS; p++) {
    for (int t = 0; t < 2; t++) {
      double m[2], s[2], c[2], unused;
      for (int side = 0; side < 2; side++) {
        summarise(wall[p][t][side], reps, &m[side], &s[side]);
        summarise(cpu[p][t][side], reps, &c[side], &unused);
      }
      printf("| %-31s | %9lld | %d | %8.1f | %4.0f%% | %8.1f | %4.0f%% | %5.2f "
             "| %8.1f | %8.1f | %5.2f | %4.2f |",
             pairs[p].label, rows, t + 1, m[0], 100 * s[0], m[1], 100 * s[1],
             m[0] / m[1], c[0], c[1], c[0] / c[1], c[0] / m[0]);
      if (pairs[p].scalar && t == 0) {
        printf(" %.1e |\n", fabs(sums[p][0] - sums[p][1]) / fabs(sums[p][1]));
      } else {
        printf("         |\n");
      }
    }
  }
  fflush(stdout);
  run(con, "DROP TABLE t");
}

/* The SQLite build over the same rows: wall and CPU ns per row of each
** pair's pmext side, once each (cagr_agg is cagr(value, year) there). */
static void sqlite_size(const char *lib, long long rows) {
  sqlite3 *db;
  char *error = NULL;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) fail("sqlite3_open", "");
  sqlite3_enable_load_extension(db, 1);
  if (sqlite3_load_extension(db, lib, NULL, &error) != SQLITE_OK) fail(lib, error);
  char sql[800];
  snprintf(sql, sizeof sql,
           "CREATE TABLE t AS WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL "
           "SELECT i + 1 FROM s WHERE i + 1 < %lld) SELECT "
           "1.0 + (i * 7919 %% 100003) / 100.0 AS x, "
           "(i * 104729 %% 2001) / 10000.0 - 0.1 AS r, "
           "CAST(i * 13 %% 61 AS REAL) AS y, "
           "(1.0 + (i * 7919 %% 100003) / 100.0) * (1.0 + (i * 31 %% 1000) / 500.0) AS b "
           "FROM s",
           rows);
  if (sqlite3_exec(db, sql, NULL, NULL, &error) != SQLITE_OK) fail("table", error);
  for (size_t p = 0; p < N_PAIRS; p++) {
    int seen = 0;
    for (size_t q = 0; q < p; q++) seen |= strcmp(pairs[q].pmext, pairs[p].pmext) == 0;
    if (seen) continue;
    char query[200];
    snprintf(query, sizeof query, "%s", pairs[p].pmext);
    char *agg = strstr(query, "cagr_agg");
    if (agg) memmove(agg + 4, agg + 8, strlen(agg + 8) + 1);
    double wall[3], cpu[3], median, spread, cpu_median;
    for (int k = 0; k < 3; k++) {
      double start = now(), start_cpu = cpu_now();
      if (sqlite3_exec(db, query, NULL, NULL, &error) != SQLITE_OK) fail(query, error);
      wall[k] = (now() - start) / (double)rows * 1e9;
      cpu[k] = (cpu_now() - start_cpu) / (double)rows * 1e9;
    }
    summarise(wall, 3, &median, &spread);
    summarise(cpu, 3, &cpu_median, &spread);
    printf("| %-36s | %9lld | %8.1f | %8.1f |\n", query + 7, rows, median,
           cpu_median);
  }
  fflush(stdout);
  sqlite3_close(db);
}

static duckdb_connection open_duckdb(const char *extension,
                                     duckdb_database *db) {
  duckdb_config config;
  duckdb_connection con;
  char *error = NULL;
  if (duckdb_create_config(&config) != DuckDBSuccess ||
      duckdb_set_config(config, "allow_unsigned_extensions", "true") != DuckDBSuccess ||
      duckdb_open_ext(NULL, db, config, &error) != DuckDBSuccess ||
      duckdb_connect(*db, &con) != DuckDBSuccess) {
    fail("open", error);
  }
  duckdb_destroy_config(&config);
  char load[1200];
  snprintf(load, sizeof load, "LOAD '%s'", extension);
  run(con, load);
  return con;
}

#ifdef PMEXT_BENCH_CALLGRIND
/* Each side of each pair once at 1 thread, collected alone and dumped as
** "pair|side|rows", which the report reads back. */
static int run_callgrind(const char *extension, long long rows) {
  duckdb_database db;
  duckdb_connection con = open_duckdb(extension, &db);
  char sql[600];
  snprintf(sql, sizeof sql, table_sql, rows);
  run(con, sql);
  run(con, "SET threads = 1");
  for (size_t p = 0; p < N_PAIRS; p++) {
    for (int side = 0; side < 2; side++) {
      const char *query = side ? pairs[p].builtin : pairs[p].pmext;
      run(con, query); /* warm caches and lazy initialisation */
      char name[64];
      snprintf(name, sizeof name, "%zu|%d|%lld", p, side, rows);
      CALLGRIND_MEASURE(name, run(con, query));
    }
  }
  duckdb_disconnect(&con);
  duckdb_close(&db);
  return 0;
}
#endif

/* The dumps of run_callgrind() back (tests/bench/callgrind_dump.c). */
static int run_report(int nfiles, char **files) {
  callgrind_count counts[N_PAIRS][2];
  memset(counts, 0, sizeof counts);
  callgrind_dumps_read(nfiles, files, N_PAIRS, &counts[0][0]);
  printf("callgrind: instructions per row (Ir / rows), each query once, 1 thread\n\n");
  printf("| pair: pmext vs built-in          |     rows |  pmext Ir | builtin Ir | ratio |\n");
  printf("|---------------------------------|----------|-----------|------------|-------|\n");
  for (size_t p = 0; p < N_PAIRS; p++) {
    const callgrind_count *c = counts[p];
    if (!c[0].seen || !c[1].seen) continue;
    double a = c[0].instructions / (double)c[0].ops;
    double b = c[1].instructions / (double)c[1].ops;
    printf("| %-31s | %8lld | %9.0f | %10.0f | %5.2f |\n", pairs[p].label,
           c[0].ops, a, b, a / b);
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc >= 3 && strcmp(argv[1], "--callgrind-report") == 0) {
    return run_report(argc - 2, argv + 2);
  }
  if (argc >= 4 && strcmp(argv[1], "--callgrind") == 0) {
#ifdef PMEXT_BENCH_CALLGRIND
    return run_callgrind(argv[2], (long long)strtod(argv[3], NULL));
#else
    fprintf(stderr, "bench: built without valgrind/callgrind.h\n");
    return 2;
#endif
  }
  if (argc < 3) {
    fprintf(stderr, "usage: bench EXTENSION PMEXT_LIB [ROWS...]\n"
                    "       bench --callgrind EXTENSION ROWS\n"
                    "       bench --callgrind-report CALLGRIND_OUT...\n");
    return 2;
  }
  static const char *const default_rows[] = {"1e6", "1e7", "1e8"};
  int n_sizes = argc > 3 ? argc - 3 : 3;
  const char *const *sizes = argc > 3 ? (const char *const *)argv + 3 : default_rows;
  duckdb_database db;
  duckdb_connection con = open_duckdb(argv[1], &db);
  printf("DuckDB %s, pmext in DuckDB against DuckDB's own expressions\n\n",
         duckdb_library_version());
  printf("| pair: pmext vs built-in         |      rows | threads | pmext ns | sprd | built-in ns | sprd | ratio | pmext CPU ns | built-in CPU ns | CPU ratio | busy | rel.dif |\n");
  printf("|---------------------------------|-----------|---|----------|------|----------|------|-------|----------|----------|-------|------|---------|\n");
  for (int i = 0; i < n_sizes; i++) duckdb_size(con, (long long)strtod(sizes[i], NULL));
  duckdb_disconnect(&con);
  duckdb_close(&db);
  printf("\nThe SQLite build (%s), pmext side, same rows, one thread\n\n",
         sqlite3_libversion());
  printf("| query                                |      rows |  wall ns |   CPU ns |\n");
  printf("|--------------------------------------|-----------|----------|----------|\n");
  for (int i = 0; i < n_sizes; i++) {
    long long rows = (long long)strtod(sizes[i], NULL);
    if (rows <= 10000000) sqlite_size(argv[2], rows);
  }
  return 0;
}
