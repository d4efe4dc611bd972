/* SPDX-License-Identifier: MIT */
/*
** extract_rates.c -- the growth rates of a sentence, for pm_extract()
** (extract_unit.h; requirements 3, 10, 11 and 16 in extract.c,
** docs/functions.md "pm_extract", "Periods").
**
** A percentage is a rate when a CAGR marker is next to it ("a CAGR of
** 22.6%", "an 18.12% CAGR", "CAGR, 41.4%"), or a verb of growth or decline
** governs it with a cue of a yearly rate ("grow at 6.42%", "grow 17.85%
** annually", "grew 10% year on year to ₹8 lakh crore", "rose 12% in
** 2023"); a verb of decline, or "negative", makes it negative. Its period
** is settled at the sentence's end, from the most to the least explicit:
** stated beside it; a year-on-year rate's one year; "the same period";
** to a year only; "the forecast period"; the figures around it; another
** segment's in the sentence. The look back is bounded (LOOK_BACK), so a
** sentence's work stays linear in its length.
*/
#include "extract_unit.h"

#include <string.h>

SQLITE_EXTENSION_INIT3

const char *const ex_grow_verbs[] = {
    "grow", "grows", "grew", "growing", "grown", "expand", "expands",
    "expanded", "expanding", "rise", "rises", "rose", "rising", "risen",
    "increase", "increases", "increased", "increasing", "climb", "climbs",
    "climbed", "climbing", "advance", "advances", "advanced", "advancing",
    "surge", "surges", "surged", "surging", "compound", "compounds",
    "compounded", "compounding", "jump", "jumps", "jumped", 0};

const char *const ex_decline_verbs[] = {
    "decline", "declines", "declined", "declining", "shrink", "shrinks",
    "shrank", "shrinking", "fall", "falls", "fell", "falling", "drop",
    "drops", "dropped", "dropping", "contract", "contracts", "contracted",
    "contracting", "decrease", "decreases", "decreased", "decreasing", 0};

int ex_cagr_marker(ex_reader *r, int i) {
  if (ex_type(r, i) != ES_WORD) return 0;
  int c = r->scan.text[r->tok[i].start] | 0x20;
  if (c != 'c' && c != 'a') return 0;
  int n = ex_is(r, i, "CAGR") || ex_is(r, i, "CAGRs") ? 1 : 0;
  if (!n) n = ex_phrase(r, i, "compound annual growth rate");
  if (!n) n = ex_phrase(r, i, "compounded annual growth rate");
  if (!n) n = ex_phrase(r, i, "annual growth rate");
  if (!n) n = ex_phrase(r, i, "annualized growth rate");
  if (!n) n = ex_phrase(r, i, "compound annual rate");
  if (n > 1 && ex_type(r, i + n) == ES_OPEN && ex_is(r, i + n + 1, "CAGR") &&
      ex_type(r, i + n + 2) == ES_CLOSE) {
    n += 3; /* compound annual growth rate (CAGR) */
  }
  return n;
}

/* --- rates ------------------------------------------------------------------ */

/* The words between a verb and its percentage: articles and adjectives. */
static int rate_filler(ex_reader *r, int a, int b) {
  static const char *const breaks[] = {"to", "from", "in", "for", "with",
                                       "and", "or", "while", "which", 0};
  if (b - a > 4) return 0;
  for (int k = a; k < b; k++) {
    if (ex_type(r, k) != ES_WORD || ex_one_of(r, k, breaks)) return 0;
  }
  return 1;
}

static int annual_cue(ex_reader *r, int i) {
  static const char *const cues[] = {"annually", "a year", "per year",
                                     "per annum", "each year", "every year",
                                     "yearly", "a year on average", 0};
  for (int k = 0; cues[k]; k++) {
    if (ex_phrase(r, i, cues[k])) return 1;
  }
  return 0;
}

static int yoy_cue(ex_reader *r, int i) {
  static const char *const cues[] = {"year on year", "year-on-year",
                                     "year over year", "year-over-year",
                                     "y-o-y", "YoY", "y/y", 0};
  for (int k = 0; cues[k]; k++) {
    int n = ex_phrase(r, i, cues[k]);
    if (n) return n;
  }
  return 0;
}

