# SPDX-License-Identifier: MIT
# duckdb.tcl -- runner of the DuckDB tests (`make test-duckdb`):
#
#   tclsh tests/duckdb/duckdb.tcl DRIVER EXTENSION PMEXT_LIB NODE_DIR
#
# Starts DRIVER (tests/duckdb/driver.c, linked to the registry's
# libduckdb.so), which loads EXTENSION (build/pmext.duckdb_extension), and
# runs every tests/duckdb/*.test with tests/tester.tcl's helpers. There
# `db eval SQL` and `db onecolumn SQL` run SQL in DuckDB (rows as a flat
# list, NULL written NULL; an error is a Tcl error with DuckDB's message),
# and `lite` is a SQLite connection with PMEXT_LIB (the SQLite build)
# loaded, to compare the two builds row for row. NODE_DIR holds
# @duckdb/node-api and tests/duckdb/node/run.mjs (node.test). Closes with exactly
# "N passed, N failed" (non-zero exit on a failure).

lassign $argv driver extension ::PMEXT_LIB ::node_dir
set here [file dirname [file normalize [info script]]]
source [file join $here .. tester.tcl]

set ::duckdb [open |[list $driver $extension 2>@1] r+]
fconfigure $::duckdb -buffering line -encoding utf-8 -translation lf

# The rows of one statement sent to the driver on `channel`: a list of
# rows, each a list of values.
proc duckdb_rows {sql {channel ""}} {
  if {$channel eq ""} { set channel $::duckdb }
  puts $channel [string map {\n " " \r " "} $sql]
  set rows {}
  while {1} {
    if {[gets $channel line] < 0} { error "the DuckDB driver stopped" }
    if {$line eq "\x1e"} break
    if {[string match "!error *" $line]} {
      set message [string range $line 7 end]
      while {[gets $channel line] >= 0 && $line ne "\x1e"} {}
      error $message
    }
    lappend rows [split $line \t]
  }
  return $rows
}

proc db {method sql} {
  set rows [duckdb_rows $sql]
  switch -- $method {
    eval { return [concat {*}$rows] }
    rows { return $rows }
    onecolumn { return [lindex $rows 0 0] }
    default { error "db: unknown method $method" }
  }
}

sqlite3 lite :memory:
lite nullvalue NULL
lite enable_load_extension 1
lite eval {SELECT load_extension($::PMEXT_LIB)}

# The rows of SQL in a DuckDB without pmext (driver -).
proc plain_duckdb_rows {sql} {
  set out [exec $::driver - << "[string map {\n " "} $sql]\n"]
  set rows {}
  foreach line [split $out \n] {
    if {$line ne "\x1e"} { lappend rows [split $line \t] }
  }
  return $rows
}

# SQL with every decimal literal outside quotes written as a DOUBLE literal
# (0.1 -> 0.1e0): DuckDB reads 0.1 as a DECIMAL, and its cast to DOUBLE may
# round twice (0.9999999999999999 becomes 1.0), where SQLite reads the
# double nearest the text. docs/duckdb.md, "Differences".
proc double_literals {sql} {
  set parts [split $sql ']
  for {set i 0} {$i < [llength $parts]} {incr i 2} {
    lset parts $i [regsub -all {(^|[^\w.])(\d+\.\d+)(?![\d.eE])} [lindex $parts $i] {\1\2e0}]
  }
  return [join $parts ']
}

# The SQLite build's result of func(args...), the arguments bound as
# doubles: SQLite's own reading of decimal text is not always the nearest
# double (3.40 reads -30.87145761293724 one ulp off), DuckDB's and Tcl's
# are, so both builds get the same doubles.
proc lite_call {func arguments} {
  set params {}
  set i 0
  foreach a $arguments {
    set a$i [expr {double($a)}]
    lappend params "\$a$i"
    incr i
  }
  lite onecolumn "SELECT $func\([join $params {, }])"
}

# 1 when a and b are the same number (both NULL, or equal doubles).
proc same_number {a b} {
  if {$a eq $b} { return 1 }
  if {![string is double -strict $a] || ![string is double -strict $b]} { return 0 }
  return [expr {double($a) == double($b)}]
}

if {[catch {
  foreach testfile [lsort [glob -directory $here *.test]] {
    set before_pass $::pmext_passed
    set before_fail $::pmext_failed
    set started [clock milliseconds]
    if {[catch {uplevel #0 [list source $testfile]} err]} {
      pmext_fail [file tail $testfile] "the file died: $err\n$::errorInfo"
    }
    puts [format "%-24s %4d passed, %d failed (%.1f s)" [file tail $testfile] \
        [expr {$::pmext_passed - $before_pass}] \
        [expr {$::pmext_failed - $before_fail}] \
        [expr {([clock milliseconds] - $started) / 1000.0}]]
  }
} err]} {
  pmext_fail setup "$err\n$::errorInfo"
}
catch {close $::duckdb}
lite close
if {$::pmext_failed > 0} {
  puts "failures: [join $::pmext_failures {, }]"
}
puts "$::pmext_passed passed, $::pmext_failed failed"
exit [expr {($::pmext_failed > 0 || $::pmext_passed == 0) ? 1 : 0}]
