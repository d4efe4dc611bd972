/* SPDX-License-Identifier: MIT */
/*
** register.h -- the registrations of the SQL layer's functions, which the
** entry point calls, and the flags of pure functions.
**
** Each concern registers its own SQL functions and modules; pmext.c calls
** every registration function listed here when the extension is loaded,
** and those of the layers above, each from its own header
** (model/register.h, extract/extract.h).
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
int pmext_register_display(sqlite3 *db); /* display.c */

#endif /* PMEXT_SQL_REGISTER_H */
