/* SPDX-License-Identifier: MIT */
/*
** one_rate.h -- whether every row of a set shares one rate (npv's and
** xnpv's rule), in O(1) memory and time per row, pure C (no SQLite types).
** One tracker serves each engine's way of feeding rows: a SQLite window
** frame adds its newest rows and removes its oldest (push, pop), a
** PostgreSQL or DuckDB partial state is merged with another (merge).
**
** How it works: `run` counts the newest rows that share the newest row's
** rate `last`. Rows leave from the oldest end, so the set is uniform
** exactly when the run covers it; if not, the row just before the run is
** still in the set, and its rate `before` differs. Two states merge as
** their rows one after the other. Rates compare as equal when they are
** equal numbers or both NaN (a NaN rate is one rate, whose terms are
** undefined: a NULL result, not an error). All zero bytes: no rows; the
** state holds no pointers (it may be copied byte for byte).
*/
#ifndef PMEXT_ONE_RATE_H
#define PMEXT_ONE_RATE_H

#include <stdint.h>

typedef struct one_rate {
  double last;   /* the newest row's rate */
  double before; /* the rate of the row just before the run */
  int64_t run;   /* newest rows with rate `last` */
  int64_t n;     /* rows */
} one_rate;

/* A row with this rate joins as the newest. */
void one_rate_push(one_rate *r, double rate);

/* The oldest row leaves (nothing when there are no rows). */
void one_rate_pop(one_rate *r);

/* The rows of `newer` join after those of r. */
void one_rate_merge(one_rate *r, const one_rate *newer);

/* 1 when the rows have two rates or more, with *a and *b two of them (the
** newest and one that differs); else 0. */
int one_rate_mixed(const one_rate *r, double *a, double *b);

#endif /* PMEXT_ONE_RATE_H */
