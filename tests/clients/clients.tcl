# SPDX-License-Identifier: MIT
# clients.tcl -- shared by tests/clients/*.test: the recipes of
# docs/clients.md as data, and running them.
#
#   client_block LANG NEEDLE   {body output} of the one ```LANG block of
#                              docs/clients.md that contains NEEDLE; output
#                              is the ```output block right after it, if any
#   client_sh NAME NEEDLE      run every "$ command" line of the ```sh block
#                              containing NEEDLE with sh in the source tree;
#                              each command's stdout must equal the lines
#                              written under it (one do_test per command)
#   client_path TEXT           TEXT with ./build/pmext pointing at the
#                              library under test
#   client_run ?-env {K V ..}? ?-in TEXT? ARGS
#                              exec ARGS in the source tree; {code stdout
#                              stderr}
#   client_tmpdir NAME         a fresh directory build/clients/NAME
#   client_trouble CLIENT MESSAGE
#                              1 if docs/troubleshooting.md's table of
#                              refusals has a row for CLIENT (the start of
#                              its first cell) with exactly MESSAGE

proc client_blocks {} {
  set blocks {}
  set lang ""
  foreach line [split [read_file [file join $::pmext_root docs clients.md]] \n] {
    if {$lang eq "" && [regexp {^```(\w+)\s*$} $line -> lang]} {
      set body ""
    } elseif {$lang ne "" && [regexp {^```\s*$} $line]} {
      if {$lang eq "output" && [llength $blocks]} {
        lset blocks end 2 $body
      } else {
        lappend blocks [list $lang $body ""]
      }
      set lang ""
    } elseif {$lang ne ""} {
      append body $line \n
    }
  }
  return $blocks
}

proc client_block {lang needle} {
  set found {}
  foreach block [client_blocks] {
    lassign $block l body output
    if {$l eq $lang && [string first $needle $body] >= 0} {
      lappend found [list $body $output]
    }
  }
  if {[llength $found] != 1} {
    error "docs/clients.md: [llength $found] ```$lang blocks contain '$needle' (want 1)"
  }
  return [lindex $found 0]
}

proc client_path {text} {
  string map [list ./build/pmext [file rootname $::PMEXT_LIB]] $text
}

proc client_tmpdir {name} {
  set dir [file join $::pmext_root build clients $name]
  file delete -force $dir
  file mkdir $dir
  return $dir
}

proc client_run {args} {
  set env {}
  set input ""
  while {[string match -* [lindex $args 0]]} {
    set args [lassign $args opt value]
    switch -- $opt {
      -env { set env $value }
      -in  { set input $value }
      default { error "client_run: unknown option $opt" }
    }
  }
  set saved {}
  foreach {k v} $env {
    lappend saved $k [expr {[info exists ::env($k)] ? [list 1 $::env($k)] : 0}]
    set ::env($k) $v
  }
  set errfile [file join $::pmext_root build clients stderr.txt]
  file mkdir [file dirname $errfile]
  set here [pwd]
  cd $::pmext_root
  set code [catch {exec {*}$args << $input 2> $errfile} out]
  cd $here
  foreach {k was} $saved {
    if {[lindex $was 0]} { set ::env($k) [lindex $was 1] } else { unset ::env($k) }
  }
  set err [read_file $errfile]
  file delete $errfile
  # On a non-zero exit, exec appends its own note to the program's stdout.
  if {$code} { regsub {\n?child process exited abnormally$} $out {} out }
  return [list $code $out $err]
}

proc client_sh {name needle args} {
  lassign [client_block sh $needle] body
  set commands {}
  foreach line [split $body \n] {
    if {[regexp {^\$ (.*)$} $line -> cmd]} {
      lappend commands [list $cmd ""]
    } elseif {[llength $commands]} {
      lset commands end 1 "[lindex $commands end 1]$line\n"
    }
  }
  set i 0
  foreach c $commands {
    lassign $c cmd expected
    incr i
    lassign [client_run {*}$args sh -c [client_path $cmd]] code out err
    if {[string trimright $out] ne [string trimright $expected]} {
      puts "  ($name.$i: `$cmd` exited with $code; stderr: [string trim $err])"
    }
    do_test $name.$i [list string trimright $out] [string trimright $expected]
  }
}

proc client_trouble {client message} {
  set text [read_file [file join $::pmext_root docs troubleshooting.md]]
  foreach line [split $text \n] {
    set cells [split [string trim $line |] |]
    if {[llength $cells] < 3} continue
    set name [string trim [lindex $cells 0]]
    set msg [string trim [lindex $cells 1]]
    if {[string first $client $name] == 0 && $msg eq "`$message`"} { return 1 }
  }
  return 0
}

# A database file at PATH with a one-report model input and a stored
# pm_model table `market_model` over it (what a BI user's schema browser
# should list); 0 with a loud SKIP line when this build has no pm_model.
proc client_stored_model {path test} {
  reset_db
  if {![have_module pm_model $test]} { return 0 }
  file delete $path
  db eval {ATTACH $path AS stored}
  db eval {
    CREATE TABLE stored.reports(report, market, publisher, published, unit, url);
    CREATE TABLE stored.figures(report, dimension, segment, year, value, share, decimals, note);
    CREATE TABLE stored.claims(report, kind, dimension, segment, value, from_year, to_year, note);
    INSERT INTO stored.reports VALUES ('r1', 'widgets', 'Acme', 2024, 'USD bn', NULL);
    INSERT INTO stored.figures VALUES
      ('r1', 'market', 'Global', 2024, 100, NULL, NULL, NULL),
      ('r1', 'market', 'Global', 2034, 200, NULL, NULL, NULL);
    CREATE VIRTUAL TABLE stored.market_model USING pm_model;
    DETACH stored;
  }
  return 1
}
