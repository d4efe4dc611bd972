/* SPDX-License-Identifier: MIT */
/*
** iso_date.c -- ISO dates as julian day numbers (see iso_date.h).
*/
#include "iso_date.h"

/* Days from 1970-01-01 of a proleptic Gregorian date. */
static long days_from_civil(long y, long m, long d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* 1 when text[0..n) is all decimal digits (and n > 0). */
static int all_digits(const char *text, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (text[i] < '0' || text[i] > '9') return 0;
  }
  return n > 0;
}

/* The number spelled by the n <= 4 digits text[0..n), or -1. */
static long digits(const char *text, size_t n) {
  if (!all_digits(text, n)) return -1;
  long v = 0;
  for (size_t i = 0; i < n; i++) v = 10 * v + (text[i] - '0');
  return v;
}

/* 1 when text[0..n) is a time of day as SQLite writes it: HH:MM, HH:MM:SS
** or HH:MM:SS.fff (any number of fraction digits). */
static int is_time_of_day(const char *text, size_t n) {
  if (n < 5 || text[2] != ':') return 0;
  long h = digits(text, 2), m = digits(text + 3, 2);
  if (h < 0 || h > 23 || m < 0 || m > 59) return 0;
  if (n == 5) return 1;
  if (n < 8 || text[5] != ':') return 0;
  long s = digits(text + 6, 2);
  if (s < 0 || s > 59) return 0;
  if (n == 8) return 1;
  return text[8] == '.' && all_digits(text + 9, n - 9);
}

int iso_date_julian(const char *text, size_t n, double *julian) {
  static const int month_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (n < 10 || text[4] != '-' || text[7] != '-') return 0;
  if (n > 10 && !((text[10] == ' ' || text[10] == 'T') &&
                  is_time_of_day(text + 11, n - 11))) {
    return 0;
  }
  long y = digits(text, 4), m = digits(text + 5, 2), d = digits(text + 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > month_days[m - 1]) return 0;
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && d == 29 && !leap) return 0;
  *julian = (double)days_from_civil(y, m, d) + 2440587.5;
  return 1;
}

