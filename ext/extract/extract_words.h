/* SPDX-License-Identifier: MIT */
/*
** extract_words.h -- the words pm_extract() knows, over the tokens of one
** unit of text: geographies (with their canonical names and dimensions),
** currencies, scales, and matching words and phrases ignoring case.
*/
#ifndef PMEXT_EXTRACT_WORDS_H
#define PMEXT_EXTRACT_WORDS_H

#include "extract_scan.h"

/* The tokens of one unit (a sentence or a table row). */
typedef struct ew_toks {
  const es_scanner *scan;
  const es_token *tok;
  int n;
} ew_toks;

/* 1 when token i is one of the NULL-terminated `words`. */
int ew_one_of(const ew_toks *t, int i, const char *const *words);
/* 1 when token i is the character cp (a one-character token). */
int ew_char(const ew_toks *t, int i, int cp);
/* The words of `phrase` (separated by spaces; a piece such as "U.S." spans
** attached tokens) at token i: how many tokens, or 0. possessive: the
** last piece may end in 's. */
int ew_phrase(const ew_toks *t, int i, const char *phrase, int possessive);

/* Geographies. ew_geo() is the longest geography at token i (its id, or -1)
** and its token count; a trailing 's is allowed. */
int ew_geo(const ew_toks *t, int i, int *count);
const char *ew_geo_name(int id);       /* "United States" */
const char *ew_geo_dimension(int id);  /* "market", "region", "country" */
int ew_geo_global(int id);             /* 1 for the world */
/* A part of a geography named by a compass word ("North India", "Southern
** Europe", "Northeast China"): its token count, or 0. */
int ew_compass_geo(const ew_toks *t, int i);
/* The id of the geography a whole label names ("U.S."), or -1. */
int ew_geo_of_text(const char *text);

/* Amounts. The scale of the words at token i ("billion", "lakh crore")
** and their token count, or 0; glued: the scale may be one letter only
** when glued to the number or "B"/"M" apart. */
const char *ew_scale(const ew_toks *t, int i, int *count);
/* A currency written as a word at token i ("USD", "Rs", "INR") and its
** token count (a "$" glued after it, "Rs." counted), or 0. */
const char *ew_currency_word(const ew_toks *t, int i, int *count);
/* A currency written after the amount ("dollars", "US dollars",
** "rupees"), or 0. */
const char *ew_currency_after(const ew_toks *t, int i, int *count);

#endif /* PMEXT_EXTRACT_WORDS_H */
