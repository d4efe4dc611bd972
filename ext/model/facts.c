/* SPDX-License-Identifier: MIT */
/*
** facts.c -- the facts of each report (its printed headline figures
** and claims, and the rates they imply): the tables pm_facts (the built-in
** report) and pm_model_facts (any report), their schema and their rows.
**
** Facts of a report, in this order:
**   market_size_<year>       each printed size of the whole market
**   stated_cagr              the first stated CAGR of the whole market;
**                            further ones stated_cagr_<from>_<to>, and
**                            stated_cagr:<segment> for a segment's; one
**                            without a period stated_cagr_no_period
**   base_year, forecast_first_year, forecast_last_year
**                            the window: first year, the year after, last
**                            (none for a report without figures)
**   dominant_<dimension>, growing_<dimension>
**                            the segment a claim names (the dimension's
**                            key, its spaces as '_')
**   key_companies            the length of the companies list, if given
**   implied_cagr_<from>_<to> for each pair of printed whole-market sizes
**   market_size_<to>_at_stated_cagr
**                            the whole market at the end of the stated
**                            CAGR's period, grown at that rate
**   implied_cagr_<from>_<to>:<segment>
**                            each other segment with two printed sizes,
**                            between its first and last
** Notes come from the input (the figure's or the claim's note) when given.
**
** The facts are streamed (model_table.chunk): a scan holds one part of
** one report at a time, a bounded number of rows, however many pairs of
** printed sizes a report has.
*/
#include "facts.h"
#include "rules.h"

SQLITE_EXTENSION_INIT3

/* One fact: the report (when asked), key, value (by the caller), rest. */
typedef struct facts {
  tv_table *t;
  const model_report *r;
  int with_report;
} facts;

static void fact_key(facts *f, const char *key) {
  if (f->with_report) tv_text(f->t, f->r->report);
  tv_text(f->t, key);
}

static void fact_rest(facts *f, const char *unit, const char *period,
                      model_basis basis, const char *note) {
  tv_text(f->t, unit);
  tv_text(f->t, period);
  tv_text(f->t, model_basis_name(basis));
  tv_text(f->t, note);
}

static void fact_real(facts *f, const char *key, double value, const char *unit,
                      const char *period, model_basis basis, const char *note) {
  fact_key(f, key);
  tv_real(f->t, value);
  fact_rest(f, unit, period, basis, note);
}

static void fact_int(facts *f, const char *key, int value, const char *unit,
                     model_basis basis, const char *note) {
  fact_key(f, key);
  tv_int(f->t, value);
  fact_rest(f, unit, 0, basis, note);
}

static const char *note_or(const char *note, const char *otherwise) {
  return note ? note : otherwise;
}

/* The head of a report's facts: its printed sizes and rates, its window,
** its claims, its companies. */
static void head_facts(facts *f) {
  const model_report *r = f->r;
  const model_segment *whole = r->whole >= 0 ? &r->segments[r->whole] : 0;
  char key[200], period[32];
  for (int i = 0; whole && i < whole->n_values; i++) {
    sqlite3_snprintf(sizeof key, key, "market_size_%d", whole->values[i].year);
    sqlite3_snprintf(sizeof period, period, "%d", whole->values[i].year);
    fact_real(f, key, whole->values[i].x, r->unit_long, period, MODEL_REPORTED,
              note_or(whole->value_note, "whole market size as printed"));
  }
  for (int i = 0; i < r->n_claims; i++) {
    const model_claim *c = &r->claims[i];
    if (c->kind != CLAIM_CAGR) continue;
    if (!c->has_period) {
      sqlite3_snprintf(sizeof key, key, "stated_cagr_no_period%s%s",
                       c->segment ? ":" : "", c->segment ? c->segment : "");
      fact_real(f, key, c->value, "fraction per year", 0, MODEL_REPORTED,
                note_or(c->note, "a CAGR as stated, without its period"));
      continue;
    }
    if (i == r->stated) {
      sqlite3_snprintf(sizeof key, key, "stated_cagr");
    } else if (!c->segment) {
      sqlite3_snprintf(sizeof key, key, "stated_cagr_%d_%d", c->from_year,
                       c->to_year);
    } else {
      sqlite3_snprintf(sizeof key, key, "stated_cagr:%s", c->segment);
    }
    sqlite3_snprintf(sizeof period, period, "%d-%d", c->from_year, c->to_year);
    fact_real(f, key, c->value, "fraction per year", period, MODEL_REPORTED,
              note_or(c->note, "a CAGR as stated"));
  }
  if (r->first_year > 0) { /* a report with figures has a window */
    fact_int(f, "base_year", r->first_year, "year", MODEL_REPORTED,
             "first year of the model");
    fact_int(f, "forecast_first_year", r->first_year + 1, "year",
             MODEL_REPORTED, "first year of the forecast period");
    fact_int(f, "forecast_last_year", r->last_year, "year", MODEL_REPORTED,
             "last year of the forecast period");
  }
  for (int i = 0; i < r->n_claims; i++) {
    const model_claim *c = &r->claims[i];
    if (c->kind != CLAIM_DOMINANT && c->kind != CLAIM_FASTEST) continue;
    /* The dimension's key, its spaces as '_': dominant_end_user. */
    sqlite3_snprintf(sizeof key, key, "%s_%s",
                     c->kind == CLAIM_DOMINANT ? "dominant" : "growing",
                     c->dim >= 0 ? r->dimensions[c->dim].key : c->dimension);
    for (char *p = key; *p; p++) {
      if (*p == ' ') *p = '_';
    }
    fact_key(f, key);
    tv_text(f->t, c->segment);
    fact_rest(f, 0, 0, MODEL_REPORTED, note_or(c->note, "a claim of the report"));
  }
  if (r->n_companies > 0) {
    fact_int(f, "key_companies", r->n_companies, "companies", MODEL_DERIVED,
             "number of entries in the key companies list");
  }
}

