/* SPDX-License-Identifier: MIT */
/*
** extract_read.c -- the reading rules of pm_extract() (requirements 1-6 in
** extract.c): one pass of the tokeniser (extract_scan.c), cut into units
** (a sentence, or a line with a pipe: a table row); each unit is read with
** its tokens at hand (amounts, years, subjects, rates, share tables), and
** the candidate rows are then resolved once (the text's geography, a
** segment's spelling and dimension from share tables, repeats and shares
** merged into their amounts) and written out in text order.
*/
#include "extract_read.h"
#include "extract_scan.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

#define MAX_LABELS 256
#define MAX_SUBJECT_WORDS 8

/* --- candidate rows ------------------------------------------------- */

typedef struct ex_row {
  const char *kind;
  char *dimension, *segment, *note, *reason; /* owned */
  int year, from_year, to_year;              /* 0: NULL */
  int has_value, has_share, decimals;        /* decimals -1: NULL */
  double value, share;
  const char *currency, *scale;              /* currency NULL: unit NULL */
  int pending_geo;    /* market-wide, the text's geography still to come */
  int from_table;     /* a share-table row: its label names a segment */
  sqlite3_int64 start, end, cstart, cend;
} ex_row;

/* What a sentence is about. */
typedef struct subject {
  int found;
  const char *dimension;          /* static; NULL: unknown */
  const char *segment;            /* static name, else the span below */
  sqlite3_int64 seg_start, seg_end;
  int pending_geo;
} subject;

typedef struct ex_state {
  es_scanner scan;
  es_token *tok;
  int n_tok, cap_tok;
  ex_row *rows;
  int n_rows, cap_rows;
  int oom;
  /* the share table being read */
  int table_active, table_year;
  char *table_dim;
  /* learned from the text */
  sqlite3_int64 name_start, name_end; /* the market's name, e.g. */
  int have_name;                      /* "personalized medicine" */
  const char *geo;                    /* "Global" */
  subject prev;
  int prev_min_year, prev_max_year; /* the years of the previous sentence */
} ex_state;

static char *ex_printf(ex_state *st, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  char *s = st->oom ? 0 : sqlite3_vmprintf(format, ap);
  va_end(ap);
  if (!s) st->oom = 1;
  return s;
}

static char *span_text(ex_state *st, sqlite3_int64 start, sqlite3_int64 end) {
  return ex_printf(st, "%.*s", (int)(end - start),
                   (const char *)st->scan.text + start);
}

/* `array` (n elements of `size` bytes, room for *cap) with room for one
** more: the same or a moved array, or 0 with st->oom set (array kept). */
static void *grow(ex_state *st, void *array, int n, int *cap, size_t size) {
  if (st->oom) return 0;
  if (n < *cap) return array;
  int more = *cap ? 2 * *cap : 32;
  void *moved = sqlite3_realloc64(array, (sqlite3_uint64)more * size);
  if (!moved) {
    st->oom = 1;
    return 0;
  }
  *cap = more;
  return moved;
}

static ex_row *new_row(ex_state *st, const char *kind, const es_token *first,
                       const es_token *last) {
  ex_row *rows = grow(st, st->rows, st->n_rows, &st->cap_rows, sizeof *rows);
  if (!rows) return 0;
  st->rows = rows;
  ex_row *r = &st->rows[st->n_rows++];
  memset(r, 0, sizeof *r);
  r->kind = kind;
  r->decimals = -1;
  r->start = first->start;
  r->cstart = first->cstart;
  r->end = last->end;
  r->cend = last->cend;
  return r;
}

static void widen(ex_row *r, const es_token *t) {
  if (t->start < r->start) {
    r->start = t->start;
    r->cstart = t->cstart;
  }
  if (t->end > r->end) {
    r->end = t->end;
    r->cend = t->cend;
  }
}

/* Appends a reason ("; " between two). */
static void add_reason(ex_state *st, ex_row *r, const char *reason) {
  char *s = r->reason ? ex_printf(st, "%s; %s", r->reason, reason)
                      : ex_printf(st, "%s", reason);
  sqlite3_free(r->reason);
  r->reason = s;
}

static void set_subject(ex_state *st, ex_row *r, const subject *s) {
  if (!s->found) {
    add_reason(st, r, "no market or segment named");
    return;
  }
  if (s->dimension) r->dimension = ex_printf(st, "%s", s->dimension);
  if (s->segment) {
    r->segment = ex_printf(st, "%s", s->segment);
  } else if (s->seg_end > s->seg_start) {
    r->segment = span_text(st, s->seg_start, s->seg_end);
  }
  r->pending_geo = s->pending_geo;
}

/* --- words ------------------------------------------------------------ */

static int is(ex_state *st, int i, const char *word) {
  return i >= 0 && i < st->n_tok && es_word_is(&st->scan, &st->tok[i], word);
}

