# SPDX-License-Identifier: MIT
# score.tcl -- score pm_extract() against the hand-made truth of the corpus
# of release-style texts (tests/extract/corpus/, described in its README.md).
#
# Sourced by tests/extract_corpus.test and tools/score-corpus.tcl; defines
# procedures only, in the namespace corpus::. The scoring works on plain
# lists, so its own tests can feed it made-up truth and rows:
#
#   corpus::read_truth PATH          truth items (dicts) of truth.tsv
#   corpus::read_text PATH           a text, read as UTF-8
#   corpus::extract_items DB FILE TEXT
#                                    pm_extract's rows of TEXT as items
#   corpus::score TRUTH ITEMS TEXTS  the counts (a dict, below); TEXTS maps
#                                    file name -> text (for 'printed' spans)
#   corpus::table SCORE              the table, in markdown
#   corpus::false_rows SCORE         one line per wrong placed item
#   corpus::missed SCORE             one line per truth item not placed
#
# The matching rule (README.md, "Matching"):
#   - a row of pm_extract is placed when its reason is NULL; a placed row
#     gives one item per fact it carries: a 'figure' with a value is a size,
#     a 'figure' with a share is a share (both when it has both), and
#     'cagr', 'dominant', 'fastest_growing' are their own kinds;
#   - a placed item is right when an item of the truth for the same file,
#     expected 'placed' and not yet taken, has the same kind, the same
#     dimension and segment after corpus::norm_name, and:
#       size   the same year, the same currency, and an amount within half
#              a unit of the truth's last printed digit, compared in the
#              currency's units (so 1,200 INR crore = 12 INR bn);
#       share  the same year and a fraction within half a unit of the
#              truth's last digit;
#       cagr   the same from_year and to_year and a rate (with its sign)
#              within half a unit of the truth's last digit;
#       dominant, fastest_growing: dimension and segment alone.
#     Items are taken in the order of the text; a placed item matching
#     only an item already taken is a repeat, and wrong.
#   - precision = right placed items / placed items; recall = truth items
#     expected 'placed' that a placed item took / those truth items;
#     per kind and overall.
#   - a truth item expected 'reason' (a range, an amount without a year)
#     is met when some row with a reason overlaps the span of its 'printed'
#     text (its first occurrence in the file); a placed item there is
#     counted wrong like any other unmatched placed item.

namespace eval corpus {
  variable kinds {size share cagr dominant fastest_growing}
  variable columns {file kind dimension segment year value share unit
                    from_year to_year expect printed}
}

# --- reading ------------------------------------------------------------------

proc corpus::read_text {path} {
  set fh [open $path r]
  fconfigure $fh -encoding utf-8
  set text [read $fh]
  close $fh
  return $text
}

# The truth file: a header line naming the columns (any order), then one
# tab-separated line per item; blank lines and lines starting with # are
# skipped. An empty cell is NULL. Each item is a dict of every column in
# corpus::columns plus 'line' (its line number); a missing column is an
# error naming it.
proc corpus::read_truth {path} {
  variable columns
  set lines [split [read_text $path] \n]
  set header [split [string trimright [lindex $lines 0] \r] \t]
  foreach col $columns {
    if {$col ni $header} { error "$path: the header has no column '$col'" }
  }
  set items {}
  set lineno 1
  foreach line [lrange $lines 1 end] {
    incr lineno
    set line [string trimright $line \r]
    if {[string trim $line] eq "" || [string index $line 0] eq "#"} continue
    set cells [split $line \t]
    if {[llength $cells] != [llength $header]} {
      error "$path:$lineno: [llength $cells] cells, the header has [llength $header]"
    }
    set item [dict create line $lineno]
    foreach col $header cell $cells { dict set item $col [string trim $cell] }
    lappend items $item
  }
  return $items
}

# --- normalising names and units -----------------------------------------

