/* SPDX-License-Identifier: MIT */
/*
** builtin.h -- the built-in report (builtin.c), read by the same reader.
*/
#ifndef PMEXT_MODEL_BUILTIN_H
#define PMEXT_MODEL_BUILTIN_H

#include "model.h"

int model_builtin(model_set **out, char **err);

#endif /* PMEXT_MODEL_BUILTIN_H */
