/* SPDX-License-Identifier: MIT */
/*
** freshness.c -- is a model still what its input tables hold? Two tests,
** a cheap one and an exact one (source.c decides when each is used).
**
** The stamp (cheap, no query of the inputs): for every database of the
** connection but temp, a read transaction is opened first (a statement
** `SELECT 1 FROM "<db>".sqlite_master LIMIT 0`, prepared once and kept);
** then its data version (SQLITE_FCNTL_DATA_VERSION), which changes with
** every commit to that database by any connection, is read. Opened this
** way the version is the one of the snapshot the model's reads will see,
** even for a database the scan's own statement has not touched yet (a
** temp model over main's tables, an attached database). The stamp also
** holds the connection's total changes, the names of its databases, and a
** generation that moves whenever one of the kept statements had to be
** prepared again (a schema change, ATTACH, DETACH). A database whose read
** transaction cannot be opened (locked, say) gets a version that never
** matches, so the exact test decides.
**
** What the stamp cannot see: changes this connection has made and not
** committed, and their undoing (ROLLBACK, ROLLBACK TO a savepoint) -- the
** data versions move only on commit. Whether the connection is inside a
** write transaction is known (sqlite3_txn_state(), SQLite 3.34; before
** it, always assumed).
**
** The digest (exact, reads the inputs again but computes nothing): while
** the reader reads the input tables, each statement's SQL and every value
** of every row it returns (type, then its 8 bytes or its length and bytes)
** is hashed with SipHash-2-4 under a random 128-bit key of the connection.
** Reading the same statements again and comparing the two digests tells
** whether the inputs are the same rows, whatever happened in between. The
** key is secret, so no input can be built to collide with another one;
** two different inputs share a digest with probability 2^-64.
*/
#include "freshness.h"

#include <string.h>

SQLITE_EXTENSION_INIT3

/* --- SipHash-2-4, streamed ------------------------------------------------ */

#define ROTL(x, b) (sqlite3_uint64)(((x) << (b)) | ((x) >> (64 - (b))))

static void sip_rounds(sqlite3_uint64 v[4], int n) {
  while (n--) {
    v[0] += v[1]; v[1] = ROTL(v[1], 13); v[1] ^= v[0]; v[0] = ROTL(v[0], 32);
    v[2] += v[3]; v[3] = ROTL(v[3], 16); v[3] ^= v[2];
    v[0] += v[3]; v[3] = ROTL(v[3], 21); v[3] ^= v[0];
    v[2] += v[1]; v[1] = ROTL(v[1], 17); v[1] ^= v[2]; v[2] = ROTL(v[2], 32);
  }
}

static void model_hash_init(model_hash *h, const sqlite3_uint64 key[2]) {
  h->v[0] = key[0] ^ 0x736f6d6570736575ull;
  h->v[1] = key[1] ^ 0x646f72616e646f6dull;
  h->v[2] = key[0] ^ 0x6c7967656e657261ull;
  h->v[3] = key[1] ^ 0x7465646279746573ull;
  h->tail = 0;
  h->length = 0;
}

static void model_hash_bytes(model_hash *h, const void *data, size_t n) {
  const unsigned char *p = data;
  for (size_t i = 0; i < n; i++) {
    h->tail |= (sqlite3_uint64)p[i] << (8 * (h->length & 7));
    if ((++h->length & 7) == 0) {
      h->v[3] ^= h->tail;
      sip_rounds(h->v, 2);
      h->v[0] ^= h->tail;
      h->tail = 0;
    }
  }
}

static sqlite3_uint64 model_hash_final(const model_hash *h) {
  sqlite3_uint64 v[4] = {h->v[0], h->v[1], h->v[2], h->v[3]};
  sqlite3_uint64 b = h->tail | (h->length << 56);
  v[3] ^= b;
  sip_rounds(v, 2);
  v[0] ^= b;
  v[2] ^= 0xff;
  sip_rounds(v, 4);
  return v[0] ^ v[1] ^ v[2] ^ v[3];
}

/* --- the digest of the inputs -------------------------------------------- */

