/* SPDX-License-Identifier: MIT */
/*
** units.h -- the units and currencies read (units.c).
*/
#ifndef PMEXT_MODEL_UNITS_H
#define PMEXT_MODEL_UNITS_H

#include "sqlite3ext.h"

/* A unit read: 'US$ bn' is currency 'USD', scale 'bn' ('billion'). */
typedef struct model_unit {
  char currency[4];
  const char *scale, *scale_name;
  double to_bn; /* factor from the unit to billions */
} model_unit;
/* 0 and *out, or why text is not a unit (then add model_unit_forms). */
const char *model_unit_parse(const char *text, model_unit *out);
/* 0 and the code of a currency ('US$' -> 'USD'), or why not. */
const char *model_currency_parse(const char *text, char code[4]);
extern const char model_unit_forms[];

#endif /* PMEXT_MODEL_UNITS_H */