/* Marks the percentages of the sentence that are rates (F_RATE), their
** cue and the marker or verb they hang on. */
void ex_find_rates(ex_reader *r, int start) {
  for (int k = start; k < r->n_tok; k++) {
    int m = ex_cagr_marker(r, k);
    if (!m) continue;
    int found = -1;
    percent p;
    for (int j = k + m; j < r->n_tok && j <= k + m + 8 && found < 0; j++) {
      if (ex_cagr_marker(r, j)) break;
      if (ex_percent_at(r, j, &p)) {
        if (!(r->info[p.number].flag & F_RATE)) found = p.number;
        break;
      }
    }
    for (int j = k - 1; j >= start && j >= k - 4 && found < 0; j--) {
      if (ex_percent_at(r, j, &p) && p.last < k && p.last >= k - 2 &&
          !(r->info[j].flag & F_RATE)) {
        found = j;
      }
    }
    if (found < 0) continue;
    r->info[found].flag |= F_RATE;
    r->info[found].cue = RATE_CAGR;
    r->info[found].anchor = k;
    for (int d = k - 1; d >= start && d >= k - 4; d--) {
      if (ex_one_of(r, d, ex_decline_verbs) || ex_is(r, d, "negative")) {
        r->info[found].flag |= F_NEGATIVE;
      }
    }
    k += m - 1;
  }
  for (int v = start; v < r->n_tok; v++) {
    int decline = ex_one_of(r, v, ex_decline_verbs);
    if (!decline && !ex_one_of(r, v, ex_grow_verbs)) continue;
    for (int j = v + 1; j < r->n_tok && j <= v + 5; j++) {
      percent p;
      if (!ex_percent_at(r, j, &p)) continue;
      if ((r->info[p.number].flag & F_RATE) || !rate_filler(r, v + 1, p.first)) {
        break;
      }
      int at = 0, after = p.last + 1, y, f, cue = -1;
      for (int k = v + 1; k < p.first; k++) at |= ex_is(r, k, "at");
      amount am;
      if (annual_cue(r, after)) {
        cue = RATE_ANNUAL;
      } else if (yoy_cue(r, after) ||
                 (ex_is(r, after, "to") && ex_amount_at(r, after + 1, &am)) ||
                 ((ex_is(r, after, "in") || ex_is(r, after, "during")) &&
                  ex_year_at(r, after + 1, &y, &f))) {
        cue = RATE_YOY;
      } else if (at) {
        cue = RATE_ANNUAL;
      }
      if (cue >= 0) {
        r->info[p.number].flag |= F_RATE | (decline ? F_NEGATIVE : 0);
        r->info[p.number].cue = (signed char)cue;
        r->info[p.number].anchor = v;
      }
      break;
    }
  }
}

/* The year a year-on-year rate ends in: of the amount it grew to, or the
** year after it. */
static int yoy_year(ex_reader *r, const percent *p, int start) {
  int k = p->last + 1 + yoy_cue(r, p->last + 1), f, len;
  amount am;
  if (ex_is(r, k, "to") && ex_amount_at(r, k + 1, &am)) {
    int yt, seen;
    return ex_value_year(r, am.first, am.last, start, &yt, &seen, &f);
  }
  if (ex_is(r, k, "in") || ex_is(r, k, "during")) return ex_year_at(r, k + 1, &len, &f);
  int seen;
  return ex_value_year(r, p->first, p->last, start, &len, &seen, &f);
}

void ex_emit_rate(ex_reader *r, const percent *p, const subject *s,
                      int start) {
  int anchor = r->info[p->number].anchor, cue = r->info[p->number].cue;
  int first = anchor < p->first ? anchor : p->first;
  ex_row *row = ex_new_row(r, EX_CAGR, first, p->last);
  if (!row) return;
  int last = p->last;
  if (anchor > p->last) {
    last = anchor + ex_cagr_marker(r, anchor) - 1;
    ex_widen(r, row, last);
  }
  if (p->malformed) {
    ex_add_reason(r, row, "a number it cannot read");
  } else if (p->hi >= 0) {
    int lo = ex_span(r, r->tok[p->number].start, r->tok[p->number].end);
    int hi = ex_span(r, r->tok[p->hi].start, r->tok[p->hi].end);
    ex_add_reason(r, row, "a range, %s%% to %s%%: no single value",
                  ex_str(r, lo), ex_str(r, hi));
  } else if (p->sign_unclear) {
    ex_add_reason(r, row, "a dash apart from the number: its sign is unclear");
  } else {
    int negative = p->negative || (r->info[p->number].flag & F_NEGATIVE);
    row->has_value = 1;
    row->value = ex_fraction(&r->tok[p->number]) * (negative ? -1.0 : 1.0);
    row->decimals = r->tok[p->number].decimals;
  }
  ex_apply_subject(r, row, s);
  pending_rate pr;
  memset(&pr, 0, sizeof pr);
  pr.row = (int)(row - r->rows);
  pr.pct = p->number;
  pr.last = last;
  pr.anchor = anchor;
  pr.cue = cue;
  pr.market = s->kind == S_MARKET;
  if (cue == RATE_YOY) pr.yoy_year = yoy_year(r, p, start);
  if (ex_grow(r, (void **)&r->rates, r->n_rates, &r->cap_rates,
              sizeof *r->rates)) {
    r->rates[r->n_rates++] = pr;
  }
}

