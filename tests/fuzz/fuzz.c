/* SPDX-License-Identifier: MIT */
/*
** fuzz.c -- libFuzzer target: pmext in a fresh in-memory connection, driven
** by SQL text (text mode) or by typed calls of each pmext function
** (structured mode).
**
**   make fuzz FUZZ_SECONDS=600
**
** How it works: the extension's sources are compiled in (with coverage
** instrumentation; the system libsqlite3 is not instrumented, so coverage
** steers the fuzzer through pmext's code) and registered as an automatic
** extension. The first byte of an input chooses the mode.
**
** Text mode (first byte 0x08 or above, so any SQL): the input is taken as
** SQL text and run statement after statement with sqlite3_exec(). The
** dictionary tests/fuzz/pmext.dict gives the fuzzer our function, table and
** column names; the seed corpus tests/fuzz/corpus holds one valid query per
** file (seed-*.sql). A table t(v, y, r) of a few model-like rows is there
** for aggregates to work on, and a report as input tables (reports,
** figures, claims) with the model tables m, mf, ma and mc over it.
**
** Structured mode (first byte 0x00..0x07, which no SQL starts with): the
** text fuzzer rarely puts extreme values in every argument, so here the
** bytes are decoded as one call with bound arguments, every value reaching
** pmext exactly:
**   byte 1      target index (modulo the number of targets; the targets are
**               discovered once in LLVMFuzzerInitialize, as tests/matrix.test
**               does: every name/arity pair of pragma_function_list that a
**               connection without pmext lacks, then every pmext module of
**               pragma_module_list with hidden columns as a table-valued
**               function of that many arguments)
**   [byte]      arity 0..5, only for a variadic function
**   [byte]      rows 1..4, only for an aggregate or window function
**   per value   one byte: a value class (those of tests/matrix.test plus
**               DBL_MAX, -DBL_MAX, 5e-324, 2^53 and some benign numbers), or
**               a class meaning "the next 8 bytes (little-endian) as a raw
**               double" or "... as a raw 64-bit integer"
** One more target, "model inputs", reads the bytes as rows of the model's
** input tables (reports, figures, claims; each cell a value a valid report
** would hold, or a value class, or raw bits) and reads every model table
** over them (run_model()).
** Missing bytes read as 0. A scalar runs as SELECT f(?, ...), an aggregate
** as SELECT f(column1, ...) FROM (VALUES (?, ...), ...) and a window
** function that way and also OVER (ROWS 1 PRECEDING); a table-valued
** function as SELECT * FROM name(?, ...). Every value returned must be NULL
** or a finite number (text too for the text functions and TEXT columns),
** and every SQLITE_ERROR must name the function; otherwise the driver
** prints the call as SQL and abort()s, so the fuzzer reports it.
** PMEXT_FUZZ_LIST=1 in the environment prints the targets with their
** indices (to write seeds: tests/fuzz/corpus/struct-*.bin); PMEXT_FUZZ_SHOW=1
** prints each structured input as SQL (to read a reproducer:
** `PMEXT_FUZZ_SHOW=1 build/fuzz/fuzz FILE`). Adding functions shifts the
** indices, which only makes old structured seeds call other functions.
**
** Extract mode (first byte 0x07, taken from the structured mode's range):
** the rest of the input is a text, read by pm_extract() once bound as a
** BLOB and once as TEXT. Both must give the same rows, every row's offset
** and length must give back its match (substr(CAST(text AS TEXT), offset,
** length) = match: docs/functions.md, "pm_extract"), and every number
** must be finite; the seeds are tests/fuzz/corpus/extract-*.bin.
**
** Limits keep every input cheap and contained: result and SQL length,
** expression depth, no attached databases (so no ATTACH or VACUUM INTO can
** touch a file; the authorizer refuses ATTACH as well), load_extension()
** off, a progress handler that interrupts after a fixed number of virtual
** machine steps, and a heap limit.
** Inputs that once crashed are kept in tests/fuzz/regress and replayed by
** `make fuzz` before fuzzing.
*/
#include <float.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

int sqlite3_pmext_init(sqlite3 *db, char **pzErrMsg,
                       const sqlite3_api_routines *pApi);
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define PROGRESS_EVERY 1000  /* VM steps between progress callbacks */
#define PROGRESS_CALLS 2000  /* callbacks before the statement is stopped */
#define STRUCTURED_BELOW 8   /* first bytes selecting the structured mode */
#define EXTRACT_MODE 0x07    /* ... but this one selects the extract mode */
#define MAX_VARIADIC 5       /* arity 0..MAX_VARIADIC for narg -1 */
#define MAX_ROWS 4           /* rows of an aggregate's VALUES table */
#define MAX_ARGS 8           /* more arguments than any pmext function */

