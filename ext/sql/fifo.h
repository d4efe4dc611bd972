/* SPDX-License-Identifier: MIT */
/*
** fifo.h -- a growable queue of fixed-size items, for window functions that
** keep their frame's rows (sparkline, cagr, irr, xirr, xnpv).
**
** SQLite removes rows from a window frame (xInverse) in the order xStep
** added them, so a frame is a queue: push at the end, pop the oldest. The
** live items are items[head .. head+count); a push that reaches the end of
** the allocation first moves them back to the front, so a sliding frame
** reuses its room and a long partition does not grow the buffer.
**
** The struct lives in SQLite's zeroed aggregate context: all zero is an
** empty queue. The item size is passed to every call (the same each time).
*/
#ifndef PMEXT_FIFO_H
#define PMEXT_FIFO_H

#include "sqlite3ext.h"

#include <stddef.h>

typedef struct pmext_fifo {
  void *items;
  sqlite3_int64 head, count, capacity; /* in items */
} pmext_fifo;

/* Room for one more item at the end: its address, or 0 when out of memory
** (the queue is unchanged). */
void *pmext_fifo_push(pmext_fifo *f, size_t size);

/* Drop the oldest item; nothing when empty. */
void pmext_fifo_pop(pmext_fifo *f);

/* The oldest live item (then count - 1 more, contiguous). */
void *pmext_fifo_first(const pmext_fifo *f, size_t size);

/* Free the buffer; the queue is empty again. */
void pmext_fifo_free(pmext_fifo *f);

#endif /* PMEXT_FIFO_H */
