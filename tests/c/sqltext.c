/* SPDX-License-Identifier: MIT */
/*
** sqltext.c -- statement lists and SQL-to-text rendering for the C test
** drivers (see sqltext.h).
*/
#include "sqltext.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) {
    fprintf(stderr, "test driver: out of (libc) memory\n");
    abort();
  }
  return p;
}

static void *xrealloc(void *old, size_t n) {
  void *p = realloc(old, n ? n : 1);
  if (!p) {
    fprintf(stderr, "test driver: out of (libc) memory\n");
    abort();
  }
  return p;
}

void strlist_add(strlist *list, char *item) {
  if (list->count == list->alloc) {
    list->alloc = list->alloc ? 2 * list->alloc : 16;
    list->items = xrealloc(list->items, list->alloc * sizeof *list->items);
  }
  list->items[list->count++] = item;
}

void strlist_free(strlist *list) {
  for (int i = 0; i < list->count; i++) free(list->items[i]);
  free(list->items);
  memset(list, 0, sizeof *list);
}

static int strlist_has(const strlist *list, const char *item) {
  for (int i = 0; i < list->count; i++) {
    if (strcmp(list->items[i], item) == 0) return 1;
  }
  return 0;
}

/* A growable text buffer. */
typedef struct textbuf {
  char *text;
  size_t len;
  size_t alloc;
} textbuf;

static void textbuf_printf(textbuf *b, const char *format, ...) {
  for (;;) {
    va_list ap;
    va_start(ap, format);
    size_t room = b->alloc - b->len;
    int n = vsnprintf(b->text ? b->text + b->len : 0, room, format, ap);
    va_end(ap);
    if (n < 0) abort();
    if ((size_t)n < room) {
      b->len += (size_t)n;
      return;
    }
    b->alloc = 2 * (b->len + (size_t)n + 1);
    b->text = xrealloc(b->text, b->alloc);
  }
}

static char *textbuf_finish(textbuf *b) {
  if (!b->text) textbuf_printf(b, "%s", "");
  return b->text;
}

void statements_read(strlist *list, const char *path) {
  FILE *in = fopen(path, "r");
  if (!in) {
    perror(path);
    exit(2);
  }
  char line[4096];
  while (fgets(line, sizeof line, in)) {
    size_t n = strcspn(line, "\r\n");
    line[n] = 0;
    if (n == 0 || strncmp(line, "--", 2) == 0) continue;
    strlist_add(list, strcpy(xmalloc(n + 1), line));
  }
  fclose(in);
}

/* Every row of a one-column query, as strings. */
static void query_column(strlist *list, sqlite3 *db, const char *sql) {
  sqlite3_stmt *stmt;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, 0) != SQLITE_OK) {
    fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(db));
    exit(2);
  }
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    const char *text = (const char *)sqlite3_column_text(stmt, 0);
    strlist_add(list, strcpy(xmalloc(strlen(text) + 1), text));
  }
  sqlite3_finalize(stmt);
}

/* Argument i of a generated scalar call, and of row k of an aggregate's
** input: plausible growth-model numbers (a value, a year or a rate). */
static const char *const scalar_args[] = {"100", "0.1", "3", "5", "1", "0"};
static const char *const row_args[][4] = {
    {"100", "110", "125", "90"},      {"2020", "2021", "2023", "2024"},
    {"1", "2", "3", "4"},             {"0.05", "0.1", "0.2", "0.3"},
    {"0", "1", "0", "1"},             {"0.1", "0.1", "0.1", "0.1"},
};
#define N_ARG_SLOTS 6

static char *scalar_call(const char *name, int narg, const char *first) {
  textbuf b = {0};
  textbuf_printf(&b, "SELECT %s(", name);
  for (int i = 0; i < narg; i++) {
    textbuf_printf(&b, "%s%s", i ? ", " : "",
                   i == 0 && first ? first : scalar_args[i % N_ARG_SLOTS]);
  }
  textbuf_printf(&b, ")");
  return textbuf_finish(&b);
}

static char *aggregate_call(const char *name, int narg, int window) {
  textbuf b = {0};
  textbuf_printf(&b, "SELECT %s(", name);
  for (int i = 0; i < narg; i++) textbuf_printf(&b, "%scolumn%d", i ? ", " : "", i + 1);
  textbuf_printf(&b, ")%s FROM (VALUES ", window ? " OVER (ROWS 1 PRECEDING)" : "");
  for (int k = 0; k < 4; k++) {
    textbuf_printf(&b, "%s(", k ? ", " : "");
    for (int i = 0; i < (narg ? narg : 1); i++) {
      textbuf_printf(&b, "%s%s", i ? ", " : "", row_args[i % N_ARG_SLOTS][k]);
    }
    textbuf_printf(&b, ")");
  }
  textbuf_printf(&b, ")");
  return textbuf_finish(&b);
}

