/* SPDX-License-Identifier: MIT */
/*
** extract_subjects.c -- what a clause of a sentence is about, for
** pm_extract() (extract_unit.h; requirements 2, 8, 9, 17 and 19 in
** extract.c, docs/functions.md "pm_extract", "Subjects").
**
** Clauses start at the sentence's start (after a bullet, and after a
** bullet's "Label:", which names the paragraph's dimension), after a
** comma, ';', ':' or a spaced dash, and after "and", "while", "whereas",
** "but", "with", "followed by". At a clause's start:
**   - an opener: "By <dimension>," "Based on <dimension>," "In terms of
**     <dimension>," "Among <dimension>s," name the dimension of the
**     paragraph's segments; "In <geography>," "Worldwide," "Globally,"
**     name the geography of the sentence's market;
**   - a subject: a geography followed by a verb ("North America held") or
**     by its value ("..., Europe USD 3.2 billion"), or words followed by
**     a verb ("mHealth is expected", "private hospitals and clinics
**     accounted"), or two geographies named together (their rows carry a
**     reason unless "respectively" or "each" makes them a list).
** Anywhere: "the <geography> <name> (<abbreviation>) market" (or
** "industry", "sector", "the market in <geography>") is a subject unless
** the clause already has one, or it is a bare "the market" after a
** subject of the sentence, or it follows a preposition ("of the market");
** "the <words> segment" is a segment's subject; "it", "its" and the like
** take the subject of the sentence before. The market's name is learned
** from its first mention, with its abbreviation.
*/
#include "extract_unit.h"

#include <string.h>

SQLITE_EXTENSION_INIT3

/* --- word lists ------------------------------------------------------------- */

/* Verbs (and the adverbs before them) after a clause's subject. */
static const char *const subject_verbs[] = {
    "accounted", "accounts", "account", "accounting", "held", "holds",
    "hold", "holding", "dominated", "dominates", "dominate", "dominating",
    "led", "leads", "lead", "is", "was", "are", "were", "has", "had",
    "have", "will", "would", "should", "could", "can", "may", "might",
    "captured", "captures", "capture", "represented", "represents",
    "represent", "contributed", "contributes", "contribute", "generated",
    "generates", "generate", "made", "makes", "make", "took", "takes",
    "take", "commanded", "commands", "recorded", "records", "registered",
    "registers", "emerged", "emerges", "stood", "stands", "reached",
    "reaches", "remains", "remained", "continues", "continued", "occupied",
    "occupies", "showed", "shows", "exhibited", "exhibits", "posted",
    "posts", "witnessed", "witnesses", "comprised", "comprises",
    "constituted", "constitutes", "garnered", "garners", "secured",
    "secures", "retained", "retains", "maintained", "maintains", "grew",
    "grows", "expanded", "expands", "rose", "rises", "declined",
    "declines", "fell", "falls", "amounted", "amounts", "doubled",
    "tripled", "nearly", "more", "ranked", "ranks", "ranking", "came",
    "comes", "stands", "stood", "placed", "followed", "trailed", "trails",
    "follows", 0};

/* Verbs of a source that forecasts or values ("Rubix forecasts $19.3
** billion in 2026", "P&S Intelligence projects a CAGR of 36.8%"): an amount
** or a rate right after one is about the market the sentence or the one
** before is about. */
static const char *const reporting_verbs[] = {
    "forecasts", "forecast", "expects", "expected", "projects", "projected",
    "estimates", "estimated", "predicts", "predicted", "anticipates",
    "sees", "saw", "values", "valued", "puts", "put", "pegs", "pegged", 0};

static const char *const adverbs[] = {
    "currently", "also", "still", "alone", "now", "further", "already",
    "historically", "together", "collectively", "primarily", "mainly",
    "largely", "presently", "consistently", "reportedly", "each", "both", 0};

