/* SPDX-License-Identifier: MIT */
/*
** extract_prose.c -- how pm_extract() reads a sentence (extract_unit.h;
** requirements 1, 2, 5, 8, 9, 14 and 19 in extract.c, docs/functions.md
** "pm_extract").
**
** A sentence is read once from left to right: at each clause's start its
** subject (extract_subjects.c), then every amount, percentage and claim
** with the subject in force where it is printed. A percentage is a rate
** (extract_rates.c), a share when "share" or "of the market, of revenue,
** of demand, ..." follows it, "share of" precedes it, or a verb of
** holding does ("accounted for", "held", "took", "made up"), and its
** subject is a segment or a geography; else it is kind 'percent'. A
** value's year: after it, before it, the sentence's opening year. At the
** sentence's end, rows read before their subject or with no year are
** settled, and the rates' periods found.
*/
#include "extract_unit.h"

#include <string.h>

SQLITE_EXTENSION_INIT3

/* --- years of a value ------------------------------------------------------- */

/* The nearest year printed before token i in the sentence, read for a
** value with no year after it: "by 2033 it will be USD 43.2 billion",
** "in FY22, growing 15% to ₹9.2 lakh crore". Not a year some amount
** took, nor one in a period; after "in", "for" or "during", not across a
** verb of the future. Its value, or 0. */
static int year_before(ex_reader *r, int i, int start, int *fiscal, int *at) {
  static const char *const preps[] = {"in", "by", "for", "during", "until",
                                      "till", "through", 0};
  static const char *const future[] = {
      "will", "expected", "projected", "forecast", "forecasted",
      "anticipated", "estimated", "set", "likely", "poised", "predicted",
      "should", "could", "may", "might", "reach", "touch", 0};
  for (int y = i - 1; y > start && y >= i - LOOK_BACK; y--) {
    int len, f, p, from, to;
    int year = ex_year_at(r, y, &len, &f);
    if (!year || y + len > i) continue;
    int outer = y - 1, ol, of;
    while (outer >= y - 3 && outer > start &&
           !(ex_year_at(r, outer, &ol, &of) && outer + ol > y)) {
      outer--;
    }
    if (outer >= y - 3 && outer > start) { /* inside "FY 2020-21" */
      y = outer;
      year = ex_year_at(r, y, &len, &f);
    }
    if ((r->info[y].flag & F_YEAR_TAKEN) || !ex_one_of(r, y - 1, preps)) {
      return 0;
    }
    for (int k = y - 3; k <= y; k++) {
      if (k >= start && ex_period_at(r, k, &p, &from, &to) && k + p > y) return 0;
    }
    if (!ex_is(r, y - 1, "by")) {
      for (int k = y + len; k < i; k++) {
        if (ex_one_of(r, k, future)) return 0;
      }
    }
    *fiscal = f;
    *at = y;
    return year;
  }
  return 0;
}

/* The year of a value whose last token is `last`, first `first`: after
** it (*after: its token, which the value takes), else before it, else the
** sentence's opening year (*seen: the year's token, or -1). */
int ex_value_year(ex_reader *r, int first, int last, int start,
                      int *after, int *seen, int *fiscal) {
  int year = 0, len;
  *fiscal = 0;
  *seen = *after = ex_year_after(r, last, &year, fiscal);
  if (*after >= 0) return year;
  /* "$9 billion to the global precision medicine market in 2015", "$5
  ** billion in revenue in 2024": past the whole it is a part of */
  if (ex_is(r, last + 1, "to") || ex_is(r, last + 1, "of") ||
      ex_is(r, last + 1, "in") || ex_is(r, last + 1, "for")) {
    static const char *const wholes[] = {"revenue", "revenues", "sales", 0};
    for (int k = last + 2; k < r->n_tok && k <= last + 9 && ex_type(r, k) == ES_WORD; k++) {
      if (ex_is_market_noun(r, k) || ex_one_of(r, k, wholes)) {
        *seen = *after = ex_year_after(r, k, &year, fiscal);
        if (*after >= 0) return year;
        break;
      }
    }
  }
  /* "its 2022 valuation of USD 14.2 billion", "the 2024 value at ..." */
  if (ex_is(r, first - 1, "of") || ex_is(r, first - 1, "at")) {
    for (int y = first - 3; y < first - 1; y++) {
      if (y > start && (ex_is(r, y - 1, "its") || ex_is(r, y - 1, "the") ||
                        ex_is(r, y - 1, "a")) &&
          (year = ex_year_at(r, y, &len, fiscal)) && y + len < first - 1) {
        *seen = y;
        return year;
      }
    }
  }
  year = year_before(r, first, start, fiscal, seen);
  if (year) return year;
  *seen = r->opening_tok;
  *fiscal = r->opening_fiscal;
  return r->opening_year;
}

