/* SPDX-License-Identifier: MIT */
/*
** extract_table.c -- how pm_extract() reads a table row ("label | value
** |", a leading pipe allowed) and the heading of a share table
** (extract_unit.h; requirements 1, 3 and 4 in extract.c).
**
**   - A share table: a heading naming the dimension and the year
**     ("Revenue Share, By End User, 2024 (%)") or a header row ("End User
**     | Revenue Share, 2024 (%) |"); then "label | 44.96% |" rows are
**     shares of that dimension and year, until a line of prose.
**   - A report's scope table: "Base Year | 2022 |", "Forecast Year | 2031
**     |" and "Forecast Period | 2023-2031 |" give the years of rows such
**     as "Base Year Market Size | USD 4.61 Billion |" and the period of a
**     "CAGR | 12.8% |" row.
**   - "Market Size in 2025 | USD 616.26 Billion |": an amount, its year
**     from the label; a CAGR named in the row, its period from the row,
**     else the forecast period; "Dominant Region | North America |",
**     "Largest Market | North America |", "Fastest Growing Region |
**     Asia-Pacific |": claims (a geography's dimension is its own).
*/
#include "extract_unit.h"

#include <string.h>

SQLITE_EXTENSION_INIT3

static int find_word(ex_reader *r, int a, int b, const char *word) {
  for (int i = a; i < b; i++) {
    if (ex_is(r, i, word)) return i;
  }
  return -1;
}

static int first_year(ex_reader *r, int a, int b) {
  for (int i = a; i < b; i++) {
    if (es_is_year(&r->tok[i])) return i;
  }
  return -1;
}

/* A heading naming a share table: "... Share, By End User, 2024 (%)": in
** title case (no word in lower case but of, and, by, in, the, for), the
** words Share and By, no number but years, no currency. */
int ex_heading(ex_reader *r) {
  static const char *const small[] = {"of", "and", "by", "in", "the", "for",
                                      "to", 0};
  int by = -1, share = -1;
  for (int i = 0; i < r->n_tok; i++) {
    const es_token *t = &r->tok[i];
    int c = r->scan.text[t->start];
    if (t->type == ES_NUMBER && !es_is_year(t)) return 0;
    if (t->type == ES_CURRENCY) return 0;
    if (t->type == ES_WORD && c >= 'a' && c <= 'z' && !ex_one_of(r, i, small)) {
      return 0;
    }
    if (ex_is(r, i, "By") && c == 'B') by = i;
    if (ex_is(r, i, "Share") && c == 'S') share = i;
  }
  if (share < 0 || by < 0) return 0;
  int end = by + 1;
  while (end < r->n_tok && (ex_type(r, end) == ES_WORD || ex_char(r, end, '&'))) {
    end++;
  }
  if (!ex_dimension_words(r, by + 1, end, r->table_dim)) r->table_dim[0] = 0;
  int y = first_year(r, 0, r->n_tok);
  r->table_year = y >= 0 ? (int)r->tok[y].digits : 0;
  r->table_active = 1;
  return 1;
}

void ex_end_table(ex_reader *r) {
  r->table_active = 0;
  r->table_year = 0;
  r->table_dim[0] = 0;
}

/* A label cell's subject: a geography first (the market of that
** geography when "Market" follows it, or it is the world), else the
** market. */
static subject label_subject(ex_reader *r, int a, int b) {
  subject s;
  memset(&s, 0, sizeof s);
  s.kind = S_MARKET;
  s.geo = -1;
  int n, g = ex_geo(r, a, &n);
  if (g >= 0 && n <= b - a) {
    s.geo = g;
    if (ex_is(r, a + n, "market") || ew_geo_global(g)) {
      if (r->market_geo < 0) r->market_geo = g;
    } else {
      s.kind = S_GEO;
    }
  }
  return s;
}

static void share_row(ex_reader *r, int a, int b, const percent *p) {
  ex_row *row = ex_new_row(r, EX_FIGURE, a, p->last);
  if (!row) return;
  row->from_table = 1;
  if (p->malformed || p->hi >= 0 || p->negative || p->sign_unclear) {
    ex_add_reason(r, row, "a share it cannot read as one number");
  } else {
    row->has_share = 1;
    row->share = ex_fraction(&r->tok[p->number]);
  }
  row->segment = ex_span(r, r->tok[a].start, r->tok[b - 1].end);
  int n, g = ex_geo(r, a, &n);
  if (g >= 0 && a + n == b) row->geo = g;
  if (r->table_dim[0]) {
    row->dimension = ex_strf(r, "%s", r->table_dim);
  } else {
    ex_add_reason(r, row, "the share table names no dimension");
  }
  if (r->table_year) {
    row->year = r->table_year;
  } else {
    ex_add_reason(r, row, "the share table names no year");
  }
}

