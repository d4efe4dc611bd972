/* SPDX-License-Identifier: MIT */
/*
** bench.c -- pmext against SQLite's own built-ins, side by side.
**
** Usage:
**   bench LIB [ROWS...]            timing table (default rows: 100000 1000000)
**   bench --scaling LIB            scaling tables: aggregates and windows
**                                  as the rows grow, time and peak memory
**                                  (sizes from BENCH_SCALE, default
**                                  "1e4 1e5 1e6 1e7", windows from
**                                  BENCH_WINDOW_ROWS, default "1e4 1e5")
**   bench --model-memory LIB       the model engine as its inputs grow:
**                                  time and peak memory of pm_model,
**                                  pm_model_facts and pm_compare
**   bench --audit LIB              the audit at scale: N segments or N
**                                  dimensions (sizes from BENCH_AUDIT_SCALE,
**                                  default "1e4 1e5")
**   bench --callgrind LIB [ROWS]   run every query once, each bracketed by
**                                  callgrind client requests (run this under
**                                  valgrind --tool=callgrind
**                                  --collect-atstart=no)
**   bench --callgrind-report FILE...
**                                  read the dumps of the run above and print
**                                  instructions per operation
** `make bench` and `make bench-callgrind` run these; docs/performance.md
** shows the results and how to read them.
**
** How it works: one process, one in-memory connection with the extension
** loaded from LIB (the system libsqlite3 the extension is meant for). For
** each size N a table `t` of N rows of varying inputs is filled from a fixed
** pseudo-random sequence, so every call sees different column values and
** nothing can be hoisted as a constant. Each pair is one pmext query and the
** query an analyst would write without pmext; both produce the same number
** of operations (rows, lookups or connections) and are timed alternately,
** REPS times after one warm-up, with clock_gettime(CLOCK_MONOTONIC). The
** table shows the median time per operation, the spread (interquartile
** range / median over the repetitions) and the ratio of the medians, pmext /
** built-in. The last column compares the two sides' results (relative
** difference), as a check that both compute the same thing (not for the
** floors, which compute something else on purpose).
** Statements are prepared outside the timed region. The environment
** variable BENCH_ONLY=text runs only the pairs whose label contains text.
**
** A pair whose pmext side is not registered in the extension being measured
** prints "skipped: <name> not in this build" instead of numbers.
**
** After the table, pm_extract() reads texts of 1 to 10 MB (bench_extract).
**
** The driver registers two functions of its own as floors: noop(x, r, y)
** returns x (the cost of any user function call), and naive_project(x, r, y)
** returns x * pow(1 + r, y) in C without argument checks (the cheapest a user
** function with the built-in's maths can be).
*/
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "callgrind_dump.h"

#define REPS 11           /* timed repetitions of each side */
#define MAX_KEYS 1024     /* most pm_segments keys the point query cycles */

/* What one operation of a pair is, and so how the side is run. */
typedef enum {
  OP_ROW,        /* one statement over the N rows of t: op = row */
  OP_PROJECTION, /* one statement over N/11 inputs, 11 years each: op = row */
  OP_LOOKUP,     /* N executions of a point query with bound keys */
  OP_SCAN,       /* N/176 full scans of the 176-row model: op = row */
  OP_CONNECT     /* b->connections connections opened and closed */
} op_kind;

typedef struct pair {
  const char *name;  /* row label */
  const char *needs; /* pmext function or module the pair needs */
  op_kind kind;
  const char *ours;  /* SQL using pmext (for OP_CONNECT: unused) */
  const char *base;  /* the same with SQLite built-ins only */
} pair;

/* The fit of ln(value) on year by least squares, as plain SQL. */
#define SQL_FIT                                                       \
  "SELECT exp((count(*) * sum(yr * lv) - sum(yr) * sum(lv))"          \
  " / (count(*) * sum(yr * yr) - sum(yr) * sum(yr))) - 1"             \
  " FROM (SELECT yr, ln(v) AS lv FROM t)"

/* generate_series is compiled into the sqlite3 shell, not into
** libsqlite3, so the years come from a recursive CTE (materialised once). */
#define SQL_SERIES                                                    \
  "WITH RECURSIVE k(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM k"    \
  " WHERE k < 10)"                                                    \
  " SELECT count(*), sum(p.x * pow(1 + p.r, k.k)) FROM p, k"

static const pair pairs[] = {
    {"project(x,r,y) vs x*pow(1+r,y)", "project", OP_ROW,
     "SELECT sum(project(x, r, y)) FROM t",
     "SELECT sum(x * pow(1 + r, y)) FROM t"},
    {"cagr(a,b,n) vs pow(b/a,1.0/n)-1", "cagr", OP_ROW,
     "SELECT sum(cagr(a, b, n)) FROM t",
     "SELECT sum(pow(b / a, 1.0 / n) - 1) FROM t"},
    {"floor: noop(x,r,y) vs x*pow(1+r,y)", 0, OP_ROW,
     "SELECT sum(noop(x, r, y)) FROM t",
     "SELECT sum(x * pow(1 + r, y)) FROM t"},
    {"floor: naive_project vs x*pow(1+r,y)", 0, OP_ROW,
     "SELECT sum(naive_project(x, r, y)) FROM t",
     "SELECT sum(x * pow(1 + r, y)) FROM t"},
    {"cagr_fit(v,yr) vs sum()/ln() fit", "cagr_fit", OP_ROW,
     "SELECT cagr_fit(v, yr) FROM t", SQL_FIT},
    {"projection() vs CTE years + pow()", "projection", OP_PROJECTION,
     "SELECT count(*), sum(s.value) FROM p, projection(p.x, p.r, 2024, 2034) s",
     SQL_SERIES},
    {"pm_segments point vs indexed table", "pm_segments", OP_LOOKUP,
     "SELECT value_usd_bn FROM pm_segments"
     " WHERE dimension = ?1 AND segment = ?2 AND year = ?3",
     "SELECT value_usd_bn FROM seg_real"
     " WHERE dimension = ?1 AND segment = ?2 AND year = ?3"},
    {"pm_segments scan vs table scan", "pm_segments", OP_SCAN,
     "SELECT * FROM pm_segments", "SELECT * FROM seg_real"},
    {"load pmext vs open+close only", 0, OP_CONNECT, 0, 0},
};
#define N_PAIRS (sizeof pairs / sizeof pairs[0])

/* Everything one run needs; no globals. */
typedef struct bench {
  sqlite3 *db;
  const char *lib;
  int have_model;               /* pm_segments registered: seg_real exists */
  int n_keys;                   /* pm_segments keys for the point query */
  char *key_dim[MAX_KEYS];
  char *key_seg[MAX_KEYS];
  int key_year[MAX_KEYS];
  int model_rows;               /* rows of one full scan */
  int connections;              /* connections opened by the load pair */
} bench;

static void die(sqlite3 *db, const char *what) {
  fprintf(stderr, "bench: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
  exit(1);
}

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* Floor 1: the cheapest user function with three arguments. */
static void noop_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  sqlite3_result_double(ctx, sqlite3_value_double(argv[0]));
}