/* Words that open no segment's name. */
const char *const ex_not_segment[] = {
    "the", "a", "an", "of", "for", "to", "in", "on", "at", "with", "by",
    "from", "as", "this", "that", "these", "those", "it", "its", "their",
    "our", "we", "they", "there", "which", "who", "whose", "demand",
    "growth", "rising", "increasing", "growing", "adoption", "use", "usage",
    "revenue", "revenues", "sales", "spending", "investment", "investments",
    "funding", "according", "however", "while", "although", "since",
    "because", "if", "when", "both", "all", "each", "many", "most", "some",
    "several", "more", "less", "such", "new", "recent", "market", "markets",
    "industry", "report", "study", "analysts", "company", "companies",
    "players", "vendors", "manufacturers", "what", "this", "he", "she",
    "i", "you", "one", "two", "three", "year", "years", "total", "overall",
    "segment", "segments", "region", "regions", "country", "countries",
    "and", "or", "but", "nor", "largest", "leading", "dominant", "biggest",
    "top", "key", "major", "prominent", "other", "investors",
    "fastest", "fastest-growing", "second", "second-largest", "highest",
    "larger", 0};

/* Words that stop a market's or segment's name, looking back from it. */
const char *const ex_name_stops[] = {
    "the", "a", "an", "its", "their", "this", "that", "these", "those",
    "our", "of", "for", "to", "by", "from", "on", "at", "with", "as", "is",
    "was", "are", "were", "be", "been", "has", "have", "had", "will",
    "into", "across", "over", "under", "than", "total", "overall",
    "entire", "whole", "within", "among", "while", "whereas", "but", 0};

/* Nouns that head no segment of a market: "healthcare spending grew",
** "chronic diseases account for 60% of deaths". */
static const char *const not_heads[] = {
    "spending", "expenditure", "expenditures", "funding", "investment",
    "investments", "price", "prices", "cost", "costs", "deaths", "cases",
    "patients", "population", "people", "tests", "procedures", "visits",
    "users", "subscribers", "prescriptions", "exports", "imports", "budget",
    "jobs", "employees", "staff", "doctors", "physicians", "births",
    "admissions", "claims", "diseases", "disease", "incidence", "prevalence",
    "rate", "rates", 0};

/* Words that end a segment's name read forward: pronouns, claims. */
static const char *const inner_stops[] = {
    "it", "its", "they", "which", "who", "that", "largest", "leading",
    "dominant", "biggest", "fastest", "fastest-growing", "highest",
    "larger", "second-largest", "each", "both", 0};

static const char *const prepositions[] = {
    "of", "in", "across", "for", "to", "than", "from", "on", "with",
    "within", "into", "throughout", 0};

/* --- small readers ---------------------------------------------------------- */

/* A clause boundary: a comma, ';', ':' or a dash with spaces. */
int ex_is_break(ex_reader *r, int i) {
  es_type k = ex_type(r, i);
  if (k == ES_COMMA) return 1;
  if (ex_char(r, i, ';') || ex_char(r, i, ':')) return 1;
  return k == ES_DASH && !r->tok[i].attached &&
         (i + 1 >= r->n_tok || !r->tok[i + 1].attached);
}

int ex_clause_starts(ex_reader *r, int i, int start) {
  static const char *const joins[] = {"and", "while", "whereas", "but",
                                      "with", 0};
  if (i == start) return 1;
  if (ex_is_break(r, i - 1) || ex_one_of(r, i - 1, joins)) return 1;
  return ex_is(r, i - 1, "by") && ex_is(r, i - 2, "followed");
}

int ex_is_market_noun(ex_reader *r, int i) {
  static const char *const nouns[] = {"market", "markets", "market's",
                                      "industry", "industry's", "sector",
                                      "sector's", 0};
  /* "market share", and the names of publishers: "Polaris Market
  ** Research", "Growth Market Reports", "Future Market Insights". */
  static const char *const compounds[] = {
      "share", "shares", "player", "players", "leader", "leaders",
      "participants", "trends", "dynamics", "research", "research's",
      "position", "presence", "penetration", "entry", "access", "landscape",
      "leadership", "reports", "insights", "intelligence", "future", "data",
      "watch", 0};
  if (!ex_one_of(r, i, nouns)) return 0;
  if (ex_one_of(r, i + 1, compounds)) return 0;
  /* "Research and Markets", "Markets and Markets": publishers */
  if (ex_is(r, i, "Markets") && r->scan.text[r->tok[i].start] == 'M' &&
      ex_is(r, i - 1, "and")) {
    return 0;
  }
  /* "Market.us": a name */
  return !(ex_char(r, i + 1, '.') && r->tok[i + 1].attached &&
           ex_type(r, i + 2) == ES_WORD && r->tok[i + 2].attached);
}

