/* SPDX-License-Identifier: MIT */
/*
** threads.c -- pmext under concurrent use, for ThreadSanitizer.
**
**   build/tsan/threads build/tsan/pmext.so tests/c/oom.sql 200   (make threads)
**
** How it works: the workload is every statement of the statements file
** plus a generated call per pmext function/arity and module (sqltext.c).
** The main thread loads the extension (the .so, with load_extension, as a
** host process would) into one connection and runs the workload once: the
** expected output. Then 8 threads each open their own connection, load the
** extension themselves, and run the whole workload ITERATIONS times in a
** thread-specific order, comparing every output with the expected one
** (each statement runs in a savepoint that is rolled back, so statements
** that create tables repeat).
** Then the pool case: the main thread loads pmext once with
** sqlite3_pmextauto_init (an automatic extension for the process) and
** closes that connection; 8 threads each open a connection with extension
** loading turned off, so pmext reaches them only through SQLite's
** automatic extensions (sqlite3_open running sqlite3_pmext_init
** concurrently), and run the same workload.
** Built with -fsanitize=thread (extension and driver): any data race in
** pmext (shared mutable state) is reported, and the run stops.
** Exits 1 on any difference.
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "sqltext.h"

#define THREADS 8

static const char *extension_path;
static strlist workload;
static char **expected;
static int iterations;

/* A connection with pmext: loaded into it with ENTRY (0: the default), or
** with ENTRY "" from the automatic extensions alone, loading turned off. */
static sqlite3 *open_with_pmext(const char *entry) {
  sqlite3 *db = 0;
  char *error = 0;
  int pooled = entry && !*entry;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
      sqlite3_enable_load_extension(db, !pooled) != SQLITE_OK ||
      (!pooled &&
       sqlite3_load_extension(db, extension_path, entry, &error) != SQLITE_OK)) {
    fprintf(stderr, "threads: cannot load %s: %s\n", extension_path,
            error ? error : sqlite3_errmsg(db));
    exit(2);
  }
  return db;
}

/* Runs SQL inside a savepoint that is rolled back afterwards, so that a
** statement creating a table gives the same output every time it runs on
** the same connection. */
static void run_isolated(sqlite3 *db, const char *sql, char **out) {
  sqlite3_exec(db, "SAVEPOINT run", 0, 0, 0);
  sql_to_text(db, sql, out);
  sqlite3_exec(db, "ROLLBACK TO run; RELEASE run", 0, 0, 0);
}

typedef struct worker {
  pthread_t thread;
  int id;
  const char *entry; /* for open_with_pmext */
  long runs;
  long differences;
} worker;

static void *work(void *arg) {
  worker *w = arg;
  sqlite3 *db = open_with_pmext(w->entry);
  for (int it = 0; it < iterations; it++) {
    for (int j = 0; j < workload.count; j++) {
      /* A different order per thread and iteration. */
      int i = (j * (2 * w->id + 1) + it) % workload.count;
      char *got;
      run_isolated(db, workload.items[i], &got);
      w->runs++;
      if (strcmp(got, expected[i]) != 0) {
        if (w->differences++ < 3) {
          printf("FAIL thread %d: %s\nexpected:\n%sgot:\n%s", w->id,
                 workload.items[i], expected[i], got);
        }
      }
      free(got);
    }
  }
  sqlite3_close(db);
  return 0;
}

/* THREADS threads running the workload, each on a connection from
** open_with_pmext(ENTRY); returns the number of differences. */
static long run_threads(const char *entry, const char *what) {
  worker workers[THREADS];
  for (int t = 0; t < THREADS; t++) {
    workers[t] = (worker){.id = t, .entry = entry};
    if (pthread_create(&workers[t].thread, 0, work, &workers[t]) != 0) {
      fprintf(stderr, "threads: cannot start a thread\n");
      exit(2);
    }
  }
  long runs = 0, differences = 0;
  for (int t = 0; t < THREADS; t++) {
    pthread_join(workers[t].thread, 0);
    runs += workers[t].runs;
    differences += workers[t].differences;
  }
  printf("threads (%s): %d threads x %d iterations x %d statements = %ld "
         "runs, %ld differences from the single-threaded run\n",
         what, THREADS, iterations, workload.count, runs, differences);
  return differences;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s PMEXT_LIBRARY STATEMENTS_FILE ITERATIONS\n",
            argv[0]);
    return 2;
  }
  extension_path = argv[1];
  iterations = atoi(argv[3]);
  if (!sqlite3_threadsafe()) {
    fprintf(stderr, "threads: this SQLite is built without threads\n");
    return 2;
  }
  statements_read(&workload, argv[2]);
  sqlite3 *plain = 0;
  sqlite3_open(":memory:", &plain);
  sqlite3 *db = open_with_pmext(0);
  statements_pmext(&workload, db, plain);
  sqlite3_close(plain);
  expected = calloc((size_t)workload.count, sizeof *expected);
  if (!expected) return 2;
  for (int i = 0; i < workload.count; i++) {
    run_isolated(db, workload.items[i], &expected[i]);
  }
  sqlite3_close(db);

  long differences = run_threads(0, "per connection");
  /* Load once for the process; the loading connection closes at once. */
  sqlite3_close(open_with_pmext("sqlite3_pmextauto_init"));
  differences += run_threads("", "pool, loaded once");
  for (int i = 0; i < workload.count; i++) free(expected[i]);
  free(expected);
  strlist_free(&workload);
  return differences ? 1 : 0;
}