/* Floor 2: the spreadsheet formula in C, no type checks, no domain checks. */
static void naive_project_func(sqlite3_context *ctx, int argc,
                               sqlite3_value **argv) {
  (void)argc;
  double x = sqlite3_value_double(argv[0]);
  double r = sqlite3_value_double(argv[1]);
  double y = sqlite3_value_double(argv[2]);
  sqlite3_result_double(ctx, x * pow(1 + r, y));
}

static void exec(sqlite3 *db, const char *sql) {
  char *err = 0;
  if (sqlite3_exec(db, sql, 0, 0, &err) != SQLITE_OK) {
    fprintf(stderr, "bench: %s\n  in: %s\n", err, sql);
    exit(1);
  }
}

static int load_pmext(sqlite3 *db, const char *lib) {
  char *err = 0;
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 1, (int *)0);
  if (sqlite3_load_extension(db, lib, 0, &err) != SQLITE_OK) {
    fprintf(stderr, "bench: cannot load %s: %s\n", lib, err ? err : "?");
    sqlite3_free(err);
    return 0;
  }
  return 1;
}

/* 1 if the extension registered a function or module of that name. */
static int registered(sqlite3 *db, const char *name) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db,
                         "SELECT 1 FROM pragma_function_list WHERE name = ?1"
                         " UNION ALL "
                         "SELECT 1 FROM pragma_module_list WHERE name = ?1",
                         -1, &st, 0) != SQLITE_OK) {
    die(db, "pragma_function_list");
  }
  sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
  int found = sqlite3_step(st) == SQLITE_ROW;
  sqlite3_finalize(st);
  return found;
}

/* A fixed pseudo-random sequence (xorshift64*), uniform in [lo, hi). */
static double uniform(unsigned long long *s, double lo, double hi) {
  *s ^= *s >> 12;
  *s ^= *s << 25;
  *s ^= *s >> 27;
  unsigned long long r = *s * 2685821657736338717ULL;
  return lo + (hi - lo) * (double)(r >> 11) * (1.0 / 9007199254740992.0);
}

/* t: the N rows every scalar pair reads; p: N/11 inputs for projection(). */
static void fill_tables(sqlite3 *db, long rows) {
  exec(db,
       "DROP TABLE IF EXISTS t; DROP TABLE IF EXISTS p;"
       "CREATE TABLE t(x REAL, r REAL, y REAL, a REAL, b REAL, n REAL,"
       " v REAL, yr INTEGER);"
       "CREATE TABLE p(x REAL, r REAL);"
       "BEGIN");
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, "INSERT INTO t VALUES(?,?,?,?,?,?,?,?)", -1, &st,
                         0) != SQLITE_OK) {
    die(db, "insert");
  }
  unsigned long long seed = 0x9E3779B97F4A7C15ULL;
  for (long i = 0; i < rows; i++) {
    int yr = 2000 + (int)uniform(&seed, 0, 51);
    double trend = 100.0 * exp(0.05 * (yr - 2000));
    double values[7] = {
        uniform(&seed, 1, 1000),     uniform(&seed, -0.5, 0.5),
        uniform(&seed, 0, 50),       uniform(&seed, 1, 1000),
        uniform(&seed, 1, 1000),     uniform(&seed, 1, 50),
        trend * uniform(&seed, 0.8, 1.25)};
    for (int c = 0; c < 7; c++) sqlite3_bind_double(st, c + 1, values[c]);
    sqlite3_bind_int(st, 8, yr);
    if (sqlite3_step(st) != SQLITE_DONE) die(db, "insert");
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  char sql[128];
  snprintf(sql, sizeof sql, "INSERT INTO p SELECT x, r FROM t LIMIT %ld;",
           rows / 11);
  exec(db, sql);
  exec(db, "COMMIT");
}

/* seg_real: the rows of pm_segments in a real table with an index on the
** key, and the keys the point query cycles through (in shuffled order). */
static void setup_model(bench *b) {
  b->have_model = registered(b->db, "pm_segments");
  if (!b->have_model) return;
  exec(b->db,
       "CREATE TABLE seg_real AS SELECT dimension, segment, year,"
       " value_usd_bn, share, yoy_growth, value_basis, share_basis"
       " FROM pm_segments;"
       "CREATE UNIQUE INDEX seg_real_key ON seg_real(dimension, segment, year);"
       "ANALYZE;");
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(b->db,
                         "SELECT dimension, segment, year FROM seg_real"
                         " ORDER BY (rowid * 7919) % 1009",
                         -1, &st, 0) != SQLITE_OK) {
    die(b->db, "seg_real keys");
  }
  while (sqlite3_step(st) == SQLITE_ROW && b->n_keys < MAX_KEYS) {
    int k = b->n_keys++;
    b->key_dim[k] = strdup((const char *)sqlite3_column_text(st, 0));
    b->key_seg[k] = strdup((const char *)sqlite3_column_text(st, 1));
    b->key_year[k] = sqlite3_column_int(st, 2);
    if (!b->key_dim[k] || !b->key_seg[k]) die(0, "out of memory");
  }
  sqlite3_finalize(st);
  b->model_rows = b->n_keys;
}

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, sql, -1, &st, 0) != SQLITE_OK) {
    fprintf(stderr, "bench: %s\n  in: %s\n", sqlite3_errmsg(db), sql);
    exit(1);
  }
  return st;
}

/* Step a statement to its end; the first column of the last row. */
static double drain(sqlite3 *db, sqlite3_stmt *st) {
  double last = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    last = sqlite3_column_double(st, sqlite3_column_count(st) - 1);
  }
  if (rc != SQLITE_DONE) die(db, sqlite3_sql(st));
  sqlite3_reset(st);
  return last;
}

/* How many operations one run of a pair performs at size `rows`. */
static long ops_of(const bench *b, const pair *p, long rows) {
  switch (p->kind) {
    case OP_ROW: return rows;
    case OP_PROJECTION: return rows / 11 * 11;
    case OP_LOOKUP: return rows;
    case OP_SCAN: return rows / b->model_rows * b->model_rows;
    case OP_CONNECT: return b->connections;
  }
  return rows;
}

