/* SPDX-License-Identifier: MIT */
/*
** sqltext.h -- what the C test drivers (oom.c, threads.c) share.
**
**   statements_read()   the statements of a file such as tests/c/oom.sql
**   statements_pmext()  one generated call per pmext function and arity and
**                       one query per pmext module, found by comparing
**                       pragma_function_list/pragma_module_list of a
**                       connection with pmext and one without
**   sql_to_text()       run SQL and render every row (or the error) as text,
**                       so two runs can be compared with strcmp
**
** Memory here comes from libc malloc, never from sqlite3_malloc, so the
** out-of-memory driver's failing allocator only sees SQLite's and pmext's
** own allocations. Running out of libc memory aborts the test program.
*/
#ifndef PMEXT_SQLTEXT_H
#define PMEXT_SQLTEXT_H

#include <sqlite3.h>

/* A growable list of malloc'ed strings. */
typedef struct strlist {
  char **items;
  int count;
  int alloc;
} strlist;

void strlist_add(strlist *list, char *item); /* takes ownership */
void strlist_free(strlist *list);

/* Appends each statement of PATH (one per line; blank lines and lines
** starting with "--" skipped) to LIST. Exits the program if PATH cannot be
** read. */
void statements_read(strlist *list, const char *path);

/* Appends generated statements for everything WITH registers that PLAIN
** (a connection without pmext) does not have. */
void statements_pmext(strlist *list, sqlite3 *with, sqlite3 *plain);

/* Runs every statement of SQL on DB. *OUT (malloc'ed) receives one line per
** row, values as type:value, then "error <code> <message>" if it failed.
** Returns the SQLite result code of the run (SQLITE_OK when all done). */
int sql_to_text(sqlite3 *db, const char *sql, char **out);

#endif /* PMEXT_SQLTEXT_H */
