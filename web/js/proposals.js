/* SPDX-License-Identifier: MIT */
/*
** web/js/proposals.js -- the review of the rows pm_extract proposed: each
** accepted into the input tables, edited, rejected, or undone.
**
**   acceptProposal(db, report, id, details)
**       a figure into figures, a cagr, dominant or fastest_growing claim
**       into claims, copied by SQL from proposals (so every value keeps
**       its SQLite type); the report's row in reports is created first
**       from details {market, unit, publisher}. Refused, with a message
**       saying why (an Error): a row with a reason that has not been
**       edited, a percent, a kind with no input table, a figure whose
**       unit is not the report's (both units as the model reads them,
**       modelUnit(): 'US$ billion' is USD bn), or a report's unit the
**       model does not read (its own error).
**   acceptReadyRows(db, report, details)
**       every proposed row without a reason; returns {accepted, refused}
**       (refused: the messages of the rows that could not be)
**   undoProposal(db, report, id)
**       takes an accepted row out of its input table again; the report's
**       row goes too when none of its rows is left
**   setStatus(db, report, id, status)    'rejected' or 'proposed'
**   editProposal(db, report, id, values) new values for the row's columns:
**       names and the unit as text, the numbers typed by cellValue()
**   cellValue(text)                      a typed cell: a number, NULL or text
*/

const CLAIM_KINDS = new Set(['cagr', 'dominant', 'fastest_growing']);
const EDITABLE_COLUMNS = ['kind', 'dimension', 'segment', 'year', 'value', 'share', 'unit',
  'from_year', 'to_year', 'decimals'];
const TEXT_COLUMNS = new Set(['kind', 'dimension', 'segment', 'unit']);

function proposal(db, report, id) {
  const p = db.objects('SELECT * FROM proposals WHERE report = ? AND id = ?', [report, id])[0];
  if (!p) throw new Error(`row ${id} is not among the proposed rows of ${report}`);
  return p;
}

function ensureReport(db, report, details) {
  if (db.query('SELECT 1 FROM reports WHERE report = ?', [report]).rows.length) return;
  if (!details.market) throw new Error('name the market first: the comparison sets reports of one market side by side');
  if (!details.unit) throw new Error("give the report's unit first, as '<currency> <scale>' (USD bn)");
  db.query('INSERT INTO reports(report, market, publisher, unit) VALUES (?, ?, ?, ?)',
    [report, details.market, details.publisher || null, details.unit]);
}

function placeTable(p) {
  if (p.kind === 'figure') return 'figures';
  if (CLAIM_KINDS.has(p.kind)) return 'claims';
  if (p.kind === 'percent') {
    throw new Error(`row ${p.id} is a percentage that is neither a share nor a rate: edit it into a figure's share or a claim, or reject it`);
  }
  throw new Error(`row ${p.id} is a ${p.kind}, which has no input table: edit its kind or reject it`);
}

/* A figure's value goes into the report's unit as it is: the row's unit
** (pm_extract's) and the report's must be one unit as the model reads
** them. */
function checkUnit(db, report, p) {
  const [rowid, unit] = db.query('SELECT rowid, unit FROM reports WHERE report = ?', [report]).rows[0];
  let want;
  try {
    want = modelUnit(db, unit, rowid);
  } catch (e) {
    throw new Error(`row ${p.id} cannot be checked against the report's unit: ${e.message}`);
  }
  let have = null;
  try {
    if (p.unit !== null) have = modelUnit(db, p.unit, rowid);
  } catch (e) {
    have = null;
  }
  if (have !== want) {
    throw new Error(`row ${p.id} is in ${p.unit ?? 'no currency'}, the report in ${unit}${unit === want ? '' : ` (${want})`}: `
      + "edit the row's value and unit, or the report's unit");
  }
}

function acceptProposal(db, report, id, details) {
  const p = proposal(db, report, id);
  if (p.status === 'accepted') return;
  const table = placeTable(p);
  if (p.reason !== null && !p.edited) {
    throw new Error(`row ${id} is not ready (${p.reason}): edit it first, or reject it`);
  }
  inTransaction(db, () => {
    ensureReport(db, report, details);
    if (table === 'figures' && p.value !== null) checkUnit(db, report, p);
    const cols = INPUT_TABLES[table].join(', ');
    db.query(`INSERT INTO ${table}(${cols}) SELECT ${cols} FROM proposals WHERE report = ? AND id = ?`, [report, id]);
    db.query("UPDATE proposals SET status = 'accepted', placed = last_insert_rowid() WHERE report = ? AND id = ?",
      [report, id]);
  });
}

function acceptReadyRows(db, report, details) {
  const ids = db.query(`SELECT id FROM proposals WHERE report = ? AND status = 'proposed'
                        AND (reason IS NULL OR edited) AND kind <> 'percent' ORDER BY id`, [report]).rows;
  let accepted = 0;
  const refused = [];
  for (const [id] of ids) {
    try {
      acceptProposal(db, report, id, details);
      accepted++;
    } catch (e) {
      refused.push(e.message);
    }
  }
  return { accepted, refused };
}

function undoProposal(db, report, id) {
  const p = proposal(db, report, id);
  if (p.status !== 'accepted') return;
  inTransaction(db, () => {
    db.query(`DELETE FROM ${placeTable(p)} WHERE rowid = ?`, [p.placed]);
    db.query("UPDATE proposals SET status = 'proposed', placed = NULL WHERE report = ? AND id = ?", [report, id]);
    db.query(`DELETE FROM reports WHERE report = ?1
              AND NOT EXISTS (SELECT 1 FROM figures WHERE report = ?1)
              AND NOT EXISTS (SELECT 1 FROM claims WHERE report = ?1)`, [report]);
  });
}

function setStatus(db, report, id, status) {
  const p = proposal(db, report, id);
  if (p.status === 'accepted') throw new Error(`row ${id} is accepted: undo it first`);
  db.query('UPDATE proposals SET status = ? WHERE report = ? AND id = ?', [status, report, id]);
}

/* A cell typed as a column of NUMERIC affinity types it: a number is
** INTEGER when it has no fractional part (2024, 40.0), else REAL; empty is
** NULL; anything else stays text (the model's reader then says what is
** wrong with it). */
function cellValue(text) {
  const s = String(text).trim();
  if (s === '') return null;
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s) && Number.isFinite(Number(s))) return Number(s);
  return s;
}

function editProposal(db, report, id, values) {
  const p = proposal(db, report, id);
  if (p.status === 'accepted') throw new Error(`row ${id} is accepted: undo it first`);
  const set = EDITABLE_COLUMNS.map((c) => `${quoteName(c)} = ?`).join(', ');
  db.query(`UPDATE proposals SET ${set}, edited = 1 WHERE report = ? AND id = ?`,
    [...EDITABLE_COLUMNS.map((c) => {
      const text = String(values[c] ?? '').trim();
      return TEXT_COLUMNS.has(c) ? text || null : cellValue(text);
    }), report, id]);
}