int ex_is_segment_noun(ex_reader *r, int i) {
  static const char *const nouns[] = {"segment", "segments", "sub-segment",
                                      "subsegment", "category", 0};
  return ex_one_of(r, i, nouns);
}

/* A verb after a subject at token i (adverbs, and ", however," allowed
** before it): 1 or 0. */
static int ex_subject_verb(ex_reader *r, int i) {
  for (int k = 0; k < 3 && ex_one_of(r, i, adverbs); k++) i++;
  return ex_one_of(r, i, subject_verbs);
}

/* A verb after a subject at token i, past an aside between commas (",
** however,", ", at about $4 billion in FY23,"): 1 or 0. */
static int verb_after(ex_reader *r, int i) {
  if (ex_subject_verb(r, i)) return 1;
  if (ex_type(r, i) != ES_COMMA) return 0;
  int relative = ex_is(r, i + 1, "which") || ex_is(r, i + 1, "who");
  for (int k = i + 1; k < r->n_tok && k <= i + 14; k++) {
    if (ex_type(r, k) == ES_COMMA) {
      if (ex_subject_verb(r, k + 1)) return 1;
      if (!relative) return 0; /* ", which ..., ..., dominates" */
    }
    if (ex_char(r, k, ';') || ex_char(r, k, ':')) return 0;
  }
  return 0;
}

/* Drops from the segment [a, b) a last word that repeats a word of the
** dimension ("testing services" by service type): the new end. */
static int strip_dimension_word(ex_reader *r, int a, int b, const char *dim) {
  if (b - a < 2 || !dim[0]) return b;
  const es_token *t = &r->tok[b - 1];
  const char *w = (const char *)r->scan.text + t->start;
  size_t len = (size_t)(t->end - t->start);
  if (len > 1 && (w[len - 1] == 's' || w[len - 1] == 'S')) len--;
  for (const char *d = dim; *d;) {
    size_t dl = strcspn(d, "_");
    if (dl == len && sqlite3_strnicmp(d, w, (int)len) == 0) return b - 1;
    d += dl;
    while (*d == '_') d++;
  }
  return b;
}

/* A segment's subject, tokens [a, b) as printed, less a bracketed
** abbreviation after it ("circulating tumor cells (CTCs)"), a last word
** that repeats its dimension, or a classifier ("cloud-based models"). */
void ex_segment_subject(ex_reader *r, subject *s, int a, int b) {
  static const char *const classifiers[] = {"model", "models", "category",
                                            "categories", 0};
  memset(s, 0, sizeof *s);
  s->kind = S_SEGMENT;
  s->geo = -1;
  strcpy(s->dim, r->ctx_dim);
  if (b - a >= 4 && ex_type(r, b - 1) == ES_CLOSE && ex_type(r, b - 3) == ES_OPEN) {
    b -= 3;
  }
  b = strip_dimension_word(r, a, b, s->dim);
  if (b - a >= 2 && ex_one_of(r, b - 1, classifiers)) b--;
  s->seg_start = r->tok[a].start;
  s->seg_end = r->tok[b - 1].end;
}

void ex_geo_subject(subject *s, int g) {
  memset(s, 0, sizeof *s);
  s->kind = S_GEO;
  s->geo = g;
}

/* --- the market's name -------------------------------------------------------- */

