/* SPDX-License-Identifier: MIT */
/*
** extract_read.h -- the reading behind pm_extract(): text in, one unit (a
** sentence or a table row) at a time, candidate rows out (extract_read.c),
** and the passes that resolve them into the rows of the table
** (extract_pass.c).
*/
#ifndef PMEXT_EXTRACT_READ_H
#define PMEXT_EXTRACT_READ_H

#include "extract_scan.h"

/* The columns of a row, in this order: kind, dimension, segment, year,
** value, share, decimals, unit, from_year, to_year, note, reason, offset,
** length, match (extract.c describes them). */
#define EXTRACT_COLUMNS 15

typedef enum {
  EX_FIGURE, EX_CAGR, EX_DOMINANT, EX_FASTEST, EX_PERCENT
} ex_kind;

enum { EX_NO_YEAR = 1, EX_NO_SUBJECT = 2 };

/* A candidate row. Its strings are offsets into the reader's arena (-1:
** NULL), valid until the next unit is read. */
typedef struct ex_row {
  ex_kind kind;
  int dimension, segment, note, reason;
  int geo;         /* the segment is this geography (extract_words.h), -1 */
  int market_of;   /* about the market of this geography: placed later */
  int pending_geo; /* about the whole market, its geography still to come */
  int from_table;  /* a share table's row: its label names a segment */
  int pending;     /* EX_NO_YEAR, EX_NO_SUBJECT: decided at the sentence's end */
  int list;        /* rows of one list of a sentence share a number, 0 none */
  int year, from_year, to_year;          /* 0: NULL */
  int has_value, has_share, decimals;    /* decimals -1: NULL */
  double value, share;
  const char *currency, *scale;          /* currency NULL: unit NULL */
  sqlite3_int64 start, end, cstart, cend; /* bytes and characters */
  sqlite3_int64 ordinal;                 /* rows before it in the text */
} ex_row;

typedef struct ex_reader ex_reader;

/* A reader of the n bytes of text (kept, not copied): 0 when out of
** memory. */
ex_reader *ex_reader_new(const char *text, sqlite3_int64 n, int stray_runs);
void ex_reader_free(ex_reader *r);
/* Back to the start: the same units and rows, in the same order. */
void ex_reader_rewind(ex_reader *r);
/* Reads the next unit: 1, with its rows (maybe none) in text order, or 0
** at the end of the text or when out of memory (ex_reader_oom()). */
int ex_reader_unit(ex_reader *r);
int ex_reader_oom(const ex_reader *r);
/* The rows of the unit just read. */
ex_row *ex_reader_rows(ex_reader *r, int *n);
/* The text. */
const char *ex_reader_text(const ex_reader *r);

/* Arena strings of the current unit. */
const char *ex_str(const ex_reader *r, int offset);  /* NULL for -1 */
int ex_strf(ex_reader *r, const char *format, ...);  /* -1 when out of memory */
void ex_add_reason(ex_reader *r, ex_row *row, const char *format, ...);
void ex_add_note(ex_reader *r, ex_row *row, const char *format, ...);

/* The geography of the text's market, once the text is read: the world
** when a row is about the global market, else the first geography the
** text names for its market (extract_words.h id), or -1. */
int ex_reader_market_geo(const ex_reader *r);

#endif /* PMEXT_EXTRACT_READ_H */
