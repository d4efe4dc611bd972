/* SPDX-License-Identifier: MIT */
/*
** extract_words.c -- the words pm_extract() knows (extract_words.h).
**
** Geographies: each spelling publishers use (a name, its adjective, its
** abbreviations: "U.S.", "US", "USA", "United States"; "European";
** "APAC") maps to one canonical name and its dimension: the world is
** 'market' (its name 'Global'), a continent or trade region is 'region',
** a country is 'country'. Spellings of five characters or fewer ("US",
** "UK", "MEA", "India") match with their case as written; longer ones
** ignore case but for the first letter, which must be a capital (the
** world's words, "global", "worldwide", "world", match in any case). A
** possessive "'s" may follow. "US" glued to a currency sign ("US$") is
** no geography.
**
** Scales: trillion/tn/trn, billion/bn/bln, million/mn/mln/mil/MM,
** thousand/k, crore/cr, lakh/lac, lakh crore; the one-letter T, B, M, K
** only glued to the number (B and M also apart). Currencies written as
** words: the ISO codes (USD, EUR, GBP, INR, JPY, CNY, RMB, ...), US$, C$,
** A$, S$, R$, HK$, NZ$, Rs and Rs.; after the amount: dollars, US
** dollars, euros, pounds, rupees, Indian rupees, yen, yuan, or a code.
*/
#include "extract_words.h"

#include <string.h>

SQLITE_EXTENSION_INIT3

/* --- tokens as words --------------------------------------------------------- */

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c; }

/* The type of token i, ES_END outside the unit. */
static es_type ew_type(const ew_toks *t, int i) {
  return i >= 0 && i < t->n ? t->tok[i].type : ES_END;
}

/* 1 when token i is the word `word` (ASCII case ignored). */
static int ew_is(const ew_toks *t, int i, const char *word) {
  return i >= 0 && i < t->n && es_word_is(t->scan, &t->tok[i], word);
}

int ew_one_of(const ew_toks *t, int i, const char *const *words) {
  if (ew_type(t, i) != ES_WORD) return 0;
  const unsigned char *p = t->scan->text + t->tok[i].start;
  size_t len = (size_t)(t->tok[i].end - t->tok[i].start);
  int first = lower(p[0]);
  for (int k = 0; words[k]; k++) {
    const char *w = words[k];
    if (lower((unsigned char)w[0]) != first) continue;
    size_t j = 1;
    while (j < len && w[j] && lower(p[j]) == lower((unsigned char)w[j])) j++;
    if (j == len && !w[j]) return 1;
  }
  return 0;
}

int ew_char(const ew_toks *t, int i, int cp) {
  return i >= 0 && i < t->n && t->tok[i].cp == cp &&
         t->tok[i].type != ES_WORD && t->tok[i].type != ES_NUMBER;
}

/* `len` bytes of text at p equal `piece`: exact, or ignoring case. */
static int same_bytes(const unsigned char *p, const char *piece, size_t len,
                      int exact) {
  for (size_t k = 0; k < len; k++) {
    int a = p[k], b = (unsigned char)piece[k];
    if (exact ? a != b : lower(a) != lower(b)) return 0;
  }
  return 1;
}

/* The tokens from i covering exactly `len` bytes (glued tokens), plus a
** possessive 's when allowed: how many, or 0. */
static int cover(const ew_toks *t, int i, sqlite3_int64 len, int possessive) {
  sqlite3_int64 end = t->tok[i].start + len;
  for (int k = i; k < t->n; k++) {
    if (k > i && !t->tok[k].attached) return 0;
    sqlite3_int64 e = t->tok[k].end;
    if (e == end) return k - i + 1;
    if (possessive && t->tok[k].type == ES_WORD && e > end) {
      const unsigned char *p = t->scan->text + end;
      sqlite3_int64 rest = e - end;
      if ((rest == 2 && p[0] == '\'' && lower(p[1]) == 's') ||
          (rest == 4 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99 &&
           lower(p[3]) == 's')) {
        return k - i + 1;
      }
      return 0;
    }
    if (e > end) return 0;
  }
  return 0;
}

