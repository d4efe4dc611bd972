/* SPDX-License-Identifier: MIT */
/*
** model.h -- the model engine: any market report, given as rows of plain
** tables, becomes the long-form, provenance-tagged, audited model.
**
** One engine, two sources. reader.c reads the input tables (reports,
** figures, claims, and optionally companies) of a connection into a
** model_set; builtin.c loads the built-in report's dataset
** (data/reports/cervicorn, compiled in as SQL) into a private in-memory
** connection and reads it with the same reader. rules.c holds the rules
** that compute every row; facts.c, companies.c, audit.c and compare.c
** each define a derived table (schema and rows); source.c keeps a model
** up to date with its input tables. The virtual tables (*_vtab.c) only
** present what these give.
*/
#ifndef PMEXT_MODEL_H
#define PMEXT_MODEL_H

#include "sqlite3ext.h"
#include "sql/table_vtab.h"

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
const char *model_basis_name(model_basis basis);

/* Scenarios. */
typedef enum {
  MODEL_SCENARIO_REPORTED = 0,   /* the report's figures, default */
  MODEL_SCENARIO_STATED_CAGR = 1 /* the whole market grown at its CAGR */
} model_scenario;

#define MODEL_N_SCENARIOS 2
const char *model_scenario_name(model_scenario scenario);
/* 1 and *out set when name is a scenario, else 0. */
int model_scenario_lookup(const char *name, model_scenario *out);
/* "'reported', 'stated_cagr'", for error messages. */
const char *model_scenario_list(void);

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
                   ** scans reach them (model_compute) */
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

/* --- freshness.c: is a model still what its inputs hold ------------- */

/* SipHash-2-4, streamed. */
typedef struct model_hash {
  sqlite3_uint64 v[4], tail, length;
} model_hash;
void model_hash_init(model_hash *h, const sqlite3_uint64 key[2]);
void model_hash_bytes(model_hash *h, const void *data, size_t n);
sqlite3_uint64 model_hash_final(const model_hash *h);

/* The digest of what the reader read: each statement and every row it
** returned. The reader calls model_digest_table() when it has prepared a
** statement and model_digest_row() after each row (both do nothing for a
** null digest). */
#define MODEL_DIGEST_TABLES 5
typedef struct model_digest {
  model_hash hash;
  int n_sql;
  char *table[MODEL_DIGEST_TABLES]; /* the input table as named ... */
  const char *sql[MODEL_DIGEST_TABLES]; /* ... and its statement (same block) */
  const char *reading;              /* the table being read now, or 0 */
} model_digest;
void model_digest_init(model_digest *d, const sqlite3_uint64 key[2]);
void model_digest_free(model_digest *d);
int model_digest_table(model_digest *d, const char *table, const char *sql);
int model_digest_row(model_digest *d, sqlite3_stmt *stmt);
sqlite3_uint64 model_digest_value(const model_digest *d);
/* Reads the statements of `built` again: *same 1 when they return the
** same rows (a statement that no longer prepares or runs: 0). *reading
** names the table being read meanwhile. */
int model_digest_same(sqlite3 *db, const model_digest *built,
                      const sqlite3_uint64 key[2], const char **reading,
                      int *same);

/* The change stamp of a connection's databases, and the statements that
** open a read transaction on each before its data version is read. */
#define MODEL_MAX_DATABASES 128 /* more than SQLITE_MAX_ATTACHED + 2 */
typedef struct model_stamp {
  unsigned changes, generation;
  int unknown; /* a database could not be opened: never the same */
  int n;
  unsigned versions[MODEL_MAX_DATABASES];
} model_stamp;
typedef struct model_probe {
  int n;
  char *names; /* the databases' names, each NUL-terminated, in order */
  size_t bytes;
  sqlite3_stmt **stmts; /* one per database (temp's unused) */
  int reprepared;
  unsigned generation;
} model_probe;
int model_stamp_take(sqlite3 *db, model_probe *probe, model_stamp *out);
int model_stamp_same(const model_stamp *a, const model_stamp *b);
void model_probe_free(model_probe *probe);
/* Has the connection a write transaction open (uncommitted changes may
** exist)? 1 when SQLite cannot tell (before 3.34). */
int model_connection_writing(sqlite3 *db);

/* --- reader.c: the reader -------------------------------------- */

/* Names of the input tables (companies and fx may be 0: none), and the
** database to read each from, in the order reports, figures, claims,
** companies, fx (0: SQLite's search order); for pm_compare, the currency
** to convert to (with fx) and whether extrapolated values count in the
** consensus; the digest to feed while reading them (0: none). */
typedef struct model_inputs {
  const char *reports, *figures, *claims, *companies;
  const char *fx, *currency;
  int count_extrapolated;
  const char *schemas[5];
  model_digest *digest;
} model_inputs;

