/* SPDX-License-Identifier: MIT */
/*
** test_iso_date.c -- text dates as julian days (ext/math/iso_date.c),
** against Python's proleptic Gregorian ordinals (date.toordinal() +
** 1721424.5): 2020-01-01 2458849.5, 2000-02-29 2451603.5, 0001-01-01
** 1721425.5, 9999-12-31 5373483.5; year 0 is a leap year 366 days before
** 0001-01-01. Not dates: a day past the month's end, 29 February of a
** common year, a time of day out of range, other text.
*/
#include "check.h"

#include <string.h>

#include "math/iso_date.h"

static double julian(const char *text) {
  double j = -1;
  return iso_date_julian(text, strlen(text), &j) ? j : -1;
}

void test_iso_date(void) {
  CHECK_SAME(julian("2020-01-01"), 2458849.5);
  CHECK_SAME(julian("2000-02-29"), 2451603.5);
  CHECK_SAME(julian("0001-01-01"), 1721425.5);
  CHECK_SAME(julian("0000-01-01"), 1721425.5 - 366);
  CHECK_SAME(julian("9999-12-31"), 5373483.5);
  /* a time of day is dropped */
  CHECK_SAME(julian("2020-01-01 23:59"), 2458849.5);
  CHECK_SAME(julian("2020-01-01T10:00:00"), 2458849.5);
  CHECK_SAME(julian("2020-01-01 10:00:00.125"), 2458849.5);
  /* not dates */
  CHECK(julian("2020-02-30") == -1);
  CHECK(julian("1900-02-29") == -1);
  CHECK(julian("2020-13-01") == -1);
  CHECK(julian("2020-01-01 24:00") == -1);
  CHECK(julian("2020-01-01 10:00:") == -1);
  CHECK(julian("2020-01-01x") == -1);
  CHECK(julian("2020-1-01") == -1);
  CHECK(julian("abc") == -1);
  CHECK(julian("") == -1);
}