/* Case rule of a piece: exact when short; else the first letter as
** written when it is a capital. */
static int piece_at(const ew_toks *t, int i, const char *piece, size_t len,
                    int possessive, int exact) {
  if (i >= t->n) return 0;
  const es_token *k = &t->tok[i];
  if (k->type != ES_WORD && k->type != ES_OTHER) return 0;
  if (k->end - k->start > 0 && t->scan->n - k->start < (sqlite3_int64)len) return 0;
  const unsigned char *p = t->scan->text + k->start;
  if (!same_bytes(p, piece, len, exact)) return 0;
  if (!exact && piece[0] >= 'A' && piece[0] <= 'Z' && p[0] != (unsigned char)piece[0]) {
    return 0;
  }
  return cover(t, i, (sqlite3_int64)len, possessive);
}

static int phrase_case(const ew_toks *t, int i, const char *phrase,
                       int possessive, int case_rule) {
  int n = 0;
  if (i < 0 || i >= t->n ||
      lower(t->scan->text[t->tok[i].start]) != lower((unsigned char)phrase[0])) {
    return 0;
  }
  while (*phrase) {
    size_t len = strcspn(phrase, " ");
    int last = phrase[len] == 0;
    int exact = case_rule && len <= 5;
    int k = piece_at(t, i + n, phrase, len, possessive && last,
                     exact);
    if (!k) return 0;
    n += k;
    phrase += len;
    while (*phrase == ' ') phrase++;
  }
  return n;
}

int ew_phrase(const ew_toks *t, int i, const char *phrase, int possessive) {
  return phrase_case(t, i, phrase, possessive, 0);
}

/* --- geographies --------------------------------------------------------- */

typedef struct geo_entry {
  const char *spelling, *name, *dimension;
} geo_entry;

#define W "market"
#define R "region"
#define C "country"