static const char setup_sql[] =
    "CREATE TABLE t(v, y, r);"
    "INSERT INTO t VALUES (578.14, 2024, 0.0659), (616.26, 2025, 0.0741),"
    " (1094.83, 2034, 0.0741), (259.93, 2024, 0.0642), (NULL, 2030, NULL);"
    /* A report as input tables, and the model tables over them (m, mf,
    ** ma, mc): SQL can change the inputs and read the models. */
    "CREATE TABLE reports(report, market, publisher, published, unit, url);"
    "CREATE TABLE figures(report, dimension, segment, year, value, share,"
    " decimals, note);"
    "CREATE TABLE claims(report, kind, dimension, segment, value, from_year,"
    " to_year, note);"
    "INSERT INTO reports VALUES ('a', 'm', NULL, NULL, 'USD bn', NULL);"
    "INSERT INTO figures VALUES ('a', 'market', 'Global', 2024, 578.14, NULL, 2,"
    " NULL), ('a', 'market', 'Global', 2034, 1094.83, NULL, 2, NULL),"
    " ('a', 'region', 'N', 2024, 259.93, 0.4496, 2, NULL);"
    "INSERT INTO claims VALUES ('a', 'cagr', NULL, NULL, 0.1137, 2025, 2034,"
    " NULL);"
    "CREATE VIRTUAL TABLE m USING pm_model;"
    "CREATE VIRTUAL TABLE mf USING pm_model_facts;"
    "CREATE VIRTUAL TABLE ma USING pm_model_audit;"
    "CREATE VIRTUAL TABLE mc USING pm_compare;";

/* Functions whose results may be text (as in tests/matrix.test). */
static const char *const text_functions[] = {
    "pmext_version", "pmext_debug", "sparkline", "bar"};

/* --- Targets: discovered once, read-only afterwards ----------------------- */

enum kind { SCALAR, AGGREGATE, WINDOW, TABLE, MODEL };
static const char kind_letter[] = "sawtm";

struct target {
  char *name;
  int narg;     /* -1: variadic */
  enum kind kind;
  int text_ok;  /* a text function */
};
static struct target *targets;
static int n_targets;
static int show_sql;  /* PMEXT_FUZZ_SHOW set */

/* --- Values ----------------------------------------------------------------- */

enum vtype { V_NULL, V_TEXT, V_BLOB, V_INT, V_DOUBLE };
struct value {
  enum vtype type;
  const char *text;  /* V_TEXT */
  sqlite3_int64 i;   /* V_INT */
  double d;          /* V_DOUBLE */
};

static const struct value classes[] = {
    {V_NULL, 0, 0, 0},
    {V_TEXT, "", 0, 0},
    {V_TEXT, "abc", 0, 0},
    {V_TEXT, "1e3", 0, 0},
    {V_BLOB, 0, 0, 0}, /* x'00' */
    {V_INT, 0, 0, 0},
    {V_DOUBLE, 0, 0, -0.0},
    {V_INT, 0, 1, 0},
    {V_INT, 0, -1, 0},
    {V_DOUBLE, 0, 0, 0.5},
    {V_DOUBLE, 0, 0, 1e308},
    {V_DOUBLE, 0, 0, -1e308},
    {V_DOUBLE, 0, 0, 1e-308},
    {V_INT, 0, INT64_MAX, 0},
    {V_INT, 0, INT64_MIN, 0},
    {V_DOUBLE, 0, 0, HUGE_VAL}, /* 9e999 */
    {V_DOUBLE, 0, 0, -HUGE_VAL},
    {V_DOUBLE, 0, 0, DBL_MAX},
    {V_DOUBLE, 0, 0, -DBL_MAX},
    {V_DOUBLE, 0, 0, 5e-324},
    {V_DOUBLE, 0, 0, 9007199254740992.0}, /* 2^53 */
    {V_INT, 0, 9007199254740993LL, 0},   /* 2^53 + 1 */
    /* benign values, so that calls get past the argument checks */
    {V_INT, 0, 2, 0},
    {V_INT, 0, 2024, 0},
    {V_INT, 0, 2034, 0},
    {V_DOUBLE, 0, 0, 0.0741},
    {V_DOUBLE, 0, 0, 578.14},
    {V_TEXT, "2024-01-01", 0, 0},
};
#define N_CLASSES ((unsigned)(sizeof classes / sizeof classes[0]))
#define CLASS_RAW_DOUBLE N_CLASSES
#define CLASS_RAW_INT (N_CLASSES + 1)

