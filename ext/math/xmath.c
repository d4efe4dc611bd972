/* SPDX-License-Identifier: MIT */
/*
** xmath.c -- extended-precision logarithm and exponential in double-double
** arithmetic, see xmath.h. Numeric policy: docs/architecture.md (these
** kernels are what its "same digits on every platform" rests on).
**
** How it works
**
** Building blocks, all exact: two_sum (a + b = s + e), fast_two_sum (the
** same when |a| >= |b|) and two_prod (a * b = p + e): one fma, or
** Dekker's product with Veltkamp splitting, exact for operands below
** 2^995 (on x86-64 built for the baseline ISA fma() is a library call,
** slower than the extra flops). The residuals of the quotients, x - q y,
** are formed as one fma, or as (x - p) - e from two_prod's p + e with
** x - p exact (Sterbenz): the same exact value rounded once either way.
** fma is used nowhere else (no fused polynomial steps), so the two
** flavours give bit-identical results.
**
** Which flavour. The kernels are written once, in xmath_kernels.h, and
** included here once for the build's target: fma where the compiler says
** it is a fast instruction (FP_FAST_FMA: AArch64, x86-64 built with -mfma),
** else Dekker's. On x86-64 built for the baseline ISA with GCC or clang
** they are included a second time, compiled for FMA3
** (__attribute__((target("fma")))), and the one choice is made at the top
** of xm_pow_ratio_m1 (cagr's call): a predictable test of the CPU feature
** bits that the compiler's runtime read at load time. Every other entry
** point uses the build's flavour. tests/unit/test_xmath.c checks both
** copies against the vectors and against each other.
**
** Fused cagr. xm_pow_ratio_m1(a, b, n) = (b/a)^(1/n) - 1 inlines the
** logarithm, the division and expm1 below into one function (no
** double-double crosses a call; 1/n is computed while the logarithm is;
** the sums between the kernels are not renormalised: a quotient's residual
** absorbs an unnormalised lo of a few ulp(hi) with one rounding of 2^-104
** relative, and exp's reduction takes any lo).
**
** Logarithm. A positive number is written 2^e * (1 + t) with 1 + t in
** [sqrt(1/2), sqrt(2)], t = th + tl known to about 2^-102 relative:
**  - xm_log_ratio(a, b): a = ma 2^ea, b = mb 2^eb with ma, mb in [1, 2);
**    one of them is doubled so that mb/ma lies in that interval. Then
**    t = (mb - ma)/ma, where mb - ma is exact (Sterbenz) and the quotient is
**    formed as th = d * (1/ma) plus its residual: no cancellation ever, also
**    when b/a is within an ulp of 1, and b/a itself is never formed (it may
**    overflow a double).
**  - xm_log1p(x): 1 + x = s + e exactly (two_sum), split likewise.
** The halving or doubling compares mb with ma sqrt2 and ma sqrt(1/2),
** rounded products, so mb/ma may end up an ulp or two outside the interval;
** j below then lies in -75..106, inside the table's -76..108.
** Table reduction: j = round(256 th), r = the double nearest
** 1/(1 + j/256) (185 entries, j = -76..108), u = (1 + t) r - 1 =
** th r + (r - 1) + tl r = uh + ul: th r exactly (two_prod), r - 1 exact
** (Sterbenz), their sum exactly (two_sum); ul gathers the low parts, one
** rounding on a term below 2^-54. |u| <= 2^-8.4. Then
**     ln(2^e (1 + t)) = e ln2 + ln(1/r) + log1p(u),
** with ln(1/r) from the table as a double-double (2^-106 relative), e ln2
** with a 41-bit head (exact for |e| < 2^12) and a tail, and
**     log1p(u) = u - u^2/2 + u^3 (1/3 - u/4 + ... + u^6/9),
** u - u^2/2 in double-double (uh^2 exact by two_prod, plus the cross term
** uh ul), the cubic part from uh in double (Estrin's scheme) plus its
** first-order term uh^2 ul.
** Error: truncation |u|^9/10 < 2^-79 |u|; the cubic part is below
** 2^-18.2 |u| and carries a few roundings of 2^-53 (under 8 in all):
** 2^-68.2 |u|. For e = 0 and j = 0 the result is log1p(u) itself, so that
** bound is relative. Otherwise |result| >= 2^-9.8 > |u|/2, so it is below
** 2^-67.2 relative, and every other error is below 2^-100 absolute. So the
** logarithm is within 2^-67 relative of exact, always.
**
** Exponential. x = xh + xl, |xh| <= 1500. n = round(x 128/ln2), j = n mod
** 128, k = (n - j)/128, r = x - n ln2/128 with ln2/128 split into a 32-bit
** head (n * head exact for |n| < 2^21, and xh - n * head exact by
** Sterbenz) and a tail: |r| <= 2^-8.5, absolute error below 2^-73 (tail
** rounding and truncation at |n| <= 2^18.1). Then
**     e^r - 1 = r + r^2/2 + r^3 (1/6 + r/24 + ... + r^4/5040)
** (truncation r^8/8! < 2^-83; the cubic part, below 2^-27.1, carries
** under 8 roundings of 2^-53: 2^-77 absolute, 2^-68.5 relative to r), and
** e^x = 2^k * 2^(j/128) * (1 + (e^r - 1)) with 2^(j/128) a double-double
** from the table, multiplied out exactly (two_prod) up to 2^-104.
** So e^x is known to 2^-68 relative (2^-68.5 in exp's own steps plus the
** reduction error). expm1: for n = 0 it is e^r - 1 itself (relative error
** 2^-68.5). For n != 0 (and x <= 709) it is written
**     e^x - 1 = (T - 1) + T p + 2^k t1 (1 + p),   T = 2^k t0,
** T exact and normal (-56 <= k <= 1022), T - 1 exact (two_sum), T p.hi
** exact (two_prod of t0 p.hi, then scaled by 2^k: exact but for parts
** below 2^-1022), their sum exact (two_sum); the rest is below 2^-51 of
** max(T, 1) and carries roundings of 2^-53 of it. |x| > 2^-9.6 here, so
** |e^x / (e^x - 1)| < 2^9.1, and with the 2^-68 of e^x the relative error
** of e^x - 1 stays below 2^-60. Above 709, e^x > 2^1022 and the 1 is
** below 2^-1000 ulp: expm1 is xm_exp_mul(1, x), which rounds once.
** The final sum rounds once: at most 0.5 ulp + 2^-7 ulp of the result.
** Errors carried in: a relative error d in x becomes a relative error
** |x| d in e^x (and at most d in e^x - 1 for |x| < 1), so the logarithm's
** 2^-67 costs |x| 2^-67, i.e. 0.04 ulp at |x| = 709 (the largest finite
** e^x) and 0.09 ulp at |x| = 1454 (the largest for v * e^x).
**
** Those bounds give at most 0.5 + 2^-7 + 0.09 < 0.61 ulp for
** (b/a)^(1/n) - 1 and for xm_exp_mul(v, y ln(1+r)) = v (1+r)^y on every
** normal result (and 0.55 ulp where |x| <= 709). That is the bound of
** these kernels, not of project()/discount(), which try a pow() fast path
** first (growth.c: below 1.58 ulp); tests/bench/accuracy.py measures both
** against mpmath.
*/
#include "xmath.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "xmath_tables.h"

