/* SPDX-License-Identifier: MIT */
/*
** inputs.h -- the input contract of the model engine, written once: every
** column of every input table, in the order the reader reads it, with what
** it holds, whether a row must give it, and what it means.
**
** The reader (reader.c) takes its column names and their positions from
** here; docs/model.md ("The input columns") shows the same rows, and
** tests/model_engine.test (requirement 20) checks that table, the shipped
** datasets' CSV headers and the engine's error for a missing column
** against this file. A new input column is a row here, its row in that
** table, and the code that reads and uses it (docs/architecture.md,
** "Where does this change go").
**
** Each table is a list X(TABLE, column, holds, required, meaning):
**   holds     name (text compared as docs/model.md "Names" says), key
**             (text compared by its bytes), text, unit, currency, year,
**             integer, number, fraction (or a percent text), rate (a
**             fraction or a percent text), kind
**   required  "yes": NULL is an error; "no": NULL means not given; else
**             the rows that must give it
*/
#ifndef PMEXT_MODEL_INPUTS_H
#define PMEXT_MODEL_INPUTS_H

#define MODEL_INPUT_REPORTS(X) \
  X(REPORTS, report, "key", "yes", "the report's name, unique") \
  X(REPORTS, market, "name", "yes", "the market; reports of one market are compared") \
  X(REPORTS, publisher, "text", "no", "who published it") \
  X(REPORTS, published, "text", "no", "when") \
  X(REPORTS, unit, "unit", "yes", "the currency and scale of its values ('USD bn')") \
  X(REPORTS, url, "text", "no", "where it is")

#define MODEL_INPUT_FIGURES(X) \
  X(FIGURES, report, "key", "yes", "the report it is printed in") \
  X(FIGURES, dimension, "name", "yes", "'market' for the whole market, else the report's own dimension") \
  X(FIGURES, segment, "name", "yes", "the segment; for dimension 'market', the geography") \
  X(FIGURES, year, "year", "with a value or share", "the year of the figure") \
  X(FIGURES, value, "number", "no", "the size, in the report's unit") \
  X(FIGURES, share, "fraction", "no", "the share of the whole market that year") \
  X(FIGURES, decimals, "integer", "no", "the decimals the value is printed with (0 to 15)") \
  X(FIGURES, note, "text", "no", "anything; shown, never read")

#define MODEL_INPUT_CLAIMS(X) \
  X(CLAIMS, report, "key", "yes", "the report that states it") \
  X(CLAIMS, kind, "kind", "yes", "cagr, dominant, fastest_growing or complete") \
  X(CLAIMS, dimension, "name", "for dominant, fastest_growing, complete and a segment's cagr", "the dimension the claim is about") \
  X(CLAIMS, segment, "name", "for dominant, fastest_growing", "the segment (NULL: the whole market)") \
  X(CLAIMS, value, "rate", "for a cagr", "a cagr's rate a year") \
  X(CLAIMS, from_year, "year", "no", "the first year of a cagr's period") \
  X(CLAIMS, to_year, "year", "no", "the last year of a cagr's period") \
  X(CLAIMS, note, "text", "no", "anything; shown, never read")

#define MODEL_INPUT_COMPANIES(X) \
  X(COMPANIES, report, "key", "yes", "the report that lists it") \
  X(COMPANIES, position, "integer", "yes", "its place in the list (1 to 1000000)") \
  X(COMPANIES, company, "text", "yes", "the company as listed") \
  X(COMPANIES, parent, "text", "no", "its parent company") \
  X(COMPANIES, listed_as, "text", "no", "the name the report lists it under")

#define MODEL_INPUT_FX(X) \
  X(FX, currency, "currency", "yes", "the currency converted from") \
  X(FX, year, "year", "no", "the year of the rate (NULL: any other year)") \
  X(FX, rate, "number", "yes", "units of the target currency per unit of it")

/* A row's column name as a string, for a table's list of names; its
** position as IN_<TABLE>_<column>, for an enum. */
#define MODEL_INPUT_NAME(table, column, holds, required, meaning) #column,
#define MODEL_INPUT_INDEX(table, column, holds, required, meaning) \
  IN_##table##_##column,

#endif /* PMEXT_MODEL_INPUTS_H */
