/* SPDX-License-Identifier: MIT */
/*
** web/js/sqlbox.js -- the SQL box: any statements over the page's
** database; the rows of the last one that returns columns as a table (the
** first 2000), or an error exactly as SQLite or pmext words it.
**
**   runSqlBox(db, sql, result, message)   returns true when it ran
*/

const SQL_BOX_ROWS = 2000;

function runSqlBox(db, sql, result, message) {
  let results;
  try {
    results = db.exec(sql);
  } catch (e) {
    result.replaceChildren();
    say(message, `Error: ${e.message}`, 'error');
    message.setAttribute('role', 'alert');
    return false;
  }
  message.setAttribute('role', 'status');
  const last = [...results].reverse().find((r) => r.columns.length > 0);
  if (!last) {
    result.replaceChildren();
    say(message, `${results.length} statement${results.length === 1 ? '' : 's'} run.`, 'ok');
    return true;
  }
  const n = last.rows.length;
  say(message, `${n} row${n === 1 ? '' : 's'}${n > SQL_BOX_ROWS ? `, the first ${SQL_BOX_ROWS} shown` : ''}.`, 'ok');
  result.replaceChildren(resultTable(last.columns, last.rows, SQL_BOX_ROWS));
  result.querySelector('table').id = 'sql-table';
  return true;
}
