# SPDX-License-Identifier: MIT
# driver.tcl -- shared by the tests of the builds this tclsh cannot load
# (windows.test, musl.test, aarch64.test): running tests/c/pmext-run.c's
# program for the target, and the checks every such build must pass.
#
#   driver_run COMMAND LIB STATEMENTS ?MAP?
#       runs COMMAND (a list: the program, or e.g. wine or qemu and the
#       program) with LIB and a file of STATEMENTS (one each); MAP, a
#       command prefix, turns a path of this machine into the target's
#       (wine: Z:\...). Returns {exit-code {result-text ...}}, one text per
#       statement, as sqltext.c renders it (real:..., text:..., null,
#       error CODE MESSAGE).
#   wine_command BDIR, winpath PATH
#       the Windows driver of build directory BDIR under wine (its own
#       WINEPREFIX there), and a path of this machine as Windows sees it
#   driver_checks NAME COMMAND LIB ?MAP?
#       the tests every build for another platform passes, named
#       packages-NAME-run.N: it loads and pmext_version() is VERSION; each
#       mpmath vector of tests/vectors/growth.tsv within the 4 ulp
#       growth.test holds the native build to (NULL where NULL is
#       expected); each result within the same 4 ulp of this machine's
#       build (NULL where it is NULL); the model and an error message as
#       here: the report's North America 2034 figure (492.24), the three
#       failing audit checks of the README, and cagr('abc', 1, 2)'s error
#       naming function, argument and value.

proc driver_run {command lib statements {map {}}} {
  set file [file join $::pmext_root build packages driver-[pid].sql]
  file mkdir [file dirname $file]
  set fh [open $file w]
  puts $fh [join $statements \n]
  close $fh
  if {$map ne ""} {
    set lib [{*}$map $lib]
    set arg [{*}$map $file]
  } else {
    set arg $file
  }
  lassign [client_run {*}$command $lib $arg] code out err
  file delete $file
  set results {}
  foreach line [split [string map {"\r" ""} $out] \n] {
    if {[regexp {^== \d+$} $line]} {
      lappend results ""
    } elseif {[llength $results]} {
      lset results end [string trimleft "[lindex $results end]\n$line" \n]
    }
  }
  if {$code} { puts "  ([lindex $command 0] $lib: exit $code: [string trim $err])" }
  list $code [lmap r $results {string trimright $r \n}]
}

proc wine_command {bdir} {
  list env WINEPREFIX=[file join $bdir wine] WINEDEBUG=-all WINEDLLOVERRIDES=mscoree,mshtml= \
      wine [file join $bdir windows pmext-run.exe]
}
proc winpath {path} { return "Z:[string map {/ \\} $path]" }

proc driver_checks {name command lib {map {}}} {
  set version [string trim [read_file [file join $::pmext_root VERSION]]]
  do_test packages-$name-run.1 {
    driver_run $command $lib {{SELECT pmext_version()}} $map
  } [list 0 [list text:$version]]

  # The vectors, in one run.
  set statements {}
  set expected {}
  set fh [open [file join $::pmext_root tests vectors growth.tsv]]
  while {[gets $fh line] >= 0} {
    lassign [split $line \t] func args want
    lappend statements "SELECT $func\([join [split $args ,] {, }])"
    lappend expected $want
  }
  close $fh
  lassign [driver_run $command $lib $statements $map] code results
  do_test packages-$name-run.2 {list $code [llength $results] [expr {[llength $statements] >= 600}]} \
      [list 0 [llength $statements] 1]
  set far {}
  foreach sql $statements want $expected got $results {
    if {$want eq "NULL"} {
      if {$got ne "null"} { lappend far "$sql: expected NULL, got \[$got\]" }
    } elseif {![regexp {^real:(.*)$} $got -> value]} {
      lappend far "$sql: expected a number near $want, got \[$got\]"
    } elseif {[set ulps [ulp_distance $value [expr {double($want)}]]] > 4} {
      lappend far "$sql: got $value, expected $want: $ulps ulp apart (max 4)"
    }
  }
  do_test packages-$name-run.3 {set far} {}
  reset_db
  do_test packages-$name-run.4 {
    set apart {}
    foreach sql $statements got $results {
      set here [db onecolumn $sql]
      if {$here eq "NULL" && $got eq "null"} continue
      if {$here eq "NULL" || ![regexp {^real:(.*)$} $got -> value] ||
          [ulp_distance $value $here] > 4} {
        lappend apart "$sql: $name $got, here $here"
      }
    }
    set apart
  } {}

  do_test packages-$name-run.5 {
    driver_run $command $lib {
      {SELECT value_usd_bn FROM pm_segments WHERE segment = 'North America' AND year = 2034}
      {SELECT "check", subject FROM pm_audit WHERE status = 'fail' ORDER BY 1, 2}
      {SELECT cagr('abc', 1, 2)}
    } $map
  } {0 {real:492.24000000000001 {text:fastest_growing|text:Asia-Pacific
text:stated_cagr|text:Global 2025-2034
text:stated_cagr_size|text:Global 2034} {error 1 cagr(): start_value is not a number: 'abc'}}}
}
