/* SPDX-License-Identifier: MIT */
/*
** model.h -- the model engine: any market report, given as rows of plain
** tables, becomes the long-form, provenance-tagged, audited model.
**
** This header holds the model set: the types every file of the engine
** shares, and the set's memory and lookups (model.c). Each .c file of the
** engine has a header of its own beside it (derived.h and inputs.h are
** types and data only), and the includes run one way, checked by
** tools/check-layers.sh (docs/architecture.md, "Layers"):
**
**   model.h (model.c)      the set: reports, segments, figures, claims
**   names.h, units.h       names and units compared
**   freshness.h            the change stamp and the digest of the inputs
**   reader.h               input tables -> a set (reads, computes nothing)
**   builtin.h              the built-in report -> a set, by the reader
**   rules.h                a set -> its rows (computes, reads nothing)
**   inputs.h               the input contract: every input column
**   derived.h              what the derived tables share; facts.h,
**                          companies.h, audit.h, compare.h: each table
**   source.h               a model kept current: read -> compute
**   segments_vtab.h, tables_vtab.h   the virtual tables over a source
**   register.h (register.c)          all of them on a connection
*/
#ifndef PMEXT_MODEL_H
#define PMEXT_MODEL_H

#include "sqlite3ext.h"

#include <stddef.h>

/* Provenance of a value or a share (docs/model.md, "Provenance rules"). */
typedef enum {
  MODEL_REPORTED = 0,     /* printed in the report, returned as printed */
  MODEL_DERIVED = 1,      /* computed from reported figures */
  MODEL_INTERPOLATED = 2, /* constant growth between two anchor years */
  MODEL_ASSUMED = 3,      /* rests on an assumption (share held constant) */
  MODEL_NOT_REPORTED = 4, /* the report gives nothing to compute it from */
  MODEL_PROJECTED = 5,    /* the last printed size grown at a stated CAGR */
  MODEL_EXTRAPOLATED = 6  /* pm_compare: outside the report's own window */
} model_basis;

#define MODEL_N_BASES 7

/* Scenarios. */
typedef enum {
  MODEL_SCENARIO_REPORTED = 0,   /* the report's figures, default */
  MODEL_SCENARIO_STATED_CAGR = 1 /* the whole market grown at its CAGR */
} model_scenario;

#define MODEL_N_SCENARIOS 2

/* One printed figure: its year, the number as printed (a size in the
** report's unit, or a share as a fraction) and half its last printed
** digit (0: exact as given). */
typedef struct model_figure {
  int year;
  double x;
  double half;
} model_figure;

/* One segment of a report and the figures printed for it, by year. */
typedef struct model_segment {
  const char *dimension; /* its dimension's printed name: 'market', ... */
  const char *segment;   /* the name as the report prints it */
  const char *key;       /* the name compared (names.c) */
  int dim;               /* its dimension: index in the report's */
  int n_values;
  model_figure *values;
  int n_shares;
  model_figure *shares;
  const char *value_note; /* note of its first printed size, or 0 */
  int n_cagr;             /* the CAGR claims with a period on it ... */
  int *cagr;              /* ... as indices into the report's claims */
} model_segment;

/* One dimension of a report: its segments in order of first appearance.
** The first name printed is shown; names with the same key are one. */
typedef struct model_dimension {
  const char *name, *key;
  int n_segments;
  int *segments;
  int complete; /* a 'complete' claim: the report lists every segment */
} model_dimension;

typedef enum {
  CLAIM_CAGR,
  CLAIM_DOMINANT,
  CLAIM_FASTEST,
  CLAIM_COMPLETE
} model_claim_kind;

/* One stated rate or statement. For a CAGR, segment is 0 for the whole
** market, value the rate (a fraction) with half its last digit in half;
** has_period 0 when the claim states no period (from_year, to_year 0).
** seg and dim: the segment and the dimension it names, or -1. */
typedef struct model_claim {
  model_claim_kind kind;
  const char *dimension, *segment, *note;
  double value, half;
  int has_period, from_year, to_year;
  int seg, dim;
} model_claim;

typedef struct model_company {
  int position;
  const char *company, *parent, *listed_as;
} model_company;

/* One row of the model. has_* is 0 where the column is NULL. */
typedef struct model_row {
  int has_value;
  double value;
  model_basis value_basis;
  int has_share;
  double share;
  model_basis share_basis;
  int has_yoy;
  double yoy;
} model_row;

