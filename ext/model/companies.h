/* SPDX-License-Identifier: MIT */
/*
** companies.h -- pm_companies (companies.c).
*/
#ifndef PMEXT_MODEL_COMPANIES_H
#define PMEXT_MODEL_COMPANIES_H

#include "derived.h"

extern const model_table model_table_companies;

#endif /* PMEXT_MODEL_COMPANIES_H */