static int type_at(ex_state *st, int i) {
  return i >= 0 && i < st->n_tok ? (int)st->tok[i].type : ES_END;
}

static int one_of(ex_state *st, int i, const char *const *words) {
  for (int k = 0; words[k]; k++) {
    if (is(st, i, words[k])) return 1;
  }
  return 0;
}

/* The words of `name` (space-separated) at tokens i...: how many tokens. */
static int match_name(ex_state *st, int i, const char *name) {
  int n = 0;
  char word[32];
  while (*name) {
    size_t len = strcspn(name, " ");
    if (len >= sizeof word) return 0;
    memcpy(word, name, len);
    word[len] = 0;
    if (!is(st, i + n, word)) return 0;
    n++;
    name += len;
    while (*name == ' ') name++;
  }
  return n;
}

typedef struct geography {
  const char *name;
  const char *dimension; /* "market" for the world */
} geography;

static const geography geographies[] = {
    {"global", "market"}, {"worldwide", "market"}, {"world", "market"},
    {"North America", "region"}, {"Europe", "region"},
    {"Asia Pacific", "region"}, {"Asia-Pacific", "region"},
    {"APAC", "region"}, {"Asia", "region"}, {"LAMEA", "region"},
    {"Latin America", "region"}, {"South America", "region"},
    {"Middle East and Africa", "region"}, {"Middle East & Africa", "region"},
    {"MEA", "region"}, {"Middle East", "region"}, {"Africa", "region"},
    {"Western Europe", "region"}, {"Eastern Europe", "region"},
    {"Oceania", "region"}, {"EMEA", "region"},
    {"United States", "country"}, {"USA", "country"}, {"Canada", "country"},
    {"Mexico", "country"}, {"Brazil", "country"}, {"China", "country"},
    {"Japan", "country"}, {"India", "country"}, {"South Korea", "country"},
    {"Australia", "country"}, {"Germany", "country"}, {"France", "country"},
    {"United Kingdom", "country"}, {"UK", "country"}, {"Italy", "country"},
    {"Spain", "country"},
};

/* The longest geography at token i: its entry and token count, or 0. */
static const geography *match_geography(ex_state *st, int i, int *count) {
  const geography *best = 0;
  *count = 0;
  for (size_t k = 0; k < sizeof geographies / sizeof geographies[0]; k++) {
    int n = match_name(st, i, geographies[k].name);
    if (n > *count) {
      *count = n;
      best = &geographies[k];
    }
  }
  return best;
}

/* 1 when tokens [a, b) spell the learned market name, ignoring case. */
static int is_market_name(ex_state *st, int a, int b) {
  if (!st->have_name || a >= b) return 0;
  sqlite3_int64 start = st->tok[a].start, end = st->tok[b - 1].end;
  if (end - start != st->name_end - st->name_start) return 0;
  return sqlite3_strnicmp((const char *)st->scan.text + start,
                          (const char *)st->scan.text + st->name_start,
                          (int)(end - start)) == 0;
}

static int is_market(ex_state *st, int i) {
  return is(st, i, "market") || is(st, i, "markets");
}

/* The subject named by the words before the "market" at token m, or, for
** m < 0, by a sentence without that word (requirement 2). *named is 0
** when nothing precedes "market" but "the". */
static subject find_subject(ex_state *st, int m, int *named) {
  subject s = {0, 0, 0, 0, 0, 0};
  int r0;
  *named = 1;
  if (m < 0) {
    if (is(st, 0, "It") || is(st, 0, "This") || is(st, 0, "That")) {
      return st->prev;
    }
    r0 = is(st, 0, "The") ? 1 : 0;
    m = st->n_tok;
  } else {
    /* The run of words before "market" (a subject is a few words), from
    ** after its last "the". */
    r0 = m;
    while (r0 > 0 && m - r0 < MAX_SUBJECT_WORDS &&
           (type_at(st, r0 - 1) == ES_WORD || is(st, r0 - 1, "&"))) {
      r0--;
    }
    for (int i = m - 1; i >= r0; i--) {
      if (is(st, i, "the")) {
        r0 = i + 1;
        break;
      }
    }
  }
  int n;
  const geography *g = match_geography(st, r0, &n);
  if (g) {
    s.found = 1;
    s.dimension = g->dimension;
    if (strcmp(g->dimension, "market") == 0) {
      s.segment = "Global";
      if (!st->geo) st->geo = "Global";
    } else {
      s.seg_start = st->tok[r0].start;
      s.seg_end = st->tok[r0 + n - 1].end;
    }
    if (!st->have_name && m < st->n_tok && r0 + n < m) {
      st->have_name = 1;
      st->name_start = st->tok[r0 + n].start;
      st->name_end = st->tok[m - 1].end;
    }
    return s;
  }
  if (m >= st->n_tok) return s; /* no "market", no geography first */
  s.found = 1;
  *named = r0 < m;
  if (r0 == m || is_market_name(st, r0, m) || !st->have_name) {
    if (!st->have_name && r0 < m) {
      st->have_name = 1;
      st->name_start = st->tok[r0].start;
      st->name_end = st->tok[m - 1].end;
    }
    s.dimension = "market";
    s.pending_geo = 1;
    return s;
  }
  /* A segment: the words before the market's name (or all of them). */
  int end = m;
  for (int k = r0 + 1; k < m; k++) {
    if (is_market_name(st, k, m)) {
      end = k;
      break;
    }
  }
  s.seg_start = st->tok[r0].start;
  s.seg_end = st->tok[end - 1].end;
  return s;
}