/* The error-free transformations below must run as written: no fused
** multiply-add contracted behind our back (GCC does not in ISO C mode).
** Caveat: GCC 12's SLP vectorizer still forms vfmsubadd (a fused multiply
** with an add/sub pair) in xm_div_d when the whole file is built with
** -mfma or -march=haswell and later, which breaks fast_two_sum there (up
** to 0.71 ulp seen in cagr through the generic route); add
** -fno-tree-slp-vectorize to such builds (the Makefile's EXACT_FP does). */
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif
/* -ffast-math reassociates sums (two_sum's error term becomes 0) and
** assumes there is no Inf or NaN (isfinite() becomes 1): the results would
** be silently wrong, so such builds are refused. GCC names its parts too;
** clang's -funsafe-math-optimizations alone defines nothing to test (the
** Makefile adds -fno-associative-math -fno-reciprocal-math after CFLAGS). */
#if defined(__FAST_MATH__) || defined(__ASSOCIATIVE_MATH__) || \
    defined(__RECIPROCAL_MATH__) || \
    (defined(__FINITE_MATH_ONLY__) && __FINITE_MATH_ONLY__)
#error "pmext needs exact IEEE arithmetic: build without -ffast-math, -Ofast, -ffinite-math-only"
#endif

#define SQRT2 0x1.6a09e667f3bcdp+0
#define SQRT_HALF 0x1.6a09e667f3bcdp-1
#define ROUND_SHIFT 0x1.8p52 /* (x + 1.5*2^52) - 1.5*2^52 rounds x to an integer */

