/* SPDX-License-Identifier: MIT */
/*
** staleness.c -- the model against its inputs, differentially: random
** interleavings of writes, transactions, savepoints, rollbacks, schema
** changes and scans over two connections; every scan of a model is
** compared with a recomputation from the same input rows, read in the
** same moment. A model may never show rows its inputs do not hold
** (docs/model.md, "How the engine works"; tests/model_source.test is the
** short version run by `make test`).
**
**   build/staleness/staleness build/pmext.so STEPS [SEED]   (make staleness)
**
** How it works: for each journal mode (rollback journal, WAL) and each
** place of the model (a model in main over main's tables; a temp model
** over main's tables; a temp model over temp views of an attached
** database), two connections open one database file, both load the
** extension (load_extension, as a host would) and run STEPS random steps,
** each on one of them:
**   UPDATE, INSERT or DELETE a row of figures; BEGIN, COMMIT, ROLLBACK;
**   SAVEPOINT, ROLLBACK TO, RELEASE; CREATE or DROP an index (a schema
**   change with no row changed); or a scan.
** A statement refused because the other connection holds a lock changes
** nothing and is part of the game. A scan reads, on one connection, the
** model's rows and facts, then the figures; the expected rows are
** computed here from those figures: for each segment, each year from the
** model's first to its last, its printed size where printed, between two
** printed sizes the constant-growth path v0 (v1 / v0)^((y - y0) / (y1 -
** y0)) (relative 1e-12), NULL elsewhere; the facts market_size_<year> are
** the printed sizes of the whole market. In a transaction both reads see
** the same snapshot; outside one no other statement runs between them.
** Prints the number of scans per case; exits 1 on the first difference.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#define MAX_ROWS 4096

static const char *extension_path;
static unsigned long long rng_state;

static unsigned rnd(unsigned n) {
  rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
  return (unsigned)((rng_state >> 33) % n);
}

static void die(const char *what, sqlite3 *db) {
  fprintf(stderr, "staleness: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
  exit(2);
}

static void exec_or_die(sqlite3 *db, const char *sql) {
  char *err = 0;
  if (sqlite3_exec(db, sql, 0, 0, &err) != SQLITE_OK) {
    fprintf(stderr, "staleness: %s: %s\n", sql, err);
    exit(2);
  }
}

static sqlite3 *open_with_pmext(const char *file) {
  sqlite3 *db = 0;
  char *err = 0;
  if (sqlite3_open(file, &db) != SQLITE_OK) die("open", db);
  sqlite3_enable_load_extension(db, 1);
  if (sqlite3_load_extension(db, extension_path, 0, &err) != SQLITE_OK) {
    fprintf(stderr, "staleness: cannot load %s: %s\n", extension_path, err);
    exit(2);
  }
  return db;
}

/* One row: segment, year, value (has 0: NULL). */
typedef struct row {
  char segment[8];
  int year;
  int has;
  double value;
} row;

static int by_segment_year(const void *a, const void *b) {
  const row *x = a, *y = b;
  int c = strcmp(x->segment, y->segment);
  return c ? c : (x->year > y->year) - (x->year < y->year);
}

/* Rows of SQL (segment, year, value); -1 when it fails. */
static int read_rows(sqlite3 *db, const char *sql, row *rows) {
  sqlite3_stmt *stmt = 0;
  int n = 0, rc = sqlite3_prepare_v2(db, sql, -1, &stmt, 0);
  while (rc == SQLITE_OK || rc == SQLITE_ROW) {
    if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) break;
    if (n == MAX_ROWS) die("too many rows", 0);
    row *r = &rows[n++];
    snprintf(r->segment, sizeof r->segment, "%s",
             (const char *)sqlite3_column_text(stmt, 0));
    r->year = sqlite3_column_int(stmt, 1);
    r->has = sqlite3_column_type(stmt, 2) != SQLITE_NULL;
    r->value = sqlite3_column_double(stmt, 2);
  }
  if (rc != SQLITE_DONE && getenv("STALENESS_DEBUG")) {
    fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(db));
  }
  sqlite3_finalize(stmt);
  return rc == SQLITE_DONE ? n : -1;
}

