/* SPDX-License-Identifier: MIT */
/*
** finance.h -- the spreadsheet time-value functions, pure C, no SQLite types.
**
** Same arguments, sign conventions and defaults as the spreadsheet functions
** of the same name (money paid out is negative, money received positive;
** `type` 0 = payments at the end of each period, 1 = at the beginning).
** PMEXT_UNDEFINED wherever a spreadsheet shows #NUM! or #DIV/0!, and
** wherever the result would not be a finite double. The caller validates
** `type` (0 or 1) before calling.
** Numeric policy: docs/architecture.md.
*/
#ifndef PMEXT_FINANCE_H
#define PMEXT_FINANCE_H

#include "growth.h"

pmext_status finance_rri(double nper, double pv, double fv, double *out);
pmext_status finance_pduration(double rate, double pv, double fv, double *out);
pmext_status finance_fv(double rate, double nper, double pmt, double pv,
                         double type, double *out);
pmext_status finance_pv(double rate, double nper, double pmt, double fv,
                         double type, double *out);
pmext_status finance_nper(double rate, double pmt, double pv, double fv,
                           double type, double *out);
pmext_status finance_rate(double nper, double pmt, double pv, double fv,
                           double type, double guess, double *out);
pmext_status finance_effect(double nominal_rate, double npery, double *out);
pmext_status finance_nominal(double effect_rate, double npery, double *out);

#endif /* PMEXT_FINANCE_H */