/* A value's year: the sentence's one year of values, or several. */
static void note_value_year(ex_reader *r, int year) {
  if (!year || r->value_year == year) return;
  r->value_years++;
  r->value_year = year;
}

static void note_year(ex_reader *r, int year) {
  if (!year) return;
  note_value_year(r, year);
  if (!r->sent_min_year || year < r->sent_min_year) r->sent_min_year = year;
  if (year > r->sent_max_year) r->sent_max_year = year;
  for (int k = 0; k < r->n_sent_years; k++) {
    if (r->sent_years[k] == year) return;
  }
  if (r->n_sent_years < 8) r->sent_years[r->n_sent_years] = year;
  r->n_sent_years++;
}

/* --- shares --------------------------------------------------------------- */

/* Whether percentage p is a share by the words around it: "share" after
** it ("a 22.5% share", "40% market share"), "of" and a whole ("of the
** market", "of revenue", "of demand", "of the total"), or, looking back
** over words, years and commas, "share" ("a share of", "the largest
** share in 2016, 55.49%") or a verb of holding or leading ("accounted
** for", "held", "took a relatively small", "dominated in 2016 with"). */
static int share_words(ex_reader *r, const percent *p) {
  static const char *const wholes[] = {
      "market", "markets", "revenue", "revenues", "sales", "demand",
      "industry", "share", "value", "volume", "installations", "total",
      "sector", 0};
  static const char *const before_share[] = {"market", "revenue", "value",
                                             "volume", 0};
  static const char *const holding[] = {
      "accounted", "accounts", "accounting", "account", "held", "holds",
      "holding", "hold", "captured", "captures", "capturing", "took",
      "takes", "taking", "represented", "represents", "representing",
      "contributed", "contributes", "contributing", "comprised",
      "comprises", "commanded", "commands", "generated", "generates",
      "made", "makes", "making", "occupied", "occupies", "secured",
      "garnered", "dominated", "dominates", "dominating", "led", "leads",
      "largest", 0};
  int k = p->last + 1;
  if (ex_is(r, k, "share") || ex_is(r, k, "shares")) return 1;
  if (ex_one_of(r, k, before_share) && ex_is(r, k + 1, "share")) return 1;
  if (ex_is(r, k, "of")) {
    for (int q = k + 1; q < r->n_tok && q <= k + 5 && ex_type(r, q) == ES_WORD; q++) {
      if (ex_one_of(r, q, wholes) || ex_is_market_noun(r, q)) return 1;
    }
    /* "60% of deaths": a share of something else */
    if (ex_type(r, k + 1) == ES_WORD && !ex_is(r, k + 1, "it")) return 0;
  }
  for (int b = p->first - 1; b >= 0 && b >= p->first - 12; b--) {
    es_type t = ex_type(r, b);
    if (t == ES_COMMA || (t == ES_NUMBER && es_is_year(&r->tok[b]))) continue;
    /* "31% and 22%": past the percentages of a list */
    if (t == ES_PERCENT || (t == ES_NUMBER && ex_type(r, b + 1) == ES_PERCENT)) continue;
    if (t != ES_WORD) break;
    if (ex_is(r, b, "share") || ex_is(r, b, "shares") || ex_one_of(r, b, holding)) {
      return 1;
    }
    if (ex_one_of(r, b, ex_grow_verbs) || ex_one_of(r, b, ex_decline_verbs)) break;
  }
  return 0;
}

/* Words that qualify the amount after them ("over USD 3 billion"). */
static const char *const qualifiers[] = {"over", "nearly", "almost", "about",
                                         "around", "approximately", "roughly",
                                         "above", "under", "below",
                                         "exceeding", 0};

