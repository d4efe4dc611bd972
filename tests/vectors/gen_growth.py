#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""gen_growth.py -- high-precision reference values for the analyst scalars
(cagr, project, discount, years_to_reach, interpolate_growth).

Writes tests/vectors/growth.tsv: one line per case,
    function <TAB> arg1,arg2,... <TAB> expected
where the arguments are doubles written so that they read back exactly
(Python repr) and `expected` is the exact result at those double inputs,
computed with mpmath at 60 significant digits and printed with 25, or NULL
where the function is undefined. growth.test checks pmext within 4 ulp.

Needs Debian's python3-mpmath. Run from the repository root:
    /usr/bin/python3 tests/vectors/gen_growth.py > tests/vectors/growth.tsv
The random cases use a fixed seed, so the file is reproducible.
"""
import random
import sys

from mpmath import mp, mpf, exp, log, log1p, expm1, nstr

mp.dps = 60


def cagr(a, b, n):
    a, b, n = mpf(a), mpf(b), mpf(n)
    if not (a > 0 and b >= 0 and n > 0):
        return None
    if b == 0:
        return mpf(-1)
    return expm1(log(b / a) / n)


def project(v, r, y):
    v, r, y = mpf(v), mpf(r), mpf(y)
    if not r > -1:
        return None
    return v * exp(y * log1p(r))


def discount(v, r, y):
    v, r, y = mpf(v), mpf(r), mpf(y)
    if not r > -1:
        return None
    return v * exp(-y * log1p(r))


def years_to_reach(v, t, r):
    v, t, r = mpf(v), mpf(t), mpf(r)
    if not r > -1:
        return None
    if v == t:
        return mpf(0)
    if not ((v > 0 and t > 0) or (v < 0 and t < 0)) or r == 0:
        return None
    return log(t / v) / log1p(r)


def interpolate_growth(x, x0, v0, x1, v1):
    x, x0, v0, x1, v1 = (mpf(a) for a in (x, x0, v0, x1, v1))
    if not (v0 > 0 and v1 > 0) or x0 == x1:
        return None
    return v0 * exp(log(v1 / v0) * (x - x0) / (x1 - x0))


FUNCS = {"cagr": cagr, "project": project, "discount": discount,
         "years_to_reach": years_to_reach,
         "interpolate_growth": interpolate_growth}
DBL_MAX = mpf(sys.float_info.max)


def emit(name, *args):
    value = FUNCS[name](*args)
    if value is not None and abs(value) > DBL_MAX:
        value = None  # overflow: pmext returns NULL
    shown = "NULL" if value is None else nstr(value, 25, min_fixed=-1, max_fixed=-1)
    print(f"{name}\t{','.join(repr(float(a)) for a in args)}\t{shown}")


def finite_project(v, r, y):
    """True when v * (1+r)^y is a finite nonzero double."""
    p = abs(project(v, r, y))
    return mpf(2) ** -1022 <= p <= DBL_MAX


def adversarial(rng):
    """Inputs that break a careless log/exp: ratios within a few ulp of 1,
    at the 1/2, sqrt(2) and 2 reduction boundaries, far outside the double
    range; tiny and huge horizons; results near overflow."""
    eps = 2.0**-52
    for k in (1, 2, 3, 5, -1, -2, -3, -5):
        for n in (1e-3, 1, 10, 1e6):
            emit("cagr", 1.0, 1.0 + k * eps / (2 if k < 0 else 1), n)
            emit("cagr", 7.25, 7.25 * (1 + k * eps), n)
    for base in (0.5, 2.0, 2**0.5, 2**-0.5, 4.0, 0.25):
        for k in (-2, -1, 0, 1, 2):
            ratio = base * (1 + k * eps)
            for n in (1e-3, 0.7, 3, 1e6):
                emit("cagr", 3.0, 3.0 * ratio, n)
    for e_a, e_b in ((-300, 300), (300, -300), (-307, 308), (308, -307),
                     (-320, 0), (0, -320), (-323, 300), (1, 200)):
        for n in (1e-3, 1, 2.5, 50, 1e6):
            emit("cagr", 10.0**e_a, 10.0**e_b * 1.2345, n)
    for _ in range(40):  # results near overflow and near -1
        a = 10 ** rng.uniform(-5, 5)
        n = 10 ** rng.uniform(-3, 0)
        b = a * 10 ** rng.uniform(-300, 300)
        if 0 < b < 1e308:
            emit("cagr", a, b, n)
    for n in (1e-3, 0.1, 1, 7, 1e6):  # rates 1e-12..10 back from cagr
        for g in (1e-12, 1e-6, 0.05, 1, 10, -0.5, -0.999, -1e-9):
            b = float(project(1, g, n))
            if 0 < b < 1e308:
                emit("cagr", 1.0, b, n)
    for r in (1e-12, -1e-12, 1e-6, 0.05, -0.05, 0.4142, -0.2929, 1, 10,
              -0.5, -0.999, -0.999999, 2**-52, -(2**-53), 1e300):
        for y in (-1e6, -1e3, -1, 1e-3, 0.5, 3, 1e3, 1e6):
            for v in (1.0, -3.5, 1e-300, 1e300):
                if finite_project(v, r, y):
                    emit("project", v, r, y)
    for y in (709.0, 709.7, 709.78):  # e^y near the top of the range
        emit("project", 1.0, float(expm1(mpf(1))), y)
        emit("cagr", 1.0, 1e308, float(log(mpf(1e308)) / y))


def main():
    rng = random.Random(20261129)
    # Worked examples and edge cases.
    emit("cagr", 578.14, 1094.83, 10)
    emit("cagr", 10000, 19500, 3)
    emit("cagr", 1, 1 + 2**-52, 1)          # ratio one ulp above 1
    emit("cagr", 1, 1 - 2**-53, 1e6)        # ratio one ulp below 1
    emit("cagr", 1e-300, 1e300, 1e6)        # ratio overflows a double
    emit("cagr", 1e300, 1e-300, 1e6)        # ratio underflows a double
    emit("cagr", 3, 0, 5)
    emit("discount", 1624.34380541587, 0.1137, 9)
    emit("discount", 1, 1e-12, 1e6)
    emit("discount", 1, -0.5, 1000)         # overflow: NULL
    emit("discount", 5, -1, 1)              # rate -1: NULL
    emit("years_to_reach", 578.14, 1094.83, 0.0659365821079720)
    emit("years_to_reach", 1, 1 + 2**-52, 1e-12)
    emit("years_to_reach", 100, 50, 0.1)    # target in the past
    emit("years_to_reach", 100, 100, 0)     # already there
    emit("years_to_reach", 100, 200, 0)     # never: NULL
    emit("years_to_reach", 100, -200, 0.1)  # opposite sign: NULL
    emit("interpolate_growth", 2029, 2024, 578.14, 2034, 1094.83)
    emit("interpolate_growth", 2024, 2024, 578.14, 2034, 1094.83)
    emit("interpolate_growth", 2040, 2024, 578.14, 2034, 1094.83)
    emit("interpolate_growth", 2030, 2030, 1, 2030, 2)  # same year: NULL
    emit("project", 616.26, 0.1137, 9)
    emit("project", 1, 1e-12, 1e6)
    emit("project", 1, -1e-12, 1e6)
    emit("project", 1, 10, 296)             # near the top of the double range
    emit("project", 1, 0.05, -1e4)          # a long back-cast
    emit("project", 1e-300, 10, 500)        # tiny value, huge growth factor
    adversarial(rng)
    # Random cases: rates from 1e-12 to 10, horizons up to 1e6 years.
    for _ in range(300):
        rate = 10 ** rng.uniform(-12, 1) * rng.choice([1, 1, 1, -0.09])
        years = 10 ** rng.uniform(-1, 6)
        years = round(years) if rng.random() < 0.5 else years
        value = 10 ** rng.uniform(-3, 6)
        # keep the result finite so the case measures accuracy, not overflow
        if abs(years * float(log1p(mpf(rate)))) > 700:
            years = 700 / abs(float(log1p(mpf(rate))))
        emit("project", value, rate, years)
        end = float(project(value, rate, years) * mpf(1 + rng.uniform(-1e-3, 1e-3)))
        if end != float("inf"):
            emit("cagr", value, end, years)
        emit("discount", value, rate, years)
        if end != float("inf"):
            emit("years_to_reach", value, end, rate)
            emit("years_to_reach", -end, -value, rate)
    # interpolate_growth: annual series a few years apart, and far
    # extrapolation (up to 1e6 years) at small growth rates.
    for _ in range(150):
        year0 = rng.uniform(1900, 2100)
        span = 10 ** rng.uniform(-1, 2)
        rate = 10 ** rng.uniform(-12, 1) * rng.choice([1, 1, -0.09])
        value0 = 10 ** rng.uniform(-3, 6)
        value1 = float(project(value0, rate, span))
        reach = 10 ** rng.uniform(-1, 6)
        if abs(reach * float(log1p(mpf(rate)))) > 700:
            reach = 700 / abs(float(log1p(mpf(rate))))
        year = year0 + rng.choice([1, -1]) * reach
        emit("interpolate_growth", year, year0, value0, year0 + span, value1)
        emit("interpolate_growth", year0 + rng.uniform(0, span), year0, value0,
             year0 + span, value1)


if __name__ == "__main__":
    main()
