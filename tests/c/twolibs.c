/* SPDX-License-Identifier: MIT */
/*
** twolibs.c -- pmext and two SQLite libraries in one process
** (tests/security.test).
**
**   twolibs PMEXT LIBRARY_A LIBRARY_B [PMEXT_COPY]
**
** What a process that holds two SQLite libraries does (the system one and
** a copy bundled by a language binding): both libraries are opened with
** dlopen(RTLD_LOCAL), so each keeps its own symbols and its own state, and
** the program reaches SQLite only through the functions it looks up in
** each. One connection per library, then in this order:
**
**   A load       load PMEXT into A's connection
**   A query      a pmext function on A
**   B load       load PMEXT into B's connection
**   A again      the same function on A, after B's load
**   B query      the same function on B
**   B copy       (with PMEXT_COPY) load that copy of the file into B
**   B again      the function on B, after loading the copy
**   A last       the function on A, last
**
** Each step prints one line, "STEP: ok", the value, or "error: MESSAGE".
** The function is cagr(100, 121, 2) = 0.1 (1.1^2 = 1.21), rounded to 12
** places. Exits 2 when a library cannot be opened.
*/
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

/* Only the declarations: the program links no SQLite of its own. */
typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;

/* The functions the program calls, looked up in one library. */
typedef struct library {
  const char *path;
  void *handle;
  sqlite3 *db;
  int (*open)(const char *, sqlite3 **);
  int (*enable_load_extension)(sqlite3 *, int);
  int (*load_extension)(sqlite3 *, const char *, const char *, char **);
  int (*prepare_v2)(sqlite3 *, const char *, int, sqlite3_stmt **,
                    const char **);
  int (*step)(sqlite3_stmt *);
  const unsigned char *(*column_text)(sqlite3_stmt *, int);
  int (*finalize)(sqlite3_stmt *);
  const char *(*errmsg)(sqlite3 *);
  void (*free)(void *);
  int (*close)(sqlite3 *);
} library;

#define SQLITE_OK 0
#define SQLITE_ROW 100

/* NAME looked up in L, or 0 (said on stderr). */
static void *symbol(library *l, const char *name) {
  void *f = dlsym(l->handle, name);
  if (!f) fprintf(stderr, "twolibs: %s has no %s\n", l->path, name);
  return f;
}

static int open_library(library *l, const char *path) {
  memset(l, 0, sizeof *l);
  l->path = path;
  l->handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!l->handle) {
    fprintf(stderr, "twolibs: %s\n", dlerror());
    return 0;
  }
  /* Function pointers from dlsym: converted through memcpy, as ISO C has
  ** no conversion from void * to a function pointer. */
#define LOOK(field, name)                                                  \
  do {                                                                     \
    void *f = symbol(l, name);                                             \
    if (!f) return 0;                                                      \
    memcpy(&l->field, &f, sizeof f);                                       \
  } while (0)
  LOOK(open, "sqlite3_open");
  LOOK(enable_load_extension, "sqlite3_enable_load_extension");
  LOOK(load_extension, "sqlite3_load_extension");
  LOOK(prepare_v2, "sqlite3_prepare_v2");
  LOOK(step, "sqlite3_step");
  LOOK(column_text, "sqlite3_column_text");
  LOOK(finalize, "sqlite3_finalize");
  LOOK(errmsg, "sqlite3_errmsg");
  LOOK(free, "sqlite3_free");
  LOOK(close, "sqlite3_close");
#undef LOOK
  return l->open(":memory:", &l->db) == SQLITE_OK &&
         l->enable_load_extension(l->db, 1) == SQLITE_OK;
}

static void load(const char *step, library *l, const char *extension) {
  char *error = 0;
  if (l->load_extension(l->db, extension, 0, &error) == SQLITE_OK) {
    printf("%s: ok\n", step);
  } else {
    printf("%s: error: %s\n", step, error ? error : l->errmsg(l->db));
  }
  l->free(error);
  fflush(stdout);
}

static void query(const char *step, library *l) {
  sqlite3_stmt *stmt = 0;
  int rc = l->prepare_v2(l->db, "SELECT round(cagr(100, 121, 2), 12)", -1,
                         &stmt, 0);
  if (rc == SQLITE_OK) rc = l->step(stmt);
  if (rc == SQLITE_ROW) {
    printf("%s: %s\n", step, (const char *)l->column_text(stmt, 0));
  } else {
    printf("%s: error: %s\n", step, l->errmsg(l->db));
  }
  l->finalize(stmt);
  fflush(stdout);
}

int main(int argc, char **argv) {
  if (argc != 4 && argc != 5) {
    fprintf(stderr,
            "usage: twolibs PMEXT LIBRARY_A LIBRARY_B [PMEXT_COPY]\n");
    return 2;
  }
  library a, b;
  if (!open_library(&a, argv[2]) || !open_library(&b, argv[3])) return 2;
  load("A load", &a, argv[1]);
  query("A query", &a);
  load("B load", &b, argv[1]);
  query("A again", &a);
  query("B query", &b);
  if (argc == 5) {
    load("B copy", &b, argv[4]);
    query("B again", &b);
    query("A last", &a);
  }
  b.close(b.db);
  a.close(a.db);
  return 0;
}
