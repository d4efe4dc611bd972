-- SPDX-License-Identifier: MIT
-- oom.sql -- statements run by tests/c/oom.c (out-of-memory injection) and
-- tests/c/threads.c (the mixed workload). One statement per line; a line
-- may hold several statements separated by ';'. Every pmext function and
-- module also gets a generated call, so a line here is for the cases that
-- matter: errors with messages, text results, aggregates over real data,
-- table-valued functions with arguments, filters on virtual tables.
-- When a function or table is merged, add its lines here.
SELECT pmext_version(), pmext_debug()
SELECT cagr(578.14, 1094.83, 10), cagr(578.14, 1094.83, 2024, 2034)
SELECT project(578.14, 0.0659, 10), project(578.14, 0.0659, 2024, 2034)
SELECT cagr('578.14', ' 1094.83 ', 10), project(100, '0.1', '-3')
SELECT cagr(-1, 2, 3), cagr(1, 2, 0), project(1, -1, 2), project(1e308, 10, 1e6)
SELECT cagr('abc', 2, 3)
SELECT project(1, x'00ff', 3, 4)
SELECT cagr(1, 2, 3, 'a long piece of text that is cut short in the error message, since it goes on')
CREATE TABLE m(name, v2024, v2034, g AS (cagr(v2024, v2034, 10))); INSERT INTO m VALUES ('a', 100, 200), ('b', 5, 1); CREATE INDEX mi ON m(project(v2024, g, 3)); SELECT name, g FROM m ORDER BY project(v2024, g, 3)
WITH RECURSIVE y(n) AS (SELECT 2024 UNION ALL SELECT n + 1 FROM y WHERE n < 2034) SELECT n, project(578.14, cagr(578.14, 1094.83, 2024, 2034), 2024, n) FROM y
-- Functions and tables other branches are adding (until merged, each gives
-- "no such function/table", which is checked like any other output):
CREATE TABLE t(v, y); INSERT INTO t VALUES (578.14, 2024), (616.26, 2025), (1094.83, 2034); SELECT cagr(v, y), cagr_fit(v, y), sparkline(v) FROM t
CREATE TABLE t(v, y); INSERT INTO t VALUES (578.14, 2024), (616.26, 2025), (1094.83, 2034); SELECT y, cagr(v, y) OVER (ORDER BY y ROWS 1 PRECEDING), cagr_fit(v, y) OVER (ORDER BY y ROWS 2 PRECEDING) FROM t
CREATE TABLE c(v, p, d); INSERT INTO c VALUES (-1000, 0, '2024-01-01'), (300, 1, '2025-01-01'), (400, 2, '2026-03-01'), (500, 3, '2027-01-01'); SELECT npv(0.08, v, p), irr(v, p), xnpv(0.08, v, d), xirr(v, d) FROM c
SELECT discount(100, 0.1, 3), years_to_reach(100, 200, 0.07), interpolate_growth(2030, 2024, 578.14, 2034, 1094.83)
SELECT rri(10, 578.14, 1094.83), pduration(0.0659, 578.14, 1094.83), fv(0.05, 10, -100), pv(0.05, 10, -100), nper(0.05, -100, 1000), rate(10, -100, 800), effect(0.05, 12), nominal(0.05, 12)
SELECT bar(578.14, 1094.83, 20), bar(1, 0)
SELECT * FROM projection(578.14, 0.0659, 2024, 2034)
SELECT * FROM projection('abc', 0.1, 2024, 2030)
SELECT * FROM pm_extract('The global gizmo market was USD 578.14 billion in 2024 and may reach USD 1,094.83 billion by 2034, a CAGR of 11.37% from 2025 to 2034. The Europe gizmo market was USD 166.04 billion in 2024. It grows. About 30% of users. The Europe gizmo market was USD 166.04 billion in 2024.' || char(10) || 'Share, By Region, 2024 (%)' || char(10) || 'Europe | 28.72% |' || char(10) || 'Dominant Region | Europe |' || char(10) || 'Market Size in 2025 | USD 616.26 Billion |', 'r')
SELECT * FROM pm_extract(42)
SELECT * FROM pm_segments('stated_cagr') WHERE dimension = 'region' AND year = 2030
SELECT * FROM pm_segments('no such scenario')
SELECT * FROM pm_facts; SELECT * FROM pm_companies; SELECT * FROM pm_audit WHERE status = 'fail'
CREATE VIEW v AS SELECT segment, value_usd_bn FROM pm_segments WHERE year = 2034; SELECT * FROM v
CREATE TABLE reports(report, market, publisher, published, unit, url); CREATE TABLE figures(report, dimension, segment, year, value, share, decimals, note); CREATE TABLE claims(report, kind, dimension, segment, value, from_year, to_year, note); INSERT INTO reports VALUES ('a', 'm', NULL, NULL, 'USD bn', NULL), ('b', 'm', NULL, NULL, 'USD tn', NULL); INSERT INTO figures VALUES ('a', 'market', 'Global', 2020, 100, NULL, 2, NULL), ('a', 'market', 'Global', 2023, '200', NULL, 2, NULL), ('a', 'region', 'N', 2020, 60, 0.6, 2, NULL), ('a', 'end_user', 'H', 2020, NULL, '0.41', NULL, NULL), ('b', 'market', 'Global', 2022, 1.5, NULL, 1, NULL); INSERT INTO claims VALUES ('a', 'cagr', NULL, NULL, 0.07, 2020, 2023, 'x'), ('a', 'dominant', 'region', 'N', NULL, NULL, NULL, NULL), ('b', 'cagr', NULL, NULL, 0.1, 2022, 2024, NULL); CREATE VIRTUAL TABLE m USING pm_model; SELECT * FROM m('stated_cagr') WHERE report = 'a' AND dimension = 'region' AND segment = 'N' AND year > 2021
CREATE TABLE reports(report, market, publisher, published, unit, url); CREATE TABLE figures(report, dimension, segment, year, value, share, decimals, note); CREATE TABLE claims(report, kind, dimension, segment, value, from_year, to_year, note); INSERT INTO reports VALUES ('a', 'm', NULL, NULL, 'USD bn', NULL), ('b', 'm', NULL, NULL, 'USD tn', NULL); INSERT INTO figures VALUES ('a', 'market', 'Global', 2020, 100, NULL, 2, NULL), ('a', 'market', 'Global', 2023, '200', NULL, 2, NULL), ('a', 'region', 'N', 2020, 60, 0.6, 2, NULL), ('a', 'end_user', 'H', 2020, NULL, '0.41', NULL, NULL), ('b', 'market', 'Global', 2022, 1.5, NULL, 1, NULL); INSERT INTO claims VALUES ('a', 'cagr', NULL, NULL, 0.07, 2020, 2023, 'x'), ('a', 'dominant', 'region', 'N', NULL, NULL, NULL, NULL), ('b', 'cagr', NULL, NULL, 0.1, 2022, 2024, NULL); CREATE VIRTUAL TABLE a USING pm_model_audit; SELECT * FROM a
CREATE TABLE reports(report, market, publisher, published, unit, url); CREATE TABLE figures(report, dimension, segment, year, value, share, decimals, note); CREATE TABLE claims(report, kind, dimension, segment, value, from_year, to_year, note); INSERT INTO reports VALUES ('a', 'm', NULL, NULL, 'USD bn', NULL), ('b', 'm', NULL, NULL, 'USD tn', NULL); INSERT INTO figures VALUES ('a', 'market', 'Global', 2020, 100, NULL, 2, NULL), ('a', 'market', 'Global', 2023, '200', NULL, 2, NULL), ('a', 'region', 'N', 2020, 60, 0.6, 2, NULL), ('a', 'end_user', 'H', 2020, NULL, '0.41', NULL, NULL), ('b', 'market', 'Global', 2022, 1.5, NULL, 1, NULL); INSERT INTO claims VALUES ('a', 'cagr', NULL, NULL, 0.07, 2020, 2023, 'x'), ('a', 'dominant', 'region', 'N', NULL, NULL, NULL, NULL), ('b', 'cagr', NULL, NULL, 0.1, 2022, 2024, NULL); CREATE VIRTUAL TABLE f USING pm_model_facts(reports='reports', figures="figures", claims=[claims]); SELECT * FROM f
CREATE TABLE reports(report, market, publisher, published, unit, url); CREATE TABLE figures(report, dimension, segment, year, value, share, decimals, note); CREATE TABLE claims(report, kind, dimension, segment, value, from_year, to_year, note); INSERT INTO reports VALUES ('a', 'm', NULL, NULL, 'USD bn', NULL), ('b', 'm', NULL, NULL, 'USD tn', NULL); INSERT INTO figures VALUES ('a', 'market', 'Global', 2020, 100, NULL, 2, NULL), ('a', 'market', 'Global', 2023, '200', NULL, 2, NULL), ('a', 'region', 'N', 2020, 60, 0.6, 2, NULL), ('a', 'end_user', 'H', 2020, NULL, '0.41', NULL, NULL), ('b', 'market', 'Global', 2022, 1.5, NULL, 1, NULL); INSERT INTO claims VALUES ('a', 'cagr', NULL, NULL, 0.07, 2020, 2023, 'x'), ('a', 'dominant', 'region', 'N', NULL, NULL, NULL, NULL), ('b', 'cagr', NULL, NULL, 0.1, 2022, 2024, NULL); CREATE VIRTUAL TABLE c USING pm_compare; SELECT * FROM c
CREATE TABLE reports(report, market, publisher, published, unit, url); CREATE TABLE figures(report, dimension, segment, year, value, share, decimals, note); CREATE TABLE claims(report, kind, dimension, segment, value, from_year, to_year, note); INSERT INTO reports VALUES ('a', 'm', NULL, NULL, 'USD bn', NULL); INSERT INTO figures VALUES ('a', 'region', 'N', 2020, NULL, 41, NULL, NULL); CREATE VIRTUAL TABLE m USING pm_model; SELECT * FROM m
