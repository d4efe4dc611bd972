/* SPDX-License-Identifier: MIT */
/*
** extract_scan.h -- the single-pass tokeniser under pm_extract().
**
** Splits report text into words, numbers, percent signs, currency symbols,
** table pipes, line ends, sentence stops and a little punctuation, each
** with its byte span and its character span (characters as SQLite's
** substr() counts them). One call, one token; no token looks back, and no
** character is read twice except for the few bytes of look-ahead that tell
** a thousands separator or a decimal point from punctuation: linear time,
** no backtracking.
*/
#ifndef PMEXT_EXTRACT_SCAN_H
#define PMEXT_EXTRACT_SCAN_H

#include "sqlite3ext.h"

typedef enum {
  ES_END,      /* end of the text */
  ES_WORD,     /* letters (any non-ASCII byte counts), inner '-' and '\'' */
  ES_NUMBER,   /* 1,094.83: value, decimals, plain */
  ES_PERCENT,  /* % */
  ES_CURRENCY, /* $ EUR-sign pound-sign: currency is the ISO code */
  ES_PIPE,     /* | */
  ES_EOL,      /* \n */
  ES_STOP,     /* . ! ? followed by a space or the end */
  ES_DASH,     /* - and the en and em dashes, alone */
  ES_COMMA,
  ES_OPEN,     /* ( */
  ES_CLOSE,    /* ) */
  ES_OTHER     /* anything else: one character */
} es_type;

typedef struct es_token {
  es_type type;
  int attached;               /* no space between it and the token before */
  sqlite3_int64 start, end;   /* bytes: text[start..end) */
  sqlite3_int64 cstart, cend; /* the same span in characters, from 0 */
  /* ES_NUMBER only: */
  sqlite3_int64 digits;       /* all digits as one integer: 109483 */
  int decimals;               /* digits after the point: 2 */
  int plain;                  /* no separators, no point: could be a year */
  double value;               /* digits / 10^decimals, correctly rounded */
  const char *currency;       /* ES_CURRENCY only: "USD", "EUR", "GBP" */
} es_token;

typedef struct es_scanner {
  const unsigned char *text;
  sqlite3_int64 n, pos, chars;
  int space_before;
} es_scanner;

void es_init(es_scanner *s, const char *text, sqlite3_int64 n);
void es_next(es_scanner *s, es_token *t);

/* 1 when the text of token t is `word`, ignoring ASCII case. */
int es_word_is(const es_scanner *s, const es_token *t, const char *word);

/* 1 when t is a plain four-digit number from 1900 to 2199. */
int es_is_year(const es_token *t);

#endif /* PMEXT_EXTRACT_SCAN_H */