/* The words of tokens [a, b) as compared for the market's name: lower
** case, one space between words, '-' as a space, '&' as "and", what is in
** brackets left out; tokens of a geography at [ga, gb) left out too. */
static int name_words(ex_reader *r, int a, int b, int ga, int gb, char *out) {
  size_t n = 0;
  int depth = 0;
  out[0] = 0;
  for (int i = a; i < b; i++) {
    es_type k = ex_type(r, i);
    if (k == ES_OPEN) depth++;
    if (k == ES_CLOSE && depth) {
      depth--;
      continue;
    }
    if (depth || (i >= ga && i < gb)) continue;
    const char *w = (const char *)r->scan.text + r->tok[i].start;
    size_t len = (size_t)(r->tok[i].end - r->tok[i].start);
    if (ex_char(r, i, '&')) {
      w = "and";
      len = 3;
    } else if (k != ES_WORD) {
      continue;
    }
    if (n + len + 2 >= NAME_CAP) return 0;
    if (n) out[n++] = ' ';
    for (size_t c = 0; c < len; c++) {
      int ch = (unsigned char)w[c];
      if (ch >= 'A' && ch <= 'Z') ch += 'a' - 'A';
      if (ch == '-') ch = ' ';
      out[n++] = (char)ch;
    }
  }
  out[n] = 0;
  return 1;
}

static int initial_skippable(ex_reader *r, int i) {
  return ex_is(r, i, "and") || ex_is(r, i, "of") || ex_is(r, i, "in") ||
         ex_is(r, i, "the") || ex_is(r, i, "for") || ex_char(r, i, '&');
}

/* Learns the market's name from its first mention, tokens [a, b) (the
** geography at [ga, gb) left out): the name, and the name with the
** bracketed abbreviation in place of the words it abbreviates ("cell and
** gene therapy (CGT)": "cgt"; "artificial intelligence (AI) in
** healthcare": "ai in healthcare"). */
static void learn_name(ex_reader *r, int a, int b, int ga, int gb) {
  if (!name_words(r, a, b, ga, gb, r->name)) return;
  r->have_name = 1;
  strcpy(r->name_abbr, r->name);
  int open = -1;
  for (int i = a; i + 2 < b; i++) {
    if (ex_type(r, i) == ES_OPEN && ex_type(r, i + 1) == ES_WORD &&
        ex_type(r, i + 2) == ES_CLOSE) {
      open = i;
      break;
    }
  }
  if (open < 0) return;
  const es_token *ab = &r->tok[open + 1];
  const unsigned char *letters = r->scan.text + ab->start;
  int n_letters = (int)(ab->end - ab->start);
  /* The shortest run of words before the bracket whose initials spell it;
  ** else all of them. */
  int from = a;
  for (int s = open - 1; s >= a; s--) {
    int k = n_letters - 1, ok = 1;
    for (int i = open - 1; i >= s && ok; i--) {
      if (initial_skippable(r, i) || (i >= ga && i < gb)) continue;
      if (ex_type(r, i) != ES_WORD || k < 0) {
        ok = 0;
        break;
      }
      int c = r->scan.text[r->tok[i].start];
      int l = letters[k--];
      if ((c | 0x20) != (l | 0x20)) ok = 0;
    }
    if (ok && k < 0) {
      from = s;
      break;
    }
  }
  char before[NAME_CAP], after[NAME_CAP], abbr[NAME_CAP];
  if (!name_words(r, a, from, ga, gb, before) ||
      !name_words(r, open + 1, open + 2, -1, -1, abbr) ||
      !name_words(r, open + 3, b, ga, gb, after)) {
    return;
  }
  sqlite3_snprintf(NAME_CAP, r->name_abbr, "%s%s%s%s%s", before,
                   before[0] ? " " : "", abbr, after[0] ? " " : "", after);
}

/* The market's name, its abbreviated form, or the last words of its
** name ("innovation" for "healthcare innovation"). */
static int is_name(ex_reader *r, const char *words) {
  if (!r->have_name || !words[0]) return 0;
  if (strcmp(words, r->name) == 0 || strcmp(words, r->name_abbr) == 0) return 1;
  size_t n = strlen(words), m = strlen(r->name);
  if (n == m + 1 && words[n - 1] == 's' && strncmp(words, r->name, m) == 0) {
    return 1; /* "cell and gene therapies" */
  }
  if (n == m + 2 && strncmp(words + m - 1, "ies", 3) == 0 &&
      r->name[m - 1] == 'y' && strncmp(words, r->name, m - 1) == 0) {
    return 1;
  }
  return n < m && r->name[m - n - 1] == ' ' && strcmp(r->name + m - n, words) == 0;
}