static const char *qualifier_before(ex_reader *r, int i) {
  if (ex_one_of(r, i - 1, qualifiers)) return 0;
  if (ex_is(r, i - 1, "than") && ex_is(r, i - 2, "more")) return "more than";
  if (ex_is(r, i - 1, "than") && ex_is(r, i - 2, "less")) return "less than";
  if (ex_is(r, i - 1, "to") && ex_is(r, i - 2, "up")) return "up to";
  if (ex_is(r, i - 1, "to") && ex_is(r, i - 2, "close")) return "close to";
  if (ex_char(r, i - 1, '~') || ex_char(r, i - 1, 0x2248)) return "~";
  return 0;
}

static void note_qualifier(ex_reader *r, ex_row *row, int i) {
  const char *q = qualifier_before(r, i);
  if (!q && ex_one_of(r, i - 1, qualifiers)) {
    int w = ex_span(r, r->tok[i - 1].start, r->tok[i - 1].end);
    if (w >= 0) ex_add_note(r, row, "printed as \"%s\"", ex_str(r, w));
    return;
  }
  if (q) ex_add_note(r, row, "printed as \"%s\"", q);
}

static void emit_share(ex_reader *r, const percent *p, const subject *s,
                       int start) {
  ex_row *row = ex_new_row(r, EX_FIGURE, p->first, p->last);
  if (!row) return;
  if (p->malformed || p->hi >= 0 || p->negative || p->sign_unclear) {
    ex_add_reason(r, row, "a share it cannot read as one number");
  } else {
    row->has_share = 1;
    row->share = ex_fraction(&r->tok[p->number]);
  }
  note_qualifier(r, row, p->first);
  /* The year: after the share's words ("a 22.5% share in 2024", "68.1% of
  ** the market in 2024"), else before it. */
  int fiscal = 0, year = 0, yt = -1, seen = -1;
  for (int q = p->last; q < r->n_tok && q <= p->last + 6 && yt < 0; q++) {
    if (q > p->last && (ex_type(r, q) != ES_WORD || ex_is_break(r, q))) break;
    seen = yt = ex_year_after(r, q, &year, &fiscal);
  }
  if (yt < 0) year = ex_value_year(r, p->first, p->last, start, &yt, &seen, &fiscal);
  if (yt >= 0) r->info[yt].flag |= F_YEAR_TAKEN;
  if (seen >= 0) ex_widen(r, row, seen);
  if (year) {
    row->year = year;
    note_value_year(r, year);
    if (fiscal) ex_add_note(r, row, "fiscal year read as %d, the year it ends in", year);
  } else {
    row->pending |= EX_NO_YEAR;
  }
  ex_apply_subject(r, row, s);
}

/* --- claims --------------------------------------------------------------- */

