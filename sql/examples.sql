-- SPDX-License-Identifier: MIT
-- examples.sql -- questions an analyst asks of the built-in model, each
-- answered in plain SQL. Run with the extension loaded:
--   sqlite3 -cmd '.load ./build/pmext' :memory: < sql/examples.sql
-- Each question starts with a line "-- Q<n>: ..."; tests/model.test runs
-- every one and checks the key answers against independent arithmetic.

.headers on
.mode column

-- Q1: How large is Europe in 2030?
SELECT round(value_usd_bn, 2) AS europe_2030_usd_bn, value_basis
FROM pm_segments WHERE segment = 'Europe' AND year = 2030;

-- Q2: Which end user is largest in 2034, and on what basis?
SELECT segment, round(value_usd_bn, 2) AS usd_bn, value_basis
FROM pm_segments WHERE dimension = 'end_user' AND year = 2034
ORDER BY value_usd_bn DESC LIMIT 1;

-- Q3: North America's share of the market over time.
SELECT year, printf('%.3f %%', 100 * share) AS share, share_basis
FROM pm_segments WHERE segment = 'North America' ORDER BY year;

-- Q4: What if the stated 11.37 % CAGR were right? Global, both scenarios.
SELECT r.year, round(r.value_usd_bn, 2) AS reported,
       round(s.value_usd_bn, 2) AS stated_cagr,
       round(s.value_usd_bn - r.value_usd_bn, 2) AS gap
FROM pm_segments r JOIN pm_segments('stated_cagr') s USING (segment, year)
WHERE r.segment = 'Global' AND r.year IN (2025, 2030, 2034) ORDER BY r.year;

-- Q5: Which growth rate do the report's own figures imply, against the
--     one it states?
SELECT key, printf('%.2f %%', 100 * value) AS rate, period, basis
FROM pm_facts WHERE key IN ('stated_cagr', 'implied_cagr_2024_2034',
                            'implied_cagr_2025_2034')
ORDER BY value DESC;

-- Q6: Which region grows fastest from 2024 to 2034?
SELECT a.segment, printf('%.4f %%', 100 * cagr(a.value_usd_bn, b.value_usd_bn, 2024, 2034)) AS cagr
FROM pm_segments a JOIN pm_segments b USING (segment)
WHERE a.dimension = 'region' AND a.year = 2024 AND b.year = 2034
ORDER BY cagr(a.value_usd_bn, b.value_usd_bn, 2024, 2034) DESC;

-- Q7: In which year does the market first pass USD 1 trillion?
SELECT min(year) AS first_year_over_1000 FROM pm_segments
WHERE segment = 'Global' AND value_usd_bn >= 1000;

-- Q8: How much of the model is printed and how much is computed?
SELECT value_basis, count(*) AS rows FROM pm_segments
GROUP BY value_basis ORDER BY rows DESC, value_basis;

-- Q9: Which segments does the report name without any figure?
SELECT dimension, segment FROM pm_segments
WHERE year = 2024 AND value_basis = 'not_reported';

-- Q10: Do the regions add up to the global market each year?
SELECT year, round(sum(value_usd_bn) FILTER (WHERE dimension = 'region'), 2) AS regions,
       round(sum(value_usd_bn) FILTER (WHERE dimension = 'market'), 2) AS global
FROM pm_segments WHERE dimension IN ('region', 'market')
GROUP BY year ORDER BY year;

-- Q11: Which of the report's statements fail its own figures, and why?
SELECT "check", subject, round(expected, 6) AS expected,
       round(actual, 6) AS actual, explanation
FROM pm_audit WHERE status = 'fail';

-- Q12: How much does each region add between 2024 and 2034?
SELECT segment, round(b.value_usd_bn - a.value_usd_bn, 2) AS added_usd_bn
FROM pm_segments a JOIN pm_segments b USING (dimension, segment)
WHERE a.dimension = 'region' AND a.year = 2024 AND b.year = 2034
ORDER BY added_usd_bn DESC;

-- Q13: Hospitals year by year, with the growth over the year before.
SELECT year, round(value_usd_bn, 2) AS usd_bn,
       round(100 * yoy_growth, 2) AS yoy_pct, value_basis
FROM pm_segments WHERE segment = 'Hospitals' ORDER BY year;

-- Q14: Which key companies belong to a parent the report names?
SELECT company, parent FROM pm_companies WHERE parent IS NOT NULL;