/* "the <geography> <name> (<abbr>) market", "the market in <geography>",
** "India's healthcare industry": the subject named by the words before
** the market noun at m. *bare: only "the" before it; *object: after a
** preposition. 0 when it names nothing usable. */
int ex_market_phrase(ex_reader *r, int m, subject *s, int *bare,
                         int *object, int *at) {
  int first = m, words = 0, j = m - 1;
  while (j >= 0 && words < 8) {
    if (ex_type(r, j) == ES_CLOSE && ex_type(r, j - 1) == ES_WORD &&
        ex_type(r, j - 2) == ES_OPEN) {
      first = j - 2;
      j -= 3;
      continue;
    }
    if (ex_char(r, j, '.') || ex_char(r, j, 0x2024)) {
      int found = -1, n;
      for (int k = j - 4; k < j && found < 0; k++) {
        if (k >= 0 && ex_geo(r, k, &n) >= 0 && k + n - 1 == j) found = k;
      }
      if (found >= 0) { /* "U.S." */
        first = found;
        j = found - 1;
        words++;
        continue;
      }
    }
    if ((ex_type(r, j) != ES_WORD && !ex_char(r, j, '&')) ||
        ex_one_of(r, j, ex_name_stops) || (r->info[j].flag & F_USED)) {
      break;
    }
    first = j--;
    words++;
  }
  *object = j >= 0 && (ex_one_of(r, j, prepositions) ||
                       (ex_is(r, j, "the") && ex_one_of(r, j - 1, prepositions)));
  *at = ex_is(r, j, "the") ? j : first; /* where the phrase starts */
  memset(s, 0, sizeof *s);
  s->kind = S_MARKET;
  s->geo = -1;
  int ga = -1, gb = -1, n;
  for (int k = first; k < m; k++) {
    int g = ex_geo(r, k, &n);
    if (g >= 0 && k + n <= m) {
      s->geo = g;
      ga = k;
      gb = k + n;
      break;
    }
  }
  /* "sees India's medical devices market": the phrase starts at the
  ** geography, unless the words before it are a title's ("Pharmacogenomics
  ** Global Market"). */
  for (int k = first; k < ga; k++) {
    int c = r->scan.text[r->tok[k].start];
    if (ex_type(r, k) == ES_WORD && !(c >= 'A' && c <= 'Z') &&
        !ex_is(r, k, "and") && !ex_is(r, k, "of") && !ex_is(r, k, "in")) {
      first = ga;
      break;
    }
  }
  if (s->geo < 0 && ex_is(r, m + 1, "in")) {
    int g = ex_geo(r, m + 2, &n);
    if (g >= 0) {
      s->geo = g;
      for (int k = m + 2; k < m + 2 + n; k++) r->info[k].flag |= F_USED;
    }
  }
  if (s->geo < 0) s->geo = r->opener_geo;
  if (s->geo >= 0 && r->market_geo < 0 && !*object) r->market_geo = s->geo;
  char words_of[NAME_CAP];
  if (!name_words(r, first, m, ga, gb, words_of)) return 0;
  *bare = !words_of[0] && ga < 0;
  if (!words_of[0]) return 1;
  if (!r->have_name) {
    learn_name(r, first, m, ga, gb);
    /* "the Indian pharmaceutical market (IPM)": the abbreviation after */
    if (ex_type(r, m + 1) == ES_OPEN && ex_type(r, m + 2) == ES_WORD &&
        ex_type(r, m + 3) == ES_CLOSE) {
      name_words(r, m + 2, m + 3, -1, -1, r->name_abbr);
    }
    return 1;
  }
  if (is_name(r, words_of)) return 1;
  /* A segment: the words before the market's name, or all of them. */
  int end = m;
  for (int k = first + 1; k < m; k++) {
    char tail[NAME_CAP];
    if (name_words(r, k, m, ga, gb, tail) && is_name(r, tail)) {
      end = k;
      break;
    }
  }
  int start = first;
  if (ga == first) start = gb;
  if (start >= end) return 1;
  int g = s->geo;
  ex_segment_subject(r, s, start, end);
  if (ga >= 0 || (g >= 0 && g != r->opener_geo)) {
    s->problem = "a segment within a geography";
  }
  return 1;
}