/* A dominant or fastest-growing claim at token i: its kind (EX_DOMINANT,
** EX_FASTEST) and its token count, or EX_FIGURE. When the claim names its
** subject, *who is it (else its kind is S_NONE): the passive "dominated by
** <geography or segment>", the inverted "the largest region was
** <geography>". */
static ex_kind claim_at(ex_reader *r, int i, int *len, subject *who) {
  static const char *const dominate[] = {"dominate", "dominates", "dominated",
                                         "dominating", 0};
  static const char *const lead[] = {"leads", "lead", "led", 0};
  static const char *const largest[] = {"largest", "biggest", "leading",
                                        "dominant", "larger", "highest", 0};
  static const char *const ranked[] = {
      "region", "regions", "segment", "share", "market", "country",
      "revenue", "contributor", "position", "type", "category", "end-user",
      "application", "product", "component", "player", "in", "with",
      "revenue-grossing", "revenue-generating", "grossing", 0};
  static const char *const copulas[] = {"was", "is", "remains", "remained",
                                        "will", "be", "expected", "to",
                                        "projected", "anticipated", 0};
  static const char *const fast_next[] = {"CAGR", "rate", "pace", "growth",
                                          "growing", 0};
  int n, g;
  *len = 1;
  memset(who, 0, sizeof *who);
  who->geo = -1;
  if (ex_is(r, i - 1, "of") && ex_is(r, i - 2, "one")) return EX_FIGURE;
  if (ex_is(r, i - 2, "of") && ex_is(r, i - 3, "one")) return EX_FIGURE;
  ex_kind kind = EX_FIGURE;
  if (ex_one_of(r, i, dominate) || ex_one_of(r, i, lead)) {
    if (ex_is(r, i + 1, "by")) {
      /* "dominated by North America", "dominated by pathology, which" */
      int k = i + 2 + ex_is(r, i + 2, "the");
      if ((g = ex_geo(r, k, &n)) >= 0) {
        ex_geo_subject(who, g);
      } else {
        int e = k;
        while (e < r->n_tok && e - k < 4 && ex_type(r, e) == ES_WORD &&
               !ex_one_of(r, e, ex_name_stops) && !ex_one_of(r, e, ex_not_segment)) {
          e++;
        }
        if (e == k) return EX_FIGURE;
        ex_segment_subject(r, who, k, e);
        n = e - k;
      }
      *len = k + n - i;
      return EX_DOMINANT;
    }
    if (ex_one_of(r, i, lead) && !(ex_is(r, i + 1, "the") || ex_is(r, i + 1, "with") ||
                                   ex_is(r, i + 1, "in") || ex_is_break(r, i + 1) ||
                                   ex_type(r, i + 1) == ES_END)) {
      return EX_FIGURE;
    }
    return EX_DOMINANT;
  }
  if (ex_one_of(r, i, largest) && (ex_is(r, i - 1, "the") || ex_is(r, i - 1, "a")) &&
      !(ex_is(r, i, "highest") && ex_is(r, i + 1, "growth"))) {
    int k = i + 1;
    int any = ex_is(r, k, "of") && (ex_is(r, k + 1, "any") || ex_is(r, k + 1, "all"));
    if (!any && !ex_one_of(r, k, ranked) && ex_type(r, k) == ES_WORD &&
        !(r->ctx_dim[0] && ex_is(r, k, r->ctx_dim)) && !ex_is(r, i, "highest")) {
      return EX_FIGURE;
    }
    if (!(ex_is(r, i, "highest") &&
          (ex_cagr_marker(r, k) || ex_is(r, k, "rate") || !ex_one_of(r, k, ranked)))) {
      kind = EX_DOMINANT;
    }
  }
  if (kind == EX_FIGURE) {
    if (ex_is(r, i, "fastest-growing") || ex_is(r, i, "fastest-expanding") ||
        ex_is(r, i, "quickest-growing") ||
        (ex_is(r, i, "fastest") && ex_one_of(r, i + 1, fast_next)) ||
        (ex_is(r, i, "highest") &&
         (ex_cagr_marker(r, i + 1) || ex_is(r, i + 1, "growth"))) ||
        (ex_is(r, i, "most") && ex_is(r, i + 1, "rapid"))) {
      kind = EX_FASTEST;
      if (ex_is(r, i, "fastest") || ex_is(r, i, "highest") || ex_is(r, i, "most")) {
        *len = 2;
      }
    } else {
      return EX_FIGURE;
    }
  }
  /* Inverted: "the largest region was North America". */
  int k = i + *len;
  if (ex_type(r, k) == ES_WORD && !ex_one_of(r, k, copulas)) k++;
  int c = k;
  while (c < r->n_tok && c - k < 4 && ex_one_of(r, c, copulas)) c++;
  if (c > k && (g = ex_geo(r, c, &n)) >= 0) {
    ex_geo_subject(who, g);
    *len = c + n - i;
  }
  return kind;
}

/* --- the sentence ---------------------------------------------------------- */

/* Whether amount a is money that flows (invested, raised, spent, paid,
** traded, lost or earned: "raised USD 2 billion", "USD 2 billion in
** funding", "poured USD 5 billion into", "USD 2 billion of losses"), no
** market's size. */
static int money_flow(ex_reader *r, const amount *a) {
  static const char *const flows[] = {
      "invest", "invests", "invested", "investing", "investment",
      "investments", "investors", "raise", "raises", "raised", "raising",
      "funding", "funded", "fund", "funds", "financing", "financed",
      "grant", "grants", "granted", "allocate", "allocated", "allocation",
      "budget", "budgeted", "spend", "spends", "spent", "acquire",
      "acquired", "acquisition", "acquisitions", "deal", "deals", "paid",
      "pay", "pays", "purchase", "purchased", "bought", "loan", "loans",
      "subsidy", "subsidies", "export", "exports", "exported", "import",
      "imports", "imported", "outlay", "capex", "injected", "poured",
      "committed", "pledged", "donated", "awarded", "earmarked", "worth",
      "capital", "venture", "grossed", "loss", "losses", "profit", "profits",
      "earnings", "income", "savings", "fines", "penalties", 0};
  static const char *const skip[] = {"of", "a", "an", "about", "nearly",
                                     "over", "some", "the", "around",
                                     "approximately", "roughly", "up", "to",
                                     "more", "than", "another", "additional",
                                     0};
  int b = a->first - 1;
  for (int k = 0; k < 3 && ex_one_of(r, b, skip); k++) b--;
  if (ex_one_of(r, b, flows) && !ex_is(r, b, "worth")) return 1;
  int n = a->last + 1;
  if (ex_is(r, n, "into")) return 1;
  if ((ex_is(r, n, "in") || ex_is(r, n, "of") || ex_is(r, n, "for")) &&
      ex_one_of(r, n + 1, flows)) {
    return 1;
  }
  return ex_is(r, n, "worth") && ex_is(r, n + 1, "of") && ex_one_of(r, n + 2, flows);
}

