#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""accuracy.py -- error in ulp of pmext's analyst scalars, and of the naive
spreadsheet formula written with SQLite's built-in pow()/ln(), against an
exact reference (mpmath at 60 significant digits).

For every analyst scalar the extension registers (cagr, project, discount,
years_to_reach, interpolate_growth; absent ones are listed as skipped), N
random inputs are drawn with a fixed seed: rates from 1e-12 to 10 in
magnitude (log-uniform; negative ones above -1), horizons up to 1e6 years
(log-uniform from 0.01), values from 1e-3 to 1e6. Inputs whose exact result
is not a normal double (overflow, underflow) are drawn again. Both the pmext
call and the naive formula run in SQLite, in batches, through the sqlite3
module of /usr/bin/python3 with the extension loaded. The error of a result
is |result - exact| / ulp(exact), ulp(x) = 2^(e-52) for 2^e <= |x| < 2^(e+1);
a NULL or non-finite result where the exact value is finite is counted
under "bad" and left out of max and median.

Usage (from the repository root; `make accuracy` runs the first):
    /usr/bin/python3 tests/bench/accuracy.py --lib ./build/pmext.so -n 10000
    /usr/bin/python3 tests/bench/accuracy.py --lib ./build/pmext.so -n 100000
Exit status 1 if any pmext result is further than 2 ulp from the exact value
or NULL where the exact value is a finite double.

