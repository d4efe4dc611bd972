/* SPDX-License-Identifier: MIT */
/*
** companies.c -- the table pm_companies: the key companies the built-in
** report lists (its companies input table), its schema and its rows.
*/
#include "companies.h"

SQLITE_EXTENSION_INIT3

/* pm_companies: the first report's list (the built-in report's). */
static int build_companies(const model_set *set, int with_report,
                           tv_table *t) {
  (void)with_report; /* built-in only */
  tv_init(t, 4);
  const model_report *r = set->n_reports > 0 ? &set->reports[0] : 0;
  for (int i = 0; r && i < r->n_companies; i++) {
    tv_int(t, r->companies[i].position);
    tv_text(t, r->companies[i].company);
    tv_text(t, r->companies[i].parent);
    tv_text(t, r->companies[i].listed_as);
  }
  return tv_finish(t);
}

const model_table model_table_companies = {
    "pm_companies",
    "CREATE TABLE x(position INTEGER, company TEXT, parent TEXT, "
    "listed_as TEXT)",
    GRID_COMPANIES, 1, build_companies, 0};
