/* SPDX-License-Identifier: MIT */
/*
** tables_vtab.h -- the derived tables as virtual tables (tables_vtab.c).
*/
#ifndef PMEXT_MODEL_TABLES_VTAB_H
#define PMEXT_MODEL_TABLES_VTAB_H

#include "source.h"

/* Registers the derived tables (facts.h, companies.h, audit.h,
** compare.h), sharing the connection's cache. */
int model_register_tables(sqlite3 *db, model_builtin_cache *cache);

#endif /* PMEXT_MODEL_TABLES_VTAB_H */
