/* SPDX-License-Identifier: MIT */
/*
** extract_memory.c -- the peak memory of pm_extract() on a big text.
**
**   make bench-extract-memory          (EXTRACT_MB=22 by default)
**   build/bench/extract_memory ./build/pmext 22
**
** Builds a text of the given number of megabytes out of one release-like
** paragraph and share table repeated (phrases every reading rule meets:
** sizes, a rate, shares in prose and in a table, a claim, a stray
** percentage), binds it as TEXT and reads every row of
** pm_extract(text) the way a client does (every column fetched), then
** prints the rows, the text's size and the process's peak resident set
** (getrusage: ru_maxrss) before and after the call. The text itself and
** SQLite's copy of the bound value are part of "before"/"after": what
** pm_extract() adds is the difference. One process per measurement, so
** nothing before it raised the peak.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <sqlite3.h>

static const char unit[] =
    "The global widget market was valued at USD 578.14 billion in 2024 and "
    "may reach USD 1,094.83 billion by 2034, at a CAGR of 11.37% from 2025 "
    "to 2034. Some 30% of buyers switched vendors in 2023. North America "
    "dominated the market with a 44.96% share in 2024.\n"
    "Widget Market Revenue Share, By Region, 2024 (%)\n"
    "Region | Revenue Share, 2024 (%) |\n"
    "North America | 44.96% |\n"
    "Europe | 28.72% |\n"
    "The Europe widget market size was USD 166.04 billion in 2024.\n";

static long peak_kb(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

static void die(sqlite3 *db, const char *what) {
  fprintf(stderr, "extract_memory: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
  exit(1);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s PMEXT_LIBRARY MEGABYTES\n", argv[0]);
    return 2;
  }
  long mb = strtol(argv[2], 0, 10);
  if (mb <= 0 || mb > 4096) die(0, "MEGABYTES must be 1..4096");
  size_t len = sizeof unit - 1, copies = (size_t)mb * 1000000 / len;
  size_t n = copies * len;
  char *text = malloc(n + 1);
  if (!text) die(0, "out of memory");
  for (size_t i = 0; i < copies; i++) memcpy(text + i * len, unit, len);
  text[n] = 0;

  sqlite3 *db = 0;
  char *err = 0;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) die(db, "open");
  sqlite3_enable_load_extension(db, 1);
  if (sqlite3_load_extension(db, argv[1], 0, &err) != SQLITE_OK) {
    fprintf(stderr, "extract_memory: load: %s\n", err ? err : "?");
    return 1;
  }
  sqlite3_stmt *st = 0;
  if (sqlite3_prepare_v2(db, "SELECT * FROM pm_extract(?1)", -1, &st, 0))
    die(db, "prepare");
  sqlite3_bind_text64(st, 1, text, n, SQLITE_STATIC, SQLITE_UTF8);
  long before = peak_kb();
  long rows = 0, bytes = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    rows++;
    for (int c = 0; c < sqlite3_column_count(st); c++) {
      if (sqlite3_column_type(st, c) == SQLITE_TEXT) {
        bytes += sqlite3_column_bytes(st, c);
      }
    }
  }
  if (rc != SQLITE_DONE) die(db, "step");
  long after = peak_kb();
  sqlite3_finalize(st);
  sqlite3_close(db);
  free(text);
  printf("| %ld MB | %ld rows | %.1f MB of text cells | peak %.0f MB before, "
         "%.0f MB after |\n",
         mb, rows, bytes / 1e6, before / 1024.0, after / 1024.0);
  return 0;
}
