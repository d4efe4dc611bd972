-- SPDX-License-Identifier: MIT
-- upgrade.sql -- pg_regress: pmext 0.1.0 brought to 0.2.0 by ALTER
-- EXTENSION pmext UPDATE (docs/postgresql.md, "Versions and upgrades").
-- tests/pg/upgrade.test compares the updated catalogue with a fresh
-- install's; this shows what a user sees. Numbers print with 12
-- significant digits.
CREATE EXTENSION pmext VERSION '0.1.0';
SET extra_float_digits = -3;
SELECT extversion FROM pg_extension WHERE extname = 'pmext';
-- 0.1.0 bound every scalar to one C entry, which this library keeps only
-- to ask for the update.
SELECT cagr(100, 121, 2);
-- The aggregates are bound as in 0.2.0 and compute:
-- (121 / 100)^(1 / 2) - 1 = 0.1.
SELECT cagr(v, y) FROM (VALUES (100, 2020), (121, 2022)) AS t(v, y);
-- A view over a scalar keeps working after the update (the function keeps
-- its OID): 121 / 1.1^2 = 100.
CREATE VIEW discounted AS SELECT discount(121, 0.1, 2) AS d;
ALTER EXTENSION pmext UPDATE TO '0.2.0';
SELECT extversion FROM pg_extension WHERE extname = 'pmext';
SELECT cagr(100, 121, 2), d FROM discounted;
SELECT count(*) AS bound_to_0_1_0 FROM pg_proc WHERE prosrc = 'pmext_scalar';
DROP VIEW discounted;
DROP EXTENSION pmext;
