-- demo.sql -- the personalized medicine market report, checked with pmext.
-- Run with `make demo` (the sqlite3 shell, with the extension loaded).

.headers on
.mode column

.print
.print == The report's headline figures (USD billions) ==
.print   2024 size 578.14, 2025 size 616.26, 2034 size 1094.83,
.print   and a stated CAGR of 11.37 % over 2025-2034.
.print

.print -- What growth rate do the report's own figures imply?
SELECT printf('%.2f %%', 100 * cagr(578.14, 1094.83, 2024, 2034)) AS "2024->2034",
       printf('%.2f %%', 100 * cagr(616.26, 1094.83, 2025, 2034)) AS "2025->2034",
       printf('%.2f %%', 100 * cagr(578.14, 616.26, 2024, 2025))  AS "2024->2025",
       '11.37 %' AS "stated";

.print
.print -- If 11.37 % a year were right, where would 2034 be?
SELECT printf('%.2f', project(616.26, 0.1137, 2025, 2034)) AS "2034 at 11.37 % from 2025",
       '1094.83' AS "2034 printed",
       printf('%.0f %%', 100 * (project(616.26, 0.1137, 2025, 2034) / 1094.83 - 1))
         AS "overshoot";

.print
.print -- And what rate takes 616.26 to the printed 1094.83 in nine years?
SELECT printf('%.4f', cagr(616.26, 1094.83, 9)) AS "rate",
       printf('%.2f', project(616.26, cagr(616.26, 1094.83, 9), 9)) AS "check: 2034";

.print
.print Finding: the report's figures grow at about 6.59 % a year; its stated
.print 11.37 % CAGR does not reproduce its own 2034 figure (it would give about
.print 1624 instead of 1094.83).
