/* SPDX-License-Identifier: MIT */
/*
** builtin.c -- the built-in report, fed through the same engine as
** any user's tables.
**
** The dataset lives in the repository as CSV (data/reports/cervicorn/);
** the build turns it into SQL in a C string (data/embed.awk writes
** model_builtin_sql.h into the build directory). Here that SQL fills a
** private in-memory database, and model_read() reads its tables exactly as
** it reads a user's: one reader, one rule set, no file at run time.
*/
#include "builtin.h"
#include "reader.h"
#include "model_builtin_sql.h"

SQLITE_EXTENSION_INIT3

int model_builtin(model_set **out, char **err) {
  static const model_inputs in = {.reports = "reports",
                                   .figures = "figures",
                                   .claims = "claims",
                                   .companies = "companies"};
  sqlite3 *db = 0;
  *out = 0;
  *err = 0;
  int rc = sqlite3_open_v2(":memory:", &db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, 0);
  if (rc == SQLITE_OK) rc = sqlite3_exec(db, model_builtin_sql, 0, 0, 0);
  if (rc == SQLITE_OK) {
    rc = model_read(db, &in, "pmext built-in report", out, err);
    if (rc == SQLITE_OK) (*out)->db = 0; /* closed below */
  } else if (rc != SQLITE_NOMEM) {
    *err = sqlite3_mprintf("pmext built-in report: %s",
                           db ? sqlite3_errmsg(db) : "cannot open");
    if (!*err) rc = SQLITE_NOMEM;
  }
  sqlite3_close(db);
  return rc;
}
