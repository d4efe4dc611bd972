/* SPDX-License-Identifier: MIT */
/*
** compare.h -- pm_compare (compare.c).
*/
#ifndef PMEXT_MODEL_COMPARE_H
#define PMEXT_MODEL_COMPARE_H

#include "derived.h"

extern const model_table model_table_compare;

#endif /* PMEXT_MODEL_COMPARE_H */