struct reader {
  const uint8_t *p;
  size_t n;
};

static unsigned next_byte(struct reader *r) {
  if (!r->n) return 0;
  r->n--;
  return *r->p++;
}

static uint64_t next_u64(struct reader *r) {
  uint64_t u = 0;
  for (int i = 0; i < 8; i++) u |= (uint64_t)next_byte(r) << (8 * i);
  return u;
}

static struct value next_value(struct reader *r) {
  unsigned c = next_byte(r) % (N_CLASSES + 2);
  struct value v = {V_DOUBLE, 0, 0, 0};
  if (c < N_CLASSES) return classes[c];
  uint64_t u = next_u64(r);
  if (c == CLASS_RAW_DOUBLE) {
    memcpy(&v.d, &u, sizeof v.d);
  } else {
    v.type = V_INT;
    memcpy(&v.i, &u, sizeof v.i);
  }
  return v;
}

static int bind_value(sqlite3_stmt *stmt, int i, const struct value *v) {
  switch (v->type) {
    case V_NULL: return sqlite3_bind_null(stmt, i);
    case V_TEXT: return sqlite3_bind_text(stmt, i, v->text, -1, SQLITE_STATIC);
    case V_BLOB: return sqlite3_bind_blob(stmt, i, "", 1, SQLITE_STATIC);
    case V_INT: return sqlite3_bind_int64(stmt, i, v->i);
    case V_DOUBLE: return sqlite3_bind_double(stmt, i, v->d);
  }
  return SQLITE_MISUSE;
}

/* The value as an SQL literal (for reports); 0 on OOM. */
static char *literal(const struct value *v) {
  switch (v->type) {
    case V_NULL: return sqlite3_mprintf("NULL");
    case V_TEXT: return sqlite3_mprintf("%Q", v->text);
    case V_BLOB: return sqlite3_mprintf("x'00'");
    case V_INT: return sqlite3_mprintf("%lld", (long long)v->i);
    case V_DOUBLE:
      if (isnan(v->d)) return sqlite3_mprintf("NULL"); /* SQLite binds NULL */
      if (isinf(v->d)) return sqlite3_mprintf(v->d > 0 ? "9e999" : "-9e999");
      for (int digits = 15;; digits++) { /* the shortest that reads back */
        char *l = sqlite3_mprintf("%!.*g", digits, v->d);
        if (!l || digits == 17 || strtod(l, 0) == v->d) return l;
        sqlite3_free(l);
      }
  }
  return 0;
}

/* --- One structured call ---------------------------------------------------- */

struct call {
  const struct target *t;
  int narg, rows, over;
  struct value v[MAX_ROWS][MAX_ARGS];
};

/* The call's SQL: with ? placeholders, or (literals) with the values
** written in, to report it. 0 on OOM. */
static char *call_sql(const struct call *c, int literals) {
  sqlite3_str *s = sqlite3_str_new(0);
  int agg = c->t->kind == AGGREGATE || c->t->kind == WINDOW;
  if (c->t->kind == TABLE) sqlite3_str_appendf(s, "SELECT * FROM \"%w\"(", c->t->name);
  else sqlite3_str_appendf(s, "SELECT \"%w\"(", c->t->name);
  for (int a = 0; a < c->narg; a++) {
    const char *sep = a ? ", " : "";
    if (agg) sqlite3_str_appendf(s, "%scolumn%d", sep, a + 1);
    else if (literals) {
      char *l = literal(&c->v[0][a]);
      sqlite3_str_appendf(s, "%s%s", sep, l ? l : "?");
      sqlite3_free(l);
    } else sqlite3_str_appendf(s, "%s?", sep);
  }
  sqlite3_str_appendall(s, ")");
  if (agg) {
    if (c->over) sqlite3_str_appendall(s, " OVER (ROWS 1 PRECEDING)");
    sqlite3_str_appendall(s, " FROM (VALUES ");
    for (int r = 0; r < c->rows; r++) {
      sqlite3_str_appendall(s, r ? ", (" : "(");
      if (!c->narg) sqlite3_str_appendall(s, "0");
      for (int a = 0; a < c->narg; a++) {
        const char *sep = a ? ", " : "";
        if (literals) {
          char *l = literal(&c->v[r][a]);
          sqlite3_str_appendf(s, "%s%s", sep, l ? l : "?");
          sqlite3_free(l);
        } else sqlite3_str_appendf(s, "%s?", sep);
      }
      sqlite3_str_appendall(s, ")");
    }
    sqlite3_str_appendall(s, ")");
  }
  return sqlite3_str_finish(s);
}