/* Run one side once: the untimed preparation is done by the caller. */
static double run_side(bench *b, const pair *p, sqlite3_stmt *st, int ours,
                       long rows) {
  double result = 0;
  switch (p->kind) {
    case OP_ROW:
    case OP_PROJECTION:
      result = drain(b->db, st);
      break;
    case OP_LOOKUP:
      for (long i = 0; i < rows; i++) {
        int k = (int)(i % b->n_keys);
        sqlite3_bind_text(st, 1, b->key_dim[k], -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, b->key_seg[k], -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 3, b->key_year[k]);
        result += drain(b->db, st);
      }
      break;
    case OP_SCAN:
      for (long i = 0; i < rows / b->model_rows; i++) drain(b->db, st);
      break;
    case OP_CONNECT:
      for (int i = 0; i < b->connections; i++) {
        sqlite3 *db;
        if (sqlite3_open(":memory:", &db) != SQLITE_OK) die(db, "open");
        if (ours && !load_pmext(db, b->lib)) exit(1);
        sqlite3_close(db);
      }
      break;
  }
  return result;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

typedef struct stats {
  double median, spread; /* ns per op; interquartile range / median */
  double result;         /* the query's last value, to compare the sides */
} stats;

static stats summarise(double *ns, long ops, double result) {
  qsort(ns, REPS, sizeof ns[0], cmp_double);
  stats s;
  s.median = ns[REPS / 2] / (double)ops;
  s.spread = (ns[(3 * REPS) / 4] - ns[REPS / 4]) / ns[REPS / 2];
  s.result = result;
  return s;
}

static void time_pair(bench *b, const pair *p, long rows) {
  sqlite3_stmt *st[2] = {0, 0};
  const char *sql[2] = {p->ours, p->base};
  for (int s = 0; s < 2; s++) {
    if (sql[s]) st[s] = prepare(b->db, sql[s]);
  }
  long ops = ops_of(b, p, rows);
  double ns[2][REPS], result[2] = {0, 0};
  for (int s = 0; s < 2; s++) run_side(b, p, st[s], s == 0, rows); /* warm */
  for (int rep = 0; rep < REPS; rep++) {
    for (int k = 0; k < 2; k++) {
      int s = (rep + k) % 2; /* alternate which side goes first */
      double t0 = now_ns();
      result[s] = run_side(b, p, st[s], s == 0, rows);
      ns[s][rep] = now_ns() - t0;
    }
  }
  for (int s = 0; s < 2; s++) sqlite3_finalize(st[s]);
  stats ours = summarise(ns[0], ops, result[0]);
  stats base = summarise(ns[1], ops, result[1]);
  double diff = fabs(ours.result - base.result) /
                fmax(fabs(base.result), 1e-300);
  printf("| %-36s | %8ld | %9.1f | %4.0f%% | %9.1f | %4.0f%% | %5.2f |",
         p->name, ops, ours.median, 100 * ours.spread, base.median,
         100 * base.spread, ours.median / base.median);
  if (p->needs && (p->kind == OP_ROW || p->kind == OP_PROJECTION)) {
    printf(" %.1e |\n", diff);
  } else {
    printf("       |\n");
  }
  fflush(stdout);
}

static void print_skip(const pair *p) {
  printf("| %-36s | skipped: %s not in this build |\n", p->name, p->needs);
}

static bench *open_bench(const char *lib) {
  bench *b = calloc(1, sizeof *b);
  if (!b) die(0, "out of memory");
  b->lib = lib;
  b->connections = 2000;
  if (sqlite3_open(":memory:", &b->db) != SQLITE_OK) die(b->db, "open");
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(b->db, "SELECT pow(2, 0.5), ln(2)", -1, &st, 0) !=
      SQLITE_OK) {
    die(b->db, "this libsqlite3 lacks the math functions (pow, ln)");
  }
  sqlite3_finalize(st);
  if (!load_pmext(b->db, lib)) exit(1);
  int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  sqlite3_create_function(b->db, "noop", 3, flags, 0, noop_func, 0, 0);
  sqlite3_create_function(b->db, "naive_project", 3, flags, 0,
                          naive_project_func, 0, 0);
  setup_model(b);
  return b;
}

static void close_bench(bench *b) {
  for (int k = 0; k < b->n_keys; k++) {
    free(b->key_dim[k]);
    free(b->key_seg[k]);
  }
  sqlite3_close(b->db);
  free(b);
}

/* pm_extract() over report-like texts of 1 to 10 MB: the time per byte
** stays flat when the work is linear in the text. The floor is SQLite's
** instr() looking for a string that is not there (one pass over the
** bytes). Each size is the median of 5 runs, in process CPU time (on a
** shared machine wall time mostly measures the neighbours). */
static const char extract_unit[] =
    "The global widget market was valued at USD 578.14 billion in 2024 and "
    "may reach USD 1,094.83 billion by 2034, at a CAGR of 11.37% from 2025 "
    "to 2034. Some 30% of buyers switched vendors in 2023.\n"
    "Widget Market Revenue Share, By Region, 2024 (%)\n"
    "Region | Revenue Share, 2024 (%) |\n"
    "North America | 44.96% |\n"
    "Europe | 28.72% |\n"
    "The Europe widget market size was USD 166.04 billion in 2024.\n";

static double cpu_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void bench_extract(bench *b) {
  if (!registered(b->db, "pm_extract")) {
    printf("\npm_extract(): skipped, not in this build\n");
    return;
  }
  printf("\n| %-12s | %8s | %9s | %8s | %12s |\n", "pm_extract()",
         "rows", "cpu ms", "ns/byte", "instr ns/byte");
  printf("|--------------|----------|-----------|----------|--------------|\n");
  size_t unit = sizeof extract_unit - 1;
  static const int mb[] = {1, 2, 5, 10};
  for (size_t z = 0; z < sizeof mb / sizeof mb[0]; z++) {
    size_t copies = (size_t)mb[z] * 1000000 / unit, n = copies * unit;
    char *text = malloc(n + 1);
    if (!text) die(0, "out of memory");
    for (size_t i = 0; i < copies; i++) memcpy(text + i * unit, extract_unit, unit);
    text[n] = 0;
    sqlite3_stmt *st[2] = {
        prepare(b->db, "SELECT count(*) FROM pm_extract(?1)"),
        prepare(b->db, "SELECT instr(?1, 'no such words here')")};
    double ns[2][5], rows = 0;
    for (int s = 0; s < 2; s++) {
      sqlite3_bind_text64(st[s], 1, text, n, SQLITE_STATIC, SQLITE_UTF8);
      for (int rep = 0; rep < 5; rep++) {
        double t0 = cpu_ns();
        double r = drain(b->db, st[s]);
        ns[s][rep] = cpu_ns() - t0;
        if (s == 0) rows = r;
      }
      qsort(ns[s], 5, sizeof ns[s][0], cmp_double);
      sqlite3_finalize(st[s]);
    }
    printf("| %9d MB | %8.0f | %9.1f | %8.2f | %12.3f |\n", mb[z], rows,
           ns[0][2] / 1e6, ns[0][2] / (double)n, ns[1][2] / (double)n);
    fflush(stdout);
    free(text);
  }
}

static int pair_available(const bench *b, const pair *p) {
  return !p->needs || registered(b->db, p->needs);
}

/* --- the model engine (pm_model) ------------------------------------------
** R reports x 50 segments x 30 years, as input tables: the time to build
** the model and scan every row (a change to the input forces the rebuild),
** to recheck the inputs after a commit to another table and scan, to scan
** it again unchanged, to build the audit, and a point query with
** report, dimension, segment and year pushed down, for several R: its time
** should not grow with R. */

/* The model's input tables, empty. */
#define INPUT_TABLES                                                         \
  "DROP TABLE IF EXISTS reports; DROP TABLE IF EXISTS figures;"              \
  "DROP TABLE IF EXISTS claims;"                                             \
  "CREATE TABLE reports(report, market, publisher, published, unit, url);"   \
  "CREATE TABLE figures(report, dimension, segment, year, value, share,"     \
  " decimals, note);"                                                        \
  "CREATE TABLE claims(report, kind, dimension, segment, value,"             \
  " from_year, to_year, note);"