/* The amount or percentage at token i, of subject s: its rows; the last
** token read. */
static int emit_value(ex_reader *r, int i, int start, const subject *s) {
  amount am;
  percent p;
  int fiscal;
  if (ex_amount_at(r, i, &am)) {
    int yt, seen, year = ex_value_year(r, am.first, am.last, start, &yt, &seen,
                                    &fiscal);
    if (yt >= 0) r->info[yt].flag |= F_YEAR_TAKEN;
    ex_row *row = ex_emit_amount(r, &am, seen, year, fiscal, s);
    if (row && money_flow(r, &am)) {
      ex_add_reason(r, row, "money invested, raised, spent or traded, not a "
                            "market's size");
    } else if (row && row->has_value) {
      note_year(r, row->year);
      note_qualifier(r, row, am.first);
    }
    return am.last;
  }
  if (!ex_percent_at(r, i, &p)) return i;
  if (r->info[p.number].flag & F_RATE) {
    ex_emit_rate(r, &p, s, start);
  } else if (share_words(r, &p) && s->kind != S_MARKET) {
    emit_share(r, &p, s, start);
  } else {
    ex_emit_percent(r, &p);
  }
  return p.last;
}

/* Where the sentence's words start: after a bullet, and after a bullet's
** "Label:" (which names the paragraph's dimension). */
static int content_start(ex_reader *r) {
  int i = 0;
  es_type k = ex_type(r, 0);
  int bullet = (k == ES_DASH && r->n_tok > 1 && !r->tok[1].attached) ||
               (k == ES_OTHER && (r->tok[0].cp == '*' || r->tok[0].cp == 0x2022 ||
                                  r->tok[0].cp == 0x25AA || r->tok[0].cp == 0x25CF));
  if (!bullet) return 0;
  i = 1;
  int e = i;
  while (e < r->n_tok && e - i < 4 && ex_type(r, e) == ES_WORD) e++;
  if (e > i && ex_char(r, e, ':')) {
    char dim[DIM_CAP];
    int d = i; /* "By product:", "Based on region:" */
    if (ex_is(r, d, "by")) d++;
    else if (ex_phrase(r, d, "based on")) d += 2;
    else if (ex_phrase(r, d, "in terms of")) d += 3;
    if (d < e && ex_dimension_words(r, d, e, dim)) strcpy(r->ctx_dim, dim);
    return e + 1;
  }
  return i;
}

typedef struct claim_seen {
  ex_kind kind;
  subject who;
} claim_seen;

static void emit_claim(ex_reader *r, ex_kind kind, int i, int len,
                       const subject *who, const subject *cur, claim_seen *seen,
                       int *n_seen) {
  subject s = who->kind != S_NONE ? *who : *cur;
  if (s.kind != S_GEO && s.kind != S_SEGMENT) return;
  for (int k = 0; k < *n_seen; k++) {
    if (seen[k].kind == kind && ex_same_subject(&seen[k].who, &s)) return;
  }
  if (*n_seen < 8) {
    seen[*n_seen].kind = kind;
    seen[(*n_seen)++].who = s;
  }
  ex_row *row = ex_new_row(r, kind, i, i + len - 1);
  if (row) ex_apply_subject(r, row, &s);
}