static const geo_entry geos[] = {
    {"global", "Global", W}, {"worldwide", "Global", W},
    {"world", "Global", W}, {"globally", "Global", W},
    {"North America", "North America", R}, {"North American", "North America", R},
    {"Europe", "Europe", R}, {"European", "Europe", R},
    {"Asia-Pacific", "Asia-Pacific", R}, {"Asia Pacific", "Asia-Pacific", R},
    {"APAC", "Asia-Pacific", R}, {"Asia", "Asia", R}, {"Asian", "Asia", R},
    {"Latin America", "Latin America", R}, {"Latin American", "Latin America", R},
    {"LATAM", "Latin America", R}, {"LatAm", "Latin America", R},
    {"South America", "South America", R}, {"South American", "South America", R},
    {"Central and South America", "Central and South America", R},
    {"Central & South America", "Central and South America", R},
    {"Central America", "Central America", R},
    {"Middle East and Africa", "Middle East and Africa", R},
    {"Middle East & Africa", "Middle East and Africa", R},
    {"MEA", "Middle East and Africa", R},
    {"Middle East", "Middle East", R}, {"Middle Eastern", "Middle East", R},
    {"Africa", "Africa", R}, {"African", "Africa", R},
    {"LAMEA", "LAMEA", R}, {"EMEA", "EMEA", R},
    {"Western Europe", "Western Europe", R}, {"Western European", "Western Europe", R},
    {"Eastern Europe", "Eastern Europe", R}, {"Eastern European", "Eastern Europe", R},
    {"Oceania", "Oceania", R}, {"Nordics", "Nordics", R},
    {"Southeast Asia", "Southeast Asia", R}, {"South East Asia", "Southeast Asia", R},
    {"South Asia", "South Asia", R}, {"East Asia", "East Asia", R},
    {"Rest of the World", "Rest of the World", R},
    {"Rest of World", "Rest of the World", R}, {"RoW", "Rest of the World", R},
    {"Rest of Europe", "Rest of Europe", R},
    {"Rest of Asia-Pacific", "Rest of Asia-Pacific", R},
    {"Rest of Asia Pacific", "Rest of Asia-Pacific", R},
    {"GCC", "GCC", R}, {"ASEAN", "ASEAN", R},
    {"United States of America", "United States", C},
    {"United States", "United States", C}, {"U.S.A.", "United States", C},
    {"U.S.", "United States", C}, {"U.S", "United States", C},
    {"USA", "United States", C}, {"US", "United States", C},
    {"U\xE2\x80\xA4S\xE2\x80\xA4", "United States", C}, /* one dot leaders */
    {"U\xE2\x80\xA4K\xE2\x80\xA4", "United Kingdom", C},
    {"Canada", "Canada", C}, {"Canadian", "Canada", C},
    {"Mexico", "Mexico", C}, {"Mexican", "Mexico", C},
    {"Brazil", "Brazil", C}, {"Brazilian", "Brazil", C},
    {"Argentina", "Argentina", C}, {"Chile", "Chile", C},
    {"Colombia", "Colombia", C},
    {"China", "China", C}, {"Chinese", "China", C},
    {"Japan", "Japan", C}, {"Japanese", "Japan", C},
    {"India", "India", C}, {"Indian", "India", C},
    {"South Korea", "South Korea", C}, {"South Korean", "South Korea", C},
    {"Korea", "South Korea", C},
    {"Australia", "Australia", C}, {"Australian", "Australia", C},
    {"New Zealand", "New Zealand", C},
    {"Germany", "Germany", C}, {"German", "Germany", C},
    {"France", "France", C}, {"French", "France", C},
    {"United Kingdom", "United Kingdom", C}, {"U.K.", "United Kingdom", C},
    {"UK", "United Kingdom", C}, {"Great Britain", "United Kingdom", C},
    {"Britain", "United Kingdom", C}, {"British", "United Kingdom", C},
    {"Italy", "Italy", C}, {"Italian", "Italy", C},
    {"Spain", "Spain", C}, {"Spanish", "Spain", C},
    {"Netherlands", "Netherlands", C}, {"Switzerland", "Switzerland", C},
    {"Sweden", "Sweden", C}, {"Norway", "Norway", C}, {"Denmark", "Denmark", C},
    {"Finland", "Finland", C}, {"Belgium", "Belgium", C},
    {"Austria", "Austria", C}, {"Ireland", "Ireland", C},
    {"Poland", "Poland", C}, {"Portugal", "Portugal", C},
    {"Greece", "Greece", C}, {"Russia", "Russia", C}, {"Turkey", "Turkey", C},
    {"Saudi Arabia", "Saudi Arabia", C},
    {"United Arab Emirates", "United Arab Emirates", C},
    {"UAE", "United Arab Emirates", C}, {"Israel", "Israel", C},
    {"Egypt", "Egypt", C}, {"South Africa", "South Africa", C},
    {"Nigeria", "Nigeria", C}, {"Kenya", "Kenya", C},
    {"Singapore", "Singapore", C}, {"Indonesia", "Indonesia", C},
    {"Malaysia", "Malaysia", C}, {"Thailand", "Thailand", C},
    {"Vietnam", "Vietnam", C}, {"Philippines", "Philippines", C},
    {"Taiwan", "Taiwan", C}, {"Hong Kong", "Hong Kong", C},
    {"Pakistan", "Pakistan", C}, {"Bangladesh", "Bangladesh", C},
};

#undef W
#undef R
#undef C

#define N_GEOS ((int)(sizeof geos / sizeof geos[0]))

/* The id of a geography: the index of the first entry with its name. */
static int geo_id(int entry) {
  for (int k = 0; k < entry; k++) {
    if (strcmp(geos[k].name, geos[entry].name) == 0) return k;
  }
  return entry;
}

