/* SPDX-License-Identifier: MIT */
/*
** display.c -- charts drawn with Unicode block characters, for the shell.
**
**   sparkline(value)               aggregate and window function: one
**                                  character per value, in row order,
**                                  ▁▂▃▄▅▆▇█ scaled from the group's
**                                  minimum (▁) to its maximum (█)
**   bar(value, max_value [, width])
**                                  scalar: a horizontal bar of
**                                  value / max_value of `width` cells
**                                  (default 20), drawn in eighths of a cell
**
** What they draw for which input is the contract of docs/display.md;
** tests/display.test checks it requirement by requirement. This header
** says how.
**
** How it works: sparkline keeps the group's values in a queue (fifo.h; the
** scale is known only at the end); the window inverse step drops the
** oldest value, since window frames only move forward.
*/
#include "args.h"
#include "fifo.h"
#include "register.h"

#include <math.h>
#include <stddef.h>

SQLITE_EXTENSION_INIT3

#define BAR_DEFAULT_WIDTH 20
#define BAR_MAX_WIDTH 1000
#define UTF8_BLOCK_BYTES 3 /* every block character is U+2580..U+259F */
#define SPARK_FLAT_LEVEL 3 /* ▄ */

/* Append the UTF-8 encoding of code point cp (U+0800..U+FFFF) at out. */
static char *put_block(char *out, unsigned cp) {
  out[0] = (char)(0xE0 | (cp >> 12));
  out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[2] = (char)(0x80 | (cp & 0x3F));
  return out + UTF8_BLOCK_BYTES;
}

/* ---- sparkline --------------------------------------------------------- */

typedef struct spark_state {
  pmext_fifo values;        /* doubles: the current window, oldest first */
  sqlite3_int64 n_infinite; /* infinite values in the window */
} spark_state;

/* 1 with the argument in *out; 0 when it is NULL (skipped) or not a
** number (the error is already set). */
static int spark_arg(sqlite3_context *ctx, sqlite3_value *arg, double *out) {
  return pmext_arg_number(ctx, "sparkline", "value", arg, out) == ARG_OK;
}

static void spark_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  double v;
  if (!spark_arg(ctx, argv[0], &v)) return;
  spark_state *s = sqlite3_aggregate_context(ctx, sizeof *s);
  if (!s) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_int64 limit =
      sqlite3_limit(sqlite3_context_db_handle(ctx), SQLITE_LIMIT_LENGTH, -1);
  if ((s->values.count + 1) * UTF8_BLOCK_BYTES > limit) {
    sqlite3_result_error_toobig(ctx);
    return;
  }
  double *slot = pmext_fifo_push(&s->values, sizeof v);
  if (!slot) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  *slot = v;
  if (isinf(v)) s->n_infinite++;
}

static void spark_inverse(sqlite3_context *ctx, int argc,
                          sqlite3_value **argv) {
  (void)argc;
  double v;
  if (!spark_arg(ctx, argv[0], &v)) return; /* NULLs were never added */
  spark_state *s = sqlite3_aggregate_context(ctx, 0);
  if (!s || s->values.count == 0) return;
  const double *oldest = pmext_fifo_first(&s->values, sizeof *oldest);
  if (isinf(*oldest)) s->n_infinite--;
  pmext_fifo_pop(&s->values);
}

static void spark_result(sqlite3_context *ctx, const spark_state *s) {
  if (!s || s->values.count == 0 || s->n_infinite > 0) {
    sqlite3_result_null(ctx);
    return;
  }
  const double *v = pmext_fifo_first(&s->values, sizeof *v);
  sqlite3_int64 n = s->values.count;
  double lo = v[0], hi = v[0];
  for (sqlite3_int64 i = 1; i < n; i++) {
    if (v[i] < lo) lo = v[i];
    if (v[i] > hi) hi = v[i];
  }
  char *text = sqlite3_malloc64((sqlite3_uint64)n * UTF8_BLOCK_BYTES);
  if (!text) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  char *out = text;
  /* Halved, so that hi - lo cannot overflow for values near +-DBL_MAX. */
  double range = hi / 2 - lo / 2;
  for (sqlite3_int64 i = 0; i < n; i++) {
    int level = SPARK_FLAT_LEVEL;
    if (range > 0) {
      double t = (v[i] / 2 - lo / 2) / range;
      level = (int)lround(7 * t);
      if (level < 0) level = 0;
      if (level > 7) level = 7;
    }
    out = put_block(out, 0x2581u + (unsigned)level);
  }
  sqlite3_result_text64(ctx, text, (sqlite3_uint64)(out - text), sqlite3_free,
                        SQLITE_UTF8);
}

static void spark_value(sqlite3_context *ctx) {
  spark_result(ctx, sqlite3_aggregate_context(ctx, 0));
}

static void spark_final(sqlite3_context *ctx) {
  spark_state *s = sqlite3_aggregate_context(ctx, 0);
  spark_result(ctx, s);
  if (s) pmext_fifo_free(&s->values);
}

/* ---- bar --------------------------------------------------------------- */

static void bar_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  static const char *const arg_names[] = {"value", "max_value", "width"};
  double args[3] = {0, 0, BAR_DEFAULT_WIDTH};
  arg_status status =
      pmext_arg_numbers(ctx, "bar", arg_names, argc, argv, args);
  if (status == ARG_ERROR) return;
  double width = args[2];
  if (argc == 3 && sqlite3_value_type(argv[2]) != SQLITE_NULL &&
      !(width >= 1 && width <= BAR_MAX_WIDTH && width == floor(width))) {
    pmext_result_errorf(ctx, "bar",
                        "width must be a whole number from 1 to %d: %s",
                        BAR_MAX_WIDTH, sqlite3_value_text(argv[2]));
    return;
  }
  double value = args[0], max_value = args[1];
  if (status == ARG_NULL || !(value >= 0) || !(max_value > 0) || isinf(value) ||
      isinf(max_value)) {
    sqlite3_result_null(ctx);
    return;
  }
  int cells = (int)width;
  long eighths = 8L * cells;
  if (value < max_value) {
    /* value / max_value < 1 here, so the product cannot overflow. */
    eighths = lround(value / max_value * 8 * cells);
  }
  char text[BAR_MAX_WIDTH * UTF8_BLOCK_BYTES];
  char *out = text;
  for (long i = 0; i < eighths / 8; i++) out = put_block(out, 0x2588u);
  if (eighths % 8) out = put_block(out, 0x2590u - (unsigned)(eighths % 8));
  sqlite3_result_text(ctx, text, (int)(out - text), SQLITE_TRANSIENT);
}

int pmext_register_display(sqlite3 *db) {
  int rc = sqlite3_create_window_function(
      db, "sparkline", 1, SQLITE_UTF8 | SQLITE_INNOCUOUS, 0, spark_step,
      spark_final, spark_value, spark_inverse, 0);
  if (rc == SQLITE_OK) {
    rc = sqlite3_create_function(db, "bar", 2, PMEXT_PURE_FUNCTION, 0,
                                 bar_func, 0, 0);
  }
  if (rc == SQLITE_OK) {
    rc = sqlite3_create_function(db, "bar", 3, PMEXT_PURE_FUNCTION, 0,
                                 bar_func, 0, 0);
  }
  return rc;
}
