/*
** companies_vtab.c -- pm_companies: the report's sixteen key companies.
**
**   SELECT position, company, parent, listed_as FROM pm_companies;
**
** position is the place in the report's list; parent is NULL unless the
** report names one; listed_as is the entry exactly as the report lists it.
** Rows come from model_build_companies() (model.c).
*/
#include "model.h"

static const tv_spec companies = {
    "pm_companies",
    "CREATE TABLE x(position INTEGER, company TEXT, parent TEXT, "
    "listed_as TEXT)",
    model_build_companies,
};

int model_register_companies(sqlite3 *db) {
  return tv_register(db, &companies);
}