/* The model the figures imply: every segment over the model's window. */
static int expected_rows(const row *figures, int n, row *out) {
  int first = 0, last = 0, m = 0;
  for (int i = 0; i < n; i++) {
    if (!first || figures[i].year < first) first = figures[i].year;
    if (figures[i].year > last) last = figures[i].year;
  }
  for (int i = 0; i < n;) {
    int j = i; /* figures[i..j) is one segment, by year */
    while (j < n && strcmp(figures[j].segment, figures[i].segment) == 0) j++;
    for (int year = first; year <= last; year++) {
      row *r = &out[m++];
      snprintf(r->segment, sizeof r->segment, "%s", figures[i].segment);
      r->year = year;
      r->has = 0;
      for (int k = i; k < j; k++) {
        if (figures[k].year == year) {
          r->has = 1;
          r->value = figures[k].value;
        } else if (k + 1 < j && figures[k].year < year && year < figures[k + 1].year) {
          const row *a = &figures[k], *b = &figures[k + 1];
          r->has = 1;
          r->value = a->value * pow(b->value / a->value,
                                    (double)(year - a->year) / (b->year - a->year));
        }
      }
    }
    i = j;
  }
  return m;
}

static int same_rows(const row *a, int n, const row *b, int m) {
  if (n != m) return 0;
  for (int i = 0; i < n; i++) {
    if (strcmp(a[i].segment, b[i].segment) != 0 || a[i].year != b[i].year ||
        a[i].has != b[i].has) {
      return 0;
    }
    if (a[i].has && fabs(a[i].value - b[i].value) > 1e-12 * fabs(b[i].value)) {
      return 0;
    }
  }
  return 1;
}

static void print_rows(const char *what, const row *r, int n) {
  printf("  %s:", what);
  for (int i = 0; i < n; i++) {
    if (r[i].has) {
      printf(" %s/%d=%.17g", r[i].segment, r[i].year, r[i].value);
    } else {
      printf(" %s/%d=NULL", r[i].segment, r[i].year);
    }
  }
  printf("\n");
}

/* One scan: 1 when the model equals its recomputation, 0 when not, -1
** when a read failed (a lock: nothing to compare). */
static int scan(sqlite3 *db, const char *model, const char *facts,
                const char *figures, long step) {
  static row got[MAX_ROWS], printed[MAX_ROWS], want[MAX_ROWS];
  static row got_facts[MAX_ROWS], want_facts[MAX_ROWS];
  char sql[512];
  snprintf(sql, sizeof sql,
           "SELECT segment, year, value FROM %s ORDER BY segment, year", model);
  int n = read_rows(db, sql, got);
  snprintf(sql, sizeof sql,
           "SELECT substr(key, 13), CAST(substr(key, 13) AS INTEGER), value "
           "FROM %s WHERE key GLOB 'market_size_[0-9]*' ORDER BY key", facts);
  int nf = n < 0 ? -1 : read_rows(db, sql, got_facts);
  snprintf(sql, sizeof sql,
           "SELECT segment, year, value FROM %s WHERE value IS NOT NULL "
           "ORDER BY segment, year", figures);
  int np = nf < 0 ? -1 : read_rows(db, sql, printed);
  if (np < 0) return -1;
  qsort(printed, (size_t)np, sizeof *printed, by_segment_year);
  int m = expected_rows(printed, np, want);
  int mf = 0;
  for (int i = 0; i < np; i++) {
    if (strcmp(printed[i].segment, "W") != 0) continue;
    want_facts[mf] = printed[i];
    snprintf(want_facts[mf].segment, sizeof want_facts[mf].segment, "%d",
             printed[i].year);
    mf++;
  }
  if (same_rows(got, n, want, m) && same_rows(got_facts, nf, want_facts, mf)) {
    return 1;
  }
  printf("FAIL step %ld: %s differs from its inputs\n", step, model);
  print_rows("model", got, n);
  print_rows("expected", want, m);
  print_rows("facts", got_facts, nf);
  print_rows("expected facts", want_facts, mf);
  return 0;
}

