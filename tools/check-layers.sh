#!/bin/sh
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
#               model_builtin_sql.h)
#   ext/pmext.c the entry point includes sql/register.h (and the generated
#               buildinfo.h); nothing includes it
# A quoted include names a header of its own folder ("args.h") or one of
# another layer by its path from ext/ ("math/growth.h"); "../" is never
# used. Prints each wrong include as FILE:LINE: reason, and exits 1 if
# there was one.
set -u
root=${1:-.}
cd "$root" || exit 2
[ -d ext/math ] && [ -d ext/sql ] && [ -d ext/model ] || {
  echo "check-layers: no ext/math, ext/sql, ext/model under $root" >&2
  exit 2
}

# allowed LAYER: the layers a file of LAYER may include from
allowed() {
  case $1 in
    math) echo "" ;;
    sql) echo "math" ;;
    model) echo "math sql" ;;
    top) echo "sql" ;;
  esac
}

status=0
for file in ext/pmext.c ext/math/*.[ch] ext/sql/*.[ch] ext/model/*.[ch]; do
  [ -e "$file" ] || continue
  case $file in
    ext/math/*) layer=math ;;
    ext/sql/*) layer=sql ;;
    ext/model/*) layer=model ;;
    *) layer=top ;;
  esac
  dir=$(dirname "$file")
  ok=$(allowed $layer)
  # "file:line:header" for each quoted or angle include
  found=$(awk '
    /^[ \t]*#[ \t]*include[ \t]*["<]/ {
      h = $0
      sub(/^[^"<]*["<]/, "", h)
      sub(/[">].*$/, "", h)
      q = ($0 ~ /include[ \t]*"/) ? "q" : "a"
      print FNR ":" q ":" h
    }' "$file")
  for entry in $found; do
    line=${entry%%:*}
    rest=${entry#*:}
    kind=${rest%%:*}
    header=${rest#*:}
    why=""
    case $header in
      *../*) why="\"../\" in an include" ;;
      pmext.c | */pmext.c) why="nothing includes the entry point" ;;
      sqlite3*.h)
        [ $layer = math ] && why="math/ includes no SQLite header" ;;
      */*)
        [ "$kind" = q ] || continue
        from=${header%%/*}
        case " $ok " in
          *" $from "*) [ -e "ext/$header" ] || why="no ext/$header" ;;
          *) why="$layer may not include $from/ (allowed: ${ok:-its own folder only})" ;;
        esac
        ;;
      *)
        [ "$kind" = q ] || continue
        case "$layer:$header" in
          top:buildinfo.h | model:model_builtin_sql.h) ;; # generated in build/
          *) [ -e "$dir/$header" ] ||
            why="\"$header\" is not in $dir (another layer's header goes by its path from ext/)" ;;
        esac
        ;;
    esac
    if [ -n "$why" ]; then
      echo "$file:$line: $why"
      status=1
    fi
  done
  if [ $layer = math ]; then
    names=$(grep -n '\bsqlite3[_a-z0-9]*\b\|\bSQLITE_[A-Z_]*\b' "$file" |
      grep -v '^[0-9]*:[ \t]*#[ \t]*include' | cut -d: -f1)
    for line in $names; do
      echo "$file:$line: math/ uses no SQLite name"
      status=1
    done
  fi
done
[ $status = 0 ] && echo "check-layers: ok (math <- sql <- model <- pmext.c)"
exit $status