# A dimension or segment name as compared: lower case, without a trailing
# bracketed abbreviation ("Circulating tumor cells (CTCs)"), '&' as
# 'and', runs of spaces, '_', '-', '.', '/' and ',' as one space, trimmed;
# then the
# spellings of one geography as one name (U.S., US, USA -> united states;
# North American -> north america; APAC -> asia pacific; ...). NULL and
# the empty string are both "".
proc corpus::norm_name {name} {
  set s [string tolower [string trim $name]]
  regsub {\s*\([^()]*\)$} $s "" s
  set s [string map {& " and " ’ ' ‘ '} $s]
  regsub -all {[\s_.,/\-]+} $s " " s
  set s [string trim $s]
  set aliases {
    {u s} {united states} us {united states} usa {united states}
    {u s a} {united states} {united states of america} {united states}
    america {united states}
    {north american} {north america}
    european europe {asia pacific} {asia pacific} apac {asia pacific}
    {asia pacific region} {asia pacific} {asian pacific} {asia pacific}
    mea {middle east and africa} latam {latin america}
    {latin american} {latin america}
    uk {united kingdom} {u k} {united kingdom} britain {united kingdom}
    indian india worldwide global world global
  }
  if {[dict exists $aliases $s]} { set s [dict get $aliases $s] }
  return $s
}

# A unit '<currency> <scale>' as {CURRENCY MULTIPLIER}, or {} when either
# part is unknown. Currencies: USD (US$, $), INR (Rs, Rs., ₹), EUR (€),
# GBP (£), or any three letters as written. Scales: none, thousand/k,
# million/mn/m/mm, billion/bn/b, trillion/tn/t, lakh, crore/cr, lakh crore.
proc corpus::parse_unit {unit} {
  set unit [string trim $unit]
  if {$unit eq ""} { return {} }
  set parts [split [regsub -all {\s+} $unit " "] " "]
  set cur [lindex $parts 0]
  set scale [string tolower [join [lrange $parts 1 end] " "]]
  set currencies {USD USD US$ USD $ USD INR INR RS INR RS. INR ₹ INR
                  EUR EUR € EUR GBP GBP £ GBP}
  set key [string toupper $cur]
  if {[dict exists $currencies $key]} {
    set cur [dict get $currencies $key]
  } elseif {[regexp {^[A-Z]{3}$} $key]} {
    set cur $key
  } else {
    return {}
  }
  set scales {
    "" 1 thousand 1e3 k 1e3 million 1e6 mn 1e6 m 1e6 mm 1e6
    billion 1e9 bn 1e9 b 1e9 trillion 1e12 tn 1e12 t 1e12
    lakh 1e5 crore 1e7 cr 1e7 {lakh crore} 1e12
  }
  if {![dict exists $scales $scale]} { return {} }
  return [list $cur [dict get $scales $scale]]
}

# Half a unit in the last digit of a number as written ("14.2" -> 0.05).
proc corpus::half_digit {written} {
  set written [string trim $written]
  if {[regexp {\.(\d+)} $written -> frac]} {
    return [expr {0.5 * pow(10, -[string length $frac])}]
  }
  return 0.5
}

# --- pm_extract's rows as items ------------------------------------------

# Every row of pm_extract(TEXT) as items: dicts with file, kind (size,
# share, cagr, dominant, fastest_growing, or pm_extract's own kind for any
# other), dimension, segment, year, value, share, unit, from_year, to_year,
# reason, offset, length, match. NULL is "".
proc corpus::extract_items {db file text} {
  set items {}
  $db eval {
    SELECT kind, dimension, segment, year, value, share, unit, from_year,
           to_year, reason, offset, length, match
    FROM pm_extract($text) ORDER BY offset
  } row {
    set base [dict create file $file]
    foreach col {dimension segment year value share unit from_year to_year
                 reason offset length match} {
      set v $row($col)
      if {$v eq "NULL"} { set v "" }
      dict set base $col $v
    }
    if {$row(kind) eq "figure"} {
      set any 0
      if {[dict get $base value] ne ""} {
        lappend items [dict replace $base kind size share ""]
        set any 1
      }
      if {[dict get $base share] ne ""} {
        lappend items [dict replace $base kind share value "" unit ""]
        set any 1
      }
      if {!$any} { lappend items [dict replace $base kind size] }
    } else {
      lappend items [dict replace $base kind $row(kind)]
    }
  }
  return $items
}

# --- matching -------------------------------------------------------------