static void fail(const struct call *c, const char *what) {
  char *sql = call_sql(c, 1);
  fprintf(stderr, "pmext fuzz: %s\n  %s;\n", what, sql ? sql : "(out of memory)");
  sqlite3_free(sql);
  abort();
}

/* Whether the text of a column may be text: a text function, or a TEXT
** column of a table-valued function. */
static int text_allowed(const struct call *c, sqlite3_stmt *stmt, int col) {
  if (c->t->kind != TABLE) return c->t->text_ok;
  const char *decl = sqlite3_column_decltype(stmt, col);
  return decl && sqlite3_strlike("%TEXT%", decl, 0) == 0;
}

/* Runs the call and checks what comes back (abort() on a wrong result). */
static void run_call(sqlite3 *db, const struct call *c) {
  char *sql = call_sql(c, 0);
  sqlite3_stmt *stmt = 0;
  if (!sql) return;
  if (show_sql) {
    char *shown = call_sql(c, 1);
    fprintf(stderr, "%s;\n", shown ? shown : "(out of memory)");
    sqlite3_free(shown);
  }
  int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, 0);
  sqlite3_free(sql);
  if (rc != SQLITE_OK) {
    if (rc == SQLITE_NOMEM) return;
    fail(c, sqlite3_errmsg(db));
  }
  int n = 1;
  for (int r = 0; r < (c->t->kind == AGGREGATE || c->t->kind == WINDOW ? c->rows : 1); r++)
    for (int a = 0; a < c->narg; a++) bind_value(stmt, n++, &c->v[r][a]);
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    for (int col = 0; col < sqlite3_column_count(stmt); col++) {
      switch (sqlite3_column_type(stmt, col)) {
        case SQLITE_NULL:
        case SQLITE_INTEGER: break;
        case SQLITE_FLOAT:
          if (!isfinite(sqlite3_column_double(stmt, col))) fail(c, "non-finite result");
          break;
        case SQLITE_TEXT:
          if (!text_allowed(c, stmt, col)) fail(c, "text result");
          break;
        default: fail(c, "blob result");
      }
    }
  }
  if (rc != SQLITE_DONE && (rc & 0xff) == SQLITE_ERROR) {
    char *named = sqlite3_mprintf("%s(", c->t->name);
    if (named && !strstr(sqlite3_errmsg(db), named)) fail(c, sqlite3_errmsg(db));
    sqlite3_free(named);
  }
  sqlite3_finalize(stmt);
}

/* --- Model inputs as tables ------------------------------------------------ */

/* Per input column, the values a valid report would hold there: a cell
** byte below 160 picks one of them (so that rows get past the checks and
** reach the rules), 160 and above a value class or raw bits. */
static const char *const benign_cells[][6] = {
    {"a", "b", "a", "b", "a", "c"},                   /* report */
    {"market", "region", "region", "end_user", "product", "market"},
    {"Global", "North", "South", "Global", "East", "N"}, /* segment */
    {"2020", "2024", "2025", "2030", "2034", "1"},    /* year */
    {"100", "578.14", "0", "5e-324", "1e300", "0.5"}, /* value */
    {"0.4", "0.4496", "1", "0", "0.0001", ""},        /* share */
    {"2", "0", "15", "1", "", "3"},                   /* decimals */
    {"cagr", "dominant", "fastest_growing", "cagr", "complete", "x"}, /* kind */
    {"0.1137", "0.05", "-0.5", "0.99", "1e-300", "0"}, /* rate */
    {"USD bn", "EUR mn", "USD tn", "USD", "bn", "USD\tbn"}, /* unit */
};
enum { B_REPORT, B_DIMENSION, B_SEGMENT, B_YEAR, B_VALUE, B_SHARE,
       B_DECIMALS, B_KIND, B_RATE, B_UNIT, B_NONE };

