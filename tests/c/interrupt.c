/* SPDX-License-Identifier: MIT */
/*
** interrupt.c -- a long build of a model stops when the connection is
** interrupted (sqlite3_interrupt from another thread), and what it had
** built is not kept (docs/model.md, "Limits").
**
**   build/interrupt/interrupt build/pmext.so ROUNDS     (make interrupt)
**
** How it works: the inputs are a view over the figures whose rows pass
** through a function of this driver that counts them. Each round changes
** a figure (so the next scan reads the inputs twice: to compare them with
** the model's, then to rebuild), then scans the model; once the rebuild
** has read its inputs (the end of its statement on claims, the last
** input read, seen by sqlite3_trace_v2), a second thread calls
** sqlite3_interrupt() every half millisecond until the scan returns. The inputs are few rows and the
** model large (its rows computed in tens of milliseconds, in C), so the
** interrupts arrive while the rows are computed. Each scan must end in
** SQLITE_INTERRUPT; then a scan without interrupts must read the inputs
** again: a build that went on after the interrupt would have been kept,
** and that scan would read nothing.
** No time is measured. Exits 1 on any failure.
*/
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

static sqlite3 *db;
static long rows_read;
static int claims_reads; /* statements reading claims finished this round */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static int scanning, stop;

static void set_scanning(int on);

static void count_row(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  rows_read++;
  sqlite3_result_int(ctx, 1);
}

/* When a statement ends: the claims are the last input the model reads,
** the second reading of them in a round is the rebuild's; from then on
** the model computes its rows, and the interrupts start. */
static int on_statement_end(unsigned type, void *ctx, void *stmt, void *x) {
  (void)type;
  (void)ctx;
  (void)x;
  const char *sql = sqlite3_sql(stmt);
  if (sql && strstr(sql, "\"claims\"") && ++claims_reads == 2) {
    set_scanning(1);
  }
  return 0;
}

/* Interrupts the connection every half millisecond while a scan runs. */
static void *interrupter(void *arg) {
  (void)arg;
  struct timespec half = {0, 500000};
  pthread_mutex_lock(&lock);
  for (;;) {
    while (!scanning && !stop) pthread_cond_wait(&changed, &lock);
    if (stop) break;
    pthread_mutex_unlock(&lock);
    sqlite3_interrupt(db);
    nanosleep(&half, 0);
    pthread_mutex_lock(&lock);
  }
  pthread_mutex_unlock(&lock);
  return 0;
}

static void set_scanning(int on) {
  pthread_mutex_lock(&lock);
  scanning = on;
  pthread_cond_broadcast(&changed);
  pthread_mutex_unlock(&lock);
}

static void exec_or_die(const char *sql) {
  char *err = 0;
  if (sqlite3_exec(db, sql, 0, 0, &err) != SQLITE_OK) {
    fprintf(stderr, "interrupt: %s: %s\n", sql, err);
    exit(2);
  }
}

/* Inputs: one report, 750 segments printed in 2000 and 2199: 150,000
** rows a scenario to compute (kept: under MODEL_DENSE_BYTES), from 1,500
** rows of figures. */
static const char setup_sql[] =
    "CREATE TABLE reports(report, market, publisher, published, unit, url);"
    "CREATE TABLE printed(report, dimension, segment, year, value, share, "
    "decimals, note);"
    "CREATE TABLE claims(report, kind, dimension, segment, value, from_year, "
    "to_year, note);"
    "INSERT INTO reports VALUES ('r', 'm', NULL, NULL, 'USD bn', NULL);"
    "WITH RECURSIVE s(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM s WHERE j < 749)"
    " INSERT INTO printed SELECT 'r', CASE j WHEN 0 THEN 'market' ELSE 'region' END,"
    " 'seg' || j, y, 100 + j + (y > 2000) * 50, NULL, 2, NULL FROM s,"
    " (SELECT 2000 AS y UNION ALL SELECT 2199);"
    "CREATE VIEW figures AS SELECT * FROM printed WHERE count_row();"
    "CREATE VIRTUAL TABLE m USING pm_model;";

static int round_of(int round) {
  const char *table = "m";
  char sql[128];
  snprintf(sql, sizeof sql, "UPDATE printed SET value = %d WHERE rowid = 1",
           200 + round);
  exec_or_die(sql);
  snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
  claims_reads = 0;
  int rc = sqlite3_exec(db, sql, 0, 0, 0);
  set_scanning(0);
  claims_reads = -1000; /* no interrupts in the scan below */
  if (rc != SQLITE_INTERRUPT) {
    printf("FAIL %s round %d: the scan gave %d, not SQLITE_INTERRUPT (%d)\n",
           table, round, rc, SQLITE_INTERRUPT);
    return 0;
  }
  rows_read = 0;
  rc = sqlite3_exec(db, sql, 0, 0, 0);
  if (rc != SQLITE_OK || rows_read == 0) {
    printf("FAIL %s round %d: after the interrupt the scan gave %d and read "
           "%ld input rows: the interrupted build was kept\n",
           table, round, rc, rows_read);
    return 0;
  }
  return 1;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s PMEXT_LIBRARY ROUNDS\n", argv[0]);
    return 2;
  }
  int rounds = atoi(argv[2]);
  char *err = 0;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
      sqlite3_enable_load_extension(db, 1) != SQLITE_OK ||
      sqlite3_load_extension(db, argv[1], 0, &err) != SQLITE_OK) {
    fprintf(stderr, "interrupt: cannot load %s: %s\n", argv[1],
            err ? err : sqlite3_errmsg(db));
    return 2;
  }
  sqlite3_create_function(db, "count_row", 0, SQLITE_UTF8, 0, count_row, 0, 0);
  exec_or_die(setup_sql);
  exec_or_die("SELECT count(*) FROM m"); /* a model to compare with */
  sqlite3_trace_v2(db, SQLITE_TRACE_PROFILE, on_statement_end, 0);
  pthread_t thread;
  if (pthread_create(&thread, 0, interrupter, 0) != 0) return 2;
  int passed = 0;
  for (int r = 0; r < rounds; r++) passed += round_of(r);
  printf("interrupt: %d of %d interrupted builds of the model stopped and "
         "kept nothing\n", passed, rounds);
  int ok = passed == rounds;
  pthread_mutex_lock(&lock);
  stop = 1;
  pthread_cond_broadcast(&changed);
  pthread_mutex_unlock(&lock);
  pthread_join(thread, 0);
  sqlite3_close(db);
  return ok ? 0 : 1;
}