/* Fills reports/figures/claims with n reports of 50 segments over 30 years. */
static void fill_reports(sqlite3 *db, int n) {
  exec(db, INPUT_TABLES);
  char sql[512];
  exec(db, "BEGIN");
  snprintf(sql, sizeof sql,
           "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < %d)"
           " INSERT INTO reports SELECT 'r' || i, 'm', NULL, NULL, 'USD bn', NULL FROM r;"
           , n);
  exec(db, sql);
  exec(db, "INSERT INTO figures SELECT report, 'market', 'Global', y.year,"
           " 100 * (1 + 0.05 * (y.year - 2000) / 29.0), NULL, 2, NULL"
           " FROM reports, (SELECT 2000 AS year UNION ALL SELECT 2015"
           " UNION ALL SELECT 2029) y;"
           "WITH RECURSIVE s(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM s WHERE j < 49)"
           " INSERT INTO figures SELECT report, 'region', 'seg' || j, y.year,"
           " 2 + j / 100.0 + (y.year - 2000) / 29.0, CASE y.year WHEN 2000 THEN 0.02 END,"
           " 2, NULL FROM reports, s, (SELECT 2000 AS year UNION ALL SELECT 2029) y;"
           "INSERT INTO claims SELECT report, 'cagr', NULL, NULL, 0.05, 2000, 2029,"
           " NULL FROM reports;");
  exec(db, "COMMIT");
}

/* Median ns of REPS runs of `sql` (each drained), after `before`. */
static double time_sql(sqlite3 *db, const char *before, const char *sql) {
  double ns[REPS];
  sqlite3_stmt *st = prepare(db, sql);
  for (int r = -1; r < REPS; r++) {
    if (before) exec(db, before);
    double t0 = now_ns();
    drain(db, st);
    if (r >= 0) ns[r] = now_ns() - t0;
  }
  sqlite3_finalize(st);
  qsort(ns, REPS, sizeof ns[0], cmp_double);
  return ns[REPS / 2];
}

/* Median ns per point query over `n` queries with bound keys. */
static double time_point(sqlite3 *db, int reports, int n) {
  sqlite3_stmt *st = prepare(db, "SELECT value FROM m WHERE report = ?1 AND"
                                  " dimension = 'region' AND segment = ?2 AND"
                                  " year = ?3");
  double ns[REPS];
  unsigned long long seed = 42;
  for (int r = -1; r < REPS; r++) {
    double t0 = now_ns();
    for (int i = 0; i < n; i++) {
      char report[16], segment[16];
      snprintf(report, sizeof report, "r%d", 1 + (int)uniform(&seed, 0, reports - 0.5));
      snprintf(segment, sizeof segment, "seg%d", 1 + (int)uniform(&seed, 0, 48.5));
      sqlite3_bind_text(st, 1, report, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(st, 2, segment, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int(st, 3, 2000 + (int)uniform(&seed, 0, 29.5));
      if (sqlite3_step(st) != SQLITE_ROW) die(db, "point query found no row");
      sqlite3_reset(st);
    }
    if (r >= 0) ns[r] = (now_ns() - t0) / n;
  }
  sqlite3_finalize(st);
  qsort(ns, REPS, sizeof ns[0], cmp_double);
  return ns[REPS / 2];
}

static void run_model_engine(const char *lib) {
  static const int sizes[] = {2, 20, 200};
  sqlite3 *db = 0;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK || !load_pmext(db, lib)) {
    die(db, "cannot open a connection with pmext");
  }
  if (!registered(db, "pm_model")) {
    printf("\nmodel engine: skipped: pm_model not in this build\n");
    sqlite3_close(db);
    return;
  }
  printf("\nmodel engine (pm_model over input tables), 50 segments x 30 years"
         " per report, median of %d\n\n", REPS);
  printf("| %7s | %9s | %12s | %12s | %12s | %11s | %14s |\n", "reports",
         "rows", "build+scan", "recheck+scan", "scan", "audit build",
         "point query");
  printf("|---------|-----------|--------------|--------------|--------------|"
         "-------------|----------------|\n");
  for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
    fill_reports(db, sizes[k]);
    exec(db, "DROP TABLE IF EXISTS m; DROP TABLE IF EXISTS a;"
             "CREATE TABLE IF NOT EXISTS unrelated(x);"
             "CREATE VIRTUAL TABLE m USING pm_model;"
             "CREATE VIRTUAL TABLE a USING pm_model_audit;");
    /* A change of an input rebuilds; a commit elsewhere only rechecks
    ** (the inputs read again and compared by their digest). */
    const char *change = "UPDATE reports SET url = CASE WHEN url IS NULL "
                         "THEN 'x' END WHERE rowid = 1";
    const char *elsewhere = "INSERT INTO unrelated VALUES (1)";
    double build = time_sql(db, change, "SELECT sum(value) FROM m");
    double recheck = time_sql(db, elsewhere, "SELECT sum(value) FROM m");
    double scan = time_sql(db, 0, "SELECT sum(value) FROM m");
    double audit = time_sql(db, change, "SELECT count(*) FROM a");
    double point = time_point(db, sizes[k], 10000);
    printf("| %7d | %9d | %9.2f ms | %9.2f ms | %9.2f ms | %8.2f ms | %11.0f ns |\n",
           sizes[k], sizes[k] * 50 * 30, build / 1e6, recheck / 1e6,
           scan / 1e6, audit / 1e6, point);
  }
  sqlite3_close(db);
}

/* --- the audit at scale ---------------------------------------------------
** One report whose audit grows in one direction: N segments of one
** dimension (each with sizes in 2020 and 2030 and a 2020 share), or N
** dimensions of one segment each (each with a dominant and a
** fastest-growing claim). The time to read the input and build the audit
** (pm_model_audit, a change forcing the rebuild), median of AUDIT_REPS,
** in CPU time of the process (CLOCK_PROCESS_CPUTIME_ID: a busy machine
** does not inflate it): it should grow as N log N or slower (it used to be
** quadratic: 80,000 segments took 14.7 s). Sizes from BENCH_AUDIT_SCALE
** (default "1e4 1e5"). */

#define AUDIT_REPS 3

static void fill_audit(sqlite3 *db, long n, int dimensions) {
  exec(db, INPUT_TABLES
           "INSERT INTO reports VALUES ('r', 'm', NULL, NULL, 'USD bn', NULL);");
  char sql[1024];
  snprintf(sql, sizeof sql,
           "BEGIN;"
           "INSERT INTO figures VALUES ('r', 'market', 'Global', 2020, %ld, NULL, 2, NULL),"
           " ('r', 'market', 'Global', 2030, %ld, NULL, 2, NULL);"
           "WITH RECURSIVE s(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM s WHERE j < %ld)"
           " INSERT INTO figures SELECT 'r', %s, 'seg' || j, y.year,"
           " 1 + (j %% 97) / 100.0 + (y.year - 2020) / (10.0 + j %% 13),"
           " CASE y.year WHEN 2020 THEN 1.0 / %ld END, 2, NULL"
           " FROM s, (SELECT 2020 AS year UNION ALL SELECT 2030) y;"
           "INSERT INTO claims VALUES ('r', 'cagr', NULL, NULL, 0.05, 2020, 2030, NULL);"
           "WITH RECURSIVE s(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM s WHERE j < %ld)"
           " INSERT INTO claims SELECT 'r', k.kind, %s, 'seg' || j, NULL, NULL, NULL, NULL"
           " FROM s, (SELECT 'dominant' AS kind UNION ALL SELECT 'fastest_growing') k"
           " WHERE %s;"
           "COMMIT;",
           2 * n, 3 * n, n, dimensions ? "'dim' || j" : "'region'", n,
           dimensions ? n : 1, dimensions ? "'dim' || j" : "'region'",
           dimensions ? "1" : "j = 1");
  exec(db, sql);
}