/* The rates implied from the i-th printed whole-market size to each later
** one. */
static void implied_from(facts *f, int i) {
  const model_report *r = f->r;
  const model_segment *whole = &r->segments[r->whole];
  char key[200], period[32];
  for (int j = i + 1; j < whole->n_values; j++) {
    int from = whole->values[i].year, to = whole->values[j].year;
    double rate;
    if (!model_implied_cagr(r, r->whole, from, to, &rate)) continue;
    sqlite3_snprintf(sizeof key, key, "implied_cagr_%d_%d", from, to);
    sqlite3_snprintf(sizeof period, period, "%d-%d", from, to);
    fact_real(f, key, rate, "fraction per year", period, MODEL_DERIVED,
              "growth rate the printed global sizes imply");
  }
}

static void at_stated_fact(facts *f) {
  const model_report *r = f->r;
  char key[200], period[32];
  double at_stated;
  if (r->stated >= 0 &&
      model_stated_value(r, r->claims[r->stated].to_year, &at_stated)) {
    int to = r->claims[r->stated].to_year;
    sqlite3_snprintf(sizeof key, key, "market_size_%d_at_stated_cagr", to);
    sqlite3_snprintf(sizeof period, period, "%d", to);
    fact_real(f, key, at_stated, r->unit_long, period, MODEL_DERIVED,
              "the printed starting size grown at the stated CAGR");
  }
}

/* The rates the other segments' first and last printed sizes imply, for
** the segments from..to-1. */
static void segment_facts(facts *f, int from, int to) {
  const model_report *r = f->r;
  char key[200], period[32];
  for (int i = from; i < to; i++) {
    const model_segment *s = &r->segments[i];
    if (i == r->whole || s->n_values < 2) continue;
    int first = s->values[0].year, last = s->values[s->n_values - 1].year;
    double rate;
    if (!model_implied_cagr(r, i, first, last, &rate)) continue;
    sqlite3_snprintf(sizeof key, key, "implied_cagr_%d_%d:%s", first, last,
                     s->segment);
    sqlite3_snprintf(sizeof period, period, "%d-%d", first, last);
    fact_real(f, key, rate, "fraction per year", period, MODEL_DERIVED,
              "growth rate the printed sizes of this segment imply");
  }
}

/* The facts of a report come in parts of a bounded number of rows: the
** head, then the implied rates from each printed whole-market size but
** the last (quadratic in them together, linear each), then the size at
** the stated rate with the first block of segments, then the further
** blocks. */
#define SEGMENTS_A_PART 256

static int n_parts(const model_report *r) {
  int from_sizes = r->whole >= 0 ? r->segments[r->whole].n_values - 1 : 0;
  int blocks = (r->n_segments + SEGMENTS_A_PART - 1) / SEGMENTS_A_PART;
  return 1 + (from_sizes > 0 ? from_sizes : 0) + (blocks > 1 ? blocks : 1);
}

static void report_part(facts *f, int part) {
  const model_report *r = f->r;
  int from_sizes = r->whole >= 0 ? r->segments[r->whole].n_values - 1 : 0;
  if (from_sizes < 0) from_sizes = 0;
  if (part == 0) {
    head_facts(f);
  } else if (part <= from_sizes) {
    implied_from(f, part - 1);
  } else {
    int block = part - 1 - from_sizes;
    if (block == 0) at_stated_fact(f);
    int to = (block + 1) * SEGMENTS_A_PART;
    segment_facts(f, block * SEGMENTS_A_PART,
                  to < r->n_segments ? to : r->n_segments);
  }
}

/* pos->next: the report (high 32 bits) and its part (low). pm_facts holds
** the first report only. */
static int facts_chunk(const model_set *set, int with_report, model_chunk *pos,
                       tv_table *t) {
  if (t->n_cols == 0) tv_init(t, 6 + (with_report ? 1 : 0));
  int n_reports = with_report ? set->n_reports : (set->n_reports > 0);
  int report = (int)(pos->next >> 32), part = (int)(pos->next & 0xffffffff);
  if (report >= n_reports) return SQLITE_DONE;
  facts f = {t, &set->reports[report], with_report};
  report_part(&f, part);
  pos->next = part + 1 < n_parts(f.r)
                  ? ((sqlite3_int64)report << 32) | (part + 1)
                  : (sqlite3_int64)(report + 1) << 32;
  return tv_finish(t);
}

const model_table model_table_facts = {
    "pm_facts",
    "CREATE TABLE x(key TEXT, value ANY, unit TEXT, period TEXT, basis TEXT, "
    "note TEXT)",
    GRID_FACTS, 1, 0, facts_chunk};

const model_table model_table_model_facts = {
    "pm_model_facts",
    "CREATE TABLE x(report TEXT, key TEXT, value ANY, unit TEXT, period TEXT, "
    "basis TEXT, note TEXT)",
    GRID_FACTS, 0, 0, facts_chunk};