static void bind_cell(sqlite3_stmt *stmt, int i, struct reader *r, int benign) {
  unsigned b = next_byte(r);
  if (benign != B_NONE && b < 160) {
    sqlite3_bind_text(stmt, i, benign_cells[benign][b % 6], -1, SQLITE_STATIC);
  } else {
    struct value v = next_value(r);
    bind_value(stmt, i, &v);
  }
}

/* Fills the input tables with rows decoded from the bytes (1..2 reports,
** 0..7 figures, 0..3 claims), then reads every model table: each value
** NULL, an integer, a finite real or text (their columns are TEXT or
** numbers), each error naming the module. */
static void run_model(sqlite3 *db, struct reader *r) {
  static const struct {
    const char *sql;
    int n_cells, max_rows;
    int benign[8];
  } inputs[] = {
      {"INSERT INTO reports VALUES (?, ?, ?, ?, ?, ?)", 6, 2,
       {B_REPORT, B_NONE, B_NONE, B_NONE, B_UNIT, B_NONE}},
      {"INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?, ?, ?)", 8, 7,
       {B_REPORT, B_DIMENSION, B_SEGMENT, B_YEAR, B_VALUE, B_SHARE, B_DECIMALS,
        B_NONE}},
      {"INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?)", 8, 3,
       {B_REPORT, B_KIND, B_DIMENSION, B_SEGMENT, B_RATE, B_YEAR, B_YEAR,
        B_NONE}},
  };
  static const char *const reads[][2] = {
      {"SELECT * FROM m", "pm_model"},
      {"SELECT *, scenario FROM m('stated_cagr') WHERE year > 2024", "pm_model"},
      {"SELECT * FROM mf", "pm_model_facts"},
      {"SELECT * FROM ma", "pm_model_audit"},
      {"SELECT * FROM mc", "pm_compare"},
  };
  sqlite3_exec(db, "DELETE FROM reports; DELETE FROM figures; DELETE FROM claims",
               0, 0, 0);
  for (size_t t = 0; t < sizeof inputs / sizeof inputs[0]; t++) {
    sqlite3_stmt *stmt = 0;
    if (sqlite3_prepare_v2(db, inputs[t].sql, -1, &stmt, 0) != SQLITE_OK) return;
    int rows = (int)(next_byte(r) % (unsigned)(inputs[t].max_rows + 1));
    if (t == 0 && rows == 0) rows = 1;
    for (int k = 0; k < rows; k++) {
      for (int c = 0; c < inputs[t].n_cells; c++) {
        bind_cell(stmt, c + 1, r, inputs[t].benign[c]);
      }
      sqlite3_step(stmt);
      sqlite3_reset(stmt);
    }
    sqlite3_finalize(stmt);
  }
  for (size_t q = 0; q < sizeof reads / sizeof reads[0]; q++) {
    sqlite3_stmt *stmt = 0;
    if (sqlite3_prepare_v2(db, reads[q][0], -1, &stmt, 0) != SQLITE_OK) abort();
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      for (int col = 0; col < sqlite3_column_count(stmt); col++) {
        int type = sqlite3_column_type(stmt, col);
        if (type == SQLITE_BLOB ||
            (type == SQLITE_FLOAT && !isfinite(sqlite3_column_double(stmt, col)))) {
          fprintf(stderr, "pmext fuzz: %s: column %d is a blob or not finite\n",
                  reads[q][1], col);
          abort();
        }
      }
    }
    const char *msg = sqlite3_errmsg(db);
    if ((rc & 0xff) == SQLITE_ERROR && strncmp(msg, reads[q][1], strlen(reads[q][1])) != 0) {
      fprintf(stderr, "pmext fuzz: %s: error not naming it: %s\n", reads[q][1], msg);
      abort();
    }
    sqlite3_finalize(stmt);
  }
}

static void run_structured(sqlite3 *db, const uint8_t *data, size_t size) {
  struct reader r = {data + 1, size - 1};
  struct call c;
  memset(&c, 0, sizeof c);
  c.t = &targets[next_byte(&r) % (unsigned)n_targets];
  if (c.t->kind == MODEL) {
    run_model(db, &r);
    return;
  }
  c.narg = c.t->narg >= 0 ? c.t->narg : (int)(next_byte(&r) % (MAX_VARIADIC + 1));
  if (c.narg > MAX_ARGS) return;
  int agg = c.t->kind == AGGREGATE || c.t->kind == WINDOW;
  c.rows = agg ? 1 + (int)(next_byte(&r) % MAX_ROWS) : 1;
  for (int row = 0; row < c.rows; row++)
    for (int a = 0; a < c.narg; a++) c.v[row][a] = next_value(&r);
  run_call(db, &c);
  if (c.t->kind == WINDOW) {
    c.over = 1;
    run_call(db, &c);
  }
}

