-- SPDX-License-Identifier: MIT
-- scalars.sql -- pg_regress: the growth scalars and the spreadsheet twins
-- (docs/postgresql.md, "Functions"; their definitions in docs/functions.md).
-- Each expected value is worked by hand in the comment above its query;
-- numbers print with 12 significant digits.
CREATE EXTENSION pmext;
SET extra_float_digits = -3;
-- cagr: (121 / 100)^(1 / 2) - 1 = 1.1 - 1 = 0.1, over 2 years or 2020-2022.
SELECT cagr(100, 121, 2) AS years, cagr(100, 121, 2020, 2022) AS from_to;
-- An end value of 0 lost everything: -1; a start value of 0 has no rate.
SELECT cagr(100, 0, 3) AS lost, cagr(0, 100, 3) IS NULL AS no_rate;
-- project: 100 * 1.1^2 = 121; from 2022 back to 2020: 121 / 1.1^2 = 100.
SELECT project(100, 0.1, 2) AS forward, project(121, 0.1, 2022, 2020) AS back;
-- discount: 121 / 1.1^2 = 100.
SELECT discount(121, 0.1, 2);
-- years_to_reach: 100 * 2^y = 800 at y = 3; 100 * 1.1^y = 121 at y = 2.
SELECT years_to_reach(100, 800, 1) AS doubling,
       years_to_reach(100, 121, 0.1) AS ten_percent;
-- interpolate_growth through (2020, 100) and (2022, 400), a doubling a
-- year: 2021 is the geometric mean 200; 2023 goes on to 800.
SELECT interpolate_growth(2021, 2020, 100, 2022, 400) AS between_points,
       interpolate_growth(2023, 2020, 100, 2022, 400) AS beyond;
-- rri: (121 / 100)^(1 / 2) - 1 = 0.1; pduration: ln(1.21) / ln(1.1) = 2.
SELECT rri(2, 100, 121), pduration(0.1, 100, 121);
-- fv of 100 paid in each of 2 periods at 10 %: 100 * 1.1 + 100 = 210; paid
-- at the start of each period (type 1): 210 * 1.1 = 231; of 100 paid now
-- (pv): 100 * 1.1^2 = 121.
SELECT fv(0.1, 2, -100) AS at_end, fv(0.1, 2, -100, 0, 1) AS at_start,
       fv(0.1, 2, 0, -100) AS from_pv;
-- pv of 100 received in each of 2 periods at 10 %: 100 / 1.1 + 100 / 1.21
-- = 210 / 1.21 = 173.553719008..., paid now: -173.553719008; of 121
-- received after 2 periods: 121 / 1.21 = 100, paid now: -100.
SELECT pv(0.1, 2, 100) AS annuity, pv(0.1, 2, 0, 121) AS lump;
-- nper and rate: 100 paid now comes back as 121 after 2 periods at 10 %.
SELECT nper(0.1, 0, -100, 121), rate(2, 0, -100, 121);
-- effect: (1 + 0.1 / 2)^2 - 1 = 1.1025 - 1 = 0.1025; nominal inverts it:
-- 2 * (1.1025^(1 / 2) - 1) = 2 * 0.05 = 0.1.
SELECT effect(0.1, 2), nominal(0.1025, 2);
-- Optional arguments default as in a spreadsheet: pv 0, type 0, guess 0.1.
SELECT fv(0.1, 2, -100) = fv(0.1, 2, -100, 0, 0) AS fv_defaults,
       rate(2, 0, -100, 121) = rate(2, 0, -100, 121, 0, 0.1) AS rate_defaults;
-- NULL in gives NULL out, STRICT (cagr) or not (fv).
SELECT cagr(NULL, 121, 2) IS NULL AS cagr_null,
       fv(0.1, NULL, -100) IS NULL AS fv_null;
-- A type other than 0 or 1 is an error, also beside a NULL.
SELECT fv(0.1, 2, -100, 0, 2);
SELECT pv(0.1, NULL, -100, 0, 0.5);
-- Outside a function's domain, or on overflow, NULL: never NaN or Infinity.
SELECT project(100, -1, 3) IS NULL AS rate_minus_one,
       cagr('NaN', 121, 2) IS NULL AS nan_in,
       project(1e300, 1e10, 100) IS NULL AS overflow;
-- Type errors are PostgreSQL's, raised before the function runs.
SELECT cagr('abc', 121, 2);
DROP EXTENSION pmext;
