/* SPDX-License-Identifier: MIT */
/*
** extract_unit.h -- what the files of the reader share (not the rest of
** pmext): the reader's state, the subject of a clause, and the helpers
** that read one unit of text (a sentence or a table row) token by token.
**
**   extract_read.c        the reader: units, rows, strings, subjects
**   extract_quantities.c  years, periods, amounts, percentages
**   extract_prose.c       a sentence
**   extract_subjects.c    what a clause is about
**   extract_rates.c       rates and their periods
**   extract_table.c       a table row, a table's heading
*/
#ifndef PMEXT_EXTRACT_UNIT_H
#define PMEXT_EXTRACT_UNIT_H

#include "extract_read.h"
#include "extract_words.h"

#include <stddef.h>
#include <string.h>

#define DIM_CAP 64
#define NAME_CAP 160

typedef enum { S_NONE, S_MARKET, S_GEO, S_SEGMENT } subject_kind;

/* What a clause is about. */
typedef struct subject {
  subject_kind kind;
  int geo;                          /* S_GEO; S_MARKET: its geography, -1 */
  sqlite3_int64 seg_start, seg_end; /* S_SEGMENT: the segment as printed */
  char dim[DIM_CAP];                /* S_SEGMENT: its dimension, "" unknown */
  const char *problem;              /* why no row of it can be placed */
  /* A list ("PCR and DNA sequencing ... 29.91% and 27.55% respectively",
  ** "microarrays and mass spectrometry each accounted for 16.15%"): its
  ** items, segments (spans) or geographies; each: every value is every
  ** item's, else the values go to the items in order. */
  int n_items, each;
  sqlite3_int64 item_start[4], item_end[4];
  int item_geo[4];
} subject;

/* Per token of the unit. */
typedef struct tok_info {
  unsigned char flag;  /* F_* */
  signed char cue;     /* a rate's RATE_*, -1 */
  int anchor;          /* a rate's marker or verb token */
  unsigned long long lex; /* the word lists it is in (extract_read.c) */
  int lex_lists;          /* lists known when lex was looked up; -1 never */
  short geo, geo_count;   /* the geography here (ex_geo), once known */
  unsigned char geo_known;
} tok_info;

enum {
  F_USED = 1,        /* read as part of something: no subject, no value */
  F_YEAR_TAKEN = 2,  /* the year of the amount before it */
  F_PERIOD_USED = 4, /* a period some rate took */
  F_RATE = 8,        /* a percentage read as a rate */
  F_NEGATIVE = 16    /* that rate declines */
};

enum { RATE_CAGR, RATE_ANNUAL, RATE_YOY };

/* A rate waiting for the end of its sentence to know its period. */
typedef struct pending_rate {
  int row;      /* index in rows */
  int pct;      /* its percentage's number token */
  int last;     /* the last token of the rate (marker or percentage) */
  int anchor;   /* its marker or verb */
  int cue;      /* RATE_* */
  int yoy_year; /* RATE_YOY: the year it ends in */
  int market;   /* about the whole market */
  int stated;   /* its period is stated */
} pending_rate;

struct ex_reader {
  es_scanner scan;
  es_token *tok;
  tok_info *info;
  int n_tok, cap_tok;
  int respectively_at;        /* the unit's last "respectively" (-1: none;
                              ** -2: not looked for yet) */
  ex_row *rows;
  int n_rows, cap_rows;
  char *arena;
  int arena_n, arena_cap;
  pending_rate *rates;
  int n_rates, cap_rates;
  struct lex_entry *lex;      /* the words of the lists (ex_one_of) */
  int n_lex, n_lists;
  const char *const *list_key[128]; /* lists by address, and their bits */
  signed char list_bit[128];
  int oom, done, line_start, cut, next_cut;
  sqlite3_int64 ordinal;
  /* learned from the text, in its order */
  int market_geo;             /* the geography first named for the market */
  int global_rows;            /* a row is about the world's market */
  int have_name;
  char name[NAME_CAP], name_abbr[NAME_CAP];
  int forecast_from, forecast_to;
  int forecast_hint;          /* "Forecast to 2027": the end only */
  int last_rate_from, last_rate_to; /* the period of the last rate read */
  int base_year, forecast_year;
  int table_active, table_year;
  char table_dim[DIM_CAP];
  char ctx_dim[DIM_CAP];      /* the dimension the paragraph names */
  subject prev;               /* the first subject of the sentence before */
  int prev_min_year, prev_max_year, prev_n_years; /* the sentence before */
  int prev_value_year;        /* its values' one year, else 0 */
  int para_max_year;          /* the latest figure year of the paragraph */
  /* the sentence being read */
  int opening_year, opening_tok, opening_fiscal;
  int deferring;              /* a sentence: a row's missing year or subject
                                 is decided at its end */
  int opener_geo;
  int sent_min_year, sent_max_year;
  int sent_years[8], n_sent_years; /* its figures' distinct years */
  int value_year, value_years; /* its values' (figures, shares) one year */
  int sent_forecast;          /* it says "forecast period" */
};