/* ---- exact double-double building blocks ---- */

/* a + b = s + e exactly, for any a, b (Knuth). */
static inline xm_dd two_sum(double a, double b) {
  double s = a + b;
  double bb = s - a;
  xm_dd r = {s, (a - (s - bb)) + (b - bb)};
  return r;
}

/* a + b = s + e exactly, when a == 0 or exponent(a) >= exponent(b). */
static inline xm_dd fast_two_sum(double a, double b) {
  double s = a + b;
  xm_dd r = {s, b - (s - a)};
  return r;
}

/* XM_TARGET_FMA: 1 where fma() is a fast instruction of the build's
** target, see above. */
#if defined(FP_FAST_FMA)
#define XM_TARGET_FMA 1
#else
#define XM_TARGET_FMA 0
#endif

#if defined(__GNUC__)
#define XM_INLINE static inline __attribute__((always_inline))
#else
#define XM_INLINE static inline
#endif

/* a = hi + lo, each half with 26 significant bits (Dekker's splitting). */
XM_INLINE void veltkamp(double a, double *hi, double *lo) {
  double c = 0x1.0000002p27 * a; /* (2^27 + 1) a */
  *hi = c - (c - a);
  *lo = a - *hi;
}


/* ---- exponent handling without libm calls ---- */

static inline uint64_t bits_of(double x) {
  uint64_t b;
  memcpy(&b, &x, sizeof b);
  return b;
}

static inline double double_of(uint64_t b) {
  double x;
  memcpy(&x, &b, sizeof x);
  return x;
}

/* x = m 2^e with 1 <= |m| < 2, for finite x != 0 (subnormals too). */
static inline double unit_mantissa(double x, int *e) {
  uint64_t b = bits_of(x);
  int bias = 0;
  if ((b >> 52 & 0x7ff) == 0) {
    b = bits_of(x * 0x1p64);
    bias = 64;
  }
  *e = (int)(b >> 52 & 0x7ff) - 1023 - bias;
  return double_of((b & 0x800fffffffffffffu) | 0x3ff0000000000000u);
}

/* round(x) for |x| < 2^31, read from the low bits of x + 1.5 2^52 (whose
** last place is 1) instead of converting back from double. */
static inline int round_int(double x) {
  return (int)(int32_t)(uint32_t)bits_of(x + ROUND_SHIFT);
}

/* 2^k for -1022 <= k <= 1023. */
static inline double pow2(int k) {
  return double_of((uint64_t)(k + 1023) << 52);
}

/* x 2^k for |k| <= 2044: exact while the result is normal, one rounding
** when it is subnormal, +-Inf when it overflows. */
static inline double scale(double x, int k) {
  if (k >= -1022 && k <= 1023) return x * pow2(k);
  int half = k / 2;
  return x * pow2(half) * pow2(k - half);
}

