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
** Each table is a list X(column, holds, required, meaning):
**   holds     name (text compared as docs/model.md "Names" says), key
**             (text compared by its bytes), text, unit, currency, year,
**             integer, number, fraction (or a percent text), rate (a
**             fraction or a percent text), kind
**   required  "yes": NULL is an error; "no": NULL means not given; else
**             the rows that must give it
*/
#ifndef PMEXT_MODEL_INPUTS_H
#define PMEXT_MODEL_INPUTS_H

#define MODEL_INPUT_REPORTS(X)                                                 \
  X(report, "key", "yes", "the report's name, unique")                         \
  X(market, "name", "yes", "the market; reports of one market are compared")  \
  X(publisher, "text", "no", "who published it")                               \
  X(published, "text", "no", "when")                                           \
  X(unit, "unit", "yes", "the currency and scale of its values ('USD bn')")    \
  X(url, "text", "no", "where it is")

#define MODEL_INPUT_FIGURES(X)                                                 \
  X(report, "key", "yes", "the report it is printed in")                       \
  X(dimension, "name", "yes", "'market' for the whole market, else the report's own dimension") \
  X(segment, "name", "yes", "the segment; for dimension 'market', the geography") \
  X(year, "year", "with a value or share", "the year of the figure")                              \
  X(value, "number", "no", "the size, in the report's unit")                   \
  X(share, "fraction", "no", "the share of the whole market that year")        \
  X(decimals, "integer", "no", "the decimals the value is printed with (0 to 15)") \
  X(note, "text", "no", "anything; shown, never read")

#define MODEL_INPUT_CLAIMS(X)                                                  \
  X(report, "key", "yes", "the report that states it")                         \
  X(kind, "kind", "yes", "cagr, dominant, fastest_growing or complete")        \
  X(dimension, "name", "for dominant, fastest_growing, complete and a segment's cagr", "the dimension the claim is about")               \
  X(segment, "name", "for dominant, fastest_growing", "the segment (NULL: the whole market)")            \
  X(value, "rate", "for a cagr", "a cagr's rate a year")                               \
  X(from_year, "year", "no", "the first year of a cagr's period")              \
  X(to_year, "year", "no", "the last year of a cagr's period")                 \
  X(note, "text", "no", "anything; shown, never read")

#define MODEL_INPUT_COMPANIES(X)                                               \
  X(report, "key", "yes", "the report that lists it")                          \
  X(position, "integer", "yes", "its place in the list (1 to 1000000)")         \
  X(company, "text", "yes", "the company as listed")                           \
  X(parent, "text", "no", "its parent company")                                \
  X(listed_as, "text", "no", "the name the report lists it under")

#define MODEL_INPUT_FX(X)                                                      \
  X(currency, "currency", "yes", "the currency converted from")                    \
  X(year, "year", "no", "the year of the rate (NULL: any other year)")         \
  X(rate, "number", "yes", "units of the target currency per unit of it")

/* A row's column name as a string, for a table's list of names. */
#define MODEL_INPUT_NAME(column, holds, required, meaning) #column,

#endif /* PMEXT_MODEL_INPUTS_H */
