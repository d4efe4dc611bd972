/* SPDX-License-Identifier: MIT */
/*
** extract_pass.c -- the rows of pm_extract() from the reader's candidate
** rows (extract_pass.h), in three passes over the text, each reading it
** unit by unit from the start (extract_read.c gives the same rows every
** time):
**
**   1. learn: the share tables' labels (a segment's spelling and
**      dimension) and the geography the text names for the market;
**   2. group: each candidate row is resolved with what pass 1 learned (a
**      market-wide figure takes the market's geography; a segment printed
**      like a share table's label takes the label's spelling and
**      dimension; a segment of no known dimension gets a reason), and
**      the rows ready to insert are grouped by what they are about (kind,
**      dimension, segment, year, period): per group, its first row, its
**      first row with a value, its first row with only a share;
**   3. stream: the same rows, resolved the same way, come out one unit at
**      a time: a group's keeper (its first row with a value, else its
**      first) is placed, takes the group's first lone share (noted), and
**      every other row of the group gets a reason naming the keeper's
**      offset (it repeats it, differs from it, or was merged into it).
**
** Memory: the text, one unit's tokens and rows, the labels (at most
** MAX_LABELS), and one group per distinct thing placed: nothing grows
** with the number of rows the text repeats. Time: three passes of the
** reader, linear in the text, plus a hash lookup per row.
*/
#include "extract_pass.h"
#include "extract_words.h"

#include <string.h>

SQLITE_EXTENSION_INIT3

#define MAX_LABELS 256

typedef struct label {
  char *segment, *dimension;
  int geo;
} label;

typedef struct group {
  int used;
  ex_kind kind;
  char *dimension, *segment;       /* owned; NULL for NULL */
  int year, from_year, to_year;
  unsigned hash;
  /* its first row */
  sqlite3_int64 first, first_offset;
  int first_has_share;
  double first_share;
  /* its first row with a value */
  int has_valued;
  sqlite3_int64 valued, valued_offset;
  double value;
  const char *currency, *scale;
  int valued_has_share;
  double valued_share;
  /* its first row with a share and no value */
  int has_lone;
  sqlite3_int64 lone, lone_offset;
  double lone_share;
} group;

struct ex_result {
  ex_reader *reader;
  label labels[MAX_LABELS];
  int n_labels;
  int market_geo;
  group *groups;
  int n_groups, cap_groups; /* cap a power of two */
  ex_row *rows;
  int n_rows, at;
  int oom;
};

/* --- strings ------------------------------------------------------------------ */

static char *copy(ex_result *res, const char *s) {
  if (!s) return 0;
  char *c = sqlite3_mprintf("%s", s);
  if (!c) res->oom = 1;
  return c;
}

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c; }

/* Equal ignoring case, spaces and hyphens: "Asia Pacific", "Asia-Pacific". */
static int same_label(const char *a, const char *b) {
  for (;;) {
    while (*a == ' ' || *a == '-') a++;
    while (*b == ' ' || *b == '-') b++;
    if (lower((unsigned char)*a) != lower((unsigned char)*b)) return 0;
    if (!*a) return 1;
    a++;
    b++;
  }
}

static int same_text(const char *a, const char *b) {
  if (!a || !b) return a == b;
  return strcmp(a, b) == 0;
}

/* --- resolving a row ------------------------------------------------------------ */

