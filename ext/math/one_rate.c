/* SPDX-License-Identifier: MIT */
/*
** one_rate.c -- the one-rate tracker of npv and xnpv (see one_rate.h).
*/
#include "one_rate.h"

#include <math.h>

static int same_rate(double a, double b) {
  return a == b || (isnan(a) && isnan(b));
}

void one_rate_merge(one_rate *r, const one_rate *newer) {
  if (newer->n == 0) return;
  if (r->n == 0) {
    *r = *newer;
    return;
  }
  if (newer->run < newer->n) { /* newer is mixed: its run and before stand */
    r->last = newer->last;
    r->before = newer->before;
    r->run = newer->run;
  } else if (same_rate(newer->last, r->last)) {
    r->run += newer->n;
  } else {
    r->before = r->last;
    r->last = newer->last;
    r->run = newer->n;
  }
  r->n += newer->n;
}

void one_rate_push(one_rate *r, double rate) {
  one_rate row = {rate, 0.0, 1, 1};
  one_rate_merge(r, &row);
}

void one_rate_pop(one_rate *r) {
  if (r->n > 0) r->n--;
  if (r->run > r->n) r->run = r->n;
}

int one_rate_mixed(const one_rate *r, double *a, double *b) {
  if (r->run == r->n) return 0;
  *a = r->before;
  *b = r->last;
  return 1;
}
