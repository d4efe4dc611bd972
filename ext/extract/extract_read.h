/* SPDX-License-Identifier: MIT */
/*
** extract_read.h -- the reading behind pm_extract() (extract.c): text in,
** candidate rows out.
*/
#ifndef PMEXT_EXTRACT_READ_H
#define PMEXT_EXTRACT_READ_H

#include "sql/table_vtab.h"

/* The columns of a row, in this order: kind, dimension, segment, year,
** value, share, decimals, unit, from_year, to_year, note, reason, offset,
** length, match (extract.c describes them). */
#define EXTRACT_COLUMNS 15

/* Reads the n bytes of text (UTF-8) into out (tv_init'ed with
** EXTRACT_COLUMNS), one row per figure or claim found, in text order:
** SQLITE_OK or SQLITE_NOMEM. */
int extract_read(const char *text, sqlite3_int64 n, tv_table *out);

#endif /* PMEXT_EXTRACT_READ_H */
