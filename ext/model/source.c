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
** Live reading: before each scan the source compares a change stamp with
** the one its model was built at, and rebuilds on a difference. The stamp
** is the connection's total changes (every INSERT, UPDATE, DELETE it has
** made, committed or not) and the data version of the main and temp
** databases (SQLITE_FCNTL_DATA_VERSION: every commit, by this connection
** or another). Checking it costs no query, so a point query stays O(1);
** an unchanged input is never read twice.
**
** A model and the grids derived from it form a snapshot with a reference
** count: a cursor keeps reading the snapshot it started with even when a
** change makes the source build a new one.
*/
#include "model.h"

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

int model_source_init(model_source *src, sqlite3 *db,
                      model_builtin_cache *cache, const char *who, int argc,
                      const char *const *argv, char **err) {
  memset(src, 0, sizeof *src);
  src->db = db;
  src->cache = cache;
  src->who = who;
  if (!db) return SQLITE_OK;
  int compare = strcmp(who, "pm_compare") == 0;
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
  for (int g = 0; g < 4; g++) tv_free(&snap->grids[g]);
  model_set_free(snap->set);
  sqlite3_free(snap);
}

void model_source_free(model_source *src) {
  for (int k = 0; k < 6; k++) sqlite3_free(src->names[k]);
  for (int k = 0; k < N_TABLE_KEYS; k++) sqlite3_free(src->schemas[k]);
  model_snapshot_release(src->snap);
  memset(src, 0, sizeof *src);
}

static void stamp_now(sqlite3 *db, unsigned stamp[3]) {
  stamp[0] = (unsigned)sqlite3_total_changes(db);
  stamp[1] = stamp[2] = 0;
  (void)sqlite3_file_control(db, "main", SQLITE_FCNTL_DATA_VERSION, &stamp[1]);
  (void)sqlite3_file_control(db, "temp", SQLITE_FCNTL_DATA_VERSION, &stamp[2]);
}

/* A new snapshot of `set` with one reference, or 0 (set freed). */
static model_snapshot *snapshot_new(model_set *set) {
  model_snapshot *snap = sqlite3_malloc64(sizeof *snap);
  if (!snap) {
    model_set_free(set);
    return 0;
  }
  memset(snap, 0, sizeof *snap);
  snap->set = set;
  snap->refs = 1;
  return snap;
}

int model_source_get(model_source *src, model_snapshot **out, char **err) {
  unsigned stamp[3] = {0, 0, 0};
  model_set *set = 0;
  int rc;
  *out = 0;
  *err = 0;
  if (!src->db) { /* the built-in report: built once per connection */
    model_builtin_cache *cache = src->cache;
    if (!cache->snap) {
      if ((rc = model_builtin(&set, err)) != SQLITE_OK) return rc;
      if (!(cache->snap = snapshot_new(set))) return SQLITE_NOMEM;
    }
    cache->snap->refs++;
    *out = cache->snap;
    return SQLITE_OK;
  }
  stamp_now(src->db, stamp);
  if (src->snap && memcmp(stamp, src->stamp, sizeof stamp) == 0) {
    src->snap->refs++;
    *out = src->snap;
    return SQLITE_OK;
  }
  model_snapshot_release(src->snap);
  src->snap = 0;
  model_inputs in = {.reports = src->names[0],
                     .figures = src->names[1],
                     .claims = src->names[2],
                     .companies = src->names[3],
                     .fx = src->names[4],
                     .currency = src->names[5],
                     .count_extrapolated = src->count_extrapolated};
  memcpy(in.schemas, src->schemas, sizeof in.schemas);
  if ((rc = model_read(src->db, &in, src->who, &set, err)) != SQLITE_OK) {
    return rc;
  }
  if (!(src->snap = snapshot_new(set))) return SQLITE_NOMEM;
  src->snap->refs++; /* the source's and the caller's */
  memcpy(src->stamp, stamp, sizeof stamp);
  *out = src->snap;
  return SQLITE_OK;
}

int model_snapshot_grid(model_snapshot *snap, const model_table *table,
                        const tv_table **out) {
  model_grid grid = table->grid;
  tv_table *t = &snap->grids[grid];
  if (!snap->built[grid]) {
    int rc = table->build(snap->set, !table->builtin, t);
    if (rc != SQLITE_OK) {
      tv_free(t);
      return rc;
    }
    snap->built[grid] = 1;
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
  rc = model_source_init(&vtab->src, builtin ? 0 : db, module->cache, name,
                         argc, argv, err);
  if (rc != SQLITE_OK) {
    model_source_free(&vtab->src);
    sqlite3_free(vtab);
    return rc;
  }
  *out = &vtab->base;
  return SQLITE_OK;
}

int model_vtab_disconnect(sqlite3_vtab *base) {
  model_vtab *vtab = (model_vtab *)base;
  model_source_free(&vtab->src);
  sqlite3_free(vtab);
  return SQLITE_OK;
}

static void cache_release(model_builtin_cache *cache) {
  if (--cache->refs > 0) return;
  model_snapshot_release(cache->snap);
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
