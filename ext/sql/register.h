/* SPDX-License-Identifier: MIT */
/*
** register.h -- what the parts of the extension share with the entry point.
**
** Each concern registers its own SQL functions and modules; pmext.c calls
** every registration function listed here when the extension is loaded.
** Each returns SQLITE_OK or an SQLite error code.
*/
#ifndef PMEXT_SQL_REGISTER_H
#define PMEXT_SQL_REGISTER_H

#include "sqlite3ext.h"

/* Flags for pure scalar functions: usable in indexes, generated columns,
** CHECK constraints, views and triggers, also with trusted_schema=OFF. */
#define PMEXT_PURE_FUNCTION \
  (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)

int pmext_register_scalars(sqlite3 *db); /* scalars.c */
int pmext_register_aggregates(sqlite3 *db); /* aggregates.c */
int pmext_register_projection(sqlite3 *db); /* projection.c */
int pmext_register_model(sqlite3 *db);  /* model/rules.c: the pm_* tables */
int pmext_register_display(sqlite3 *db); /* display.c */
int pmext_register_extract(sqlite3 *db); /* extract/extract.c: pm_extract() */

#endif /* PMEXT_SQL_REGISTER_H */
