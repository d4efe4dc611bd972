/* SPDX-License-Identifier: MIT */
/*
** segments_vtab.h -- pm_segments and pm_model (segments_vtab.c).
*/
#ifndef PMEXT_MODEL_SEGMENTS_VTAB_H
#define PMEXT_MODEL_SEGMENTS_VTAB_H

#include "source.h"

/* Registers pm_segments and pm_model, sharing the connection's cache. */
int model_register_rows(sqlite3 *db, model_builtin_cache *cache);

#endif /* PMEXT_MODEL_SEGMENTS_VTAB_H */
