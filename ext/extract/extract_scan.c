/* SPDX-License-Identifier: MIT */
/*
** extract_scan.c -- the tokeniser of pm_extract() (extract_scan.h).
**
** Characters are read as SQLite counts them (its substr(), length()): a
** byte from 0xC0 up together with every continuation byte (0x80..0xBF)
** after it is one character, and any other byte is one character, a stray
** continuation byte too -- or, as SQLite counts from 3.54, a stray
** continuation byte with the continuation bytes after it (the scanner is
** told which, es_init()). A character whose bytes are valid UTF-8 is
** classified by its code point; one that is not counts as a letter (the
** bytes of a text in another encoding stay inside their word).
**
** Classes: spaces (also the no-break, thin, narrow no-break and the other
** Unicode spaces, and the zero-width ones), line ends (also U+2028,
** U+2029), digits (also the full-width ones), letters (of any script),
** the percent sign (and the full-width one), currency signs ($ and the
** full-width dollar for USD, the euro, pound and rupee signs), dashes
** (hyphen-minus, the Unicode hyphens and dashes, the minus signs U+2212
** and U+FE63, which are marked as minus), commas (also the full-width and
** ideographic ones, and U+201A, a comma's look-alike), and the rest as
** punctuation.
**
** Numbers: digits, then optionally groups, then optionally a decimal
** point and digits.
**   - Groups: one separator used throughout, each followed by a digit.
**     Western grouping: a first run of one to three digits, then groups of
**     three ("1,094.83"); separators the comma, U+201A, the full-width
**     comma, or the no-break, thin and narrow no-break spaces ("1 234").
**     Indian grouping: a first run of one or two digits, groups of two and
**     a last group of three ("1,23,456.7"), with the comma separators.
**   - Decimal point: '.', U+2024 (one dot leader), the full-width full
**     stop, or the middle dot, followed by a digit.
**   - A number whose comma-separated groups fit neither grouping, one
**     followed by another point or separator and digits ("1.2.3",
**     "11,7"), one glued to digits by other punctuation ("11‧7"), or one
**     of more than 15 digits, is one token marked malformed: it is never
**     read as a value. Below 16 digits, digits / 10^decimals is exact
**     division of exact doubles, so "11.37" gives the double nearest
**     11.37, and a percentage read as digits / 10^(decimals + 2) the double
**     nearest 0.1137, the same as the literal.
**   - With space separators a grouping that does not hold is no grouping:
**     "2024 120" is two numbers.
**
** Sentences: '.', '!', '?' (and the ideographic and full-width stops, the
** ellipsis, U+2024 used as a full stop) end one when a space, a line end or the end of the text
** follows (closing quotes and brackets between are allowed), except after
** an initialism ("U.S.", "e.g.") and after "Rs", "approx", "vs", "est",
** "viz" and "incl".
*/
#include "extract_scan.h"

#include <string.h>

SQLITE_EXTENSION_INIT3

#define MAX_DIGITS 15

void es_init(es_scanner *s, const char *text, sqlite3_int64 n, int stray_runs) {
  s->text = (const unsigned char *)text;
  s->stray_runs = stray_runs;
  s->n = n;
  s->pos = 0;
  s->chars = 0;
  s->space_before = 1;
  memset(&s->prev, 0, sizeof s->prev);
  s->prev.type = ES_EOL;
  s->prev2 = s->prev;
}

/* --- characters ------------------------------------------------------------ */

#define CP_END (-2)     /* past the end of the text */
#define CP_INVALID (-1) /* bytes that are no valid UTF-8 */

