/* SPDX-License-Identifier: MIT */
/*
** names.c -- how the model engine compares names: dimensions, segments
** and markets are the same name when their keys are equal (docs/model.md,
** "Names").
**
** The key of a name: ASCII letters in lower case; every run of blanks
** (space, tab, line breaks, U+00A0, U+2009, U+202F), hyphens and dashes
** ('-', '_', U+2010..U+2015) one space, none at either end; full stops
** dropped. So "Asia Pacific", "Asia-Pacific", "asia_pacific" and
** " ASIA  PACIFIC " have one key, and "U.S." and "US" another. Any other
** byte is kept as it is (letters outside ASCII are not folded). The
** printed name is what tables show; the key is only compared.
*/
#include "names.h"

#include <string.h>

/* Length of the separator at p (a blank, a hyphen or a dash), or 0. */
static size_t separator(const unsigned char *p) {
  if (*p == ' ' || (*p >= '\t' && *p <= '\r') || *p == '-' || *p == '_') {
    return 1;
  }
  if (p[0] == 0xC2 && p[1] == 0xA0) return 2; /* U+00A0 no-break space */
  if (p[0] == 0xE2 && p[1] == 0x80 &&
      ((p[2] >= 0x90 && p[2] <= 0x95) || p[2] == 0x89 || p[2] == 0xAF)) {
    return 3; /* U+2010..U+2015 dashes, U+2009 thin, U+202F narrow space */
  }
  return 0;
}

/* Writes the key of name into out (room for strlen(name) + 1 bytes: a key
** is never longer than its name); returns its length. */
static size_t name_key(const char *name, char *out) {
  const unsigned char *p = (const unsigned char *)name;
  size_t n = 0;
  int pending = 0; /* a separator seen since the last byte written */
  while (*p) {
    size_t sep = separator(p);
    if (sep) {
      pending = n > 0;
      p += sep;
      continue;
    }
    if (*p == '.') {
      p++;
      continue;
    }
    if (pending) out[n++] = ' ';
    pending = 0;
    out[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + ('a' - 'A') : *p);
    p++;
  }
  out[n] = 0;
  return n;
}

const char *model_name_key(model_set *set, const char *name) {
  char *key = model_alloc(set, strlen(name) + 1);
  if (key) name_key(name, key);
  return key;
}