static void hash_u64(model_hash *h, sqlite3_uint64 x) {
  unsigned char b[8];
  for (int i = 0; i < 8; i++) b[i] = (unsigned char)(x >> (8 * i));
  model_hash_bytes(h, b, 8);
}

/* One tag byte, then the length and the bytes. */
static void hash_tagged(model_hash *h, unsigned char tag, const void *p,
                        size_t n) {
  model_hash_bytes(h, &tag, 1);
  hash_u64(h, n);
  if (n) model_hash_bytes(h, p, n);
}

void model_digest_init(model_digest *d, const sqlite3_uint64 key[2]) {
  memset(d, 0, sizeof *d);
  model_hash_init(&d->hash, key);
}

void model_digest_free(model_digest *d) {
  for (int i = 0; i < d->n_sql; i++) sqlite3_free(d->table[i]);
  d->n_sql = 0;
}

int model_digest_table(model_digest *d, const char *table, const char *sql) {
  if (!d) return SQLITE_OK;
  if (d->n_sql == MODEL_DIGEST_TABLES) return SQLITE_MISUSE;
  /* One allocation: the table's name, a NUL, the SQL. */
  size_t n = strlen(table) + 1;
  char *copy = sqlite3_malloc64(n + strlen(sql) + 1);
  if (!copy) return SQLITE_NOMEM;
  memcpy(copy, table, n);
  strcpy(copy + n, sql);
  d->table[d->n_sql] = copy;
  d->sql[d->n_sql++] = copy + n;
  d->reading = copy;
  hash_tagged(&d->hash, 'T', sql, strlen(sql));
  return SQLITE_OK;
}

/* Each value with its type: the same rows give the same bytes, and
** different rows different bytes (lengths are hashed before contents). */
static int hash_row(model_hash *h, sqlite3_stmt *stmt) {
  int n = sqlite3_column_count(stmt);
  model_hash_bytes(h, "R", 1);
  for (int i = 0; i < n; i++) {
    switch (sqlite3_column_type(stmt, i)) {
      case SQLITE_INTEGER:
        model_hash_bytes(h, "I", 1);
        hash_u64(h, (sqlite3_uint64)sqlite3_column_int64(stmt, i));
        break;
      case SQLITE_FLOAT: {
        double x = sqlite3_column_double(stmt, i);
        sqlite3_uint64 bits;
        memcpy(&bits, &x, sizeof bits);
        model_hash_bytes(h, "F", 1);
        hash_u64(h, bits);
        break;
      }
      case SQLITE_TEXT: {
        const unsigned char *p = sqlite3_column_text(stmt, i);
        if (!p) return SQLITE_NOMEM;
        hash_tagged(h, 'S', p, (size_t)sqlite3_column_bytes(stmt, i));
        break;
      }
      case SQLITE_BLOB: {
        const void *p = sqlite3_column_blob(stmt, i);
        int bytes = sqlite3_column_bytes(stmt, i);
        if (!p && bytes) return SQLITE_NOMEM;
        hash_tagged(h, 'B', p, (size_t)bytes);
        break;
      }
      default:
        model_hash_bytes(h, "N", 1);
        break;
    }
  }
  return SQLITE_OK;
}

int model_digest_row(model_digest *d, sqlite3_stmt *stmt) {
  return d ? hash_row(&d->hash, stmt) : SQLITE_OK;
}

static sqlite3_uint64 model_digest_value(const model_digest *d) {
  return model_hash_final(&d->hash);
}

