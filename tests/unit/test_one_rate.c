/* SPDX-License-Identifier: MIT */
/*
** test_one_rate.c -- the one-rate tracker (ext/math/one_rate.c): rows
** pushed at the newest end and popped at the oldest, as a window frame
** moves, and partial states merged in any split, against the rule worked
** out by hand on each list of rates: mixed exactly when two rates differ,
** naming one that differs and the newest; NaN equal to NaN.
*/
#include "check.h"

#include <math.h>
#include <string.h>

#include "math/one_rate.h"

/* The tracker of rates[from .. to), pushed one by one. */
static one_rate pushed(const double *rates, int from, int to) {
  one_rate r;
  memset(&r, 0, sizeof r);
  for (int i = from; i < to; i++) one_rate_push(&r, rates[i]);
  return r;
}

/* Whether rates[from .. to) hold two rates, by hand's rule. */
static int mixed_by_hand(const double *rates, int from, int to) {
  for (int i = from + 1; i < to; i++) {
    int same = rates[i] == rates[from] || (isnan(rates[i]) && isnan(rates[from]));
    if (!same) return 1;
  }
  return 0;
}

void test_one_rate(void) {
  double a = 0, b = 0;
  one_rate r;
  memset(&r, 0, sizeof r);
  CHECK(!one_rate_mixed(&r, &a, &b)); /* no rows */
  one_rate_pop(&r);                   /* nothing to pop */
  CHECK(r.n == 0);
  /* 0.1 0.1 0.2: mixed, naming 0.1 and 0.2; the two 0.1 leave: uniform */
  one_rate_push(&r, 0.1);
  one_rate_push(&r, 0.1);
  CHECK(!one_rate_mixed(&r, &a, &b));
  one_rate_push(&r, 0.2);
  CHECK(one_rate_mixed(&r, &a, &b));
  CHECK_SAME(a, 0.1);
  CHECK_SAME(b, 0.2);
  one_rate_pop(&r);
  CHECK(one_rate_mixed(&r, &a, &b));
  one_rate_pop(&r);
  CHECK(!one_rate_mixed(&r, &a, &b));
  /* NaN is one rate; NaN beside a number is two */
  memset(&r, 0, sizeof r);
  one_rate_push(&r, NAN);
  one_rate_push(&r, NAN);
  CHECK(!one_rate_mixed(&r, &a, &b));
  one_rate_push(&r, 0.5);
  CHECK(one_rate_mixed(&r, &a, &b));
  CHECK(isnan(a));
  CHECK_SAME(b, 0.5);
  /* every frame [from, to) of a list, built by pushing and popping as a
  ** window moves, and by merging every split of it in two, three */
  static const double rates[] = {0.1, 0.1, 0.2, 0.2, 0.2, NAN, NAN, 0.1, 0.1};
  const int n = (int)(sizeof rates / sizeof rates[0]);
  for (int width = 1; width <= n; width++) {
    memset(&r, 0, sizeof r);
    for (int to = 1; to <= n; to++) {
      one_rate_push(&r, rates[to - 1]);
      if (to > width) one_rate_pop(&r);
      int from = to > width ? to - width : 0;
      int want = mixed_by_hand(rates, from, to);
      CHECK(one_rate_mixed(&r, &a, &b) == want);
      for (int cut = from; cut <= to; cut++) {
        for (int cut2 = cut; cut2 <= to; cut2++) {
          one_rate m = pushed(rates, from, cut);
          one_rate mid = pushed(rates, cut, cut2);
          one_rate tail = pushed(rates, cut2, to);
          one_rate_merge(&m, &mid);
          one_rate_merge(&m, &tail);
          CHECK(m.n == to - from);
          CHECK(one_rate_mixed(&m, &a, &b) == want);
        }
      }
    }
  }
}
