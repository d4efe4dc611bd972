-- SPDX-License-Identifier: MIT
-- export_postgresql.sql -- the built-in model as a PostgreSQL script.
--
-- Run in the sqlite3 shell with pmext loaded; it writes SQL for PostgreSQL
-- on standard output (`make db-pg` writes build/pmext_model.pg.sql):
--   sqlite3 -cmd '.load ./build/pmext' :memory: < sql/export_postgresql.sql > model.pg.sql
--   psql -d DB -f model.pg.sql
-- The tables are those of sql/export.sql (model_segments, model_facts,
-- model_companies, model_audit) with PostgreSQL types; model_facts.value,
-- which mixes numbers and text in SQLite, is split into value_number
-- (double precision) and value_text. Numbers are written with quote(), whose
-- digits read back as the same double. Loading it again replaces the tables.
.mode list
.headers off
SELECT 'BEGIN;';
SELECT 'DROP TABLE IF EXISTS model_segments, model_facts, model_companies, model_audit CASCADE;';
SELECT 'CREATE TABLE model_segments(scenario text NOT NULL, dimension text NOT NULL, '
    || 'segment text NOT NULL, year integer NOT NULL, value_usd_bn double precision, '
    || 'share double precision, yoy_growth double precision, value_basis text NOT NULL, '
    || 'share_basis text NOT NULL, PRIMARY KEY (scenario, dimension, segment, year));';
SELECT 'INSERT INTO model_segments VALUES (' || quote(scenario)
         || ', ' || quote(dimension)
         || ', ' || quote(segment)
         || ', ' || quote(year)
         || ', ' || quote(value_usd_bn)
         || ', ' || quote(share)
         || ', ' || quote(yoy_growth)
         || ', ' || quote(value_basis)
         || ', ' || quote(share_basis) || ');'
  FROM (SELECT scenario, dimension, segment, year, value_usd_bn, share, yoy_growth,
               value_basis, share_basis FROM pm_segments('reported') UNION ALL
        SELECT scenario, dimension, segment, year, value_usd_bn, share, yoy_growth,
               value_basis, share_basis FROM pm_segments('stated_cagr'));
SELECT 'CREATE TABLE model_facts(key text PRIMARY KEY, value_number double precision, '
    || 'value_text text, unit text, period text, basis text, note text);';
SELECT 'INSERT INTO model_facts VALUES (' || quote(key)
         || ', ' || CASE WHEN typeof(value) IN ('integer', 'real') THEN quote(value) ELSE 'NULL' END
         || ', ' || CASE WHEN typeof(value) = 'text' THEN quote(value) ELSE 'NULL' END
         || ', ' || quote(unit)
         || ', ' || quote(period)
         || ', ' || quote(basis)
         || ', ' || quote(note) || ');'
  FROM pm_facts;
SELECT 'CREATE TABLE model_companies(position integer PRIMARY KEY, company text, '
    || 'parent text, listed_as text);';
SELECT 'INSERT INTO model_companies VALUES (' || quote(position)
         || ', ' || quote(company)
         || ', ' || quote(parent)
         || ', ' || quote(listed_as) || ');'
  FROM pm_companies;
SELECT 'CREATE TABLE model_audit("check" text, subject text, expected double precision, '
    || 'actual double precision, tolerance double precision, status text, explanation text);';
SELECT 'INSERT INTO model_audit VALUES (' || quote("check")
         || ', ' || quote(subject)
         || ', ' || quote(expected)
         || ', ' || quote(actual)
         || ', ' || quote(tolerance)
         || ', ' || quote(status)
         || ', ' || quote(explanation) || ');'
  FROM pm_audit;
SELECT 'COMMIT;';
