/*
** fuzz.c -- libFuzzer target: SQL from the fuzzer's input, run against a
** fresh in-memory connection with pmext.
**
**   make fuzz FUZZ_SECONDS=600
**
** How it works: the extension's sources are compiled in (with coverage
** instrumentation; the system libsqlite3 is not instrumented, so coverage
** steers the fuzzer through pmext's code) and registered as an automatic
** extension. Each input is taken as SQL text and run statement after
** statement with sqlite3_exec(). The dictionary tests/fuzz/pmext.dict gives
** the fuzzer our function, table and column names; the seed corpus
** tests/fuzz/corpus holds one valid query per file. A table t(v, y, r) of
** a few model-like rows is there for aggregates to work on.
** Limits keep every input cheap and contained: result and SQL length,
** expression depth, no attached databases (so no ATTACH or VACUUM INTO can
** touch a file; the authorizer refuses ATTACH as well), load_extension()
** off, a progress handler that interrupts after a fixed number of virtual
** machine steps, and a heap limit.
** Inputs that once crashed are kept in tests/fuzz/regress and replayed by
** `make fuzz` before fuzzing.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

int sqlite3_pmext_init(sqlite3 *db, char **pzErrMsg,
                       const sqlite3_api_routines *pApi);
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define PROGRESS_EVERY 1000  /* VM steps between progress callbacks */
#define PROGRESS_CALLS 2000  /* callbacks before the statement is stopped */

static const char setup_sql[] =
    "CREATE TABLE t(v, y, r);"
    "INSERT INTO t VALUES (578.14, 2024, 0.0659), (616.26, 2025, 0.0741),"
    " (1094.83, 2034, 0.0741), (259.93, 2024, 0.0642), (NULL, 2030, NULL);";

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
  sqlite3_hard_heap_limit64(256 << 20);
  sqlite3_auto_extension((void (*)(void))sqlite3_pmext_init);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *sql = malloc(size + 1);
  if (!sql) return 0;
  memcpy(sql, data, size);
  sql[size] = 0;
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
    sqlite3_exec(db, sql, 0, 0, 0);
  }
  sqlite3_close(db);
  free(sql);
  return 0;
}
