/* SPDX-License-Identifier: MIT */
/*
** callgrind_dump.h -- reading back the dumps of the benchmarks' callgrind
** runs (tests/bench/bench.c, tests/duckdb/bench.c): each query is dumped
** under the name "pair|side|ops" (CALLGRIND_DUMP_STATS_AT), and its count
** of instructions is the dump's "totals:" line.
*/
#ifndef PMEXT_CALLGRIND_DUMP_H
#define PMEXT_CALLGRIND_DUMP_H

/* 1 with *pair, *side (0 pmext, 1 built-in), *ops and *instructions set
** when the file at `path` is such a dump; else 0. */
int callgrind_dump_read(const char *path, unsigned *pair, int *side,
                        long long *ops, double *instructions);

#endif /* PMEXT_CALLGRIND_DUMP_H */