/* The type of token i of the unit, ES_END outside it. */
static inline es_type ex_type(const ex_reader *r, int i) {
  return i >= 0 && i < r->n_tok ? r->tok[i].type : ES_END;
}

/* 1 when token i is the word `word` (ASCII case ignored). Inline: most
** calls compare with a literal, whose length the compiler knows. */
static inline int ex_is(const ex_reader *r, int i, const char *word) {
  if (i < 0 || i >= r->n_tok || r->tok[i].type != ES_WORD) return 0;
  const es_token *t = &r->tok[i];
  if ((sqlite3_int64)strlen(word) != t->end - t->start) return 0;
  if ((r->scan.text[t->start] | 0x20) != ((unsigned char)word[0] | 0x20)) return 0;
  return es_word_is(&r->scan, t, word);
}

/* extract_read.c: tokens, strings, rows, subjects. */
ew_toks ex_toks(ex_reader *r);
int ex_one_of(ex_reader *r, int i, const char *const *words);
int ex_char(ex_reader *r, int i, int cp);
int ex_phrase(ex_reader *r, int i, const char *words);
int ex_geo(ex_reader *r, int i, int *count);
int ex_span(ex_reader *r, sqlite3_int64 start, sqlite3_int64 end);
int ex_dimension_words(ex_reader *r, int a, int b, char *out);
ex_row *ex_new_row(ex_reader *r, ex_kind kind, int first, int last);
void ex_widen(ex_reader *r, ex_row *row, int i);
void ex_place_geo(ex_reader *r, ex_row *row, int g);
void ex_apply_subject(ex_reader *r, ex_row *row, const subject *s);
int ex_grow(ex_reader *r, void **array, int n, int *cap, size_t size);

/* extract_quantities.c: years, periods, amounts, percentages. */
typedef struct amount {
  int first, number, last; /* tokens */
  int hi;                  /* a range's second number, or -1 */
  const char *currency, *scale;
} amount;

typedef struct percent {
  int first, number, last; /* tokens (first: a sign) */
  int hi;                  /* a range's second number, or -1 */
  int negative, sign_unclear, malformed;
} percent;

int ex_year_at(ex_reader *r, int i, int *len, int *fiscal);
int ex_period_at(ex_reader *r, int i, int *len, int *from, int *to);
int ex_year_after(ex_reader *r, int i, int *year, int *fiscal);
int ex_amount_at(ex_reader *r, int i, amount *a);
int ex_percent_at(ex_reader *r, int i, percent *p);
double ex_fraction(const es_token *t);
ex_row *ex_emit_amount(ex_reader *r, const amount *a, int year_tok,
                       int year, int fiscal, const subject *s);
void ex_emit_percent(ex_reader *r, const percent *p);
/* The market's forecast period from "Forecast(s) ... PERIOD" in tokens
** [a, b), when the text has not given one yet. */
void ex_learn_forecast(ex_reader *r, int a, int b);

/* How far back a value's year or a rate's period is looked for, in tokens
** (a clause or two): so a sentence's work stays linear in its length. */
#define LOOK_BACK 40

/* extract_subjects.c: what a clause is about. */
extern const char *const ex_not_segment[]; /* words that open no segment */
extern const char *const ex_name_stops[];  /* words before a name: the, of... */
int ex_is_break(ex_reader *r, int i);
int ex_clause_starts(ex_reader *r, int i, int start);
int ex_is_market_noun(ex_reader *r, int i);
int ex_is_segment_noun(ex_reader *r, int i);
void ex_segment_subject(ex_reader *r, subject *s, int a, int b);
void ex_geo_subject(subject *s, int g);
int ex_market_phrase(ex_reader *r, int m, subject *s, int *bare, int *object,
                     int *at);
int ex_segment_phrase(ex_reader *r, int m, subject *s);
int ex_clause_subject(ex_reader *r, int i, const subject *cur, subject *s);
int ex_opener(ex_reader *r, int i, subject *cur);
subject ex_list_item(const subject *list, int k);
int ex_same_subject(const subject *a, const subject *b);
int ex_points_back(ex_reader *r, int i);

/* extract_rates.c: rates and their periods. */
extern const char *const ex_grow_verbs[];
extern const char *const ex_decline_verbs[];
int ex_cagr_marker(ex_reader *r, int i);
void ex_find_rates(ex_reader *r, int start);
void ex_emit_rate(ex_reader *r, const percent *p, const subject *s, int start);
void ex_rate_periods(ex_reader *r, int start);
int ex_says_future(ex_reader *r, int start);

/* extract_prose.c and extract_table.c */
void ex_prose(ex_reader *r, int same_paragraph);
int ex_value_year(ex_reader *r, int first, int last, int start, int *after,
                  int *seen, int *fiscal);
void ex_table_row(ex_reader *r, int colon);
int ex_colon_row(ex_reader *r);
int ex_heading(ex_reader *r);
void ex_end_table(ex_reader *r);

#endif /* PMEXT_EXTRACT_UNIT_H */