/* The character at byte i: its code point (CP_END, CP_INVALID) and its
** length in bytes, as SQLite delimits characters. */
static int char_at(const es_scanner *s, sqlite3_int64 i, int *len) {
  if (i >= s->n) {
    *len = 0;
    return CP_END;
  }
  int b = s->text[i];
  if (b < 0x80 || (b < 0xC0 && !s->stray_runs)) {
    *len = 1;
    return b < 0x80 ? b : CP_INVALID;
  }
  sqlite3_int64 j = i + 1;
  while (j < s->n && (s->text[j] & 0xC0) == 0x80) j++;
  sqlite3_int64 bytes = j - i;
  *len = bytes > 0x7fffffff ? 0x7fffffff : (int)bytes;
  if (b < 0xC0) return CP_INVALID; /* a run of stray continuation bytes */
  int need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
  if (b > 0xF4 || bytes != need) return CP_INVALID;
  int cp = b & (0x3F >> (need - 1));
  for (int k = 1; k < need; k++) cp = (cp << 6) | (s->text[i + k] & 0x3F);
  if ((need == 2 && cp < 0x80) || (need == 3 && cp < 0x800) ||
      (need == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    return CP_INVALID;
  }
  return cp;
}

/* The code point after the character at byte i (i itself when len 0). */
static int char_after(const es_scanner *s, sqlite3_int64 i, int *len) {
  int first;
  char_at(s, i, &first);
  return char_at(s, i + first, len);
}

/* Moves past the character at the current position. */
static void advance(es_scanner *s, int len) {
  if (len <= 0) return;
  s->pos += len;
  s->chars++;
}

static int digit_value(int cp) {
  if (cp >= '0' && cp <= '9') return cp - '0';
  if (cp >= 0xFF10 && cp <= 0xFF19) return cp - 0xFF10;
  return -1;
}

static int is_space(int cp) {
  return cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v' ||
         (cp >= 0x01 && cp <= 0x08) || (cp >= 0x0E && cp <= 0x1F) ||
         cp == 0x7F || cp == 0xA0 || cp == 0x1680 || cp == 0x180E ||
         (cp >= 0x2000 && cp <= 0x200D) || cp == 0x202F || cp == 0x205F ||
         cp == 0x2060 || cp == 0x3000 || cp == 0xFEFF;
}

static int is_eol(int cp) {
  return cp == '\n' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

/* Punctuation, symbols and the like above ASCII: not letters. */
static int is_symbol(int cp) {
  if (cp >= 0x80 && cp <= 0xBF) return cp != 0xAA && cp != 0xB5 && cp != 0xBA;
  return cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) ||
         (cp >= 0x2E00 && cp <= 0x2E7F) || (cp >= 0x3000 && cp <= 0x303F) ||
         (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xFE10 && cp <= 0xFE1F) ||
         (cp >= 0xFE30 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
         (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
         (cp >= 0xFF5B && cp <= 0xFF65) || (cp >= 0xFFE0 && cp <= 0xFFFF) ||
         (cp >= 0x1F000 && cp <= 0x1FAFF);
}

static int is_letter(int cp) {
  if (cp == CP_INVALID) return 1;
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return digit_value(cp) < 0 && !is_space(cp) && !is_eol(cp) && !is_symbol(cp);
}

static const char *currency_of(int cp) {
  switch (cp) {
    case '$': case 0xFF04: case 0xFE69: return "USD";
    case 0x20AC: return "EUR";
    case 0xA3: case 0xFFE1: return "GBP";
    case 0x20B9: case 0x20A8: return "INR";
    default: return 0;
  }
}

static int is_dash(int cp) {
  return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 ||
         cp == 0xFE58 || cp == 0xFE63 || cp == 0xFF0D;
}

static int is_minus(int cp) { return cp == 0x2212 || cp == 0xFE63; }

/* A comma; also U+201A (single low-9 quotation mark), a comma's look-alike
** that typesetting puts in its place. */
static int is_comma(int cp) {
  return cp == ',' || cp == 0xFF0C || cp == 0x3001 || cp == 0xFE50 ||
         cp == 0x201A;
}

static int is_stop_char(int cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x3002 ||
         cp == 0xFF0E || cp == 0xFF01 || cp == 0xFF1F || cp == 0x2026 ||
         cp == 0x2024;
}

/* A decimal point between digits. */
static int is_point(int cp) {
  return cp == '.' || cp == 0x2024 || cp == 0xFF0E || cp == 0xB7;
}

/* A thousands separator: 1 comma-like, 2 space-like, 0 none. */
static int group_kind(int cp) {
  if (cp == ',' || cp == 0x201A || cp == 0xFF0C) return 1;
  if (cp == 0xA0 || cp == 0x2009 || cp == 0x202F) return 2;
  return 0;
}

/* Punctuation that glues two runs of digits into one malformed number. */
static int is_glue(int cp) {
  if (cp < 0 || is_space(cp) || is_eol(cp) || is_letter(cp) ||
      digit_value(cp) >= 0 || is_dash(cp) || currency_of(cp)) {
    return 0;
  }
  switch (cp) {
    case '%': case 0xFF05: case '|': case '(': case ')': case '[': case ']':
    case '/': case ':': case ';': case '+': case '~': case '&': case '*':
    case '#': case '=': case '<': case '>': case '"': case '!': case '?':
      return 0;
    default:
      return 1;
  }
}

/* --- numbers --------------------------------------------------------------- */

typedef struct num_acc {
  sqlite3_int64 digits;
  int count;
} num_acc;

static void add_digit(num_acc *a, int d) {
  if (a->count < MAX_DIGITS + 1) a->digits = a->digits * 10 + d;
  a->count++;
}

/* Reads a run of digits at the current position: how many. */
static int read_digits(es_scanner *s, num_acc *a) {
  int run = 0, len, d;
  while ((d = digit_value(char_at(s, s->pos, &len))) >= 0) {
    add_digit(a, d);
    advance(s, len);
    run++;
  }
  return run;
}

/* Consumes the rest of a run of digits, points, separators and glue. */
static void swallow(es_scanner *s) {
  int len, cp;
  for (;;) {
    cp = char_at(s, s->pos, &len);
    if (digit_value(cp) >= 0 || is_point(cp) || group_kind(cp) == 1 ||
        is_glue(cp)) {
      int after;
      if (digit_value(cp) < 0 &&
          digit_value(char_after(s, s->pos, &after)) < 0) {
        return;
      }
      advance(s, len);
    } else {
      return;
    }
  }
}

/* Groups after a first run of `lead` digits: 1 when read (and consumed),
** 0 when there are none or they do not hold (nothing consumed), -1 when
** comma groups fit no grouping (the run is consumed: malformed). */
static int read_groups(es_scanner *s, num_acc *a, int lead) {
  int len, after, cp = char_at(s, s->pos, &len);
  int kind = group_kind(cp), sep = cp;
  if (!kind || digit_value(char_after(s, s->pos, &after)) < 0) return 0;
  es_scanner mark = *s; /* after the last whole western group */
  num_acc mark_acc = *a;
  int western = lead <= 3, indian = kind == 1 && lead <= 2;
  int groups = 0, last = 0, indian_ended = 0;
  while ((western || indian) && char_at(s, s->pos, &len) == sep &&
         digit_value(char_after(s, s->pos, &after)) >= 0) {
    if (indian_ended) indian = 0; /* a group after the last group of 3 */
    advance(s, len);
    last = read_digits(s, a);
    groups++;
    if (last != 3) western = 0;
    if (last == 3) {
      indian_ended = 1;
    } else if (last != 2) {
      indian = 0;
    }
    if (western) {
      mark = *s;
      mark_acc = *a;
    }
  }
  if (western || (indian && groups >= 2 && last == 3)) return 1;
  if (kind == 2) { /* space groups: the whole western groups, or none */
    *s = mark;
    *a = mark_acc;
    return mark_acc.count > lead;
  }
  swallow(s);
  return -1;
}

static void scan_number(es_scanner *s, es_token *t) {
  num_acc a = {0, 0};
  int len, after;
  int lead = read_digits(s, &a);
  int decimals = 0, plain = 1, malformed = 0;
  int g = read_groups(s, &a, lead);
  if (g < 0) malformed = 1;
  if (g > 0) plain = 0;
  int cp = char_at(s, s->pos, &len);
  if (!malformed && is_point(cp) &&
      digit_value(char_after(s, s->pos, &after)) >= 0) {
    advance(s, len);
    plain = 0;
    decimals = read_digits(s, &a);
  }
  cp = char_at(s, s->pos, &len);
  if (!malformed && (is_point(cp) || group_kind(cp) == 1 || is_glue(cp)) &&
      digit_value(char_after(s, s->pos, &after)) >= 0) {
    swallow(s);
    malformed = 1;
  }
  if (a.count > MAX_DIGITS) malformed = 1;
  t->type = ES_NUMBER;
  t->n_digits = a.count;
  t->malformed = malformed;
  if (malformed) {
    t->digits = 0;
    t->decimals = 0;
    t->plain = 0;
    t->value = 0.0;
    return;
  }
  double scale = 1.0;
  for (int k = 0; k < decimals; k++) scale *= 10.0;
  t->digits = a.digits;
  t->decimals = decimals;
  t->plain = plain;
  t->value = (double)a.digits / scale;
}

/* --- words --------------------------------------------------------------- */

/* A word: letters, with inner hyphens and apostrophes ("Asia-Pacific",
** "region's"), and digits after an inner hyphen ("COVID-19", "SARS-CoV-2"). */
static void scan_word(es_scanner *s, es_token *t) {
  int len, after;
  t->type = ES_WORD;
  for (;;) {
    int cp = char_at(s, s->pos, &len);
    int hyphen = cp == '-' || cp == 0x2010 || cp == 0x2011;
    if (is_letter(cp)) {
      advance(s, len);
    } else if ((hyphen || cp == '\'' || cp == 0x2019) &&
               is_letter(char_after(s, s->pos, &after))) {
      advance(s, len); /* Asia-Pacific, region's */
    } else if (hyphen && digit_value(char_after(s, s->pos, &after)) >= 0) {
      advance(s, len); /* COVID-19 */
      while (digit_value(char_at(s, s->pos, &len)) >= 0) advance(s, len);
    } else {
      return;
    }
  }
}

/* Whether the '.' (or '!', '?') at the current position, whose
** character is `len` bytes, ends a sentence: a space, a line end or the
** end follows (after closing quotes or brackets), and it closes no
** initialism or abbreviation. */
static int ends_sentence(const es_scanner *s, int cp, int len) {
  static const char *const words[] = {"Rs", "approx", "vs", "est", "viz",
                                      "incl", 0};
  sqlite3_int64 i = s->pos + len;
  int next, l;
  for (;;) {
    next = char_at(s, i, &l);
    if (next == '"' || next == '\'' || next == 0x2019 || next == 0x201D ||
        next == ')' || next == ']') {
      i += l;
      continue;
    }
    break;
  }
  if (!(next == CP_END || is_space(next) || is_eol(next) || next == '\r')) {
    return 0;
  }
  int dot = cp == '.' || cp == 0x2024;
  if (!dot || s->space_before || s->prev.type != ES_WORD) return 1;
  sqlite3_int64 w = s->prev.end - s->prev.start;
  if (w == 1 && s->prev.attached && s->prev2.type == ES_OTHER &&
      (s->prev2.cp == '.' || s->prev2.cp == 0x2024)) {
    return 0; /* U.S. e.g. */
  }
  for (int k = 0; words[k]; k++) {
    if ((sqlite3_int64)strlen(words[k]) == w &&
        sqlite3_strnicmp((const char *)s->text + s->prev.start, words[k],
                         (int)w) == 0) {
      return 0;
    }
  }
  return 1;
}

void es_next(es_scanner *s, es_token *t) {
  int len, cp;
  /* Skip spaces (not line ends; a CR is one when no LF follows). */
  for (;;) {
    cp = char_at(s, s->pos, &len);
    int after;
    if (is_space(cp) || (cp == '\r' && char_after(s, s->pos, &after) == '\n')) {
      advance(s, len);
      s->space_before = 1;
    } else {
      break;
    }
  }
  memset(t, 0, sizeof *t);
  t->attached = !s->space_before;
  t->start = s->pos;
  t->cstart = s->chars;
  t->cp = cp;
  const char *currency;
  if (cp == CP_END) {
    t->type = ES_END;
  } else if (digit_value(cp) >= 0) {
    scan_number(s, t);
  } else if (is_letter(cp)) {
    scan_word(s, t);
  } else {
    if (is_eol(cp) || cp == '\r') {
      t->type = ES_EOL;
    } else if ((currency = currency_of(cp)) != 0) {
      t->type = ES_CURRENCY;
      t->currency = currency;
    } else if (cp == '%' || cp == 0xFF05 || cp == 0xFE6A) {
      t->type = ES_PERCENT;
    } else if (cp == '|' || cp == 0xFF5C || cp == 0x2502) {
      t->type = ES_PIPE;
    } else if (is_dash(cp)) {
      t->type = ES_DASH;
      t->minus = is_minus(cp);
    } else if (is_comma(cp)) {
      t->type = ES_COMMA;
    } else if (cp == '(' || cp == '[' || cp == 0xFF08 || cp == 0xFF3B ||
               cp == 0xFE59) {
      t->type = ES_OPEN;
    } else if (cp == ')' || cp == ']' || cp == 0xFF09 || cp == 0xFF3D ||
               cp == 0xFE5A) {
      t->type = ES_CLOSE;
    } else if (is_stop_char(cp) && ends_sentence(s, cp, len)) {
      t->type = ES_STOP;
    } else {
      t->type = ES_OTHER;
    }
    advance(s, len);
  }
  t->end = s->pos;
  t->cend = s->chars;
  s->space_before = t->type == ES_EOL;
  s->prev2 = s->prev;
  s->prev.type = t->type;
  s->prev.cp = t->cp;
  s->prev.start = t->start;
  s->prev.end = t->end;
  s->prev.attached = t->attached;
}

int es_word_is(const es_scanner *s, const es_token *t, const char *word) {
  if (t->type != ES_WORD) return 0;
  sqlite3_int64 len = t->end - t->start;
  int a = s->text[t->start], b = (unsigned char)word[0];
  if ((a | 0x20) != (b | 0x20)) return 0;
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
  return t->type == ES_NUMBER && t->plain && !t->malformed &&
         t->n_digits == 4 && t->digits >= 1900 && t->digits <= 2199;
}
