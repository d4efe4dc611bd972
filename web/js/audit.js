/* SPDX-License-Identifier: MIT */
/*
** web/js/audit.js -- the audit of one report (pm_model_audit, the page's
** table `audit`): a count of each verdict, then one line per check with
** its verdict (pass, fail, not checkable: a word and a colour), subject,
** numbers and explanation.
**
**   renderAudit(container, db, report)
**
** The numbers are rounded to 6 significant digits; the full value is in
** the cell's title and data-value. When the input tables cannot be read,
** the model's own error (which names the table, row, column and value) is
** shown in place of the audit.
*/

const VERDICT_WORDS = { pass: '✓ pass', fail: '✗ fail', not_checkable: '– not checkable' };

function numberCell(v) {
  return el('td', { class: 'num', title: shown(v), 'data-value': shown(v) }, rounded(v));
}

function renderAudit(container, db, report) {
  let rows;
  try {
    rows = db.objects(`SELECT "check", subject, expected, actual, tolerance, status, explanation
                       FROM audit WHERE report = ?`, [report]);
  } catch (e) {
    container.replaceChildren(el('p', { class: 'message error', role: 'alert', id: 'audit-error' }, e.message));
    return;
  }
  if (rows.length === 0) {
    container.replaceChildren(el('p', { class: 'muted' }, `No check applies to ${report}: it prints too little.`));
    return;
  }
  const count = (s) => rows.filter((r) => r.status === s).length;
  const summary = el('p', { class: 'summary', id: 'audit-summary' },
    `${count('pass')} pass, ${count('fail')} fail, ${count('not_checkable')} not checkable`);
  const head = el('tr', {}, ...['verdict', 'check', 'subject', 'expected', 'actual', 'tolerance', 'explanation']
    .map((h) => el('th', { scope: 'col' }, h)));
  const lines = rows.map((r) => el('tr', { 'data-check': r.check, 'data-subject': r.subject, 'data-status': r.status },
    el('td', { class: `verdict ${r.status}` }, VERDICT_WORDS[r.status] ?? r.status),
    el('td', {}, r.check), el('td', {}, r.subject),
    numberCell(r.expected), numberCell(r.actual), numberCell(r.tolerance),
    el('td', {}, shown(r.explanation))));
  container.replaceChildren(summary,
    el('div', { class: 'scroll' }, el('table', { id: 'audit-table' }, el('thead', {}, head), el('tbody', {}, ...lines))));
}
