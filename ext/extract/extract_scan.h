/* SPDX-License-Identifier: MIT */
/*
** extract_scan.h -- the single-pass tokeniser under pm_extract().
**
** Splits report text into words, numbers, percent signs, currency symbols,
** table pipes, line ends, sentence stops and a little punctuation, each
** with its byte span and its character span (characters as SQLite's
** substr() and length() count them). One call, one token; no token looks
** back, and a byte is read again only by the few characters of look-ahead
** that tell a thousands separator or a decimal point from punctuation:
** linear time, no backtracking.
*/
#ifndef PMEXT_EXTRACT_SCAN_H
#define PMEXT_EXTRACT_SCAN_H

#include "sqlite3ext.h"

typedef enum {
  ES_END,      /* end of the text */
  ES_WORD,     /* letters (any letter of any script), inner '-' and '\'' */
  ES_NUMBER,   /* 1,094.83: value, decimals, plain; or malformed */
  ES_PERCENT,  /* % and the full-width percent sign */
  ES_CURRENCY, /* $ EUR-sign pound-sign rupee-sign: currency is the code */
  ES_PIPE,     /* | */
  ES_EOL,      /* a line end */
  ES_STOP,     /* . ! ? ending a sentence */
  ES_DASH,     /* - and the Unicode dashes and minus signs */
  ES_COMMA,
  ES_OPEN,     /* ( [ */
  ES_CLOSE,    /* ) ] */
  ES_OTHER     /* anything else: one character (cp says which) */
} es_type;

typedef struct es_token {
  es_type type;
  int attached;               /* no space between it and the token before */
  int cp;                     /* the first character (code point) */
  sqlite3_int64 start, end;   /* bytes: text[start..end) */
  sqlite3_int64 cstart, cend; /* the same span in characters, from 0 */
  /* ES_NUMBER only: */
  sqlite3_int64 digits;       /* all digits as one integer: 109483 */
  int n_digits;               /* how many digits */
  int decimals;               /* digits after the point: 2 */
  int plain;                  /* no separators, no point: could be a year */
  int malformed;              /* separators or points that make no number */
  double value;               /* digits / 10^decimals, correctly rounded */
  /* ES_CURRENCY: the ISO code; ES_DASH: minus is 1 for a minus sign */
  const char *currency;
  int minus;
} es_token;

/* What the scanner remembers of the tokens before (for sentence ends). */
typedef struct es_seen {
  es_type type;
  int cp, attached;
  sqlite3_int64 start, end;
} es_seen;

typedef struct es_scanner {
  const unsigned char *text;
  sqlite3_int64 n, pos, chars;
  int stray_runs;             /* see es_init() */
  int space_before;
  es_seen prev, prev2;        /* the last two tokens */
} es_scanner;

/* stray_runs: 1 when the SQLite at hand counts a run of stray continuation
** bytes as one character (from 3.54), 0 when it counts each byte. */
void es_init(es_scanner *s, const char *text, sqlite3_int64 n, int stray_runs);
void es_next(es_scanner *s, es_token *t);

/* 1 when the text of token t is `word`, ignoring ASCII case. */
int es_word_is(const es_scanner *s, const es_token *t, const char *word);

/* 1 when t is a plain four-digit number from 1900 to 2199. */
int es_is_year(const es_token *t);

#endif /* PMEXT_EXTRACT_SCAN_H */
