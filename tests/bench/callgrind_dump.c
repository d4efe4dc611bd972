/* SPDX-License-Identifier: MIT */
/*
** callgrind_dump.c -- one callgrind dump read back (see callgrind_dump.h).
*/
#include "callgrind_dump.h"

#include <stdio.h>

int callgrind_dump_read(const char *path, unsigned *pair, int *side,
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
