/* SPDX-License-Identifier: MIT */
/*
** xmath_kernels.h -- the kernels of xm_pow_ratio_m1 (logarithm of a
** ratio, division by n, expm1), written once and included twice by
** xmath.c (and by nothing else): once for the build's target, once
** compiled for x86-64's FMA extension where the build's target lacks it.
** The includer defines:
**   XM_FMA        1: each exact product (two_prod, and the residuals
**                 x - q y) is one fma(); 0: Dekker's product (veltkamp()).
**   XM_NAME(f)    the name of kernel f in this copy (f, or f##_fma).
**   XM_KERNEL     the storage class and attributes of the inlined kernels.
**   XM_ENTRY      the same for pow_ratio_m1, the copy's one entry point.
** Nothing else differs between the copies, and the exact product is the
** same exact value either way, so both give the same bits (xmath.c's
** header comment; tests/unit/test_xmath.c checks it). The kernels use
** xmath.c's helpers defined before the include (two_sum, veltkamp, ...).
** No include guard: each inclusion is one more copy.
** Numeric policy: docs/architecture.md.
*/
#define two_prod XM_NAME(two_prod)
#define log_kernel XM_NAME(log_kernel)
#define log_ratio XM_NAME(log_ratio)
#define div_kernel XM_NAME(div_kernel)
#define exp_reduce XM_NAME(exp_reduce)
#define expm1_kernel XM_NAME(expm1_kernel)
#define pow_ratio_m1 XM_NAME(pow_ratio_m1)

/* a * b = p + e exactly (no overflow; |a|, |b| < 2^995 without fma):
** one fma, or Dekker's product with Veltkamp splitting. */
XM_KERNEL xm_dd two_prod(double a, double b) {
  double p = a * b;
#if XM_FMA
  xm_dd r = {p, fma(a, b, -p)};
  return r;
#else
  double ah, al, bh, bl;
  veltkamp(a, &ah, &al);
  veltkamp(b, &bh, &bl);
  xm_dd r = {p, ((ah * bh - p) + ah * bl + al * bh) + al * bl};
  return r;
#endif
}

/* e ln2 + log1p(th + tl) for 1 + th in [sqrt(1/2), sqrt(2)] (give or take
** a few ulp), |tl| <= 2^-50 |th|; hi + lo with |lo| below a few ulp(hi),
** not renormalised (the callers that return it do that). */
XM_KERNEL xm_dd log_kernel(int e, double th, double tl) {
  int j = round_int(th * 256.0);
  const double *row = xm_log_table[j - XM_LOG_JMIN];
  double r = row[0];
  /* u = (1 + t) r - 1 = th r + (r - 1) + tl r = uh + ul, where uh is
  ** available early (two roundings) and ul, |ul| <= 2^-54, comes later. */
  xm_dd p = two_prod(th, r);
  xm_dd q = two_sum(p.hi, r - 1.0);
  double uh = q.hi;
  double ul = q.lo + p.lo + tl * r;
  /* log1p(u) = (uh - uh^2/2) + (ul - uh ul - uh^2 ul + cubic part),
  ** cubic part = uh^3 (1/3 - uh/4 + ... + uh^6/9), in Estrin's scheme */
  xm_dd sq = two_prod(uh, uh);
  double u2 = sq.hi, u4 = u2 * u2;
  double cubic =
      u2 * uh *
      ((1.0 / 3 - 1.0 / 4 * uh) +
       u2 * (1.0 / 5 - 1.0 / 6 * uh) +
       u4 * ((1.0 / 7 - 1.0 / 8 * uh) + u2 * (1.0 / 9)));
  xm_dd l = fast_two_sum(uh, -0.5 * u2);
  double l_lo = l.lo + ((ul - 0.5 * sq.lo) - (uh + u2) * ul + cubic);
  /* + e ln2 + ln(1/r) */
  xm_dd a = two_sum(e * xm_ln2[0], row[1]);
  xm_dd b = two_sum(a.hi, l.hi);
  xm_dd sum = {b.hi, (a.lo + b.lo) + (l_lo + (e * xm_ln2[1] + row[2]))};
  return sum;
}

XM_KERNEL xm_dd log_ratio(double a, double b) {
  int ea, eb;
  double ma = unit_mantissa(a, &ea);
  double mb = unit_mantissa(b, &eb);
  int e = eb - ea;
  double inv = 1.0 / ma;
  /* halve or double mb so that mb/ma is in [sqrt(1/2), sqrt(2)] (give or
  ** take an ulp: the table has a spare entry at each end), comparing
  ** products so as not to wait for the division; without branches, which
  ** random data would mispredict half of the time */
  static const double halve_keep_double[3] = {0.5, 1.0, 2.0};
  int shift = (mb >= ma * SQRT2) - (mb < ma * SQRT_HALF);
  mb *= halve_keep_double[1 - shift];
  e += shift;
  /* t = mb/ma - 1 = d/ma, d exact since mb/ma is in [1/2, 2] */
  double d = mb - ma;
  double th = d * inv;
#if XM_FMA
  double tl = fma(-th, ma, d) * inv;
#else
  xm_dd p = two_prod(th, ma);
  double tl = ((d - p.hi) - p.lo) * inv;
#endif
  return log_kernel(e, th, tl);
}

