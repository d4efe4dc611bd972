/* SPDX-License-Identifier: MIT */
/*
** callgrind_dump.c -- the benchmarks' callgrind dumps read back (see
** callgrind_dump.h).
*/
#include "callgrind_dump.h"

#include <stdio.h>
#include <string.h>

/* 1 with the name after "Client Request: " and the instructions of the
** dump at `path`. */
static int read_dump(const char *path, char *name, size_t size,
                     double *instructions) {
  static const char tag[] = "desc: Trigger: Client Request: ";
  FILE *in = fopen(path, "r");
  if (!in) return 0;
  char line[512];
  int named = 0, found = 0;
  while (!found && fgets(line, sizeof line, in)) {
    if (strncmp(line, tag, sizeof tag - 1) == 0) {
      snprintf(name, size, "%s", line + sizeof tag - 1);
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
    char name[512];
    unsigned pair;
    int side;
    long long ops;
    double instructions;
    if (read_dump(files[f], name, sizeof name, &instructions) &&
        sscanf(name, "%u|%d|%lld", &pair, &side, &ops) == 3 &&
        (side == 0 || side == 1) && pair < n_pairs) {
      callgrind_count *c = &counts[2 * pair + (unsigned)side];
      c->instructions = instructions;
      c->ops = ops;
      c->seen = 1;
    }
  }
}

void callgrind_dumps_read_alone(int nfiles, char **files, const char *prefix,
                                unsigned n, callgrind_count *counts) {
  size_t len = strlen(prefix);
  for (int f = 0; f < nfiles; f++) {
    char name[512];
    unsigned index;
    long long ops;
    double instructions;
    if (read_dump(files[f], name, sizeof name, &instructions) &&
        strncmp(name, prefix, len) == 0 && name[len] == '|' &&
        sscanf(name + len + 1, "%u|%lld", &index, &ops) == 2 && index < n) {
      counts[index].instructions = instructions;
      counts[index].ops = ops;
      counts[index].seen = 1;
    }
  }
}
