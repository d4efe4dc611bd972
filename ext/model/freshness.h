/* SPDX-License-Identifier: MIT */
/*
** freshness.h -- is a model still what its inputs hold (freshness.c):
** the change stamp of the connection's databases, the digest of the
** input rows.
*/
#ifndef PMEXT_MODEL_FRESHNESS_H
#define PMEXT_MODEL_FRESHNESS_H

#include "sqlite3ext.h"

#include <stddef.h>

/* SipHash-2-4, streamed (freshness.c). */
typedef struct model_hash {
  sqlite3_uint64 v[4], tail, length;
} model_hash;

/* The digest of what the reader read: each statement and every row it
** returned. The reader calls model_digest_table() when it has prepared a
** statement and model_digest_row() after each row (both do nothing for a
** null digest). */
#define MODEL_DIGEST_TABLES 5
typedef struct model_digest {
  model_hash hash;
  int n_sql;
  char *table[MODEL_DIGEST_TABLES]; /* the input table as named ... */
  const char *sql[MODEL_DIGEST_TABLES]; /* ... and its statement (same block) */
  const char *reading;              /* the table being read now, or 0 */
} model_digest;
void model_digest_init(model_digest *d, const sqlite3_uint64 key[2]);
void model_digest_free(model_digest *d);
int model_digest_table(model_digest *d, const char *table, const char *sql);
int model_digest_row(model_digest *d, sqlite3_stmt *stmt);
/* Reads the statements of `built` again: *same 1 when they return the
** same rows (a statement that no longer prepares or runs: 0). *reading
** names the table being read meanwhile. */
int model_digest_same(sqlite3 *db, const model_digest *built,
                      const sqlite3_uint64 key[2], const char **reading,
                      int *same);

/* The change stamp of a connection's databases, and the statements that
** open a read transaction on each before its data version is read. */
#define MODEL_MAX_DATABASES 128 /* more than SQLITE_MAX_ATTACHED + 2 */
typedef struct model_stamp {
  unsigned changes, generation;
  int unknown; /* a database could not be opened: never the same */
  int n;
  unsigned versions[MODEL_MAX_DATABASES];
} model_stamp;
typedef struct model_probe {
  int n;
  char *names; /* the databases' names, each NUL-terminated, in order */
  size_t bytes;
  sqlite3_stmt **stmts; /* one per database (temp's unused) */
  int reprepared;
  unsigned generation;
} model_probe;
int model_stamp_take(sqlite3 *db, model_probe *probe, model_stamp *out);
int model_stamp_same(const model_stamp *a, const model_stamp *b);
void model_probe_free(model_probe *probe);
/* Has the connection a write transaction open (uncommitted changes may
** exist)? 1 when SQLite cannot tell (before 3.34). */
int model_connection_writing(sqlite3 *db);

#endif /* PMEXT_MODEL_FRESHNESS_H */