/* --- Discovery ---------------------------------------------------------------- */

/* The rows of SQL (one text column) on a fresh connection, '\n'-separated
** between '\n's; 0 on failure. */
static char *column_list(const char *sql) {
  sqlite3 *db = 0;
  sqlite3_stmt *stmt = 0;
  sqlite3_str *s = sqlite3_str_new(0);
  sqlite3_str_appendall(s, "\n");
  if (sqlite3_open(":memory:", &db) == SQLITE_OK &&
      sqlite3_prepare_v2(db, sql, -1, &stmt, 0) == SQLITE_OK) {
    while (sqlite3_step(stmt) == SQLITE_ROW)
      sqlite3_str_appendf(s, "%s\n", (const char *)sqlite3_column_text(stmt, 0));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return sqlite3_str_finish(s);
}

static void add_target(const char *name, int narg, enum kind kind) {
  struct target *grown = realloc(targets, (size_t)(n_targets + 1) * sizeof *targets);
  char *copy = sqlite3_mprintf("%s", name);
  if (!grown || !copy) abort();
  targets = grown;
  targets[n_targets].name = copy;
  targets[n_targets].narg = narg;
  targets[n_targets].kind = kind;
  targets[n_targets].text_ok = 0;
  for (size_t i = 0; i < sizeof text_functions / sizeof *text_functions; i++)
    if (!strcmp(name, text_functions[i])) targets[n_targets].text_ok = 1;
  n_targets++;
}

static int listed(const char *list, const char *item) {
  char *line = sqlite3_mprintf("\n%s\n", item);
  int found = line && strstr(list, line);
  sqlite3_free(line);
  return found;
}

/* Call after sqlite3_auto_extension: BUILTIN_* were listed before it. */
static void discover(const char *builtin_functions, const char *builtin_modules) {
  sqlite3 *db = 0;
  sqlite3_stmt *stmt = 0;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) abort();
  if (sqlite3_prepare_v2(db,
          "SELECT DISTINCT name, narg, type, name || '/' || narg"
          " FROM pragma_function_list ORDER BY 1, 2, 3", -1, &stmt, 0) != SQLITE_OK)
    abort();
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    const char *type = (const char *)sqlite3_column_text(stmt, 2);
    if (listed(builtin_functions, (const char *)sqlite3_column_text(stmt, 3))) continue;
    add_target((const char *)sqlite3_column_text(stmt, 0), sqlite3_column_int(stmt, 1),
               type[0] == 'w' ? WINDOW : type[0] == 'a' ? AGGREGATE : SCALAR);
  }
  sqlite3_finalize(stmt);
  /* Modules one at a time: pragma_table_xinfo fails on some built-in ones
  ** (fts4aux needs arguments), which would end a joined query. */
  if (sqlite3_prepare_v2(db, "SELECT name FROM pragma_module_list ORDER BY 1", -1,
                         &stmt, 0) != SQLITE_OK)
    abort();
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    const char *name = (const char *)sqlite3_column_text(stmt, 0);
    sqlite3_stmt *count = 0;
    if (listed(builtin_modules, name)) continue;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM pragma_table_xinfo(?) WHERE hidden",
                           -1, &count, 0) != SQLITE_OK)
      abort();
    sqlite3_bind_text(count, 1, name, -1, SQLITE_STATIC);
    int hidden = sqlite3_step(count) == SQLITE_ROW ? sqlite3_column_int(count, 0) : 0;
    sqlite3_finalize(count);
    if (hidden > 0 && hidden <= MAX_ARGS) add_target(name, hidden, TABLE);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  add_target("model inputs", 0, MODEL); /* run_model() */
  if (n_targets < 6) {
    fprintf(stderr, "pmext fuzz: found only %d pmext functions\n", n_targets);
    abort();
  }
}

/* --- libFuzzer entry points ----------------------------------------------------- */

static int progress(void *calls) {
  return ++*(int *)calls > PROGRESS_CALLS;
}

