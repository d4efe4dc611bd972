/* SPDX-License-Identifier: MIT */
/*
** exact_sum.c -- the fixed-point superaccumulator of exact_sum.h.
**
** How it works:
**   - A finite double is m * 2^q with m < 2^53 an integer, q >= -1074. In
**     units of 2^-1074 it is m shifted left by P = q + 1074 (0..2045),
**     three 32-bit digits at limbs P/32 .. P/32 + 2. Adding is three signed
**     integer additions into int64 limbs; carries are deferred: a limb
**     takes less than 2^32 per addition, so 2^30 additions fit in an int64
**     before carry() must bring each limb back to 0 .. 2^32-1 (the top limb
**     keeps the sign).
**   - A product a*b is the 106-bit integer ma * mb (four 32-bit digits,
**     from 32 x 32 -> 64 bit multiplications) shifted by qa + qb + 1074,
**     which may be negative: the digits below limb 0 are dropped, i.e. the
**     magnitude is truncated, the same way for add and sub.
**   - The result: a copy is carried and, when negative, negated; its top
**     set bit T gives the 53 bits kept, the next bit and whether any bit
**     below is set (sticky) round them to nearest, ties to even; the
**     rounded integer times a power of two is then exact in ldexp (or
**     overflows to Inf, reported as EXACT_SUM_OVERFLOW).
** Numeric policy: docs/architecture.md.
*/
#include "exact_sum.h"

#include <math.h>
#include <string.h>

#define DIGIT_MASK 0xffffffffu
#define CARRY_EVERY ((int64_t)1 << 30)
#define TOP_BIT_LIMIT 2098 /* bit index of 2^1024 */

void exact_sum_init(exact_sum *s) { memset(s, 0, sizeof *s); }

/* Bring every limb but the top one to 0 .. 2^32-1, keeping the value. */
static void carry(exact_sum *s) {
  for (int i = 0; i < EXACT_SUM_LIMBS - 1; i++) {
    if (s->limb[i] == 0) continue; /* most limbs of a sum are 0 */
    int64_t low = (int64_t)((uint64_t)s->limb[i] & DIGIT_MASK);
    s->limb[i + 1] += (s->limb[i] - low) / ((int64_t)1 << 32);
    s->limb[i] = low;
  }
  s->pending = 1;
}

static void count_addition(exact_sum *s) {
  if (++s->pending >= CARRY_EVERY) carry(s);
}

/* x = m * 2^(P - 1074): 1 with *m, *p, *negative set; 0 when x is not
** finite. */
static int split_double(double x, uint64_t *m, int *p, int *negative) {
  uint64_t bits;
  memcpy(&bits, &x, sizeof bits);
  int e = (int)((bits >> 52) & 0x7ff);
  uint64_t frac = bits & (((uint64_t)1 << 52) - 1);
  if (e == 0x7ff) return 0;
  *negative = (int)(bits >> 63);
  *m = e == 0 ? frac : frac | ((uint64_t)1 << 52);
  *p = e == 0 ? 0 : e - 1;
  return 1;
}

static void add_signed(exact_sum *s, double x, int sign) {
  uint64_t m;
  int p, negative;
  if (!split_double(x, &m, &p, &negative)) {
    s->nonfinite += sign;
    return;
  }
  if (m == 0) return;
  if (negative) sign = -sign;
  int k = p >> 5, shift = p & 31;
  uint64_t rest = m >> (32 - shift);
  int64_t d0 = (int64_t)((m << shift) & DIGIT_MASK);
  int64_t d1 = (int64_t)(rest & DIGIT_MASK), d2 = (int64_t)(rest >> 32);
  s->limb[k] += sign * d0;
  s->limb[k + 1] += sign * d1;
  s->limb[k + 2] += sign * d2;
  count_addition(s);
}

void exact_sum_add(exact_sum *s, double x) { add_signed(s, x, 1); }
void exact_sum_sub(exact_sum *s, double x) { add_signed(s, x, -1); }

static int bit_length(uint64_t v) {
  int n = 0;
  while (v) {
    n++;
    v >>= 1;
  }
  return n;
}

static void add_product_signed(exact_sum *s, double a, double b, int sign) {
  uint64_t ma, mb;
  int pa, pb, na, nb;
  if (!split_double(a, &ma, &pa, &na) || !split_double(b, &mb, &pb, &nb)) {
    s->nonfinite += sign;
    return;
  }
  if (ma == 0 || mb == 0) return;
  if (na != nb) sign = -sign;
  /* ma * mb as four 32-bit digits */
  uint64_t a0 = ma & DIGIT_MASK, a1 = ma >> 32, b0 = mb & DIGIT_MASK,
           b1 = mb >> 32;
  uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  uint64_t digit[4];
  uint64_t t = (p00 >> 32) + (p01 & DIGIT_MASK) + (p10 & DIGIT_MASK);
  digit[0] = p00 & DIGIT_MASK;
  digit[1] = t & DIGIT_MASK;
  t = (t >> 32) + (p01 >> 32) + (p10 >> 32) + (p11 & DIGIT_MASK);
  digit[2] = t & DIGIT_MASK;
  digit[3] = (t >> 32) + (p11 >> 32);
  /* position of digit 0 in bits from 2^-1074: (pa-1074)+(pb-1074)+1074 */
  int p = pa + pb - 1074;
  if (p > TOP_BIT_LIMIT - 107) { /* both operands large, so digit[3] > 0 */
    if (p + 96 + bit_length(digit[3]) - 1 >= TOP_BIT_LIMIT) {
      s->nonfinite += sign;
      return;
    }
  }
  int k = p >= 0 ? p / 32 : -((31 - p) / 32), shift = p - 32 * k;
  int back = 32 - shift; /* digit >> 32 is 0: no case for shift 0 */
  int64_t e[5] = {
      (int64_t)((digit[0] << shift) & DIGIT_MASK),
      (int64_t)(((digit[1] << shift) | (digit[0] >> back)) & DIGIT_MASK),
      (int64_t)(((digit[2] << shift) | (digit[1] >> back)) & DIGIT_MASK),
      (int64_t)(((digit[3] << shift) | (digit[2] >> back)) & DIGIT_MASK),
      (int64_t)(digit[3] >> back)};
  if (k >= 0) { /* all five limbs exist: below the top by the check above */
    for (int i = 0; i < 5; i++) s->limb[k + i] += sign * e[i];
  } else { /* a product below 2^-1042: the digits below limb 0 dropped */
    for (int i = 0; i < 5; i++) {
      if (k + i >= 0) s->limb[k + i] += sign * e[i];
    }
  }
  count_addition(s);
}