Needs Debian's python3 and python3-mpmath.
"""
import argparse
import math
import random
import sqlite3
import statistics
import sys

from mpmath import mp, mpf, exp, log, log1p, expm1, frexp

mp.dps = 60
TARGET_ULP = 2.0
BATCH = 2000


def rate(rng, allow_negative=True):
    """A rate of magnitude 1e-12..10, log-uniform; negative ones above -1."""
    if allow_negative and rng.random() < 0.3:
        return -min(10 ** rng.uniform(-12, 0), 1 - 2**-20)
    return 10 ** rng.uniform(-12, 1)


def horizon(rng):
    return 10 ** rng.uniform(-2, 6)


def value(rng):
    return 10 ** rng.uniform(-3, 6)


def growth_log(r, y):
    """ln((1+r)^y) in floating point, only to reject overflowing draws."""
    return y * math.log1p(r)


# Each function: how to draw inputs, the exact value, the naive SQL formula.
# draw() returns a tuple of doubles or None (try again).
def draw_project(rng):
    x, r, y = value(rng), rate(rng), horizon(rng)
    if rng.random() < 0.2:
        y = -y  # back-cast
    return (x, r, y) if abs(math.log(x) + growth_log(r, y)) < 700 else None


def exact_project(x, r, y):
    return mpf(x) * exp(mpf(y) * log1p(mpf(r)))


def draw_discount(rng):
    return draw_project(rng)


def exact_discount(x, r, y):
    return mpf(x) * exp(-mpf(y) * log1p(mpf(r)))


def draw_cagr(rng):
    a, r, n = value(rng), rate(rng), horizon(rng)
    if abs(math.log(a) + growth_log(r, n)) >= 700:
        return None
    b = a * math.exp(growth_log(r, n))
    return (a, b, n) if 0 < b < math.inf else None


def exact_cagr(a, b, n):
    return expm1(log(mpf(b) / mpf(a)) / mpf(n))


def draw_years_to_reach(rng):
    v, r, y = value(rng), rate(rng), horizon(rng)
    if abs(math.log(v) + growth_log(r, y)) >= 700:
        return None
    target = v * math.exp(growth_log(r, y))
    return (v, target, r) if 0 < target < math.inf and target != v else None


def exact_years_to_reach(v, target, r):
    return log(mpf(target) / mpf(v)) / log1p(mpf(r))


def draw_interpolate_growth(rng):
    y0 = rng.uniform(1900, 2100)
    y1 = y0 + horizon(rng) * rng.choice([-1, 1])
    year = y0 + (y1 - y0) * rng.uniform(-0.5, 1.5)
    v0 = value(rng)
    r = rate(rng)
    if abs(math.log(v0) + growth_log(r, abs(y1 - y0) * 2)) >= 700:
        return None
    v1 = v0 * math.exp(growth_log(r, y1 - y0))
    return (year, y0, v0, y1, v1) if 0 < v1 < math.inf and y1 != y0 else None


def exact_interpolate_growth(year, y0, v0, y1, v1):
    t = (mpf(year) - mpf(y0)) / (mpf(y1) - mpf(y0))
    return mpf(v0) * exp(t * log(mpf(v1) / mpf(v0)))


FUNCTIONS = [
    # name, arity, draw, exact, argument names, naive spreadsheet formula
    ("project", 3, draw_project, exact_project, "a1, a2, a3",
     "a1 * pow(1 + a2, a3)"),
    ("cagr", 3, draw_cagr, exact_cagr, "a1, a2, a3",
     "pow(a2 / a1, 1.0 / a3) - 1"),
    ("discount", 3, draw_discount, exact_discount, "a1, a2, a3",
     "a1 / pow(1 + a2, a3)"),
    ("years_to_reach", 3, draw_years_to_reach, exact_years_to_reach,
     "a1, a2, a3", "ln(a2 / a1) / ln(1 + a3)"),
    ("interpolate_growth", 5, draw_interpolate_growth,
     exact_interpolate_growth, "a1, a2, a3, a4, a5",
     "a3 * pow(a5 / a3, (a1 - a2) / (a4 - a2))"),
]

DBL_MAX = mpf(sys.float_info.max)
DBL_MIN = mpf(sys.float_info.min)


def ulp_error(got, exact):
    """|got - exact| in ulps of exact; None if got is NULL or not finite."""
    if got is None or not math.isfinite(got):
        return None
    _, e = frexp(exact)  # exact = m * 2^e, 0.5 <= |m| < 1
    return float(abs(mpf(got) - exact) / mpf(2) ** (e - 53))


def measure(db, name, arity, draw, exact_fn, args, naive, n, rng):
    cols = ", ".join(f"a{i + 1} REAL" for i in range(arity))
    db.execute("DROP TABLE IF EXISTS inp")
    db.execute(f"CREATE TEMP TABLE inp(id INTEGER PRIMARY KEY, {cols})")
    marks = ", ".join("?" * arity)
    query = f"SELECT {name}({args}), {naive} FROM inp ORDER BY id"
    ours, base = [], []
    bad = [0, 0]
    done = 0
    while done < n:
        batch, exacts = [], []
        while len(batch) < min(BATCH, n - done):
            x = draw(rng)
            if x is None:
                continue
            ex = exact_fn(*x)
            if ex == 0 or not (DBL_MIN <= abs(ex) <= DBL_MAX):
                continue
            batch.append(x)
            exacts.append(ex)
        db.execute("DELETE FROM inp")
        db.executemany(f"INSERT INTO inp({args}) VALUES({marks})", batch)
        for (got_ours, got_base), ex in zip(db.execute(query), exacts):
            for k, (got, out) in enumerate(((got_ours, ours),
                                            (got_base, base))):
                err = ulp_error(got, ex)
                if err is None:
                    bad[k] += 1
                else:
                    out.append(err)
        done += len(batch)
    return ours, base, bad


def summary(errs):
    if not errs:
        return "-", "-"
    return f"{max(errs):.3g}", f"{statistics.median(errs):.3g}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lib", default="./build/pmext.so")
    ap.add_argument("-n", type=int, default=10000,
                    help="random inputs per function (docs: 100000)")
    ap.add_argument("--seed", type=int, default=20261129)
    opts = ap.parse_args()

    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.load_extension(opts.lib)
    present = {(row[0], row[1]) for row in db.execute(
        "SELECT name, narg FROM pragma_function_list")}

    print(f"accuracy: {opts.n} random inputs per function, error in ulp of "
          f"the exact result (mpmath, {mp.dps} digits), SQLite "
          f"{sqlite3.sqlite_version}\n")
    print("| function | inputs | pmext max | pmext median | pmext bad "
          "| naive formula | naive max | naive median | naive bad |")
    print("|---|---|---|---|---|---|---|---|---|")
    failed = False
    for name, arity, draw, exact_fn, args, naive in FUNCTIONS:
        if (name, arity) not in present:
            print(f"| `{name}` | skipped: {name} not in this build "
                  "| | | | | | | |")
            continue
        rng = random.Random(f"{opts.seed}-{name}")
        ours, base, bad = measure(db, name, arity, draw, exact_fn, args,
                                  naive, opts.n, rng)
        omax, omed = summary(ours)
        bmax, bmed = summary(base)
        print(f"| `{name}` | {opts.n} | {omax} | {omed} | {bad[0]} "
              f"| `{naive}` | {bmax} | {bmed} | {bad[1]} |")
        if bad[0] or (ours and max(ours) > TARGET_ULP):
            failed = True
    print(f"\ntarget for pmext: at most {TARGET_ULP:g} ulp, no bad results: "
          + ("MISSED" if failed else "met"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
