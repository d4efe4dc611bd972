# SPDX-License-Identifier: MIT
# tester.tcl -- pmext's small test harness, in the spirit of SQLite's own.
#
# Sourced by tests/all.tcl before every *.test file. Provides:
#
#   reset_db                       fresh :memory: connection "db", pmext loaded
#   do_test NAME SCRIPT EXPECTED   SCRIPT's result must equal EXPECTED
#   do_execsql_test NAME SQL EXP   rows of SQL (as a flat list) equal EXP
#   do_catchsql_test NAME SQL EXP  {0 rows} or {1 message}, as SQLite's tester
#   do_realsql_test NAME SQL EXP ?RELTOL?
#                                  like do_execsql_test, but numbers are
#                                  compared with a relative tolerance
#                                  (default 1e-12); NULL is written NULL
#   do_ulp_test NAME SQL EXP MAXULP
#                                  one number within MAXULP units in the last
#                                  place of EXP (EXP as a decimal string from
#                                  a high-precision reference)
#   fequal A B RELTOL              1 if A and B agree to RELTOL relative
#   have_module NAME TEST          1 if db has module NAME; else prints a
#                                  loud SKIP line for TEST and returns 0
#   ulp_distance A B               how many doubles lie between A and B
#
# Results are counted across all files; all.tcl prints "N passed, N failed".
#
# Under valgrind (`make valgrind` sets PMEXT_VALGRIND=1) the accuracy
# helpers do_realsql_test and do_ulp_test only require their SQL to run:
# valgrind computes x87 long double with 64-bit precision, so growth.c's
# extended-precision results differ there, and memory errors, not digits,
# are what that run is for. The count of such checks is printed at the end.
# A NULL from SQL reads as the string NULL in every helper.

package require sqlite3

set ::pmext_passed 0
set ::pmext_failed 0
set ::pmext_failures {}
set ::pmext_valgrind [info exists ::env(PMEXT_VALGRIND)]
set ::pmext_accuracy_skipped 0

# Under valgrind: 1 (and counted) when an accuracy check is to be skipped.
proc accuracy_skipped {} {
  if {$::pmext_valgrind} { incr ::pmext_accuracy_skipped }
  return $::pmext_valgrind
}

proc reset_db {} {
  catch {db close}
  sqlite3 db :memory:
  db nullvalue NULL
  db enable_load_extension 1
  db eval {SELECT load_extension($::PMEXT_LIB)}
}

proc pmext_pass {name} {
  incr ::pmext_passed
}

proc pmext_fail {name detail} {
  incr ::pmext_failed
  lappend ::pmext_failures $name
  puts "! $name failed: $detail"
}

proc do_test {name script expected} {
  if {[catch {uplevel 1 $script} result]} {
    pmext_fail $name "error: $result"
  } elseif {$result ne $expected} {
    pmext_fail $name "\n    expected: \[$expected\]\n    got:      \[$result\]"
  } else {
    pmext_pass $name
  }
}

proc do_execsql_test {name sql expected} {
  uplevel 1 [list do_test $name [list db eval $sql] [list {*}$expected]]
}

proc do_catchsql_test {name sql expected} {
  set code [catch {uplevel 1 [list db eval $sql]} result]
  set got [list $code $result]
  if {$got ne $expected} {
    pmext_fail $name "\n    expected: \[$expected\]\n    got:      \[$got\]"
  } else {
    pmext_pass $name
  }
}

proc have_module {name test} {
  if {[db exists {SELECT 1 FROM pragma_module_list WHERE name = $name}]} {
    return 1
  }
  puts "SKIP $test: module $name is not registered in this build"
  return 0
}

proc fequal {a b {reltol 1e-12}} {
  if {$a eq $b} { return 1 }
  if {![string is double -strict $a] || ![string is double -strict $b]} {
    return 0
  }
  set scale [expr {max(abs(double($a)), abs(double($b)))}]
  return [expr {abs($a - $b) <= $reltol * $scale}]
}

proc do_realsql_test {name sql expected {reltol 1e-12}} {
  if {[catch {uplevel 1 [list db eval $sql]} got]} {
    pmext_fail $name "error: $got"
    return
  }
  if {[accuracy_skipped]} { pmext_pass $name; return }
  if {[llength $got] != [llength $expected]} {
    pmext_fail $name "\n    expected: \[$expected\]\n    got:      \[$got\]"
    return
  }
  foreach g $got e $expected {
    if {![fequal $g $e $reltol]} {
      pmext_fail $name "\n    expected: \[$expected\]\n    got:      \[$got\]\n    (relative tolerance $reltol)"
      return
    }
  }
  pmext_pass $name
}

# Position of a double on the number line, so that neighbouring doubles
# differ by one (negative numbers are mirrored below zero).
proc ordered_bits {x} {
  binary scan [binary format d $x] w bits
  if {$bits < 0} { set bits [expr {-9223372036854775808 - $bits}] }
  return $bits
}

