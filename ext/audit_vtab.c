/*
** audit_vtab.c -- pm_audit: the report checked against itself.
**
**   SELECT check, subject, expected, actual, tolerance, status, explanation
**   FROM pm_audit;
**
** One row per check (parts add up, shares add up, printed shares against
** value / total, the stated CAGR, the on-path check, the claims about
** regions); status is 'pass' or 'fail'. Rows and tolerances come from
** model_build_audit() (model.c), which documents the rules.
*/
#include "model.h"

static const tv_spec audit = {
    "pm_audit",
    "CREATE TABLE x(\"check\" TEXT, subject TEXT, expected REAL, actual REAL, "
    "tolerance REAL, status TEXT, explanation TEXT)",
    model_build_audit,
};

int model_register_audit(sqlite3 *db) { return tv_register(db, &audit); }
