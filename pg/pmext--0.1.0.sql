-- SPDX-License-Identifier: MIT
-- pmext for PostgreSQL: the growth and spreadsheet functions of the SQLite
-- extension, computed by the same maths sources (see docs/postgresql.md).
\echo Use "CREATE EXTENSION pmext" to load this file. \quit

-- Analyst growth functions.
CREATE FUNCTION cagr(start_value float8, end_value float8, years float8)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_scalar'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION cagr(start_value float8, end_value float8,
                     start_year float8, end_year float8)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_scalar'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION project(value float8, rate float8, years float8)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_scalar'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION project(value float8, rate float8, from_year float8,
                        to_year float8)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_scalar'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION discount(value float8, rate float8, years float8)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_scalar'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION years_to_reach(value float8, target float8, rate float8)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_scalar'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION interpolate_growth(year float8, year0 float8, value0 float8,
                                   year1 float8, value1 float8)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_scalar'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- Spreadsheet twins. Optional arguments default as in a spreadsheet; the
-- functions with a 0/1 `type` are not STRICT: a bad type is an error even
-- beside a NULL (NULL still gives NULL).
CREATE FUNCTION rri(nper float8, pv float8, fv float8)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_scalar'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION pduration(rate float8, pv float8, fv float8)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_scalar'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION fv(rate float8, nper float8, pmt float8, pv float8 DEFAULT 0,
                   type float8 DEFAULT 0)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_scalar'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pv(rate float8, nper float8, pmt float8, fv float8 DEFAULT 0,
                   type float8 DEFAULT 0)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_scalar'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION nper(rate float8, pmt float8, pv float8, fv float8 DEFAULT 0,
                     type float8 DEFAULT 0)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_scalar'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION rate(nper float8, pmt float8, pv float8, fv float8 DEFAULT 0,
                     type float8 DEFAULT 0, guess float8 DEFAULT 0.1)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_scalar'
  LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION effect(nominal_rate float8, npery float8)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_scalar'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION nominal(effect_rate float8, npery float8)
  RETURNS float8 AS 'MODULE_PATHNAME', 'pmext_scalar'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- projection(): one row per year.
CREATE FUNCTION projection(start_value float8, rate float8, from_year float8,
                           to_year float8)
  RETURNS TABLE(year float8, value float8, growth_index float8)
  AS 'MODULE_PATHNAME', 'pmext_projection'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;