/* "the <words> segment": the segment's subject. 0 when none. */
int ex_segment_phrase(ex_reader *r, int m, subject *s) {
  static const char *const ranks[] = {
      "largest", "leading", "dominant", "biggest", "smallest", "fastest",
      "fastest-growing", "second", "third", "second-largest", "highest",
      "other", "key", "major", "same", "each", "every", "whole", 0};
  int first = m, j = m - 1, end = m;
  if (ex_type(r, j) == ES_CLOSE && ex_type(r, j - 1) == ES_WORD &&
      ex_type(r, j - 2) == ES_OPEN) {
    end = j - 2; /* "the polymerase chain reaction (PCR) segment" */
    j -= 3;
  }
  while (j >= 0 && end - j <= 6 && ex_type(r, j) == ES_WORD &&
         !ex_one_of(r, j, ex_name_stops) && !(r->info[j].flag & F_USED)) {
    if (ex_one_of(r, j, ranks)) return 0;
    first = j--;
  }
  if (first >= end) return 0;
  ex_segment_subject(r, s, first, end);
  return 1;
}

/* "at" and a percentage at token i ("clinics at a 22.5% share", "Europe
** at 28%"): 1 or 0. */
static int at_percent(ex_reader *r, int i) {
  if (!ex_is(r, i, "at")) return 0;
  for (int k = i + 1; k <= i + 3 && k < r->n_tok; k++) {
    percent p;
    if (ex_percent_at(r, k, &p)) return 1;
    if (ex_type(r, k) != ES_WORD) return 0;
  }
  return 0;
}

/* "respectively" in the sentence from token a (the sentence is looked
** through once, however many subjects ask). */
static int says_respectively(ex_reader *r, int a) {
  if (r->respectively_at == -2) {
    r->respectively_at = -1;
    for (int k = 0; k < r->n_tok; k++) {
      if (ex_is(r, k, "respectively")) r->respectively_at = k;
    }
  }
  return r->respectively_at >= a;
}

/* Splits the subject's words [p, q) at "and", "&" and commas into a list
** when the sentence says "respectively", or "each" or "both" follows the
** words: 1 when s became a list. */
static int list_subject(ex_reader *r, int p, int q, subject *s) {
  int each = ex_is(r, q, "each") || ex_is(r, q, "both");
  if (!each && !says_respectively(r, q)) return 0;
  int n = 0, a = p;
  for (int k = p; k <= q && n < 4; k++) {
    if (k < q && !ex_is(r, k, "and") && !ex_char(r, k, '&') && ex_type(r, k) != ES_COMMA) {
      continue;
    }
    int b = k;
    if (b - a >= 4 && ex_type(r, b - 1) == ES_CLOSE && ex_type(r, b - 3) == ES_OPEN) {
      b -= 3; /* "polymerase chain reaction (PCR)" */
    }
    if (b > a) {
      int g, m;
      s->item_start[n] = r->tok[a].start;
      s->item_end[n] = r->tok[b - 1].end;
      s->item_geo[n] = (g = ex_geo(r, a, &m)) >= 0 && a + m == b ? g : -1;
      n++;
    }
    a = k + 1;
  }
  if (n < 2) return 0;
  s->n_items = n;
  s->each = each;
  s->problem = 0;
  return 1;
}

/* Item k of a list subject as a subject of its own. */
subject ex_list_item(const subject *list, int k) {
  subject s = *list;
  s.n_items = 0;
  if (list->item_geo[k] >= 0) {
    s.kind = S_GEO;
    s.geo = list->item_geo[k];
  } else {
    s.kind = S_SEGMENT;
    s.geo = -1;
    s.seg_start = list->item_start[k];
    s.seg_end = list->item_end[k];
  }
  return s;
}

