/*
** model_data.c -- the personalized medicine market report, as data.
**
** Every figure and fact the report prints is declared here once, exactly as
** printed (percentages as fractions: 44.96 % is 0.4496). Nothing here is
** computed: interpolated years, derived values, shares, implied rates and
** the audit are rules in model.c. Segment names follow the report's
** wording ("Neurology and psychiatry", "Asia-Pacific" as in its tables).
** Products and applications are named by the report without any figure.
*/
#include "model.h"

#include <stddef.h>

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const model_segment segments[] = {
    /* dimension, segment, n_values, {values}, n_shares, {shares}, share_step */
    {"market", "Global", 3, {{2024, 578.14}, {2025, 616.26}, {2034, 1094.83}},
     0, {{0, 0}}, 0},
    {"region", "North America", 2, {{2024, 259.93}, {2034, 492.24}},
     1, {{2024, 0.4496}}, 0.0001},
    {"region", "Europe", 2, {{2024, 166.04}, {2034, 314.44}},
     1, {{2024, 0.2872}}, 0.0001},
    {"region", "Asia-Pacific", 2, {{2024, 101.41}, {2034, 192.03}},
     1, {{2024, 0.1754}}, 0.0001},
    {"region", "LAMEA", 2, {{2024, 50.76}, {2034, 96.13}},
     1, {{2024, 0.0878}}, 0.0001},
    {"end_user", "Hospitals", 0, {{0, 0}}, 1, {{2024, 0.41}}, 0.01},
    {"end_user", "Diagnostic Centers", 0, {{0, 0}}, 1, {{2024, 0.24}}, 0.01},
    {"end_user", "Research & Academic Institutes", 0, {{0, 0}},
     1, {{2024, 0.22}}, 0.01},
    {"end_user", "Others", 0, {{0, 0}}, 1, {{2024, 0.13}}, 0.01},
    {"product", "Personalized Medicine Therapeutics", 0, {{0, 0}}, 0,
     {{0, 0}}, 0},
    {"product", "Personalized Medicine Diagnostics", 0, {{0, 0}}, 0,
     {{0, 0}}, 0},
    {"application", "Oncology", 0, {{0, 0}}, 0, {{0, 0}}, 0},
    {"application", "Infectious Disease", 0, {{0, 0}}, 0, {{0, 0}}, 0},
    {"application", "Neurology and psychiatry", 0, {{0, 0}}, 0, {{0, 0}}, 0},
    {"application", "Cardiovascular", 0, {{0, 0}}, 0, {{0, 0}}, 0},
    {"application", "Others", 0, {{0, 0}}, 0, {{0, 0}}, 0},
};

/* In the order of the report's "Key Companies" row. */
static const model_company companies[] = {
    {"GE Healthcare", NULL, "GE Healthcare"},
    {"Illumina, Inc.", NULL, "Illumina, Inc."},
    {"ASURAGEN, INC.", NULL, "ASURAGEN, INC."},
    {"Abbott", NULL, "Abbott"},
    {"Dako A/S", NULL, "Dako A/S"},
    {"Exact Sciences Corporation", NULL, "Exact Sciences Corporation"},
    {"Cepheid, Inc.", "Danaher Corporation",
     "Danaher Corporation (Cepheid, Inc.)"},
    {"Decode Genetics, Inc.", NULL, "Decode Genetics, Inc."},
    {"QIAGEN", NULL, "QIAGEN"},
    {"Exagen Inc.", NULL, "Exagen Inc."},
    {"Precision Biologics", NULL, "Precision Biologics"},
    {"Celera Diagnostics LLC.", NULL, "Celera Diagnostics LLC."},
    {"Biogen", NULL, "Biogen"},
    {"Genelex", NULL, "Genelex"},
    {"IBM", NULL, "IBM"},
    {"Genentech, Inc.", NULL, "Genentech, Inc."},
};

static const model_report report = {
    "Personalized medicine market", /* title */
    "USD billion",                  /* unit */
    0.01,                           /* value_step */
    2024,                           /* base_year */
    2025,                           /* forecast_first */
    2034,                           /* forecast_last */
    0.1137,                         /* stated_cagr */
    0.0001,                         /* stated_cagr_step */
    2025,                           /* stated_cagr_from */
    2034,                           /* stated_cagr_to */
    "North America",                /* dominant_region */
    "Asia-Pacific",                 /* growing_region */
    segments,
    COUNT(segments),
    companies,
    COUNT(companies),
};

const model_report *model_report_get(void) { return &report; }
