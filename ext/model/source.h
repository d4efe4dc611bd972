/* SPDX-License-Identifier: MIT */
/*
** source.h -- a model kept up to date with its inputs (source.c): the
** snapshot a cursor reads, the source it comes from, the part every
** model virtual table shares, and how each module is registered.
*/
#ifndef PMEXT_MODEL_SOURCE_H
#define PMEXT_MODEL_SOURCE_H

#include "model.h"
#include "freshness.h"
#include "derived.h"
#include "sql/table_vtab.h"

/* A built model and its derived grids, shared by the cursors that read
** it; freed when the last reference goes. */
typedef struct model_snapshot {
  int refs;
  model_set *set;
  model_digest digest; /* what it was read from (input tables only) */
  int built[MODEL_N_GRIDS]; /* per model_grid: 1 built yet, -1 too big to
                            ** keep (streamed) */
  tv_table grids[MODEL_N_GRIDS];
} model_snapshot;

struct model_source;

/* What the model tables of one connection share: the built-in model,
** built once, when the first of pm_segments, pm_facts, pm_audit and
** pm_companies is read; the stack of sources being read (to refuse a
** cycle); the key of the digests. */
typedef struct model_builtin_cache {
  int refs;
  model_snapshot *snap;
  struct model_source *reading; /* the source read last, or 0 */
  char *cycle;                  /* the message of a cycle found, or 0 */
  int keyed;
  sqlite3_uint64 key[2];        /* random, for model_digest */
} model_builtin_cache;

/* The aux data of each registered module: its spec and the connection's
** built-in cache. */
typedef struct model_module {
  const void *spec;
  model_builtin_cache *cache;
} model_module;

/* Where a model comes from: the built-in dataset, or input tables of db. */
typedef struct model_source {
  sqlite3 *db;           /* 0: the built-in report (cache) */
  model_builtin_cache *cache;
  char *names[6];        /* reports, figures, claims, companies, fx (or
                         ** 0) and currency (pm_compare: fx's target) */
  char *schemas[5];      /* the database of each table (0: search order) */
  int count_extrapolated; /* pm_compare: count_extrapolated=yes */
  const char *who;       /* module name, for messages */
  char *table;           /* the virtual table's own name, for messages */
  model_snapshot *snap;  /* the current model, or 0 */
  model_stamp stamp;     /* when snap was last known to be current */
  int committed;         /* ... and read outside a write transaction */
  model_probe probe;
  struct model_source *below; /* while being read: the source read before */
  const char *const *reading; /* while being read: the input table */
  int busy;
} model_source;

/* The current model (rebuilt if the inputs changed), one reference for
** the caller (model_snapshot_release()). */
int model_source_get(model_source *src, model_snapshot **out, char **err);
void model_snapshot_release(model_snapshot *snap);
/* The rows of `table` in snap, built on first use; *out 0 for a streamed
** table too big to keep (the caller streams it). */
int model_snapshot_grid(model_snapshot *snap, const model_table *table,
                        const tv_table **out);

/* The part every model table shares: its spec and its source. xConnect
** (and xCreate) of each: declare the schema, read the arguments. */
typedef struct model_vtab {
  sqlite3_vtab base;
  const void *spec;
  model_source src;
} model_vtab;

int model_vtab_connect(sqlite3 *db, const model_module *module,
                       const char *schema, const char *name, int builtin,
                       int argc, const char *const *argv, sqlite3_vtab **out,
                       char **err);
int model_vtab_disconnect(sqlite3_vtab *vtab);

/* Registers `name` with aux {spec, cache}; the module keeps a reference
** to the cache until the connection drops it. */
int model_register_module(sqlite3 *db, const char *name,
                          const sqlite3_module *module, const void *spec,
                          model_builtin_cache *cache);

#endif /* PMEXT_MODEL_SOURCE_H */
