/* SPDX-License-Identifier: MIT */
/*
** pool.c -- load pmext once for a whole process (tests/autoload.test).
**
**   pool PMEXT_LIBRARY ENTRY_POINT
**
** What a connection pool does: one connection opened before pmext is
** loaded, then one connection that loads the library with ENTRY_POINT
** ("-": none, SQLite derives it from the file name) and is closed again,
** then a pool of connections opened afterwards, the last one with
** extension loading turned off explicitly. For each connection it prints
** one line:
**
**   conn N: VERSION|VALUE|RATE|LOAD
**
** VERSION is pmext_version(), VALUE North America's 2034 value from
** pm_segments, RATE the aggregate cagr(value, year) over two rows (each
** the error instead when the query fails), LOAD what
** sqlite3_load_extension() answers in that connection afterwards (ok, or
** its error). The connection opened before the load prints "early: ..."
** the same way. Exits 2 when the library cannot be loaded.
*/
#include <stdio.h>
#include <string.h>

#include <sqlite3.h>

#define POOL 4

/* The first column of the first row of SQL, into buf (or the error). */
static void one_value(sqlite3 *db, const char *sql, char *buf, size_t size) {
  sqlite3_stmt *stmt = 0;
  int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, 0);
  if (rc == SQLITE_OK) rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW) {
    const unsigned char *text = sqlite3_column_text(stmt, 0);
    snprintf(buf, size, "%s", text ? (const char *)text : "NULL");
  } else if (rc == SQLITE_DONE) {
    snprintf(buf, size, "no row");
  } else {
    snprintf(buf, size, "error: %s", sqlite3_errmsg(db));
  }
  sqlite3_finalize(stmt);
}

static void report(const char *label, sqlite3 *db, const char *library) {
  static const char *const queries[] = {
      "SELECT pmext_version()",
      "SELECT value_usd_bn FROM pm_segments"
      " WHERE segment = 'North America' AND year = 2034",
      "SELECT round(cagr(v, y), 6) FROM"
      " (SELECT 100.0 AS v, 2020 AS y UNION ALL SELECT 121.0, 2022)",
  };
  printf("%s:", label);
  for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++) {
    char value[200];
    one_value(db, queries[i], value, sizeof value);
    printf("%s%s", i ? "|" : " ", value);
  }
  char *error = 0;
  int rc = sqlite3_load_extension(db, library, 0, &error);
  printf("|%s\n", rc == SQLITE_OK ? "ok" : error ? error : "error");
  sqlite3_free(error);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s PMEXT_LIBRARY ENTRY_POINT\n", argv[0]);
    return 2;
  }
  const char *library = argv[1];
  const char *entry = strcmp(argv[2], "-") == 0 ? 0 : argv[2];
  sqlite3 *early = 0;
  sqlite3 *loader = 0;
  char *error = 0;
  /* sqlite3_initialize() first, as SQLite asks of a program (a build with
  ** SQLITE_OMIT_AUTOINIT does not initialize itself). */
  if (sqlite3_initialize() != SQLITE_OK ||
      sqlite3_open(":memory:", &early) != SQLITE_OK ||
      sqlite3_open(":memory:", &loader) != SQLITE_OK ||
      sqlite3_enable_load_extension(loader, 1) != SQLITE_OK ||
      sqlite3_load_extension(loader, library, entry, &error) != SQLITE_OK) {
    fprintf(stderr, "pool: cannot load %s: %s\n", library,
            error ? error : "cannot open a connection");
    return 2;
  }
  /* Closing the connection that loaded the library must not unload it. */
  sqlite3_close(loader);

  sqlite3 *pool[POOL] = {0};
  for (int i = 0; i < POOL; i++) {
    if (sqlite3_open_v2(":memory:", &pool[i],
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        0) != SQLITE_OK) {
      fprintf(stderr, "pool: connection %d: %s\n", i,
              pool[i] ? sqlite3_errmsg(pool[i]) : "out of memory");
      return 2;
    }
  }
  /* The last one refuses extension loading, from C and from SQL. */
  sqlite3_db_config(pool[POOL - 1], SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0,
                    (int *)0);
  for (int i = 0; i < POOL - 1; i++) sqlite3_enable_load_extension(pool[i], 1);
  sqlite3_enable_load_extension(early, 1);

  report("early", early, library);
  sqlite3_close(early);
  for (int i = 0; i < POOL; i++) {
    char label[32];
    snprintf(label, sizeof label, "conn %d", i);
    report(label, pool[i], library);
    sqlite3_close(pool[i]);
  }
  return 0;
}