int model_digest_same(sqlite3 *db, const model_digest *built,
                      const sqlite3_uint64 key[2], const char **reading,
                      int *same) {
  model_hash h;
  int rc = SQLITE_OK;
  *same = 0;
  model_hash_init(&h, key);
  for (int t = 0; t < built->n_sql && rc == SQLITE_OK; t++) {
    sqlite3_stmt *stmt = 0;
    const char *sql = built->sql[t];
    *reading = built->table[t];
    rc = sqlite3_prepare_v2(db, sql, -1, &stmt, 0);
    if (rc != SQLITE_OK) {
      /* The statement no longer prepares: not the same inputs (the
      ** rebuild says why), unless memory ran out. */
      return rc == SQLITE_NOMEM ? rc : SQLITE_OK;
    }
    hash_tagged(&h, 'T', sql, strlen(sql));
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      if ((rc = hash_row(&h, stmt)) != SQLITE_OK) break;
    }
    sqlite3_finalize(stmt);
    if (rc == SQLITE_DONE) {
      rc = SQLITE_OK;
    } else if (rc != SQLITE_NOMEM && rc != SQLITE_INTERRUPT) {
      return SQLITE_OK; /* cannot be read: the rebuild reports it */
    }
  }
  if (rc == SQLITE_OK) *same = model_hash_final(&h) == model_digest_value(built);
  return rc;
}

/* --- the stamp ------------------------------------------------------------- */

/* The names of the connection's databases, one after the other: with
** sqlite3_db_name() (SQLite 3.39) or, before it, PRAGMA database_list. */
typedef struct db_names {
  sqlite3 *db;
  int next;
  sqlite3_stmt *list; /* the pragma, for SQLite before 3.39 */
  int rc;
} db_names;

static const char *db_name_next(db_names *it) {
#if SQLITE_VERSION_NUMBER >= 3039000
  if (sqlite3_libversion_number() >= 3039000) {
    return sqlite3_db_name(it->db, it->next++);
  }
#endif
  if (!it->list) {
    it->rc = sqlite3_prepare_v2(
        it->db, "SELECT name FROM pragma_database_list ORDER BY seq", -1,
        &it->list, 0);
    if (it->rc != SQLITE_OK) return 0;
  }
  if (sqlite3_step(it->list) != SQLITE_ROW) {
    it->rc = sqlite3_reset(it->list);
    return 0;
  }
  const char *name = (const char *)sqlite3_column_text(it->list, 0);
  if (!name) it->rc = SQLITE_NOMEM;
  return name;
}

void model_probe_free(model_probe *probe) {
  for (int i = 0; i < probe->n; i++) sqlite3_finalize(probe->stmts[i]);
  sqlite3_free(probe->stmts);
  sqlite3_free(probe->names);
  probe->stmts = 0;
  probe->names = 0;
  probe->n = 0;
  probe->bytes = 0;
}

/* Is the list of databases still the probe's? If not, the probe is
** emptied and given the new list (its statements are prepared on use). */
static int probe_databases(sqlite3 *db, model_probe *probe) {
  db_names it = {db, 0, 0, SQLITE_OK};
  size_t at = 0;
  int n = 0, same = 1;
  char *names = 0;
  size_t bytes = 0;
  for (int pass = 0; pass < 2; pass++) {
    const char *name;
    while ((name = db_name_next(&it)) != 0) {
      size_t len = strlen(name) + 1;
      if (pass == 0) {
        if (same && (at + len > probe->bytes ||
                     memcmp(probe->names + at, name, len) != 0)) {
          same = 0;
        }
      } else {
        memcpy(names + at, name, len);
      }
      at += len;
      n++;
    }
    if (it.rc != SQLITE_OK) break;
    if (pass == 0) {
      if (same && n == probe->n) break;
      bytes = at;
      names = sqlite3_malloc64(bytes + 1);
      if (!names || n > MODEL_MAX_DATABASES) {
        it.rc = names ? SQLITE_ERROR : SQLITE_NOMEM;
        break;
      }
      at = 0;
      n = 0;
      it.next = 0;
      if (it.list) sqlite3_reset(it.list);
    }
  }
  sqlite3_finalize(it.list);
  if (it.rc != SQLITE_OK || !names) {
    sqlite3_free(names);
    return it.rc;
  }
  sqlite3_stmt **stmts = sqlite3_malloc64((size_t)n * sizeof *stmts + 1);
  if (!stmts) {
    sqlite3_free(names);
    return SQLITE_NOMEM;
  }
  memset(stmts, 0, (size_t)n * sizeof *stmts);
  model_probe_free(probe);
  probe->names = names;
  probe->bytes = bytes;
  probe->stmts = stmts;
  probe->n = n;
  probe->reprepared = 0;
  probe->generation++;
  return SQLITE_OK;
}

