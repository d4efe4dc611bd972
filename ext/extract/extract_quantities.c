/* SPDX-License-Identifier: MIT */
/*
** extract_quantities.c -- what pm_extract() reads as a number of
** something, token by token (extract_unit.h): years (also fiscal years),
** periods, amounts (currency, number, scale; ranges), percentages (a
** sign; ranges), and the year that follows an amount.
**
** Fiscal years are named by the calendar year they end in ("FY 2023-24",
** "FY24", "FY2024" and "fiscal 2024" are 2024; India's fiscal year runs
** April to March): a row read with one says so in its note. Two-digit
** years are 20xx.
*/
#include "extract_unit.h"

#include <string.h>

SQLITE_EXTENSION_INIT3

/* A plain number of 2 or 4 digits at token i as a year (2-digit: 20xx;
** with `base`, the same century as base), or 0. */
static int short_year(ex_reader *r, int i, int base) {
  if (ex_type(r, i) != ES_NUMBER) return 0;
  const es_token *t = &r->tok[i];
  if (!t->plain || t->malformed) return 0;
  int y = 0;
  if (t->n_digits == 4) y = (int)t->digits;
  if (t->n_digits == 2) y = (base ? base / 100 * 100 : 2000) + (int)t->digits;
  return y >= 1900 && y <= 2199 ? y : 0;
}

/* One letter glued after a year: 2030E, FY28E (estimate, forecast). */
static int year_suffix(ex_reader *r, int i) {
  return ex_type(r, i) == ES_WORD && r->tok[i].attached &&
         r->tok[i].end - r->tok[i].start == 1 &&
         strchr("EFPAefpa", r->scan.text[r->tok[i].start]) != 0;
}

static int fiscal_word(ex_reader *r, int i) {
  return ex_is(r, i, "FY") || ex_is(r, i, "CY") || ex_is(r, i, "fiscal");
}

int ex_year_at(ex_reader *r, int i, int *len, int *fiscal) {
  *len = 0;
  *fiscal = 0;
  if (i < 0 || i >= r->n_tok) return 0;
  if (es_is_year(&r->tok[i])) {
    *len = year_suffix(r, i + 1) ? 2 : 1;
    return (int)r->tok[i].digits;
  }
  if (!fiscal_word(r, i)) return 0;
  int k = i + 1, calendar = ex_is(r, i, "CY");
  if (ex_is(r, i, "fiscal") && ex_is(r, k, "year")) k++;
  int y = short_year(r, k, 0);
  if (!y || (ex_is(r, i, "fiscal") && r->tok[k].n_digits != 4)) return 0;
  int end = k + 1;
  if (ex_type(r, end) == ES_DASH && !fiscal_word(r, end + 1)) {
    int y2 = short_year(r, end + 1, y);
    if (y2 != y + 1) return 0; /* FY23-28: a period, not a year */
    y = y2;
    end += 2;
  }
  if (year_suffix(r, end)) end++;
  *len = end - i;
  *fiscal = !calendar;
  return y;
}

/* "FY23-28E", "FY2025-FY2030": a period of fiscal years at token i. */
static int fiscal_period(ex_reader *r, int i, int *len, int *from, int *to) {
  static const char *const links[] = {"to", "through", "till", "until", 0};
  if (!fiscal_word(r, i) || ex_is(r, i, "fiscal")) return 0;
  int a = short_year(r, i + 1, 0), m = i + 2;
  if (!a || (ex_type(r, m) != ES_DASH && !ex_one_of(r, m, links))) return 0;
  m++;
  int prefixed = fiscal_word(r, m);
  if (prefixed) m++;
  int b = short_year(r, m, a);
  if (!b || b <= a || (b == a + 1 && !prefixed)) return 0;
  m++;
  if (year_suffix(r, m)) m++;
  *from = a;
  *to = b;
  *len = m - i;
  return 1;
}

int ex_period_at(ex_reader *r, int i, int *len, int *from, int *to) {
  static const char *const links[] = {"to", "through", "thru", "till",
                                      "until", 0};
  int k = i, between = 0, yl, fiscal;
  *len = 0;
  if (ex_is(r, k, "between") || ex_is(r, k, "from")) {
    between = ex_is(r, k, "between");
    k++;
  }
  int fl;
  if (fiscal_period(r, k, &fl, from, to)) {
    *len = k + fl - i;
    return 1;
  }
  if (fiscal_word(r, k - 1)) return 0; /* inside "FY 2021-22" */
  int a = ex_year_at(r, k, &yl, &fiscal);
  if (!a) return 0;
  int m = k + yl;
  int dash = ex_type(r, m) == ES_DASH;
  if (between ? !ex_is(r, m, "and") : !(dash || ex_one_of(r, m, links))) {
    return 0;
  }
  m++;
  int b = ex_year_at(r, m, &yl, &fiscal);
  if (!b && dash && !fiscal_word(r, k) && ex_type(r, m) == ES_NUMBER &&
      r->tok[m].n_digits == 2) {
    b = short_year(r, m, a); /* 2024-30 */
    yl = 1;
  }
  if (!b || b <= a) return 0;
  *from = a;
  *to = b;
  *len = m + yl - i;
  return 1;
}

