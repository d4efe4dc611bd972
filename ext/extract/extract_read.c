/* SPDX-License-Identifier: MIT */
/*
** extract_read.c -- the reader of pm_extract() (extract_read.h): the
** tokeniser's tokens (extract_scan.c) cut into units, a sentence or a
** line with a pipe (a table row), each read with its tokens at hand into
** candidate rows (extract_prose.c, extract_table.c). What the reader
** learns on the way (the market's name and geography, the forecast
** period, the share table being read, the dimension a paragraph names,
** the subject of the sentence before) is kept from unit to unit, so
** reading the text again from the start gives the same rows in the same
** order: extract_pass.c relies on it. This file holds the reader itself,
** the strings of a unit (an arena, emptied unit by unit), the rows, and
** how a subject places a row.
**
** A unit is at most MAX_UNIT_TOKENS tokens; a longer sentence is read in
** pieces and its rows carry a reason. Every rule looks a bounded number of
** tokens around the one it reads, or once over the unit: time linear in
** the text, memory bounded by the longest unit.
*/
#include "extract_unit.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

SQLITE_EXTENSION_INIT3

#define MAX_UNIT_TOKENS 1000

/* --- memory -------------------------------------------------------------------- */

int ex_grow(ex_reader *r, void **array, int n, int *cap, size_t size) {
  if (r->oom) return 0;
  if (n < *cap) return 1;
  int more = *cap ? 2 * *cap : 32;
  void *moved = sqlite3_realloc64(*array, (sqlite3_uint64)more * size);
  if (!moved) {
    r->oom = 1;
    return 0;
  }
  *array = moved;
  *cap = more;
  return 1;
}

const char *ex_str(const ex_reader *r, int offset) {
  return offset < 0 ? 0 : r->arena + offset;
}

static int arena_add(ex_reader *r, const char *s, size_t len) {
  if (r->oom) return -1;
  if ((size_t)r->arena_n + len + 1 > (size_t)r->arena_cap) {
    size_t want = (size_t)r->arena_cap * 2 + len + 64;
    if (want > 0x3fffffff) {
      r->oom = 1;
      return -1;
    }
    char *moved = sqlite3_realloc64(r->arena, want);
    if (!moved) {
      r->oom = 1;
      return -1;
    }
    r->arena = moved;
    r->arena_cap = (int)want;
  }
  int at = r->arena_n;
  memcpy(r->arena + at, s, len);
  r->arena[at + len] = 0;
  r->arena_n += (int)len + 1;
  return at;
}

static int vstrf(ex_reader *r, const char *format, va_list ap) {
  if (r->oom) return -1;
  char *s = sqlite3_vmprintf(format, ap);
  if (!s) {
    r->oom = 1;
    return -1;
  }
  int at = arena_add(r, s, strlen(s));
  sqlite3_free(s);
  return at;
}

int ex_strf(ex_reader *r, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  int at = vstrf(r, format, ap);
  va_end(ap);
  return at;
}

/* Appends to a string of the row ("; " between two). */
static void append(ex_reader *r, int *field, const char *format, va_list ap) {
  int add = vstrf(r, format, ap);
  if (add < 0) return;
  if (*field < 0) {
    *field = add;
  } else {
    *field = ex_strf(r, "%s; %s", ex_str(r, *field), ex_str(r, add));
  }
}

void ex_add_reason(ex_reader *r, ex_row *row, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  append(r, &row->reason, format, ap);
  va_end(ap);
}

void ex_add_note(ex_reader *r, ex_row *row, const char *format, ...) {
  va_list ap;
  va_start(ap, format);
  append(r, &row->note, format, ap);
  va_end(ap);
}

int ex_span(ex_reader *r, sqlite3_int64 start, sqlite3_int64 end) {
  return arena_add(r, (const char *)r->scan.text + start, (size_t)(end - start));
}

/* --- the reader ------------------------------------------------------------------ */

ex_reader *ex_reader_new(const char *text, sqlite3_int64 n, int stray_runs) {
  ex_reader *r = sqlite3_malloc64(sizeof *r);
  if (!r) return 0;
  memset(r, 0, sizeof *r);
  es_init(&r->scan, text, n, stray_runs);
  ex_reader_rewind(r);
  return r;
}