static void resolve(ex_result *res, ex_row *row) {
  ex_reader *r = res->reader;
  int g = row->market_of;
  if (g >= 0) {
    if (g == res->market_geo || !ew_geo_global(g)) {
      const char *dim = g == res->market_geo ? "market" : ew_geo_dimension(g);
      row->dimension = ex_strf(r, "%s", dim);
      if (row->kind == EX_FIGURE || g != res->market_geo) {
        row->segment = ex_strf(r, "%s", ew_geo_name(g));
      }
    } else {
      ex_add_reason(r, row, "a market of another geography than the text's "
                            "(%s)", ew_geo_name(res->market_geo));
      row->dimension = ex_strf(r, "market");
      row->segment = ex_strf(r, "Global");
    }
  }
  if (row->pending_geo && row->kind == EX_FIGURE) {
    if (res->market_geo >= 0) {
      row->segment = ex_strf(r, "%s", ew_geo_name(res->market_geo));
      row->geo = res->market_geo;
    } else {
      ex_add_reason(r, row, "the text names no geography for the market");
    }
  }
  const char *seg = ex_str(r, row->segment), *dim = ex_str(r, row->dimension);
  if (!row->from_table && seg && !row->pending_geo &&
      !(dim && strcmp(dim, "market") == 0)) {
    for (int k = 0; k < res->n_labels; k++) {
      const label *l = &res->labels[k];
      int same_geo = row->geo >= 0 && l->geo == row->geo;
      if (!same_geo && !same_label(seg, l->segment)) continue;
      if (!same_geo && dim && strcmp(dim, l->dimension) != 0) continue;
      row->segment = ex_strf(r, "%s", l->segment);
      row->dimension = ex_strf(r, "%s", l->dimension);
      break;
    }
  }
  if (row->dimension < 0 && row->kind != EX_PERCENT && row->segment >= 0) {
    ex_add_reason(r, row, "a segment of a dimension the text does not name");
  }
}

static int ready(const ex_row *row) {
  return row->reason < 0 && row->kind != EX_PERCENT;
}

/* --- groups ------------------------------------------------------------------ */

static unsigned hash_text(unsigned h, const char *s) {
  if (!s) return h * 16777619u ^ 0x9e;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
  return (h ^ 0xff) * 16777619u;
}

static unsigned row_hash(ex_result *res, const ex_row *row) {
  ex_reader *r = res->reader;
  unsigned h = 2166136261u ^ (unsigned)row->kind;
  h = hash_text(h, ex_str(r, row->dimension));
  h = hash_text(h, ex_str(r, row->segment));
  h = (h ^ (unsigned)row->year) * 16777619u;
  h = (h ^ (unsigned)row->from_year) * 16777619u;
  return (h ^ (unsigned)row->to_year) * 16777619u;
}

static int same_key(ex_result *res, const group *g, const ex_row *row) {
  ex_reader *r = res->reader;
  return g->kind == row->kind && g->year == row->year &&
         g->from_year == row->from_year && g->to_year == row->to_year &&
         same_text(g->dimension, ex_str(r, row->dimension)) &&
         same_text(g->segment, ex_str(r, row->segment));
}

/* The row's group: found, or (add) made; 0 when not there or out of
** memory. */
static group *find_group(ex_result *res, const ex_row *row, int add) {
  if (add && (res->n_groups + 1) * 2 > res->cap_groups) {
    int cap = res->cap_groups ? res->cap_groups * 2 : 64;
    group *moved = sqlite3_malloc64((sqlite3_uint64)cap * sizeof *moved);
    if (!moved) {
      res->oom = 1;
      return 0;
    }
    memset(moved, 0, (size_t)cap * sizeof *moved);
    for (int k = 0; k < res->cap_groups; k++) {
      if (!res->groups[k].used) continue;
      unsigned at = res->groups[k].hash & (unsigned)(cap - 1);
      while (moved[at].used) at = (at + 1) & (unsigned)(cap - 1);
      moved[at] = res->groups[k];
    }
    sqlite3_free(res->groups);
    res->groups = moved;
    res->cap_groups = cap;
  }
  if (!res->cap_groups) return 0;
  unsigned h = row_hash(res, row), at = h & (unsigned)(res->cap_groups - 1);
  while (res->groups[at].used) {
    group *g = &res->groups[at];
    if (g->hash == h && same_key(res, g, row)) return g;
    at = (at + 1) & (unsigned)(res->cap_groups - 1);
  }
  if (!add) return 0;
  group *g = &res->groups[at];
  memset(g, 0, sizeof *g);
  g->used = 1;
  g->hash = h;
  g->kind = row->kind;
  g->year = row->year;
  g->from_year = row->from_year;
  g->to_year = row->to_year;
  g->dimension = copy(res, ex_str(res->reader, row->dimension));
  g->segment = copy(res, ex_str(res->reader, row->segment));
  g->first = row->ordinal;
  g->first_offset = row->cstart + 1;
  g->first_has_share = row->has_share;
  g->first_share = row->share;
  res->n_groups++;
  return g;
}

