#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""gen_gnumeric.py -- expected values for the spreadsheet twins from Gnumeric.

Builds a Gnumeric workbook (tests/vectors/gnumeric-cases.gnumeric, XML) with
one formula per row, has Gnumeric itself recalculate it headless
(`ssconvert --recalc`, Debian package gnumeric), and writes
tests/vectors/gnumeric.tsv: one line per case,
    name <TAB> SQL <TAB> expected
where SQL is the pmext query for the same computation and expected is
Gnumeric's result (20 significant digits) or NULL where Gnumeric shows an
error (#NUM!, #DIV/0!, ...). tests/finance.test runs every SQL line and
compares to 1e-12 relative.

Gnumeric's iterative solvers (RATE, IRR, XIRR) stop at about 1e-10
relative. For those rows the root is polished with mpmath (bisection at 40
digits, in a bracket of 1e-8 around Gnumeric's answer: the same root), the
generator checks that Gnumeric's answer lies within 1e-8 of it, and the
polished root is the expected value; Gnumeric's own figure follows as a
fourth column for the record.

Deliberate difference: Gnumeric truncates a fractional nper in RATE (to
24 for 24.5); pmext uses it as given, like FV/PV/NPER do. The RATE rows
here use whole nper.

The spreadsheet side uses the spreadsheet functions (RRI, PDURATION, FV,
PV, NPER, RATE, EFFECT, NOMINAL (Gnumeric calls PDURATION G_DURATION), LOGEST, NPV, IRR, XNPV, XIRR); the SQL
side the pmext twins. Dates go to Gnumeric as serial numbers and to pmext
as ISO text, so the date parser is checked on the way.

Run from the repository root (CI uses the committed .tsv, not gnumeric):
    /usr/bin/python3 tests/vectors/gen_gnumeric.py
The random cases use a fixed seed, so the files are reproducible.
"""
import datetime
import os
import random
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

from mpmath import mp, mpf

mp.dps = 40

HERE = os.path.dirname(os.path.abspath(__file__))
WORKBOOK = os.path.join(HERE, "gnumeric-cases.gnumeric")
VECTORS = os.path.join(HERE, "gnumeric.tsv")

cases = []  # (name, formula, sql, residual or None)


def num(x):
    """A double written so that it reads back exactly, in both programs."""
    return repr(float(x))


def add(name, formula, sql, residual=None):
    """residual: f(r) in mpmath whose root the formula is (solver rows)."""
    cases.append((name, formula, sql, residual))


# Gnumeric names Excel's PDURATION G_DURATION (same arguments).
SPREADSHEET_NAME = {"pduration": "G_DURATION"}


def twin(func, *args):
    """The same call on both sides: FUNC(args) and func(args)."""
    text = ",".join(num(a) for a in args)
    add(func, f"={SPREADSHEET_NAME.get(func, func.upper())}({text})",
        f"SELECT {func}({', '.join(num(a) for a in args)})",
        annuity_residual(*args) if func == "rate" else None)


def annuity_residual(nper, pmt, pv, fv=0, typ=0, guess=None):
    n, pmt, pv, fv, typ = (mpf(float(a)) for a in (nper, pmt, pv, fv, typ))

    def f(r):
        if r == 0:
            return pv + pmt * n + fv
        g = (1 + r) ** n
        return pv * g + pmt * (1 + r * typ) * (g - 1) / r + fv
    return f


def flows_residual(values, times):
    vs = [mpf(float(v)) for v in values]
    ts = [mpf(t) for t in times]
    return lambda r: sum(v * (1 + r) ** -t for v, t in zip(vs, ts))


def column(values):
    return "{" + ";".join(num(v) for v in values) + "}"


def values_sql(rows):
    return "(VALUES " + ", ".join("(" + ", ".join(r) + ")" for r in rows) + ")"


def serial(date):
    """Gnumeric's 1900 date system: 1899-12-30 is day 0 for modern dates."""
    return (date - datetime.date(1899, 12, 30)).days


def main():
    rng = random.Random(20261129)
    # Documented worked examples.
    twin("rri", 96, 10000, 11000)
    twin("rate", 48, -200, 8000)
    twin("nper", 0.01, -100, -1000, 10000, 1)
    twin("fv", 0.005, 10, -200, -500, 1)
    twin("pduration", 0.025, 2000, 2200)
    twin("effect", 0.0525, 4)
    twin("nominal", 0.053543, 4)
    # Defaults and edge cases.
    twin("fv", 0.06 / 12, 10, -200)
    twin("fv", 0, 12, -100, -1000)
    twin("fv", 0, 12, -100, -1000, 1)
    twin("pv", 0.08 / 12, 240, 500)
    twin("pv", 0, 10, -100, 50)
    twin("pv", 0.1, 5, -100, 0, 1)
    twin("pv", -1, 5, -100)            # #DIV/0!
    twin("nper", 0.12 / 12, -100, -1000, 10000)
    twin("nper", 0, -100, 1000)
    twin("nper", 0.01, 0, 1000)        # #NUM!
    twin("nper", 0.01, -10, 1000)      # the payment never covers the interest
    twin("rate", 10, 0, -1, 2)
    twin("rate", 12, -100, 1000, 0, 1)
    twin("rate", 360, -1000, 200000, 0, 0, 0.01)
    twin("rate", 10, -100, 1000)       # exactly 0
    twin("rate", 10, 100, 1000)        # no root: #NUM!
    twin("rri", 10, 100, 50)
    twin("rri", 0, 100, 50)
    twin("rri", 10, -100, 50)
    twin("pduration", 0, 100, 200)
    twin("pduration", 0.05, -100, 200)
    twin("effect", 0.1, 12.9)          # npery truncated to 12
    twin("effect", 0.1, 0.5)
    twin("effect", -0.1, 4)
    twin("nominal", 0.1, 365)
    twin("nominal", 0.1, 0)
    # Random cases of each spreadsheet twin.
    for _ in range(40):
        rate = rng.choice([1, 1, -0.2]) * 10 ** rng.uniform(-6, -0.3)
        nper = rng.choice([round(rng.uniform(1, 480)), rng.uniform(0.5, 100)])
        pmt = -rng.uniform(1, 5000)
        pv = rng.uniform(-1e5, 1e5)
        fv = rng.uniform(-1e5, 1e5)
        typ = rng.choice([0, 1])
        twin("fv", rate, nper, pmt, pv, typ)
        twin("pv", rate, nper, pmt, fv, typ)
        # nper: a loan (pv > 0) repaid with pmt < 0, perhaps a balloon fv
        loan = rng.uniform(1e3, 1e5)
        r = abs(rate)
        pay = -loan * r * rng.uniform(1.05, 3) - rng.uniform(0, 50)
        twin("nper", r, pay, loan, -rng.uniform(0, loan / 4), typ)
        # rate: the payments that fit a known rate, solved back
        whole = max(1, round(nper))
        twin("rate", whole, pmt, abs(pmt) * whole * rng.uniform(0.3, 0.95), 0, typ)
        twin("rri", nper, rng.uniform(1, 1e4), rng.uniform(1, 1e4))
        twin("pduration", r, rng.uniform(1, 1e4), rng.uniform(1, 1e4))
        npery = rng.randint(1, 365)
        twin("effect", r, npery)
        twin("nominal", r, npery)
    # LOGEST: m - 1 of a series of positive values over (irregular) years.
    for k in range(25):
        n = rng.randint(2, 15)
        start = rng.randint(1990, 2030)
        years = sorted(rng.sample(range(start, start + 40), n))
        growth = rng.uniform(-0.3, 0.5)
        values = [rng.uniform(10, 1000) * (1 + growth) ** (y - start) * rng.uniform(0.8, 1.25)
                  for y in years]
        add("cagr_fit", f"=INDEX(LOGEST({column(values)},{column(years)}),1,1)-1",
            "SELECT cagr_fit(column1, column2) FROM "
            + values_sql([(num(v), str(y)) for v, y in zip(values, years)]))
    # NPV: periods 1..n, as the spreadsheet counts them.
    for k in range(25):
        n = rng.randint(1, 30)
        rate = rng.uniform(-0.5, 0.5)
        values = [rng.uniform(-1000, 1000) for _ in range(n)]
        add("npv", f"=NPV({num(rate)},{column(values)})",
            "SELECT npv(" + num(rate) + ", column1, column2) FROM "
            + values_sql([(num(v), str(i + 1)) for i, v in enumerate(values)]))
    # IRR and XIRR: an investment then returns (one sign change: one root).
    for k in range(25):
        n = rng.randint(2, 40)
        target = rng.uniform(-0.5, 0.8)
        values = [-rng.uniform(100, 10000)]
        for i in range(1, n):
            values.append(rng.uniform(0, 3) * -values[0] * (1 + target) ** i / n)
        add("irr", f"=IRR({column(values)})",
            "SELECT irr(column1, column2) FROM "
            + values_sql([(num(v), str(i)) for i, v in enumerate(values)]),
            flows_residual(values, range(n)))
        day = datetime.date(2000, 1, 1) + datetime.timedelta(days=rng.randint(0, 9000))
        dates = [day]
        for i in range(1, n):
            dates.append(dates[-1] + datetime.timedelta(days=rng.randint(1, 400)))
        order = list(range(n))
        rng.shuffle(order)  # row order must not matter to pmext
        dcol = "{" + ";".join(str(serial(d)) for d in dates) + "}"
        rate = rng.uniform(-0.3, 0.5)
        add("xirr", f"=XIRR({column(values)},{dcol})",
            "SELECT xirr(column1, column2) FROM "
            + values_sql([(num(values[i]), "'" + dates[i].isoformat() + "'") for i in order]),
            flows_residual(values, [mpf((d - dates[0]).days) / 365 for d in dates]))
        add("xnpv", f"=XNPV({num(rate)},{column(values)},{dcol})",
            "SELECT xnpv(" + num(rate) + ", column1, column2) FROM "
            + values_sql([(num(values[i]), "'" + dates[i].isoformat() + "'") for i in order]))

    write_workbook()
    results = recalculate()
    if len(results) != len(cases):
        sys.exit(f"gen_gnumeric: {len(cases)} cases but {len(results)} results")
    with open(VECTORS, "w") as out:
        for (name, _, sql, residual), result in zip(cases, results):
            if residual is None or result == "NULL":
                out.write(f"{name}\t{sql}\t{result}\n")
                continue
            if abs(mpf(result)) < 1e-12 and residual(mpf(0)) == 0:
                root = mpf(0)  # flows that cancel exactly: the rate is 0
            else:
                root = polish(residual, mpf(result), sql)
            if abs(root - mpf(result)) > mpf("1e-8") * max(abs(root), mpf("1e-12")):
                sys.exit(f"gen_gnumeric: {sql}: Gnumeric {result}, mpmath {root}")
            out.write(f"{name}\t{sql}\t{mp.nstr(root, 25)}\t{result}\n")
    print(f"gen_gnumeric: {len(cases)} cases written to {VECTORS}")


def polish(f, near, sql):
    """The root of f within 1e-8 relative of `near`, by bisection (40 digits)."""
    width = max(abs(near), mpf("1e-12")) * mpf("1e-8")
    lo, hi = near - width, near + width
    if f(lo) * f(hi) > 0:
        sys.exit(f"gen_gnumeric: {sql}: no root within 1e-8 of Gnumeric's {near}")
    for _ in range(200):
        mid = (lo + hi) / 2
        if f(mid) * f(lo) > 0:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def write_workbook():
    cells = "\n".join(
        f'        <gnm:Cell Row="{row}" Col="0">{escape(formula)}</gnm:Cell>'
        for row, (_, formula, _, _) in enumerate(cases))
    with open(WORKBOOK, "w") as out:
        out.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<gnm:Workbook xmlns:gnm="http://www.gnumeric.org/v10.dtd">
  <gnm:SheetNameIndex><gnm:SheetName>cases</gnm:SheetName></gnm:SheetNameIndex>
  <gnm:Sheets>
    <gnm:Sheet>
      <gnm:Name>cases</gnm:Name>
      <gnm:MaxCol>0</gnm:MaxCol>
      <gnm:MaxRow>{len(cases) - 1}</gnm:MaxRow>
      <gnm:Cells>
{cells}
      </gnm:Cells>
    </gnm:Sheet>
  </gnm:Sheets>
</gnm:Workbook>
""")


def recalculate():
    with tempfile.TemporaryDirectory() as tmp:
        csv = os.path.join(tmp, "out.csv")
        subprocess.run(["ssconvert", "--recalc", WORKBOOK, csv], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(csv) as f:
            lines = [line.strip().strip('"') for line in f]
    results = []
    for line in lines:
        try:
            float(line)
            results.append(line)
        except ValueError:
            results.append("NULL")  # #NUM!, #DIV/0!, #VALUE!
    return results


if __name__ == "__main__":
    main()
