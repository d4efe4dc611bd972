/* SPDX-License-Identifier: MIT */
/*
** fifo.c -- the growable queue of fifo.h.
*/
#include "fifo.h"

#include <string.h>

SQLITE_EXTENSION_INIT3

#define FIFO_FIRST_CAPACITY 16

void *pmext_fifo_push(pmext_fifo *f, size_t size) {
  char *bytes = f->items;
  if (f->head + f->count == f->capacity && f->head > 0) {
    /* Reuse the room the oldest, popped items left at the front. */
    memmove(bytes, bytes + f->head * size, (size_t)f->count * size);
    f->head = 0;
  }
  if (f->count == f->capacity) {
    sqlite3_int64 capacity =
        f->capacity ? 2 * f->capacity : FIFO_FIRST_CAPACITY;
    bytes = sqlite3_realloc64(f->items, (sqlite3_uint64)capacity * size);
    if (!bytes) return 0;
    f->items = bytes;
    f->capacity = capacity;
  }
  return bytes + (f->head + f->count++) * size;
}

void pmext_fifo_pop(pmext_fifo *f) {
  if (f->count > 0) {
    f->head++;
    f->count--;
  }
  if (f->count == 0) f->head = 0;
}

void *pmext_fifo_first(const pmext_fifo *f, size_t size) {
  return (char *)f->items + f->head * size;
}

void pmext_fifo_free(pmext_fifo *f) {
  sqlite3_free(f->items);
  memset(f, 0, sizeof *f);
}
