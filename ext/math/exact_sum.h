/* SPDX-License-Identifier: MIT */
/*
** exact_sum.h -- an exact running sum of doubles (and of products of two
** doubles) in fixed memory: a fixed-point superaccumulator. Pure C11, no
** SQLite types.
**
** The state holds the sum as one integer multiple of 2^-1074 (the smallest
** subnormal) across the whole double range plus 64 bits of headroom, so
** adding, removing and merging are exact integer operations: the sum does
** not depend on the order of the inputs, removing a value undoes adding it
** exactly, and two partial states merge without losing a digit. The state
** is plain memory with no pointers: it may be copied byte for byte (e.g.
** serialised as a bytea) and all zero bytes are an empty sum.
**
**     exact_sum s;
**     exact_sum_init(&s);
**     exact_sum_add(&s, 1e308); exact_sum_add(&s, 1.0); exact_sum_sub(&s, 1e308);
**     double v;
**     if (exact_sum_result(&s, &v) == EXACT_SUM_OK) ...   v == 1.0
**
** Non-finite inputs (+-Inf, NaN) and products of magnitude 2^1024 or more
** are not summed: they are counted (add +1, sub -1), and while the count
** is not zero the result is EXACT_SUM_NONFINITE. Products are exact except
** for the part below 2^-1074, which is dropped (truncated towards zero, the
** same way by add and sub, so sub still undoes add exactly). At most 2^62
** additions in all; sizeof(exact_sum) is 560 bytes.
** Numeric policy: docs/architecture.md.
*/
#ifndef PMEXT_EXACT_SUM_H
#define PMEXT_EXACT_SUM_H

#include <stdint.h>

/* 68 limbs of 32 bits (each an int64, the upper half for deferred
** carries): bit 0 of limb 0 is 2^-1074; a double's top bit is 2^1023,
** limb 65, so limbs 66 and 67 are headroom for carries. */
#define EXACT_SUM_LIMBS 68

typedef struct exact_sum {
  int64_t limb[EXACT_SUM_LIMBS]; /* sum of limb[i] * 2^(32 i - 1074) */
  int64_t pending;   /* additions since the carries were last propagated */
  int64_t nonfinite; /* non-finite inputs added minus those removed */
} exact_sum;

typedef enum {
  EXACT_SUM_OK = 0,        /* the result is the correctly rounded sum */
  EXACT_SUM_OVERFLOW = 1,  /* the sum rounds to a magnitude >= 2^1024 */
  EXACT_SUM_NONFINITE = 2  /* a non-finite input is in the sum */
} exact_sum_status;

void exact_sum_init(exact_sum *s);

/* s += x, s -= x: exact for finite x (a non-finite x is counted). */
void exact_sum_add(exact_sum *s, double x);
void exact_sum_sub(exact_sum *s, double x);

/* s += a*b, s -= a*b: the exact product (bits below 2^-1074 dropped); a
** non-finite operand or a product of magnitude >= 2^1024 is counted as a
** non-finite input. */
void exact_sum_add_product(exact_sum *s, double a, double b);
void exact_sum_sub_product(exact_sum *s, double a, double b);

/* s += t, exactly (the non-finite counts add too). */
void exact_sum_merge(exact_sum *s, const exact_sum *t);

/* The sum rounded once to the nearest double (ties to even): EXACT_SUM_OK
** with *out set; EXACT_SUM_OVERFLOW with *out = +-HUGE_VAL; or
** EXACT_SUM_NONFINITE with *out = 0. Never NaN. */
exact_sum_status exact_sum_result(const exact_sum *s, double *out);

/* The same as a value: the correctly rounded sum, +-HUGE_VAL when it
** overflows, 0 when a non-finite input is in the sum (then the status
** tells). */
double exact_sum_value(const exact_sum *s);

/* The sum as hi + lo: hi correctly rounded, lo the rest of the exact sum
** correctly rounded (so hi + lo is within 2^-106 relative of the sum, or
** exact). Same status as exact_sum_result(); lo = 0 unless EXACT_SUM_OK. */
exact_sum_status exact_sum_result2(const exact_sum *s, double *hi, double *lo);

/* The sign of the exact sum: -1, 0 or 1 (of the finite inputs). */
int exact_sum_sign(const exact_sum *s);

#endif /* PMEXT_EXACT_SUM_H */
