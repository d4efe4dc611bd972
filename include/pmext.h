/* SPDX-License-Identifier: MIT */
/*
** include/pmext.h -- the public header for linking pmext into a program.
**
** `make static` builds build/libpmext.a: the extension compiled with
** -DSQLITE_CORE, so it calls SQLite directly instead of through the
** loadable-extension API table. Link it with the program's SQLite:
**
**   cc -Iinclude app.c build/libpmext.a -lsqlite3 -lm
**
** and register it before opening connections:
**
**   #include <sqlite3.h>
**   #include "pmext.h"
**   sqlite3_auto_extension((void (*)(void))sqlite3_pmext_init);
**   sqlite3_open(":memory:", &db);   // every new connection has pmext
**
** or call sqlite3_pmext_init(db, &errmsg, 0) on one open connection.
** (As a loadable extension, build/pmext.so, no header is needed.)
*/
#ifndef PMEXT_PUBLIC_H
#define PMEXT_PUBLIC_H

#include <sqlite3.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Registers pmext's functions and tables on db. On failure returns an
** SQLite error code and sets *pzErrMsg to a message from sqlite3_malloc
** (the caller frees it with sqlite3_free). pApi is unused when linked
** statically; pass 0. */
int sqlite3_pmext_init(sqlite3 *db, char **pzErrMsg,
                       const sqlite3_api_routines *pApi);

#ifdef __cplusplus
}
#endif

#endif /* PMEXT_PUBLIC_H */
