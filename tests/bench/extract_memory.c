/* SPDX-License-Identifier: MIT */
/*
** extract_memory.c -- the peak memory and the time of pm_extract() on a
** big text.
**
**   make bench-extract-memory        (EXTRACT_MB=22, every kind of text)
**   build/bench/extract_memory ./build/pmext MEGABYTES [KIND]
**
** Builds a text of MEGABYTES megabytes by repeating one piece, KIND:
**   release   (the default) a release: a paragraph with sizes, a rate, a
**             share and a claim in prose, a stray percentage, a share
**             table, a regional size: every reading rule at work;
**   figures   one short sentence with one size, the most placed rows a
**             byte of text can give;
**   percents  "12% " and nothing else: the most rows of all (every one a
**             percentage with a reason);
**   amounts   "USD 1 bn " with no sentence end: every sentence as long as
**             the reader takes, every amount looking back for its year;
**   rates     "a CAGR of 5% " with no sentence end: every rate looking for
**             its period.
** It binds the text as TEXT, reads every row of pm_extract(text) the way a
** client does (every column fetched), and prints the rows, the bytes of
** text in their cells, the process CPU time of the statement, and the
** process's peak resident set (getrusage ru_maxrss) before and after it.
** "Before" holds the text itself; SQLite's copy of the bound value and
** what pm_extract() adds are the difference. One process per measurement,
** so nothing earlier raised the peak.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <sqlite3.h>

static const char release[] =
    "The global widget market was valued at USD 578.14 billion in 2024 and "
    "may reach USD 1,094.83 billion by 2034, at a CAGR of 11.37% from 2025 "
    "to 2034. Some 30% of buyers switched vendors in 2023. North America "
    "dominated the market with a 44.96% share in 2024.\n"
    "Widget Market Revenue Share, By Region, 2024 (%)\n"
    "Region | Revenue Share, 2024 (%) |\n"
    "North America | 44.96% |\n"
    "Europe | 28.72% |\n"
    "The Europe widget market size was USD 166.04 billion in 2024.\n";
static const char figures[] = "The global widget market was USD 1 bn in 2024. ";
static const char percents[] = "12% ";
static const char amounts[] = "USD 1 bn ";
static const char rates[] = "a CAGR of 5% ";

static long peak_kb(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

static double cpu_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(sqlite3 *db, const char *what) {
  fprintf(stderr, "extract_memory: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
  exit(1);
}

int main(int argc, char **argv) {
  if (argc != 3 && argc != 4) {
    fprintf(stderr, "usage: %s PMEXT_LIBRARY MEGABYTES [KIND]\n",
            argv[0]);
    return 2;
  }
  const char *kind = argc == 4 ? argv[3] : "release", *piece = release;
  if (strcmp(kind, "figures") == 0) piece = figures;
  else if (strcmp(kind, "percents") == 0) piece = percents;
  else if (strcmp(kind, "amounts") == 0) piece = amounts;
  else if (strcmp(kind, "rates") == 0) piece = rates;
  else if (strcmp(kind, "release") != 0) {
    die(0, "KIND must be release, figures, percents, amounts or rates");
  }
  long mb = strtol(argv[2], 0, 10);
  if (mb <= 0 || mb > 4096) die(0, "MEGABYTES must be 1..4096");
  size_t len = strlen(piece), copies = (size_t)mb * 1000000 / len;
  size_t n = copies * len;
  char *text = malloc(n + 1);
  if (!text) die(0, "out of memory");
  for (size_t i = 0; i < copies; i++) memcpy(text + i * len, piece, len);
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
  double t0 = cpu_s();
  long rows = 0;
  double bytes = 0;
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
  double cpu = cpu_s() - t0;
  long after = peak_kb();
  sqlite3_finalize(st);
  sqlite3_close(db);
  free(text);
  printf("| %s | %ld MB | %ld | %.0f MB | %.2f s | %.0f ns | %.0f MB | %.0f MB |\n",
         kind, mb, rows, bytes / 1e6, cpu, cpu * 1e9 / (double)n,
         before / 1024.0, after / 1024.0);
  return 0;
}
