/* SPDX-License-Identifier: MIT */
/*
** source.c -- a model kept up to date with its input tables.
**
** A source is the built-in report (built once per connection, in the
** cache its four tables share) or the input tables of a
** connection named by the module arguments:
**   CREATE VIRTUAL TABLE m USING pm_model(reports=r, figures=f, claims=c,
**                                         companies=k);
** (each optional; defaults reports, figures, claims and no companies; a
** name may be quoted as 'x', "x", [x] or `x`, and qualified by a database,
** schema.table, each part bare or quoted).
**
** Where the inputs are read (docs/model.md, "Where a model reads its
** inputs"): a model stored in a database reads its input tables from that
** database only, as SQLite binds the tables of a view or a trigger to the
** database that stores it; a name qualified by another database is an
** error. A model in temp, which only the connection itself can create,
** reads unqualified names in SQLite's search order (temp, main, attached
** databases) and qualified names from the database named.
**
** Live reading: before each scan the source asks whether its model is
** still what the input tables hold (freshness.c), and reads them again
** only when it is not. The model is as fresh as a plain SELECT of the
** inputs would be at the same moment:
**   - the stamp (no query of the inputs) is enough when the model was read
**     outside a write transaction and the connection is outside one now:
**     then only commits change what a SELECT sees, and every commit, by
**     this connection or another, to any database moves the stamp;
**   - otherwise, or when the stamp moved, the digest of the inputs is
**     computed again (the same statements read again, nothing computed),
**     and the model is rebuilt only when it differs. This covers changes
**     not yet committed, their ROLLBACK and ROLLBACK TO a savepoint, and
**     a schema change inside a transaction.
** So a point query over unchanged inputs stays O(1), an unrelated commit
** costs one reading of the inputs, and a changed input a rebuild.
**
** Re-entrance: while a source reads its inputs it is on the connection's
** stack of sources being read; an input that reads a model on the stack
** (a view over the model itself, two models reading each other) is a
** cycle, and the scan fails with an error naming it instead of recursing.
**
** A model and the grids derived from it form a snapshot with a reference
** count: a cursor keeps reading the snapshot it started with even when a
** change makes the source build a new one.
*/
#include "source.h"
#include "builtin.h"
#include "reader.h"
#include "rules.h"
#include "units.h"

#include <string.h>

SQLITE_EXTENSION_INIT3

#define N_KEYS 7
static const char *const keys[N_KEYS] = {"reports",  "figures", "claims",
                                         "companies", "fx",     "currency",
                                         "count_extrapolated"};
/* The keys of pm_compare alone: fx, currency, count_extrapolated. */
#define FIRST_COMPARE_KEY 4
/* The keys that name a table: reports, figures, claims, companies, fx. */
#define N_TABLE_KEYS 5

/* A yes or no argument: 1, 0, or -1 for anything else. */
static int yes_no(const char *value) {
  static const char *const yes[] = {"yes", "1", "true", "on"};
  static const char *const no[] = {"no", "0", "false", "off"};
  for (int i = 0; i < 4; i++) {
    if (sqlite3_stricmp(value, yes[i]) == 0) return 1;
    if (sqlite3_stricmp(value, no[i]) == 0) return 0;
  }
  return -1;
}