static void run_audit_scaling(const char *lib) {
  const char *scale = getenv("BENCH_AUDIT_SCALE");
  char sizes[256];
  snprintf(sizes, sizeof sizes, "%s", scale && *scale ? scale : "1e4 1e5");
  sqlite3 *db = 0;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK || !load_pmext(db, lib)) {
    die(db, "cannot open a connection with pmext");
  }
  printf("\naudit at scale (pm_model_audit of one report: read and audit),"
         " CPU time, median of %d\n\n", AUDIT_REPS);
  printf("| %-10s | %9s | %9s | %12s | %12s |\n", "grows in", "N", "rows",
         "build", "per N");
  printf("|------------|-----------|-----------|--------------|--------------|\n");
  for (int dimensions = 0; dimensions <= 1; dimensions++) {
    char *save = 0;
    char copy[256];
    snprintf(copy, sizeof copy, "%s", sizes);
    for (char *tok = strtok_r(copy, " ", &save); tok; tok = strtok_r(0, " ", &save)) {
      long n = (long)atof(tok);
      if (n < 1) continue;
      fill_audit(db, n, dimensions);
      exec(db, "DROP TABLE IF EXISTS a; CREATE VIRTUAL TABLE a USING pm_model_audit;");
      double ns[AUDIT_REPS];
      sqlite3_stmt *st = prepare(db, "SELECT count(*) FROM a");
      long rows = 0;
      for (int r = 0; r < AUDIT_REPS; r++) {
        exec(db, "UPDATE reports SET url = NULL");
        double t0 = cpu_ns();
        if (sqlite3_step(st) != SQLITE_ROW) die(db, "audit failed");
        rows = (long)sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        ns[r] = cpu_ns() - t0;
      }
      sqlite3_finalize(st);
      qsort(ns, AUDIT_REPS, sizeof ns[0], cmp_double);
      double t = ns[AUDIT_REPS / 2];
      printf("| %-10s | %9ld | %9ld | %9.1f ms | %9.2f us |\n",
             dimensions ? "dimensions" : "segments", n, rows, t / 1e6,
             t / 1e3 / (double)n);
      fflush(stdout);
    }
  }
  sqlite3_close(db);
}

static int run_timing(const char *lib, int nsizes, char **sizes) {
  static char *default_sizes[] = {"100000", "1000000"};
  if (nsizes == 0) {
    nsizes = 2;
    sizes = default_sizes;
  }
  const char *only = getenv("BENCH_ONLY"); /* run the pairs named so */
  bench *b = open_bench(lib);
  printf("pmext %s against SQLite %s built-ins, %d repetitions, "
         "ns per operation (median)\n\n",
         lib, sqlite3_libversion(), REPS);
  printf("| %-36s | %8s | %9s | %5s | %9s | %5s | %5s | %7s |\n",
         "pair: pmext vs built-in", "ops", "pmext ns", "sprd", "builtin",
         "sprd", "ratio", "rel.dif");
  printf("|%.38s|%.10s|%.11s|%.7s|%.11s|%.7s|%.7s|%.9s|\n",
         "--------------------------------------", "----------",
         "-----------", "-------", "-----------", "-------", "-------",
         "---------");
  for (int z = 0; z < nsizes; z++) {
    long rows = atol(sizes[z]);
    if (rows < 1000) die(0, "sizes must be at least 1000 rows");
    fill_tables(b->db, rows);
    for (size_t i = 0; i < N_PAIRS; i++) {
      const pair *p = &pairs[i];
      if (p->kind == OP_CONNECT && z > 0) continue; /* independent of N */
      if (only && !strstr(p->name, only)) continue;
      if (!pair_available(b, p) ||
          ((p->kind == OP_LOOKUP || p->kind == OP_SCAN) && !b->have_model)) {
        print_skip(p);
        continue;
      }
      time_pair(b, p, rows);
    }
  }
  if (!only || strstr("pm_extract", only)) bench_extract(b);
  close_bench(b);
  if (!only || strstr("model engine", only)) run_model_engine(lib);
  return 0;
}

/* --- scaling: time and peak memory as the rows grow ---------------------- */

/* The rows of the scaling queries: k = 1..N from a recursive CTE (a queue
** of one row, so the source itself takes no memory), value 1000 + k. */
#define SCALE_ROWS_CTE                                                \
  "WITH RECURSIVE s(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM s"     \
  " WHERE k < %ld) "

typedef struct scale_query {
  const char *label;
  const char *needs; /* pmext function, or 0 */
  long max_rows;     /* 0: any size; else skipped above, for `why` */
  const char *why;
  int sliding_only;  /* not run as a running frame */
  const char *sql;   /* %ld the rows (in SCALE_ROWS_CTE), then %s a frame */
} scale_query;

#define PER_ROW "keeps 16 bytes a row"
#define QUADRATIC "a solve over the frame each row"

/* Plain aggregates over N rows; the first two are the baselines. */
static const scale_query scale_aggregates[] = {
    {"count(*) (baseline)", 0, 0, 0, 0,
     SCALE_ROWS_CTE "SELECT count(*) FROM s"},
    {"sum(1000.0+k)", 0, 0, 0, 0, SCALE_ROWS_CTE "SELECT sum(1000.0 + k) FROM s"},
    {"cagr_fit(1000.0+k, k)", "cagr_fit", 0, 0, 0,
     SCALE_ROWS_CTE "SELECT cagr_fit(1000.0 + k, k) FROM s"},
    {"npv(0.05, 1000.0+k, k)", "npv", 0, 0, 0,
     SCALE_ROWS_CTE "SELECT npv(0.05, 1000.0 + k, k) FROM s"},
    {"cagr(1000.0+k, k)", "cagr", 10000000, PER_ROW, 0,
     SCALE_ROWS_CTE "SELECT cagr(1000.0 + k, k) FROM s"},
    {"xnpv(0.05, 1000.0+k, 2451545+k)", "xnpv", 10000000, PER_ROW, 0,
     SCALE_ROWS_CTE "SELECT xnpv(0.05, 1000.0 + k, 2451545 + k) FROM s"},
};

/* Windows: %s is the frame clause (ROWS f PRECEDING), or empty for a
** running frame (ORDER BY k alone). irr's flows: -1000 then +10 a period
** (one sign change: each solve starts from the previous root), and -400
** every 50th period, else +10 (many sign changes, in sliding frames). */
#define SCALE_WINDOW(f, args)                                               \
  SCALE_ROWS_CTE "SELECT count(r) FROM (SELECT " f "(" args ") OVER w AS r" \
                 " FROM s WINDOW w AS (ORDER BY k %s))"