void ex_reader_rewind(ex_reader *r) {
  es_init(&r->scan, (const char *)r->scan.text, r->scan.n, r->scan.stray_runs);
  r->n_tok = r->n_rows = r->arena_n = r->n_rates = 0;
  r->done = r->cut = r->next_cut = 0;
  r->line_start = 1;
  r->ordinal = 0;
  r->market_geo = -1;
  r->global_rows = 0;
  r->have_name = 0;
  r->name[0] = r->name_abbr[0] = 0;
  r->forecast_from = r->forecast_to = r->forecast_hint = 0;
  r->last_rate_from = r->last_rate_to = 0;
  r->base_year = r->forecast_year = 0;
  r->table_active = r->table_year = 0;
  r->table_dim[0] = r->ctx_dim[0] = 0;
  memset(&r->prev, 0, sizeof r->prev);
  r->prev_min_year = r->prev_max_year = r->prev_n_years = 0;
  r->prev_value_year = r->para_max_year = 0;
}

void ex_reader_free(ex_reader *r) {
  if (!r) return;
  sqlite3_free(r->tok);
  sqlite3_free(r->info);
  sqlite3_free(r->rows);
  sqlite3_free(r->arena);
  sqlite3_free(r->rates);
  sqlite3_free(r->lex);
  sqlite3_free(r);
}

int ex_reader_oom(const ex_reader *r) { return r->oom; }

ex_row *ex_reader_rows(ex_reader *r, int *n) {
  *n = r->n_rows;
  return r->rows;
}

const char *ex_reader_text(const ex_reader *r) {
  return (const char *)r->scan.text;
}

int ex_reader_market_geo(const ex_reader *r) {
  if (r->global_rows) return ew_geo_of_text("global");
  return r->market_geo;
}

/* --- tokens --------------------------------------------------------------------- */

ew_toks ex_toks(ex_reader *r) {
  ew_toks t = {&r->scan, r->tok, r->n_tok};
  return t;
}

/* --- word lists ------------------------------------------------------------ */

/* The word lists the rules use (static arrays of words, known by their
** address) go into one hash table of words the first time a list is
** used: each word with the set of lists it is in (a bit per list, at most
** 64 lists). A token is then looked up once, and "is it in list L" is a
** bit test, whatever the length of the lists. */

#define LEX_SLOTS 4096  /* words of all lists: a power of two, under 3/4 full */
#define LIST_SLOTS 128  /* lists: a power of two */

typedef struct lex_entry {
  const char *word; /* from a list; NULL: an empty slot */
  size_t len;
  unsigned long long lists;
} lex_entry;

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c; }

static unsigned lex_hash(const unsigned char *p, size_t len) {
  unsigned h = 2166136261u;
  for (size_t k = 0; k < len; k++) h = (h ^ (unsigned)lower(p[k])) * 16777619u;
  return h;
}

/* The entry of the word of len bytes at p (case ignored): found, made
** (add), or 0. */
static lex_entry *lex_find(ex_reader *r, const unsigned char *p, size_t len,
                           int add) {
  unsigned at = lex_hash(p, len) & (LEX_SLOTS - 1);
  for (;;) {
    lex_entry *e = &r->lex[at];
    if (!e->word) {
      if (!add || r->n_lex >= LEX_SLOTS * 3 / 4) return 0;
      e->word = (const char *)p;
      e->len = len;
      r->n_lex++;
      return e;
    }
    if (e->len == len) {
      size_t k = 0;
      while (k < len && lower(p[k]) == lower((unsigned char)e->word[k])) k++;
      if (k == len) return e;
    }
    at = (at + 1) & (LEX_SLOTS - 1);
  }
}

/* The bit of a list: found, or given now (its words entered), or -1 when
** there is no room (the caller then compares word by word). */
static int list_bit(ex_reader *r, const char *const *words) {
  unsigned at = (unsigned)((size_t)words >> 3) & (LIST_SLOTS - 1);
  while (r->list_key[at] && r->list_key[at] != words) {
    at = (at + 1) & (LIST_SLOTS - 1);
  }
  if (r->list_key[at]) return r->list_bit[at];
  if (r->n_lists >= 64) return -1;
  if (!r->lex) {
    r->lex = sqlite3_malloc64(LEX_SLOTS * sizeof *r->lex);
    if (!r->lex) {
      r->oom = 1;
      return -1;
    }
    memset(r->lex, 0, LEX_SLOTS * sizeof *r->lex);
  }
  int bit = r->n_lists;
  for (int k = 0; words[k]; k++) {
    lex_entry *e = lex_find(r, (const unsigned char *)words[k], strlen(words[k]), 1);
    if (!e) return -1;
    e->lists |= 1ull << bit;
  }
  r->list_key[at] = words;
  r->list_bit[at] = (signed char)bit;
  r->n_lists++;
  return bit;
}