/* Reads the input tables of db into a new model set, computes its rows
** (rules.c). On error returns the code and, except for SQLITE_NOMEM, sets
** *err (sqlite3_malloc'ed) to a message naming `who`, the table, the row
** and the column. */
int model_read(sqlite3 *db, const model_inputs *in, const char *who,
               model_set **out, char **err);
void model_set_free(model_set *set);
/* Memory owned by the set (zeroed), or 0. */
void *model_alloc(model_set *set, size_t size);
/* Index of report `report`, or -1; of segment (report, dimension,
** segment), or -1. Both O(1). */
int model_find_report(const model_set *set, const char *report, size_t bytes);
int model_find_segment(const model_set *set, int report, const char *dimension,
                       size_t dimension_bytes, const char *segment,
                       size_t segment_bytes);

/* --- names.c, units.c: names and units compared --------------------- */

/* The key a name is compared by ("Asia Pacific" and "asia-pacific" have
** one), in memory of the set; 0 when memory runs out. */
const char *model_name_key(model_set *set, const char *name);

/* A unit read: 'US$ bn' is currency 'USD', scale 'bn' ('billion'). */
typedef struct model_unit {
  char currency[4];
  const char *scale, *scale_name;
  double to_bn; /* factor from the unit to billions */
} model_unit;
/* 0 and *out, or why text is not a unit (then add model_unit_forms). */
const char *model_unit_parse(const char *text, model_unit *out);
/* 0 and the code of a currency ('US$' -> 'USD'), or why not. */
const char *model_currency_parse(const char *text, char code[4]);
extern const char model_unit_forms[];

/* --- rules.c: the rules ------------------------------------------------- */

/* Fills r->rows (both scenarios) from memory of the set, when they fit in
** what is left of MODEL_DENSE_BYTES; else leaves them 0. SQLITE_INTERRUPT
** when the connection is interrupted meanwhile. */
int model_compute(model_set *set, model_report *r);
/* The kept rows of a segment in a scenario, or 0 (not kept). */
const model_row *model_rows(const model_report *r, model_scenario scenario,
                            int segment);
/* The whole market in one year: its value (rules 1-3), and its value in
** the stated-CAGR scenario. */
typedef struct model_whole_year {
  int has;
  double value;
  model_basis basis;
  int has_stated;
  double stated;
} model_whole_year;
/* The whole market for the years from..to (inside the window), out[0..]. */
void model_whole_path(const model_report *r, int from, int to,
                      model_whole_year *out);
/* The rows of a segment for the years from..to, both scenarios, from the
** whole market of the same years; the first row's yoy_growth is NULL (a
** caller that needs it starts a year earlier). */
void model_segment_path(const model_report *r, int segment, int from, int to,
                        const model_whole_year *whole, model_row *reported,
                        model_row *stated);
/* The row of a segment in one year of the window, kept or computed. */
void model_row_at(const model_report *r, model_scenario scenario, int segment,
                  int year, model_row *out);
/* SQLITE_INTERRUPT when the set's connection has been interrupted (long
** computations call it every so often), else SQLITE_OK. */
int model_interrupted(const model_set *set);
/* The value of a segment from its own printed sizes (reported,
** interpolated, projected at a stated CAGR); 0 when there is none. */
int model_own_value(const model_report *r, int segment, int year,
                    double *value, model_basis *basis);
/* CAGR of a segment between two years of the reported scenario. */
int model_implied_cagr(const model_report *r, int segment, int from, int to,
                       double *out);
/* The whole market at `year` grown at the stated CAGR from its first year. */
int model_stated_value(const model_report *r, int year, double *out);

/* --- derived tables (grids of table_vtab.h) --------------------------- */

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

extern const model_table model_table_facts, model_table_model_facts; /* facts.c */
extern const model_table model_table_companies;                      /* companies.c */
extern const model_table model_table_audit, model_table_model_audit; /* audit.c */
extern const model_table model_table_compare;                        /* compare.c */

/* --- builtin.c: the built-in report ------------------------------ */

int model_builtin(model_set **out, char **err);

/* --- source.c: a model kept up to date with its inputs ----------- */

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

/* Parses the module arguments (reports=..., figures=..., claims=...,
** companies=...; for pm_compare also fx=..., currency=...,
** count_extrapolated=yes|no) into src; db 0 for the built-in (from cache). */
int model_source_init(model_source *src, sqlite3 *db,
                      model_builtin_cache *cache, const char *who, int argc,
                      const char *const *argv, char **err);
void model_source_free(model_source *src);
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

/* --- registration ------------------------------------------------------ */

/* Registers `name` with aux {spec, cache}; the module keeps a reference
** to the cache until the connection drops it. */
int model_register_module(sqlite3 *db, const char *name,
                          const sqlite3_module *module, const void *spec,
                          model_builtin_cache *cache);
int model_register_rows(sqlite3 *db, model_builtin_cache *cache);
int model_register_tables(sqlite3 *db, model_builtin_cache *cache);

#endif /* PMEXT_MODEL_H */
