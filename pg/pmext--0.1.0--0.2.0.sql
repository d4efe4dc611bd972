-- SPDX-License-Identifier: MIT
-- pmext 0.1.0 -> 0.2.0, run by ALTER EXTENSION pmext UPDATE: afterwards the
-- extension's objects are those pmext--0.2.0.sql creates.
--
-- 0.1.0 bound every scalar to one C entry, pmext_scalar, which chose what to
-- compute by the function's SQL name; 0.2.0 binds each to an entry of its
-- own (docs/postgresql.md, "Security"), and the library's pmext_scalar only
-- raises an error asking for this update. That binding is the only
-- difference between the two install scripts: the scalars keep their names,
-- arguments, defaults, results and flags, and projection() and the
-- aggregates are unchanged. CREATE OR REPLACE keeps each function's OID, so
-- views, indexes and grants that use it remain; in an extension script it
-- replaces only a function that is already a member of pmext, and fails on
-- any other.
\echo Use "ALTER EXTENSION pmext UPDATE TO '0.2.0'" to load this file. \quit

-- Analyst growth functions.
CREATE OR REPLACE FUNCTION cagr(start_value float8, end_value float8,
                                years float8)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_cagr_3'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION cagr(start_value float8, end_value float8,
                                start_year float8, end_year float8)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_cagr_4'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION project(value float8, rate float8, years float8)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_project_3'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION project(value float8, rate float8, from_year float8,
                                   to_year float8)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_project_4'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION discount(value float8, rate float8, years float8)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_discount_3'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION years_to_reach(value float8, target float8,
                                          rate float8)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_years_to_reach_3'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION interpolate_growth(year float8, year0 float8,
                                              value0 float8, year1 float8,
                                              value1 float8)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_interpolate_growth_5'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- Spreadsheet twins.
CREATE OR REPLACE FUNCTION rri(nper float8, pv float8, fv float8)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_rri_3'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION pduration(rate float8, pv float8, fv float8)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_pduration_3'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION fv(rate float8, nper float8, pmt float8,
                              pv float8 DEFAULT 0, type float8 DEFAULT 0)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_fv_5'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION pv(rate float8, nper float8, pmt float8,
                              fv float8 DEFAULT 0, type float8 DEFAULT 0)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_pv_5'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION nper(rate float8, pmt float8, pv float8,
                                fv float8 DEFAULT 0, type float8 DEFAULT 0)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_nper_5'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION rate(nper float8, pmt float8, pv float8,
                                fv float8 DEFAULT 0, type float8 DEFAULT 0,
                                guess float8 DEFAULT 0.1)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_rate_6'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE OR REPLACE FUNCTION effect(nominal_rate float8, npery float8)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_effect_2'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION nominal(effect_rate float8, npery float8)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_nominal_2'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