/* pm_compare's arguments, checked: currency with fx, a known currency. */
static int check_compare_arguments(model_source *src, const char *who,
                                   char **err) {
  char code[4];
  const char *why = 0;
  if (src->names[4] && !src->names[5]) {
    why = "fx= needs currency=, the currency its rates convert to";
  } else if (src->names[5] && !src->names[4]) {
    why = "currency= needs fx=, the table of rates to convert with";
  } else if (src->names[5] &&
             (why = model_currency_parse(src->names[5], code)) != 0) {
    *err = sqlite3_mprintf("%s: currency='%s' %s; %s", who, src->names[5],
                           why, model_unit_forms);
    return *err ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  if (!why) return SQLITE_OK;
  *err = sqlite3_mprintf("%s: %s", who, why);
  return *err ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* The argument's value without blanks and one level of quotes. */
static char *unquote(const char *p, size_t n) {
  while (n && (*p == ' ' || *p == '\t' || *p == '\n')) p++, n--;
  while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\n')) n--;
  char close = 0;
  if (n >= 2) {
    switch (p[0]) {
      case '\'': close = '\''; break;
      case '"': close = '"'; break;
      case '`': close = '`'; break;
      case '[': close = ']'; break;
      default: break;
    }
  }
  if (!close || p[n - 1] != close) return sqlite3_mprintf("%.*s", (int)n, p);
  char *out = sqlite3_malloc64(n);
  if (!out) return 0;
  size_t k = 0;
  for (size_t i = 1; i + 1 < n; i++) {
    out[k++] = p[i];
    if (close != ']' && p[i] == close && p[i + 1] == close) i++;
  }
  out[k] = 0;
  return out;
}

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\n'; }

/* One identifier from *p (before end): bare, up to a dot or a blank, or
** quoted; *p moves past it. 0 when there is none there (or no memory:
** *oom). */
static char *identifier(const char **p, const char *end, int *oom) {
  const char *start = *p, *q = start;
  char close = 0;
  switch (q < end ? *q : 0) {
    case '\'': close = '\''; break;
    case '"': close = '"'; break;
    case '`': close = '`'; break;
    case '[': close = ']'; break;
    default: break;
  }
  if (close) {
    for (q++; q < end; q++) {
      if (*q != close) continue;
      if (close != ']' && q + 1 < end && q[1] == close) {
        q++;
        continue;
      }
      break;
    }
    if (q == end) return 0; /* not closed */
    q++;
  } else {
    while (q < end && *q != '.' && !is_blank(*q)) q++;
    if (q == start) return 0;
  }
  *p = q;
  char *out = unquote(start, (size_t)(q - start));
  if (!out) *oom = 1;
  return out;
}

/* The value of an input argument: [schema.]table, each part bare or
** quoted, into *schema (0 when not qualified) and *table. A value of
** another form is one name, as written without its quotes. */
static int table_name(const char *value, char **schema, char **table) {
  const char *p = value, *end = value + strlen(value);
  int oom = 0;
  *schema = *table = 0;
  while (p < end && is_blank(*p)) p++;
  char *first = identifier(&p, end, &oom), *second = 0;
  while (first && p < end && is_blank(*p)) p++;
  int dotted = first && p < end && *p == '.';
  if (dotted) {
    for (p++; p < end && is_blank(*p); p++) {
    }
    second = identifier(&p, end, &oom);
    while (second && p < end && is_blank(*p)) p++;
  }
  if (first && p == end && (!dotted || second)) {
    *schema = second ? first : 0;
    *table = second ? second : first;
    return SQLITE_OK;
  }
  sqlite3_free(first);
  sqlite3_free(second);
  if (oom) return SQLITE_NOMEM;
  *table = unquote(value, strlen(value));
  return *table ? SQLITE_OK : SQLITE_NOMEM;
}

/* Where each input is read from: src->schemas[k], or 0 for SQLite's
** search order (a model in temp, unqualified). A model stored in a
** database other than temp reads that database only. */
static int place_inputs(model_source *src, const char *stored, char **err) {
  int in_temp = sqlite3_stricmp(stored, "temp") == 0;
  for (int k = 0; k < N_TABLE_KEYS; k++) {
    if (!src->names[k]) continue;
    if (src->schemas[k] && !in_temp &&
        sqlite3_stricmp(src->schemas[k], stored) != 0) {
      *err = sqlite3_mprintf(
          "%s: %s=%s.%s: a model stored in \"%w\" reads only the tables of "
          "\"%w\"; create it in temp to read another database",
          src->who, keys[k], src->schemas[k], src->names[k], stored, stored);
      return *err ? SQLITE_ERROR : SQLITE_NOMEM;
    }
    if (!src->schemas[k] && !in_temp &&
        !(src->schemas[k] = sqlite3_mprintf("%s", stored))) {
      return SQLITE_NOMEM;
    }
  }
  return SQLITE_OK;
}

/* Parses the module arguments (reports=..., figures=..., claims=...,
** companies=...; for pm_compare also fx=..., currency=...,
** count_extrapolated=yes|no) into src; db 0 for the built-in (from cache). */
static int source_init(model_source *src, sqlite3 *db,
                       model_builtin_cache *cache, const char *who, int argc,
                       const char *const *argv, char **err) {
  memset(src, 0, sizeof *src);
  src->db = db;
  src->cache = cache;
  src->who = who;
  if (!db) return SQLITE_OK;
  int compare = strcmp(who, "pm_compare") == 0;
  if (!(src->table = sqlite3_mprintf("%s", argc > 2 ? argv[2] : who))) {
    return SQLITE_NOMEM;
  }
  for (int i = 3; i < argc; i++) {
    const char *eq = strchr(argv[i], '=');
    int k = -1;
    if (eq) {
      char *key = unquote(argv[i], (size_t)(eq - argv[i]));
      if (!key) return SQLITE_NOMEM;
      for (int j = 0; j < (compare ? N_KEYS : FIRST_COMPARE_KEY); j++) {
        if (sqlite3_stricmp(key, keys[j]) == 0) k = j;
      }
      sqlite3_free(key);
    }
    if (k < 0) {
      *err = sqlite3_mprintf(
          "%s: unknown argument '%s'; give reports=, figures=, claims= or "
          "companies= and a table name%s",
          who, argv[i],
          compare ? ", fx= and currency= (a table of exchange rates and the "
                    "currency they convert to), or count_extrapolated=yes"
                  : "");
      return *err ? SQLITE_ERROR : SQLITE_NOMEM;
    }
    char *value = unquote(eq + 1, strlen(eq + 1));
    if (!value) return SQLITE_NOMEM;
    if (k == N_KEYS - 1) {
      src->count_extrapolated = yes_no(value);
      sqlite3_free(value);
      if (src->count_extrapolated < 0) {
        *err = sqlite3_mprintf("%s: '%s': give count_extrapolated=yes or "
                               "count_extrapolated=no", who, argv[i]);
        return *err ? SQLITE_ERROR : SQLITE_NOMEM;
      }
      continue;
    }
    sqlite3_free(src->names[k]);
    src->names[k] = 0;
    if (k < N_TABLE_KEYS) { /* a table: [schema.]table */
      sqlite3_free(value);
      sqlite3_free(src->schemas[k]);
      int rc = table_name(eq + 1, &src->schemas[k], &src->names[k]);
      if (rc != SQLITE_OK) return rc;
    } else {
      src->names[k] = value;
    }
  }
  for (int k = 0; k < 3; k++) {
    if (!src->names[k] && !(src->names[k] = sqlite3_mprintf("%s", keys[k]))) {
      return SQLITE_NOMEM;
    }
  }
  int rc = place_inputs(src, argc > 1 ? argv[1] : "main", err);
  if (rc == SQLITE_OK && compare) rc = check_compare_arguments(src, who, err);
  return rc;
}

void model_snapshot_release(model_snapshot *snap) {
  if (!snap || --snap->refs > 0) return;
  for (int g = 0; g < MODEL_N_GRIDS; g++) tv_free(&snap->grids[g]);
  model_set_free(snap->set);
  model_digest_free(&snap->digest);
  sqlite3_free(snap);
}

static void source_free(model_source *src) {
  for (int k = 0; k < 6; k++) sqlite3_free(src->names[k]);
  for (int k = 0; k < N_TABLE_KEYS; k++) sqlite3_free(src->schemas[k]);
  sqlite3_free(src->table);
  model_snapshot_release(src->snap);
  model_probe_free(&src->probe);
  memset(src, 0, sizeof *src);
}

/* A snapshot of a set just read, its rows computed (rules.c): read, then
** compute, the one order every model is built in. The set is the
** snapshot's, or freed on error. */
static int snapshot_new(model_set *set, model_snapshot **out) {
  *out = 0;
  int rc = model_compute(set);
  model_snapshot *snap = rc == SQLITE_OK ? sqlite3_malloc64(sizeof *snap) : 0;
  if (!snap) {
    model_set_free(set);
    return rc == SQLITE_OK ? SQLITE_NOMEM : rc;
  }
  memset(snap, 0, sizeof *snap);
  snap->set = set;
  snap->refs = 1;
  *out = snap;
  return SQLITE_OK;
}

/* --- the stack of sources being read ------------------------------------ */

/* The cycle that reaches `src` again: from `src` up to the source read
** last, each with the input it is reading, and back to `src`:
** m -> "figures" -> n -> "f2" -> m. */
static char *cycle_message(const model_source *src) {
  const model_source *top = src->cache->reading;
  int depth = 0; /* sources above src */
  for (const model_source *s = top; s && s != src; s = s->below) depth++;
  char *path = sqlite3_mprintf("%s", src->table);
  for (int k = depth; k >= 0 && path; k--) {
    const model_source *s = top, *above = 0; /* the k-th from the top */
    for (int j = 0; j < k; j++) above = s, s = s->below;
    const char *input = s->reading && *s->reading ? *s->reading : "?";
    path = sqlite3_mprintf("%z -> \"%w\" -> %s", path, input,
                           above ? above->table : src->table);
  }
  return path;
}

/* Pushes src on its connection's stack of sources being read. */
static void reading_push(model_source *src, const char *const *reading) {
  src->below = src->cache->reading;
  src->reading = reading;
  src->busy = 1;
  src->cache->reading = src;
}

static void reading_pop(model_source *src) {
  src->cache->reading = src->below;
  src->below = 0;
  src->reading = 0;
  src->busy = 0;
}

/* The error for a source read while it is being read. */
static int cycle_error(model_source *src, char **err) {
  model_builtin_cache *conn = src->cache;
  char *path = cycle_message(src);
  if (!path) return SQLITE_NOMEM;
  *err = sqlite3_mprintf("%s: a cycle: %s (an input table of a model "
                         "cannot read the model itself)",
                         src->who, path);
  sqlite3_free(path);
  if (!*err) return SQLITE_NOMEM;
  if (!conn->cycle && !(conn->cycle = sqlite3_mprintf("%s", *err))) {
    return SQLITE_NOMEM;
  }
  return SQLITE_ERROR;
}

/* --- the current model ---------------------------------------------------- */

/* Reads the inputs into a new snapshot (src->snap, with its digest). */
static int source_build(model_source *src, char **err) {
  model_digest digest;
  model_set *set = 0;
  model_digest_init(&digest, src->cache->key);
  model_inputs in = {.reports = src->names[0],
                     .figures = src->names[1],
                     .claims = src->names[2],
                     .companies = src->names[3],
                     .fx = src->names[4],
                     .currency = src->names[5],
                     .count_extrapolated = src->count_extrapolated,
                     .digest = &digest};
  memcpy(in.schemas, src->schemas, sizeof in.schemas);
  reading_push(src, &digest.reading);
  int rc = model_read(src->db, &in, src->who, &set, err);
  reading_pop(src);
  if (rc == SQLITE_OK) rc = snapshot_new(set, &src->snap);
  if (rc != SQLITE_OK) {
    model_digest_free(&digest);
    return rc;
  }
  src->snap->digest = digest;
  return SQLITE_OK;
}

/* Is src->snap what the inputs hold? Reads them again (digest). */
static int source_same(model_source *src, int *same) {
  const char *reading = 0;
  reading_push(src, &reading);
  int rc = model_digest_same(src->db, &src->snap->digest, src->cache->key,
                             &reading, same);
  reading_pop(src);
  return rc;
}

/* The model of input tables, current. */
static int source_current(model_source *src, char **err) {
  model_builtin_cache *conn = src->cache;
  model_stamp now;
  if (src->busy) return cycle_error(src, err);
  int rc = model_stamp_take(src->db, &src->probe, &now);
  if (rc != SQLITE_OK) return rc;
  int writing = model_connection_writing(src->db);
  if (src->snap && src->committed && !writing &&
      model_stamp_same(&now, &src->stamp)) {
    return SQLITE_OK;
  }
  if (!conn->keyed) {
    sqlite3_randomness((int)sizeof conn->key, conn->key);
    conn->keyed = 1;
  }
  int same = 0;
  if (src->snap) rc = source_same(src, &same);
  if (rc == SQLITE_OK && !same) {
    model_snapshot_release(src->snap);
    src->snap = 0;
    rc = source_build(src, err);
  }
  if (rc == SQLITE_OK) {
    src->stamp = now;
    src->committed = !writing;
  } else if (conn->cycle) {
    /* Each source of the cycle fails; all say what the first one found. */
    sqlite3_free(*err);
    *err = sqlite3_mprintf("%s", conn->cycle);
    if (!*err) rc = SQLITE_NOMEM;
  }
  if (!conn->reading) {
    sqlite3_free(conn->cycle);
    conn->cycle = 0;
  }
  return rc;
}

int model_source_get(model_source *src, model_snapshot **out, char **err) {
  model_set *set = 0;
  int rc;
  *out = 0;
  *err = 0;
  if (!src->db) { /* the built-in report: built once per connection */
    model_builtin_cache *cache = src->cache;
    if (!cache->snap) {
      if ((rc = model_builtin(&set, err)) != SQLITE_OK) return rc;
      if ((rc = snapshot_new(set, &cache->snap)) != SQLITE_OK) return rc;
    }
    cache->snap->refs++;
    *out = cache->snap;
    return SQLITE_OK;
  }
  if ((rc = source_current(src, err)) != SQLITE_OK) return rc;
  src->snap->refs++; /* the caller's */
  *out = src->snap;
  return SQLITE_OK;
}

/* A streamed table's chunks, all in t while they are few enough: 1 when
** kept, 0 when too many (t emptied). */
static int keep_chunks(const model_set *set, const model_table *table,
                       tv_table *t, int *rc) {
  model_chunk pos = {0, 0};
  *rc = SQLITE_OK;
  while ((*rc = table->chunk(set, !table->builtin, &pos, t)) == SQLITE_OK) {
    if (t->n_cols && t->n_cells / t->n_cols > MODEL_KEPT_ROWS) break;
  }
  sqlite3_free(pos.state);
  if (*rc == SQLITE_DONE) {
    *rc = SQLITE_OK;
    return 1;
  }
  tv_free(t);
  return 0;
}

int model_snapshot_grid(model_snapshot *snap, const model_table *table,
                        const tv_table **out) {
  model_grid grid = table->grid;
  tv_table *t = &snap->grids[grid];
  int rc = SQLITE_OK;
  *out = 0;
  if (snap->built[grid] < 0) return SQLITE_OK;
  if (!snap->built[grid]) {
    if (table->build) {
      rc = table->build(snap->set, !table->builtin, t);
      snap->built[grid] = rc == SQLITE_OK;
    } else {
      snap->built[grid] = keep_chunks(snap->set, table, t, &rc) ? 1 : -1;
    }
    if (rc != SQLITE_OK) {
      tv_free(t);
      snap->built[grid] = 0;
      return rc;
    }
    if (snap->built[grid] < 0) return SQLITE_OK;
  }
  *out = t;
  return SQLITE_OK;
}

int model_vtab_connect(sqlite3 *db, const model_module *module,
                       const char *schema, const char *name, int builtin,
                       int argc, const char *const *argv, sqlite3_vtab **out,
                       char **err) {
  int rc = tv_declare(db, schema);
  if (rc != SQLITE_OK) return rc;
  model_vtab *vtab = tv_zalloc(sizeof *vtab);
  if (!vtab) return SQLITE_NOMEM;
  vtab->spec = module->spec;
  rc = source_init(&vtab->src, builtin ? 0 : db, module->cache, name,
                         argc, argv, err);
  if (rc != SQLITE_OK) {
    source_free(&vtab->src);
    sqlite3_free(vtab);
    return rc;
  }
  *out = &vtab->base;
  return SQLITE_OK;
}

int model_vtab_disconnect(sqlite3_vtab *base) {
  model_vtab *vtab = (model_vtab *)base;
  source_free(&vtab->src);
  sqlite3_free(vtab);
  return SQLITE_OK;
}

static void cache_release(model_builtin_cache *cache) {
  if (--cache->refs > 0) return;
  model_snapshot_release(cache->snap);
  sqlite3_free(cache->cycle);
  sqlite3_free(cache);
}

static void module_free(void *aux) {
  model_module *module = aux;
  cache_release(module->cache);
  sqlite3_free(module);
}

int model_register_module(sqlite3 *db, const char *name,
                          const sqlite3_module *m, const void *spec,
                          model_builtin_cache *cache) {
  model_module *module = sqlite3_malloc64(sizeof *module);
  if (!module) return SQLITE_NOMEM;
  module->spec = spec;
  module->cache = cache;
  cache->refs++;
  /* On failure sqlite3_create_module_v2() calls module_free() itself. */
  return sqlite3_create_module_v2(db, name, m, module, module_free);
}