/* A subject at the start of a clause, token i: its token count, or 0. */
int ex_clause_subject(ex_reader *r, int i, const subject *cur, subject *s) {
  int p = i, n;
  int listed = ex_is(r, i - 1, "with") || ex_is(r, i - 1, "and") ||
               (ex_is(r, i - 1, "by") && ex_is(r, i - 2, "followed"));
  if (ex_is(r, p, "the")) p++;
  int g = ex_geo(r, p, &n);
  if (g >= 0) {
    int q = p + n;
    for (int k = q; k < r->n_tok && k <= q + 6 && ex_type(r, k) == ES_WORD; k++) {
      if (ex_is_market_noun(r, k)) return 0; /* "India's medical devices market" */
      if (ex_one_of(r, k, subject_verbs)) break;
    }
    if (ex_is(r, q, "region") || ex_is(r, q, "country")) q++;
    int m, g2;
    if ((ex_is(r, q, "and") || ex_char(r, q, '&') || ex_type(r, q) == ES_COMMA) &&
        (g2 = ex_geo(r, q + 1, &m)) >= 0 && !ex_is_market_noun(r, q + 1 + m)) {
      ex_geo_subject(s, g);
      if (!list_subject(r, p, q + 1 + m, s)) {
        s->problem = "two geographies named together: whose figure is which "
                     "is not clear";
      }
      return q + 1 + m - i;
    }
    const es_token *last = &r->tok[p + n - 1];
    int possessive = last->end - last->start >= 2 &&
                     (r->scan.text[last->end - 1] | 0x20) == 's' &&
                     (r->scan.text[last->end - 2] == '\'' ||
                      r->scan.text[last->end - 2] == 0x99);
    /* "..., Europe USD 3.2 billion and Asia Pacific USD 2.1 billion",
    ** "..., Europe 25%": a geography with its value and no verb */
    amount am;
    percent pc;
    int value = ex_amount_at(r, q, &am) || ex_percent_at(r, q, &pc) ||
                ((ex_is(r, q, "with") || ex_is(r, q, "at")) &&
                 (ex_amount_at(r, q + 1, &am) || ex_percent_at(r, q + 1, &pc)));
    if (verb_after(r, q) || possessive || (listed && at_percent(r, q)) ||
        (value && i > 0)) {
      ex_geo_subject(s, g);
      return q - i;
    }
    return 0;
  }
  /* Words up to a verb: a segment of the paragraph's dimension. */
  if (ex_one_of(r, p, ex_not_segment) || ex_type(r, p) != ES_WORD) return 0;
  int q = p;
  while (q < r->n_tok && q - p < 12 &&
         (ex_type(r, q) == ES_WORD || ex_char(r, q, '&') ||
          (q > p && ex_type(r, q) == ES_OPEN && ex_type(r, q + 1) == ES_WORD &&
           ex_type(r, q + 2) == ES_CLOSE)) &&
         !ex_is_market_noun(r, q) && !ex_is_segment_noun(r, q) &&
         !ex_subject_verb(r, q) && !ex_one_of(r, q, reporting_verbs) &&
         (q == p || ((!ex_one_of(r, q, ex_name_stops) || ex_is(r, q, "and")) &&
                     !ex_one_of(r, q, inner_stops)))) {
    q += ex_type(r, q) == ES_OPEN ? 3 : 1; /* "(NGS)" */
  }
  amount next;
  int a = q + 1 + (ex_is(r, q + 1, "a") || ex_is(r, q + 1, "an"));
  if (q > p && ex_one_of(r, q, reporting_verbs) &&
      (ex_amount_at(r, q + 1, &next) || ex_cagr_marker(r, a)) &&
      (cur->kind == S_MARKET || (cur->kind == S_NONE && r->prev.kind == S_MARKET))) {
    *s = cur->kind == S_MARKET ? *cur : r->prev; /* a source: "Rubix forecasts" */
    return q - i;
  }
  if (q == p || !(verb_after(r, q) || (listed && at_percent(r, q))) ||
      ex_is(r, q - 1, "and") || ex_one_of(r, q - 1, not_heads)) {
    return 0;
  }
  if (ex_type(r, p - 1) == ES_COMMA) {
    /* "assays, kits & reagents was": the words before the comma, back to
    ** the clause's start, belong to the subject's name */
    int b = p - 2;
    while (b > 0 && p - 2 - b < 4 && ex_type(r, b) == ES_WORD &&
           !(r->info[b].flag & F_USED) && !ex_one_of(r, b, ex_name_stops) &&
           !ex_subject_verb(r, b)) {
      b--;
    }
    if (b < p - 2 && (ex_is_break(r, b) || b < 0)) p = b + 1;
  }
  char words[NAME_CAP];
  if (name_words(r, p, q, -1, -1, words) && is_name(r, words)) {
    memset(s, 0, sizeof *s); /* the market, by its name */
    s->kind = S_MARKET;
    s->geo = r->opener_geo;
    return q - i;
  }
  ex_segment_subject(r, s, p, q);
  list_subject(r, p, q, s);
  return q - i;
}

