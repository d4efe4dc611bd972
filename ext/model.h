/*
** model.h -- the built-in market model: the report's figures (model_data.c)
** and the rules that compute everything else from them (model.c).
**
** model_data.c declares each printed figure once, as data. model.c derives
** every other number by a rule: constant growth between anchor years
** (growth.h), shares as value / Global, printed shares held constant,
** the stated-CAGR scenario, the audit checks. The virtual tables
** (*_vtab.c) only present what these functions return.
*/
#ifndef PMEXT_MODEL_H
#define PMEXT_MODEL_H

#include "sqlite3ext.h"
#include "table_vtab.h"

#define MODEL_MAX_ANCHORS 4

/* One printed figure: its year and its value as printed (USD billions for
** sizes, a fraction for shares: 44.96 % is 0.4496). */
typedef struct model_figure {
  int year;
  double value;
} model_figure;

/* One segment of the report and the figures printed for it. */
typedef struct model_segment {
  const char *dimension; /* 'market', 'region', 'end_user', ... */
  const char *segment;   /* the name as the report prints it */
  int n_values;          /* printed sizes, by increasing year */
  model_figure values[MODEL_MAX_ANCHORS];
  int n_shares;          /* printed shares of the global market */
  model_figure shares[MODEL_MAX_ANCHORS];
  double share_step;     /* last printed digit of the shares, as a fraction */
} model_segment;

/* One key company; parent is 0 unless the report names one. */
typedef struct model_company {
  const char *company;
  const char *parent;
  const char *listed_as; /* the entry exactly as the report lists it */
} model_company;

/* The whole report, as printed. */
typedef struct model_report {
  const char *title;
  const char *unit;        /* unit of every size: 'USD billion' */
  double value_step;       /* last printed digit of sizes (0.01) */
  int base_year;           /* first year of the model */
  int forecast_first;      /* forecast period, both ends included */
  int forecast_last;
  double stated_cagr;      /* the headline CAGR, as a fraction */
  double stated_cagr_step; /* its last printed digit (0.0001 = 0.01 %) */
  int stated_cagr_from;    /* the period the report gives it for */
  int stated_cagr_to;
  const char *dominant_region;
  const char *growing_region;
  const model_segment *segments; /* segments[0] is the global market */
  int n_segments;
  const model_company *companies;
  int n_companies;
} model_report;

/* model_data.c: the report. */
const model_report *model_report_get(void);

/* Provenance of a value or a share (DESIGN.md, "provenance rules"). */
typedef enum {
  MODEL_REPORTED = 0,     /* printed in the report, returned as printed */
  MODEL_DERIVED = 1,      /* computed from reported figures */
  MODEL_INTERPOLATED = 2, /* constant growth between two anchor years */
  MODEL_ASSUMED = 3,      /* rests on an assumption (share held constant) */
  MODEL_NOT_REPORTED = 4  /* the report gives nothing to compute it from */
} model_basis;

const char *model_basis_name(model_basis basis);

/* Scenarios of pm_segments. */
typedef enum {
  MODEL_SCENARIO_REPORTED = 0,   /* the report's figures, default */
  MODEL_SCENARIO_STATED_CAGR = 1 /* Global grown at the stated CAGR */
} model_scenario;

#define MODEL_N_SCENARIOS 2

const char *model_scenario_name(model_scenario scenario);
/* 1 and *out set when name is a scenario, else 0. */
int model_scenario_lookup(const char *name, model_scenario *out);
/* "'reported', 'stated_cagr'", for error messages. */
const char *model_scenario_list(void);

/* One row of pm_segments. has_* is 0 where the column is NULL. */
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

int model_first_year(void);
int model_last_year(void);
void model_segment_row(int segment, int year, model_scenario scenario,
                       model_row *out);
/* The rows of one segment for every year, first..last year, into
** out[0 .. last - first]: the same rows model_segment_row() gives, each
** year computed once. */
void model_segment_years(int segment, model_scenario scenario, model_row *out);

/* Builders of the static tables (column order as in their *_vtab.c). */
int model_build_facts(tv_table *out);
int model_build_companies(tv_table *out);
int model_build_audit(tv_table *out);

/* Registration of each table (one *_vtab.c each). */
int model_register_segments(sqlite3 *db);
int model_register_facts(sqlite3 *db);
int model_register_companies(sqlite3 *db);
int model_register_audit(sqlite3 *db);

#endif /* PMEXT_MODEL_H */