static int deny_attach(void *unused, int action, const char *a, const char *b,
                       const char *c, const char *d) {
  (void)unused, (void)a, (void)b, (void)c, (void)d;
  return action == SQLITE_ATTACH ? SQLITE_DENY : SQLITE_OK;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  sqlite3_initialize();
  char *functions = column_list("SELECT DISTINCT name || '/' || narg FROM pragma_function_list");
  char *modules = column_list("SELECT name FROM pragma_module_list");
  if (!functions || !modules) abort();
  sqlite3_auto_extension((void (*)(void))sqlite3_pmext_init);
  discover(functions, modules);
  sqlite3_free(functions);
  sqlite3_free(modules);
  sqlite3_hard_heap_limit64(256 << 20);
  show_sql = getenv("PMEXT_FUZZ_SHOW") != 0;
  if (getenv("PMEXT_FUZZ_LIST"))
    for (int i = 0; i < n_targets; i++)
      fprintf(stderr, "%3d 0x%02x %s/%d %c\n", i, i, targets[i].name, targets[i].narg,
              kind_letter[targets[i].kind]);
  return 0;
}

/* --- Extract mode ------------------------------------------------------------ */

/* The rows of pm_extract(text) with the text bound as a BLOB (blob 1) or
** as TEXT: their count, and how many of them break a rule (a span that is
** not the match, an offset or length below 1, a number not finite). -1
** when the statement fails (out of memory, interrupted). */
static int extract_rows(sqlite3 *db, const uint8_t *data, size_t size, int blob,
                        int *broken) {
  sqlite3_stmt *st = 0;
  int rows = 0;
  *broken = 0;
  if (sqlite3_prepare_v2(db,
                         "SELECT substr(CAST(?1 AS TEXT), offset, length) IS match,"
                         " offset >= 1 AND length >= 1, * FROM pm_extract(?1)",
                         -1, &st, 0) != SQLITE_OK) {
    return -1;
  }
  if (blob) sqlite3_bind_blob64(st, 1, data, size, SQLITE_STATIC);
  else sqlite3_bind_text64(st, 1, (const char *)data, size, SQLITE_STATIC, SQLITE_UTF8);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    rows++;
    if (!sqlite3_column_int(st, 0) || !sqlite3_column_int(st, 1)) ++*broken;
    for (int c = 2; c < sqlite3_column_count(st); c++) {
      if (sqlite3_column_type(st, c) == SQLITE_FLOAT &&
          !isfinite(sqlite3_column_double(st, c))) {
        ++*broken;
      }
    }
  }
  sqlite3_finalize(st);
  return rc == SQLITE_DONE ? rows : -1;
}

static void run_extract(sqlite3 *db, const uint8_t *data, size_t size) {
  int broken_blob, broken_text;
  int as_blob = extract_rows(db, data, size, 1, &broken_blob);
  int as_text = extract_rows(db, data, size, 0, &broken_text);
  if (as_blob < 0 || as_text < 0) return;
  if (broken_blob || broken_text || as_blob != as_text) {
    fprintf(stderr, "pmext fuzz: pm_extract rows break their rules "
                    "(%d as BLOB, %d broken; %d as TEXT, %d broken)\n",
            as_blob, broken_blob, as_text, broken_text);
    abort();
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  int extract = size > 0 && data[0] == EXTRACT_MODE;
  int structured = !extract && size > 0 && data[0] < STRUCTURED_BELOW;
  char *sql = 0;
  if (!structured && !extract) {
    sql = malloc(size + 1);
    if (!sql) return 0;
    memcpy(sql, data, size);
    sql[size] = 0;
  }
  sqlite3 *db = 0;
  if (sqlite3_open(":memory:", &db) == SQLITE_OK) {
    int calls = 0;
    sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 1000000);
    sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, 100000);
    sqlite3_limit(db, SQLITE_LIMIT_EXPR_DEPTH, 100);
    sqlite3_limit(db, SQLITE_LIMIT_COMPOUND_SELECT, 20);
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, (int *)0);
    sqlite3_exec(db, setup_sql, 0, 0, 0);
    sqlite3_set_authorizer(db, deny_attach, 0);
    sqlite3_progress_handler(db, PROGRESS_EVERY, progress, &calls);
    if (extract) run_extract(db, data + 1, size - 1);
    else if (structured) run_structured(db, data, size);
    else sqlite3_exec(db, sql, 0, 0, 0);
  }
  sqlite3_close(db);
  free(sql);
  return 0;
}