/* Opens a read transaction on database i (named `name`) with its kept
** statement; *opened 0 when it cannot be (locked, busy, ...). */
static int probe_open(sqlite3 *db, model_probe *probe, int i,
                      const char *name, int *opened) {
  int rc = SQLITE_OK;
  *opened = 0;
  if (!probe->stmts[i]) {
    char *sql = sqlite3_mprintf(
        "SELECT 1 FROM \"%w\".sqlite_master LIMIT 0", name);
    if (!sql) return SQLITE_NOMEM;
    rc = sqlite3_prepare_v2(db, sql, -1, &probe->stmts[i], 0);
    sqlite3_free(sql);
    if (rc != SQLITE_OK) return rc == SQLITE_NOMEM ? rc : SQLITE_OK;
  }
  rc = sqlite3_step(probe->stmts[i]);
  sqlite3_reset(probe->stmts[i]);
  if (rc == SQLITE_NOMEM || rc == SQLITE_INTERRUPT) return rc;
  *opened = rc == SQLITE_DONE || rc == SQLITE_ROW;
  return SQLITE_OK;
}

/* Has the connection a transaction open on database `name`? 0 when
** SQLite cannot tell (before 3.34). */
static int in_transaction(sqlite3 *db, const char *name) {
#if SQLITE_VERSION_NUMBER >= 3034000
  if (sqlite3_libversion_number() >= 3034000) {
    return sqlite3_txn_state(db, name) != SQLITE_TXN_NONE;
  }
#endif
  (void)db;
  (void)name;
  return 0;
}

int model_stamp_take(sqlite3 *db, model_probe *probe, model_stamp *out) {
  int rc = probe_databases(db, probe);
  memset(out, 0, sizeof *out);
  if (rc != SQLITE_OK) return rc;
  int reprepared = 0;
  const char *name = probe->names;
  for (int i = 0; i < probe->n; i++, name += strlen(name) + 1) {
    if (i == 1) continue; /* temp: only this connection writes it */
    /* With no database attached, main in a transaction (the scan's own
    ** statement opened it) has its version already: the statement is for
    ** the generation only, which matters once a database is attached. */
    if (i == 0 && probe->n == 2 && in_transaction(db, name)) continue;
    int opened;
    if ((rc = probe_open(db, probe, i, name, &opened)) != SQLITE_OK) return rc;
    if (!opened) out->unknown = 1;
    if (probe->stmts[i]) {
      reprepared +=
          sqlite3_stmt_status(probe->stmts[i], SQLITE_STMTSTATUS_REPREPARE, 0);
    }
  }
  /* Read after every transaction is open: the versions of the snapshots
  ** the model's reads will see. */
  name = probe->names;
  for (int i = 0; i < probe->n; i++, name += strlen(name) + 1) {
    (void)sqlite3_file_control(db, name, SQLITE_FCNTL_DATA_VERSION,
                               &out->versions[i]);
  }
  if (reprepared != probe->reprepared) {
    probe->reprepared = reprepared;
    probe->generation++;
  }
  out->n = probe->n;
  out->generation = probe->generation;
  out->changes = (unsigned)sqlite3_total_changes(db);
  return SQLITE_OK;
}

int model_stamp_same(const model_stamp *a, const model_stamp *b) {
  return !a->unknown && !b->unknown && a->changes == b->changes &&
         a->generation == b->generation && a->n == b->n &&
         memcmp(a->versions, b->versions, (size_t)a->n * sizeof *a->versions) == 0;
}

int model_connection_writing(sqlite3 *db) {
#if SQLITE_VERSION_NUMBER >= 3034000
  if (sqlite3_libversion_number() >= 3034000) {
    return sqlite3_txn_state(db, 0) == SQLITE_TXN_WRITE;
  }
#endif
  (void)db;
  return 1; /* cannot tell: assume it is */
}
