/* SPDX-License-Identifier: MIT */
/*
** names.h -- how names are compared (names.c).
*/
#ifndef PMEXT_MODEL_NAMES_H
#define PMEXT_MODEL_NAMES_H

#include "model.h"

/* The key a name is compared by ("Asia Pacific" and "asia-pacific" have
** one), in memory of the set; 0 when memory runs out. */
const char *model_name_key(model_set *set, const char *name);

#endif /* PMEXT_MODEL_NAMES_H */
