-- SPDX-License-Identifier: MIT
-- demo_extract.sql -- pm_extract(): from a short release to the model's
-- input rows and their audit (pm_model_audit). Read at the end of
-- sql/demo.sql (`make demo`); the release below is invented for the demo,
-- its numbers belong to no publisher.

.headers on
.mode column

CREATE TEMP TABLE release(text TEXT);
INSERT INTO release VALUES (
'The global lab robotics market was valued at USD 2.45 billion in 2023 and is forecast to reach USD 4.18 billion by 2030, growing at a CAGR of 9.5% from 2023 to 2030. The North America lab robotics market accounted for USD 0.98 billion in 2023, the Europe lab robotics market for USD 0.86 billion in 2023 and the Asia-Pacific lab robotics market for USD 0.61 billion in 2023. Automation now touches 35% of clinical labs.
Lab Robotics Market Share, By End User, 2023 (%)
End User | Share, 2023 (%) |
Hospitals | 52.5% |
Research Institutes | 47.5% |');

.print
.print == pm_extract(): every candidate row and where it was read ==
SELECT kind, dimension, segment, year, value, share, unit, from_year, to_year,
       coalesce(substr(reason, 1, 24) || '...', '') AS reason, offset, match
FROM release, pm_extract(release.text, 'lab-robotics');

.print
.print == Ready for the figures table (reason IS NULL; all in USD bn) ==
SELECT report, dimension, segment, year, value, share, decimals
FROM release, pm_extract(release.text, 'lab-robotics')
WHERE kind = 'figure' AND reason IS NULL;

.print
.print == Ready for the claims table ==
SELECT report, kind, dimension, segment, value, from_year, to_year, note
FROM release, pm_extract(release.text, 'lab-robotics')
WHERE kind IN ('cagr', 'dominant', 'fastest_growing') AND reason IS NULL;

.print
.print == Into input tables of its own, and audited (pm_model_audit) ==
CREATE TEMP TABLE release_reports(report, market, publisher, published, unit, url);
CREATE TEMP TABLE release_figures(report, dimension, segment, year, value, share, decimals, note);
CREATE TEMP TABLE release_claims(report, kind, dimension, segment, value, from_year, to_year, note);
INSERT INTO release_reports(report, market, unit) VALUES ('lab-robotics', 'lab robotics', 'USD bn');
INSERT INTO release_figures
  SELECT report, dimension, segment, year, value, share, decimals, note
  FROM release, pm_extract(release.text, 'lab-robotics')
  WHERE kind = 'figure' AND reason IS NULL;
INSERT INTO release_claims
  SELECT report, kind, dimension, segment, value, from_year, to_year, note
  FROM release, pm_extract(release.text, 'lab-robotics')
  WHERE kind IN ('cagr', 'dominant', 'fastest_growing') AND reason IS NULL;
CREATE VIRTUAL TABLE temp.release_audit USING pm_model_audit(
  reports=release_reports, figures=release_figures, claims=release_claims);
SELECT "check", subject, round(expected, 4) AS expected, round(actual, 4) AS actual, status
FROM release_audit;