/* One random step that is not a scan. Refused statements (locks, a
** savepoint that does not exist) change nothing. */
static void random_step(sqlite3 *db, const char *figures, int *savepoints) {
  char sql[512];
  static const char *const segments[] = {"W", "N", "S"};
  const char *segment = segments[rnd(3)];
  unsigned r = rnd(100);
  if (r < 25) {
    snprintf(sql, sizeof sql,
             "UPDATE %s SET value = %u WHERE rowid = "
             "(SELECT rowid FROM %s ORDER BY random() LIMIT 1)",
             figures, 1 + rnd(500), figures);
  } else if (r < 40) {
    snprintf(sql, sizeof sql,
             "INSERT OR IGNORE INTO %s(report, dimension, segment, year, value, "
             "decimals) VALUES ('a', '%s', '%s', %u, %u, 0)",
             figures, segment[0] == 'W' ? "market" : "region", segment,
             2020 + rnd(8), 1 + rnd(500));
  } else if (r < 50) {
    snprintf(sql, sizeof sql,
             "DELETE FROM %s WHERE rowid = (SELECT rowid FROM %s ORDER BY "
             "random() LIMIT 1) AND (dimension <> 'market' OR (SELECT count(*) "
             "FROM %s WHERE dimension = 'market') > 1)",
             figures, figures, figures);
  } else if (r < 57) {
    snprintf(sql, sizeof sql, "BEGIN");
  } else if (r < 63) {
    snprintf(sql, sizeof sql, "COMMIT");
  } else if (r < 69) {
    snprintf(sql, sizeof sql, "ROLLBACK");
  } else if (r < 77) {
    snprintf(sql, sizeof sql, "SAVEPOINT s%d", ++*savepoints);
  } else if (r < 86) {
    snprintf(sql, sizeof sql, "ROLLBACK TO s%d",
             *savepoints - (int)rnd(3) > 1 ? *savepoints - (int)rnd(3) : 1);
  } else if (r < 91) {
    snprintf(sql, sizeof sql, "RELEASE s%d",
             *savepoints - (int)rnd(3) > 1 ? *savepoints - (int)rnd(3) : 1);
  } else if (r < 95) {
    snprintf(sql, sizeof sql, "CREATE INDEX IF NOT EXISTS %s_by_value ON %s(value)",
             figures, figures);
  } else {
    snprintf(sql, sizeof sql, "DROP INDEX IF EXISTS %s_by_value", figures);
  }
  sqlite3_exec(db, sql, 0, 0, 0);
}

static const char setup_sql[] =
    "CREATE TABLE reports(report, market, publisher, published, unit, url);"
    "CREATE TABLE figures(report, dimension, segment, year, value, share, "
    "decimals, note);"
    "CREATE TABLE claims(report, kind, dimension, segment, value, from_year, "
    "to_year, note);"
    "CREATE UNIQUE INDEX one_figure ON figures(report, dimension, segment, year);"
    "INSERT INTO reports(report, market, unit) VALUES ('a', 'm', 'USD bn');"
    "INSERT INTO figures(report, dimension, segment, year, value, decimals) VALUES"
    " ('a', 'market', 'W', 2020, 100, 0), ('a', 'market', 'W', 2024, 150, 0),"
    " ('a', 'region', 'N', 2021, 60, 0);";

/* Where the model lives, and what each connection runs to read it. */
typedef struct place {
  const char *name;
  const char *per_connection; /* run on each connection after opening */
  const char *model, *facts, *figures;
} place;

