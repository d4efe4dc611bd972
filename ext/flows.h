/*
** flows.h -- the rate and present value of a list of cash flows, pure C
** (no SQLite types): the maths of the irr(), xirr() and xnpv() aggregates,
** shared by the SQLite build (growth_agg.c) and the PostgreSQL one
** (pg/aggregates.c). The order of the flows does not matter.
*/
#ifndef PMEXT_FLOWS_H
#define PMEXT_FLOWS_H

#include "growth.h"

#include <stdint.h>

typedef struct flow {
  double rate;  /* xnpv's discount rate (the same in every flow); else 0 */
  double value; /* the cash flow: paid out < 0, received > 0 */
  double t;     /* its period, or (dated) its julian day */
} flow;

/* The rate r > -1 where sum value / (1+r)^t is 0, t the period, or for
** `dated` flows (julian day - earliest julian day) / 365. Solved by
** solve_rate() from the spreadsheet's guess 0.1. GROWTH_UNDEFINED without
** both a positive and a negative value, with a non-finite value or t, or
** when no root is found. count > 0. */
growth_status flows_irr(const flow *items, int64_t count, int dated,
                        double *out);

/* sum value / (1+rate)^t over the flows (t as above), the terms summed
** exactly; GROWTH_UNDEFINED when a term or the sum is not finite.
** count > 0. */
growth_status flows_xnpv(const flow *items, int64_t count, int dated,
                         double *out);

#endif /* PMEXT_FLOWS_H */