/* "Dominant Region | North America |", "Largest Market | North America |",
** "Fastest Growing Region | Asia-Pacific |": 1 when the row is one. */
static int statement_row(ex_reader *r, int a, int b, int v0, int v1) {
  static const char *const dominant[] = {"Dominant", "Dominating", "Leading",
                                         "Largest", "Biggest", 0};
  static const char *const growing[] = {"Growing", "Fastest", 0};
  ex_kind kind = EX_FIGURE;
  int k;
  for (k = a; k < b && kind == EX_FIGURE; k++) {
    if (ex_one_of(r, k, dominant)) kind = EX_DOMINANT;
    if (ex_one_of(r, k, growing)) kind = EX_FASTEST;
  }
  if (kind == EX_FIGURE || v0 >= v1) return 0;
  while (k < b && (ex_is(r, k, "Growing") || ex_is(r, k, "Fastest"))) k++;
  for (int i = v0; i < v1; i++) {
    if (ex_type(r, i) == ES_NUMBER || ex_type(r, i) == ES_COMMA) return 0;
  }
  ex_row *row = ex_new_row(r, kind, a, v1 - 1);
  if (!row) return 1;
  int n, g = ex_geo(r, v0, &n);
  if (g >= 0 && v0 + n == v1) {
    ex_place_geo(r, row, g);
    return 1;
  }
  ew_toks t = ex_toks(r);
  char dim[DIM_CAP];
  if (ew_compass_geo(&t, v0) == v1 - v0) {
    row->dimension = ex_strf(r, "region"); /* "North India" */
  } else if (ex_dimension_words(r, k, b, dim) && strcmp(dim, "market") != 0) {
    row->dimension = ex_strf(r, "%s", dim);
  } else {
    ex_add_reason(r, row, "no dimension named");
  }
  row->segment = ex_span(r, r->tok[v0].start, r->tok[v1 - 1].end);
  return 1;
}

/* A rate named in the row ("CAGR | 12.8% |", "Projected CAGR 2025 to 2034
** | 11.37% |"): 1 when the row is one. */
static int rate_row(ex_reader *r, int a, int b, int v0, int v1) {
  int marker = -1;
  for (int i = a; i < v1 && marker < 0; i++) {
    if (ex_cagr_marker(r, i)) marker = i;
  }
  if (marker < 0) return 0;
  for (int k = v0; k < v1; k++) {
    percent p;
    if (!ex_percent_at(r, k, &p)) continue;
    subject s = label_subject(r, a, b);
    ex_row *row = ex_new_row(r, EX_CAGR, marker, marker);
    if (!row) return 1;
    ex_widen(r, row, a);
    ex_widen(r, row, p.last);
    if (p.malformed || p.hi >= 0 || p.sign_unclear) {
      ex_add_reason(r, row, "a rate it cannot read as one number");
    } else {
      row->has_value = 1;
      row->value = ex_fraction(&r->tok[p.number]) * (p.negative ? -1 : 1);
      row->decimals = r->tok[p.number].decimals;
    }
    for (int i = a; i < v1 && !row->from_year; i++) {
      int len, from, to;
      if (ex_period_at(r, i, &len, &from, &to)) {
        row->from_year = from;
        row->to_year = to;
        if (!r->forecast_to && s.kind == S_MARKET && s.geo < 0) {
          r->forecast_from = from;
          r->forecast_to = to;
        }
      }
    }
    if (!row->from_year && r->forecast_to) {
      row->from_year = r->forecast_from;
      row->to_year = r->forecast_to;
      ex_add_note(r, row, "period: the text's forecast period");
    }
    if (!row->from_year) ex_add_reason(r, row, "no period stated");
    ex_apply_subject(r, row, &s);
    return 1;
  }
  return 0;
}

/* "Base Year | 2022 |", "Forecast Year | 2031 |", "Forecast Period |
** 2023-2031 |": 1 when the row is one. */
static int scope_row(ex_reader *r, int a, int b, int v0, int v1) {
  int len, fiscal, y = ex_year_at(r, v0, &len, &fiscal);
  int one_year = y && v0 + len == v1;
  if (one_year && b - a == 2 && ex_is(r, a, "Base") && ex_is(r, a + 1, "Year")) {
    r->base_year = y;
    return 1;
  }
  if (one_year && b - a == 2 && ex_is(r, a, "Forecast") &&
      ex_is(r, a + 1, "Year")) {
    r->forecast_year = y;
    return 1;
  }
  if (find_word(r, a, b, "Forecast") >= 0 && find_word(r, a, b, "Period") >= 0) {
    int from, to;
    if (ex_period_at(r, v0, &len, &from, &to)) {
      if (!r->forecast_to) {
        r->forecast_from = from;
        r->forecast_to = to;
      }
      return 1;
    }
  }
  return 0;
}