static void group_row(ex_result *res, const ex_row *row) {
  group *g = find_group(res, row, 1);
  if (!g) return;
  if (row->has_value && !g->has_valued) {
    g->has_valued = 1;
    g->valued = row->ordinal;
    g->valued_offset = row->cstart + 1;
    g->value = row->value;
    g->currency = row->currency;
    g->scale = row->scale;
    g->valued_has_share = row->has_share;
    g->valued_share = row->share;
  }
  if (!row->has_value && row->has_share && !g->has_lone) {
    g->has_lone = 1;
    g->lone = row->ordinal;
    g->lone_offset = row->cstart + 1;
    g->lone_share = row->share;
  }
}

/* A row of a group as placed, or with the reason it is not (pass 3). */
static void fold(ex_result *res, ex_row *row) {
  ex_reader *r = res->reader;
  group *g = find_group(res, row, 0);
  if (!g) return;
  sqlite3_int64 keeper = g->has_valued ? g->valued : g->first;
  sqlite3_int64 at = g->has_valued ? g->valued_offset : g->first_offset;
  const char *what = row->kind == EX_FIGURE ? "figure" : "claim";
  if (row->ordinal == keeper) {
    if (row->has_value && !row->has_share && g->has_lone) {
      row->has_share = 1;
      row->share = g->lone_share;
      ex_add_note(r, row, "share from offset %lld", g->lone_offset);
    }
    return;
  }
  if (row->has_value) {
    int same = row->value == g->value && same_text(row->currency, g->currency) &&
               same_text(row->scale, g->scale);
    ex_add_reason(r, row, "%s the %s at offset %lld",
                  same ? "repeats" : "differs from", what, at);
  } else if (row->has_share) {
    if (g->has_valued && !g->valued_has_share && row->ordinal == g->lone) {
      ex_add_reason(r, row, "share merged into the figure at offset %lld", at);
      return;
    }
    double share = g->first_share;
    sqlite3_int64 from = g->first_offset;
    if (g->has_valued && g->valued_has_share) {
      share = g->valued_share;
      from = g->valued_offset;
    } else if (g->has_valued) {
      share = g->lone_share;
      from = g->lone_offset;
    }
    ex_add_reason(r, row, "%s the share at offset %lld",
                  row->share == share ? "repeats" : "differs from", from);
  } else {
    ex_add_reason(r, row, "repeats the %s at offset %lld", what, at);
  }
}

/* --- the passes ---------------------------------------------------------------- */

static void learn(ex_result *res) {
  ex_reader *r = res->reader;
  while (ex_reader_unit(r)) {
    int n;
    ex_row *rows = ex_reader_rows(r, &n);
    for (int i = 0; i < n && res->n_labels < MAX_LABELS; i++) {
      const char *seg = ex_str(r, rows[i].segment);
      const char *dim = ex_str(r, rows[i].dimension);
      if (!rows[i].from_table || !seg || !dim) continue;
      label *l = &res->labels[res->n_labels++];
      l->segment = copy(res, seg);
      l->dimension = copy(res, dim);
      l->geo = rows[i].geo;
      if (!l->segment || !l->dimension) return;
    }
  }
  res->market_geo = ex_reader_market_geo(r);
}

static void group_rows(ex_result *res) {
  ex_reader *r = res->reader;
  ex_reader_rewind(r);
  while (!res->oom && ex_reader_unit(r)) {
    int n;
    ex_row *rows = ex_reader_rows(r, &n);
    for (int i = 0; i < n && !res->oom; i++) {
      resolve(res, &rows[i]);
      if (ready(&rows[i])) group_row(res, &rows[i]);
    }
  }
  ex_reader_rewind(r);
}

int ex_result_open(const char *text, sqlite3_int64 n, int stray_runs,
                   ex_result **out) {
  *out = 0;
  const void *nul = memchr(text, 0, (size_t)n);
  if (nul) n = (const char *)nul - text;
  ex_result *res = sqlite3_malloc64(sizeof *res);
  if (!res) return SQLITE_NOMEM;
  memset(res, 0, sizeof *res);
  res->reader = ex_reader_new(text, n, stray_runs);
  if (!res->reader) {
    ex_result_close(res);
    return SQLITE_NOMEM;
  }
  learn(res);
  if (!res->oom && !ex_reader_oom(res->reader)) group_rows(res);
  if (res->oom || ex_reader_oom(res->reader)) {
    ex_result_close(res);
    return SQLITE_NOMEM;
  }
  res->at = -1;
  *out = res;
  return SQLITE_OK;
}

