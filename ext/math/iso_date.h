/* SPDX-License-Identifier: MIT */
/*
** iso_date.h -- the dates xirr() and xnpv() read as text, pure C (no
** SQLite types): 'YYYY-MM-DD' of a real proleptic Gregorian calendar date,
** optionally followed by ' ' or 'T' and a time of day as SQLite writes it
** (HH:MM, HH:MM:SS or HH:MM:SS.fff), which is dropped. Every engine reads
** text dates with this one rule (SQLite's sql/args.c, DuckDB's duckdb/).
*/
#ifndef PMEXT_ISO_DATE_H
#define PMEXT_ISO_DATE_H

#include <stddef.h>

/* 1 with *julian the julian day number of the date's midnight (what
** SQLite's julianday('YYYY-MM-DD') gives) when text[0..n) is such a date;
** else 0. */
int iso_date_julian(const char *text, size_t n, double *julian);

#endif /* PMEXT_ISO_DATE_H */
