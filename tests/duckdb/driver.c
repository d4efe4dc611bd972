/* SPDX-License-Identifier: MIT */
/*
** driver.c -- the small SQL driver of the DuckDB tests (tests/duckdb),
** linked to the registry's libduckdb.so:
**
**   driver EXTENSION    open an in-memory DuckDB with unsigned extensions
**                       allowed, LOAD EXTENSION, then answer requests
**   driver -            the same without loading anything (what DuckDB has
**                       of its own, for tests/duckdb/matrix.test)
**
** A request is one line of SQL on stdin; the answer is its rows, one line
** each, values separated by a tab (NULL written NULL, a DOUBLE in the
** shortest form that reads back as the same double, ".0" on whole numbers
** as Tcl writes them), or one line "!error " and the first line of DuckDB's
** message; then a line holding only the byte 0x1e. tests/duckdb/duckdb.tcl
** drives it.
*/
#define _POSIX_C_SOURCE 200809L
#include "duckdb.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_double(double x) {
  char buf[40];
  if (isnan(x)) {
    fputs("nan", stdout);
    return;
  }
  if (isinf(x)) {
    fputs(x > 0 ? "inf" : "-inf", stdout);
    return;
  }
  for (int digits = 15; digits <= 17; digits++) {
    snprintf(buf, sizeof buf, "%.*g", digits, x);
    if (strtod(buf, NULL) == x) break;
  }
  fputs(buf, stdout);
  if (!strpbrk(buf, ".e")) fputs(".0", stdout);
}

/* A DECIMAL of internal integer type `type` with `scale` digits after the
** point, exactly (the 128-bit kind, beyond 18 digits, is not printed). */
static void print_decimal(duckdb_vector v, idx_t r) {
  duckdb_logical_type t = duckdb_vector_get_column_type(v);
  uint8_t scale = duckdb_decimal_scale(t);
  duckdb_type inner = duckdb_decimal_internal_type(t);
  duckdb_destroy_logical_type(&t);
  void *data = duckdb_vector_get_data(v);
  int64_t x;
  switch (inner) {
    case DUCKDB_TYPE_SMALLINT: x = ((int16_t *)data)[r]; break;
    case DUCKDB_TYPE_INTEGER: x = ((int32_t *)data)[r]; break;
    case DUCKDB_TYPE_BIGINT: x = ((int64_t *)data)[r]; break;
    default: fputs("<wide decimal: cast it>", stdout); return;
  }
  char digits[32];
  uint64_t magnitude = x < 0 ? 0 - (uint64_t)x : (uint64_t)x;
  int n = snprintf(digits, sizeof digits, "%0*" PRIu64, scale + 1, magnitude);
  printf("%s%.*s", x < 0 ? "-" : "", n - scale, digits);
  if (scale > 0) printf(".%s", digits + n - scale);
}

/* Row r of vector v, of type `type`. */
static void print_value(duckdb_vector v, duckdb_type type, idx_t r) {
  uint64_t *valid = duckdb_vector_get_validity(v);
  if (valid && !duckdb_validity_row_is_valid(valid, r)) {
    fputs("NULL", stdout);
    return;
  }
  void *data = duckdb_vector_get_data(v);
  switch (type) {
    case DUCKDB_TYPE_BOOLEAN: fputs(((bool *)data)[r] ? "true" : "false", stdout); break;
    case DUCKDB_TYPE_TINYINT: printf("%d", ((int8_t *)data)[r]); break;
    case DUCKDB_TYPE_SMALLINT: printf("%d", ((int16_t *)data)[r]); break;
    case DUCKDB_TYPE_INTEGER: printf("%" PRId32, ((int32_t *)data)[r]); break;
    case DUCKDB_TYPE_BIGINT: printf("%" PRId64, ((int64_t *)data)[r]); break;
    case DUCKDB_TYPE_UBIGINT: printf("%" PRIu64, ((uint64_t *)data)[r]); break;
    case DUCKDB_TYPE_FLOAT: print_double(((float *)data)[r]); break;
    case DUCKDB_TYPE_DOUBLE: print_double(((double *)data)[r]); break;
    case DUCKDB_TYPE_DECIMAL: print_decimal(v, r); break;
    case DUCKDB_TYPE_VARCHAR: {
      duckdb_string_t *s = &((duckdb_string_t *)data)[r];
      fwrite(duckdb_string_t_data(s), 1, duckdb_string_t_length(*s), stdout);
      break;
    }
    default: printf("<type %d: cast it>", (int)type); break;
  }
}

static void answer(duckdb_connection con, const char *sql) {
  duckdb_result result;
  if (duckdb_query(con, sql, &result) != DuckDBSuccess) {
    const char *message = duckdb_result_error(&result);
    size_t n = message ? strcspn(message, "\n") : 0;
    printf("!error %.*s\n", (int)n, message ? message : "");
    duckdb_destroy_result(&result);
    return;
  }
  idx_t columns = duckdb_column_count(&result);
  duckdb_data_chunk chunk;
  while ((chunk = duckdb_fetch_chunk(result)) != NULL) {
    idx_t rows = duckdb_data_chunk_get_size(chunk);
    for (idx_t r = 0; r < rows; r++) {
      for (idx_t c = 0; c < columns; c++) {
        if (c > 0) fputc('\t', stdout);
        print_value(duckdb_data_chunk_get_vector(chunk, c),
                    duckdb_column_type(&result, c), r);
      }
      fputc('\n', stdout);
    }
    duckdb_destroy_data_chunk(&chunk);
  }
  duckdb_destroy_result(&result);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: driver EXTENSION\n");
    return 2;
  }
  duckdb_config config;
  duckdb_database db;
  duckdb_connection con;
  char *error = NULL;
  if (duckdb_create_config(&config) != DuckDBSuccess ||
      duckdb_set_config(config, "allow_unsigned_extensions", "true") != DuckDBSuccess ||
      duckdb_open_ext(NULL, &db, config, &error) != DuckDBSuccess ||
      duckdb_connect(db, &con) != DuckDBSuccess) {
    fprintf(stderr, "driver: cannot open DuckDB: %s\n", error ? error : "?");
    return 1;
  }
  duckdb_destroy_config(&config);
  if (strcmp(argv[1], "-") != 0) {
    char *load = malloc(strlen(argv[1]) + 16);
    if (!load) return 1;
    sprintf(load, "LOAD '%s'", argv[1]);
    duckdb_result result;
    if (duckdb_query(con, load, &result) != DuckDBSuccess) {
      fprintf(stderr, "driver: %s\n", duckdb_result_error(&result));
      return 1;
    }
    duckdb_destroy_result(&result);
    free(load);
  }
  char *line = NULL;
  size_t size = 0;
  ssize_t n;
  while ((n = getline(&line, &size, stdin)) > 0) {
    if (line[n - 1] == '\n') line[n - 1] = '\0';
    answer(con, line);
    fputs("\x1e\n", stdout);
    fflush(stdout);
  }
  free(line);
  duckdb_disconnect(&con);
  duckdb_close(&db);
  return 0;
}
