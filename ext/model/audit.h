/* SPDX-License-Identifier: MIT */
/*
** audit.h -- pm_audit and pm_model_audit (audit.c).
*/
#ifndef PMEXT_MODEL_AUDIT_H
#define PMEXT_MODEL_AUDIT_H

#include "derived.h"

extern const model_table model_table_audit, model_table_model_audit;

#endif /* PMEXT_MODEL_AUDIT_H */