static const scale_query scale_windows[] = {
    {"sum(1000.0+k) (baseline)", 0, 0, 0, 0,
     SCALE_WINDOW("sum", "1000.0 + k")},
    {"cagr_fit(1000.0+k, k)", "cagr_fit", 0, 0, 0,
     SCALE_WINDOW("cagr_fit", "1000.0 + k, k")},
    {"npv(0.05, 1000.0+k, k)", "npv", 0, 0, 0,
     SCALE_WINDOW("npv", "0.05, 1000.0 + k, k")},
    {"xnpv(0.05, 1000.0+k, 2451545+k)", "xnpv", 0, 0, 0,
     SCALE_WINDOW("xnpv", "0.05, 1000.0 + k, 2451545 + k")},
    {"cagr(1000.0+k, k)", "cagr", 0, 0, 0,
     SCALE_WINDOW("cagr", "1000.0 + k, k")},
    {"irr(-1000 then 10, k)", "irr", 10000, QUADRATIC, 0,
     SCALE_WINDOW("irr", "CASE WHEN k = 1 THEN -1000.0 ELSE 10.0 END, k")},
    {"irr(-400 every 50th, else 10, k)", "irr", 10000, QUADRATIC, 1,
     SCALE_WINDOW("irr", "CASE WHEN k %% 50 = 1 THEN -400.0 ELSE 10.0 END, k")},
};

typedef struct scale_result {
  double seconds; /* CPU time (user + system) of the query */
  long peak_kb; /* ru_maxrss of the child that ran the query */
  int ok;
  double last; /* the query's last column, last row */
} scale_result;

static double cpu_seconds(const struct rusage *u) {
  return (double)u->ru_utime.tv_sec + u->ru_utime.tv_usec / 1e6 +
         (double)u->ru_stime.tv_sec + u->ru_stime.tv_usec / 1e6;
}

/* Run one query in a child process (a fresh connection with pmext loaded),
** so that its peak resident memory is its own; `setup` (0: none) runs
** first, and base_kb is the peak after it. */
static scale_result run_scaled_after(const char *lib, const char *setup,
                                     const char *sql, long *base_kb);
static scale_result run_scaled(const char *lib, const char *sql) {
  return run_scaled_after(lib, 0, sql, 0);
}

static scale_result run_scaled_after(const char *lib, const char *setup,
                                     const char *sql, long *base_kb) {
  scale_result r = {0, 0, 0, 0};
  long base[2] = {0, 0}; /* the peak after setup, and whether it ran */
  int fd[2];
  fflush(stdout);
  if (pipe(fd) != 0) die(0, "pipe");
  pid_t pid = fork();
  if (pid < 0) die(0, "fork");
  if (pid == 0) {
    close(fd[0]);
    sqlite3 *db;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK) _exit(1);
    if (!load_pmext(db, lib)) _exit(1);
    struct rusage usage;
    if (setup) exec(db, setup);
    getrusage(RUSAGE_SELF, &usage);
    base[0] = usage.ru_maxrss;
    sqlite3_stmt *st = prepare(db, sql);
    getrusage(RUSAGE_SELF, &usage);
    double t0 = cpu_seconds(&usage);
    r.last = drain(db, st);
    getrusage(RUSAGE_SELF, &usage);
    r.seconds = cpu_seconds(&usage) - t0;
    r.peak_kb = usage.ru_maxrss;
    r.ok = 1;
    sqlite3_finalize(st);
    sqlite3_close(db);
    if (write(fd[1], &r, sizeof r) != (ssize_t)sizeof r ||
        write(fd[1], base, sizeof base) != (ssize_t)sizeof base) {
      _exit(1);
    }
    _exit(0);
  }
  close(fd[1]);
  if (read(fd[0], &r, sizeof r) != (ssize_t)sizeof r ||
      read(fd[0], base, sizeof base) != (ssize_t)sizeof base) {
    r.ok = 0;
  }
  if (base_kb) *base_kb = base[0];
  close(fd[0]);
  int status;
  waitpid(pid, &status, 0);
  return r;
}

static int scale_available(const bench *b, const scale_query *q, long rows) {
  if (q->needs && !registered(b->db, q->needs)) {
    printf("| %-34s | %9ld | skipped: %s not in this build |\n", q->label,
           rows, q->needs);
    return 0;
  }
  if (q->max_rows && rows > q->max_rows) {
    printf("| %-34s | %9ld | skipped above %ld rows: %s |\n", q->label, rows,
           q->max_rows, q->why);
    return 0;
  }
  return 1;
}

/* A title, then a markdown table head of six columns (the first left
** aligned). */
static void table_head(const char *title, const char *const names[6],
                       const int widths[6]) {
  printf("\n%s\n\n|", title);
  for (int i = 0; i < 6; i++) {
    printf(" %*s |", i == 0 ? -widths[i] : widths[i], names[i]);
  }
  printf("\n|");
  for (int i = 0; i < 6; i++) {
    for (int k = 0; k < widths[i] + 2; k++) putchar('-');
    putchar('|');
  }
  putchar('\n');
}

/* The aggregates over each size: time, its ratio to sum(), peak memory and
** what lies above the count(*) baseline of the same size. */
static void scale_aggregate_table(const bench *b, int nsizes, long *sizes) {
  static const char *const names[6] = {"aggregate", "rows",    "cpu s",
                                       "x sum()",   "peak MB", "above MB"};
  static const int widths[6] = {34, 9, 8, 7, 8, 9};
  table_head("scaling: plain aggregates, one child process per query: CPU "
             "seconds, peak RSS (ru_maxrss)",
             names, widths);
  for (int z = 0; z < nsizes; z++) {
    double sum_seconds = 0;
    long base_kb = 0;
    for (size_t i = 0; i < sizeof scale_aggregates / sizeof scale_aggregates[0];
         i++) {
      const scale_query *q = &scale_aggregates[i];
      if (!scale_available(b, q, sizes[z])) continue;
      char sql[512];
      snprintf(sql, sizeof sql, q->sql, sizes[z]);
      scale_result r = run_scaled(b->lib, sql);
      if (!r.ok) die(0, sql);
      if (i == 0) base_kb = r.peak_kb;
      if (i == 1) sum_seconds = r.seconds;
      printf("| %-34s | %9ld | %8.3f | %7.2f | %8.1f | %9.1f |\n", q->label,
             sizes[z], r.seconds,
             sum_seconds > 0 ? r.seconds / sum_seconds : 0.0,
             r.peak_kb / 1024.0, (r.peak_kb - base_kb) / 1024.0);
    }
  }
}

