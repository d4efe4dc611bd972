# SPDX-License-Identifier: MIT
# pg.tcl -- driver of the PostgreSQL tests: tclsh tests/pg/pg.tcl ?PATTERN?
#
# Starts a throw-away PostgreSQL 15 server (server.sh) in a temporary
# folder, creates the installed extension in it (`make pg-install` first),
# runs every tests/pg/*.test (those matching PATTERN, e.g. 'upgrade*', when
# given) with tests/tester.tcl's helpers, stops the server and closes with
# exactly "N passed, N failed" (non-zero exit on a failure). Here `db eval SQL` and `db onecolumn SQL` run SQL through psql:
# rows come back as a flat list (NULL written NULL), an error as a Tcl error
# "SQLSTATE: message". `pg_try_all CALLS` runs many calls in one round trip.
# Both work in the database `postgres`; `pg_psql SQL DB`, `pg_try_all CALLS
# DB` in another (`pg_add_try DB` first gives it the helper pg_try).

set here [file dirname [file normalize [info script]]]
set ::PMEXT_LIB none
source [file join $here .. tester.tcl]

set ::pg_dir [exec mktemp -d /tmp/pmext-pg.XXXXXX]
exec sh [file join $here server.sh] start $::pg_dir
set ::env(PGOPTIONS) {-c client_min_messages=warning}

proc pg_psql {sql {dbname postgres}} {
  set cmd [list psql -X -q -At -F \t -P null=NULL -v ON_ERROR_STOP=1 \
               -h $::pg_dir -U pmext -d $dbname -f -]
  if {[catch {exec {*}$cmd << "\\set VERBOSITY verbose\n$sql" 2>@1} out]} {
    if {[regexp {ERROR:\s+([0-9A-Z]{5}): ([^\n]*)} $out -> state message]} {
      error "$state: $message"
    }
    error $out
  }
  return $out
}

proc db {method sql} {
  set out [pg_psql $sql]
  set rows {}
  foreach line [split $out \n] { lappend rows {*}[split $line \t] }
  switch -- $method {
    eval { return $rows }
    onecolumn { return [lindex $rows 0] }
    default { error "db: unknown method $method" }
  }
}

# A helper in database DBNAME that runs one call and reports it as text:
# the result, NULL, or "error SQLSTATE message".
proc pg_add_try {{dbname postgres}} {
  pg_psql {
    CREATE FUNCTION pg_try(call text) RETURNS text LANGUAGE plpgsql AS $$
    DECLARE r text;
    BEGIN
      EXECUTE 'SELECT (' || call || ')::text' INTO r;
      RETURN coalesce(r, 'NULL');
    EXCEPTION WHEN OTHERS THEN
      RETURN 'error ' || SQLSTATE || ' ' || SQLERRM;
    END $$
  } $dbname
}

# Results of pg_try() for every call of the list, in order.
proc pg_try_all {calls {dbname postgres}} {
  set quoted {}
  foreach c $calls { lappend quoted '[string map {' ''} $c]' }
  set out [pg_psql "SELECT pg_try(c) FROM unnest(ARRAY\[[join $quoted ,]\]::text\[\]) WITH ORDINALITY AS t(c, i) ORDER BY i" $dbname]
  return [split $out \n]
}

# The rows of tests/vectors/FILE, each a list of its tab-separated fields:
# growth.tsv {func args value} (mpmath), gnumeric.tsv {name sql value}.
proc pg_vector_rows {file} {
  set fh [open [file join $::pmext_root tests vectors $file]]
  set rows {}
  while {[gets $fh line] >= 0} { lappend rows [split $line \t] }
  close $fh
  return $rows
}

proc run_tests {} {
  global here
  db eval {CREATE EXTENSION pmext}
  pg_add_try

  set pattern [expr {$::argc > 0 ? [lindex $::argv 0] : "*"}]
  foreach testfile [lsort [glob -directory $here $pattern.test]] {
    set before_pass $::pmext_passed
    set before_fail $::pmext_failed
    if {[catch {uplevel #0 [list source $testfile]} err]} {
      pmext_fail [file tail $testfile] "the file died: $err\n$::errorInfo"
    }
    puts [format "%-24s %4d passed, %d failed" [file tail $testfile] \
        [expr {$::pmext_passed - $before_pass}] \
        [expr {$::pmext_failed - $before_fail}]]
  }
}
if {[catch run_tests err]} {
  pmext_fail setup "$err\n$::errorInfo"
}
catch {exec sh [file join $here server.sh] stop $::pg_dir}
file delete -force $::pg_dir
if {$::pmext_failed > 0} {
  puts "failures: [join $::pmext_failures {, }]"
}
puts "$::pmext_passed passed, $::pmext_failed failed"
exit [expr {($::pmext_failed > 0 || $::pmext_passed == 0) ? 1 : 0}]
