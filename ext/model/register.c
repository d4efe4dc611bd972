/* SPDX-License-Identifier: MIT */
/*
** register.c -- the model engine's tables registered on a connection
** (register.h): pm_segments and pm_model (segments_vtab.c), the derived
** tables and the modules of models over input tables (tables_vtab.c).
*/
#include "register.h"

#include "segments_vtab.h"
#include "tables_vtab.h"

#include <string.h>

SQLITE_EXTENSION_INIT3

/* The modules share one built-in cache per connection; each holds a
** reference, and this function's own is dropped at the end. */
int pmext_register_model(sqlite3 *db) {
  model_builtin_cache *cache = sqlite3_malloc64(sizeof *cache);
  if (!cache) return SQLITE_NOMEM;
  memset(cache, 0, sizeof *cache);
  cache->refs = 1;
  int rc = model_register_rows(db, cache);
  if (rc == SQLITE_OK) rc = model_register_tables(db, cache);
  if (--cache->refs == 0) sqlite3_free(cache);
  return rc;
}
