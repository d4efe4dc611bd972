/* SPDX-License-Identifier: MIT */
/*
** oom.c -- out-of-memory injection for pmext.
**
**   build/oom/oom tests/c/oom.sql         (make oom builds and runs it)
**
** How it works:
** - The extension's sources (every ext/ file) are compiled into this program and
**   registered with sqlite3_auto_extension(), so every connection opened
**   here has pmext, and the ASan/LSan build of the program sees pmext's
**   allocations (a dlopen'ed copy would work too, but compiling in lets one
**   sanitizer runtime cover both). The library is the system libsqlite3.
** - SQLite's default allocator is fetched with SQLITE_CONFIG_GETMALLOC and
**   wrapped by one that can be told to fail the Nth allocation (transient:
**   only that one; persistent: that one and every later one).
** - The statements: every line of the file given (one statement per line,
**   so a new function is covered by adding a line), plus a generated call
**   for every function/arity and every module that pmext adds (found from
**   pragma_function_list/pragma_module_list), plus opening a connection
**   (which runs the extension's registration).
** - For each statement, an unfailed run gives the reference output. Then
**   for N = 1, 2, ... a fresh connection runs it with the Nth allocation
**   failing, until a run sees no injected failure. Each failed run must end
**   in SQLITE_NOMEM or give exactly the reference output (one allowance:
**   an error run may end with SQLite's generic message for the same code,
**   because SQLite copies the text given to sqlite3_result_error() and, when
**   that copy fails, reports only the code); after the
**   connection is closed, sqlite3_memory_used() must be back where it was
**   (no leak through SQLite's allocator); LeakSanitizer checks the rest.
** - A connection opened while allocations fail must either fail or have
**   every pmext function registered (no half-loaded extension that says OK).
** - Also, for every statement, closing the connection while the statement
**   is stepped but not finished: sqlite3_close() must say SQLITE_BUSY,
**   sqlite3_close_v2() must succeed, the statement must still run to the
**   end, and finalizing it must free the connection with nothing leaked.
** Prints the number of failure points exercised; exits 1 on any finding.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "sqltext.h"

int sqlite3_pmext_init(sqlite3 *db, char **pzErrMsg,
                       const sqlite3_api_routines *pApi);

/* State of the failing allocator (the driver is single-threaded). */
static sqlite3_mem_methods default_mem;
static long fail_at;     /* fail the fail_at-th allocation; 0: never */
static int persistent;   /* keep failing after fail_at */
static long alloc_count; /* allocations since arm() */
static long injected;    /* failures injected since arm() */

static int should_fail(void) {
  if (!fail_at) return 0;
  alloc_count++;
  if (alloc_count == fail_at || (persistent && alloc_count > fail_at)) {
    injected++;
    return 1;
  }
  return 0;
}

static void *failing_malloc(int n) {
  return should_fail() ? 0 : default_mem.xMalloc(n);
}

static void *failing_realloc(void *p, int n) {
  return should_fail() ? 0 : default_mem.xRealloc(p, n);
}

static void arm(long n, int keep_failing) {
  fail_at = n;
  persistent = keep_failing;
  alloc_count = 0;
  injected = 0;
}

static void disarm(void) { fail_at = 0; }

static long failure_points;
static int findings;

static sqlite3 *open_db(void) {
  sqlite3 *db = 0;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
    fprintf(stderr, "oom: cannot open a connection: %s\n", sqlite3_errmsg(db));
    exit(2);
  }
  return db;
}

static void close_db(sqlite3 *db, const char *what, long n) {
  int rc = sqlite3_close(db);
  if (rc != SQLITE_OK) {
    printf("FAIL %s (failing allocation %ld): sqlite3_close gave %d\n", what,
           n, rc);
    findings++;
  }
}

static void check_no_leak(sqlite3_int64 baseline, const char *what, long n,
                          int keep) {
  sqlite3_int64 now = sqlite3_memory_used();
  if (now != baseline) {
    printf("FAIL %s (failing allocation %ld%s): %lld bytes leaked\n", what, n,
           keep ? ", persistent" : "", (long long)(now - baseline));
    findings++;
  }
}

/* EXPECTED with its final "error N message" line given SQLite's generic
** message for N (caller frees), or 0 when EXPECTED is not an error. */
static char *generic_error(const char *expected) {
  const char *last = strstr(expected, "error ");
  while (last && strstr(last + 1, "\nerror ")) last = strstr(last + 1, "\nerror ") + 1;
  int code;
  if (!last || sscanf(last, "error %d", &code) != 1) return 0;
  const char *message = sqlite3_errstr(code);
  size_t head = (size_t)(last - expected);
  char *text = malloc(head + strlen(message) + 32);
  if (!text) abort();
  sprintf(text, "%.*serror %d %s\n", (int)head, expected, code, message);
  return text;
}