/* --- amounts and years ------------------------------------------------ */

typedef struct amount {
  int first, number, last; /* token indexes */
  const char *currency, *scale;
} amount;

static const char *scale_at(ex_state *st, int i) {
  static const struct { const char *word, *scale; } words[] = {
      {"trillion", "tn"}, {"tn", "tn"}, {"trn", "tn"},
      {"billion", "bn"}, {"bn", "bn"}, {"bln", "bn"},
      {"million", "mn"}, {"mn", "mn"}, {"mln", "mn"},
      {"thousand", "k"}, {"k", "k"}, {"B", "bn"}, {"M", "mn"}, {"T", "tn"}};
  if (type_at(st, i) != ES_WORD) return 0;
  const es_token *t = &st->tok[i];
  int single = t->end - t->start == 1;
  for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
    if (!is(st, i, words[k].word)) continue;
    /* One letter only glued to the number ("493.1B"), or K/M/B apart. */
    if (single && !t->attached &&
        !(st->scan.text[t->start] == 'B' || st->scan.text[t->start] == 'M')) {
      return 0;
    }
    return words[k].scale;
  }
  return 0;
}

static const char *currency_word(ex_state *st, int i) {
  if (type_at(st, i) != ES_WORD) return 0;
  const char *text = (const char *)st->scan.text + st->tok[i].start;
  sqlite3_int64 len = st->tok[i].end - st->tok[i].start;
  if (len == 3 && memcmp(text, "USD", 3) == 0) return "USD";
  if (len == 3 && memcmp(text, "EUR", 3) == 0) return "EUR";
  if (len == 3 && memcmp(text, "GBP", 3) == 0) return "GBP";
  return 0;
}

static const char *trailing_currency(ex_state *st, int i) {
  const char *c = currency_word(st, i);
  if (c) return c;
  if (is(st, i, "dollars")) return "USD";
  if (is(st, i, "euros")) return "EUR";
  return 0;
}

/* An amount starting at token i (requirement 1): 1 and *a, or 0. */
static int parse_amount(ex_state *st, int i, amount *a) {
  int j = i;
  memset(a, 0, sizeof *a);
  a->first = i;
  if (type_at(st, i) == ES_CURRENCY) {
    a->currency = st->tok[i].currency;
    j = i + 1;
  } else if (is(st, i, "US") && type_at(st, i + 1) == ES_CURRENCY &&
             st->tok[i + 1].attached) {
    a->currency = st->tok[i + 1].currency;
    j = i + 2;
  } else if ((a->currency = currency_word(st, i)) != 0) {
    j = i + 1;
    if (type_at(st, j) == ES_CURRENCY && st->tok[j].attached) j++; /* USD$ */
  }
  if (type_at(st, j) != ES_NUMBER) return 0;
  a->number = j;
  a->last = j;
  if ((a->scale = scale_at(st, j + 1)) != 0) a->last = j + 1;
  if (!a->currency) {
    a->currency = trailing_currency(st, a->last + 1);
    if (a->currency) a->last++;
    if (!a->scale && !a->currency) return 0; /* a bare number */
    if (es_is_year(&st->tok[j]) && !a->currency) return 0;
  }
  if (type_at(st, a->last + 1) == ES_PERCENT) return 0;
  return 1;
}

/* The year token after token i ("in 2024", "by the end of 2034", "(2022)"),
** or -1. */
static int year_after(ex_state *st, int i) {
  static const char *const preps[] = {"in", "by", "for", "of", "during",
                                      "through", "until", "till", "at", 0};
  static const char *const fillers[] = {"the", "year", "end", "of", "fiscal",
                                        "calendar", "FY", 0};
  int k = i + 1;
  if (type_at(st, k) == ES_COMMA) k++;
  if (type_at(st, k) == ES_OPEN && type_at(st, k + 1) == ES_NUMBER &&
      es_is_year(&st->tok[k + 1]) && type_at(st, k + 2) == ES_CLOSE) {
    return k + 1;
  }
  if (!one_of(st, k, preps)) return -1;
  k++;
  for (int f = 0; f < 3 && one_of(st, k, fillers); f++) k++;
  return type_at(st, k) == ES_NUMBER && es_is_year(&st->tok[k]) ? k : -1;
}

