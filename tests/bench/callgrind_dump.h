/* SPDX-License-Identifier: MIT */
/*
** callgrind_dump.h -- reading back the dumps of the benchmarks' callgrind
** runs (tests/bench/bench.c, tests/duckdb/bench.c): each query is dumped
** under the name "pair|side|ops" (CALLGRIND_DUMP_STATS_AT; side 0 is
** pmext's, 1 the built-in's), or "<prefix>|index|ops" for a query with
** no built-in twin, and its count of instructions is the dump's
** "totals:" line.
*/
#ifndef PMEXT_CALLGRIND_DUMP_H
#define PMEXT_CALLGRIND_DUMP_H

#ifdef PMEXT_BENCH_CALLGRIND
#include <valgrind/callgrind.h>
/* Run `work` with callgrind collecting, alone, and dump its count under
** `name` ("pair|side|ops"). */
#define CALLGRIND_MEASURE(name, work) \
  do {                                \
    CALLGRIND_ZERO_STATS;             \
    CALLGRIND_TOGGLE_COLLECT;         \
    work;                             \
    CALLGRIND_TOGGLE_COLLECT;         \
    CALLGRIND_DUMP_STATS_AT(name);    \
  } while (0)
#endif

typedef struct callgrind_count {
  double instructions;
  long long ops;
  int seen; /* a dump of this pair and side was read */
} callgrind_count;

/* counts[2 * pair + side] from each of the files that is such a dump, for
** pair < n_pairs; the others are left as they are. */
void callgrind_dumps_read(int nfiles, char **files, unsigned n_pairs,
                          callgrind_count *counts);

/* counts[index] from the dumps named "<prefix>|index|ops" (queries with no
** built-in to compare with, such as the model engine's), index < n. */
void callgrind_dumps_read_alone(int nfiles, char **files, const char *prefix,
                                unsigned n, callgrind_count *counts);

#endif /* PMEXT_CALLGRIND_DUMP_H */
