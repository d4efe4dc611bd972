/*
** facts_vtab.c -- pm_facts: the report's headline figures and claims, and
** the growth rates they imply.
**
**   SELECT key, value, unit, period, basis, note FROM pm_facts;
**
** Rows come from model_build_facts() (model.c); the table machinery is
** table_vtab.c. value is REAL for figures, TEXT for claims (a region name).
*/
#include "model.h"

static const tv_spec facts = {
    "pm_facts",
    "CREATE TABLE x(key TEXT, value ANY, unit TEXT, period TEXT, basis TEXT, "
    "note TEXT)",
    model_build_facts,
};

int model_register_facts(sqlite3 *db) { return tv_register(db, &facts); }
