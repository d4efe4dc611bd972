/* SPDX-License-Identifier: MIT */
/*
** derived.h -- what the derived tables share (pm_facts, pm_companies,
** pm_audit, pm_compare and their pm_model_* twins): the description of one
** table, its grid (sql/table_vtab.h) and how it is streamed. Types only;
** each table is defined in the file that builds its rows and declared in
** that file's header (facts.h, companies.h, audit.h, compare.h).
*/
#ifndef PMEXT_MODEL_DERIVED_H
#define PMEXT_MODEL_DERIVED_H

#include "model.h"
#include "sql/table_vtab.h"

/* Which grid of a snapshot caches a derived table's rows. */
typedef enum { GRID_FACTS, GRID_AUDIT, GRID_COMPARE, GRID_COMPANIES } model_grid;
#define MODEL_N_GRIDS 4
/* A streamed table of at most this many rows is kept like a built one
** (a build may choose: -DMODEL_KEPT_ROWS=8, as `make oom` and `make fuzz`
** do to reach both paths with small inputs). */
#ifndef MODEL_KEPT_ROWS
#define MODEL_KEPT_ROWS 16384
#endif

/* Where the cursor of a streamed table is: its next chunk (0 at the
** first) and the state the table keeps between chunks (0 at first; one
** sqlite3_malloc'ed block, freed by the cursor). */
typedef struct model_chunk {
  sqlite3_int64 next;
  void *state;
} model_chunk;

/* One derived table, defined in the file that builds its rows (facts.c,
** companies.c, audit.c, compare.c), its schema beside its builder.
** builtin: eponymous, over the built-in report (pm_facts, ...); else
** created over input tables (CREATE VIRTUAL TABLE pm_model_facts, ...),
** whose rows start with the report's name. Either built once per model
** (build(): fills `out` from the set, with that first column when
** with_report; the grid is kept with the model), or streamed (build 0;
** chunk(): appends to `out`, tv_init'ed by the caller, the rows of the
** chunk at *pos and moves *pos on; SQLITE_DONE past the last): each chunk
** holds a bounded number of rows, so a scan's memory does not grow with
** the table. A streamed table of at most MODEL_KEPT_ROWS rows is kept
** too. */
typedef struct model_table {
  const char *name;
  const char *schema;
  model_grid grid;
  int builtin;
  int (*build)(const model_set *set, int with_report, tv_table *out);
  int (*chunk)(const model_set *set, int with_report, model_chunk *pos,
               tv_table *out);
} model_table;


#endif /* PMEXT_MODEL_DERIVED_H */
