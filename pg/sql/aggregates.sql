-- SPDX-License-Identifier: MIT
-- aggregates.sql -- pg_regress: the growth and cash-flow aggregates, plain
-- and over moving window frames (docs/postgresql.md, "Functions" and
-- "Parallel and distributed"; docs/functions.md). Each expected value is
-- worked by hand in the comment above its query; numbers print with 12
-- significant digits.
CREATE EXTENSION pmext;
SET extra_float_digits = -3;
CREATE TABLE sales(year int, value float8);
INSERT INTO sales VALUES (2022, 121), (2020, 100), (2021, 110), (2023, NULL);
-- cagr from the earliest row (2020, 100) to the latest (2022, 121), the
-- NULL row skipped: (121 / 100)^(1 / 2) - 1 = 0.1. cagr_fit: ln(value) lies
-- on a line of slope ln(1.1), so exp(slope) - 1 = 0.1.
SELECT cagr(value, year), cagr_fit(value, year) FROM sales;
-- The latest year twice with two values is ambiguous; no rows: NULL.
SELECT cagr(v, y) IS NULL AS tie
  FROM (VALUES (100, 2020), (121, 2022), (150, 2022)) AS t(v, y);
SELECT cagr(value, year) IS NULL AS no_rows FROM sales WHERE false;
-- npv at 10 %: 50 in period 0 (not discounted) + 110 / 1.1 + 121 / 1.21
-- = 50 + 100 + 100 = 250.
SELECT npv(0.1, v, p) FROM (VALUES (50, 0), (110, 1), (121, 2)) AS t(v, p);
-- One rate in every row, else an error naming both.
SELECT npv(r, 100, 1) FROM (VALUES (0.1), (0.2)) AS t(r);
-- irr of -100 then 121 two periods later: (121 / 100)^(1 / 2) - 1 = 0.1;
-- of -100, 230, -132: -100 + 230 / 1.1 - 132 / 1.21 = -100 + 209.0909...
-- - 109.0909... = 0 at 0.1.
SELECT irr(v, p) FROM (VALUES (-100, 0), (121, 2)) AS t(v, p);
SELECT irr(v, p) FROM (VALUES (-100, 0), (230, 1), (-132, 2)) AS t(v, p);
-- xirr of -100 on 2021-01-01 and 110 on 2022-01-01, 365 days (one year)
-- later: 0.1; xnpv at 10 %: -100 + 110 / 1.1 = 0. Dates as date, timestamp,
-- text or julian day (2000-01-01 is day 2451544.5) give the same.
CREATE TABLE dated(value float8, day date);
INSERT INTO dated VALUES (-100, '2021-01-01'), (110, '2022-01-01');
SELECT xirr(value, day) AS date, xirr(value, day + time '13:45') AS timestamp,
       xirr(value, day::text) AS text,
       xirr(value, (day - date '2000-01-01') + 2451544.5) AS julian
  FROM dated;
SELECT round(xnpv(0.1, value, day)::numeric, 9) AS xnpv FROM dated;
-- A moving frame of two rows gives the aggregate over those rows alone.
-- npv at 10 % of 110, 121, 133.1 in periods 1, 2, 3: 110 / 1.1 = 100, then
-- 100 + 121 / 1.21 = 200, then 121 / 1.21 + 133.1 / 1.331 = 200.
-- cagr_fit over 100, 110, 132 in 2020-2022: no rate from one row, then
-- 110 / 100 - 1 = 0.1, then 132 / 110 - 1 = 0.2.
SELECT p, npv(0.1, v, p) OVER w, cagr_fit(s, 2019 + p) OVER w
  FROM (VALUES (110, 1, 100), (121, 2, 110), (133.1, 3, 132)) AS t(v, p, s)
  WINDOW w AS (ORDER BY p ROWS 1 PRECEDING)
  ORDER BY p;
DROP TABLE sales, dated;
DROP EXTENSION pmext;