void statements_pmext(strlist *list, sqlite3 *with, sqlite3 *plain) {
  static const char functions[] =
      "SELECT DISTINCT name || ' ' || narg || ' ' || type "
      "FROM pragma_function_list ORDER BY 1";
  static const char modules[] =
      "SELECT name FROM pragma_module_list ORDER BY 1";
  strlist mine = {0}, theirs = {0};
  query_column(&mine, with, functions);
  query_column(&theirs, plain, functions);
  for (int i = 0; i < mine.count; i++) {
    if (strlist_has(&theirs, mine.items[i])) continue;
    char name[256], type[8];
    int narg;
    if (sscanf(mine.items[i], "%255s %d %7s", name, &narg, type) != 3) continue;
    if (narg < 0) narg = 2; /* variadic: try two arguments */
    if (type[0] == 's') {
      strlist_add(list, scalar_call(name, narg, 0));
      if (narg > 0) {
        strlist_add(list, scalar_call(name, narg, "'abc'"));
        strlist_add(list, scalar_call(name, narg, "NULL"));
      }
    } else {
      strlist_add(list, aggregate_call(name, narg, 0));
      if (type[0] == 'w') strlist_add(list, aggregate_call(name, narg, 1));
    }
  }
  strlist_free(&mine);
  strlist_free(&theirs);
  query_column(&mine, with, modules);
  query_column(&theirs, plain, modules);
  for (int i = 0; i < mine.count; i++) {
    if (strlist_has(&theirs, mine.items[i])) continue;
    /* An eponymous table is read; a module that is only created (its
    ** table lists no columns before a CREATE) is created, then read. */
    sqlite3_stmt *cols = 0;
    int eponymous = 0;
    if (sqlite3_prepare_v2(with, "SELECT 1 FROM pragma_table_xinfo(?1)", -1,
                           &cols, 0) == SQLITE_OK) {
      sqlite3_bind_text(cols, 1, mine.items[i], -1, SQLITE_STATIC);
      eponymous = sqlite3_step(cols) == SQLITE_ROW;
    }
    sqlite3_finalize(cols);
    textbuf b = {0};
    if (eponymous) {
      textbuf_printf(&b, "SELECT * FROM \"%s\"", mine.items[i]);
    } else {
      textbuf_printf(&b, "CREATE VIRTUAL TABLE temp.probe USING \"%s\"; "
                         "SELECT * FROM temp.probe", mine.items[i]);
    }
    strlist_add(list, textbuf_finish(&b));
  }
  strlist_free(&mine);
  strlist_free(&theirs);
}

static void render_value(textbuf *b, sqlite3_stmt *stmt, int i) {
  switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_NULL:
      textbuf_printf(b, "null");
      break;
    case SQLITE_INTEGER:
      textbuf_printf(b, "int:%lld", (long long)sqlite3_column_int64(stmt, i));
      break;
    case SQLITE_FLOAT:
      textbuf_printf(b, "real:%.17g", sqlite3_column_double(stmt, i));
      break;
    case SQLITE_TEXT: {
      /* The value is UTF-8 text already: no conversion, no allocation. */
      const unsigned char *text = sqlite3_column_text(stmt, i);
      textbuf_printf(b, "text:%s", text ? (const char *)text : "(nomem)");
      break;
    }
    default: {
      const unsigned char *blob = sqlite3_column_blob(stmt, i);
      int n = sqlite3_column_bytes(stmt, i);
      textbuf_printf(b, "blob:");
      for (int k = 0; k < n; k++) textbuf_printf(b, "%02x", blob[k]);
      break;
    }
  }
}

int sql_to_text(sqlite3 *db, const char *sql, char **out) {
  textbuf b = {0};
  int rc = SQLITE_OK;
  const char *tail = sql;
  while (rc == SQLITE_OK && tail && *tail) {
    sqlite3_stmt *stmt = 0;
    rc = sqlite3_prepare_v2(db, tail, -1, &stmt, &tail);
    if (rc != SQLITE_OK || !stmt) break;
    int step;
    while ((step = sqlite3_step(stmt)) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(stmt); i++) {
        if (i) textbuf_printf(&b, "|");
        render_value(&b, stmt, i);
      }
      textbuf_printf(&b, "\n");
    }
    rc = sqlite3_finalize(stmt);
    if (step != SQLITE_DONE && rc == SQLITE_OK) rc = step;
  }
  if (rc != SQLITE_OK) {
    textbuf_printf(&b, "error %d %s\n", rc & 0xff, sqlite3_errmsg(db));
  }
  *out = textbuf_finish(&b);
  return rc & 0xff;
}