void exact_sum_add_product(exact_sum *s, double a, double b) {
  add_product_signed(s, a, b, 1);
}

void exact_sum_sub_product(exact_sum *s, double a, double b) {
  add_product_signed(s, a, b, -1);
}

void exact_sum_merge(exact_sum *s, const exact_sum *t) {
  exact_sum u = *t;
  carry(&u);
  carry(s);
  for (int i = 0; i < EXACT_SUM_LIMBS; i++) s->limb[i] += u.limb[i];
  s->nonfinite += u.nonfinite;
  s->pending = 2;
}

/* Carry a copy and make it non-negative: its sign, -1 0 or 1. */
static int magnitude(const exact_sum *s, exact_sum *m) {
  *m = *s;
  carry(m);
  int sign = 1;
  if (m->limb[EXACT_SUM_LIMBS - 1] < 0) {
    for (int i = 0; i < EXACT_SUM_LIMBS; i++) m->limb[i] = -m->limb[i];
    carry(m);
    sign = -1;
  }
  for (int i = 0; i < EXACT_SUM_LIMBS; i++) {
    if (m->limb[i] != 0) return sign;
  }
  return 0;
}

int exact_sum_sign(const exact_sum *s) {
  exact_sum m;
  return magnitude(s, &m);
}

/* Bits b .. b+63 of the carried, non-negative m. */
static uint64_t bits_from(const exact_sum *m, int b) {
  int i = b >> 5, shift = b & 31;
  uint64_t v = (uint64_t)m->limb[i] >> shift;
  if (i + 1 < EXACT_SUM_LIMBS) v |= (uint64_t)m->limb[i + 1] << (32 - shift);
  if (shift > 0 && i + 2 < EXACT_SUM_LIMBS) {
    v |= (uint64_t)m->limb[i + 2] << (64 - shift);
  }
  return v;
}

/* Is any of bits 0 .. b-1 of m set? */
static int any_below(const exact_sum *m, int b) {
  int i = b >> 5;
  for (int j = 0; j < i; j++) {
    if (m->limb[j] != 0) return 1;
  }
  uint64_t mask = ((uint64_t)1 << (b & 31)) - 1;
  return ((uint64_t)m->limb[i] & mask) != 0;
}

exact_sum_status exact_sum_result(const exact_sum *s, double *out) {
  *out = 0.0;
  if (s->nonfinite != 0) return EXACT_SUM_NONFINITE;
  exact_sum m;
  int sign = magnitude(s, &m);
  if (sign == 0) return EXACT_SUM_OK;
  if ((uint64_t)m.limb[EXACT_SUM_LIMBS - 1] >> 32) { /* >= 2^1070 */
    *out = sign * HUGE_VAL;
    return EXACT_SUM_OVERFLOW;
  }
  int j = EXACT_SUM_LIMBS - 1;
  while (m.limb[j] == 0) j--;
  int top = 32 * j + bit_length((uint64_t)m.limb[j]) - 1;
  if (top >= TOP_BIT_LIMIT) {
    *out = sign * HUGE_VAL;
    return EXACT_SUM_OVERFLOW;
  }
  if (top <= 52) { /* an integer below 2^53 times 2^-1074: exact */
    *out = sign * ldexp((double)bits_from(&m, 0), -1074);
    return EXACT_SUM_OK;
  }
  int lsb = top - 52;
  uint64_t kept = bits_from(&m, lsb);
  int round = (int)(bits_from(&m, lsb - 1) & 1);
  if (round && ((kept & 1) || any_below(&m, lsb - 1))) kept++;
  double v = ldexp((double)kept, lsb - 1074);
  if (isinf(v)) {
    *out = sign * HUGE_VAL;
    return EXACT_SUM_OVERFLOW;
  }
  *out = sign * v;
  return EXACT_SUM_OK;
}

double exact_sum_value(const exact_sum *s) {
  double v;
  exact_sum_result(s, &v);
  return v;
}

exact_sum_status exact_sum_result2(const exact_sum *s, double *hi, double *lo) {
  *lo = 0.0;
  exact_sum_status status = exact_sum_result(s, hi);
  if (status != EXACT_SUM_OK) return status;
  exact_sum rest = *s;
  exact_sum_sub(&rest, *hi);
  exact_sum_result(&rest, lo);
  return EXACT_SUM_OK;
}