static int first_year(ex_state *st, int a, int b) {
  for (int i = a; i < b; i++) {
    if (es_is_year(&st->tok[i])) return i;
  }
  return -1;
}

/* A period "YEAR to YEAR" in tokens [a, b): index of its first year. */
static int find_period(ex_state *st, int a, int b) {
  static const char *const links[] = {"to", "through", "till", "until", "and",
                                      "-", 0};
  for (int i = a; i + 2 < b; i++) {
    if (!es_is_year(&st->tok[i]) || !es_is_year(&st->tok[i + 2])) continue;
    if ((type_at(st, i + 1) == ES_DASH || one_of(st, i + 1, links)) &&
        st->tok[i].digits < st->tok[i + 2].digits) {
      return i;
    }
  }
  return -1;
}

static void set_unit(ex_row *r, const amount *a) {
  r->currency = a->currency;
  r->scale = a->scale ? a->scale : "";
}

static ex_row *emit_amount(ex_state *st, const amount *a, int year_tok,
                           const subject *s) {
  const es_token *num = &st->tok[a->number];
  ex_row *r = new_row(st, "figure", &st->tok[a->first], &st->tok[a->last]);
  if (!r) return 0;
  r->has_value = 1;
  r->value = num->value;
  r->decimals = num->decimals;
  set_unit(r, a);
  if (!a->currency) add_reason(st, r, "no currency");
  if (year_tok >= 0) {
    r->year = (int)st->tok[year_tok].digits;
    widen(r, &st->tok[year_tok]);
  } else {
    add_reason(st, r, "no year");
  }
  set_subject(st, r, s);
  return r;
}

/* A percentage at token i (a number followed by %). */
static int is_percent(ex_state *st, int i) {
  return type_at(st, i) == ES_NUMBER && type_at(st, i + 1) == ES_PERCENT;
}

/* digits / 10^(decimals + 2): the percentage as the nearest fraction. */
static double fraction(const es_token *t) {
  double scale = 100.0;
  for (int k = 0; k < t->decimals; k++) scale *= 10.0;
  return (double)t->digits / scale;
}

static void emit_percent(ex_state *st, int i) {
  ex_row *r = new_row(st, "percent", &st->tok[i], &st->tok[i + 1]);
  if (r) {
    add_reason(st, r, "a percentage that is neither a share in a share "
                      "table nor a stated rate");
  }
}

/* A CAGR marker at i: its token count ("CAGR" 1, the words 4), or 0. */
static int cagr_marker(ex_state *st, int i) {
  if (is(st, i, "CAGR")) return 1;
  return match_name(st, i, "compound annual growth rate");
}

static ex_row *emit_cagr(ex_state *st, int marker, int pct, int a, int b,
                         const subject *s) {
  ex_row *r = new_row(st, "cagr", &st->tok[marker], &st->tok[marker]);
  if (!r) return 0;
  widen(r, &st->tok[pct]);
  widen(r, &st->tok[pct + 1]);
  r->has_value = 1;
  r->value = fraction(&st->tok[pct]);
  r->decimals = st->tok[pct].decimals;
  int p = find_period(st, pct, b);
  if (p < 0) p = find_period(st, a, b);
  if (p >= 0) {
    r->from_year = (int)st->tok[p].digits;
    r->to_year = (int)st->tok[p + 2].digits;
    if (p > pct) widen(r, &st->tok[p + 2]);
  }
  if (s->found && s->dimension && strcmp(s->dimension, "market") == 0) {
    r->dimension = ex_printf(st, "market");
  } else {
    set_subject(st, r, s);
  }
  return r;
}

/* --- one sentence of prose ---------------------------------------------- */

/* The subject at token `at`: that of the last "market" before it that
** names one, else of the sentence's first "market". */
static subject subject_before(ex_state *st, int first_m, int at,
                              const subject *first) {
  int named;
  for (int k = at - 1; k > first_m; k--) {
    if (!is_market(st, k)) continue;
    subject s = find_subject(st, k, &named);
    if (named) return s;
  }
  return *first;
}

