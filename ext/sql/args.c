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
#include "math/iso_date.h"

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

/* The value as SQL would write it ('text' or x'hex', cut short with "..."),
** for error messages; 0 when out of memory. Free with sqlite3_free(). */
static char *quote_value(sqlite3_value *value) {
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
  char *shown = quote_value(value);
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
    if (iso_date_julian(text, (size_t)sqlite3_value_bytes(value), out)) {
      return ARG_OK;
    }
  }
  if (pmext_value_number(value, out)) return ARG_OK;
  not_a(ctx, func, arg, "a YYYY-MM-DD date or a julian day", value,
        "; convert it with date(col)");
  return ARG_ERROR;
}
