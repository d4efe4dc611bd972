#!/bin/sh
# SPDX-License-Identifier: MIT
# check-layers.sh -- fail on an #include that goes the wrong way between the
# layers of ext/, or that closes a circle between the files of one folder
# (docs/architecture.md, "Layers").
#
#   sh tools/check-layers.sh [ROOT]      (ROOT: the repository, default .)
#
# The rules, each a line of the table in docs/architecture.md:
#   ext/math/   includes its own headers and the C library only: nothing
#               of sql/ or model/, no SQLite header, no sqlite3 name at all
#   ext/sql/    includes its own headers and math/
#   ext/model/  includes its own headers, sql/ and math/ (and the generated
#               model_builtin_sql.h); nothing of extract/
#   ext/extract/ includes its own headers, sql/ and math/; nothing of model/
#   ext/pmext.c the entry point includes the registrations sql/register.h,
#               model/register.h, extract/extract.h (and the generated
#               buildinfo.h); nothing includes it
#   ext/model/reader.c includes neither rules.h nor source.h, and rules.c
#               neither reader.h, builtin.h nor source.h: the reader
#               computes nothing, the rules read nothing
#   pg/, duckdb/, tests/unit/   the other builds of the maths and its unit
#               tests: their own headers, their engine's, and math/ only;
#               no SQLite header
# A quoted include names a header of its own folder ("args.h") or one of
# ext/ by its path from ext/ ("math/growth.h"); "../" is never used, and a
# bare name that is a header of another folder of ext/ is refused.
#
# Circles: inside each folder of ext/, a .c file depends on the .c files
# whose headers it includes, directly or through its folder's other headers
# (x.h stands for x.c). No file may depend on itself through others: in
# ext/model/ the reader, the rules, the source and the tables each lean
# only on what is below them.
#
# Prints each wrong include as FILE:LINE: reason, each circle as
# FOLDER: a circle of includes: a -> b -> a (the first one found), and
# exits 1 if there was one.
set -u
root=${1:-.}
cd "$root" || exit 2
[ -d ext/math ] && [ -d ext/sql ] && [ -d ext/model ] && [ -d ext/extract ] || {
  echo "check-layers: no ext/math, ext/sql, ext/model, ext/extract under $root" >&2
  exit 2
}

