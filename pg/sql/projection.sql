-- SPDX-License-Identifier: MIT
-- projection.sql -- pg_regress: projection(), one row a year
-- (docs/postgresql.md, "Functions"; docs/functions.md, "projection").
-- Each expected value is worked by hand in the comment above its query;
-- numbers print with 12 significant digits.
CREATE EXTENSION pmext;
SET extra_float_digits = -3;
-- 100 grown at 10 % a year: 110, 121, 133.1; the growth index is 1.1^n:
-- 1.1, 1.21, 1.331.
SELECT * FROM projection(100, 0.1, 2020, 2023);
-- Counting down from 2023 to 2021: 100 / 1.1 = 90.9090909091 and
-- 100 / 1.21 = 82.6446280992; the index 1 / 1.1 = 0.909090909091 and
-- 1 / 1.21 = 0.826446280992.
SELECT * FROM projection(100, 0.1, 2023, 2021);
-- Each row is project() of the same arguments: 31 rows from 2020 to 2050.
SELECT count(*), bool_and(value = project(100, 0.07, year - 2020)) AS same
  FROM projection(100, 0.07, 2020, 2050);
-- A fractional from_year steps in whole years, the last not past to_year.
SELECT year FROM projection(100, 0.1, 2020.5, 2022);
-- A rate of -1 gives the years with no value (NULL).
SELECT year, value IS NULL AS no_value, growth_index IS NULL AS no_index
  FROM projection(100, -1, 2020, 2021);
-- A NULL or infinite argument gives no rows.
SELECT count(*) FROM projection(100, NULL, 2020, 2030);
SELECT count(*) FROM projection(100, 0.1, 2020, 'Infinity');
-- More than 1000000 years is an error.
SELECT count(*) FROM projection(100, 0.1, 0, 2000001);
DROP EXTENSION pmext;
