-- SPDX-License-Identifier: MIT
-- demo.sql -- the personalized medicine market report, as pmext models it.
-- Run with `make demo` (the sqlite3 shell, with the extension loaded).
-- Every number below comes from the extension's tables; none is typed in
-- (the last part imports the shipped dataset data/reports/headlines).

.headers on
.mode column

.print
.print == The report's headline (pm_facts) ==
SELECT key, CASE WHEN unit LIKE 'fraction%' THEN printf('%.2f %%', 100 * value)
                 ELSE value END AS value,
       coalesce(period, '') AS period, basis
FROM pm_facts
WHERE key IN ('market_size_2024', 'market_size_2025', 'market_size_2034',
              'stated_cagr', 'implied_cagr_2025_2034', 'dominant_region',
              'growing_region');

.print
.print == Regions by year, USD billions (pm_segments; * = printed in the report) ==
SELECT year,
  max(CASE WHEN segment = 'North America' THEN printf('%8.2f%s', value_usd_bn, iif(value_basis = 'reported', '*', ' ')) END) AS "North America",
  max(CASE WHEN segment = 'Europe' THEN printf('%8.2f%s', value_usd_bn, iif(value_basis = 'reported', '*', ' ')) END) AS "Europe",
  max(CASE WHEN segment = 'Asia-Pacific' THEN printf('%8.2f%s', value_usd_bn, iif(value_basis = 'reported', '*', ' ')) END) AS "Asia-Pacific",
  max(CASE WHEN segment = 'LAMEA' THEN printf('%8.2f%s', value_usd_bn, iif(value_basis = 'reported', '*', ' ')) END) AS "LAMEA",
  max(CASE WHEN segment = 'Global' THEN printf('%8.2f%s', value_usd_bn, iif(value_basis = 'reported', '*', ' ')) END) AS "Global"
FROM pm_segments WHERE dimension IN ('market', 'region')
GROUP BY year ORDER BY year;

.print
.print == Shares of the 2024 market (printed) ==
SELECT dimension, segment, printf('%6.2f %%', 100 * share) AS share,
       printf('%8.2f', value_usd_bn) AS usd_bn, value_basis
FROM pm_segments WHERE year = 2024 AND dimension IN ('region', 'end_user')
ORDER BY rowid;

.print
.print == Named without figures (no number is invented) ==
SELECT dimension, segment, value_basis
FROM pm_segments WHERE year = 2024 AND value_basis = 'not_reported';

.print
.print == If the stated CAGR were right (pm_segments('stated_cagr')) ==
SELECT r.year, printf('%8.2f', r.value_usd_bn) AS reported,
       printf('%8.2f', s.value_usd_bn) AS stated_cagr
FROM pm_segments r JOIN pm_segments('stated_cagr') s USING (segment, year)
WHERE r.segment = 'Global' AND r.year IN (2025, 2028, 2031, 2034);

.print
.print == The report audited against itself (pm_audit) ==
SELECT "check", subject, status FROM pm_audit;

.print
.print == Findings ==
.mode list
.headers off
SELECT printf('%-17s %s: expected %.6g, got %.6g (tolerance %.2g): %s',
              "check", subject, expected, actual, tolerance, explanation)
FROM pm_audit WHERE status = 'fail';

.print
.print == Drawn in the terminal: sparkline() and bar() (docs/display.md) ==
.mode column
.headers on

.print
.print -- Regions 2024 -> 2034: the trend of each (sparkline, its own scale)
.print -- and the 2034 size against the largest region (bar)
SELECT segment AS region,
       printf('%7.2f', value_usd_bn) AS "2034",
       trend AS "2024..2034",
       bar(value_usd_bn, max(value_usd_bn) OVER (), 30) AS "size in 2034"