/* One sentence; same_paragraph: it follows another on the same line. */
static void prose(ex_state *st, int same_paragraph) {
  int first_m = -1, named;
  for (int i = 0; i < st->n_tok && first_m < 0; i++) {
    if (is_market(st, i)) first_m = i;
  }
  subject first = find_subject(st, first_m, &named), s = first;
  int opening_year = -1;
  if ((is(st, 0, "In") || is(st, 0, "For")) && st->n_tok > 1 &&
      es_is_year(&st->tok[1])) {
    opening_year = 1;
  }
  int used_pct = -1, min_year = 0, max_year = 0;
  /* Rates first, so their percentage is not a stray one. */
  ex_row *cagr = 0;
  for (int i = 0; i < st->n_tok && !cagr; i++) {
    int n = cagr_marker(st, i);
    if (!n) continue;
    int pct = -1;
    for (int k = i + n; k < st->n_tok && k <= i + n + 8 && pct < 0; k++) {
      if (is_percent(st, k)) pct = k;
    }
    for (int k = i - 1; k >= 0 && k >= i - 4 && pct < 0; k--) {
      if (is_percent(st, k)) pct = k;
    }
    if (pct < 0) continue;
    used_pct = pct;
    subject at = subject_before(st, first_m, i, &first);
    cagr = emit_cagr(st, i, pct, 0, st->n_tok, &at);
  }
  int first_row = st->n_rows;
  for (int i = 0; i < st->n_tok; i++) {
    amount a;
    if (i > first_m && is_market(st, i)) {
      /* A later clause about another market: "; the Europe ... market". */
      subject later = find_subject(st, i, &named);
      if (named) s = later;
    } else if (parse_amount(st, i, &a)) {
      int y = year_after(st, a.last);
      if (y < 0) y = opening_year;
      ex_row *r = emit_amount(st, &a, y, &s);
      if (r && r->year) {
        if (!min_year || r->year < min_year) min_year = r->year;
        if (r->year > max_year) max_year = r->year;
      }
      i = a.last;
    } else if (is_percent(st, i)) {
      if (i != used_pct) emit_percent(st, i);
      i++;
    }
  }
  /* The rows array may have moved: find the rate again by its index. */
  if (cagr && !st->oom) cagr = &st->rows[first_row - 1];
  if (cagr && !cagr->from_year) {
    /* Else the figures of the sentence before, in the same paragraph. */
    if (!(min_year && max_year > min_year) && same_paragraph) {
      min_year = st->prev_min_year;
      max_year = st->prev_max_year;
    }
    if (min_year && max_year > min_year) {
      cagr->from_year = min_year;
      cagr->to_year = max_year;
      cagr->note = ex_printf(st, "period inferred from the figures around it");
    } else {
      add_reason(st, cagr, "no period stated and none to infer");
    }
  }
  if (s.found) st->prev = s;
  st->prev_min_year = min_year;
  st->prev_max_year = max_year;
}

/* --- tables ------------------------------------------------------------- */

/* Lower-case words of tokens [a, b) joined by '_' ("End User": end_user). */
static char *dimension_name(ex_state *st, int a, int b) {
  char *out = ex_printf(st, "%s", "");
  for (int i = a; i < b && out; i++) {
    if (type_at(st, i) != ES_WORD) break;
    char *word = span_text(st, st->tok[i].start, st->tok[i].end);
    for (char *c = word; c && *c; c++) {
      if (*c >= 'A' && *c <= 'Z') *c += 'a' - 'A';
    }
    char *joined = word ? ex_printf(st, "%s%s%s", out, *out ? "_" : "", word) : 0;
    sqlite3_free(word);
    sqlite3_free(out);
    out = joined;
  }
  if (out && !*out) {
    sqlite3_free(out);
    out = 0;
  }
  return out;
}

static int find_word(ex_state *st, int a, int b, const char *word) {
  for (int i = a; i < b; i++) {
    if (is(st, i, word)) return i;
  }
  return -1;
}

/* A heading naming a share table: "... Share, By End User, 2024 (%)":
** the words Share and By (capital B), no number but years. */
static int heading(ex_state *st) {
  int by = -1;
  for (int i = 0; i < st->n_tok; i++) {
    const es_token *t = &st->tok[i];
    if (t->type == ES_NUMBER && !es_is_year(t)) return 0;
    if (t->type == ES_CURRENCY) return 0;
    if (is(st, i, "By") && st->scan.text[t->start] == 'B') by = i;
  }
  if (find_word(st, 0, st->n_tok, "Share") < 0 || by < 0) return 0;
  sqlite3_free(st->table_dim);
  st->table_dim = dimension_name(st, by + 1, st->n_tok);
  int y = first_year(st, 0, st->n_tok);
  st->table_year = y >= 0 ? (int)st->tok[y].digits : 0;
  st->table_active = 1;
  return 1;
}

static void end_table(ex_state *st) {
  st->table_active = 0;
  st->table_year = 0;
  sqlite3_free(st->table_dim);
  st->table_dim = 0;
}

/* A label cell's subject: a geography first, else the market. */
static subject label_subject(ex_state *st, int a, int b) {
  subject s = {1, "market", 0, 0, 0, 1};
  int n;
  const geography *g = match_geography(st, a, &n);
  if (g && n <= b - a) {
    s.dimension = g->dimension;
    s.pending_geo = 0;
    if (strcmp(g->dimension, "market") == 0) {
      s.segment = "Global";
    } else {
      s.seg_start = st->tok[a].start;
      s.seg_end = st->tok[a + n - 1].end;
    }
  }
  return s;
}