# One awk over every file: the layer of a file is its folder; a quoted
# header must exist (awk reads the list of ext/ files first).
files=$(ls ext/pmext.c ext/math/*.[ch] ext/sql/*.[ch] ext/model/*.[ch] \
  ext/extract/*.[ch] pg/*.[ch] duckdb/*.[ch] tests/unit/*.[ch] 2>/dev/null)
status=0
awk '
  function report(why) { print FILENAME ":" FNR ": " why; bad = 1 }
  function base(path,   b) { b = path; sub(/^.*\//, "", b); sub(/\.[ch]$/, "", b); return b }
  # Depth-first walk of the .c files of folder d; 1 when a circle is found.
  function walk(d, n, trail,   k, m, parts, path, ring, c, i, first) {
    state[d, n] = 1
    split(deps[d, n], parts, " ")
    for (k in parts) {
      m = parts[k]
      if (m == "" || !((d, m) in isc)) continue
      if (state[d, m] == 1) {
        # The circle from m back to m, shown from its first file in
        # alphabetical order (the same whatever order awk walks in).
        c = split(substr(trail " " n, index(trail " " n " ", " " m " ") + 1), ring, " ")
        first = 1
        for (i = 2; i <= c; i++) if (ring[i] < ring[first]) first = i
        path = ring[first]
        for (i = 1; i <= c; i++) path = path " -> " ring[(first + i - 1) % c + 1]
        print d ": a circle of includes: " path
        bad = 1
        return 1
      }
      if (state[d, m] == 0 && walk(d, m, trail " " n)) return 1
    }
    state[d, n] = 2
    return 0
  }
  # The own-folder headers reached from file f of folder d, as nodes.
  function reach(d, f, seen,   k, parts, h) {
    split(inc[d, f], parts, " ")
    for (k in parts) {
      h = parts[k]
      if (h == "" || (h in seen)) continue
      seen[h] = 1
      reach(d, "h:" h, seen)
    }
  }
  BEGIN {
    allowed["math"] = ""; allowed["sql"] = "math"
    allowed["model"] = "math sql"; allowed["extract"] = "math sql"
    allowed["top"] = "sql model extract"
    allowed["pg"] = "math"; allowed["duckdb"] = "math"; allowed["unit"] = "math"
    entry["sql/register.h"] = entry["model/register.h"] = entry["extract/extract.h"] = 1
    # Within ext/model/: the reader computes nothing and the rules read and
    # register nothing (a file of the model may include these only if not
    # named here).
    banned["ext/model/reader.c"] = " rules.h source.h "
    banned["ext/model/rules.c"] = " reader.h builtin.h source.h "
    while (("find ext pg duckdb tests/unit -type f 2>/dev/null" | getline path) > 0) {
      exists[path] = 1
      if (path ~ /^ext\/[a-z]+\/[^\/]+\.h$/) { b = path; sub(/^.*\//, "", b); inext[b] = path }
    }
  }
  FNR == 1 {
    layer = "top"
    if (FILENAME ~ /^ext\/math\//) layer = "math"
    else if (FILENAME ~ /^ext\/sql\//) layer = "sql"
    else if (FILENAME ~ /^ext\/model\//) layer = "model"
    else if (FILENAME ~ /^ext\/extract\//) layer = "extract"
    else if (FILENAME ~ /^pg\//) layer = "pg"
    else if (FILENAME ~ /^duckdb\//) layer = "duckdb"
    else if (FILENAME ~ /^tests\/unit\//) layer = "unit"
    dir = FILENAME; sub(/\/[^\/]*$/, "", dir)
    ext = FILENAME ~ /^ext\/[a-z]+\//
    if (ext && FILENAME ~ /\.c$/) { isc[dir, base(FILENAME)] = 1; cfiles[dir, base(FILENAME)] = 1 }
    outside = layer == "pg" || layer == "duckdb" || layer == "unit"
    me = (FILENAME ~ /\.h$/ ? "h:" : "") base(FILENAME) # a header, or its .c
  }
  /^[ \t]*#[ \t]*include[ \t]*["<]/ {
    h = $0; sub(/^[^"<]*["<]/, "", h); sub(/[">].*$/, "", h)
    quoted = $0 ~ /include[ \t]*"/
    if (h ~ /\.\.\//) { report("\"../\" in an include"); next }
    if (h == "pmext.c" || h ~ /\/pmext\.c$/) { report("nothing includes the entry point"); next }
    if (h ~ /^sqlite3.*\.h$/) {
      if (layer == "math" || outside) report(layer "/ includes no SQLite header")
      next
    }
    # <x/y.h> with x a folder of ext/ is held to the same rules as "x/y.h".
    if (!quoted && !(h ~ /^(math|sql|model|extract)\//)) next
    if (h ~ /\//) {
      from = h; sub(/\/.*/, "", from)
      if (outside && !(from == "math" || from == "sql" || from == "model" || from == "extract")) next
      if (layer == "top" && !(h in entry)) {
        report("the entry point includes only the registrations: sql/register.h, model/register.h, extract/extract.h")
      } else if (index(" " allowed[layer] " ", " " from " ") == 0) {
        ok = allowed[layer] == "" ? "its own folder only" : allowed[layer]
        report(layer " may not include " from "/ (allowed: " ok ")")
      } else if (!(("ext/" h) in exists)) report("no ext/" h)
      next
    }
    if ((layer == "top" || layer == "duckdb") && h == "buildinfo.h") next
    if (layer == "model" && h == "model_builtin_sql.h") next
    if (index(banned[FILENAME], " " h " ")) { report(FILENAME " may not include " h " (the reader reads, the rules compute)"); next }
    if ((dir "/" h) in exists) {
      if (ext) inc[dir, me] = inc[dir, me] " " base(h)
      next
    }
    if (h in inext) { report("\"" h "\" is not in " dir " (a header of ext/ goes by its path from ext/: \"" substr(inext[h], 5) "\")"); next }
    if (!outside) report("\"" h "\" is not in " dir " (another layer'"'"'s header goes by its path from ext/)")
    next
  }
  layer == "math" && /(^|[^A-Za-z0-9_])(sqlite3[_a-z0-9]*|SQLITE_[A-Z0-9_]*)([^A-Za-z0-9_]|$)/ {
    report("math/ uses no SQLite name")
  }
  END {
    # Each .c depends on every own-folder header it reaches.
    for (key in cfiles) {
      split(key, kk, SUBSEP)
      delete seen
      reach(kk[1], kk[2], seen)
      for (h in seen) if (h != kk[2]) deps[kk[1], kk[2]] = deps[kk[1], kk[2]] " " h
    }
    for (key in cfiles) {
      split(key, kk, SUBSEP)
      if (state[kk[1], kk[2]] == 0 && walk(kk[1], kk[2], "")) break
    }
    exit bad
  }
' $files || status=1
[ $status = 0 ] && echo "check-layers: ok (math <- sql <- model, extract <- pmext.c; no circle inside a folder; pg, duckdb, tests/unit on math)"
exit $status