/* x / y given inv = 1/y rounded, for 2^-995 <= |y| <= 2^995; x need not
** be normalised (|x.lo| a few ulp(x.hi)), nor is the result. */
XM_KERNEL xm_dd div_kernel(xm_dd x, double y, double inv) {
  double q = x.hi * inv;
#if XM_FMA
  double rest = fma(-q, y, x.hi);
#else
  xm_dd p = two_prod(q, y);
  double rest = (x.hi - p.hi) - p.lo;
#endif
  xm_dd r = {q, (rest + x.lo) * inv};
  return r;
}

/* For |x.hi| <= 1500: x = n ln2/128 + r, and p = e^r - 1 as a
** double-double (with n = 0, r is x itself). */
XM_KERNEL xm_dd exp_reduce(xm_dd x, int *n) {
  double shifted = x.hi * xm_inv_ln2_128 + ROUND_SHIFT;
  double nd = shifted - ROUND_SHIFT;
  *n = (int)(int32_t)(uint32_t)bits_of(shifted);
  xm_dd r = two_sum(x.hi - nd * xm_ln2_128[0], x.lo - nd * xm_ln2_128[1]);
  double rh = r.hi;
  xm_dd sq = two_prod(rh, rh);
  double r2 = sq.hi;
  double cubic = r2 * rh *
                 ((1.0 / 6 + 1.0 / 24 * rh) +
                  r2 * ((1.0 / 120 + 1.0 / 720 * rh) +
                        r2 * (1.0 / 5040)));
  xm_dd h = fast_two_sum(rh, 0.5 * sq.hi);
  xm_dd p = {h.hi, h.lo + ((r.lo + 0.5 * sq.lo) + rh * r.lo + cubic)};
  return p;
}

XM_KERNEL double expm1_kernel(xm_dd x) {
  /* e^x - 1 rounds to -1 below -38 (e^-38 < 2^-54); above 709, where e^x
  ** > 2^1022, the 1 is below 2^-1000 ulp and e^x is v e^x with v = 1 */
  if (!(x.hi >= -38.0 && x.hi <= 709.0)) {
    return x.hi > 0.0 ? xm_exp_mul(1.0, x) : x.hi < 0.0 ? -1.0 : x.hi;
  }
  int n;
  xm_dd p = exp_reduce(x, &n);
  if (n == 0) return p.hi + p.lo;
  /* e^x - 1 = (T - 1) + T p + 2^k t1 (1 + p), T = 2^k t0 exact and normal
  ** (-56 <= k <= 1022); T - 1 (exact, two_sum) is ready before p is. T p
  ** is 2^k (t0 p) with t0 p exact (two_prod; Dekker's needs operands
  ** below 2^995, T may be 2^1023), scaled exactly but for parts below
  ** 2^-1022, i.e. 2^-1013 of the result (which is above 2^-9). */
  int j = n & 127, k = (n - j) / 128;
  const double *t = xm_exp_table[j];
  double scale_k = pow2(k);
  double big = t[0] * scale_k;
  xm_dd a = two_sum(big, -1.0);
  xm_dd m = two_prod(t[0], p.hi);
  xm_dd s = two_sum(a.hi, m.hi * scale_k);
  return s.hi + ((s.lo + a.lo) + (m.lo * scale_k + big * p.lo +
                                  t[1] * scale_k * (1.0 + p.hi)));
}

/* The three kernels inlined into one function: no double-double crosses a
** call, and 1/n is computed while the logarithm is. n outside [2^-995,
** 2^995] (negative n too: xmath.h asks for n > 0) takes the generic route,
** which gives the same bits. */
XM_ENTRY double pow_ratio_m1(double a, double b, double n) {
  if (!(n >= 0x1p-995 && n <= 0x1p995)) {
    return xm_expm1(xm_div_d(xm_log_ratio(a, b), n));
  }
  double inv = 1.0 / n;
  return expm1_kernel(div_kernel(log_ratio(a, b), n, inv));
}

#undef two_prod
#undef log_kernel
#undef log_ratio
#undef div_kernel
#undef exp_reduce
#undef expm1_kernel
#undef pow_ratio_m1