FROM (SELECT segment, year, value_usd_bn,
             sparkline(value_usd_bn) OVER (
               PARTITION BY segment ORDER BY year
               ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS trend
      FROM pm_segments WHERE dimension = 'region')
WHERE year = 2034
ORDER BY value_usd_bn DESC;

.print
.print -- The global market year by year: the report's figures against its
.print -- stated 11.37 % CAGR, on one scale
SELECT r.year,
       printf('%8.2f', r.value_usd_bn) AS reported,
       bar(r.value_usd_bn, max(s.value_usd_bn) OVER (), 30) AS "",
       printf('%8.2f', s.value_usd_bn) AS stated_cagr,
       bar(s.value_usd_bn, max(s.value_usd_bn) OVER (), 30) AS " "
FROM pm_segments r JOIN pm_segments('stated_cagr') s USING (dimension, segment, year)
WHERE r.dimension = 'market'
ORDER BY r.year;

.print
.print -- End users, 2024: share of the market (derived from the printed shares)
SELECT segment AS end_user,
       printf('%5.1f %%', 100 * share) AS share,
       printf('%7.2f', value_usd_bn) AS usd_bn,
       bar(share, 1, 40) AS "share of the whole market"
FROM pm_segments WHERE dimension = 'end_user' AND year = 2024
ORDER BY share DESC;

.print
.print == Many reports: four public headlines for the same market ==
.print -- data/reports/headlines, imported as CSV and modelled by pm_model,
.print -- pm_model_audit and pm_compare (docs/model.md: Model your own report)
.import --csv data/reports/headlines/reports.csv reports
.import --csv data/reports/headlines/figures.csv figures
.import --csv data/reports/headlines/claims.csv claims
CREATE VIRTUAL TABLE headlines USING pm_model(reports=reports, figures=figures, claims=claims);
CREATE VIRTUAL TABLE headlines_audit USING pm_model_audit(reports=reports, figures=figures, claims=claims);
CREATE VIRTUAL TABLE headlines_compare USING pm_compare(reports=reports, figures=figures, claims=claims);
.mode column
.headers on
SELECT report, publisher, unit,
       coalesce((SELECT printf('%.2f %%', 100 * value) FROM claims c
                 WHERE c.report = r.report AND kind = 'cagr'), '-') AS stated_cagr,
       (SELECT CASE WHEN count(*) > 1 THEN printf('%.2f %%',
                 100 * (pow(max(value_bn) / min(value_bn), 1.0 / (max(year) - min(year))) - 1))
               ELSE '-' END
        FROM headlines h WHERE h.report = r.report AND value_basis = 'reported') AS implied
FROM reports r;

.print
.print -- The global market by each report, USD billions (* printed, ~ grown at
.print -- a stated CAGR, > extrapolated at the report's own rate), and the consensus
.print -- of the values each report gives for its own years (extrapolated ones not counted)
SELECT year,
  max(CASE WHEN report = 'cervicorn' THEN printf('%7.1f%s', value_bn, CASE basis WHEN 'reported' THEN '*' WHEN 'projected' THEN '~' WHEN 'extrapolated' THEN '>' ELSE ' ' END) END) AS cervicorn,
  max(CASE WHEN report = 'grandview-2021' THEN printf('%7.1f%s', value_bn, CASE basis WHEN 'reported' THEN '*' WHEN 'projected' THEN '~' WHEN 'extrapolated' THEN '>' ELSE ' ' END) END) AS grandview,
  max(CASE WHEN report = 'patentpc-2022' THEN printf('%7.1f%s', value_bn, CASE basis WHEN 'reported' THEN '*' WHEN 'projected' THEN '~' WHEN 'extrapolated' THEN '>' ELSE ' ' END) END) AS patentpc,
  max(CASE WHEN report = 'precedence-2022' THEN printf('%7.1f%s', value_bn, CASE basis WHEN 'reported' THEN '*' WHEN 'projected' THEN '~' WHEN 'extrapolated' THEN '>' ELSE ' ' END) END) AS precedence,
  printf('%7.1f', min(min_bn)) AS min, printf('%7.1f', min(median_bn)) AS median,
  printf('%7.1f', min(max_bn)) AS max
FROM headlines_compare GROUP BY year ORDER BY year;

.print
.print -- Each report audited against itself (not_checkable: it prints too little)
SELECT report, "check", subject, status FROM headlines_audit;

.read sql/demo_extract.sql