/* "By end user,", "Based on application,", "In terms of product,",
** "Among end users,", "Regionally,"; "In India,", "Worldwide,": their
** token count (the comma included), or 0. */
int ex_opener(ex_reader *r, int i, subject *cur) {
  static const char *const intros[] = {"By", "Based on", "On the basis of",
                                       "In terms of", "Segmented by",
                                       "Among", "Regarding", 0};
  int n, k;
  if ((ex_is(r, i, "Worldwide") || ex_is(r, i, "Globally")) &&
      ex_type(r, i + 1) == ES_COMMA) {
    r->opener_geo = ex_geo(r, i, &n);
    return 2;
  }
  if (ex_is(r, i, "Regionally") || ex_is(r, i, "Geographically")) {
    if (ex_type(r, i + 1) == ES_COMMA) {
      strcpy(r->ctx_dim, "region");
      return 2;
    }
  }
  if (ex_is(r, i, "In") || ex_is(r, i, "Across") || ex_is(r, i, "Within")) {
    int t = ex_is(r, i + 1, "the") ? i + 2 : i + 1;
    int g = ex_geo(r, t, &n);
    int after = t + n, comma = ex_type(r, after) == ES_COMMA;
    /* "In India, ..."; "In India it has grown": the market's geography */
    if (g >= 0 && (comma || ex_is(r, after, "it") || ex_is(r, after, "the"))) {
      r->opener_geo = g;
      ex_geo_subject(cur, g);
      if (ew_geo_global(g)) cur->kind = S_NONE;
      if (!comma && ex_is(r, after, "it")) {
        cur->kind = S_MARKET; /* it: the market, in that geography */
        if (r->market_geo < 0) r->market_geo = g;
      }
      return after + comma - i;
    }
  }
  for (int w = 0; intros[w]; w++) {
    int len = ex_phrase(r, i, intros[w]);
    if (!len) continue;
    k = i + len;
    int e = k;
    while (e < r->n_tok && e - k < 4 && ex_type(r, e) == ES_WORD) e++;
    if (e == k || ex_type(r, e) != ES_COMMA) return 0;
    char dim[DIM_CAP];
    if (!ex_dimension_words(r, k, e, dim)) return 0;
    size_t dl = strlen(dim);
    if (ex_is(r, i, "Among") && dl > 2 && dim[dl - 1] == 's' &&
        dim[dl - 2] != 's') {
      dim[dl - 1] = 0; /* end users: end_user */
    }
    strcpy(r->ctx_dim, dim);
    return e + 1 - i;
  }
  return 0;
}

/* The same subject; the market named without a geography is the same as
** the market named with one. */
int ex_same_subject(const subject *a, const subject *b) {
  if (a->kind == S_MARKET && b->kind == S_MARKET) {
    return a->geo == b->geo || a->geo < 0 || b->geo < 0;
  }
  return a->kind == b->kind && a->geo == b->geo && a->seg_start == b->seg_start &&
         a->seg_end == b->seg_end;
}

/* A word at token i that points back to the subject before: "it", "its",
** "this", "that", "these" (not "this year", "that month"). */
int ex_points_back(ex_reader *r, int i) {
  static const char *const pointers[] = {"this", "that", "these", 0};
  static const char *const times[] = {"year", "years", "month", "months",
                                      "quarter", "week", "time", "day", 0};
  if (ex_is(r, i, "it") || ex_is(r, i, "its")) return 1;
  return ex_one_of(r, i, pointers) && !ex_one_of(r, i + 1, times) &&
         ex_type(r, i + 1) == ES_WORD;
}

