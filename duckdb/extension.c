/* SPDX-License-Identifier: MIT */
/*
** extension.c -- the entry point of pmext for DuckDB,
** build/pmext.duckdb_extension (`make duckdb`; docs/duckdb.md):
**
**   SET allow_unsigned_extensions = true;   -- or duckdb -unsigned
**   LOAD 'build/pmext.duckdb_extension';
**   SELECT project(616.26, 0.1137, 2025, 2034);
**
** DuckDB finds pmext_init_c_api() from the file name and calls it with its
** C API (v1.2.0 or later); it registers the scalars (scalars.c), the
** aggregates (aggregates.c), projection() (projection.c) and
** pmext_version(). The footer DuckDB checks before loading is appended by
** duckdb/footer.sh.
*/
#define DUCKDB_EXTENSION_NAME pmext
#include "adapter.h"

#include "buildinfo.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

void ddb_number(double x, char *buf, size_t size) {
  if (size == 0) return;
  if (isnan(x)) {
    snprintf(buf, size, "nan");
    return;
  }
  for (int digits = 15; digits <= 17; digits++) {
    snprintf(buf, size, "%.*g", digits, x);
    if (strtod(buf, NULL) == x) break;
  }
  for (const char *p = buf; *p; p++) {
    if (*p == '.' || *p == 'e' || *p == 'n' || *p == 'i') return;
  }
  size_t n = 0;
  while (buf[n]) n++;
  if (n + 2 < size) {
    buf[n] = '.';
    buf[n + 1] = '0';
    buf[n + 2] = '\0';
  }
}

duckdb_logical_type ddb_double_type(void) {
  return duckdb_create_logical_type(DUCKDB_TYPE_DOUBLE);
}

/* pmext_version(): the version of this build, as in SQLite. */
static void version_scalar(duckdb_function_info info, duckdb_data_chunk input,
                           duckdb_vector output) {
  (void)info;
  idx_t rows = duckdb_data_chunk_get_size(input);
  for (idx_t r = 0; r < rows; r++) {
    duckdb_vector_assign_string_element(output, r, PMEXT_VERSION);
  }
}

static const char *register_version(duckdb_connection con) {
  duckdb_scalar_function f = duckdb_create_scalar_function();
  duckdb_logical_type text = duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR);
  duckdb_scalar_function_set_name(f, "pmext_version");
  duckdb_scalar_function_set_return_type(f, text);
  duckdb_scalar_function_set_function(f, version_scalar);
  duckdb_state state = duckdb_register_scalar_function(con, f);
  duckdb_destroy_logical_type(&text);
  duckdb_destroy_scalar_function(&f);
  return state == DuckDBSuccess ? 0 : "pmext_version()";
}

DUCKDB_EXTENSION_ENTRYPOINT(duckdb_connection con, duckdb_extension_info info,
                            struct duckdb_extension_access *access) {
  const char *(*const steps[])(duckdb_connection) = {
      pmext_duckdb_register_scalars, pmext_duckdb_register_aggregates,
      pmext_duckdb_register_projection, register_version};
  for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
    const char *failed = steps[i](con);
    if (failed) {
      char message[200];
      snprintf(message, sizeof message, "pmext: could not register %s",
               failed);
      access->set_error(info, message);
      return false;
    }
  }
  return true;
}
