/* SPDX-License-Identifier: MIT */
/*
** pmext-run.c -- the test driver for builds the test suite's tclsh cannot
** load: pmext for Windows (under wine), for musl, for aarch64 (under
** qemu-user). Compiled with the target's compiler over the SQLite
** amalgamation, it loads pmext into that SQLite and prints what each
** statement of a file gives, rendered by tests/c/sqltext.c
** (tests/packages/driver.tcl runs it).
**
**   pmext-run PMEXT STATEMENTS.sql
**
** PMEXT is what sqlite3_load_extension() gets: a path, or a bare name
** (pmext) that the platform's dynamic loader finds on its own.
** STATEMENTS.sql holds one statement per line (blank and "--" lines
** skipped). Output: a line "sqlite VERSION", then per statement a line
** "== N" (N from 1), then one line per row, values as type:value separated
** by "|", or "error CODE MESSAGE". Exit status 0 when pmext loaded (a
** failing statement is output, not a failure), 1 when it did not, 2 on a
** usage error.
*/
#include <stdio.h>
#include <stdlib.h>

#include "sqltext.h"

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: pmext-run PMEXT STATEMENTS.sql\n");
    return 2;
  }
  strlist statements = {0};
  statements_read(&statements, argv[2]);

  sqlite3 *db = 0;
  char *error = 0;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
      sqlite3_enable_load_extension(db, 1) != SQLITE_OK ||
      sqlite3_load_extension(db, argv[1], 0, &error) != SQLITE_OK) {
    fprintf(stderr, "pmext-run: %s did not load: %s\n", argv[1],
            error ? error : sqlite3_errmsg(db));
    sqlite3_free(error);
    sqlite3_close(db);
    strlist_free(&statements);
    return 1;
  }
  sqlite3_enable_load_extension(db, 0);
  printf("sqlite %s\n", sqlite3_libversion());
  for (int i = 0; i < statements.count; i++) {
    char *out = 0;
    sql_to_text(db, statements.items[i], &out);
    printf("== %d\n%s", i + 1, out);
    free(out);
  }
  sqlite3_close(db);
  strlist_free(&statements);
  return 0;
}