/* The windows: running frames, then sliding frames of each length. */
static void scale_window_table(const bench *b, int nsizes, long *sizes) {
  static const int frames[] = {-1, 10, 100, 1000};
  static const char *const names[6] = {"window", "rows",   "frame",
                                       "cpu s",  "us/row", "peak MB"};
  static const int widths[6] = {34, 9, 7, 8, 8, 8};
  table_head("scaling: windows OVER (ORDER BY k [ROWS f PRECEDING]), one "
             "child process per query: CPU seconds, peak RSS",
             names, widths);
  for (int z = 0; z < nsizes; z++) {
    for (size_t f = 0; f < sizeof frames / sizeof frames[0]; f++) {
      for (size_t i = 0; i < sizeof scale_windows / sizeof scale_windows[0];
           i++) {
        const scale_query *q = &scale_windows[i];
        if (frames[f] < 0 && q->sliding_only) continue;
        if (!scale_available(b, q, sizes[z])) continue;
        char frame[64], sql[640];
        if (frames[f] < 0) {
          snprintf(frame, sizeof frame, "running");
          snprintf(sql, sizeof sql, q->sql, sizes[z], "");
        } else {
          char rows_clause[48];
          snprintf(frame, sizeof frame, "%d", frames[f]);
          snprintf(rows_clause, sizeof rows_clause, "ROWS %d PRECEDING",
                   frames[f]);
          snprintf(sql, sizeof sql, q->sql, sizes[z], rows_clause);
        }
        scale_result r = run_scaled(b->lib, sql);
        if (!r.ok) die(0, sql);
        printf("| %-34s | %9ld | %7s | %8.3f | %8.2f | %8.1f |\n", q->label,
               sizes[z], frame, r.seconds, r.seconds * 1e6 / sizes[z],
               r.peak_kb / 1024.0);
      }
    }
  }
}

/* Sizes from a space-separated list (1e7 or 10000000), or the default. */
static int parse_sizes(const char *text, const char *fallback, long *sizes,
                       int max) {
  int n = 0;
  char buf[256];
  snprintf(buf, sizeof buf, "%s", text && *text ? text : fallback);
  for (char *tok = strtok(buf, " ,"); tok && n < max; tok = strtok(0, " ,")) {
    sizes[n++] = (long)strtod(tok, 0);
  }
  return n;
}

/* Its own run (bench --scaling), so that the children forked for the
** queries do not inherit the timing tables. */
static int run_scaling(const char *lib) {
  const char *only = getenv("BENCH_ONLY");
  if (only && !strstr("scaling", only)) return 0;
  bench *b = open_bench(lib);
  long sizes[8], wsizes[8];
  int n = parse_sizes(getenv("BENCH_SCALE"), "1e4 1e5 1e6 1e7", sizes, 8);
  int nw = parse_sizes(getenv("BENCH_WINDOW_ROWS"), "1e4 1e5", wsizes, 8);
  scale_aggregate_table(b, n, sizes);
  scale_window_table(b, nw, wsizes);
  close_bench(b);
  return 0;
}

/* --- the model engine as its inputs grow: time and peak memory ----------
** Each case in a child process (run_scaled_after): input tables filled by
** recursive CTEs, then one query; "inputs MB" is the peak after filling
** them, "above MB" what the query adds. The model rows (a report whose
** segments have sizes printed in their first and last years only, so
** every year between is computed), the facts (a report printing its whole
** market every year: a rate for each pair of years) and the comparison
** (reports of one market, each printed in the first and last year of a
** 200-year span: the model's year limit). */

typedef struct model_case {
  const char *label;
  const char *setup; /* %ld: size, then its second parameter */
  const char *query;
  long sizes[5][2];  /* up to 5 sizes (0 ends), each two parameters */
} model_case;

static const model_case model_cases[] = {
    {"pm_model rows: segments x years",
     INPUT_TABLES
     "INSERT INTO reports VALUES ('r', 'm', NULL, NULL, 'USD bn', NULL);"
     "WITH RECURSIVE s(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM s WHERE j < %ld - 1)"
     " INSERT INTO figures SELECT 'r', CASE j WHEN 0 THEN 'market' ELSE 'region' END,"
     " 'seg' || j, y, 100 + j + (y > 2000) * 50, NULL, 2, NULL FROM s,"
     " (SELECT 2000 AS y UNION ALL SELECT 2000 + %ld - 1);"
     "CREATE VIRTUAL TABLE m USING pm_model;",
     "SELECT sum(value), count(*) FROM m",
     {{100, 100}, {1000, 100}, {1000, 200}, {5000, 200}, {0, 0}}},
    {"pm_model_facts: whole-market years",
     INPUT_TABLES
     "INSERT INTO reports VALUES ('r', 'm', NULL, NULL, 'USD bn', NULL);"
     "WITH RECURSIVE y(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM y WHERE k < %ld - 1)"
     " INSERT INTO figures SELECT 'r', 'market', 'Global', 2000 + k, 100 + k, NULL,"
     " 2, NULL FROM y WHERE %ld;"
     "CREATE VIRTUAL TABLE f USING pm_model_facts;",
     "SELECT count(*) FROM f",
     {{10, 1}, {100, 1}, {200, 1}, {0, 0}}},
    {"pm_compare: reports x 200 years",
     INPUT_TABLES
     "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < %ld)"
     " INSERT INTO reports SELECT 'r' || i, 'm', NULL, NULL, 'USD bn', NULL FROM r;"
     "INSERT INTO figures SELECT report, 'market', 'Global', y, 100 + reports.rowid"
     " + (y > 2000) * %ld, NULL, 2, NULL FROM reports,"
     " (SELECT 2000 AS y UNION ALL SELECT 2199);"
     "CREATE VIRTUAL TABLE c USING pm_compare;",
     "SELECT sum(value), count(*) FROM c",
     {{10, 50}, {100, 50}, {1000, 50}, {0, 0}}},
};

static int run_model_memory(const char *lib) {
  const char *only = getenv("BENCH_ONLY");
  if (only && !strstr("model memory", only)) return 0;
  static const char *const names[6] = {"model table", "size",     "rows",
                                       "cpu s",       "inputs MB", "above MB"};
  static const int widths[6] = {34, 11, 9, 8, 9, 9};
  table_head("model engine as its inputs grow, one child process per query: "
             "CPU seconds, peak RSS (ru_maxrss)",
             names, widths);
  for (size_t i = 0; i < sizeof model_cases / sizeof model_cases[0]; i++) {
    const model_case *c = &model_cases[i];
    for (int z = 0; z < 5 && c->sizes[z][0]; z++) {
      char setup[2048], size[32];
      snprintf(setup, sizeof setup, c->setup, c->sizes[z][0], c->sizes[z][1]);
      snprintf(size, sizeof size, i == 1 ? "%ld" : "%ldx%ld", c->sizes[z][0],
               i == 2 ? 200L : c->sizes[z][1]);
      long base_kb = 0;
      scale_result r = run_scaled_after(lib, setup, c->query, &base_kb);
      if (!r.ok) {
        printf("| %-34s | %11s | failed: %s |\n", c->label, size, c->query);
        continue;
      }
      long rows = (long)r.last; /* each query ends with count(*) */
      printf("| %-34s | %11s | %9ld | %8.3f | %9.1f | %9.1f |\n", c->label,
             size, rows, r.seconds, base_kb / 1024.0,
             (r.peak_kb - base_kb) / 1024.0);
    }
  }
  return 0;
}

/* The model engine under callgrind: each query once, dumped as
** "model|index|ops". Before each, `before` runs (uncounted). */
typedef struct model_cg {
  const char *name;
  int reports;        /* fill_reports(n) first when it changes */
  const char *before; /* or 0 */
  const char *query;
  int point;          /* 1: `ops` point queries, not one scan */
} model_cg;

