/* SPDX-License-Identifier: MIT */
/*
** endpoints.h -- the rule of the endpoint cagr(value, year) aggregate, pure
** C (no SQLite types): the earliest and the latest (year, value) of a set of
** rows, and the CAGR between them. Shared by the SQLite aggregate
** (sql/aggregates.c) and the PostgreSQL one (pg/aggregates.c), whose parallel
** workers merge partial sets.
**
** A tie on the earliest or the latest year with a different value makes
** that end ambiguous, and the CAGR undefined: NULL rather than an answer
** that depends on row order.
** Numeric policy: docs/architecture.md.
*/
#ifndef PMEXT_ENDPOINTS_H
#define PMEXT_ENDPOINTS_H

#include "growth.h"

typedef struct endpoint {
  double year, value;
  int ambiguous; /* the same year seen again with another value */
} endpoint;

typedef struct endpoints { /* all zero: no rows */
  int seen;
  endpoint first, last;
} endpoints;

/* Add the row (year, value). */
void endpoints_add(endpoints *s, double year, double value);

/* Add every row summarised in t: the same as adding them one by one. */
void endpoints_merge(endpoints *s, const endpoints *t);

/* growth_cagr() from the first to the last value over the years between
** them; PMEXT_UNDEFINED with no rows or an ambiguous end. */
pmext_status endpoints_cagr(const endpoints *s, double *out);

#endif /* PMEXT_ENDPOINTS_H */
