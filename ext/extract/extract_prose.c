/* SPDX-License-Identifier: MIT */
/*
** extract_prose.c -- how pm_extract() reads a sentence (extract_unit.h;
** requirements 2, 3, 7 and 8 in extract.c, docs/functions.md
** "pm_extract", "Reading prose").
**
** A sentence is read once from left to right. Clauses start at the
** sentence's start (after a bullet, and after a bullet's "Label:", which
** names the paragraph's dimension), after a comma, ';', ':' or a spaced
** dash, and after "and", "while", "whereas", "but", "with", "followed
** by". At a clause's start:
**   - an opener: "By <dimension>," "Based on <dimension>," "In terms of
**     <dimension>," "Among <dimension>s," name the dimension of the
**     paragraph's segments; "In <geography>," "Worldwide," "Globally,"
**     name the geography of the sentence's market;
**   - a subject: a geography followed by a verb ("North America held"),
**     or words followed by a verb when the paragraph names a dimension
**     ("mHealth is expected", "private hospitals and clinics accounted"),
**     or two geographies named together (their rows carry a reason).
** Anywhere: "the <geography> <name> (<abbreviation>) market" (or
** "industry", or "the market in <geography>") is a subject unless the
** clause already has one (a market after a verb of a segment is its
** object: "North America dominated the global market"), or it is a bare
** "the market" after a subject of the sentence, or it follows a
** preposition ("of the market"); "the <words> segment" is a segment's
** subject; "it", "its" (and a sentence opening with "Revenue", "Sales")
** take the subject of the sentence before.
**
** Every amount, percentage and claim takes the subject in force where it
** is printed. A percentage is a rate when a CAGR marker is next to it ("a
** CAGR of 22.6%", "an 18.12% CAGR", "CAGR, 41.4%"), or a verb of growth
** or decline governs it with a cue of a yearly rate ("grow at 6.42%",
** "grow 17.85% annually", "grew 10% year on year to ₹8 lakh crore",
** "rose 12% in 2023"); a share when "share" or "of the market, of revenue,
** of demand, ..." follows it, "share of" precedes it, or a verb of holding
** does ("accounted for", "held", "captured", "took", "made up"), and the
** subject is a segment or a geography; else it is kind 'percent'.
*/
#include "extract_unit.h"

#include <string.h>

SQLITE_EXTENSION_INIT3

/* How far back a value's year or a rate's period is looked for, in tokens
** (a clause or two): so a sentence's work stays linear in its length. */
#define LOOK_BACK 40

/* --- word lists ------------------------------------------------------------- */

static const char *const grow_verbs[] = {
    "grow", "grows", "grew", "growing", "grown", "expand", "expands",
    "expanded", "expanding", "rise", "rises", "rose", "rising", "risen",
    "increase", "increases", "increased", "increasing", "climb", "climbs",
    "climbed", "climbing", "advance", "advances", "advanced", "advancing",
    "surge", "surges", "surged", "surging", "compound", "compounds",
    "compounded", "compounding", "jump", "jumps", "jumped", 0};

