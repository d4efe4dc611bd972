/* SPDX-License-Identifier: MIT */
/*
** facts.h -- pm_facts and pm_model_facts (facts.c).
*/
#ifndef PMEXT_MODEL_FACTS_H
#define PMEXT_MODEL_FACTS_H

#include "derived.h"

extern const model_table model_table_facts, model_table_model_facts;

#endif /* PMEXT_MODEL_FACTS_H */