int ew_geo(const ew_toks *t, int i, int *count) {
  int best = -1;
  *count = 0;
  if (i < 0 || i >= t->n) return -1;
  const es_token *k = &t->tok[i];
  if (k->type != ES_WORD) return -1;
  int first = lower(t->scan->text[k->start]);
  /* Every name is a capital's but the world's words (global, world...). */
  if (t->scan->text[k->start] >= 'a' && t->scan->text[k->start] <= 'z' &&
      first != 'g' && first != 'w') {
    return -1;
  }
  for (int e = 0; e < N_GEOS; e++) {
    if (lower((unsigned char)geos[e].spelling[0]) != first) continue;
    int global = strcmp(geos[e].name, "Global") == 0;
    int n = global ? phrase_case(t, i, geos[e].spelling, 1, 0)
                   : phrase_case(t, i, geos[e].spelling, 1, 1);
    if (n > *count) {
      *count = n;
      best = e;
    }
  }
  if (best < 0) return -1;
  /* "US$": a currency, not the country. */
  if (ew_type(t, i + *count) == ES_CURRENCY && t->tok[i + *count].attached) {
    *count = 0;
    return -1;
  }
  return geo_id(best);
}

const char *ew_geo_name(int id) {
  return id >= 0 && id < N_GEOS ? geos[id].name : 0;
}

const char *ew_geo_dimension(int id) {
  return id >= 0 && id < N_GEOS ? geos[id].dimension : 0;
}

int ew_geo_global(int id) {
  return id >= 0 && id < N_GEOS && strcmp(geos[id].name, "Global") == 0;
}

int ew_compass_geo(const ew_toks *t, int i) {
  static const char *const compass[] = {
      "North", "South", "East", "West", "Northern", "Southern", "Eastern",
      "Western", "Central", "Northeast", "Northwest", "Southeast",
      "Southwest", "North-East", "North-West", "South-East", "South-West", 0};
  int n, g0 = ew_geo(t, i, &n);
  if (g0 >= 0 || !ew_one_of(t, i, compass)) return 0;
  const es_token *w = &t->tok[i];
  if (t->scan->text[w->start] < 'A' || t->scan->text[w->start] > 'Z') return 0;
  int g = ew_geo(t, i + 1, &n);
  return g >= 0 && !ew_geo_global(g) ? n + 1 : 0;
}

/* Equal ignoring case, spaces, hyphens and dots. */
static int loose_equal(const char *a, const char *b) {
  for (;;) {
    while (*a == ' ' || *a == '-' || *a == '.') a++;
    while (*b == ' ' || *b == '-' || *b == '.') b++;
    if (lower((unsigned char)*a) != lower((unsigned char)*b)) return 0;
    if (!*a) return 1;
    a++;
    b++;
  }
}

int ew_geo_of_text(const char *text) {
  if (!text) return -1;
  for (int e = 0; e < N_GEOS; e++) {
    if (loose_equal(text, geos[e].spelling)) return geo_id(e);
  }
  return -1;
}

/* --- amounts ------------------------------------------------------------------ */

typedef struct scale_word {
  const char *words, *scale;
  int letter; /* a single letter: 1 glued only, 2 glued or apart */
} scale_word;

static const scale_word scales[] = {
    {"lakh crore", "lakh crore", 0}, {"lakh crores", "lakh crore", 0},
    {"lakh cr", "lakh crore", 0}, {"lac crore", "lakh crore", 0},
    {"thousand crore", "thousand crore", 0},
    {"trillion", "tn", 0}, {"trillions", "tn", 0}, {"tn", "tn", 0},
    {"trn", "tn", 0}, {"T", "tn", 1},
    {"billion", "bn", 0}, {"billions", "bn", 0}, {"bn", "bn", 0},
    {"bln", "bn", 0}, {"B", "bn", 2},
    {"million", "mn", 0}, {"millions", "mn", 0}, {"mn", "mn", 0},
    {"mln", "mn", 0}, {"mil", "mn", 0}, {"mm", "mn", 0}, {"M", "mn", 2},
    {"thousand", "k", 0}, {"thousands", "k", 0}, {"K", "k", 1},
    {"crore", "crore", 0}, {"crores", "crore", 0}, {"cr", "crore", 0},
    {"lakh", "lakh", 0}, {"lakhs", "lakh", 0}, {"lac", "lakh", 0},
    {"lacs", "lakh", 0},
};