/* One report, as read, and its computed rows. */
typedef struct model_report {
  const char *report, *market, *publisher, *published, *unit, *url;
  const char *market_key; /* the market compared (names.c) */
  const char *unit_long; /* 'USD billion' for 'USD bn' */
  char currency[4];      /* 'USD' */
  double to_bn;          /* factor from the unit to billions */
  int first_year, last_year; /* the window: first figure .. last figure
                             ** or end of a stated CAGR; 0 and -1 for a
                             ** report with no figures (no year) */
  int n_segments;
  model_segment *segments; /* in order of first appearance */
  int n_dimensions;
  model_dimension *dimensions; /* in order of first appearance */
  int whole;               /* index of the whole market: the first
                           ** 'market' segment, or -1 */
  int n_claims;
  model_claim *claims;
  int stated;              /* index of the first whole-market CAGR, or -1 */
  int n_companies;
  model_company *companies;
  model_row *rows; /* [scenario][segment][year - first_year], or 0: the
                   ** model is too big to keep, rows are computed as
                   ** scans reach them (model_row_at) */
  sqlite3_int64 input_row; /* its row in the reports table */
  int segment_base;        /* segments of the reports before it */
} model_report;

/* One exchange rate of the fx table: one unit of `currency` is `rate`
** units of the target currency in `year` (0: any year). */
typedef struct model_fx {
  char currency[4];
  int year;
  double rate;
} model_fx;

/* Every report of the input, the segment lookup, and the memory. */
typedef struct model_set {
  int n_reports;
  model_report *reports;
  int n_fx;             /* pm_compare: the fx table, sorted by currency */
  model_fx *fx;         /* and year (0 first) */
  char fx_target[4];    /* the currency converted to, or "" */
  int count_extrapolated; /* pm_compare counts extrapolated values */
  int n_rslots;         /* hash of report names: report index + 1, 0 empty */
  int *rslot;
  int n_sslots;         /* hash of (report, dimension, segment) */
  int *sslot_report;    /* report index + 1 per slot, 0 = empty */
  int *sslot_segment;   /* segment index in that report */
  int n_kslots;         /* hash of the keys (report, dimension) and */
  int *kslot_report;    /* (report, dimension, segment): report index + 1 */
  int *kslot_item;      /* per slot (0 empty); dimension index + 1, or */
                        /* -(segment index + 1) */
  struct model_block *blocks; /* the memory of everything above */
  size_t dense_bytes;   /* of the rows kept (model_compute) */
  sqlite3 *db;          /* the connection read, for interrupts (0: none) */
} model_set;

/* Rows are kept (computed once per model) up to MODEL_DENSE_BYTES, beyond
** it computed as scans reach them, so memory does not grow with the years
** or the segments (docs/model.md, "Limits", bounds both). */
#ifndef MODEL_DENSE_BYTES /* a build may choose: -DMODEL_DENSE_BYTES=0 */
#define MODEL_DENSE_BYTES (16u << 20)
#endif

/* --- model.c: the set's memory and lookups --------------------------- */

void model_set_free(model_set *set);
/* Memory owned by the set (zeroed), or 0. */
void *model_alloc(model_set *set, size_t size);
/* A copy of text in memory of the set (0 for 0; *oom set when memory
** runs out). */
char *model_copy_text(model_set *set, const char *text, int *oom);
/* The hash of (report, a[, b]) (b 0: a alone), and a power of two of
** slots at least 2n (and at least 8): for the set's hashes. */
unsigned model_pair_hash(int report, const char *a, size_t na, const char *b,
                         size_t nb);
int model_slots_for(int n);
/* Adds the last report read to the index of report names (rebuilt larger
** as capacity grows); indexes every segment by its exact names (n at
** least the number of segments). SQLITE_OK or SQLITE_NOMEM. */
int model_index_report(model_set *set, int capacity);
int model_index_segments(model_set *set, int n);
/* Of a segment's figures[0..n), sorted by year as the reader leaves them:
** the first whose year is `year` or later (n when none), and the one
** printed for `year` (0 when none). O(log n). */
int model_first_from(const model_figure *figures, int n, int year);
const model_figure *model_printed(const model_figure *figures, int n,
                                  int year);
/* Index of report `report`, or -1; of segment (report, dimension,
** segment), or -1. Both O(1). */
int model_find_report(const model_set *set, const char *report, size_t bytes);
int model_find_segment(const model_set *set, int report, const char *dimension,
                       size_t dimension_bytes, const char *segment,
                       size_t segment_bytes);

#endif /* PMEXT_MODEL_H */