/* ---- the kernels, compiled for the build's target ---- */

#define XM_FMA XM_TARGET_FMA
#define XM_NAME(f) f
#define XM_KERNEL XM_INLINE
#define XM_ENTRY static
#include "xmath_kernels.h"

/* ---- logarithm ---- */

xm_dd xm_log_ratio(double a, double b) {
  xm_dd l = log_ratio(a, b);
  return fast_two_sum(l.hi, l.lo);
}

xm_dd xm_log1p(double x) {
  xm_dd l;
  if (x >= SQRT_HALF - 1.0 && x <= SQRT2 - 1.0) {
    l = log_kernel(0, x, 0.0);
    return fast_two_sum(l.hi, l.lo);
  }
  xm_dd s = two_sum(1.0, x); /* 1 + x exactly; s.hi > 0 */
  int e;
  double m = unit_mantissa(s.hi, &e);
  if (m >= SQRT2) {
    m *= 0.5;
    e += 1;
  }
  xm_dd t = two_sum(m - 1.0, scale(s.lo, -e));
  l = log_kernel(e, t.hi, t.lo);
  return fast_two_sum(l.hi, l.lo);
}

/* ---- products and quotients ---- */

/* The rescaling branches of xm_mul_d and xm_div_d recurse once (twice for
** a subnormal divisor): y is finite and nonzero there, and 2^100 moves it
** into [2^-995, 2^995] from anywhere in the double range. Inf, NaN and a
** zero divisor are answered directly: scaling them changes nothing, so
** they would recurse forever. */
/* x times a power of two s: exact unless it overflows or underflows. */
static xm_dd scaled(xm_dd x, double s) {
  xm_dd r = {x.hi * s, x.lo * s};
  return r;
}

/* Dekker's splitting multiplies by 2^27 + 1, and the kernels form q * y:
** operands above 2^995 are scaled down by 2^-100 first (and the result
** back up), so no intermediate overflows while the result is finite. The
** scaled operand is at most 2^924, so each function recurses once per
** operand at most; infinite or NaN operands return at once. */
#define XM_BIG 0x1p995

xm_dd xm_mul_d(xm_dd x, double y) {
  if (!isfinite(y) || !isfinite(x.hi)) {
    xm_dd r = {x.hi * y, 0.0};
    return r;
  }
  if (fabs(y) > XM_BIG) return scaled(xm_mul_d(x, y * 0x1p-100), 0x1p100);
  if (fabs(x.hi) > XM_BIG) {
    return scaled(xm_mul_d(scaled(x, 0x1p-100), y), 0x1p100);
  }
  xm_dd p = two_prod(x.hi, y);
  return fast_two_sum(p.hi, p.lo + x.lo * y);
}

xm_dd xm_div_d(xm_dd x, double y) {
  double ay = fabs(y);
  if (!isfinite(y) || y == 0.0 || !isfinite(x.hi)) {
    xm_dd r = {x.hi / y, 0.0};
    return r;
  }
  if (ay > XM_BIG || ay < 0x1p-995) { /* keep 1/y and the splitting finite */
    double s = ay > 1.0 ? 0x1p-100 : 0x1p100;
    return scaled(xm_div_d(x, y * s), s);
  }
  if (fabs(x.hi) > XM_BIG) {
    return scaled(xm_div_d(scaled(x, 0x1p-100), y), 0x1p100);
  }
  xm_dd r = div_kernel(x, y, 1.0 / y);
  return fast_two_sum(r.hi, r.lo);
}

xm_dd xm_mul(xm_dd x, xm_dd y) {
  xm_dd p = xm_mul_d(x, y.hi);
  return fast_two_sum(p.hi, p.lo + x.hi * y.lo);
}

/* x / (yh + yl) = (x / yh) (1 - yl/yh + ...), and (yl/yh)^2 < 2^-104. */
xm_dd xm_div(xm_dd x, xm_dd y) {
  xm_dd q = xm_div_d(x, y.hi);
  return fast_two_sum(q.hi, q.lo - q.hi * (y.lo / y.hi));
}

