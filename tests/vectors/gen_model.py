#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""gen_model.py -- the built-in model recomputed independently with mpmath.

The report's printed figures are typed in again here, as constants (the
same figures as data/reports/cervicorn/figures.csv and claims.csv, the
dataset pmext compiles in), and the provenance rules of docs/model.md
("Provenance rules") are applied with mpmath at 50 digits, not with pmext's
C code. Writes two files, read by tests/model.test:

  tests/vectors/model.tsv        every row of pm_segments in both scenarios:
      scenario, dimension, segment, year, value, share, yoy, value_basis,
      share_basis   (numbers with 20 digits, NULL where NULL)
  tests/vectors/model_audit.tsv  every row of pm_audit:
      check, subject, expected, actual, tolerance, status
      The tolerances use exact partial derivatives (first order), where
      pmext moves each input by half a printed digit; the two agree to a
      few parts in a thousand, which is how the test compares them.

Run from the repository root:
    /usr/bin/python3 tests/vectors/gen_model.py
"""
from mpmath import mp, mpf, nstr, log, exp, diff

mp.dps = 50
D = mpf  # decimal text -> exact mpf of that decimal (within 50 digits)

YEARS = range(2024, 2035)
STATED, STATED_FROM = D("0.1137"), 2025
VALUE_HALF = D("0.005")

# dimension, segment, printed sizes {year: value}, printed shares {year: share}, share step
SEGMENTS = [
    ("market", "Global", {2024: D("578.14"), 2025: D("616.26"), 2034: D("1094.83")}, {}, None),
    ("region", "North America", {2024: D("259.93"), 2034: D("492.24")}, {2024: D("0.4496")}, D("0.0001")),
    ("region", "Europe", {2024: D("166.04"), 2034: D("314.44")}, {2024: D("0.2872")}, D("0.0001")),
    ("region", "Asia-Pacific", {2024: D("101.41"), 2034: D("192.03")}, {2024: D("0.1754")}, D("0.0001")),
    ("region", "LAMEA", {2024: D("50.76"), 2034: D("96.13")}, {2024: D("0.0878")}, D("0.0001")),
    ("end_user", "Hospitals", {}, {2024: D("0.41")}, D("0.01")),
    ("end_user", "Diagnostic Centers", {}, {2024: D("0.24")}, D("0.01")),
    ("end_user", "Research & Academic Institutes", {}, {2024: D("0.22")}, D("0.01")),
    ("end_user", "Others", {}, {2024: D("0.13")}, D("0.01")),
    ("product", "Personalized Medicine Therapeutics", {}, {}, None),
    ("product", "Personalized Medicine Diagnostics", {}, {}, None),
    ("application", "Oncology", {}, {}, None),
    ("application", "Infectious Disease", {}, {}, None),
    ("application", "Neurology and psychiatry", {}, {}, None),
    ("application", "Cardiovascular", {}, {}, None),
    ("application", "Others", {}, {}, None),
]
GLOBAL = SEGMENTS[0][2]


def geo(y, y0, v0, y1, v1):
    """Constant growth through (y0, v0) and (y1, v1), at y."""
    return v0 * (v1 / v0) ** (mpf(y - y0) / (y1 - y0))


def own(values, y):
    if y in values:
        return values[y], "reported"
    ys = sorted(values)
    for a, b in zip(ys, ys[1:]):
        if a < y < b:
            return geo(y, a, values[a], b, values[b]), "interpolated"
    return None, "not_reported"


def level(seg, y, scenario):
    dim, name, values, shares, _ = seg
    total, _ = own(GLOBAL, y)
    v, vb = own(values, y)
    s, sb = None, "not_reported"
    if v is not None:
        if y in shares:
            s, sb = shares[y], "reported"
        else:
            s, sb = v / total, "derived"
    elif shares:
        year = min(shares, key=lambda k: abs(k - y))
        s, sb = shares[year], ("reported" if year == y else "assumed")
        v, vb = s * total, ("derived" if sb == "reported" else "assumed")
    if scenario == "stated_cagr" and y > STATED_FROM:
        g = GLOBAL[STATED_FROM] * (1 + STATED) ** (y - STATED_FROM)
        if name == "Global":
            v, vb = g, "derived"
        elif s is not None:
            v, vb = s * g, ("assumed" if sb == "assumed" else "derived")
    return v, vb, s, sb


def num(x):
    return "NULL" if x is None else nstr(x, 20, min_fixed=-30, max_fixed=30)


def segments_tsv():
    lines = []
    for scenario in ("reported", "stated_cagr"):
        for seg in SEGMENTS:
            for y in YEARS:
                v, vb, s, sb = level(seg, y, scenario)
                yoy = None
                if v is not None and y > YEARS[0]:
                    pv = level(seg, y - 1, scenario)[0]
                    if pv is not None:
                        yoy = v / pv - 1
                lines.append("\t".join([scenario, seg[0], seg[1], str(y), num(v), num(s),
                                        num(yoy), vb, sb]))
    return lines


def cagr(a, b, n):
    return (b / a) ** (mpf(1) / n) - 1


def bound(f, xs, halves):
    """First-order rounding bound: sum |df/dx_i| * half_i."""
    total = mpf(0)
    for i, h in enumerate(halves):
        if h:
            def fi(t, i=i):
                ys = list(xs)
                ys[i] = t
                return f(*ys)
            total += abs(diff(fi, xs[i])) * h
    return total


def audit_tsv():
    rows = []

    def equal(check, subject, expected, actual, tol):
        rows.append((check, subject, expected, actual, tol,
                     "pass" if abs(actual - expected) <= tol else "fail"))

    regions = [s for s in SEGMENTS if s[0] == "region"]
    # A list is complete when its printed shares reach 100 % within their
    # rounding in some year: the segments with those shares are the list;
    # the sizes are then checked for equality in the years that print the
    # whole list, else against the bound parts <= whole.
    listed = set()
    for y in YEARS:
        with_share = [s for s in regions if y in s[3]]
        if with_share and abs(sum(s[3][y] for s in with_share) - 1) <= sum(s[4] / 2 for s in with_share):
            listed = {s[1] for s in with_share}
            break
    for y in (2024, 2025, 2034):
        printed = [s for s in regions if y in s[2]]
        parts, tol = sum(s[2][y] for s in printed), VALUE_HALF + len(printed) * VALUE_HALF
        if not printed:
            continue
        if listed and listed <= {s[1] for s in printed}:
            equal("parts_sum", f"region sizes {y}", GLOBAL[y], parts, tol)
        else:
            rows.append(("parts_sum", f"region sizes {y}", GLOBAL[y], parts, tol,
                         "pass" if parts - GLOBAL[y] <= tol else "fail"))
    for dim in ("region", "end_user"):
        segs = [s for s in SEGMENTS if s[0] == dim]
        total, tol = sum(s[3][2024] for s in segs), sum(s[4] / 2 for s in segs)
        # Equal within rounding, or below 100 % (a partial list): pass.
        rows.append(("shares_sum", f"{dim} shares 2024", mpf(1), total, tol,
                     "pass" if total <= 1 + tol else "fail"))
    for s in regions:
        v, g = s[2][2024], GLOBAL[2024]
        tol = s[4] / 2 + bound(lambda a, b: a / b, [v, g], [VALUE_HALF, VALUE_HALF])
        equal("share_vs_value", f"{s[1]} 2024", v / g, s[3][2024], tol)
    a, b = GLOBAL[2025], GLOBAL[2034]
    equal("stated_cagr", "Global 2025-2034", cagr(a, b, 9), STATED,
          D("0.00005") + bound(lambda x, y: cagr(x, y, 9), [a, b], [VALUE_HALF, VALUE_HALF]))
    proj = lambda v, r: v * (1 + r) ** 9
    equal("stated_cagr_size", "Global 2034", b, proj(a, STATED),
          VALUE_HALF + bound(proj, [a, STATED], [VALUE_HALF, D("0.00005")]))
    # on_path: only inside the period of a stated rate (one constant rate
    # claimed over that span), the sizes printed strictly between the first
    # and last printed in it. The report states 11.37 % for 2025-2034 and
    # prints 2025 and 2034 only in it: no row (2025 against the 2024-2034
    # path is no claim of the report).
    inside = sorted(y for y in GLOBAL if STATED_FROM <= y <= 2034)
    for mid in inside[1:-1]:
        y0, y1 = inside[0], inside[-1]
        path = lambda x, y: x * (y / x) ** (mpf(mid - y0) / (y1 - y0))
        equal("on_path", f"Global {mid}", path(GLOBAL[y0], GLOBAL[y1]), GLOBAL[mid],
              VALUE_HALF + bound(path, [GLOBAL[y0], GLOBAL[y1]], [VALUE_HALF, VALUE_HALF]))
    # Claims: the claimed region against the best other one.
    size = {s[1]: s[2][2024] for s in regions}
    best = max(v for k, v in size.items() if k != "North America")
    tol = 2 * VALUE_HALF
    rows.append(("dominant_region", "North America", best, size["North America"], tol,
                 "pass" if size["North America"] - best > tol else "fail"))
    rate = {s[1]: cagr(s[2][2024], s[2][2034], 10) for s in regions}
    rtol = {s[1]: bound(lambda x, y: cagr(x, y, 10), [s[2][2024], s[2][2034]],
                        [VALUE_HALF, VALUE_HALF]) for s in regions}
    other = max((k for k in rate if k != "Asia-Pacific"), key=lambda k: rate[k])
    tol = rtol["Asia-Pacific"] + rtol[other]
    rows.append(("fastest_growing", "Asia-Pacific", rate[other], rate["Asia-Pacific"], tol,
                 "pass" if rate["Asia-Pacific"] - rate[other] > tol else "fail"))
    return ["\t".join([c, s, num(e), num(a), num(t), st]) for c, s, e, a, t, st in rows]


def write(path, lines):
    with open(path, "w") as fh:
        fh.write("\n".join(lines) + "\n")


write("tests/vectors/model.tsv", segments_tsv())
write("tests/vectors/model_audit.tsv", audit_tsv())