proc corpus::same_number {got want} {
  if {$got eq "" || $want eq ""} { return 0 }
  if {![string is double -strict $got] || ![string is double -strict $want]} {
    return 0
  }
  return [expr {abs($got - $want) <= [half_digit $want] + 1e-12 * abs($want)}]
}

proc corpus::same_year {got want} {
  if {$got eq "" || $want eq ""} { return [expr {$got eq $want}] }
  if {![string is double -strict $got] || ![string is double -strict $want]} {
    return 0
  }
  return [expr {$got == $want}]
}

proc corpus::same_amount {got got_unit want want_unit} {
  set g [parse_unit $got_unit]
  set w [parse_unit $want_unit]
  if {$g eq {} || $w eq {}} { return 0 }
  if {[lindex $g 0] ne [lindex $w 0]} { return 0 }
  if {![string is double -strict $got] || ![string is double -strict $want]} {
    return 0
  }
  set gv [expr {$got * [lindex $g 1]}]
  set wv [expr {$want * [lindex $w 1]}]
  set tol [expr {[half_digit $want] * [lindex $w 1] + 1e-9 * abs($wv)}]
  return [expr {abs($gv - $wv) <= $tol}]
}

# 1 when extracted item GOT states what truth item WANT states.
proc corpus::item_matches {got want} {
  if {[dict get $got kind] ne [dict get $want kind]} { return 0 }
  foreach col {dimension segment} {
    if {[norm_name [dict get $got $col]] ne [norm_name [dict get $want $col]]} {
      return 0
    }
  }
  switch -- [dict get $want kind] {
    size {
      return [expr {[same_year [dict get $got year] [dict get $want year]] &&
                    [same_amount [dict get $got value] [dict get $got unit] \
                         [dict get $want value] [dict get $want unit]]}]
    }
    share {
      return [expr {[same_year [dict get $got year] [dict get $want year]] &&
                    [same_number [dict get $got share] [dict get $want share]]}]
    }
    cagr {
      return [expr {[same_year [dict get $got from_year] [dict get $want from_year]] &&
                    [same_year [dict get $got to_year] [dict get $want to_year]] &&
                    [same_number [dict get $got value] [dict get $want value]]}]
    }
    default { return 1 }
  }
}

# The span {first last} (characters, from 1, as pm_extract's offsets) of
# the first occurrence of PRINTED in TEXT, or {} when it does not occur.
proc corpus::printed_span {text printed} {
  if {$printed eq ""} { return {} }
  set i [string first $printed $text]
  if {$i < 0} { return {} }
  return [list [expr {$i + 1}] [expr {$i + [string length $printed]}]]
}

proc corpus::overlaps {item span} {
  if {$span eq {} || [dict get $item offset] eq ""} { return 0 }
  set first [dict get $item offset]
  set last [expr {$first + [dict get $item length] - 1}]
  return [expr {$first <= [lindex $span 1] && $last >= [lindex $span 0]}]
}

