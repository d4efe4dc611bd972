# SPDX-License-Identifier: MIT
# score-corpus.tcl -- pm_extract() against the corpus of release-style texts:
# the table of precision and recall per kind, in markdown, then every wrong
# placed row (and, with -v, every item of the truth it did not place).
#
#   tclsh tools/score-corpus.tcl build/pmext.so ?-v? ?CORPUS_DIR?
#   make score-corpus          (the same, through make; SCORE_FLAGS=-v)
#
# The texts, the truth and the matching rule: tests/extract/corpus/README.md.
# tests/extract_corpus.test asserts the thresholds on the same numbers.

package require sqlite3

set root [file normalize [file join [file dirname [info script]] ..]]
source [file join $root tests extract score.tcl]

set verbose 0
set dir [file join $root tests extract corpus]
set lib ""
foreach arg $argv {
  if {$arg eq "-v"} {
    set verbose 1
  } elseif {$lib eq ""} {
    set lib [file normalize $arg]
  } else {
    set dir [file normalize $arg]
  }
}
if {$lib eq ""} {
  puts stderr "usage: tclsh tools/score-corpus.tcl PATH/TO/pmext.so ?-v? ?CORPUS_DIR?"
  exit 2
}

sqlite3 db :memory:
db enable_load_extension 1
db eval {SELECT load_extension($lib)}

set s [corpus::run db $dir]
puts [corpus::table $s]
set wrong [corpus::false_rows $s]
puts "Wrong placed rows: [llength $wrong]"
foreach line $wrong { puts "  $line" }
if {$verbose} {
  set missed [corpus::missed $s]
  puts "\nNot placed: [llength $missed]"
  foreach line $missed { puts "  $line" }
}
db close