static int amount_core(ex_reader *r, int i, amount *a);

/* The year after token i ("in 2024", ", by the end of 2034", "(2022)",
** "in FY23"): its token index, or -1; *year and *fiscal set. */
int ex_year_after(ex_reader *r, int i, int *year, int *fiscal) {
  static const char *const preps[] = {"in", "by", "for", "of", "during",
                                      "through", "until", "till", "at", 0};
  static const char *const fillers[] = {"the", "year", "end", "of", "close",
                                        "calendar", 0};
  int k = i + 1, len;
  if (ex_type(r, k) == ES_COMMA) k++;
  if (ex_type(r, k) == ES_OPEN) {
    *year = ex_year_at(r, k + 1, &len, fiscal);
    if (*year && ex_type(r, k + 1 + len) == ES_CLOSE) return k + 1;
    /* "$5,193 million ($5.2 billion) as of 2021": past the bracket */
    amount a;
    if (!amount_core(r, k + 1, &a) || ex_type(r, a.last + 1) != ES_CLOSE) return -1;
    k = a.last + 2;
  }
  if (ex_is(r, k, "as") && ex_is(r, k + 1, "of")) {
    k++;
  } else if (!ex_one_of(r, k, preps)) {
    return -1;
  }
  k++;
  for (int f = 0; f < 3 && ex_one_of(r, k, fillers); f++) k++;
  int p, from, to;
  if (ex_period_at(r, k, &p, &from, &to)) return -1;
  *year = ex_year_at(r, k, &len, fiscal);
  return *year ? k : -1;
}

/* --- amounts --------------------------------------------------------------- */

/* An amount at token i without ranges after it: 1 and *a, or 0. */
static int amount_core(ex_reader *r, int i, amount *a) {
  ew_toks t = ex_toks(r);
  int j = i, n;
  memset(a, 0, sizeof *a);
  a->first = i;
  a->hi = -1;
  if (ex_type(r, i) == ES_CURRENCY) {
    a->currency = r->tok[i].currency;
    j = i + 1;
  } else if ((a->currency = ew_currency_word(&t, i, &n)) != 0) {
    j = i + n;
  }
  if (ex_type(r, j) != ES_NUMBER) return 0;
  a->number = a->last = j;
  int k = j + 1;
  /* "USD 10.2-12.4 billion", "USD 10 to 12 billion" */
  if ((ex_type(r, k) == ES_DASH || ex_is(r, k, "to")) &&
      ex_type(r, k + 1) == ES_NUMBER && !r->tok[j].malformed &&
      !r->tok[k + 1].malformed && !es_is_year(&r->tok[j])) {
    const char *scale = ew_scale(&t, k + 2, &n);
    if (scale || a->currency) {
      a->hi = k + 1;
      a->last = k + 1;
      k += 2;
    }
  }
  if ((a->scale = ew_scale(&t, k, &n)) != 0) {
    a->last = k + n - 1;
    k += n;
  }
  if (!a->currency && (a->currency = ew_currency_after(&t, k, &n)) != 0) {
    a->last = k + n - 1;
  }
  if (!a->scale && !a->currency) return 0; /* a bare number */
  if (!a->currency && es_is_year(&r->tok[j])) return 0;
  if (ex_type(r, a->last + 1) == ES_PERCENT) return 0;
  return 1;
}

int ex_amount_at(ex_reader *r, int i, amount *a) {
  if (!amount_core(r, i, a)) return 0;
  if (a->hi >= 0) return 1;
  /* "USD 10 billion to USD 12 billion", "between USD 10 bn and USD 12 bn";
  ** not "from USD 10 billion to USD 12 billion" (a path). */
  amount b;
  int k = a->last + 1;
  int range_link = (ex_is(r, k, "to") || ex_type(r, k) == ES_DASH) &&
                   !ex_is(r, i - 1, "from");
  int between = ex_is(r, i - 1, "between") && ex_is(r, k, "and");
  if ((range_link || between) && amount_core(r, k + 1, &b) && b.hi < 0 &&
      b.currency && a->currency && strcmp(b.currency, a->currency) == 0) {
    a->hi = b.number;
    a->last = b.last;
    if (!a->scale) a->scale = b.scale;
  }
  return 1;
}

