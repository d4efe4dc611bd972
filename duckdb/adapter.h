/* SPDX-License-Identifier: MIT */
/*
** adapter.h -- what the files of duckdb/ share: DuckDB's C extension API
** (duckdb_extension.h, API v1.2.0: every call goes through the function
** table DuckDB hands the entry point), reading a row's validity bit,
** numbers as the messages write them, and each file's registration.
**
** The DuckDB build maps DuckDB's vectors to ext/math and back, nothing
** more: no maths here (docs/duckdb.md; docs/architecture.md, "Layers").
*/
#ifndef PMEXT_DUCKDB_ADAPTER_H
#define PMEXT_DUCKDB_ADAPTER_H

#include "duckdb_extension.h"

#include <stddef.h>
#include <stdint.h>

DUCKDB_EXTENSION_EXTERN

/* Whether row `row` of a vector is not NULL; `validity` NULL: all are. */
static inline int ddb_valid(const uint64_t *validity, idx_t row) {
  return !validity || ((validity[row >> 6] >> (row & 63)) & 1);
}

/* Row `row` of `output` made NULL, the output's validity mask made
** writable the first time (*mask caches it: start with NULL). */
static inline void ddb_set_null(duckdb_vector output, uint64_t **mask,
                                idx_t row) {
  if (!*mask) {
    duckdb_vector_ensure_validity_writable(output);
    *mask = duckdb_vector_get_validity(output);
  }
  (*mask)[row >> 6] &= ~((uint64_t)1 << (row & 63));
}

/* x as messages write a DOUBLE: the shortest form that reads back as x,
** with ".0" on a whole number (2.0, 0.1, 1e+16, nan, -inf). */
void ddb_number(double x, char *buf, size_t size);

/* A new DOUBLE logical type (the caller destroys it). */
duckdb_logical_type ddb_double_type(void);

/* Each file's registration: 0 when it worked, else what failed. */
const char *pmext_duckdb_register_scalars(duckdb_connection con);
const char *pmext_duckdb_register_aggregates(duckdb_connection con);
const char *pmext_duckdb_register_projection(duckdb_connection con);

#endif /* PMEXT_DUCKDB_ADAPTER_H */