/* The year of an amount in a row whose label has none: the scope table's
** base or forecast year when the label names it. */
static int label_scope_year(ex_reader *r, int a, int b) {
  for (int i = a; i + 1 < b; i++) {
    if (ex_is(r, i, "Base") && ex_is(r, i + 1, "Year")) return r->base_year;
    if (ex_is(r, i, "Forecast") && ex_is(r, i + 1, "Year")) return r->forecast_year;
  }
  return 0;
}

static int is_rule_row(ex_reader *r) {
  for (int i = 0; i < r->n_tok; i++) {
    es_type k = ex_type(r, i);
    if (k != ES_PIPE && k != ES_DASH && !ex_char(r, i, ':')) return 0;
  }
  return 1;
}

/* A line "Label: value" as short as a table's row ("Largest Market: North
** America", "CAGR: 41.6%"): the index of its colon, or -1. The label is
** one to six words, the first a capital; the value at most eight tokens,
** no verb among them. */
int ex_colon_row(ex_reader *r) {
  static const char *const verbs[] = {"is", "was", "are", "were", "will",
                                      "has", "have", "said", "says", 0};
  int c = 0;
  while (c < r->n_tok && c < 6 && ex_type(r, c) == ES_WORD) c++;
  if (c == 0 || !ex_char(r, c, ':') || r->n_tok - c - 1 > 8 || r->n_tok - c < 2) {
    return -1;
  }
  int first = r->scan.text[r->tok[0].start];
  if (first < 'A' || first > 'Z') return -1;
  for (int i = c + 1; i < r->n_tok; i++) {
    if (ex_one_of(r, i, verbs)) return -1;
  }
  /* The value is a number, an amount or a geography. */
  ew_toks t = ex_toks(r);
  int n, v = c + 1;
  es_type k = ex_type(r, v);
  if (k == ES_NUMBER || k == ES_CURRENCY || ew_currency_word(&t, v, &n) ||
      (ex_geo(r, v, &n) >= 0 && v + n == r->n_tok) ||
      ew_compass_geo(&t, v) == r->n_tok - v) {
    return c;
  }
  return -1;
}

/* One "label | value |" row, or "Label: value" (colon: its index). */
void ex_table_row(ex_reader *r, int colon) {
  if (colon < 0 && is_rule_row(r)) return;
  int a = ex_type(r, 0) == ES_PIPE ? 1 : 0;
  int bar = colon, v1 = r->n_tok;
  for (int i = a; i < r->n_tok && colon < 0; i++) {
    if (ex_type(r, i) != ES_PIPE) continue;
    if (bar < 0) {
      bar = i;
    } else {
      v1 = i;
      break;
    }
  }
  int b = bar, v0 = bar + 1;
  if (b <= a) return; /* no label */
  percent p;
  /* A share row: the value cell is exactly a percentage. */
  if (r->table_active && ex_percent_at(r, v0, &p) && p.first == v0 &&
      p.last == v1 - 1 && find_word(r, a, b, "CAGR") < 0 &&
      !ex_cagr_marker(r, a)) {
    share_row(r, a, b, &p);
    return;
  }
  if (scope_row(r, a, b, v0, v1) || rate_row(r, a, b, v0, v1) ||
      statement_row(r, a, b, v0, v1)) {
    return;
  }
  /* Header row of a share table: "End User | Revenue Share, 2024 (%) |". */
  int fy = first_year(r, v0, v1);
  if (find_word(r, v0, v1, "Share") >= 0 && fy >= 0 && !ex_percent_at(r, v0, &p)) {
    if (!r->table_active || !r->table_dim[0]) {
      if (!ex_dimension_words(r, a, b, r->table_dim)) r->table_dim[0] = 0;
    }
    if (!r->table_active || !r->table_year) r->table_year = (int)r->tok[fy].digits;
    r->table_active = 1;
    return;
  }
  /* Amounts in the value cells; their year after them, else the label's. */
  int label_year = first_year(r, a, b), fiscal = 0;
  int year = label_year >= 0 ? (int)r->tok[label_year].digits
                             : label_scope_year(r, a, b);
  int names_size = find_word(r, a, b, "market") >= 0 ||
                   find_word(r, a, b, "size") >= 0 ||
                   find_word(r, a, b, "revenue") >= 0 ||
                   find_word(r, a, b, "value") >= 0;
  subject s = label_subject(r, a, b);
  for (int i = v0; i < r->n_tok; i++) {
    amount am;
    if (ex_amount_at(r, i, &am)) {
      int y = 0, f = 0, yt = ex_year_after(r, am.last, &y, &f);
      ex_row *row = ex_emit_amount(r, &am, yt, yt >= 0 ? y : year,
                                   yt >= 0 ? f : fiscal, &s);
      if (row) {
        ex_widen(r, row, a);
        if (!names_size) ex_add_reason(r, row, "the row's label names no market size");
      }
      i = am.last;
    } else if (ex_percent_at(r, i, &p)) {
      ex_emit_percent(r, &p);
      i = p.last;
    }
  }
}
