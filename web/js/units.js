/* SPDX-License-Identifier: MIT */
/*
** web/js/units.js -- a unit as the model reads it ('US$ billion' is
** 'USD bn', docs/model.md, "Units"), asked of pmext itself: the page keeps
** no copy of the rules.
**
**   modelUnit(db, unit, rowid)
**       the unit as pm_model shows it; throws pm_model's own error when
**       the model does not read it (a unit with no currency, an unknown
**       scale, ...), naming reports row `rowid`: the row of the page's
**       reports table the unit is in, so that the message is the one the
**       model gives over the page's tables.
**
** How: pm_model over a one-report model in a connection of its own (an
** in-memory database beside the page's, opened on the first call and kept
** for the module `db` belongs to), so that the page's database is never
** touched. Units read are remembered.
*/

const UNIT_PROBES = new WeakMap(); /* wasm module -> {db, known} */

function unitProbe(wasm) {
  let probe = UNIT_PROBES.get(wasm);
  if (!probe) {
    const db = new Database(wasm);
    db.exec(`${Object.entries(INPUT_TABLES).filter(([t]) => t !== 'companies')
      .map(([t, cols]) => `CREATE TABLE ${t}(${cols.join(', ')});`).join('\n')}
      CREATE VIRTUAL TABLE model USING pm_model;`);
    probe = { db, known: new Map() };
    UNIT_PROBES.set(wasm, probe);
  }
  return probe;
}

function modelUnit(db, unit, rowid) {
  const probe = unitProbe(db.w);
  if (typeof unit === 'string' && probe.known.has(unit)) return probe.known.get(unit);
  const p = probe.db;
  p.exec('DELETE FROM reports; DELETE FROM figures;');
  p.query("INSERT INTO reports(rowid, report, market, unit) VALUES (?, 'r', 'm', ?)", [rowid, unit]);
  p.query("INSERT INTO figures(report, dimension, segment, year, value) VALUES ('r', 'market', 'Global', 2000, 1)");
  const read = p.query('SELECT unit FROM model LIMIT 1').rows[0][0];
  if (typeof unit === 'string') probe.known.set(unit, read);
  return read;
}