static int says_forecast_period(ex_reader *r, int start) {
  static const char *const tails[] = {"period", "years", "horizon",
                                      "timeframe", "window", 0};
  for (int k = start; k + 1 < r->n_tok; k++) {
    if ((ex_is(r, k, "forecast") || ex_is(r, k, "forecasted") ||
         ex_is(r, k, "projection")) &&
        ex_one_of(r, k + 1, tails)) {
      return 1;
    }
  }
  return 0;
}

int ex_says_future(ex_reader *r, int start) {
  static const char *const future[] = {
      "will", "expected", "projected", "forecast", "forecasted",
      "anticipated", "estimated", "set", "likely", "poised", "predicted",
      "should", "could", "may", "expects", "projects", "forecasts", 0};
  for (int k = start; k < r->n_tok; k++) {
    if (ex_one_of(r, k, future)) return 1;
  }
  return 0;
}

/* A period stated after the rate (before the next rate), or before it
** and taken by no other rate: its first token, or -1. */
static int stated_period(ex_reader *r, const pending_rate *pr, int start,
                         int next_pct, int *from, int *to) {
  int len;
  for (int k = pr->last + 1; k < r->n_tok && k <= pr->last + 12 && k < next_pct; k++) {
    if (!(r->info[k].flag & F_PERIOD_USED) && ex_period_at(r, k, &len, from, to)) {
      return k;
    }
  }
  int first = pr->anchor < pr->pct ? pr->anchor : pr->pct;
  for (int k = first - 1; k >= start && k >= first - LOOK_BACK; k--) {
    if (ex_period_at(r, k, &len, from, to) && k + len <= first) {
      return r->info[k].flag & F_PERIOD_USED ? -1 : k;
    }
  }
  return -1;
}

/* "through 2030", "to 2030", "by 2030" after the rate: the year, or 0. */
static int end_year(ex_reader *r, const pending_rate *pr) {
  static const char *const links[] = {"through", "to", "until", "till", "by",
                                      "thru", 0};
  int y, f;
  for (int k = pr->last + 1; k < r->n_tok && k <= pr->last + 4; k++) {
    if (ex_one_of(r, k, links)) return ex_year_at(r, k + 1, &y, &f);
  }
  return 0;
}

/* The latest figure year of the sentence before `end`, or 0. */
static int latest_before(ex_reader *r, int end) {
  int best = 0, n = r->n_sent_years < 8 ? r->n_sent_years : 8;
  for (int k = 0; k < n; k++) {
    if (r->sent_years[k] < end && r->sent_years[k] > best) best = r->sent_years[k];
  }
  return best;
}

/* The period of a rate with none stated, from what is around it; a note
** says which; 0 when nothing gives one. */
static int inferred_period(ex_reader *r, pending_rate *pr, int *from,
                           int *to) {
  ex_row *row = &r->rows[pr->row];
  const char *inferred = "period inferred from the figures around it";
  int end = end_year(r, pr), n = r->n_sent_years, latest;
  if (pr->cue == RATE_YOY && pr->yoy_year) {
    *from = pr->yoy_year - 1;
    *to = pr->yoy_year;
    ex_add_note(r, row, "a year-on-year rate");
    return 1;
  }
  if (ex_phrase(r, pr->last + 1, "over the same period") ||
      ex_phrase(r, pr->last + 1, "during the same period") ||
      ex_phrase(r, pr->last + 1, "in the same period")) {
    if (!r->last_rate_to) return 0;
    *from = r->last_rate_from;
    *to = r->last_rate_to;
    ex_add_note(r, row, "period: that of the rate before it");
    return 1;
  }
  if (end) {
    /* To a year: from the forecast period's start, an earlier rate's, or
    ** the one figure year of the sentence or paragraph before it. */
    *to = end;
    if (r->forecast_to == end) {
      *from = r->forecast_from;
      ex_add_note(r, row, "period: the text's forecast period");
    } else if (r->last_rate_to == end) {
      *from = r->last_rate_from;
      ex_add_note(r, row, "period: that of an earlier rate to %d", end);
    } else if (n > 0 && n <= 8 && (latest = latest_before(r, end)) != 0) {
      *from = latest; /* the sentence's latest figure */
      ex_add_note(r, row, "%s", inferred);
    } else if (n == 0 && r->para_max_year && r->para_max_year < end) {
      *from = r->para_max_year;
      ex_add_note(r, row, "%s", inferred);
    } else {
      return 0;
    }
    return 1;
  }
  if (r->forecast_to && r->sent_forecast) {
    *from = r->forecast_from;
    *to = r->forecast_to;
    ex_add_note(r, row, "period: the text's forecast period");
    return 1;
  }
  /* The two figure years of the sentence; its one and the paragraph's
  ** latest before; the two of the sentence before. More: not clear. */
  if (n == 2) {
    *from = r->sent_years[0] < r->sent_years[1] ? r->sent_years[0] : r->sent_years[1];
    *to = r->sent_years[0] < r->sent_years[1] ? r->sent_years[1] : r->sent_years[0];
  } else if (n == 1 && r->para_max_year && r->para_max_year < r->sent_years[0]) {
    *from = r->para_max_year;
    *to = r->sent_years[0];
  } else if (n == 0 && r->prev_n_years == 2) {
    *from = r->prev_min_year;
    *to = r->prev_max_year;
  } else {
    return 0;
  }
  ex_add_note(r, row, "%s", inferred);
  return 1;
}

