# SPDX-License-Identifier: MIT
# all.tcl -- run every tests/*.test against one build of the extension.
#
#   tclsh tests/all.tcl build/pmext.so ?PATTERN?
#
# PATTERN (a glob, default *) picks test files by name: `growth*`.
# Prints one line per file and closes with exactly "N passed, N failed";
# exits non-zero when a test failed, a file died or nothing ran.

if {[llength $argv] < 1} {
  puts stderr "usage: tclsh tests/all.tcl PATH/TO/pmext.so ?PATTERN?"
  exit 2
}
set ::PMEXT_LIB [file normalize [lindex $argv 0]]
set pattern [expr {[llength $argv] > 1 ? [lindex $argv 1] : "*"}]
if {![file exists $::PMEXT_LIB]} {
  puts stderr "all.tcl: no extension at $::PMEXT_LIB (run make first)"
  exit 2
}

set here [file dirname [file normalize [info script]]]
source [file join $here tester.tcl]

foreach testfile [lsort [glob -directory $here $pattern.test]] {
  set before_pass $::pmext_passed
  set before_fail $::pmext_failed
  if {[catch {source $testfile} err]} {
    pmext_fail [file tail $testfile] "the file died: $err\n$::errorInfo"
  }
  catch {db close}
  puts [format "%-24s %4d passed, %d failed" [file tail $testfile] \
      [expr {$::pmext_passed - $before_pass}] \
      [expr {$::pmext_failed - $before_fail}]]
}

if {$::pmext_accuracy_skipped > 0} {
  puts "valgrind: $::pmext_accuracy_skipped accuracy comparisons not made (long double)"
}
if {$::pmext_failed > 0} {
  puts "failures: [join $::pmext_failures {, }]"
}
puts "$::pmext_passed passed, $::pmext_failed failed"
exit [expr {($::pmext_failed > 0 || $::pmext_passed == 0) ? 1 : 0}]