/* Fails allocation 1, 2, ... of running SQL until a run needs no failure. */
static void exercise(const char *sql, sqlite3_int64 baseline) {
  sqlite3 *db = open_db();
  char *expected;
  sql_to_text(db, sql, &expected);
  close_db(db, sql, 0);
  char *generic = generic_error(expected);
  for (int keep = 0; keep <= 1; keep++) {
    for (long n = 1;; n++) {
      db = open_db();
      char *got;
      arm(n, keep);
      int rc = sql_to_text(db, sql, &got);
      long failed = injected;
      disarm();
      close_db(db, sql, n);
      check_no_leak(baseline, sql, n, keep);
      int same = strcmp(got, expected) == 0 ||
                 (generic && strcmp(got, generic) == 0);
      if (failed == 0) {
        if (!same) {
          printf("FAIL %s: unfailed run differs:\n%s---\n%s", sql, expected, got);
          findings++;
        }
        free(got);
        break;
      }
      failure_points++;
      if (rc != SQLITE_NOMEM && !same) {
        printf("FAIL %s (failing allocation %ld%s): rc %d, expected NOMEM or\n"
               "%s--- got:\n%s",
               sql, n, keep ? ", persistent" : "", rc, expected, got);
        findings++;
      }
      free(got);
    }
  }
  free(expected);
  free(generic);
}


/* Opening a connection runs pmext's registration: fail each allocation. */
static void exercise_open(const strlist *generated, sqlite3_int64 baseline) {
  for (int keep = 0; keep <= 1; keep++) {
    for (long n = 1;; n++) {
      sqlite3 *db = 0;
      arm(n, keep);
      int rc = sqlite3_open(":memory:", &db);
      long failed = injected;
      disarm();
      if (rc == SQLITE_OK) {
        /* Opened: then pmext must be complete. Each generated statement
        ** names one function or module; preparing it must not say "no such". */
        for (int i = 0; i < generated->count; i++) {
          sqlite3_stmt *stmt = 0;
          if (sqlite3_prepare_v2(db, generated->items[i], -1, &stmt, 0) !=
                  SQLITE_OK &&
              strstr(sqlite3_errmsg(db), "no such")) {
            printf("FAIL open (failing allocation %ld%s) said OK but: %s\n",
                   n, keep ? ", persistent" : "", sqlite3_errmsg(db));
            findings++;
          }
          sqlite3_finalize(stmt);
        }
      } else if (rc != SQLITE_NOMEM) {
        printf("FAIL open (failing allocation %ld): rc %d\n", n, rc);
        findings++;
      }
      close_db(db, "open", n);
      check_no_leak(baseline, "open", n, keep);
      if (failed == 0) break;
      failure_points++;
    }
  }
}

/* Close while a statement is open (see the header comment). */
static void close_while_open(const char *sql, sqlite3_int64 baseline) {
  sqlite3 *db = open_db();
  sqlite3_stmt *stmt = 0;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, 0) == SQLITE_OK && stmt &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    int busy = sqlite3_close(db);
    int zombie = sqlite3_close_v2(db);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
    }
    sqlite3_finalize(stmt);
    if (busy != SQLITE_BUSY || zombie != SQLITE_OK) {
      printf("FAIL %s: close with an open statement gave %d, close_v2 %d\n",
             sql, busy, zombie);
      findings++;
    }
  } else {
    sqlite3_finalize(stmt);
    close_db(db, sql, 0);
  }
  check_no_leak(baseline, sql, 0, 0);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s STATEMENTS_FILE\n", argv[0]);
    return 2;
  }
  sqlite3_config(SQLITE_CONFIG_GETMALLOC, &default_mem);
  sqlite3_mem_methods failing = default_mem;
  failing.xMalloc = failing_malloc;
  failing.xRealloc = failing_realloc;
  sqlite3_config(SQLITE_CONFIG_MALLOC, &failing);
  sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0); /* every allocation counts */
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 1);
  if (sqlite3_initialize() != SQLITE_OK) return 2;

  /* Statements: the file, then one per pmext function/arity and module. */
  strlist statements = {0}, generated = {0};
  statements_read(&statements, argv[1]);
  sqlite3 *plain = open_db();
  sqlite3_auto_extension((void (*)(void))sqlite3_pmext_init);
  sqlite3 *with = open_db();
  statements_pmext(&generated, with, plain);
  sqlite3_close(plain);
  sqlite3_close(with);

  /* Warm up SQLite's one-time allocations, then take the baseline. */
  char *warm;
  sqlite3 *db = open_db();
  sql_to_text(db, "SELECT 1", &warm);
  free(warm);
  sqlite3_close(db);
  sqlite3_int64 baseline = sqlite3_memory_used();

  exercise_open(&generated, baseline);
  for (int i = 0; i < statements.count; i++) exercise(statements.items[i], baseline);
  for (int i = 0; i < generated.count; i++) exercise(generated.items[i], baseline);
  for (int i = 0; i < statements.count; i++) close_while_open(statements.items[i], baseline);
  for (int i = 0; i < generated.count; i++) close_while_open(generated.items[i], baseline);

  printf("oom: %d statements from %s, %d generated, %ld failure points "
         "exercised, %d findings\n",
         statements.count, argv[1], generated.count, failure_points, findings);
  strlist_free(&statements);
  strlist_free(&generated);
  sqlite3_reset_auto_extension();
  sqlite3_shutdown();
  return findings ? 1 : 0;
}
