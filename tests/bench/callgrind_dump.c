/* SPDX-License-Identifier: MIT */
/*
** callgrind_dump.c -- the benchmarks' callgrind dumps read back (see
** callgrind_dump.h).
*/
#include "callgrind_dump.h"

#include <stdio.h>

/* 1 with the pair, side, ops and instructions of the dump at `path`. */
static int read_dump(const char *path, unsigned *pair, int *side,
                     long long *ops, double *instructions) {
  FILE *in = fopen(path, "r");
  if (!in) return 0;
  char line[512];
  int named = 0, found = 0;
  while (!found && fgets(line, sizeof line, in)) {
    if (sscanf(line, "desc: Trigger: Client Request: %u|%d|%lld", pair, side,
               ops) == 3 &&
        (*side == 0 || *side == 1)) {
      named = 1;
    }
    if (named && sscanf(line, "totals: %lf", instructions) == 1) found = 1;
  }
  fclose(in);
  return found;
}

void callgrind_dumps_read(int nfiles, char **files, unsigned n_pairs,
                          callgrind_count *counts) {
  for (int f = 0; f < nfiles; f++) {
    unsigned pair;
    int side;
    long long ops;
    double instructions;
    if (read_dump(files[f], &pair, &side, &ops, &instructions) &&
        pair < n_pairs) {
      callgrind_count *c = &counts[2 * pair + (unsigned)side];
      c->instructions = instructions;
      c->ops = ops;
      c->seen = 1;
    }
  }
}