static const place places[] = {
    {"model in main", "", "m", "mf", "figures"},
    {"temp model over main",
     "CREATE VIRTUAL TABLE temp.tm USING pm_model;"
     "CREATE VIRTUAL TABLE temp.tf USING pm_model_facts;",
     "tm", "tf", "figures"},
    {"temp model over an attached database",
     "ATTACH '%s-aux' AS aux; PRAGMA aux.synchronous = OFF;"
     "CREATE TEMP VIEW ar AS SELECT * FROM aux.reports;"
     "CREATE TEMP VIEW af AS SELECT * FROM aux.figures;"
     "CREATE TEMP VIEW ac AS SELECT * FROM aux.claims;"
     "CREATE VIRTUAL TABLE temp.am USING pm_model(reports=ar, figures=af, claims=ac);"
     "CREATE VIRTUAL TABLE temp.amf USING pm_model_facts(reports=ar, figures=af, claims=ac);",
     "am", "amf", "aux.figures"},
};

static void remove_files(const char *file) {
  static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
  char path[1024];
  for (int i = 0; i < 4; i++) {
    snprintf(path, sizeof path, "%s%s", file, suffixes[i]);
    remove(path);
    snprintf(path, sizeof path, "%s-aux%s", file, suffixes[i]);
    remove(path);
  }
}

static int play(const char *file, const char *mode, const place *p, long steps) {
  char sql[2048], aux[1024];
  remove_files(file);
  snprintf(aux, sizeof aux, "%s-aux", file);
  for (int f = 0; f < 2; f++) {
    sqlite3 *setup = 0;
    if (sqlite3_open(f ? aux : file, &setup) != SQLITE_OK) die("open", setup);
    snprintf(sql, sizeof sql, "PRAGMA journal_mode = %s; PRAGMA synchronous = OFF", mode);
    exec_or_die(setup, sql);
    exec_or_die(setup, setup_sql);
    sqlite3_close(setup);
  }
  sqlite3 *db[2];
  int savepoints[2] = {0, 0};
  for (int c = 0; c < 2; c++) {
    db[c] = open_with_pmext(file);
    /* No fsync: durability is not what is tested. */
    exec_or_die(db[c], "PRAGMA synchronous = OFF");
    if (c == 0) {
      exec_or_die(db[c], "CREATE VIRTUAL TABLE m USING pm_model;"
                         "CREATE VIRTUAL TABLE mf USING pm_model_facts;");
    }
    snprintf(sql, sizeof sql, p->per_connection, file);
    exec_or_die(db[c], sql);
  }
  long scans = 0;
  int ok = 1;
  for (long step = 0; step < steps && ok; step++) {
    int c = (int)rnd(2);
    if (rnd(2)) {
      int r = scan(db[c], p->model, p->facts, p->figures, step);
      if (r == 0) ok = 0;
      if (r == 1) scans++;
    } else {
      random_step(db[c], p->figures, &savepoints[c]);
    }
  }
  for (int c = 0; c < 2; c++) {
    sqlite3_exec(db[c], "ROLLBACK", 0, 0, 0);
    sqlite3_close(db[c]);
  }
  remove_files(file);
  printf("staleness: %-7s %-38s %ld scans, %s\n", mode, p->name, scans,
         ok ? "all equal to their inputs" : "DIFFERENCE");
  return ok && scans > steps / 10;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s PMEXT_LIBRARY STEPS [SEED]\n", argv[0]);
    return 2;
  }
  extension_path = argv[1];
  long steps = atol(argv[2]);
  rng_state = argc > 3 ? strtoull(argv[3], 0, 10) : 20240601;
  char file[64];
  snprintf(file, sizeof file, "build/staleness-%ld.db", (long)rng_state % 100000);
  int ok = 1;
  for (int m = 0; m < 2; m++) {
    for (size_t p = 0; p < sizeof places / sizeof places[0]; p++) {
      ok &= play(file, m ? "wal" : "delete", &places[p], steps);
    }
  }
  return ok ? 0 : 1;
}