proc ulp_distance {a b} {
  return [expr {abs([ordered_bits $a] - [ordered_bits $b])}]
}

proc do_ulp_test {name sql expected maxulp} {
  if {[catch {uplevel 1 [list db onecolumn $sql]} got]} {
    pmext_fail $name "error: $got"
    return
  }
  if {[accuracy_skipped]} { pmext_pass $name; return }
  if {![string is double -strict $got]} {
    pmext_fail $name "expected a number near $expected, got \[$got\]"
    return
  }
  set ulps [ulp_distance $got [expr {double($expected)}]]
  if {$ulps > $maxulp} {
    pmext_fail $name "got $got, expected $expected: $ulps ulp apart (max $maxulp)"
  } else {
    pmext_pass $name
  }
}

# The repository root, for tests that read docs/, sql/ or VERSION.
set ::pmext_root [file normalize [file join [file dirname [info script]] ..]]

# --- docs as tests ---------------------------------------------------------
#
# docs/*.md and README.md hold two machine-read things:
#   - index rows: | `name` | arities | kind | text |   (kind: scalar,
#     aggregate, window, table; arities a comma list, or - for tables)
#   - examples: ```sql blocks whose lines start with "sqlite> " (input,
#     continued by "   ...> ") followed by the shell's output; an output
#     line "Error: MESSAGE" means MESSAGE must appear on stderr.

proc doc_files {} {
  concat [lsort [glob -directory [file join $::pmext_root docs] *.md]] \
      [list [file join $::pmext_root README.md]]
}

proc read_file {path} {
  set fh [open $path]
  set text [read $fh]
  close $fh
  return $text
}

# List of {name arity kind} for every index row of every doc file.
proc doc_index {} {
  set rows {}
  foreach path [doc_files] {
    foreach line [split [read_file $path] \n] {
      if {[regexp {^\|\s*`(\w+)`\s*\|\s*([-0-9, ]+?)\s*\|\s*(scalar|aggregate|window|table)\s*\|} \
              $line -> name arities kind]} {
        foreach arity [split [string map {" " ""} $arities] ,] {
          lappend rows [list $name $arity $kind]
        }
      }
    }
  }
  return $rows
}

# List of {file line input expected_stdout expected_errors} per example block.
proc doc_examples {} {
  set examples {}
  foreach path [doc_files] {
    set in_block 0
    set lineno 0
    foreach line [split [read_file $path] \n] {
      incr lineno
      if {!$in_block && [regexp {^```sql\s*$} $line]} {
        set in_block 1
        set start $lineno
        set input {}
        set output {}
        set errors {}
        continue
      }
      if {!$in_block} continue
      if {[regexp {^```\s*$} $line]} {
        set in_block 0
        if {$input ne ""} {
          lappend examples [list [file tail $path] $start $input $output $errors]
        }
      } elseif {[regexp {^sqlite> ?(.*)$} $line -> sql]} {
        append input $sql \n
      } elseif {[regexp {^   \.\.\.> ?(.*)$} $line -> sql]} {
        append input $sql \n
      } elseif {[regexp {^Error: (.*)$} $line -> message]} {
        lappend errors $message
      } elseif {$input ne ""} {
        append output $line \n
      }
    }
  }
  return $examples
}

# Run SQL through the sqlite3 shell with the extension loaded, as a reader
# of the docs would; returns {stdout stderr}. A `.load ./build/pmext` line
# in an example (the README's tour) loads the build under test instead.
proc run_shell {sql} {
  set errfile [file join $::pmext_root build shell-stderr-[pid].txt]
  set lib [file rootname $::PMEXT_LIB]
  set sql [string map [list ".load ./build/pmext\n" ".load '$lib'\n"] $sql]
  set out [exec sh -c {sqlite3 -init /dev/null -cmd ".load '$0'" :memory: 2>"$1"; exit 0} \
               $lib $errfile << $sql]
  set err [read_file $errfile]
  file delete $errfile
  return [list $out $err]
}

# Compile a C program (or, with -shared, a library) for a test: `compile
# -o OUT SOURCE ... LIBS`. The compiler ($CC, else cc) runs with the
# project's warnings as errors and without the sanitizer runtime that
# `make asan` preloads into this process (and so into what it runs): only
# the programs under test need it.
proc compile {args} {
  set cc [expr {[info exists ::env(CC)] ? $::env(CC) : "cc"}]
  set preload [expr {[info exists ::env(LD_PRELOAD)] ? [list $::env(LD_PRELOAD)] : {}}]
  unset -nocomplain ::env(LD_PRELOAD)
  set rc [catch {exec $cc -std=c11 -Wall -Wextra -Werror {*}$args} msg]
  if {[llength $preload]} { set ::env(LD_PRELOAD) [lindex $preload 0] }
  if {$rc} { error $msg }
}