-- Aggregates. Each has a combine function and a bytea serialisation of its
-- partial state (PARALLEL = SAFE): parallel workers and Citus merge them.
-- Internal support functions are prefixed pmext_.
CREATE FUNCTION pmext_cagr_step(internal, float8, float8) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmext_cagr_combine(internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmext_cagr_final(internal) RETURNS float8
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmext_cagr_serial(internal) RETURNS bytea
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION pmext_cagr_deserial(bytea, internal) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE AGGREGATE cagr(value float8, year float8) (
  SFUNC = pmext_cagr_step, STYPE = internal, FINALFUNC = pmext_cagr_final,
  COMBINEFUNC = pmext_cagr_combine, SERIALFUNC = pmext_cagr_serial,
  DESERIALFUNC = pmext_cagr_deserial, PARALLEL = SAFE);

CREATE FUNCTION pmext_cagr_fit_step(internal, float8, float8) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmext_cagr_fit_inverse(internal, float8, float8) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmext_cagr_fit_combine(internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmext_cagr_fit_final(internal) RETURNS float8
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmext_cagr_fit_serial(internal) RETURNS bytea
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION pmext_cagr_fit_deserial(bytea, internal) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE AGGREGATE cagr_fit(value float8, year float8) (
  SFUNC = pmext_cagr_fit_step, STYPE = internal, FINALFUNC = pmext_cagr_fit_final,
  COMBINEFUNC = pmext_cagr_fit_combine, SERIALFUNC = pmext_cagr_fit_serial,
  DESERIALFUNC = pmext_cagr_fit_deserial,
  MSFUNC = pmext_cagr_fit_step, MINVFUNC = pmext_cagr_fit_inverse,
  MSTYPE = internal, MFINALFUNC = pmext_cagr_fit_final, PARALLEL = SAFE);

CREATE FUNCTION pmext_npv_step(internal, float8, float8, float8) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmext_npv_inverse(internal, float8, float8, float8) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmext_npv_combine(internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmext_npv_final(internal) RETURNS float8
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmext_npv_serial(internal) RETURNS bytea
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION pmext_npv_deserial(bytea, internal) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE AGGREGATE npv(rate float8, value float8, period float8) (
  SFUNC = pmext_npv_step, STYPE = internal, FINALFUNC = pmext_npv_final,
  COMBINEFUNC = pmext_npv_combine, SERIALFUNC = pmext_npv_serial,
  DESERIALFUNC = pmext_npv_deserial,
  MSFUNC = pmext_npv_step, MINVFUNC = pmext_npv_inverse, MSTYPE = internal,
  MFINALFUNC = pmext_npv_final, PARALLEL = SAFE);

CREATE FUNCTION pmext_flows_combine(internal, internal) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmext_flows_serial(internal) RETURNS bytea
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION pmext_flows_deserial(bytea, internal) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
-- Dates as text are read by PostgreSQL's date input, which also knows
-- 'today' and 'now': the text forms of xirr and xnpv are STABLE.
CREATE FUNCTION pmext_irr_final(internal) RETURNS float8
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmext_xirr_final(internal) RETURNS float8
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmext_xnpv_final(internal) RETURNS float8
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION pmext_irr_step(internal, float8, float8) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmext_irr_inverse(internal, float8, float8) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE irr(value float8, period float8) (
  SFUNC = pmext_irr_step, STYPE = internal, FINALFUNC = pmext_irr_final,
  COMBINEFUNC = pmext_flows_combine, SERIALFUNC = pmext_flows_serial,
  DESERIALFUNC = pmext_flows_deserial,
  MSFUNC = pmext_irr_step, MINVFUNC = pmext_irr_inverse, MSTYPE = internal,
  MFINALFUNC = pmext_irr_final, PARALLEL = SAFE);
CREATE FUNCTION pmext_xirr_date_step(internal, float8, date) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmext_xirr_date_inverse(internal, float8, date) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE xirr(value float8, date date) (
  SFUNC = pmext_xirr_date_step, STYPE = internal, FINALFUNC = pmext_xirr_final,
  COMBINEFUNC = pmext_flows_combine, SERIALFUNC = pmext_flows_serial,
  DESERIALFUNC = pmext_flows_deserial,
  MSFUNC = pmext_xirr_date_step, MINVFUNC = pmext_xirr_date_inverse, MSTYPE = internal,
  MFINALFUNC = pmext_xirr_final, PARALLEL = SAFE);
CREATE FUNCTION pmext_xirr_timestamp_step(internal, float8, timestamp) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmext_xirr_timestamp_inverse(internal, float8, timestamp) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE xirr(value float8, date timestamp) (
  SFUNC = pmext_xirr_timestamp_step, STYPE = internal, FINALFUNC = pmext_xirr_final,
  COMBINEFUNC = pmext_flows_combine, SERIALFUNC = pmext_flows_serial,
  DESERIALFUNC = pmext_flows_deserial,
  MSFUNC = pmext_xirr_timestamp_step, MINVFUNC = pmext_xirr_timestamp_inverse, MSTYPE = internal,
  MFINALFUNC = pmext_xirr_final, PARALLEL = SAFE);
CREATE FUNCTION pmext_xirr_text_step(internal, float8, text) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION pmext_xirr_text_inverse(internal, float8, text) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE;
CREATE AGGREGATE xirr(value float8, date text) (
  SFUNC = pmext_xirr_text_step, STYPE = internal, FINALFUNC = pmext_xirr_final,
  COMBINEFUNC = pmext_flows_combine, SERIALFUNC = pmext_flows_serial,
  DESERIALFUNC = pmext_flows_deserial,
  MSFUNC = pmext_xirr_text_step, MINVFUNC = pmext_xirr_text_inverse, MSTYPE = internal,
  MFINALFUNC = pmext_xirr_final, PARALLEL = SAFE);
CREATE FUNCTION pmext_xirr_julian_step(internal, float8, float8) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmext_xirr_julian_inverse(internal, float8, float8) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE xirr(value float8, date float8) (
  SFUNC = pmext_xirr_julian_step, STYPE = internal, FINALFUNC = pmext_xirr_final,
  COMBINEFUNC = pmext_flows_combine, SERIALFUNC = pmext_flows_serial,
  DESERIALFUNC = pmext_flows_deserial,
  MSFUNC = pmext_xirr_julian_step, MINVFUNC = pmext_xirr_julian_inverse, MSTYPE = internal,
  MFINALFUNC = pmext_xirr_final, PARALLEL = SAFE);
CREATE FUNCTION pmext_xnpv_date_step(internal, float8, float8, date) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmext_xnpv_date_inverse(internal, float8, float8, date) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE xnpv(rate float8, value float8, date date) (
  SFUNC = pmext_xnpv_date_step, STYPE = internal, FINALFUNC = pmext_xnpv_final,
  COMBINEFUNC = pmext_flows_combine, SERIALFUNC = pmext_flows_serial,
  DESERIALFUNC = pmext_flows_deserial,
  MSFUNC = pmext_xnpv_date_step, MINVFUNC = pmext_xnpv_date_inverse, MSTYPE = internal,
  MFINALFUNC = pmext_xnpv_final, PARALLEL = SAFE);
CREATE FUNCTION pmext_xnpv_timestamp_step(internal, float8, float8, timestamp) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmext_xnpv_timestamp_inverse(internal, float8, float8, timestamp) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE xnpv(rate float8, value float8, date timestamp) (
  SFUNC = pmext_xnpv_timestamp_step, STYPE = internal, FINALFUNC = pmext_xnpv_final,
  COMBINEFUNC = pmext_flows_combine, SERIALFUNC = pmext_flows_serial,
  DESERIALFUNC = pmext_flows_deserial,
  MSFUNC = pmext_xnpv_timestamp_step, MINVFUNC = pmext_xnpv_timestamp_inverse, MSTYPE = internal,
  MFINALFUNC = pmext_xnpv_final, PARALLEL = SAFE);
CREATE FUNCTION pmext_xnpv_text_step(internal, float8, float8, text) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION pmext_xnpv_text_inverse(internal, float8, float8, text) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C STABLE PARALLEL SAFE;
CREATE AGGREGATE xnpv(rate float8, value float8, date text) (
  SFUNC = pmext_xnpv_text_step, STYPE = internal, FINALFUNC = pmext_xnpv_final,
  COMBINEFUNC = pmext_flows_combine, SERIALFUNC = pmext_flows_serial,
  DESERIALFUNC = pmext_flows_deserial,
  MSFUNC = pmext_xnpv_text_step, MINVFUNC = pmext_xnpv_text_inverse, MSTYPE = internal,
  MFINALFUNC = pmext_xnpv_final, PARALLEL = SAFE);
CREATE FUNCTION pmext_xnpv_julian_step(internal, float8, float8, float8) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION pmext_xnpv_julian_inverse(internal, float8, float8, float8) RETURNS internal
  AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE AGGREGATE xnpv(rate float8, value float8, date float8) (
  SFUNC = pmext_xnpv_julian_step, STYPE = internal, FINALFUNC = pmext_xnpv_final,
  COMBINEFUNC = pmext_flows_combine, SERIALFUNC = pmext_flows_serial,
  DESERIALFUNC = pmext_flows_deserial,
  MSFUNC = pmext_xnpv_julian_step, MINVFUNC = pmext_xnpv_julian_inverse, MSTYPE = internal,
  MFINALFUNC = pmext_xnpv_final, PARALLEL = SAFE);
