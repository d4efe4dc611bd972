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
