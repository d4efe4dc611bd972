/* SPDX-License-Identifier: MIT */
/*
** reader.h -- the reader (reader.c): the input tables of a connection
** read into a model set, checked against the limits; it computes nothing.
*/
#ifndef PMEXT_MODEL_READER_H
#define PMEXT_MODEL_READER_H

#include "model.h"
#include "freshness.h"

/* Names of the input tables (companies and fx may be 0: none), and the
** database to read each from, in the order reports, figures, claims,
** companies, fx (0: SQLite's search order); for pm_compare, the currency
** to convert to (with fx) and whether extrapolated values count in the
** consensus; the digest to feed while reading them (0: none). */
typedef struct model_inputs {
  const char *reports, *figures, *claims, *companies;
  const char *fx, *currency;
  int count_extrapolated;
  const char *schemas[5];
  model_digest *digest;
} model_inputs;

/* Reads the input tables of db into a new model set (its rows are
** computed by rules.c's model_compute()). On error returns the code and,
** except for SQLITE_NOMEM, sets
** *err (sqlite3_malloc'ed) to a message naming `who`, the table, the row
** and the column. */
int model_read(sqlite3 *db, const model_inputs *in, const char *who,
               model_set **out, char **err);

#endif /* PMEXT_MODEL_READER_H */
