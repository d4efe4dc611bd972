/* SPDX-License-Identifier: MIT */
/*
** extract.h -- the text extractor on a connection (extract.c); the entry
** point (pmext.c) calls it.
*/
#ifndef PMEXT_EXTRACT_H
#define PMEXT_EXTRACT_H

#include "sqlite3ext.h"

/* Registers the table-valued function pm_extract(). */
int pmext_register_extract(sqlite3 *db);

#endif /* PMEXT_EXTRACT_H */
