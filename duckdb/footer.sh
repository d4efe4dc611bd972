#!/bin/sh
# SPDX-License-Identifier: MIT
# footer.sh -- append the metadata footer DuckDB reads before it loads an
# extension file:
#
#   sh duckdb/footer.sh FILE PLATFORM EXTENSION_VERSION
#
# The footer (534 bytes) is a WebAssembly custom section named
# "duckdb_signature": byte 0, its length 531 as LEB128 (0x93 0x04), the
# name's length 16 and the name, the payload length 512 as LEB128
# (0x80 0x04), then eight fields of 32 bytes, zero-padded, written last
# field first: (1) the magic "4", (2) the platform (linux_amd64, ...), (3)
# the C API version the extension needs (v1.2.0), (4) the extension's
# version, (5) the ABI type C_STRUCT (C API, any DuckDB with that API
# version or later), (6-8) empty; and a 256-byte signature, zeros here (an
# unsigned extension: DuckDB loads it with allow_unsigned_extensions).
set -eu
file=$1
platform=$2
version=$3
capi=v1.2.0
field() { # the text, then zeros up to 32 bytes
  [ ${#1} -le 32 ] || { echo "footer.sh: field longer than 32 bytes: $1" >&2; exit 1; }
  printf '%s' "$1"
  head -c $((32 - ${#1})) /dev/zero
}
{
  printf '\000\223\004\020duckdb_signature\200\004'
  for f in "" "" "" C_STRUCT "$version" "$capi" "$platform" 4; do field "$f"; done
  head -c 256 /dev/zero
} >> "$file"
