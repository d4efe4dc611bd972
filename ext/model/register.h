/* SPDX-License-Identifier: MIT */
/*
** register.h -- the model engine's tables registered on a connection
** (register.c); the entry point (pmext.c) calls it.
*/
#ifndef PMEXT_MODEL_REGISTER_H
#define PMEXT_MODEL_REGISTER_H

#include "sqlite3ext.h"

/* Registers pm_segments, pm_model, pm_facts, pm_companies, pm_audit,
** pm_compare and the modules of models over input tables. */
int pmext_register_model(sqlite3 *db);

#endif /* PMEXT_MODEL_REGISTER_H */
