/* SPDX-License-Identifier: MIT */
/*
** extract_scan.c -- the tokeniser of pm_extract() (extract_scan.h).
**
** Numbers: digits, optionally grouped by commas in threes ("1,094.83";
** "2024, 2025" is two numbers and a comma), optionally a decimal point
** followed by digits. More than 15 digits is not read as a number (an
** identifier, not an amount): below that, digits / 10^decimals is exact
** division of exact doubles, so "11.37" gives the double nearest 11.37 and
** a percentage read as digits / 10^(decimals + 2) the double nearest
** 0.1137, the same as the literal.
**
** Multi-byte UTF-8: the euro sign, the pound sign and the en and em dashes
** are tokens; the no-break space is a space; every other non-ASCII byte is
** part of a word. Characters are counted as SQLite counts them: every byte
** that is not a UTF-8 continuation byte starts one.
*/
#include "extract_scan.h"

SQLITE_EXTENSION_INIT3

#define MAX_DIGITS 15

void es_init(es_scanner *s, const char *text, sqlite3_int64 n) {
  s->text = (const unsigned char *)text;
  s->n = n;
  s->pos = 0;
  s->chars = 0;
  s->space_before = 1;
}

static int at(const es_scanner *s, sqlite3_int64 i) {
  return i < s->n ? s->text[i] : -1;
}

static void advance(es_scanner *s, sqlite3_int64 bytes) {
  for (sqlite3_int64 i = 0; i < bytes && s->pos < s->n; i++) {
    if ((s->text[s->pos] & 0xC0) != 0x80) s->chars++;
    s->pos++;
  }
}

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_alpha(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Bytes of a special multi-byte sequence at i: the no-break space (kind
** ' '), euro and pound signs ('$' with the code), dashes ('-'); 0 if none. */
static int special_utf8(const es_scanner *s, sqlite3_int64 i, int *kind,
                        const char **code) {
  int a = at(s, i), b = at(s, i + 1), c = at(s, i + 2);
  if (a == 0xC2 && b == 0xA0) { *kind = ' '; return 2; }
  if (a == 0xC2 && b == 0xA3) { *kind = '$'; *code = "GBP"; return 2; }
  if (a == 0xE2 && b == 0x82 && c == 0xAC) {
    *kind = '$';
    *code = "EUR";
    return 3;
  }
  if (a == 0xE2 && b == 0x80 && (c == 0x93 || c == 0x94)) {
    *kind = '-';
    return 3;
  }
  return 0;
}

/* A word byte: ASCII letter or a non-ASCII byte that starts no special
** sequence. */
static int word_byte(const es_scanner *s, sqlite3_int64 i) {
  int c = at(s, i), kind;
  const char *code;
  if (is_alpha(c)) return 1;
  return c >= 0x80 && !special_utf8(s, i, &kind, &code);
}

static void scan_word(es_scanner *s, es_token *t) {
  t->type = ES_WORD;
  for (;;) {
    if (word_byte(s, s->pos)) {
      advance(s, 1);
    } else if ((at(s, s->pos) == '-' || at(s, s->pos) == '\'') &&
               word_byte(s, s->pos + 1)) {
      advance(s, 1); /* Asia-Pacific, region's */
    } else {
      return;
    }
  }
}

static void scan_number(es_scanner *s, es_token *t) {
  sqlite3_int64 digits = 0;
  int count = 0, decimals = 0, plain = 1, run = 0;
  while (is_digit(at(s, s->pos))) {
    if (count < MAX_DIGITS + 1) digits = digits * 10 + (at(s, s->pos) - '0');
    count++;
    run++;
    advance(s, 1);
  }
  /* Thousands groups: a comma and exactly three digits, after a first run
  ** of one to three digits. */
  while (run <= 3 && at(s, s->pos) == ',' && is_digit(at(s, s->pos + 1)) &&
         is_digit(at(s, s->pos + 2)) && is_digit(at(s, s->pos + 3)) &&
         !is_digit(at(s, s->pos + 4))) {
    advance(s, 1);
    for (int k = 0; k < 3; k++) {
      if (count < MAX_DIGITS + 1) digits = digits * 10 + (at(s, s->pos) - '0');
      count++;
      advance(s, 1);
    }
    plain = 0;
  }
  if (at(s, s->pos) == '.' && is_digit(at(s, s->pos + 1))) {
    advance(s, 1);
    plain = 0;
    while (is_digit(at(s, s->pos))) {
      if (count < MAX_DIGITS + 1) digits = digits * 10 + (at(s, s->pos) - '0');
      count++;
      decimals++;
      advance(s, 1);
    }
  }
  if (count > MAX_DIGITS) {
    t->type = ES_OTHER;
    return;
  }
  double scale = 1.0;
  for (int k = 0; k < decimals; k++) scale *= 10.0;
  t->type = ES_NUMBER;
  t->digits = digits;
  t->decimals = decimals;
  t->plain = plain;
  t->value = (double)digits / scale;
}

void es_next(es_scanner *s, es_token *t) {
  int kind;
  const char *code = 0;
  /* Skip spaces (not line ends). */
  for (;;) {
    int c = at(s, s->pos), n;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      advance(s, 1);
      s->space_before = 1;
    } else if ((n = special_utf8(s, s->pos, &kind, &code)) && kind == ' ') {
      advance(s, n);
      s->space_before = 1;
    } else {
      break;
    }
  }
  t->attached = !s->space_before;
  s->space_before = 0;
  t->start = s->pos;
  t->cstart = s->chars;
  t->currency = 0;
  int c = at(s, s->pos), n;
  if (c < 0) {
    t->type = ES_END;
  } else if (is_digit(c)) {
    scan_number(s, t);
  } else if ((n = special_utf8(s, s->pos, &kind, &code)) != 0) {
    t->type = kind == '$' ? ES_CURRENCY : ES_DASH;
    t->currency = code;
    advance(s, n);
  } else if (word_byte(s, s->pos)) {
    scan_word(s, t);
  } else {
    advance(s, 1);
    switch (c) {
      case '%': t->type = ES_PERCENT; break;
      case '$': t->type = ES_CURRENCY; t->currency = "USD"; break;
      case '|': t->type = ES_PIPE; break;
      case '\n': t->type = ES_EOL; s->space_before = 1; break;
      case '-': t->type = ES_DASH; break;
      case ',': t->type = ES_COMMA; break;
      case '(': t->type = ES_OPEN; break;
      case ')': t->type = ES_CLOSE; break;
      case '.': case '!': case '?': {
        int next = at(s, s->pos);
        t->type = next < 0 || next == ' ' || next == '\n' || next == '\r' ||
                          next == '\t' || next == 0xC2
                      ? ES_STOP
                      : ES_OTHER;
        break;
      }
      default: t->type = ES_OTHER; break;
    }
  }
  t->end = s->pos;
  t->cend = s->chars;
}

int es_word_is(const es_scanner *s, const es_token *t, const char *word) {
  if (t->type == ES_END) return 0;
  sqlite3_int64 len = t->end - t->start;
  for (sqlite3_int64 i = 0; i < len; i++) {
    int a = s->text[t->start + i], b = (unsigned char)word[i];
    if (!b) return 0;
    if (a >= 'A' && a <= 'Z') a += 'a' - 'A';
    if (b >= 'A' && b <= 'Z') b += 'a' - 'A';
    if (a != b) return 0;
  }
  return word[len] == 0;
}

int es_is_year(const es_token *t) {
  return t->type == ES_NUMBER && t->plain && t->end - t->start == 4 &&
         t->digits >= 1900 && t->digits <= 2199;
}
