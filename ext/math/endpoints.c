/* SPDX-License-Identifier: MIT */
/*
** endpoints.c -- the earliest and latest rows of cagr(value, year), see
** endpoints.h.
** Numeric policy: docs/architecture.md.
*/
#include "endpoints.h"

/* Merge end e (from another set) into s's end *mine; `earlier` 1 for the
** first end (the smaller year wins), 0 for the last. */
static void merge_end(endpoint *mine, const endpoint *e, int earlier) {
  int wins = earlier ? e->year < mine->year : e->year > mine->year;
  if (wins) {
    *mine = *e;
  } else if (e->year == mine->year &&
             (e->ambiguous || e->value != mine->value)) {
    mine->ambiguous = 1;
  }
}

void endpoints_merge(endpoints *s, const endpoints *t) {
  if (!t->seen) return;
  if (!s->seen) {
    *s = *t;
    return;
  }
  merge_end(&s->first, &t->first, 1);
  merge_end(&s->last, &t->last, 0);
}

void endpoints_add(endpoints *s, double year, double value) {
  endpoints row = {1, {year, value, 0}, {year, value, 0}};
  endpoints_merge(s, &row);
}

pmext_status endpoints_cagr(const endpoints *s, double *out) {
  if (!s->seen || s->first.ambiguous || s->last.ambiguous) {
    return PMEXT_UNDEFINED;
  }
  return growth_cagr(s->first.value, s->last.value,
                     s->last.year - s->first.year, out);
}
