/* SPDX-License-Identifier: MIT */
/*
** embed.c -- a program with pmext linked in statically (tests/clients/
** install.test builds it against build/libpmext.a and include/pmext.h).
**
** Registers pmext with sqlite3_auto_extension, opens a fresh in-memory
** database (no load_extension anywhere) and prints the result of each SQL
** statement given on the command line, one value per line.
*/
#include <stdio.h>

#include <sqlite3.h>

#include "pmext.h"

int main(int argc, char **argv) {
  int rc = sqlite3_auto_extension((void (*)(void))sqlite3_pmext_init);
  if (rc != SQLITE_OK) {
    fprintf(stderr, "embed: sqlite3_auto_extension: %s\n", sqlite3_errstr(rc));
    return 1;
  }
  sqlite3 *db = 0;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
    fprintf(stderr, "embed: %s\n", db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return 1;
  }
  for (int i = 1; i < argc; i++) {
    sqlite3_stmt *stmt = 0;
    if (sqlite3_prepare_v2(db, argv[i], -1, &stmt, 0) != SQLITE_OK) {
      fprintf(stderr, "embed: %s\n", sqlite3_errmsg(db));
      sqlite3_close(db);
      return 1;
    }
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(stmt); c++) {
        const unsigned char *text = sqlite3_column_text(stmt, c);
        printf("%s%s", c ? "|" : "", text ? (const char *)text : "NULL");
      }
      printf("\n");
    }
    if (rc != SQLITE_DONE) fprintf(stderr, "embed: %s\n", sqlite3_errmsg(db));
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
      sqlite3_close(db);
      return 1;
    }
  }
  sqlite3_close(db);
  sqlite3_reset_auto_extension();
  return 0;
}