const char *ew_scale(const ew_toks *t, int i, int *count) {
  *count = 0;
  if (ew_type(t, i) != ES_WORD) return 0;
  for (size_t k = 0; k < sizeof scales / sizeof scales[0]; k++) {
    int n = ew_phrase(t, i, scales[k].words, 0);
    if (!n) continue;
    if (scales[k].letter) {
      const es_token *w = &t->tok[i];
      int upper = t->scan->text[w->start] == (unsigned char)scales[k].words[0];
      if (!w->attached && !(scales[k].letter == 2 && upper)) continue;
    }
    *count = n;
    return scales[k].scale;
  }
  return 0;
}

static const char *const iso_codes[] = {
    "USD", "EUR", "GBP", "INR", "JPY", "CNY", "AUD", "CAD", "CHF", "KRW",
    "SGD", "BRL", "SAR", "AED", "SEK", "NOK", "DKK", "ZAR", "MXN", "HKD",
    "NZD", 0};

/* An ISO code at token i, with its case: the code or 0. */
static const char *iso_code(const ew_toks *t, int i) {
  if (ew_type(t, i) != ES_WORD || t->tok[i].end - t->tok[i].start != 3) return 0;
  const unsigned char *p = t->scan->text + t->tok[i].start;
  for (int k = 0; iso_codes[k]; k++) {
    if (memcmp(p, iso_codes[k], 3) == 0) return iso_codes[k];
  }
  if (memcmp(p, "RMB", 3) == 0) return "CNY";
  return 0;
}

const char *ew_currency_word(const ew_toks *t, int i, int *count) {
  static const struct { const char *prefix, *code; } dollars[] = {
      {"US", "USD"}, {"C", "CAD"}, {"A", "AUD"}, {"S", "SGD"},
      {"R", "BRL"}, {"HK", "HKD"}, {"NZ", "NZD"}};
  *count = 0;
  if (ew_type(t, i) != ES_WORD) return 0;
  const char *code = iso_code(t, i);
  if (code) {
    *count = 1;
    if (ew_type(t, i + 1) == ES_CURRENCY && t->tok[i + 1].attached) *count = 2;
    return code;
  }
  for (size_t k = 0; k < sizeof dollars / sizeof dollars[0]; k++) {
    size_t len = strlen(dollars[k].prefix);
    if (t->tok[i].end - t->tok[i].start == (sqlite3_int64)len &&
        memcmp(t->scan->text + t->tok[i].start, dollars[k].prefix, len) == 0 &&
        ew_type(t, i + 1) == ES_CURRENCY &&
        strcmp(t->tok[i + 1].currency, "USD") == 0 &&
        (t->tok[i + 1].attached || k == 0)) {
      *count = 2;
      return dollars[k].code;
    }
  }
  if (ew_is(t, i, "Rs") || ew_is(t, i, "INR")) {
    *count = 1;
    if (ew_char(t, i + 1, '.') && t->tok[i + 1].attached) *count = 2;
    return "INR";
  }
  return 0;
}

const char *ew_currency_after(const ew_toks *t, int i, int *count) {
  static const struct { const char *words, *code; } names[] = {
      {"US dollars", "USD"}, {"U.S. dollars", "USD"}, {"dollars", "USD"},
      {"euros", "EUR"}, {"euro", "EUR"}, {"pounds", "GBP"},
      {"Indian rupees", "INR"}, {"rupees", "INR"}, {"yen", "JPY"},
      {"yuan", "CNY"}};
  *count = 0;
  const char *code = iso_code(t, i);
  if (code) {
    *count = 1;
    return code;
  }
  for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
    int n = ew_phrase(t, i, names[k].words, 0);
    if (n) {
      *count = n;
      return names[k].code;
    }
  }
  return 0;
}
