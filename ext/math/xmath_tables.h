/* SPDX-License-Identifier: MIT */
/*
** xmath_tables.h -- declarations of the constant tables of xmath.c, whose
** definitions tools/gen_xmath_tables.py generates into xmath_tables.c.
** Internal to xmath.c; the bounds here must match the generator's.
** Numeric policy: docs/architecture.md.
*/
#ifndef PMEXT_XMATH_TABLES_H
#define PMEXT_XMATH_TABLES_H

/* Index range j of xm_log_table: entry j - XM_LOG_JMIN is for 1 + j/256. */
#define XM_LOG_JMIN (-76)
#define XM_LOG_JMAX 108

/* ln 2 and ln(2)/128 as { head, tail }, heads with 41 and 32 significant
** bits; 128/ln 2 rounded. */
extern const double xm_ln2[2];
extern const double xm_ln2_128[2];
extern const double xm_inv_ln2_128;

/* 2^(j/128) as { hi, lo }, j = 0..127. */
extern const double xm_exp_table[128][2];

/* { r, hi, lo }: r the double nearest 1/(1 + j/256), hi + lo = ln(1/r). */
extern const double xm_log_table[XM_LOG_JMAX - XM_LOG_JMIN + 1][3];

#endif /* PMEXT_XMATH_TABLES_H */
