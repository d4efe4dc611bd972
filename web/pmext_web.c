/* SPDX-License-Identifier: MIT */
/*
** web/pmext_web.c -- start-up of the WebAssembly build (make web).
**
** SQLite and pmext are compiled into one module: pmext with -DSQLITE_CORE
** (direct calls, as in `make static`). pmext_web_init() registers pmext as
** an automatic extension, so every connection the page opens has it; the
** page calls it once, before its first sqlite3_open().
*/
#include <sqlite3.h>

#include "pmext.h"

int pmext_web_init(void) {
  return sqlite3_auto_extension((void (*)(void))sqlite3_pmext_init);
}