#define CHANGE_INPUT "UPDATE reports SET url = CASE WHEN url IS NULL THEN 'x' END WHERE rowid = 1"
static const model_cg model_cgs[] = {
    {"pm_model scan, rows kept", 20, 0, "SELECT sum(value), count(*) FROM m", 0},
    {"pm_model rebuild + scan", 20, CHANGE_INPUT,
     "SELECT sum(value), count(*) FROM m", 0},
    {"pm_model recheck + scan", 20, "INSERT INTO unrelated VALUES (1)",
     "SELECT sum(value), count(*) FROM m", 0},
    {"pm_model point query", 20, 0, 0, 1},
    {"pm_model_facts scan", 20, 0, "SELECT count(*), count(*) FROM f", 0},
    {"pm_model scan, rows computed", 200, 0,
     "SELECT sum(value), count(*) FROM m", 0},
};
#define N_MODEL_CG (sizeof model_cgs / sizeof model_cgs[0])

#ifdef PMEXT_BENCH_CALLGRIND
static void run_model_callgrind(sqlite3 *db) {
  int filled = 0;
  for (size_t i = 0; i < N_MODEL_CG; i++) {
    const model_cg *c = &model_cgs[i];
    if (c->reports != filled) {
      fill_reports(db, c->reports);
      exec(db, "DROP TABLE IF EXISTS m; DROP TABLE IF EXISTS f;"
               "CREATE TABLE IF NOT EXISTS unrelated(x);"
               "CREATE VIRTUAL TABLE m USING pm_model;"
               "CREATE VIRTUAL TABLE f USING pm_model_facts;");
      filled = c->reports;
    }
    sqlite3_stmt *st = c->query ? prepare(db, c->query) : 0;
    if (st) drain(db, st); /* warm: build the model once */
    if (c->before) exec(db, c->before);
    long ops = 1000;
    char name[64];
    CALLGRIND_ZERO_STATS;
    CALLGRIND_TOGGLE_COLLECT;
    if (st) {
      ops = (long)drain(db, st);
    } else {
      time_point(db, c->reports, 1000); /* REPS + 1 rounds of 1000 */
      ops = 1000L * (REPS + 1);
    }
    CALLGRIND_TOGGLE_COLLECT;
    snprintf(name, sizeof name, "model|%zu|%ld", i, ops);
    CALLGRIND_DUMP_STATS_AT(name);
    sqlite3_finalize(st);
  }
}
#endif

#ifdef PMEXT_BENCH_CALLGRIND
/* Each side once, collected alone and dumped under the name
** "pair index|side|ops", which the report reads back. */
static int run_callgrind(const char *lib, long rows) {
  bench *b = open_bench(lib);
  b->connections = 50; /* dlopen under valgrind is slow */
  fill_tables(b->db, rows);
  for (size_t i = 0; i < N_PAIRS; i++) {
    const pair *p = &pairs[i];
    if (!pair_available(b, p) ||
        ((p->kind == OP_LOOKUP || p->kind == OP_SCAN) && !b->have_model)) {
      continue;
    }
    const char *sql[2] = {p->ours, p->base};
    for (int s = 0; s < 2; s++) {
      sqlite3_stmt *st = sql[s] ? prepare(b->db, sql[s]) : 0;
      run_side(b, p, st, s == 0, rows / 10); /* warm caches and lazy init */
      char name[64];
      snprintf(name, sizeof name, "%zu|%d|%ld", i, s, ops_of(b, p, rows));
      CALLGRIND_MEASURE(name, run_side(b, p, st, s == 0, rows));
      sqlite3_finalize(st);
    }
  }
  if (registered(b->db, "pm_model")) run_model_callgrind(b->db);
  close_bench(b);
  return 0;
}
#endif

/* The dumps of run_callgrind() back (callgrind_dump.c). */
static int run_report(int nfiles, char **files) {
  callgrind_count counts[N_PAIRS][2];
  callgrind_count model[N_MODEL_CG];
  memset(counts, 0, sizeof counts);
  memset(model, 0, sizeof model);
  callgrind_dumps_read(nfiles, files, N_PAIRS, &counts[0][0]);
  callgrind_dumps_read_alone(nfiles, files, "model", N_MODEL_CG, model);
  printf("callgrind: instructions per operation (Ir / ops), each query once\n\n");
  printf("| %-36s | %7s | %10s | %10s | %5s |\n", "pair: pmext vs built-in",
         "ops", "pmext Ir", "builtin Ir", "ratio");
  printf("|%.38s|%.9s|%.12s|%.12s|%.7s|\n",
         "--------------------------------------", "---------",
         "------------", "------------", "-------");
  for (size_t i = 0; i < N_PAIRS; i++) {
    const pair *p = &pairs[i];
    const callgrind_count *count = counts[i];
    if (!count[0].seen || !count[1].seen) {
      print_skip(p);
      continue;
    }
    double a = count[0].instructions / (double)count[0].ops;
    double c = count[1].instructions / (double)count[1].ops;
    printf("| %-36s | %7lld | %10.0f | %10.0f | %5.2f |\n", p->name, count[0].ops,
           a, c, a / c);
  }
  printf("\nmodel engine: instructions per row (per query for point "
         "queries), 20 reports x 50 segments x 30 years (200 for rows "
         "computed)\n\n");
  printf("| %-36s | %7s | %10s |\n", "query", "ops", "Ir / op");
  printf("|%.38s|%.9s|%.12s|\n", "--------------------------------------",
         "---------", "------------");
  for (size_t i = 0; i < N_MODEL_CG; i++) {
    if (!model[i].seen || model[i].ops <= 0) continue;
    printf("| %-36s | %7lld | %10.0f |\n", model_cgs[i].name, model[i].ops,
           model[i].instructions / (double)model[i].ops);
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc >= 3 && strcmp(argv[1], "--callgrind-report") == 0) {
    return run_report(argc - 2, argv + 2);
  }
  if (argc >= 3 && strcmp(argv[1], "--model-memory") == 0) {
    return run_model_memory(argv[2]);
  }
  if (argc >= 3 && strcmp(argv[1], "--scaling") == 0) {
    return run_scaling(argv[2]);
  }
  if (argc >= 3 && strcmp(argv[1], "--audit") == 0) {
    run_audit_scaling(argv[2]);
    return 0;
  }
  if (argc >= 3 && strcmp(argv[1], "--callgrind") == 0) {
#ifdef PMEXT_BENCH_CALLGRIND
    return run_callgrind(argv[2], argc > 3 ? atol(argv[3]) : 10000);
#else
    fprintf(stderr, "bench: built without valgrind/callgrind.h\n");
    return 1;
#endif
  }
  if (argc < 2 || argv[1][0] == '-') {
    fprintf(stderr,
            "usage: bench LIB [ROWS...]\n"
            "       bench --scaling LIB\n"
            "       bench --audit LIB\n"
            "       bench --callgrind LIB [ROWS]\n"
            "       bench --callgrind-report CALLGRIND_OUT...\n");
    return 2;
  }
  return run_timing(argv[1], argc - 2, argv + 2);
}
