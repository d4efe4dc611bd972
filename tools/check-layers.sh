#!/bin/sh
# SPDX-License-Identifier: MIT
# check-layers.sh -- fail on an #include that goes the wrong way between the
# layers of ext/ (docs/architecture.md, "Layers").
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
#   ext/pmext.c the entry point includes sql/register.h (and the generated
#               buildinfo.h); nothing includes it
# A quoted include names a header of its own folder ("args.h") or one of
# another layer by its path from ext/ ("math/growth.h"); "../" is never
# used. Prints each wrong include as FILE:LINE: reason, and exits 1 if
# there was one.
set -u
root=${1:-.}
cd "$root" || exit 2
[ -d ext/math ] && [ -d ext/sql ] && [ -d ext/model ] && [ -d ext/extract ] || {
  echo "check-layers: no ext/math, ext/sql, ext/model, ext/extract under $root" >&2
  exit 2
}

# One awk over every file: the layer of a file is its folder; a quoted
# header must exist (awk reads the list of ext/ files first).
files=$(ls ext/pmext.c ext/math/*.[ch] ext/sql/*.[ch] ext/model/*.[ch] ext/extract/*.[ch] 2>/dev/null)
status=0
awk '
  function report(why) { print FILENAME ":" FNR ": " why; bad = 1 }
  BEGIN {
    allowed["math"] = ""; allowed["sql"] = "math"
    allowed["model"] = "math sql"; allowed["extract"] = "math sql"
    allowed["top"] = "sql"
    while (("find ext -type f" | getline path) > 0) exists[path] = 1
  }
  FNR == 1 {
    layer = "top"
    if (FILENAME ~ /^ext\/math\//) layer = "math"
    else if (FILENAME ~ /^ext\/sql\//) layer = "sql"
    else if (FILENAME ~ /^ext\/model\//) layer = "model"
    else if (FILENAME ~ /^ext\/extract\//) layer = "extract"
    dir = FILENAME; sub(/\/[^\/]*$/, "", dir)
  }
  /^[ \t]*#[ \t]*include[ \t]*["<]/ {
    h = $0; sub(/^[^"<]*["<]/, "", h); sub(/[">].*$/, "", h)
    quoted = $0 ~ /include[ \t]*"/
    if (h ~ /\.\.\//) { report("\"../\" in an include"); next }
    if (h == "pmext.c" || h ~ /\/pmext\.c$/) { report("nothing includes the entry point"); next }
    if (h ~ /^sqlite3.*\.h$/) {
      if (layer == "math") report("math/ includes no SQLite header")
      next
    }
    if (!quoted) next
    if (h ~ /\//) {
      from = h; sub(/\/.*/, "", from)
      if (index(" " allowed[layer] " ", " " from " ") == 0) {
        ok = allowed[layer] == "" ? "its own folder only" : allowed[layer]
        report(layer " may not include " from "/ (allowed: " ok ")")
      } else if (!(("ext/" h) in exists)) report("no ext/" h)
      next
    }
    if ((layer == "top" && h == "buildinfo.h") || (layer == "model" && h == "model_builtin_sql.h")) next
    if (!((dir "/" h) in exists))
      report("\"" h "\" is not in " dir " (another layer'"'"'s header goes by its path from ext/)")
    next
  }
  layer == "math" && /(^|[^A-Za-z0-9_])(sqlite3[_a-z0-9]*|SQLITE_[A-Z_]*)([^A-Za-z0-9_]|$)/ {
    report("math/ uses no SQLite name")
  }
  END { exit bad }
' $files || status=1
[ $status = 0 ] && echo "check-layers: ok (math <- sql <- model, extract <- pmext.c)"
exit $status
