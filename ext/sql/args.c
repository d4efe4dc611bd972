/* SPDX-License-Identifier: MIT */
/*
** args.c -- reading SQL function arguments by pmext's conventions (args.h).
**
** Numeric text ('578.14', ' 1e3 ') is accepted the way SQLite's own numeric
** affinity accepts it (sqlite3_value_numeric_type). Anything else that is
** not NULL is a misuse and gets an error that quotes the offending value,
** shortened so that a megabyte of text does not end up in a message.
*/
#include "args.h"

#include <stdarg.h>

SQLITE_EXTENSION_INIT3

/* Longest piece of a bad value quoted in an error message. */
#define QUOTE_TEXT_CHARS 40
#define QUOTE_BLOB_BYTES 16

void pmext_result_errorf(sqlite3_context *ctx, const char *func,
                         const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  char *detail = sqlite3_vmprintf(format, ap);
  va_end(ap);
  char *message = detail ? sqlite3_mprintf("%s(): %s", func, detail) : 0;
  if (message) {
    sqlite3_result_error(ctx, message, -1);
  } else {
    sqlite3_result_error_nomem(ctx);
  }
  sqlite3_free(message);
  sqlite3_free(detail);
}

char *pmext_quote_value(sqlite3_value *value) {
  if (sqlite3_value_type(value) == SQLITE_BLOB) {
    const unsigned char *bytes = sqlite3_value_blob(value);
    int n = sqlite3_value_bytes(value);
    int shown = n < QUOTE_BLOB_BYTES ? n : QUOTE_BLOB_BYTES;
    char hex[2 * QUOTE_BLOB_BYTES + 1];
    for (int i = 0; i < shown; i++) {
      hex[2 * i] = "0123456789abcdef"[bytes[i] >> 4];
      hex[2 * i + 1] = "0123456789abcdef"[bytes[i] & 15];
    }
    hex[2 * shown] = 0;
    return sqlite3_mprintf("x'%s'%s", hex, n > shown ? "..." : "");
  }
  const char *text = (const char *)sqlite3_value_text(value);
  if (!text) return 0;
  int n = sqlite3_value_bytes(value);
  int shown = n;
  if (shown > QUOTE_TEXT_CHARS) {
    shown = QUOTE_TEXT_CHARS;
    /* Do not cut a UTF-8 sequence in half. */
    while (shown > 0 && (text[shown] & 0xC0) == 0x80) shown--;
  }
  char *head = sqlite3_mprintf("%.*s", shown, text);
  char *quoted = head ? sqlite3_mprintf("%Q%s", head, n > shown ? "..." : "")
                      : 0;
  sqlite3_free(head);
  return quoted;
}

int pmext_value_number(sqlite3_value *value, double *out) {
  switch (sqlite3_value_type(value)) {
    case SQLITE_INTEGER:
    case SQLITE_FLOAT:
      break;
    case SQLITE_TEXT:
      if (sqlite3_value_numeric_type(value) != SQLITE_TEXT) break;
      return 0;
    default:
      return 0;
  }
  *out = sqlite3_value_double(value);
  return 1;
}

/* "func(): arg is not <what>: <the value quoted><hint>", or 0 when out of
** memory. */
static char *not_a_message(const char *func, const char *arg,
                           const char *what, sqlite3_value *value,
                           const char *hint) {
  char *shown = pmext_quote_value(value);
  char *message = shown ? sqlite3_mprintf("%s(): %s is not %s: %s%s", func,
                                          arg, what, shown, hint)
                        : 0;
  sqlite3_free(shown);
  return message;
}

char *pmext_not_a_number(const char *func, const char *arg,
                         sqlite3_value *value) {
  return not_a_message(func, arg, "a number", value, "");
}

/* Set that message as the function's error. */
static void not_a(sqlite3_context *ctx, const char *func, const char *arg,
                  const char *what, sqlite3_value *value, const char *hint) {
  char *message = not_a_message(func, arg, what, value, hint);
  if (message) {
    sqlite3_result_error(ctx, message, -1);
  } else {
    sqlite3_result_error_nomem(ctx);
  }
  sqlite3_free(message);
}

arg_status pmext_arg_number(sqlite3_context *ctx, const char *func,
                            const char *arg, sqlite3_value *value,
                            double *out) {
  if (pmext_value_number(value, out)) return ARG_OK;
  if (sqlite3_value_type(value) == SQLITE_NULL) return ARG_NULL;
  not_a(ctx, func, arg, "a number", value, "");
  return ARG_ERROR;
}

arg_status pmext_arg_numbers_flags(sqlite3_context *ctx, const char *func,
                                   const char *const *names, int argc,
                                   sqlite3_value **argv, double *out,
                                   unsigned flags) {
  if (flags == 0 && pmext_arg_doubles(argc, argv, out)) return ARG_OK;
  arg_status status = ARG_OK;
  for (int i = 0; i < argc; i++) {
    switch (pmext_arg_number(ctx, func, names[i], argv[i], &out[i])) {
      case ARG_OK:
        if ((flags & ARG_FLAG(i)) && out[i] != 0.0 && out[i] != 1.0) {
          pmext_result_errorf(ctx, func, "%s is not 0 or 1: %s", names[i],
                              (const char *)sqlite3_value_text(argv[i]));
          return ARG_ERROR;
        }
        break;
      case ARG_NULL:
        status = ARG_NULL;
        break;
      case ARG_ERROR:
        return ARG_ERROR;
    }
  }
  return status;
}

arg_status pmext_arg_numbers(sqlite3_context *ctx, const char *func,
                             const char *const *names, int argc,
                             sqlite3_value **argv, double *out) {
  return pmext_arg_numbers_flags(ctx, func, names, argc, argv, out, 0);
}

/* --- dates ----------------------------------------------------------------- */

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
static int all_digits(const char *text, int n) {
  for (int i = 0; i < n; i++) {
    if (text[i] < '0' || text[i] > '9') return 0;
  }
  return n > 0;
}

/* The number spelled by the n <= 4 digits text[0..n), or -1. */
static long digits(const char *text, int n) {
  if (!all_digits(text, n)) return -1;
  long v = 0;
  for (int i = 0; i < n; i++) v = 10 * v + (text[i] - '0');
  return v;
}

/* 1 when text[0..n) is a time of day as SQLite writes it: HH:MM, HH:MM:SS
** or HH:MM:SS.fff (any number of fraction digits). */
static int is_time_of_day(const char *text, int n) {
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

/* 'YYYY-MM-DD' (a real calendar date), optionally followed by ' ' or 'T'
** and a time of day, as the julian day number of the date's midnight
** (julianday('YYYY-MM-DD')). 0 when the text is not such a date. */
static int parse_iso_date(const char *text, int n, double *julian) {
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

arg_status pmext_arg_date(sqlite3_context *ctx, const char *func,
                          const char *arg, sqlite3_value *value, double *out) {
  int type = sqlite3_value_type(value);
  if (type == SQLITE_NULL) return ARG_NULL;
  if (type == SQLITE_TEXT) {
    const char *text = (const char *)sqlite3_value_text(value);
    if (!text) {
      sqlite3_result_error_nomem(ctx);
      return ARG_ERROR;
    }
    if (parse_iso_date(text, sqlite3_value_bytes(value), out)) return ARG_OK;
  }
  if (pmext_value_number(value, out)) return ARG_OK;
  not_a(ctx, func, arg, "a YYYY-MM-DD date or a julian day", value,
        "; convert it with date(col)");
  return ARG_ERROR;
}