int ex_one_of(ex_reader *r, int i, const char *const *words) {
  if (i < 0 || i >= r->n_tok || r->tok[i].type != ES_WORD) return 0;
  int bit = list_bit(r, words);
  if (bit < 0) {
    ew_toks t = ex_toks(r);
    return ew_one_of(&t, i, words);
  }
  tok_info *info = &r->info[i];
  if (info->lex_lists != r->n_lists) {
    const es_token *t = &r->tok[i];
    lex_entry *e = lex_find(r, r->scan.text + t->start, (size_t)(t->end - t->start), 0);
    info->lex = e ? e->lists : 0;
    info->lex_lists = r->n_lists;
  }
  return (int)((info->lex >> bit) & 1);
}

int ex_char(ex_reader *r, int i, int cp) {
  ew_toks t = ex_toks(r);
  return ew_char(&t, i, cp);
}

int ex_phrase(ex_reader *r, int i, const char *p) {
  ew_toks t = ex_toks(r);
  return ew_phrase(&t, i, p, 0);
}

/* The geography at token i (extract_words.h), remembered per token. */
int ex_geo(ex_reader *r, int i, int *count) {
  *count = 0;
  if (i < 0 || i >= r->n_tok || r->tok[i].type != ES_WORD) return -1;
  tok_info *info = &r->info[i];
  if (!info->geo_known) {
    ew_toks t = ex_toks(r);
    int n;
    info->geo = (short)ew_geo(&t, i, &n);
    info->geo_count = (short)n;
    info->geo_known = 1;
  }
  *count = info->geo_count;
  return info->geo;
}

/* Lower-case words of tokens [a, b) joined by '_' ("End User": end_user,
** "End-User": end_user) into out; 0 when there are none, or a token that
** is not a word, or too many letters. */
int ex_dimension_words(ex_reader *r, int a, int b, char *out) {
  size_t n = 0;
  out[0] = 0;
  for (int i = a; i < b; i++) {
    if (ex_type(r, i) != ES_WORD && !ex_char(r, i, '&')) return 0;
    sqlite3_int64 len = r->tok[i].end - r->tok[i].start;
    if (n + (size_t)len + 2 >= DIM_CAP) return 0;
    if (n) out[n++] = '_';
    for (sqlite3_int64 k = 0; k < len; k++) {
      int c = r->scan.text[r->tok[i].start + k];
      if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
      if (c == '-' || c == ' ') c = '_';
      out[n++] = (char)c;
    }
  }
  out[n] = 0;
  return n > 0;
}

/* --- rows ---------------------------------------------------------------------- */

ex_row *ex_new_row(ex_reader *r, ex_kind kind, int first, int last) {
  if (!ex_grow(r, (void **)&r->rows, r->n_rows, &r->cap_rows, sizeof *r->rows)) {
    return 0;
  }
  ex_row *row = &r->rows[r->n_rows++];
  memset(row, 0, sizeof *row);
  row->kind = kind;
  row->dimension = row->segment = row->note = row->reason = -1;
  row->geo = row->market_of = -1;
  row->decimals = -1;
  row->start = r->tok[first].start;
  row->cstart = r->tok[first].cstart;
  row->end = r->tok[last].end;
  row->cend = r->tok[last].cend;
  row->ordinal = r->ordinal++;
  return row;
}

void ex_widen(ex_reader *r, ex_row *row, int i) {
  int len, fiscal;
  if (ex_year_at(r, i, &len, &fiscal) && len > 1) {
    ex_widen(r, row, i + len - 1); /* the whole of "FY 2023-24" */
  }
  const es_token *t = &r->tok[i];
  if (t->start < row->start) {
    row->start = t->start;
    row->cstart = t->cstart;
  }
  if (t->end > row->end) {
    row->end = t->end;
    row->cend = t->cend;
  }
}

/* The dimension and segment of a row about geography g, a region or a
** country (the world is the market). */
void ex_place_geo(ex_reader *r, ex_row *row, int g) {
  row->geo = g;
  row->dimension = ex_strf(r, "%s", ew_geo_dimension(g));
  row->segment = ex_strf(r, "%s", ew_geo_name(g));
}

