/* SPDX-License-Identifier: MIT */
/*
** model.c -- the model set's memory and lookups (model.h): every set lives
** in blocks it owns (model_alloc()), freed at once by model_set_free();
** reports are found by name and segments by (report, dimension, segment)
** in hashes the reader fills (model_index_report(),
** model_index_segments()).
*/
#include "model.h"

#include <string.h>

SQLITE_EXTENSION_INIT3

/* --- memory ------------------------------------------------------------ */

typedef struct model_block {
  struct model_block *next;
  size_t used, size;
  double data[]; /* aligned for every type the set stores */
} model_block;

void *model_alloc(model_set *set, size_t size) {
  size = (size + 15) & ~(size_t)15;
  model_block *b = set->blocks;
  if (!b || b->size - b->used < size) {
    size_t want = size > 65536 ? size : 65536;
    b = sqlite3_malloc64(sizeof *b + want);
    if (!b) return 0;
    b->next = set->blocks;
    b->used = 0;
    b->size = want;
    set->blocks = b;
  }
  char *p = (char *)b->data + b->used;
  b->used += size;
  memset(p, 0, size);
  return p;
}

char *model_copy_text(model_set *set, const char *text, int *oom) {
  if (!text) return 0;
  size_t n = strlen(text) + 1;
  char *p = model_alloc(set, n);
  if (!p) {
    *oom = 1;
    return 0;
  }
  memcpy(p, text, n);
  return p;
}

void model_set_free(model_set *set) {
  if (!set) return;
  model_block *b = set->blocks;
  while (b) {
    model_block *next = b->next;
    sqlite3_free(b);
    b = next;
  }
  sqlite3_free(set);
}

/* --- lookups ----------------------------------------------------------- */

/* The hash of n bytes from h (FNV-1a). */
static unsigned model_hash_text(unsigned h, const char *p, size_t n) {
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 16777619u;
  return h;
}

static int same(const char *name, const char *p, size_t n) {
  return strlen(name) == n && memcmp(name, p, n) == 0;
}

int model_find_report(const model_set *set, const char *report, size_t bytes) {
  if (set->n_rslots == 0) return -1;
  unsigned mask = (unsigned)set->n_rslots - 1;
  for (unsigned h = model_hash_text(2166136261u, report, bytes) & mask;;
       h = (h + 1) & mask) {
    int r = set->rslot[h] - 1;
    if (r < 0) return -1;
    if (same(set->reports[r].report, report, bytes)) return r;
  }
}

unsigned model_pair_hash(int report, const char *a, size_t na, const char *b,
                         size_t nb) {
  unsigned h = model_hash_text((2166136261u ^ (unsigned)report) * 16777619u,
                               a, na);
  return b ? model_hash_text(h * 16777619u ^ 1u, b, nb) : h;
}

int model_find_segment(const model_set *set, int report, const char *dimension,
                       size_t dimension_bytes, const char *segment,
                       size_t segment_bytes) {
  if (set->n_sslots == 0) return -1;
  unsigned mask = (unsigned)set->n_sslots - 1;
  for (unsigned h = model_pair_hash(report, dimension, dimension_bytes, segment,
                                 segment_bytes) &
                    mask;
       ; h = (h + 1) & mask) {
    if (set->sslot_report[h] == 0) return -1;
    if (set->sslot_report[h] - 1 != report) continue;
    const model_segment *s =
        &set->reports[report].segments[set->sslot_segment[h]];
    if (same(s->dimension, dimension, dimension_bytes) &&
        same(s->segment, segment, segment_bytes)) {
      return set->sslot_segment[h];
    }
  }
}

int model_slots_for(int n) {
  int s = 8;
  while (s < 2 * n) s *= 2;
  return s;
}

/* --- printed figures ---------------------------------------------------- */

int model_first_from(const model_figure *figures, int n, int year) {
  int lo = 0, hi = n;
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    if (figures[mid].year < year) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

const model_figure *model_printed(const model_figure *figures, int n,
                                  int year) {
  int k = model_first_from(figures, n, year);
  return k < n && figures[k].year == year ? &figures[k] : 0;
}

/* --- indexes ----------------------------------------------------------- */

int model_index_report(model_set *set, int capacity) {
  if (set->n_rslots < 2 * set->n_reports) {
    set->n_rslots = model_slots_for(capacity);
    set->rslot = model_alloc(set, (size_t)set->n_rslots * sizeof *set->rslot);
    if (!set->rslot) return SQLITE_NOMEM;
    for (int i = 0; i < set->n_reports - 1; i++) {
      const char *name = set->reports[i].report;
      unsigned h = model_hash_text(2166136261u, name, strlen(name)) & (unsigned)(set->n_rslots - 1);
      while (set->rslot[h]) h = (h + 1) & (unsigned)(set->n_rslots - 1);
      set->rslot[h] = i + 1;
    }
  }
  const char *name = set->reports[set->n_reports - 1].report;
  unsigned h = model_hash_text(2166136261u, name, strlen(name)) & (unsigned)(set->n_rslots - 1);
  while (set->rslot[h]) h = (h + 1) & (unsigned)(set->n_rslots - 1);
  set->rslot[h] = set->n_reports;
  return SQLITE_OK;
}

int model_index_segments(model_set *set, int n) {
  set->n_sslots = model_slots_for(n);
  set->sslot_report = model_alloc(set, (size_t)set->n_sslots * sizeof(int));
  set->sslot_segment = model_alloc(set, (size_t)set->n_sslots * sizeof(int));
  if (!set->sslot_report || !set->sslot_segment) return SQLITE_NOMEM;
  unsigned mask = (unsigned)set->n_sslots - 1;
  for (int r = 0; r < set->n_reports; r++) {
    const model_report *rep = &set->reports[r];
    for (int k = 0; k < rep->n_segments; k++) {
      const model_segment *s = &rep->segments[k];
      unsigned h = model_pair_hash(r, s->dimension, strlen(s->dimension),
                                s->segment, strlen(s->segment)) & mask;
      while (set->sslot_report[h]) h = (h + 1) & mask;
      set->sslot_report[h] = r + 1;
      set->sslot_segment[h] = k;
    }
  }
  return SQLITE_OK;
}
