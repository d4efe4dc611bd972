/* SPDX-License-Identifier: MIT */
/*
** apitable.c -- pmext loaded with an API table whose optional entries are
** NULL, as some SQLite builds give it (tests/security.test).
**
**   apitable PMEXT WITHOUT
**
** WITHOUT names the entries left NULL: "nothing", "mutexes" (what a SQLite
** built with SQLITE_THREADSAFE=0 gives: mutex_alloc, mutex_enter,
** mutex_free, mutex_leave, mutex_try) or "tables" (SQLITE_OMIT_VIRTUALTABLE:
** create_module, create_module_v2, declare_vtab, vtab_config,
** vtab_on_conflict, vtab_collation, drop_modules, vtab_rhs_value,
** vtab_distinct, vtab_in, vtab_in_first, vtab_in_next).
**
** How it works: the program takes the API table of the SQLite it is
** linked with (an automatic extension receives it), copies it, clears the
** entries, and calls pmext's entry point with the copy, the way SQLite
** would. The first line it prints is the load, "load: ok" or "load:
** error: MESSAGE", then one line per query, the value or "error: MESSAGE":
** cagr(100, 121, 2) = 0.1 (1.1^2 = 1.21) and the Global 2024 value of
** pm_segments (578.14, a figure of the built-in report).
*/
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

/* The struct of the API table, without sqlite3ext.h's macros that turn
** every sqlite3_*() call into a call through it. */
#define SQLITE_CORE 1
#include <sqlite3ext.h>

static sqlite3_api_routines table;

/* Run by sqlite3_open() as an automatic extension: keeps a copy of the
** API table of the library this program is linked with. */
static int capture(sqlite3 *db, char **error,
                   const sqlite3_api_routines *api) {
  (void)db;
  (void)error;
  table = *api;
  return SQLITE_OK;
}

static void clear(const char *without) {
  if (strcmp(without, "mutexes") == 0) {
    table.mutex_alloc = 0;
    table.mutex_enter = 0;
    table.mutex_free = 0;
    table.mutex_leave = 0;
    table.mutex_try = 0;
  } else if (strcmp(without, "tables") == 0) {
    table.create_module = 0;
    table.create_module_v2 = 0;
    table.declare_vtab = 0;
    table.vtab_config = 0;
    table.vtab_on_conflict = 0;
    table.vtab_collation = 0;
    table.drop_modules = 0;
    table.vtab_rhs_value = 0;
    table.vtab_distinct = 0;
    table.vtab_in = 0;
    table.vtab_in_first = 0;
    table.vtab_in_next = 0;
  }
}

static void query(sqlite3 *db, const char *label, const char *sql) {
  sqlite3_stmt *stmt = 0;
  int rc = table.prepare_v2(db, sql, -1, &stmt, 0);
  if (rc == SQLITE_OK) rc = table.step(stmt);
  if (rc == SQLITE_ROW) {
    printf("%s: %s\n", label, (const char *)table.column_text(stmt, 0));
  } else {
    printf("%s: error: %s\n", label, table.errmsg(db));
  }
  table.finalize(stmt);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: apitable PMEXT nothing|mutexes|tables\n");
    return 2;
  }
  void *pmext = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  void *entry = pmext ? dlsym(pmext, "sqlite3_pmext_init") : 0;
  if (!entry) {
    fprintf(stderr, "apitable: %s\n", dlerror());
    return 2;
  }
  int (*init)(sqlite3 *, char **, const sqlite3_api_routines *);
  memcpy(&init, &entry, sizeof entry); /* ISO C: no void * to function cast */

  /* The program is linked with SQLite, and reaches it through the table
  ** only, as an extension does. */
  sqlite3_auto_extension((void (*)(void))capture);
  sqlite3 *db = 0;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK || !table.open) {
    fprintf(stderr, "apitable: no API table\n");
    return 2;
  }
  sqlite3_reset_auto_extension();
  clear(argv[2]);

  char *error = 0;
  if (init(db, &error, &table) == SQLITE_OK) {
    printf("load: ok\n");
  } else {
    printf("load: error: %s\n", error ? error : "(no message)");
  }
  table.free(error);
  query(db, "cagr", "SELECT round(cagr(100, 121, 2), 12)");
  query(db, "pm_segments",
        "SELECT value_usd_bn FROM pm_segments"
        " WHERE segment = 'Global' AND year = 2024");
  table.close(db);
  return 0;
}
