/* SPDX-License-Identifier: MIT */
/*
** rules.h -- the rules (rules.c): every row of a model computed from
** the set read; nothing here reads a table or registers one.
*/
#ifndef PMEXT_MODEL_RULES_H
#define PMEXT_MODEL_RULES_H

#include "model.h"

/* The names of the bases and scenarios. */
const char *model_basis_name(model_basis basis);
const char *model_scenario_name(model_scenario scenario);
/* 1 and *out set when name is a scenario, else 0. */
int model_scenario_lookup(const char *name, model_scenario *out);
/* "'reported', 'stated_cagr'", for error messages. */
const char *model_scenario_list(void);

/* Fills the rows of each report of the set (both scenarios) from memory
** of the set, for the reports whose rows fit in what is left of
** MODEL_DENSE_BYTES; the others' rows are computed as scans reach them.
** SQLITE_OK, SQLITE_NOMEM, or SQLITE_INTERRUPT when the connection is
** interrupted meanwhile. */
int model_compute(model_set *set);
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
/* CAGR of a segment between two years of the reported scenario. */
int model_implied_cagr(const model_report *r, int segment, int from, int to,
                       double *out);
/* The whole market at `year` grown at the stated CAGR from its first year. */
int model_stated_value(const model_report *r, int year, double *out);

#endif /* PMEXT_MODEL_RULES_H */