static void share_row(ex_state *st, int a, int b, int pct) {
  ex_row *r = new_row(st, "figure", &st->tok[a], &st->tok[pct + 1]);
  if (!r) return;
  r->has_share = 1;
  r->share = fraction(&st->tok[pct]);
  r->from_table = 1;
  r->segment = span_text(st, st->tok[a].start, st->tok[b - 1].end);
  if (st->table_dim) {
    r->dimension = ex_printf(st, "%s", st->table_dim);
  } else {
    add_reason(st, r, "the share table names no dimension");
  }
  if (st->table_year) {
    r->year = st->table_year;
  } else {
    add_reason(st, r, "the share table names no year");
  }
}

/* "Dominant Region | North America |", "Growing Region | Asia-Pacific |". */
static int statement_row(ex_state *st, int a, int b, int v0, int v1) {
  static const char *const dominant[] = {"Dominant", "Dominating", "Leading",
                                         "Largest", 0};
  static const char *const growing[] = {"Growing", "Fastest", 0};
  const char *kind = 0;
  int k;
  for (k = a; k < b && !kind; k++) {
    if (one_of(st, k, dominant)) kind = "dominant";
    if (one_of(st, k, growing)) kind = "fastest_growing";
  }
  if (!kind || v0 >= v1) return 0;
  while (k < b && is(st, k, "Growing")) k++;
  for (int i = v0; i < v1; i++) {
    if (type_at(st, i) == ES_NUMBER || type_at(st, i) == ES_COMMA) return 0;
  }
  ex_row *r = new_row(st, kind, &st->tok[a], &st->tok[v1 - 1]);
  if (!r) return 1;
  r->dimension = dimension_name(st, k, b);
  r->segment = span_text(st, st->tok[v0].start, st->tok[v1 - 1].end);
  if (!r->dimension) add_reason(st, r, "no dimension named");
  return 1;
}

/* One "label | value |" row. */
static void table_row(ex_state *st) {
  int bar = -1, v1 = st->n_tok;
  for (int i = 0; i < st->n_tok; i++) {
    if (type_at(st, i) == ES_PIPE) {
      if (bar < 0) {
        bar = i;
      } else {
        v1 = i;
        break;
      }
    }
  }
  int a = 0, b = bar, v0 = bar + 1;
  if (b <= a) return; /* no label */
  /* A share row: the value cell is exactly a percentage. */
  if (st->table_active && v1 - v0 == 2 && is_percent(st, v0) &&
      cagr_marker(st, a) == 0 && find_word(st, a, b, "CAGR") < 0) {
    share_row(st, a, b, v0);
    return;
  }
  /* A rate: the label names it. */
  for (int i = a; i < b; i++) {
    if (!cagr_marker(st, i)) continue;
    for (int k = v0; k < v1; k++) {
      if (!is_percent(st, k)) continue;
      subject s = label_subject(st, a, b);
      ex_row *r = emit_cagr(st, i, k, a, v1, &s);
      if (r && !r->from_year) add_reason(st, r, "no period stated");
      return;
    }
  }
  if (statement_row(st, a, b, v0, v1)) return;
  /* Header row of a share table: "End User | Revenue Share, 2024 (%) |". */
  if (find_word(st, v0, v1, "Share") >= 0 &&
      first_year(st, v0, v1) >= 0 && !is_percent(st, v0)) {
    if (!st->table_active || !st->table_dim) {
      sqlite3_free(st->table_dim);
      st->table_dim = dimension_name(st, a, b);
    }
    if (!st->table_active || !st->table_year) {
      st->table_year = (int)st->tok[first_year(st, v0, v1)].digits;
    }
    st->table_active = 1;
    return;
  }
  /* Amounts in the value cells; their year from the label or after them. */
  int label_year = first_year(st, a, b);
  int names_size = find_word(st, a, b, "market") >= 0 ||
                   find_word(st, a, b, "size") >= 0 ||
                   find_word(st, a, b, "revenue") >= 0 ||
                   find_word(st, a, b, "value") >= 0;
  subject s = label_subject(st, a, b);
  for (int i = v0; i < st->n_tok; i++) {
    amount am;
    if (parse_amount(st, i, &am)) {
      int y = year_after(st, am.last);
      ex_row *r = emit_amount(st, &am, y >= 0 ? y : label_year, &s);
      if (r) {
        widen(r, &st->tok[a]);
        if (!names_size) add_reason(st, r, "the row's label names no market size");
      }
      i = am.last;
    } else if (is_percent(st, i)) {
      emit_percent(st, i);
      i++;
    }
  }
}

/* --- the text, unit by unit -------------------------------------------- */

/* One sentence, or one table row (a line with a pipe). */
static void unit(ex_state *st, int line_start) {
  int pipe = 0;
  for (int i = 0; i < st->n_tok; i++) {
    if (st->tok[i].type == ES_PIPE) pipe = 1;
  }
  if (line_start && st->n_tok > 0 && !pipe && !heading(st)) end_table(st);
  if (pipe) {
    table_row(st);
  } else if (st->n_tok > 0 && !(line_start && st->table_active)) {
    prose(st, !line_start);
  }
}