# The score of ITEMS (extracted) against TRUTH. TEXTS: file -> text.
# Returns a dict:
#   kinds                the scoring kinds, then any other kind placed
#   truth,K placed,K right,K unreasoned,K   counts per kind K ('all' too);
#                        unreasoned: truth items not placed but returned
#                        by a row with a reason that otherwise matches
#   reasons reasons_met  truth items expected 'reason', and those met
#   false                wrong placed items, each {item why}
#   missed               truth items expected 'placed' not taken
#   unmet                truth items expected 'reason' not met
proc corpus::score {truth items texts} {
  variable kinds
  set s [dict create false {} missed {} unmet {} reasons 0 reasons_met 0]
  set all_kinds $kinds
  foreach k [concat $kinds all] {
    foreach c {truth placed right unreasoned} { dict set s $c,$k 0 }
  }
  # Truth items expected placed, by file, with a taken flag.
  set want {}
  set taken {}
  foreach t $truth {
    if {[dict get $t expect] ne "placed"} continue
    set k [dict get $t kind]
    dict incr s truth,$k
    dict incr s truth,all
    lappend want $t
    lappend taken 0
  }
  foreach it $items {
    if {[dict get $it reason] ne "" || [dict get $it kind] eq "percent"} continue
    set k [dict get $it kind]
    if {$k ni $all_kinds} {
      lappend all_kinds $k
      foreach c {truth placed right unreasoned} { dict set s $c,$k 0 }
    }
    dict incr s placed,$k
    dict incr s placed,all
    set found -1
    set repeat 0
    set i 0
    foreach t $want {
      if {[dict get $t file] eq [dict get $it file] && [item_matches $it $t]} {
        if {![lindex $taken $i]} { set found $i; break }
        set repeat 1
      }
      incr i
    }
    if {$found >= 0} {
      lset taken $found 1
      dict incr s right,$k
      dict incr s right,all
    } else {
      set why [expr {$repeat ? "repeats an item already placed" : "matches no item of the truth"}]
      dict lappend s false [list $it $why]
    }
  }
  # Missed items, and whether a row with a reason carried them.
  set i 0
  foreach t $want {
    if {![lindex $taken $i]} {
      set k [dict get $t kind]
      set carried 0
      foreach it $items {
        if {[dict get $it file] eq [dict get $t file] &&
            [dict get $it reason] ne "" &&
            [item_matches [dict replace $it reason ""] $t]} {
          set carried 1
          break
        }
      }
      if {$carried} {
        dict incr s unreasoned,$k
        dict incr s unreasoned,all
      }
      dict lappend s missed [list $t $carried]
    }
    incr i
  }
  # Items that must come back with a reason.
  foreach t $truth {
    if {[dict get $t expect] ne "reason"} continue
    dict incr s reasons
    set span [printed_span [dict get $texts [dict get $t file]] [dict get $t printed]]
    set met 0
    foreach it $items {
      if {[dict get $it file] eq [dict get $t file] &&
          [dict get $it reason] ne "" && [overlaps $it $span]} {
        set met 1
        break
      }
    }
    if {$met} { dict incr s reasons_met } else { dict lappend s unmet $t }
  }
  dict set s kinds $all_kinds
  return $s
}

# precision and recall of kind K in score S; "" when undefined (nothing
# placed, nothing to find).
proc corpus::precision {s k} {
  set p [dict get $s placed,$k]
  if {$p == 0} { return "" }
  return [expr {double([dict get $s right,$k]) / $p}]
}

proc corpus::recall {s k} {
  set t [dict get $s truth,$k]
  if {$t == 0} { return "" }
  return [expr {double([dict get $s right,$k]) / $t}]
}

# --- reporting ------------------------------------------------------------

proc corpus::fmt {x} {
  if {$x eq ""} { return "-" }
  return [format %.3f $x]
}

# The table of precision and recall, in markdown.
proc corpus::table {s} {
  set out "| kind | in the truth | placed | placed right | precision | recall | not placed, but in a row with a reason |\n"
  append out "|---|---:|---:|---:|---:|---:|---:|\n"
  foreach k [concat [dict get $s kinds] all] {
    set name [expr {$k eq "all" ? "**all**" : $k}]
    append out [format "| %s | %d | %d | %d | %s | %s | %d |\n" $name \
        [dict get $s truth,$k] [dict get $s placed,$k] [dict get $s right,$k] \
        [fmt [precision $s $k]] [fmt [recall $s $k]] [dict get $s unreasoned,$k]]
  }
  append out [format "\nItems that must come back with a reason (ranges, amounts without a year...): %d of %d do.\n" \
      [dict get $s reasons_met] [dict get $s reasons]]
  return $out
}

proc corpus::describe {it} {
  set where [dict get $it year]
  if {[dict get $it kind] eq "cagr"} {
    set where "[dict get $it from_year]-[dict get $it to_year]"
  }
  set amount [dict get $it value]
  if {[dict get $it kind] eq "share"} { set amount [dict get $it share] }
  if {[dict get $it unit] ne ""} { append amount " [dict get $it unit]" }
  string trimright [format "%s %s|%s %s %s" [dict get $it kind] \
      [dict get $it dimension] [dict get $it segment] $where $amount]
}

# One line per wrong placed item: the file, what was placed, where it was
# read, and why it is wrong.
proc corpus::false_rows {s} {
  set out {}
  foreach f [dict get $s false] {
    lassign $f it why
    lappend out [format "%s: %s  <- \"%s\" (offset %s): %s" [dict get $it file] \
        [describe $it] [dict get $it match] [dict get $it offset] $why]
  }
  return $out
}