static const char *const decline_verbs[] = {
    "decline", "declines", "declined", "declining", "shrink", "shrinks",
    "shrank", "shrinking", "fall", "falls", "fell", "falling", "drop",
    "drops", "dropped", "dropping", "contract", "contracts", "contracted",
    "contracting", "decrease", "decreases", "decreased", "decreasing", 0};

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
static const char *const not_segment[] = {
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
static const char *const name_stops[] = {
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
static int is_break(ex_reader *r, int i) {
  es_type k = ex_type(r, i);
  if (k == ES_COMMA) return 1;
  if (ex_char(r, i, ';') || ex_char(r, i, ':')) return 1;
  return k == ES_DASH && !r->tok[i].attached &&
         (i + 1 >= r->n_tok || !r->tok[i + 1].attached);
}

static int clause_starts(ex_reader *r, int i, int start) {
  static const char *const joins[] = {"and", "while", "whereas", "but",
                                      "with", 0};
  if (i == start) return 1;
  if (is_break(r, i - 1) || ex_one_of(r, i - 1, joins)) return 1;
  return ex_is(r, i - 1, "by") && ex_is(r, i - 2, "followed");
}

int ex_cagr_marker(ex_reader *r, int i) {
  if (ex_type(r, i) != ES_WORD) return 0;
  int c = r->scan.text[r->tok[i].start] | 0x20;
  if (c != 'c' && c != 'a') return 0;
  int n = ex_is(r, i, "CAGR") || ex_is(r, i, "CAGRs") ? 1 : 0;
  if (!n) n = ex_phrase(r, i, "compound annual growth rate");
  if (!n) n = ex_phrase(r, i, "compounded annual growth rate");
  if (!n) n = ex_phrase(r, i, "annual growth rate");
  if (!n) n = ex_phrase(r, i, "annualized growth rate");
  if (!n) n = ex_phrase(r, i, "compound annual rate");
  if (n > 1 && ex_type(r, i + n) == ES_OPEN && ex_is(r, i + n + 1, "CAGR") &&
      ex_type(r, i + n + 2) == ES_CLOSE) {
    n += 3; /* compound annual growth rate (CAGR) */
  }
  return n;
}

static int is_market_noun(ex_reader *r, int i) {
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

static int is_segment_noun(ex_reader *r, int i) {
  static const char *const nouns[] = {"segment", "segments", "sub-segment",
                                      "subsegment", "category", 0};
  return ex_one_of(r, i, nouns);
}

/* A verb after a subject at token i (adverbs, and ", however," allowed
** before it): 1 or 0. */
static int subject_verb(ex_reader *r, int i) {
  for (int k = 0; k < 3 && ex_one_of(r, i, adverbs); k++) i++;
  return ex_one_of(r, i, subject_verbs);
}

/* A verb after a subject at token i, past an aside between commas (",
** however,", ", at about $4 billion in FY23,"): 1 or 0. */
static int verb_after(ex_reader *r, int i) {
  if (subject_verb(r, i)) return 1;
  if (ex_type(r, i) != ES_COMMA) return 0;
  int relative = ex_is(r, i + 1, "which") || ex_is(r, i + 1, "who");
  for (int k = i + 1; k < r->n_tok && k <= i + 14; k++) {
    if (ex_type(r, k) == ES_COMMA) {
      if (subject_verb(r, k + 1)) return 1;
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
static void segment_subject(ex_reader *r, subject *s, int a, int b) {
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

static void geo_subject(subject *s, int g) {
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
static int market_phrase(ex_reader *r, int m, subject *s, int *bare,
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
        ex_one_of(r, j, name_stops) || (r->info[j].flag & F_USED)) {
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
  segment_subject(r, s, start, end);
  if (ga >= 0 || (g >= 0 && g != r->opener_geo)) {
    s->problem = "a segment within a geography";
  }
  return 1;
}

/* "the <words> segment": the segment's subject. 0 when none. */
static int segment_phrase(ex_reader *r, int m, subject *s) {
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
         !ex_one_of(r, j, name_stops) && !(r->info[j].flag & F_USED)) {
    if (ex_one_of(r, j, ranks)) return 0;
    first = j--;
  }
  if (first >= end) return 0;
  segment_subject(r, s, first, end);
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

/* "respectively" in the sentence from token a. */
static int says_respectively(ex_reader *r, int a) {
  for (int k = a; k < r->n_tok; k++) {
    if (ex_is(r, k, "respectively")) return 1;
  }
  return 0;
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
static subject list_item(const subject *list, int k) {
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
static int clause_subject(ex_reader *r, int i, const subject *cur, subject *s) {
  int p = i, n;
  int listed = ex_is(r, i - 1, "with") || ex_is(r, i - 1, "and") ||
               (ex_is(r, i - 1, "by") && ex_is(r, i - 2, "followed"));
  if (ex_is(r, p, "the")) p++;
  int g = ex_geo(r, p, &n);
  if (g >= 0) {
    int q = p + n;
    for (int k = q; k < r->n_tok && k <= q + 6 && ex_type(r, k) == ES_WORD; k++) {
      if (is_market_noun(r, k)) return 0; /* "India's medical devices market" */
      if (ex_one_of(r, k, subject_verbs)) break;
    }
    if (ex_is(r, q, "region") || ex_is(r, q, "country")) q++;
    int m, g2;
    if ((ex_is(r, q, "and") || ex_char(r, q, '&') || ex_type(r, q) == ES_COMMA) &&
        (g2 = ex_geo(r, q + 1, &m)) >= 0 && !is_market_noun(r, q + 1 + m)) {
      geo_subject(s, g);
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
      geo_subject(s, g);
      return q - i;
    }
    return 0;
  }
  /* Words up to a verb: a segment of the paragraph's dimension. */
  if (ex_one_of(r, p, not_segment) || ex_type(r, p) != ES_WORD) return 0;
  int q = p;
  while (q < r->n_tok && q - p < 12 &&
         (ex_type(r, q) == ES_WORD || ex_char(r, q, '&') ||
          (q > p && ex_type(r, q) == ES_OPEN && ex_type(r, q + 1) == ES_WORD &&
           ex_type(r, q + 2) == ES_CLOSE)) &&
         !is_market_noun(r, q) && !is_segment_noun(r, q) &&
         !subject_verb(r, q) && !ex_one_of(r, q, reporting_verbs) &&
         (q == p || ((!ex_one_of(r, q, name_stops) || ex_is(r, q, "and")) &&
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
           !(r->info[b].flag & F_USED) && !ex_one_of(r, b, name_stops) &&
           !subject_verb(r, b)) {
      b--;
    }
    if (b < p - 2 && (is_break(r, b) || b < 0)) p = b + 1;
  }
  char words[NAME_CAP];
  if (name_words(r, p, q, -1, -1, words) && is_name(r, words)) {
    memset(s, 0, sizeof *s); /* the market, by its name */
    s->kind = S_MARKET;
    s->geo = r->opener_geo;
    return q - i;
  }
  segment_subject(r, s, p, q);
  list_subject(r, p, q, s);
  return q - i;
}

/* "By end user,", "Based on application,", "In terms of product,",
** "Among end users,", "Regionally,"; "In India,", "Worldwide,": their
** token count (the comma included), or 0. */
static int opener(ex_reader *r, int i, subject *cur) {
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
      geo_subject(cur, g);
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

/* --- years of a value ------------------------------------------------------- */

/* The nearest year printed before token i in the sentence, read for a
** value with no year after it: "by 2033 it will be USD 43.2 billion",
** "in FY22, growing 15% to ₹9.2 lakh crore". Not a year some amount
** took, nor one in a period; after "in", "for" or "during", not across a
** verb of the future. Its value, or 0. */
static int year_before(ex_reader *r, int i, int start, int *fiscal, int *at) {
  static const char *const preps[] = {"in", "by", "for", "during", "until",
                                      "till", "through", 0};
  static const char *const future[] = {
      "will", "expected", "projected", "forecast", "forecasted",
      "anticipated", "estimated", "set", "likely", "poised", "predicted",
      "should", "could", "may", "might", "reach", "touch", 0};
  for (int y = i - 1; y > start && y >= i - LOOK_BACK; y--) {
    int len, f, p, from, to;
    int year = ex_year_at(r, y, &len, &f);
    if (!year || y + len > i) continue;
    int outer = y - 1, ol, of;
    while (outer >= y - 3 && outer > start &&
           !(ex_year_at(r, outer, &ol, &of) && outer + ol > y)) {
      outer--;
    }
    if (outer >= y - 3 && outer > start) { /* inside "FY 2020-21" */
      y = outer;
      year = ex_year_at(r, y, &len, &f);
    }
    if ((r->info[y].flag & F_YEAR_TAKEN) || !ex_one_of(r, y - 1, preps)) {
      return 0;
    }
    for (int k = y - 3; k <= y; k++) {
      if (k >= start && ex_period_at(r, k, &p, &from, &to) && k + p > y) return 0;
    }
    if (!ex_is(r, y - 1, "by")) {
      for (int k = y + len; k < i; k++) {
        if (ex_one_of(r, k, future)) return 0;
      }
    }
    *fiscal = f;
    *at = y;
    return year;
  }
  return 0;
}

/* The year of a value whose last token is `last`, first `first`: after
** it (*after: its token, which the value takes), else before it, else the
** sentence's opening year (*seen: the year's token, or -1). */
static int value_year(ex_reader *r, int first, int last, int start,
                      int *after, int *seen, int *fiscal) {
  int year = 0, len;
  *fiscal = 0;
  *seen = *after = ex_year_after(r, last, &year, fiscal);
  if (*after >= 0) return year;
  /* "$9 billion to the global precision medicine market in 2015", "$5
  ** billion in revenue in 2024": past the whole it is a part of */
  if (ex_is(r, last + 1, "to") || ex_is(r, last + 1, "of") ||
      ex_is(r, last + 1, "in") || ex_is(r, last + 1, "for")) {
    static const char *const wholes[] = {"revenue", "revenues", "sales", 0};
    for (int k = last + 2; k < r->n_tok && k <= last + 9 && ex_type(r, k) == ES_WORD; k++) {
      if (is_market_noun(r, k) || ex_one_of(r, k, wholes)) {
        *seen = *after = ex_year_after(r, k, &year, fiscal);
        if (*after >= 0) return year;
        break;
      }
    }
  }
  /* "its 2022 valuation of USD 14.2 billion", "the 2024 value at ..." */
  if (ex_is(r, first - 1, "of") || ex_is(r, first - 1, "at")) {
    for (int y = first - 3; y < first - 1; y++) {
      if (y > start && (ex_is(r, y - 1, "its") || ex_is(r, y - 1, "the") ||
                        ex_is(r, y - 1, "a")) &&
          (year = ex_year_at(r, y, &len, fiscal)) && y + len < first - 1) {
        *seen = y;
        return year;
      }
    }
  }
  year = year_before(r, first, start, fiscal, seen);
  if (year) return year;
  *seen = r->opening_tok;
  *fiscal = r->opening_fiscal;
  return r->opening_year;
}

/* A value's year: the sentence's one year of values, or several. */
static void note_value_year(ex_reader *r, int year) {
  if (!year || r->value_year == year) return;
  r->value_years++;
  r->value_year = year;
}

static void note_year(ex_reader *r, int year) {
  if (!year) return;
  note_value_year(r, year);
  if (!r->sent_min_year || year < r->sent_min_year) r->sent_min_year = year;
  if (year > r->sent_max_year) r->sent_max_year = year;
  for (int k = 0; k < r->n_sent_years; k++) {
    if (r->sent_years[k] == year) return;
  }
  if (r->n_sent_years < 8) r->sent_years[r->n_sent_years] = year;
  r->n_sent_years++;
}

/* --- rates ------------------------------------------------------------------ */

/* The words between a verb and its percentage: articles and adjectives. */
static int rate_filler(ex_reader *r, int a, int b) {
  static const char *const breaks[] = {"to", "from", "in", "for", "with",
                                       "and", "or", "while", "which", 0};
  if (b - a > 4) return 0;
  for (int k = a; k < b; k++) {
    if (ex_type(r, k) != ES_WORD || ex_one_of(r, k, breaks)) return 0;
  }
  return 1;
}

static int annual_cue(ex_reader *r, int i) {
  static const char *const cues[] = {"annually", "a year", "per year",
                                     "per annum", "each year", "every year",
                                     "yearly", "a year on average", 0};
  for (int k = 0; cues[k]; k++) {
    if (ex_phrase(r, i, cues[k])) return 1;
  }
  return 0;
}

static int yoy_cue(ex_reader *r, int i) {
  static const char *const cues[] = {"year on year", "year-on-year",
                                     "year over year", "year-over-year",
                                     "y-o-y", "YoY", "y/y", 0};
  for (int k = 0; cues[k]; k++) {
    int n = ex_phrase(r, i, cues[k]);
    if (n) return n;
  }
  return 0;
}

/* Marks the percentages of the sentence that are rates (F_RATE), their
** cue and the marker or verb they hang on. */
static void find_rates(ex_reader *r, int start) {
  for (int k = start; k < r->n_tok; k++) {
    int m = ex_cagr_marker(r, k);
    if (!m) continue;
    int found = -1;
    percent p;
    for (int j = k + m; j < r->n_tok && j <= k + m + 8 && found < 0; j++) {
      if (ex_cagr_marker(r, j)) break;
      if (ex_percent_at(r, j, &p)) {
        if (!(r->info[p.number].flag & F_RATE)) found = p.number;
        break;
      }
    }
    for (int j = k - 1; j >= start && j >= k - 4 && found < 0; j--) {
      if (ex_percent_at(r, j, &p) && p.last < k && p.last >= k - 2 &&
          !(r->info[j].flag & F_RATE)) {
        found = j;
      }
    }
    if (found < 0) continue;
    r->info[found].flag |= F_RATE;
    r->info[found].cue = RATE_CAGR;
    r->info[found].anchor = k;
    for (int d = k - 1; d >= start && d >= k - 4; d--) {
      if (ex_one_of(r, d, decline_verbs) || ex_is(r, d, "negative")) {
        r->info[found].flag |= F_NEGATIVE;
      }
    }
    k += m - 1;
  }
  for (int v = start; v < r->n_tok; v++) {
    int decline = ex_one_of(r, v, decline_verbs);
    if (!decline && !ex_one_of(r, v, grow_verbs)) continue;
    for (int j = v + 1; j < r->n_tok && j <= v + 5; j++) {
      percent p;
      if (!ex_percent_at(r, j, &p)) continue;
      if ((r->info[p.number].flag & F_RATE) || !rate_filler(r, v + 1, p.first)) {
        break;
      }
      int at = 0, after = p.last + 1, y, f, cue = -1;
      for (int k = v + 1; k < p.first; k++) at |= ex_is(r, k, "at");
      amount am;
      if (annual_cue(r, after)) {
        cue = RATE_ANNUAL;
      } else if (yoy_cue(r, after) ||
                 (ex_is(r, after, "to") && ex_amount_at(r, after + 1, &am)) ||
                 ((ex_is(r, after, "in") || ex_is(r, after, "during")) &&
                  ex_year_at(r, after + 1, &y, &f))) {
        cue = RATE_YOY;
      } else if (at) {
        cue = RATE_ANNUAL;
      }
      if (cue >= 0) {
        r->info[p.number].flag |= F_RATE | (decline ? F_NEGATIVE : 0);
        r->info[p.number].cue = (signed char)cue;
        r->info[p.number].anchor = v;
      }
      break;
    }
  }
}

/* The year a year-on-year rate ends in: of the amount it grew to, or the
** year after it. */
static int yoy_year(ex_reader *r, const percent *p, int start) {
  int k = p->last + 1 + yoy_cue(r, p->last + 1), f, len;
  amount am;
  if (ex_is(r, k, "to") && ex_amount_at(r, k + 1, &am)) {
    int yt, seen;
    return value_year(r, am.first, am.last, start, &yt, &seen, &f);
  }
  if (ex_is(r, k, "in") || ex_is(r, k, "during")) return ex_year_at(r, k + 1, &len, &f);
  int seen;
  return value_year(r, p->first, p->last, start, &len, &seen, &f);
}

static void emit_rate(ex_reader *r, const percent *p, const subject *s,
                      int start) {
  int anchor = r->info[p->number].anchor, cue = r->info[p->number].cue;
  int first = anchor < p->first ? anchor : p->first;
  ex_row *row = ex_new_row(r, EX_CAGR, first, p->last);
  if (!row) return;
  int last = p->last;
  if (anchor > p->last) {
    last = anchor + ex_cagr_marker(r, anchor) - 1;
    ex_widen(r, row, last);
  }
  if (p->malformed) {
    ex_add_reason(r, row, "a number it cannot read");
  } else if (p->hi >= 0) {
    int lo = ex_span(r, r->tok[p->number].start, r->tok[p->number].end);
    int hi = ex_span(r, r->tok[p->hi].start, r->tok[p->hi].end);
    ex_add_reason(r, row, "a range, %s%% to %s%%: no single value",
                  ex_str(r, lo), ex_str(r, hi));
  } else if (p->sign_unclear) {
    ex_add_reason(r, row, "a dash apart from the number: its sign is unclear");
  } else {
    int negative = p->negative || (r->info[p->number].flag & F_NEGATIVE);
    row->has_value = 1;
    row->value = ex_fraction(&r->tok[p->number]) * (negative ? -1.0 : 1.0);
    row->decimals = r->tok[p->number].decimals;
  }
  ex_apply_subject(r, row, s);
  pending_rate pr;
  memset(&pr, 0, sizeof pr);
  pr.row = (int)(row - r->rows);
  pr.pct = p->number;
  pr.last = last;
  pr.anchor = anchor;
  pr.cue = cue;
  pr.market = s->kind == S_MARKET;
  if (cue == RATE_YOY) pr.yoy_year = yoy_year(r, p, start);
  if (ex_grow(r, (void **)&r->rates, r->n_rates, &r->cap_rates,
              sizeof *r->rates)) {
    r->rates[r->n_rates++] = pr;
  }
}

static int says_forecast_period(ex_reader *r, int start) {
  static const char *const tails[] = {"period", "years", "horizon",
                                      "timeframe", "window", 0};
  for (int k = start; k + 1 < r->n_tok; k++) {
    if ((ex_is(r, k, "forecast") || ex_is(r, k, "forecasted") ||
         ex_is(r, k, "projection")) &&
        ex_one_of(r, k + 1, tails)) {
      return 1;
    }
  }
  return 0;
}

static int says_future(ex_reader *r, int start) {
  static const char *const future[] = {
      "will", "expected", "projected", "forecast", "forecasted",
      "anticipated", "estimated", "set", "likely", "poised", "predicted",
      "should", "could", "may", "expects", "projects", "forecasts", 0};
  for (int k = start; k < r->n_tok; k++) {
    if (ex_one_of(r, k, future)) return 1;
  }
  return 0;
}

/* A period stated after the rate (before the next rate), or before it
** and taken by no other rate: its first token, or -1. */
static int stated_period(ex_reader *r, const pending_rate *pr, int start,
                         int next_pct, int *from, int *to) {
  int len;
  for (int k = pr->last + 1; k < r->n_tok && k <= pr->last + 12 && k < next_pct; k++) {
    if (!(r->info[k].flag & F_PERIOD_USED) && ex_period_at(r, k, &len, from, to)) {
      return k;
    }
  }
  int first = pr->anchor < pr->pct ? pr->anchor : pr->pct;
  for (int k = first - 1; k >= start && k >= first - LOOK_BACK; k--) {
    if (ex_period_at(r, k, &len, from, to) && k + len <= first) {
      return r->info[k].flag & F_PERIOD_USED ? -1 : k;
    }
  }
  return -1;
}

/* "through 2030", "to 2030", "by 2030" after the rate: the year, or 0. */
static int end_year(ex_reader *r, const pending_rate *pr) {
  static const char *const links[] = {"through", "to", "until", "till", "by",
                                      "thru", 0};
  int y, f;
  for (int k = pr->last + 1; k < r->n_tok && k <= pr->last + 4; k++) {
    if (ex_one_of(r, k, links)) return ex_year_at(r, k + 1, &y, &f);
  }
  return 0;
}

/* The latest figure year of the sentence before `end`, or 0. */
static int latest_before(ex_reader *r, int end) {
  int best = 0, n = r->n_sent_years < 8 ? r->n_sent_years : 8;
  for (int k = 0; k < n; k++) {
    if (r->sent_years[k] < end && r->sent_years[k] > best) best = r->sent_years[k];
  }
  return best;
}

/* The period of a rate with none stated, from what is around it; a note
** says which; 0 when nothing gives one. */
static int inferred_period(ex_reader *r, pending_rate *pr, int *from,
                           int *to) {
  ex_row *row = &r->rows[pr->row];
  const char *inferred = "period inferred from the figures around it";
  int end = end_year(r, pr), n = r->n_sent_years;
  if (pr->cue == RATE_YOY && pr->yoy_year) {
    *from = pr->yoy_year - 1;
    *to = pr->yoy_year;
    ex_add_note(r, row, "a year-on-year rate");
    return 1;
  }
  if (ex_phrase(r, pr->last + 1, "over the same period") ||
      ex_phrase(r, pr->last + 1, "during the same period") ||
      ex_phrase(r, pr->last + 1, "in the same period")) {
    if (!r->last_rate_to) return 0;
    *from = r->last_rate_from;
    *to = r->last_rate_to;
    ex_add_note(r, row, "period: that of the rate before it");
    return 1;
  }
  if (end) {
    /* To a year: from the forecast period's start, an earlier rate's, or
    ** the one figure year of the sentence or paragraph before it. */
    *to = end;
    if (r->forecast_to == end) {
      *from = r->forecast_from;
      ex_add_note(r, row, "period: the text's forecast period");
    } else if (r->last_rate_to == end) {
      *from = r->last_rate_from;
      ex_add_note(r, row, "period: that of an earlier rate to %d", end);
    } else if (n > 0 && n <= 8 && latest_before(r, end)) {
      *from = latest_before(r, end); /* the sentence's latest figure */
      ex_add_note(r, row, "%s", inferred);
    } else if (n == 0 && r->para_max_year && r->para_max_year < end) {
      *from = r->para_max_year;
      ex_add_note(r, row, "%s", inferred);
    } else {
      return 0;
    }
    return 1;
  }
  if (r->forecast_to && r->sent_forecast) {
    *from = r->forecast_from;
    *to = r->forecast_to;
    ex_add_note(r, row, "period: the text's forecast period");
    return 1;
  }
  /* The two figure years of the sentence; its one and the paragraph's
  ** latest before; the two of the sentence before. More: not clear. */
  if (n == 2) {
    *from = r->sent_years[0] < r->sent_years[1] ? r->sent_years[0] : r->sent_years[1];
    *to = r->sent_years[0] < r->sent_years[1] ? r->sent_years[1] : r->sent_years[0];
  } else if (n == 1 && r->para_max_year && r->para_max_year < r->sent_years[0]) {
    *from = r->para_max_year;
    *to = r->sent_years[0];
  } else if (n == 0 && r->prev_n_years == 2) {
    *from = r->prev_min_year;
    *to = r->prev_max_year;
  } else {
    return 0;
  }
  ex_add_note(r, row, "%s", inferred);
  return 1;
}

/* The same period as another rate of the sentence (one of the four before
** or after it) about another segment of the same dimension ("X grows at 28.5% from 2016 to 2022; Y, the
** fastest, at 29.6%"): 1 when found. */
static int sibling_period(ex_reader *r, int k, int *from, int *to) {
  const ex_row *row = &r->rows[r->rates[k].row];
  const char *dim = ex_str(r, row->dimension), *seg = ex_str(r, row->segment);
  if (!dim || !seg || strcmp(dim, "market") == 0) return 0;
  for (int j = k > 4 ? k - 4 : 0; j < r->n_rates && j <= k + 4; j++) {
    const ex_row *o = &r->rows[r->rates[j].row];
    const char *odim = ex_str(r, o->dimension), *oseg = ex_str(r, o->segment);
    if (j == k || !r->rates[j].stated || !odim || !oseg) continue;
    if (strcmp(odim, dim) != 0 || strcmp(oseg, seg) == 0) continue;
    *from = o->from_year;
    *to = o->to_year;
    return 1;
  }
  return 0;
}

/* The periods of the sentence's rates (requirement 3): stated; else
** inferred; else another segment's in the same sentence; else none. */
static void rate_periods(ex_reader *r, int start) {
  int future = says_future(r, start), forecast = says_forecast_period(r, start);
  r->sent_forecast = forecast;
  for (int k = 0; k < r->n_rates && !r->oom; k++) {
    pending_rate *pr = &r->rates[k];
    ex_row *row = &r->rows[pr->row];
    int next = k + 1 < r->n_rates ? r->rates[k + 1].pct : r->n_tok, from, to;
    int at = stated_period(r, pr, start, next, &from, &to), len;
    if (at < 0) continue;
    ex_period_at(r, at, &len, &from, &to);
    for (int t = at; t < at + len; t++) r->info[t].flag |= F_PERIOD_USED;
    row->from_year = from;
    row->to_year = to;
    pr->stated = 1;
    if (!r->forecast_to &&
        ((pr->market && (future || forecast)) || r->forecast_hint == to)) {
      r->forecast_from = from;
      r->forecast_to = to;
    }
  }
  for (int k = 0; k < r->n_rates && !r->oom; k++) {
    pending_rate *pr = &r->rates[k];
    ex_row *row = &r->rows[pr->row];
    int from = 0, to = 0;
    if (pr->stated) continue;
    if (inferred_period(r, pr, &from, &to) && to > from) {
      row->from_year = from;
      row->to_year = to;
      if (pr->market && !r->forecast_to && forecast) {
        r->forecast_from = from;
        r->forecast_to = to;
      }
    } else if (sibling_period(r, k, &from, &to)) {
      row->from_year = from;
      row->to_year = to;
      ex_add_note(r, row, "period: that of the rate beside it");
    } else {
      ex_add_reason(r, row, "no period stated and none to infer");
    }
  }
  for (int k = 0; k < r->n_rates; k++) {
    const ex_row *row = &r->rows[r->rates[k].row];
    if (row->to_year) {
      r->last_rate_from = row->from_year;
      r->last_rate_to = row->to_year;
    }
  }
}

/* --- shares --------------------------------------------------------------- */

/* Whether percentage p is a share by the words around it: "share" after
** it ("a 22.5% share", "40% market share"), "of" and a whole ("of the
** market", "of revenue", "of demand", "of the total"), or, looking back
** over words, years and commas, "share" ("a share of", "the largest
** share in 2016, 55.49%") or a verb of holding or leading ("accounted
** for", "held", "took a relatively small", "dominated in 2016 with"). */
static int share_words(ex_reader *r, const percent *p) {
  static const char *const wholes[] = {
      "market", "markets", "revenue", "revenues", "sales", "demand",
      "industry", "share", "value", "volume", "installations", "total",
      "sector", 0};
  static const char *const before_share[] = {"market", "revenue", "value",
                                             "volume", 0};
  static const char *const holding[] = {
      "accounted", "accounts", "accounting", "account", "held", "holds",
      "holding", "hold", "captured", "captures", "capturing", "took",
      "takes", "taking", "represented", "represents", "representing",
      "contributed", "contributes", "contributing", "comprised",
      "comprises", "commanded", "commands", "generated", "generates",
      "made", "makes", "making", "occupied", "occupies", "secured",
      "garnered", "dominated", "dominates", "dominating", "led", "leads",
      "largest", 0};
  int k = p->last + 1;
  if (ex_is(r, k, "share") || ex_is(r, k, "shares")) return 1;
  if (ex_one_of(r, k, before_share) && ex_is(r, k + 1, "share")) return 1;
  if (ex_is(r, k, "of")) {
    for (int q = k + 1; q < r->n_tok && q <= k + 5 && ex_type(r, q) == ES_WORD; q++) {
      if (ex_one_of(r, q, wholes) || is_market_noun(r, q)) return 1;
    }
    /* "60% of deaths": a share of something else */
    if (ex_type(r, k + 1) == ES_WORD && !ex_is(r, k + 1, "it")) return 0;
  }
  for (int b = p->first - 1; b >= 0 && b >= p->first - 12; b--) {
    es_type t = ex_type(r, b);
    if (t == ES_COMMA || (t == ES_NUMBER && es_is_year(&r->tok[b]))) continue;
    /* "31% and 22%": past the percentages of a list */
    if (t == ES_PERCENT || (t == ES_NUMBER && ex_type(r, b + 1) == ES_PERCENT)) continue;
    if (t != ES_WORD) break;
    if (ex_is(r, b, "share") || ex_is(r, b, "shares") || ex_one_of(r, b, holding)) {
      return 1;
    }
    if (ex_one_of(r, b, grow_verbs) || ex_one_of(r, b, decline_verbs)) break;
  }
  return 0;
}

static const char *qualifier_before(ex_reader *r, int i) {
  static const char *const words[] = {"over", "nearly", "almost", "about",
                                      "around", "approximately", "roughly",
                                      "above", "under", "below", "exceeding",
                                      0};
  if (ex_one_of(r, i - 1, words)) return 0;
  if (ex_is(r, i - 1, "than") && ex_is(r, i - 2, "more")) return "more than";
  if (ex_is(r, i - 1, "than") && ex_is(r, i - 2, "less")) return "less than";
  if (ex_is(r, i - 1, "to") && ex_is(r, i - 2, "up")) return "up to";
  if (ex_is(r, i - 1, "to") && ex_is(r, i - 2, "close")) return "close to";
  if (ex_char(r, i - 1, '~') || ex_char(r, i - 1, 0x2248)) return "~";
  return 0;
}

static void note_qualifier(ex_reader *r, ex_row *row, int i) {
  static const char *const words[] = {"over", "nearly", "almost", "about",
                                      "around", "approximately", "roughly",
                                      "above", "under", "below", "exceeding",
                                      0};
  const char *q = qualifier_before(r, i);
  if (!q && ex_one_of(r, i - 1, words)) {
    int w = ex_span(r, r->tok[i - 1].start, r->tok[i - 1].end);
    if (w >= 0) ex_add_note(r, row, "printed as \"%s\"", ex_str(r, w));
    return;
  }
  if (q) ex_add_note(r, row, "printed as \"%s\"", q);
}

static void emit_share(ex_reader *r, const percent *p, const subject *s,
                       int start) {
  ex_row *row = ex_new_row(r, EX_FIGURE, p->first, p->last);
  if (!row) return;
  if (p->malformed || p->hi >= 0 || p->negative || p->sign_unclear) {
    ex_add_reason(r, row, "a share it cannot read as one number");
  } else {
    row->has_share = 1;
    row->share = ex_fraction(&r->tok[p->number]);
  }
  note_qualifier(r, row, p->first);
  /* The year: after the share's words ("a 22.5% share in 2024", "68.1% of
  ** the market in 2024"), else before it. */
  int fiscal = 0, year = 0, yt = -1, seen = -1;
  for (int q = p->last; q < r->n_tok && q <= p->last + 6 && yt < 0; q++) {
    if (q > p->last && (ex_type(r, q) != ES_WORD || is_break(r, q))) break;
    seen = yt = ex_year_after(r, q, &year, &fiscal);
  }
  if (yt < 0) year = value_year(r, p->first, p->last, start, &yt, &seen, &fiscal);
  if (yt >= 0) r->info[yt].flag |= F_YEAR_TAKEN;
  if (seen >= 0) ex_widen(r, row, seen);
  if (year) {
    row->year = year;
    note_value_year(r, year);
    if (fiscal) ex_add_note(r, row, "fiscal year read as %d, the year it ends in", year);
  } else {
    row->pending |= EX_NO_YEAR;
  }
  ex_apply_subject(r, row, s);
}

/* --- claims --------------------------------------------------------------- */

/* A dominant or fastest-growing claim at token i: its kind (EX_DOMINANT,
** EX_FASTEST) and its token count, or EX_FIGURE. When the claim names its
** subject, *who is it (else its kind is S_NONE): the passive "dominated by
** <geography or segment>", the inverted "the largest region was
** <geography>". */
static ex_kind claim_at(ex_reader *r, int i, int *len, subject *who) {
  static const char *const dominate[] = {"dominate", "dominates", "dominated",
                                         "dominating", 0};
  static const char *const lead[] = {"leads", "lead", "led", 0};
  static const char *const largest[] = {"largest", "biggest", "leading",
                                        "dominant", "larger", "highest", 0};
  static const char *const ranked[] = {
      "region", "regions", "segment", "share", "market", "country",
      "revenue", "contributor", "position", "type", "category", "end-user",
      "application", "product", "component", "player", "in", "with",
      "revenue-grossing", "revenue-generating", "grossing", 0};
  static const char *const copulas[] = {"was", "is", "remains", "remained",
                                        "will", "be", "expected", "to",
                                        "projected", "anticipated", 0};
  static const char *const fast_next[] = {"CAGR", "rate", "pace", "growth",
                                          "growing", 0};
  int n, g;
  *len = 1;
  memset(who, 0, sizeof *who);
  who->geo = -1;
  if (ex_is(r, i - 1, "of") && ex_is(r, i - 2, "one")) return EX_FIGURE;
  if (ex_is(r, i - 2, "of") && ex_is(r, i - 3, "one")) return EX_FIGURE;
  ex_kind kind = EX_FIGURE;
  if (ex_one_of(r, i, dominate) || ex_one_of(r, i, lead)) {
    if (ex_is(r, i + 1, "by")) {
      /* "dominated by North America", "dominated by pathology, which" */
      int k = i + 2 + ex_is(r, i + 2, "the");
      if ((g = ex_geo(r, k, &n)) >= 0) {
        geo_subject(who, g);
      } else {
        int e = k;
        while (e < r->n_tok && e - k < 4 && ex_type(r, e) == ES_WORD &&
               !ex_one_of(r, e, name_stops) && !ex_one_of(r, e, not_segment)) {
          e++;
        }
        if (e == k) return EX_FIGURE;
        segment_subject(r, who, k, e);
        n = e - k;
      }
      *len = k + n - i;
      return EX_DOMINANT;
    }
    if (ex_one_of(r, i, lead) && !(ex_is(r, i + 1, "the") || ex_is(r, i + 1, "with") ||
                                   ex_is(r, i + 1, "in") || is_break(r, i + 1) ||
                                   ex_type(r, i + 1) == ES_END)) {
      return EX_FIGURE;
    }
    return EX_DOMINANT;
  }
  if (ex_one_of(r, i, largest) && (ex_is(r, i - 1, "the") || ex_is(r, i - 1, "a")) &&
      !(ex_is(r, i, "highest") && ex_is(r, i + 1, "growth"))) {
    int k = i + 1;
    int any = ex_is(r, k, "of") && (ex_is(r, k + 1, "any") || ex_is(r, k + 1, "all"));
    if (!any && !ex_one_of(r, k, ranked) && ex_type(r, k) == ES_WORD &&
        !(r->ctx_dim[0] && ex_is(r, k, r->ctx_dim)) && !ex_is(r, i, "highest")) {
      return EX_FIGURE;
    }
    if (!(ex_is(r, i, "highest") &&
          (ex_cagr_marker(r, k) || ex_is(r, k, "rate") || !ex_one_of(r, k, ranked)))) {
      kind = EX_DOMINANT;
    }
  }
  if (kind == EX_FIGURE) {
    if (ex_is(r, i, "fastest-growing") || ex_is(r, i, "fastest-expanding") ||
        ex_is(r, i, "quickest-growing") ||
        (ex_is(r, i, "fastest") && ex_one_of(r, i + 1, fast_next)) ||
        (ex_is(r, i, "highest") &&
         (ex_cagr_marker(r, i + 1) || ex_is(r, i + 1, "growth"))) ||
        (ex_is(r, i, "most") && ex_is(r, i + 1, "rapid"))) {
      kind = EX_FASTEST;
      if (ex_is(r, i, "fastest") || ex_is(r, i, "highest") || ex_is(r, i, "most")) {
        *len = 2;
      }
    } else {
      return EX_FIGURE;
    }
  }
  /* Inverted: "the largest region was North America". */
  int k = i + *len;
  if (ex_type(r, k) == ES_WORD && !ex_one_of(r, k, copulas)) k++;
  int c = k;
  while (c < r->n_tok && c - k < 4 && ex_one_of(r, c, copulas)) c++;
  if (c > k && (g = ex_geo(r, c, &n)) >= 0) {
    geo_subject(who, g);
    *len = c + n - i;
  }
  return kind;
}

/* The same subject; the market named without a geography is the same as
** the market named with one. */
static int same_subject(const subject *a, const subject *b) {
  if (a->kind == S_MARKET && b->kind == S_MARKET) {
    return a->geo == b->geo || a->geo < 0 || b->geo < 0;
  }
  return a->kind == b->kind && a->geo == b->geo && a->seg_start == b->seg_start &&
         a->seg_end == b->seg_end;
}

/* --- the sentence ---------------------------------------------------------- */

/* Whether amount a is money that flows (invested, raised, spent, paid,
** traded: "raised USD 2 billion", "USD 2 billion in funding", "poured USD 5
** billion into"), no market's size. */
static int money_flow(ex_reader *r, const amount *a) {
  static const char *const flows[] = {
      "invest", "invests", "invested", "investing", "investment",
      "investments", "investors", "raise", "raises", "raised", "raising",
      "funding", "funded", "fund", "funds", "financing", "financed",
      "grant", "grants", "granted", "allocate", "allocated", "allocation",
      "budget", "budgeted", "spend", "spends", "spent", "acquire",
      "acquired", "acquisition", "acquisitions", "deal", "deals", "paid",
      "pay", "pays", "purchase", "purchased", "bought", "loan", "loans",
      "subsidy", "subsidies", "export", "exports", "exported", "import",
      "imports", "imported", "outlay", "capex", "injected", "poured",
      "committed", "pledged", "donated", "awarded", "earmarked", "worth",
      "capital", "venture", "grossed", 0};
  static const char *const skip[] = {"of", "a", "an", "about", "nearly",
                                     "over", "some", "the", "around",
                                     "approximately", "roughly", "up", "to",
                                     "more", "than", "another", "additional",
                                     0};
  int b = a->first - 1;
  for (int k = 0; k < 3 && ex_one_of(r, b, skip); k++) b--;
  if (ex_one_of(r, b, flows) && !ex_is(r, b, "worth")) return 1;
  int n = a->last + 1;
  if (ex_is(r, n, "into")) return 1;
  if ((ex_is(r, n, "in") || ex_is(r, n, "of") || ex_is(r, n, "for")) &&
      ex_one_of(r, n + 1, flows)) {
    return 1;
  }
  return ex_is(r, n, "worth") && ex_is(r, n + 1, "of") && ex_one_of(r, n + 2, flows);
}

/* The amount or percentage at token i, of subject s: its rows; the last
** token read. */
static int emit_value(ex_reader *r, int i, int start, const subject *s) {
  amount am;
  percent p;
  int fiscal;
  if (ex_amount_at(r, i, &am)) {
    int yt, seen, year = value_year(r, am.first, am.last, start, &yt, &seen,
                                    &fiscal);
    if (yt >= 0) r->info[yt].flag |= F_YEAR_TAKEN;
    ex_row *row = ex_emit_amount(r, &am, seen, year, fiscal, s);
    if (row && money_flow(r, &am)) {
      ex_add_reason(r, row, "money invested, raised, spent or traded, not a "
                            "market's size");
    } else if (row && row->has_value) {
      note_year(r, row->year);
      note_qualifier(r, row, am.first);
    }
    return am.last;
  }
  if (!ex_percent_at(r, i, &p)) return i;
  if (r->info[p.number].flag & F_RATE) {
    emit_rate(r, &p, s, start);
  } else if (share_words(r, &p) && s->kind != S_MARKET) {
    emit_share(r, &p, s, start);
  } else {
    ex_emit_percent(r, &p);
  }
  return p.last;
}

/* Where the sentence's words start: after a bullet, and after a bullet's
** "Label:" (which names the paragraph's dimension). */
static int content_start(ex_reader *r) {
  int i = 0;
  es_type k = ex_type(r, 0);
  int bullet = (k == ES_DASH && r->n_tok > 1 && !r->tok[1].attached) ||
               (k == ES_OTHER && (r->tok[0].cp == '*' || r->tok[0].cp == 0x2022 ||
                                  r->tok[0].cp == 0x25AA || r->tok[0].cp == 0x25CF));
  if (!bullet) return 0;
  i = 1;
  int e = i;
  while (e < r->n_tok && e - i < 4 && ex_type(r, e) == ES_WORD) e++;
  if (e > i && ex_char(r, e, ':')) {
    char dim[DIM_CAP];
    int d = i; /* "By product:", "Based on region:" */
    if (ex_is(r, d, "by")) d++;
    else if (ex_phrase(r, d, "based on")) d += 2;
    else if (ex_phrase(r, d, "in terms of")) d += 3;
    if (d < e && ex_dimension_words(r, d, e, dim)) strcpy(r->ctx_dim, dim);
    return e + 1;
  }
  return i;
}

typedef struct claim_seen {
  ex_kind kind;
  subject who;
} claim_seen;

static void emit_claim(ex_reader *r, ex_kind kind, int i, int len,
                       const subject *who, const subject *cur, claim_seen *seen,
                       int *n_seen) {
  subject s = who->kind != S_NONE ? *who : *cur;
  if (s.kind != S_GEO && s.kind != S_SEGMENT) return;
  for (int k = 0; k < *n_seen; k++) {
    if (seen[k].kind == kind && same_subject(&seen[k].who, &s)) return;
  }
  if (*n_seen < 8) {
    seen[*n_seen].kind = kind;
    seen[(*n_seen)++].who = s;
  }
  ex_row *row = ex_new_row(r, kind, i, i + len - 1);
  if (row) ex_apply_subject(r, row, &s);
}

/* A word at token i that points back to the subject before: "it", "its",
** "this", "that", "these" (not "this year", "that month"). */
static int points_back(ex_reader *r, int i) {
  static const char *const pointers[] = {"this", "that", "these", 0};
  static const char *const times[] = {"year", "years", "month", "months",
                                      "quarter", "week", "time", "day", 0};
  if (ex_is(r, i, "it") || ex_is(r, i, "its")) return 1;
  return ex_one_of(r, i, pointers) && !ex_one_of(r, i + 1, times) &&
         ex_type(r, i + 1) == ES_WORD;
}

/* The one year the sentence names that no value took and no period
** holds: its value, or 0 (also when it names several). */
static int free_year(ex_reader *r, int start, int *tok, int *fiscal) {
  int found = 0;
  for (int i = start; i < r->n_tok; i++) {
    int len, f, p, from, to;
    if (ex_period_at(r, i, &p, &from, &to)) {
      i += p - 1;
      continue;
    }
    static const char *const preps[] = {"in", "by", "for", "during", 0};
    int y = ex_year_at(r, i, &len, &f);
    if (!y) continue;
    if ((r->info[i].flag & F_YEAR_TAKEN) || !ex_one_of(r, i - 1, preps)) return 0;
    if (found && found != y) return 0;
    found = y;
    *tok = i;
    *fiscal = f;
    i += len - 1;
  }
  return found;
}

/* The end of a sentence: rows read before their subject take the
** sentence's subject when it names one only ("Worth USD 97.4 billion in
** 2021, the global ... market will shrink"), or the sentence before's
** when it points back ("that is a CAGR of ..."); a share whose subject is
** the whole market is no share; rows with no year take the one year the
** sentence names, else (in the past tense) the one figure year of the
** sentence before. What stays missing is a reason. */
static void settle(ex_reader *r, int start, int first_row,
                   const subject *first, int mixed) {
  subject who;
  memset(&who, 0, sizeof who);
  who.geo = -1;
  if (first->kind != S_NONE && !mixed) {
    who = *first;
  } else if (first->kind == S_NONE) {
    for (int i = start; i < r->n_tok; i++) {
      if (points_back(r, i)) {
        who = r->prev;
        break;
      }
    }
  }
  int tok = -1, fiscal = 0, year = 0, before = 0;
  if (!says_future(r, start)) {
    year = free_year(r, start, &tok, &fiscal);
    if (!year && r->prev_value_year) before = r->prev_value_year;
  }
  r->deferring = 0;
  for (int k = first_row; k < r->n_rows && !r->oom; k++) {
    ex_row *row = &r->rows[k];
    if (row->pending & EX_NO_SUBJECT) {
      row->pending &= ~EX_NO_SUBJECT;
      ex_apply_subject(r, row, &who);
      if (row->has_share && who.kind != S_GEO && who.kind != S_SEGMENT) {
        row->kind = EX_PERCENT;
        row->has_share = 0;
        row->reason = row->dimension = row->segment = -1;
        row->market_of = row->geo = -1;
        row->pending = row->pending_geo = 0;
        ex_add_reason(r, row, "a percentage that is neither a share nor a "
                              "stated rate");
        continue;
      }
    }
    if (row->pending & EX_NO_YEAR) {
      row->pending &= ~EX_NO_YEAR;
      int sibling = 0;
      for (int j = first_row; j < r->n_rows && row->list && !sibling; j++) {
        if (r->rows[j].list == row->list && r->rows[j].year) sibling = r->rows[j].year;
      }
      if (sibling) {
        row->year = sibling;
        ex_add_note(r, row, "year of the list's other values");
      } else if (year) {
        row->year = year;
        ex_widen(r, row, tok);
        if (fiscal) ex_add_note(r, row, "fiscal year read as %d, the year it ends in", year);
      } else if (before) {
        row->year = before;
        ex_add_note(r, row, "year from the sentence before");
      } else {
        ex_add_reason(r, row, "no year");
      }
    }
  }
}

void ex_prose(ex_reader *r, int same_paragraph) {
  int start = content_start(r);
  r->opening_year = 0;
  r->opener_geo = -1;
  r->sent_min_year = r->sent_max_year = r->n_sent_years = 0;
  r->value_year = r->value_years = 0;
  r->n_rates = 0;
  if (!same_paragraph) {
    r->prev_min_year = r->prev_max_year = r->prev_n_years = 0;
    r->prev_value_year = 0;
  }
  int yl, fiscal, opened = -1;
  r->opening_tok = -1;
  r->opening_fiscal = 0;
  if ((ex_is(r, start, "In") || ex_is(r, start, "For") || ex_is(r, start, "During") ||
       ex_is(r, start, "By")) &&
      ex_year_at(r, start + 1, &yl, &fiscal)) {
    r->opening_year = ex_year_at(r, start + 1, &yl, &r->opening_fiscal);
    r->opening_tok = start + 1;
    opened = start + 1 + yl; /* a clause starts after "In 2016" */
    if (ex_type(r, opened) == ES_COMMA) opened = -1;
  }
  find_rates(r, start);
  r->deferring = 1;
  int first_row = r->n_rows, mixed = 0;
  subject cur, first;
  memset(&cur, 0, sizeof cur);
  cur.geo = -1;
  first = cur;
  claim_seen seen[8];
  int n_seen = 0, clause_has = 0, next_item = 0, list_no = 0;
  static const char *const anaphors[] = {"revenue", "revenues", "sales",
                                         "turnover", 0};
  if (ex_one_of(r, start, anaphors) && r->prev.kind == S_MARKET) cur = r->prev;
  if (points_back(r, start)) cur = r->prev;
  for (int i = start; i < r->n_tok; i++) {
    subject s, named;
    int bare, object, len;
    if (clause_starts(r, i, start) || i == opened) {
      clause_has = 0;
      int skip = opener(r, i, &cur);
      for (int k = i; k < i + skip; k++) r->info[k].flag |= F_USED;
      if (skip) {
        if (cur.kind != S_NONE && first.kind == S_NONE) first = cur;
        i += skip - 1;
        continue;
      }
      if ((len = clause_subject(r, i, &cur, &s)) > 0) {
        cur = s;
        next_item = 0;
        list_no += s.n_items > 0;
        clause_has = 1;
        if (first.kind == S_NONE) first = s;
        mixed |= !same_subject(&first, &s);
        i += len - 1;
        continue;
      }
    }
    if (r->info[i].flag & F_USED) continue;
    if (is_market_noun(r, i)) {
      int at;
      /* A market phrase at a clause's start is its subject ("; the market
      ** is forecast to decline"); elsewhere, unless the clause has one,
      ** or it is a bare "the market" or a preposition's object after a
      ** subject of the sentence. */
      if (market_phrase(r, i, &s, &bare, &object, &at) &&
          (clause_starts(r, at, start) ||
           (!clause_has && !(bare && cur.kind != S_NONE) &&
            !(object && cur.kind != S_NONE)))) {
        cur = s;
        if (!bare) clause_has = 1;
        if (first.kind == S_NONE) first = s;
        mixed |= !same_subject(&first, &s);
      }
      continue;
    }
    if (is_segment_noun(r, i)) {
      if (segment_phrase(r, i, &s)) {
        cur = s;
        clause_has = 1;
        if (first.kind == S_NONE) first = s;
        mixed |= !same_subject(&first, &s);
      }
      continue;
    }
    if ((ex_is(r, i, "it") || ex_is(r, i, "its")) && cur.kind == S_NONE) {
      cur = r->prev;
      continue;
    }
    amount am;
    percent p;
    ex_kind kind;
    if (cur.n_items && (ex_amount_at(r, i, &am) || ex_percent_at(r, i, &p))) {
      /* A list's values: each item's, or the items' in order. */
      int first_item = cur.each ? 0 : next_item, last_item = cur.each ? cur.n_items : next_item + 1;
      int end = i;
      for (int k = first_item; k < last_item; k++) {
        subject item = k < cur.n_items ? list_item(&cur, k) : cur;
        if (k >= cur.n_items) item.problem = "more values than the list names";
        int n0 = r->n_rows;
        end = emit_value(r, i, start, &item);
        for (int j = n0; j < r->n_rows; j++) r->rows[j].list = list_no;
      }
      if (!cur.each) next_item++;
      i = end;
      continue;
    }
    if (ex_amount_at(r, i, &am) || ex_percent_at(r, i, &p)) {
      i = emit_value(r, i, start, &cur);
    } else if ((kind = claim_at(r, i, &len, &named)) != EX_FIGURE) {
      emit_claim(r, kind, i, len, &named, &cur, seen, &n_seen);
      if (named.kind != S_NONE) {
        cur = named;
        clause_has = 1;
        if (first.kind == S_NONE) first = cur;
        mixed |= !same_subject(&first, &cur);
      }
      i += len - 1;
    }
  }
  rate_periods(r, start);
  settle(r, start, first_row, &first, mixed);
  r->deferring = 0;
  if (first.kind != S_NONE) r->prev = first;
  if (r->sent_max_year) {
    if (r->sent_max_year > r->para_max_year) r->para_max_year = r->sent_max_year;
  }
  r->prev_min_year = r->sent_min_year;
  r->prev_max_year = r->sent_max_year;
  r->prev_n_years = r->n_sent_years;
  r->prev_value_year = r->value_years == 1 ? r->value_year : 0;
}