/* The subject's dimension and segment in the row (a claim about the whole
** market keeps NULL as its segment). A row about the market of a named
** geography is placed once the text's own geography is known
** (extract_pass.c): market_of. */
void ex_apply_subject(ex_reader *r, ex_row *row, const subject *s) {
  switch (s->kind) {
    case S_NONE:
      if (r->deferring) {
        row->pending |= EX_NO_SUBJECT;
      } else {
        ex_add_reason(r, row, "no market or segment named");
      }
      return;
    case S_MARKET:
      if (s->geo >= 0) {
        row->market_of = row->geo = s->geo;
        if (ew_geo_global(s->geo)) r->global_rows = 1;
        if (r->market_geo < 0) r->market_geo = s->geo;
      } else {
        row->dimension = ex_strf(r, "market");
        row->pending_geo = row->kind == EX_FIGURE;
      }
      break;
    case S_GEO:
      ex_place_geo(r, row, s->geo);
      break;
    case S_SEGMENT:
      if (s->dim[0]) row->dimension = ex_strf(r, "%s", s->dim);
      row->segment = ex_span(r, s->seg_start, s->seg_end);
      break;
  }
  if (s->problem) ex_add_reason(r, row, "%s", s->problem);
}

/* --- units --------------------------------------------------------------------- */

static int push_token(ex_reader *r, const es_token *t) {
  int cap = r->cap_tok;
  if (!ex_grow(r, (void **)&r->tok, r->n_tok, &r->cap_tok, sizeof *r->tok)) {
    return 0;
  }
  if (r->cap_tok != cap || !r->info) {
    tok_info *info = sqlite3_realloc64(r->info, (sqlite3_uint64)r->cap_tok *
                                                    sizeof *r->info);
    if (!info) {
      r->oom = 1;
      return 0;
    }
    r->info = info;
  }
  r->tok[r->n_tok] = *t;
  r->info[r->n_tok].flag = 0;
  r->info[r->n_tok].cue = -1;
  r->info[r->n_tok].anchor = -1;
  r->info[r->n_tok].lex = 0;
  r->info[r->n_tok].lex_lists = -1;
  r->info[r->n_tok].geo_known = 0;
  r->n_tok++;
  return 1;
}

/* Rows in text order: by offset, then as made. */
static int cmp_rows(const void *pa, const void *pb) {
  const ex_row *a = pa, *b = pb;
  if (a->cstart != b->cstart) return a->cstart < b->cstart ? -1 : 1;
  return (a->ordinal > b->ordinal) - (a->ordinal < b->ordinal);
}

/* One unit: a table row (a line with a pipe), a share table's heading, or
** a sentence; a line starting with anything else ends a share table. */
static void read_unit(ex_reader *r, int line_start, int line_end, int pipe) {
  r->respectively_at = -2;
  if (line_start) {
    r->ctx_dim[0] = 0;
    r->prev_min_year = r->prev_max_year = r->prev_n_years = 0;
    r->prev_value_year = r->para_max_year = 0;
  }
  ex_learn_forecast(r, 0, r->n_tok);
  if (line_start && r->n_tok > 0 && !pipe && !ex_heading(r)) ex_end_table(r);
  int colon = !pipe && line_start && line_end ? ex_colon_row(r) : -1;
  if (pipe || colon >= 0) {
    ex_table_row(r, colon);
  } else if (r->n_tok > 0 && !(line_start && r->table_active)) {
    ex_prose(r, !line_start);
  }
  for (int i = 0; i < r->n_rows && r->cut; i++) {
    ex_add_reason(r, &r->rows[i], "read from a sentence too long to read "
                                  "whole (over %d words)", MAX_UNIT_TOKENS);
  }
  if (r->n_rows > 1) qsort(r->rows, (size_t)r->n_rows, sizeof *r->rows, cmp_rows);
}

int ex_reader_unit(ex_reader *r) {
  if (r->done || r->oom) return 0;
  r->n_tok = r->n_rows = r->arena_n = 0;
  r->cut = r->next_cut;
  int pipe = 0;
  es_token t;
  for (;;) {
    es_next(&r->scan, &t);
    int ends_line = t.type == ES_EOL || t.type == ES_END;
    if (ends_line || (t.type == ES_STOP && !pipe)) {
      read_unit(r, r->line_start, ends_line, pipe);
      r->line_start = ends_line;
      r->next_cut = 0;
      if (t.type == ES_END) r->done = 1;
      return !r->oom;
    }
    if (t.type == ES_PIPE) pipe = 1;
    if (!push_token(r, &t)) return 0;
    if (r->n_tok == MAX_UNIT_TOKENS) {
      r->cut = r->next_cut = 1;
      read_unit(r, r->line_start, 0, pipe);
      r->line_start = 0;
      return !r->oom;
    }
  }
}