# One line per truth item expected placed that no placed item took, and
# per item expected to come back with a reason that did not.
proc corpus::missed {s} {
  set out {}
  foreach m [dict get $s missed] {
    lassign $m t carried
    set note [expr {$carried ? "  (returned with a reason)" : ""}]
    lappend out [format "%s: %s  \"%s\"%s" [dict get $t file] [describe $t] \
        [dict get $t printed] $note]
  }
  foreach t [dict get $s unmet] {
    lappend out [format "%s: no row with a reason at \"%s\"" [dict get $t file] \
        [dict get $t printed]]
  }
  return $out
}

# --- the corpus -----------------------------------------------------------

# Every text of DIR (*.txt, by file name) as a dict file -> text.
proc corpus::read_texts {dir} {
  set texts [dict create]
  foreach path [lsort [glob -nocomplain -directory $dir *.txt]] {
    dict set texts [file tail $path] [read_text $path]
  }
  return $texts
}

# pm_extract on every text of DIR, scored against DIR/truth.tsv.
proc corpus::run {db dir} {
  set texts [read_texts $dir]
  set truth [read_truth [file join $dir truth.tsv]]
  set items {}
  dict for {file text} $texts {
    lappend items {*}[extract_items $db $file $text]
  }
  return [score $truth $items $texts]
}

# The digits of a number as written, without leading zeros ("0.0612" ->
# "612"); full-width digits count as digits.
proc corpus::digits {s} {
  set s [string map {０ 0 １ 1 ２ 2 ３ 3 ４ 4 ５ 5 ６ 6 ７ 7 ８ 8 ９ 9} $s]
  regsub -all {[^0-9]} $s "" s
  return [string trimleft $s 0]
}

# What is wrong with the truth itself, one line per problem (none: {}).
# Each item names a text of TEXTS, a known kind and expect, the columns
# its kind needs, and a 'printed' fragment that occurs in its text and
# holds the digits of its value or share (once in the text, for an item
# expected 'reason'). Every text has at least one item.
proc corpus::check_truth {truth texts} {
  variable kinds
  set problems {}
  set seen [dict create]
  foreach t $truth {
    set at "truth.tsv:[dict get $t line]"
    set file [dict get $t file]
    if {![dict exists $texts $file]} {
      lappend problems "$at: no text $file"
      continue
    }
    dict set seen $file 1
    set k [dict get $t kind]
    if {$k ni $kinds} { lappend problems "$at: unknown kind '$k'" }
    if {[dict get $t expect] ni {placed reason}} {
      lappend problems "$at: expect is '[dict get $t expect]', not placed or reason"
    }
    set printed [dict get $t printed]
    set text [dict get $texts $file]
    set first [string first $printed $text]
    if {$printed eq "" || $first < 0} {
      lappend problems "$at: printed '$printed' is not in $file"
      continue
    }
    if {[dict get $t expect] eq "reason"} {
      if {[string first $printed $text [expr {$first + 1}]] >= 0} {
        lappend problems "$at: printed '$printed' occurs twice in $file"
      }
      continue
    }
    set need {}
    switch -- $k {
      size  { set need {dimension segment year value unit}; set number value }
      share { set need {dimension segment year share}; set number share }
      cagr  { set need {dimension value from_year to_year}; set number value }
      default { set need {dimension segment}; set number "" }
    }
    foreach col $need {
      if {[dict get $t $col] eq ""} { lappend problems "$at: $k without $col" }
    }
    if {$k eq "size" && [parse_unit [dict get $t unit]] eq {}} {
      lappend problems "$at: unknown unit '[dict get $t unit]'"
    }
    if {$number ne "" && [dict get $t $number] ne ""} {
      set d [digits [dict get $t $number]]
      if {![string is double -strict [dict get $t $number]]} {
        lappend problems "$at: $number '[dict get $t $number]' is not a number"
      } elseif {[string first $d [digits $printed]] < 0} {
        lappend problems "$at: the digits $d of $number are not in '$printed'"
      }
    }
  }
  dict for {file text} $texts {
    if {![dict exists $seen $file]} { lappend problems "$file: no item in truth.tsv" }
  }
  return $problems
}