/* The one year the sentence names that no value took and no period
** holds: its value, or 0 (also when it names several). */
static int free_year(ex_reader *r, int start, int *tok, int *fiscal) {
  int found = 0;
  for (int i = start; i < r->n_tok; i++) {
    int len, f, p, from, to;
    if (ex_period_at(r, i, &p, &from, &to)) {
      i += p - 1;
      continue;
    }
    static const char *const preps[] = {"in", "by", "for", "during", 0};
    int y = ex_year_at(r, i, &len, &f);
    if (!y) continue;
    if ((r->info[i].flag & F_YEAR_TAKEN) || !ex_one_of(r, i - 1, preps)) return 0;
    if (found && found != y) return 0;
    found = y;
    *tok = i;
    *fiscal = f;
    i += len - 1;
  }
  return found;
}

/* The end of a sentence: rows read before their subject take the
** sentence's subject when it names one only ("Worth USD 97.4 billion in
** 2021, the global ... market will shrink"), or the sentence before's
** when it points back ("that is a CAGR of ..."); a share whose subject is
** the whole market is no share; rows with no year take the one year the
** sentence names, else (in the past tense) the one figure year of the
** sentence before. What stays missing is a reason. */
static void settle(ex_reader *r, int start, int first_row,
                   const subject *first, int mixed) {
  subject who;
  memset(&who, 0, sizeof who);
  who.geo = -1;
  if (first->kind != S_NONE && !mixed) {
    who = *first;
  } else if (first->kind == S_NONE) {
    for (int i = start; i < r->n_tok; i++) {
      if (ex_points_back(r, i)) {
        who = r->prev;
        break;
      }
    }
  }
  int tok = -1, fiscal = 0, year = 0, before = 0;
  if (!ex_says_future(r, start)) {
    year = free_year(r, start, &tok, &fiscal);
    if (!year && r->prev_value_year) before = r->prev_value_year;
  }
  r->deferring = 0;
  for (int k = first_row; k < r->n_rows && !r->oom; k++) {
    ex_row *row = &r->rows[k];
    if (row->pending & EX_NO_SUBJECT) {
      row->pending &= ~EX_NO_SUBJECT;
      ex_apply_subject(r, row, &who);
      if (row->has_share && who.kind != S_GEO && who.kind != S_SEGMENT) {
        row->kind = EX_PERCENT;
        row->has_share = 0;
        row->reason = row->dimension = row->segment = -1;
        row->market_of = row->geo = -1;
        row->pending = row->pending_geo = 0;
        ex_add_reason(r, row, "a percentage that is neither a share nor a "
                              "stated rate");
        continue;
      }
    }
    if (row->pending & EX_NO_YEAR) {
      row->pending &= ~EX_NO_YEAR;
      int sibling = 0;
      for (int j = first_row; j < r->n_rows && row->list && !sibling; j++) {
        if (r->rows[j].list == row->list && r->rows[j].year) sibling = r->rows[j].year;
      }
      if (sibling) {
        row->year = sibling;
        ex_add_note(r, row, "year of the list's other values");
      } else if (year) {
        row->year = year;
        ex_widen(r, row, tok);
        if (fiscal) ex_add_note(r, row, "fiscal year read as %d, the year it ends in", year);
      } else if (before) {
        row->year = before;
        ex_add_note(r, row, "year from the sentence before");
      } else {
        ex_add_reason(r, row, "no year");
      }
    }
  }
}

