#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""gen_fit_window.py -- exact least-squares growth rates for the rolling
cagr_fit() tests of tests/aggregates.test (requirement 4).

Two series, built in doubles exactly as the test builds them in SQL (each
value the previous one times a constant, one IEEE multiplication per step):
  daily:  d = 0..3650, year = d / 365.25, value 100.0 * 1.0003 per day;
          frames of 7 rows (ROWS 6 PRECEDING)
  yearly: year = 2000..2400, value 100.0 * 1.05 per year;
          frames of 4 rows (ROWS 3 PRECEDING)
For every 50th frame and the last one, the exact exp(slope) - 1 of the
least-squares line through (year, ln(value)) at those double inputs,
computed with mpmath at 50 digits (two-pass, centred on the means).

Writes tests/vectors/fit_window.tsv:
    series <TAB> last x of the frame (d or year) <TAB> rows <TAB> expected
plus, per series, a line `value <TAB> series <TAB> x <TAB> repr(value)` that
the test uses to check that SQLite built the same doubles.
Needs Debian's python3-mpmath. Run from the repository root:
    /usr/bin/python3 tests/vectors/gen_fit_window.py > tests/vectors/fit_window.tsv
"""
from mpmath import mp, mpf, log, expm1, nstr

mp.dps = 50


def fit(points):
    n = len(points)
    xs = [mpf(x) for x, _ in points]
    ys = [log(mpf(v)) for _, v in points]
    mx = sum(xs) / n
    my = sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    return expm1(sxy / sxx)


def series(name, xs, years, first, factor, rows):
    values = [first]
    for _ in xs[1:]:
        values.append(values[-1] * factor)
    last = len(xs) - 1
    print("value\t%s\t%d\t%r" % (name, xs[last], values[last]))
    for i in range(rows - 1, len(xs)):
        if i % 50 and i != last:
            continue
        frame = [(years[j], values[j]) for j in range(i - rows + 1, i + 1)]
        print("%s\t%d\t%d\t%s" % (name, xs[i], rows, nstr(fit(frame), 25)))


days = list(range(3651))
series("daily", days, [d / 365.25 for d in days], 100.0, 1.0003, 7)
years = list(range(2000, 2401))
series("yearly", years, [float(y) for y in years], 100.0, 1.05, 4)