/* A figure row of amount a: value, unit, year (read at token year_tok,
** or -1), subject. */
ex_row *ex_emit_amount(ex_reader *r, const amount *a, int year_tok, int year,
                       int fiscal, const subject *s) {
  const es_token *num = &r->tok[a->number];
  ex_row *row = ex_new_row(r, EX_FIGURE, a->first, a->last);
  if (!row) return 0;
  row->currency = a->currency;
  row->scale = a->scale ? a->scale : "";
  if (num->malformed || (a->hi >= 0 && r->tok[a->hi].malformed)) {
    ex_add_reason(r, row, "a number it cannot read");
  } else if (a->hi >= 0) {
    int lo = ex_span(r, num->start, num->end);
    int hi = ex_span(r, r->tok[a->hi].start, r->tok[a->hi].end);
    ex_add_reason(r, row, "a range, %s to %s: no single value",
                  ex_str(r, lo), ex_str(r, hi));
  } else {
    row->has_value = 1;
    row->value = num->value;
    row->decimals = num->decimals;
  }
  if (!a->currency) ex_add_reason(r, row, "no currency");
  if (a->scale && strcmp(a->scale, "thousand crore") == 0) {
    ex_add_reason(r, row, "a scale the model does not take (thousand crore)");
  }
  if (year_tok >= 0) ex_widen(r, row, year_tok);
  if (year) {
    row->year = year;
    if (fiscal) ex_add_note(r, row, "fiscal year read as %d, the year it ends in", year);
  } else if (r->deferring) {
    row->pending |= EX_NO_YEAR;
  } else {
    ex_add_reason(r, row, "no year");
  }
  ex_apply_subject(r, row, s);
  return row;
}

/* --- percentages ------------------------------------------------------------ */

/* A percent sign or word at token i: its token count, or 0. */
static int percent_mark(ex_reader *r, int i) {
  if (ex_type(r, i) == ES_PERCENT) return 1;
  if (ex_is(r, i, "percent") || ex_is(r, i, "pct")) return 1;
  if (ex_is(r, i, "per") && ex_is(r, i + 1, "cent")) return 2;
  return 0;
}

int ex_percent_at(ex_reader *r, int i, percent *p) {
  memset(p, 0, sizeof *p);
  if (ex_type(r, i) != ES_NUMBER) return 0;
  p->first = p->number = i;
  p->hi = -1;
  int m = percent_mark(r, i + 1);
  if (m) {
    p->last = i + m;
    /* "8% to 9%", "8%-9%", "between 8% and 9%" */
    int k = p->last + 1;
    int link = ex_is(r, k, "to") || ex_type(r, k) == ES_DASH ||
               (ex_is(r, i - 1, "between") && ex_is(r, k, "and"));
    int m2 = link && ex_type(r, k + 1) == ES_NUMBER ? percent_mark(r, k + 2) : 0;
    if (m2) {
      p->hi = k + 1;
      p->last = k + 1 + m2;
    }
  } else {
    /* "8-9%", "8 to 9%" */
    int k = i + 1;
    if (!(ex_type(r, k) == ES_DASH || ex_is(r, k, "to")) ||
        ex_type(r, k + 1) != ES_NUMBER || !(m = percent_mark(r, k + 2))) {
      return 0;
    }
    p->hi = k + 1;
    p->last = k + 1 + m;
  }
  p->malformed = r->tok[i].malformed || (p->hi >= 0 && r->tok[p->hi].malformed);
  /* A sign: a dash glued to the number ("-4.7%", "(−4.7%)"), or a minus
  ** sign; a dash apart from it after no number is unclear. */
  int d = i - 1;
  if (ex_type(r, d) == ES_DASH &&
      !(ex_type(r, d - 1) == ES_NUMBER && r->tok[d].attached)) {
    if (r->tok[i].attached || r->tok[d].minus) {
      p->negative = 1;
      p->first = d;
    } else if (ex_type(r, d - 1) != ES_NUMBER && ex_type(r, d - 1) != ES_PERCENT) {
      p->sign_unclear = 1;
      p->first = d;
    }
  }
  return 1;
}

double ex_fraction(const es_token *t) {
  double scale = 100.0;
  for (int k = 0; k < t->decimals; k++) scale *= 10.0;
  return (double)t->digits / scale;
}

void ex_emit_percent(ex_reader *r, const percent *p) {
  ex_row *row = ex_new_row(r, EX_PERCENT, p->first, p->last);
  if (row) {
    ex_add_reason(r, row, "a percentage that is neither a share nor a "
                          "stated rate");
  }
}

/* --- the forecast period -------------------------------------------------- */

void ex_learn_forecast(ex_reader *r, int a, int b) {
  static const char *const links[] = {"to", "till", "until", "through", 0};
  if (r->forecast_to) return;
  for (int i = a; i < b; i++) {
    if (!ex_is(r, i, "forecast") && !ex_is(r, i, "forecasts")) continue;
    int len, fiscal, y;
    if (ex_one_of(r, i + 1, links) && (y = ex_year_at(r, i + 2, &len, &fiscal))) {
      if (!ex_period_at(r, i + 2, &len, &fiscal, &fiscal)) r->forecast_hint = y;
    }
    for (int k = i + 1; k < b && k <= i + 5; k++) {
      int len, from, to;
      if (ex_period_at(r, k, &len, &from, &to)) {
        r->forecast_from = from;
        r->forecast_to = to;
        return;
      }
    }
  }
}
