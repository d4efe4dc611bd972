/* SPDX-License-Identifier: MIT */
/*
** units.c -- the units and currencies the model engine reads
** (reports.unit, the fx table's currency; docs/model.md, "Units").
**
** A unit is a currency and a scale, separated by spaces or not at all
** after a symbol: 'USD bn', 'USD billion', 'US$ bn', '$bn', 'EUR m',
** '€ bn', 'INR crore', 'INR lakh crore', 'usd Mn'. Case does not matter;
** spaces (U+0020) around and between the words do not matter either. Any
** other blank or control byte (a tab, a line break, a NUL, U+00A0) is an
** error: a unit is compared by all its bytes.
**
** The currency: a three-letter code (ISO 4217 form, read in capitals) or
** a symbol: US$ and $ are USD, € EUR, £ GBP, ₹ and Rs INR. A unit without
** one ('bn') is an error. The scale: see `scales` below; none is units.
** Every unit is normalised to '<CODE> <scale>' ('USD bn', 'INR crore'),
** so units typed differently compare equal.
*/
#include "units.h"

#include <string.h>

const char model_unit_forms[] =
    "give '<currency> <scale>': the currency a three-letter code (USD, EUR, "
    "INR, ...) or US$, $, €, £, ₹, Rs; the scale tn, bn, mn, k, crore, "
    "lakh, lakh crore (or trillion, billion, million, thousand, b, m, Mn, "
    "MM) or none: 'USD bn', 'US$ bn', '$bn', 'EUR m', 'INR crore'";

/* Scales as typed (lower case, words separated by one space), normalised. */
static const struct {
  const char *typed, *scale, *name;
  double to_bn;
} scales[] = {
    {"", "", "", 1e-9},
    {"k", "k", "thousand", 1e-6},         {"thousand", "k", "thousand", 1e-6},
    {"m", "mn", "million", 1e-3},         {"mn", "mn", "million", 1e-3},
    {"mm", "mn", "million", 1e-3},        {"mln", "mn", "million", 1e-3},
    {"mio", "mn", "million", 1e-3},       {"million", "mn", "million", 1e-3},
    {"b", "bn", "billion", 1},            {"bn", "bn", "billion", 1},
    {"bln", "bn", "billion", 1},          {"billion", "bn", "billion", 1},
    {"t", "tn", "trillion", 1e3},         {"tn", "tn", "trillion", 1e3},
    {"trillion", "tn", "trillion", 1e3},
    {"lakh", "lakh", "lakh", 1e-4},       {"lac", "lakh", "lakh", 1e-4},
    {"crore", "crore", "crore", 1e-2},    {"cr", "crore", "crore", 1e-2},
    {"lakh crore", "lakh crore", "lakh crore", 1e3},
};

/* Symbols: the text, its code, and whether a scale may follow it
** directly ('$bn'). Longer before shorter ('US$' before '$'). */
static const struct {
  const char *symbol, *code;
  int attached;
} symbols[] = {
    {"US$", "USD", 1}, {"$", "USD", 1},   {"\xE2\x82\xAC", "EUR", 1},
    {"\xC2\xA3", "GBP", 1}, {"\xE2\x82\xB9", "INR", 1},
    {"Rs.", "INR", 0}, {"Rs", "INR", 0},
};

static int is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The scale entry for `text` (n bytes, any case, words separated by
** runs of spaces), or -1. */
static int find_scale(const char *text, size_t n) {
  char buf[32];
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    char c = text[i];
    if (c == ' ' && (k == 0 || buf[k - 1] == ' ')) continue;
    if (k + 1 >= sizeof buf) return -1;
    buf[k++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  }
  while (k > 0 && buf[k - 1] == ' ') k--;
  buf[k] = 0;
  for (size_t i = 0; i < sizeof scales / sizeof scales[0]; i++) {
    if (strcmp(buf, scales[i].typed) == 0) return (int)i;
  }
  return -1;
}

/* Whether text starts with prefix, ASCII letters in any case. */
static int starts_with_any_case(const char *text, const char *prefix) {
  for (; *prefix; text++, prefix++) {
    char a = *text, b = *prefix;
    if (a >= 'a' && a <= 'z') a = (char)(a - ('a' - 'A'));
    if (b >= 'a' && b <= 'z') b = (char)(b - ('a' - 'A'));
    if (a != b) return 0;
  }
  return 1;
}

/* A byte the unit may not hold: a control byte, or a blank other than
** U+0020. */
static int stray_blank(const unsigned char *p) {
  if (*p < 0x20 || *p == 0x7F) return 1;
  if (p[0] == 0xC2 && p[1] == 0xA0) return 1;
  if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x89 || p[2] == 0xAF ||
                                       (p[2] >= 0x80 && p[2] <= 0x8A))) {
    return 1;
  }
  return p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80;
}

/* Reads the currency at the start of text into code; *rest is what
** follows it. Returns 0, or why there is none. */
static const char *read_currency(const char *text, char code[4],
                                 const char **rest) {
  for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
    size_t n = strlen(symbols[i].symbol);
    if (!starts_with_any_case(text, symbols[i].symbol)) continue;
    const char *after = text + n;
    if (*after && *after != ' ' && !symbols[i].attached) continue;
    memcpy(code, symbols[i].code, 4);
    *rest = after;
    return 0;
  }
  size_t n = 0;
  while (text[n] && text[n] != ' ') n++;
  if (n == 3 && is_letter(text[0]) && is_letter(text[1]) &&
      is_letter(text[2]) && find_scale(text, 3) < 0) {
    for (int i = 0; i < 3; i++) {
      code[i] = (char)(text[i] >= 'a' ? text[i] - ('a' - 'A') : text[i]);
    }
    code[3] = 0;
    *rest = text + 3;
    return 0;
  }
  return find_scale(text, strlen(text)) >= 0 || find_scale(text, n) >= 0
             ? "has no currency"
             : "does not start with a currency";
}

const char *model_unit_parse(const char *text, model_unit *out) {
  for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
    if (stray_blank(p)) {
      return "holds a tab, a line break or another blank than a space";
    }
  }
  while (*text == ' ') text++;
  if (!*text) return "is blank";
  const char *rest;
  const char *why = read_currency(text, out->currency, &rest);
  if (why) return why;
  int k = find_scale(rest, strlen(rest));
  if (k < 0) return "has a scale that is not known";
  out->scale = scales[k].scale;
  out->scale_name = scales[k].name;
  out->to_bn = scales[k].to_bn;
  return 0;
}

const char *model_currency_parse(const char *text, char code[4]) {
  model_unit unit;
  const char *why = model_unit_parse(text, &unit);
  if (why) return why;
  if (*unit.scale) return "is a unit, not a currency";
  memcpy(code, unit.currency, 4);
  return 0;
}