static int push_token(ex_state *st, const es_token *t) {
  es_token *tok = grow(st, st->tok, st->n_tok, &st->cap_tok, sizeof *tok);
  if (!tok) return 0;
  st->tok = tok;
  st->tok[st->n_tok++] = *t;
  return 1;
}

static void scan_text(ex_state *st) {
  es_token t;
  int line_start = 1, pipe = 0;
  for (;;) {
    es_next(&st->scan, &t);
    int ends_line = t.type == ES_EOL || t.type == ES_END;
    if (ends_line || (t.type == ES_STOP && !pipe)) {
      unit(st, line_start);
      st->n_tok = 0;
      if (st->oom || t.type == ES_END) return;
      line_start = ends_line;
      if (ends_line) pipe = 0;
      continue;
    }
    if (t.type == ES_PIPE) pipe = 1;
    if (!push_token(st, &t)) return;
  }
}

/* --- after the pass: geography, spellings, repeats ---------------------- */

static int same_label(const char *a, const char *b) {
  /* Equal ignoring case, spaces and hyphens: "Asia Pacific", "Asia-Pacific". */
  for (;;) {
    while (*a == ' ' || *a == '-') a++;
    while (*b == ' ' || *b == '-') b++;
    int x = *a, y = *b;
    if (x >= 'A' && x <= 'Z') x += 'a' - 'A';
    if (y >= 'A' && y <= 'Z') y += 'a' - 'A';
    if (x != y) return 0;
    if (!x) return 1;
    a++;
    b++;
  }
}

/* Market-wide rows take the text's geography; a segment printed like a
** share table's label takes its spelling and dimension. */
static void resolve(ex_state *st) {
  const ex_row *labels[MAX_LABELS];
  int n_labels = 0;
  for (int i = 0; i < st->n_rows && n_labels < MAX_LABELS; i++) {
    if (st->rows[i].from_table && st->rows[i].segment && st->rows[i].dimension) {
      labels[n_labels++] = &st->rows[i];
    }
  }
  for (int i = 0; i < st->n_rows && !st->oom; i++) {
    ex_row *r = &st->rows[i];
    if (r->pending_geo) {
      if (st->geo && strcmp(r->kind, "figure") == 0) {
        r->segment = ex_printf(st, "%s", st->geo);
      } else if (strcmp(r->kind, "figure") == 0) {
        add_reason(st, r, "the text names no geography for the market");
      }
    }
    if (r->from_table || !r->segment || r->pending_geo) continue;
    for (int k = 0; k < n_labels; k++) {
      const ex_row *l = labels[k];
      if (!same_label(r->segment, l->segment)) continue;
      if (r->dimension && strcmp(r->dimension, l->dimension) != 0) continue;
      char *seg = ex_printf(st, "%s", l->segment);
      char *dim = ex_printf(st, "%s", l->dimension);
      sqlite3_free(r->segment);
      sqlite3_free(r->dimension);
      r->segment = seg;
      r->dimension = dim;
      break;
    }
    if (!r->dimension && strcmp(r->kind, "percent") != 0) {
      add_reason(st, r, "a segment of a dimension the text does not name");
    }
  }
}

static int cmp_text(const char *a, const char *b) {
  if (!a || !b) return (a != 0) - (b != 0);
  return strcmp(a, b);
}

static int cmp_int(sqlite3_int64 a, sqlite3_int64 b) { return (a > b) - (a < b); }

/* Rows ready to insert, by key, then by place in the text. */
static int cmp_key(const void *pa, const void *pb) {
  const ex_row *a = *(ex_row *const *)pa, *b = *(ex_row *const *)pb;
  int c = strcmp(a->kind, b->kind);
  if (!c) c = cmp_text(a->dimension, b->dimension);
  if (!c) c = cmp_text(a->segment, b->segment);
  if (!c) c = cmp_int(a->year, b->year);
  if (!c) c = cmp_int(a->from_year, b->from_year);
  if (!c) c = cmp_int(a->to_year, b->to_year);
  if (!c) c = cmp_int(a->cstart, b->cstart);
  return c;
}

static int same_key(const ex_row *a, const ex_row *b) {
  return strcmp(a->kind, b->kind) == 0 && !cmp_text(a->dimension, b->dimension) &&
         !cmp_text(a->segment, b->segment) && a->year == b->year &&
         a->from_year == b->from_year && a->to_year == b->to_year;
}

static int same_unit(const ex_row *a, const ex_row *b) {
  return !cmp_text(a->currency, b->currency) && !cmp_text(a->scale, b->scale);
}

