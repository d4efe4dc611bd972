-- SPDX-License-Identifier: MIT
-- export.sql -- the built-in model as plain tables and views.
--
-- Run with the extension loaded, into the database file to fill:
--   sqlite3 -cmd '.load ./build/pmext' pm.db < sql/export.sql
-- The result needs no extension: any SQLite tool (BI tools, ODBC, tools
-- that cannot load extensions) reads it. Running it again replaces the
-- tables. The names start with model_ so they never hide the extension's
-- own pm_* tables when both are present.

BEGIN;

DROP VIEW IF EXISTS model_audit_failures;
DROP VIEW IF EXISTS model_regions_by_year;
DROP VIEW IF EXISTS model_reported;
DROP TABLE IF EXISTS model_segments;
DROP TABLE IF EXISTS model_facts;
DROP TABLE IF EXISTS model_companies;
DROP TABLE IF EXISTS model_audit;

-- pm_segments in both scenarios, one row per (scenario, dimension,
-- segment, year).
CREATE TABLE model_segments(
  scenario TEXT NOT NULL,
  dimension TEXT NOT NULL,
  segment TEXT NOT NULL,
  year INTEGER NOT NULL,
  value_usd_bn REAL,
  share REAL,
  yoy_growth REAL,
  value_basis TEXT NOT NULL,
  share_basis TEXT NOT NULL,
  PRIMARY KEY (scenario, dimension, segment, year)
);
INSERT INTO model_segments
  SELECT scenario, dimension, segment, year, value_usd_bn, share, yoy_growth,
         value_basis, share_basis
  FROM pm_segments('reported')
  UNION ALL
  SELECT scenario, dimension, segment, year, value_usd_bn, share, yoy_growth,
         value_basis, share_basis
  FROM pm_segments('stated_cagr');

CREATE TABLE model_facts(key TEXT PRIMARY KEY, value ANY, unit TEXT,
                         period TEXT, basis TEXT, note TEXT);
INSERT INTO model_facts SELECT key, value, unit, period, basis, note FROM pm_facts;

CREATE TABLE model_companies(position INTEGER PRIMARY KEY, company TEXT,
                             parent TEXT, listed_as TEXT);
INSERT INTO model_companies
  SELECT position, company, parent, listed_as FROM pm_companies;

CREATE TABLE model_audit("check" TEXT, subject TEXT, expected REAL,
                         actual REAL, tolerance REAL, status TEXT,
                         explanation TEXT);
INSERT INTO model_audit
  SELECT "check", subject, expected, actual, tolerance, status, explanation
  FROM pm_audit;

-- The default scenario, shaped like pm_segments.
CREATE VIEW model_reported AS
  SELECT dimension, segment, year, value_usd_bn, share, yoy_growth,
         value_basis, share_basis
  FROM model_segments WHERE scenario = 'reported';

-- One row per year, one column per region (USD billions), for charts.
CREATE VIEW model_regions_by_year AS
  SELECT year,
         max(value_usd_bn) FILTER (WHERE segment = 'North America') AS north_america,
         max(value_usd_bn) FILTER (WHERE segment = 'Europe') AS europe,
         max(value_usd_bn) FILTER (WHERE segment = 'Asia-Pacific') AS asia_pacific,
         max(value_usd_bn) FILTER (WHERE segment = 'LAMEA') AS lamea,
         max(value_usd_bn) FILTER (WHERE segment = 'Global') AS global
  FROM model_segments
  WHERE scenario = 'reported' AND dimension IN ('market', 'region')
  GROUP BY year;

CREATE VIEW model_audit_failures AS
  SELECT "check", subject, expected, actual, explanation
  FROM model_audit WHERE status = 'fail';

COMMIT;
