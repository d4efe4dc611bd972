/* SPDX-License-Identifier: MIT */
/*
** extract_pass.h -- the rows of pm_extract(), streamed (extract_pass.c):
** two passes over the text learn what a row needs from the whole text,
** a third produces the rows one unit of text at a time.
*/
#ifndef PMEXT_EXTRACT_PASS_H
#define PMEXT_EXTRACT_PASS_H

#include "extract_read.h"

typedef struct ex_result ex_result;

/* Reads the n bytes of text (kept, not copied; it must outlive the
** result) up to its first NUL byte: SQLITE_OK and *out, or SQLITE_NOMEM. */
int ex_result_open(const char *text, sqlite3_int64 n, int stray_runs,
                   ex_result **out);
/* Moves to the next row: SQLITE_ROW, SQLITE_DONE or SQLITE_NOMEM. */
int ex_result_next(ex_result *res);
/* Column `col` (0..EXTRACT_COLUMNS-1) of the current row. */
void ex_result_column(ex_result *res, sqlite3_context *ctx, int col);
void ex_result_close(ex_result *res);

#endif /* PMEXT_EXTRACT_PASS_H */