/* Row r repeats or differs from keeper k, or brings it its share. */
static void fold(ex_state *st, ex_row *k, ex_row *r) {
  char *why = 0;
  sqlite3_int64 at = k->cstart + 1;
  if (r->has_value && k->has_value) {
    int same = r->value == k->value && same_unit(r, k);
    why = ex_printf(st, "%s the %s at offset %lld", same ? "repeats" : "differs from",
                    strcmp(k->kind, "figure") == 0 ? "figure" : "claim", at);
  } else if (r->has_share && k->has_share) {
    why = ex_printf(st, "%s the share at offset %lld",
                    r->share == k->share ? "repeats" : "differs from", at);
  } else if (r->has_share && !r->has_value) {
    k->has_share = 1;
    k->share = r->share;
    char *note = ex_printf(st, "share from offset %lld", r->cstart + 1);
    sqlite3_free(k->note);
    k->note = note;
    why = ex_printf(st, "share merged into the figure at offset %lld", at);
  } else if (!r->has_value && !k->has_value) {
    why = ex_printf(st, "repeats the claim at offset %lld", at);
  } else {
    return;
  }
  if (why) add_reason(st, r, why);
  sqlite3_free(why);
}

static int ready(const ex_row *r) {
  return !r->reason && strcmp(r->kind, "percent") != 0;
}

static void fold_repeats(ex_state *st) {
  int n = 0;
  ex_row **order =
      sqlite3_malloc64((sqlite3_uint64)(st->n_rows + 1) * sizeof *order);
  if (!order) {
    st->oom = 1;
    return;
  }
  for (int i = 0; i < st->n_rows; i++) {
    if (ready(&st->rows[i])) order[n++] = &st->rows[i];
  }
  qsort(order, (size_t)n, sizeof *order, cmp_key);
  for (int g = 0; g < n;) {
    int e = g + 1;
    while (e < n && same_key(order[g], order[e])) e++;
    /* The keeper: the first with a value, else the first. */
    ex_row *keep = order[g];
    for (int i = g; i < e; i++) {
      if (order[i]->has_value) {
        keep = order[i];
        break;
      }
    }
    for (int i = g; i < e; i++) {
      if (order[i] != keep) fold(st, keep, order[i]);
    }
    g = e;
  }
  sqlite3_free(order);
}

/* --- writing the rows out ------------------------------------------------ */

static void free_rows(ex_state *st) {
  for (int i = 0; i < st->n_rows; i++) {
    sqlite3_free(st->rows[i].dimension);
    sqlite3_free(st->rows[i].segment);
    sqlite3_free(st->rows[i].note);
    sqlite3_free(st->rows[i].reason);
  }
  sqlite3_free(st->rows);
  sqlite3_free(st->tok);
  sqlite3_free(st->table_dim);
}

static void out_int(tv_table *t, int v) {
  if (v) {
    tv_int(t, v);
  } else {
    tv_null(t);
  }
}

/* Text order: by offset, then as found (pointers into one array). */
static int cmp_offset(const void *pa, const void *pb) {
  const ex_row *a = *(ex_row *const *)pa, *b = *(ex_row *const *)pb;
  int c = cmp_int(a->cstart, b->cstart);
  return c ? c : (a > b) - (a < b);
}

static void output(ex_state *st, tv_table *t) {
  ex_row **order =
      sqlite3_malloc64((sqlite3_uint64)(st->n_rows + 1) * sizeof *order);
  if (!order) {
    st->oom = 1;
    return;
  }
  for (int i = 0; i < st->n_rows; i++) order[i] = &st->rows[i];
  qsort(order, (size_t)st->n_rows, sizeof *order, cmp_offset);
  for (int i = 0; i < st->n_rows; i++) {
    const ex_row *r = order[i];
    tv_text(t, r->kind);
    tv_text(t, r->dimension);
    tv_text(t, r->segment);
    out_int(t, r->year);
    if (r->has_value) tv_real(t, r->value); else tv_null(t);
    if (r->has_share) tv_real(t, r->share); else tv_null(t);
    if (r->decimals >= 0) tv_int(t, r->decimals); else tv_null(t);
    if (r->currency) {
      tv_textf(t, "%s%s%s", r->currency, *r->scale ? " " : "", r->scale);
    } else {
      tv_null(t);
    }
    out_int(t, r->from_year);
    out_int(t, r->to_year);
    tv_text(t, r->note);
    tv_text(t, r->reason);
    tv_int(t, r->cstart + 1);
    tv_int(t, r->cend - r->cstart);
    tv_textf(t, "%.*s", (int)(r->end - r->start),
             (const char *)st->scan.text + r->start);
  }
  sqlite3_free(order);
}

/* Rows of `text` into out: SQLITE_OK or SQLITE_NOMEM. */
int extract_read(const char *text, sqlite3_int64 n, tv_table *out) {
  ex_state st;
  memset(&st, 0, sizeof st);
  es_init(&st.scan, text, n);
  scan_text(&st);
  if (!st.oom) resolve(&st);
  if (!st.oom) fold_repeats(&st);
  if (!st.oom) output(&st, out);
  free_rows(&st);
  if (st.oom) return SQLITE_NOMEM;
  return tv_finish(out);
}