xm_dd xm_diff(double a, double b) { return two_sum(a, -b); }

/* ---- exponential ---- */

/* 2^(j/128) (1 + p) as a double-double. */
XM_INLINE xm_dd exp_table_mul(int j, xm_dd p) {
  const double *t = xm_exp_table[j];
  xm_dd m = two_prod(t[0], p.hi);
  xm_dd s = fast_two_sum(t[0], m.hi);
  xm_dd r = {s.hi, s.lo + (m.lo + t[1] * (1.0 + p.hi) + t[0] * p.lo)};
  return r;
}

double xm_expm1(xm_dd x) { return expm1_kernel(x); }

double xm_exp_mul(double v, xm_dd x) {
  if (v == 0.0) return v;
  /* beyond 1500, |v| e^x over- or underflows for every finite v != 0 */
  if (!(x.hi >= -1500.0 && x.hi <= 1500.0)) {
    return x.hi > 0.0 ? copysign(HUGE_VAL, v) : x.hi < 0.0 ? v * 0.0 : x.hi;
  }
  int n;
  xm_dd p = exp_reduce(x, &n);
  int j = n & 127, k = (n - j) / 128;
  xm_dd e = exp_table_mul(j, p);
  int ev;
  double mv = unit_mantissa(v, &ev);
  xm_dd h = two_prod(mv, e.hi);
  double s = h.hi + (h.lo + mv * e.lo); /* |s| in [0.99, 4) */
  k += ev;
  if (k > 1100) return copysign(HUGE_VAL, v);
  if (k < -1200) return v * 0.0;
  return scale(s, k);
}

/* ---- (b/a)^(1/n) - 1 in one piece ---- */

/* x86-64 CPUs since 2013 (Intel Haswell, AMD Piledriver) have FMA3, which
** the baseline ISA of the default build does not assume: there the kernels
** are compiled a second time, for FMA3, and xm_pow_ratio_m1 (cagr's one
** call) takes that copy when the CPU has it (1243 instructions a row
** instead of 1420, make bench-callgrind). The test reads the feature bits
** that the compiler's runtime (libgcc, compiler-rt: not instrumented by
** ThreadSanitizer) writes in a load-time constructor, before dlopen or
** main returns to any caller, and never again: a load and a test of a
** constant, no lock, no race. __builtin_cpu_init() is idempotent; calling
** it from our own constructor only matters were ours to run first. */
#if defined(__x86_64__) && !defined(FP_FAST_FMA) && \
    (defined(__clang__) || (defined(__GNUC__) && __GNUC__ >= 6))
#define XM_DISPATCH 1
#undef XM_FMA
#undef XM_NAME
#undef XM_KERNEL
#undef XM_ENTRY
#define XM_FMA 1
#define XM_NAME(f) f##_fma
#define XM_KERNEL XM_INLINE __attribute__((target("fma")))
#define XM_ENTRY static __attribute__((target("fma")))
#include "xmath_kernels.h"
#define XM_CPU_HAS_FMA() __builtin_cpu_supports("fma")
__attribute__((constructor)) static void xm_cpu_init(void) {
  __builtin_cpu_init();
}
#else
#define XM_DISPATCH 0
#endif

double xm_pow_ratio_m1(double a, double b, double n) {
#if XM_DISPATCH
  if (XM_CPU_HAS_FMA()) return pow_ratio_m1_fma(a, b, n);
#endif
  return pow_ratio_m1(a, b, n);
}

int xm_pow_ratio_m1_copies(double a, double b, double n, double out[2]) {
  out[0] = pow_ratio_m1(a, b, n);
#if XM_DISPATCH
  if (XM_CPU_HAS_FMA()) {
    out[1] = pow_ratio_m1_fma(a, b, n);
    return 2;
  }
#endif
  return 1;
}