/* The same period as another rate of the sentence (one of the four before
** or after it) about another segment of the same dimension ("X grows at 28.5% from 2016 to 2022; Y, the
** fastest, at 29.6%"): 1 when found. */
static int sibling_period(ex_reader *r, int k, int *from, int *to) {
  const ex_row *row = &r->rows[r->rates[k].row];
  const char *dim = ex_str(r, row->dimension), *seg = ex_str(r, row->segment);
  if (!dim || !seg || strcmp(dim, "market") == 0) return 0;
  for (int j = k > 4 ? k - 4 : 0; j < r->n_rates && j <= k + 4; j++) {
    const ex_row *o = &r->rows[r->rates[j].row];
    const char *odim = ex_str(r, o->dimension), *oseg = ex_str(r, o->segment);
    if (j == k || !r->rates[j].stated || !odim || !oseg) continue;
    if (strcmp(odim, dim) != 0 || strcmp(oseg, seg) == 0) continue;
    *from = o->from_year;
    *to = o->to_year;
    return 1;
  }
  return 0;
}

/* The periods of the sentence's rates (requirement 3): stated; else
** inferred; else another segment's in the same sentence; else none. */
void ex_rate_periods(ex_reader *r, int start) {
  int future = ex_says_future(r, start), forecast = says_forecast_period(r, start);
  r->sent_forecast = forecast;
  for (int k = 0; k < r->n_rates && !r->oom; k++) {
    pending_rate *pr = &r->rates[k];
    ex_row *row = &r->rows[pr->row];
    int next = k + 1 < r->n_rates ? r->rates[k + 1].pct : r->n_tok, from, to;
    int at = stated_period(r, pr, start, next, &from, &to), len;
    if (at < 0) continue;
    ex_period_at(r, at, &len, &from, &to);
    for (int t = at; t < at + len; t++) r->info[t].flag |= F_PERIOD_USED;
    row->from_year = from;
    row->to_year = to;
    pr->stated = 1;
    if (!r->forecast_to &&
        ((pr->market && (future || forecast)) || r->forecast_hint == to)) {
      r->forecast_from = from;
      r->forecast_to = to;
    }
  }
  for (int k = 0; k < r->n_rates && !r->oom; k++) {
    pending_rate *pr = &r->rates[k];
    ex_row *row = &r->rows[pr->row];
    int from = 0, to = 0;
    if (pr->stated) continue;
    if (inferred_period(r, pr, &from, &to) && to > from) {
      row->from_year = from;
      row->to_year = to;
      if (pr->market && !r->forecast_to && forecast) {
        r->forecast_from = from;
        r->forecast_to = to;
      }
    } else if (sibling_period(r, k, &from, &to)) {
      row->from_year = from;
      row->to_year = to;
      ex_add_note(r, row, "period: that of the rate beside it");
    } else {
      ex_add_reason(r, row, "no period stated and none to infer");
    }
  }
  for (int k = 0; k < r->n_rates; k++) {
    const ex_row *row = &r->rows[r->rates[k].row];
    if (row->to_year) {
      r->last_rate_from = row->from_year;
      r->last_rate_to = row->to_year;
    }
  }
}