int ex_result_next(ex_result *res) {
  res->at++;
  while (res->at >= res->n_rows) {
    if (!ex_reader_unit(res->reader)) {
      res->n_rows = res->at = 0;
      return ex_reader_oom(res->reader) ? SQLITE_NOMEM : SQLITE_DONE;
    }
    res->rows = ex_reader_rows(res->reader, &res->n_rows);
    res->at = 0;
    for (int i = 0; i < res->n_rows; i++) {
      resolve(res, &res->rows[i]);
      if (ready(&res->rows[i])) fold(res, &res->rows[i]);
    }
    if (ex_reader_oom(res->reader) || res->oom) return SQLITE_NOMEM;
  }
  return SQLITE_ROW;
}

static void result_text(sqlite3_context *ctx, const char *s) {
  if (s) {
    sqlite3_result_text(ctx, s, -1, SQLITE_TRANSIENT);
  } else {
    sqlite3_result_null(ctx);
  }
}

static void result_int(sqlite3_context *ctx, sqlite3_int64 v) {
  if (v) {
    sqlite3_result_int64(ctx, v);
  } else {
    sqlite3_result_null(ctx);
  }
}

void ex_result_column(ex_result *res, sqlite3_context *ctx, int col) {
  static const char *const kinds[] = {"figure", "cagr", "dominant",
                                      "fastest_growing", "percent"};
  ex_reader *r = res->reader;
  const ex_row *row = &res->rows[res->at];
  switch (col) {
    case 0: result_text(ctx, kinds[row->kind]); break;
    case 1: result_text(ctx, ex_str(r, row->dimension)); break;
    case 2: result_text(ctx, ex_str(r, row->segment)); break;
    case 3: result_int(ctx, row->year); break;
    case 4:
      if (row->has_value) sqlite3_result_double(ctx, row->value);
      else sqlite3_result_null(ctx);
      break;
    case 5:
      if (row->has_share) sqlite3_result_double(ctx, row->share);
      else sqlite3_result_null(ctx);
      break;
    case 6:
      if (row->decimals >= 0) sqlite3_result_int(ctx, row->decimals);
      else sqlite3_result_null(ctx);
      break;
    case 7:
      if (row->currency) {
        char *unit = sqlite3_mprintf("%s%s%s", row->currency,
                                     row->scale && *row->scale ? " " : "",
                                     row->scale ? row->scale : "");
        if (unit) sqlite3_result_text(ctx, unit, -1, sqlite3_free);
        else sqlite3_result_error_nomem(ctx);
      } else {
        sqlite3_result_null(ctx);
      }
      break;
    case 8: result_int(ctx, row->from_year); break;
    case 9: result_int(ctx, row->to_year); break;
    case 10: result_text(ctx, ex_str(r, row->note)); break;
    case 11: result_text(ctx, ex_str(r, row->reason)); break;
    case 12: sqlite3_result_int64(ctx, row->cstart + 1); break;
    case 13: sqlite3_result_int64(ctx, row->cend - row->cstart); break;
    case 14:
      sqlite3_result_text64(ctx, ex_reader_text(r) + row->start,
                            (sqlite3_uint64)(row->end - row->start),
                            SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    default: sqlite3_result_null(ctx); break;
  }
}

void ex_result_close(ex_result *res) {
  if (!res) return;
  for (int k = 0; k < res->n_labels; k++) {
    sqlite3_free(res->labels[k].segment);
    sqlite3_free(res->labels[k].dimension);
  }
  for (int k = 0; k < res->cap_groups; k++) {
    if (!res->groups[k].used) continue;
    sqlite3_free(res->groups[k].dimension);
    sqlite3_free(res->groups[k].segment);
  }
  sqlite3_free(res->groups);
  ex_reader_free(res->reader);
  sqlite3_free(res);
}