void ex_prose(ex_reader *r, int same_paragraph) {
  int start = content_start(r);
  r->opening_year = 0;
  r->opener_geo = -1;
  r->sent_min_year = r->sent_max_year = r->n_sent_years = 0;
  r->value_year = r->value_years = 0;
  r->n_rates = 0;
  if (!same_paragraph) {
    r->prev_min_year = r->prev_max_year = r->prev_n_years = 0;
    r->prev_value_year = 0;
  }
  int yl, fiscal, year, opened = -1;
  r->opening_tok = -1;
  r->opening_fiscal = 0;
  if ((ex_is(r, start, "In") || ex_is(r, start, "For") || ex_is(r, start, "During") ||
       ex_is(r, start, "By")) &&
      (year = ex_year_at(r, start + 1, &yl, &fiscal)) != 0) {
    r->opening_year = year;
    r->opening_fiscal = fiscal;
    r->opening_tok = start + 1;
    opened = start + 1 + yl; /* a clause starts after "In 2016" */
    if (ex_type(r, opened) == ES_COMMA) opened = -1;
  }
  ex_find_rates(r, start);
  r->deferring = 1;
  int first_row = r->n_rows, mixed = 0;
  subject cur, first;
  memset(&cur, 0, sizeof cur);
  cur.geo = -1;
  first = cur;
  claim_seen seen[8];
  int n_seen = 0, clause_has = 0, next_item = 0, list_no = 0;
  static const char *const anaphors[] = {"revenue", "revenues", "sales",
                                         "turnover", 0};
  if (ex_one_of(r, start, anaphors) && r->prev.kind == S_MARKET) cur = r->prev;
  if (ex_points_back(r, start)) cur = r->prev;
  for (int i = start; i < r->n_tok; i++) {
    subject s, named;
    int bare, object, len;
    if (ex_clause_starts(r, i, start) || i == opened) {
      clause_has = 0;
      int skip = ex_opener(r, i, &cur);
      for (int k = i; k < i + skip; k++) r->info[k].flag |= F_USED;
      if (skip) {
        if (cur.kind != S_NONE && first.kind == S_NONE) first = cur;
        i += skip - 1;
        continue;
      }
      if ((len = ex_clause_subject(r, i, &cur, &s)) > 0) {
        cur = s;
        next_item = 0;
        list_no += s.n_items > 0;
        clause_has = 1;
        if (first.kind == S_NONE) first = s;
        mixed |= !ex_same_subject(&first, &s);
        i += len - 1;
        continue;
      }
    }
    if (r->info[i].flag & F_USED) continue;
    if (ex_is_market_noun(r, i)) {
      int at;
      /* A market phrase at a clause's start is its subject ("; the market
      ** is forecast to decline"); elsewhere, unless the clause has one,
      ** or it is a bare "the market" or a preposition's object after a
      ** subject of the sentence. */
      if (ex_market_phrase(r, i, &s, &bare, &object, &at) &&
          (ex_clause_starts(r, at, start) ||
           (!clause_has && !(bare && cur.kind != S_NONE) &&
            !(object && cur.kind != S_NONE)))) {
        cur = s;
        if (!bare) clause_has = 1;
        if (first.kind == S_NONE) first = s;
        mixed |= !ex_same_subject(&first, &s);
      }
      continue;
    }
    if (ex_is_segment_noun(r, i)) {
      if (ex_segment_phrase(r, i, &s)) {
        cur = s;
        clause_has = 1;
        if (first.kind == S_NONE) first = s;
        mixed |= !ex_same_subject(&first, &s);
      }
      continue;
    }
    if ((ex_is(r, i, "it") || ex_is(r, i, "its")) && cur.kind == S_NONE) {
      cur = r->prev;
      continue;
    }
    amount am;
    percent p;
    ex_kind kind;
    if (cur.n_items && (ex_amount_at(r, i, &am) || ex_percent_at(r, i, &p))) {
      /* A list's values: each item's, or the items' in order. */
      int first_item = cur.each ? 0 : next_item, last_item = cur.each ? cur.n_items : next_item + 1;
      int end = i;
      for (int k = first_item; k < last_item; k++) {
        subject item = k < cur.n_items ? ex_list_item(&cur, k) : cur;
        if (k >= cur.n_items) item.problem = "more values than the list names";
        int n0 = r->n_rows;
        end = emit_value(r, i, start, &item);
        for (int j = n0; j < r->n_rows; j++) r->rows[j].list = list_no;
      }
      if (!cur.each) next_item++;
      i = end;
      continue;
    }
    if (ex_amount_at(r, i, &am) || ex_percent_at(r, i, &p)) {
      i = emit_value(r, i, start, &cur);
    } else if ((kind = claim_at(r, i, &len, &named)) != EX_FIGURE) {
      emit_claim(r, kind, i, len, &named, &cur, seen, &n_seen);
      if (named.kind != S_NONE) {
        cur = named;
        clause_has = 1;
        if (first.kind == S_NONE) first = cur;
        mixed |= !ex_same_subject(&first, &cur);
      }
      i += len - 1;
    }
  }
  ex_rate_periods(r, start);
  settle(r, start, first_row, &first, mixed);
  r->deferring = 0;
  if (first.kind != S_NONE) r->prev = first;
  if (r->sent_max_year) {
    if (r->sent_max_year > r->para_max_year) r->para_max_year = r->sent_max_year;
  }
  r->prev_min_year = r->sent_min_year;
  r->prev_max_year = r->sent_max_year;
  r->prev_n_years = r->n_sent_years;
  r->prev_value_year = r->value_years == 1 ? r->value_year : 0;
}
