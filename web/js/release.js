/* SPDX-License-Identifier: MIT */
/*
** web/js/release.js -- a release read by pm_extract, and its text shown
** with every proposed row highlighted at its span.
**
**   readRelease(db, report, text)  keeps the text in releases and the rows
**                                  of pm_extract(text, report) in proposals
**                                  (replacing the report's earlier ones),
**                                  in pm_extract's order, numbered from 1
**   renderRelease(view, text, rows, onPick)
**                                  the text into the element view: each
**                                  stretch covered by rows is a <mark>
**                                  coloured by the kind of its first row
**                                  (class k-<kind>), dashed and hatched
**                                  when that row has a reason, with the
**                                  rows' ids in data-rows and their kinds,
**                                  reasons and matches in its title;
**                                  clicking one calls onPick(id)
**
** pm_extract's offset and length count characters (code points) from 1,
** so the text is cut by code points, not by JavaScript's UTF-16 units.
*/

const KNOWN_KINDS = new Set(['figure', 'cagr', 'dominant', 'fastest_growing', 'percent']);

function readRelease(db, report, text) {
  const cols = PROPOSAL_COLUMNS.map(quoteName).join(', ');
  inTransaction(db, () => {
    db.query('DELETE FROM proposals WHERE report = ?', [report]);
    db.query('INSERT OR REPLACE INTO releases(report, text) VALUES (?, ?)', [report, text]);
    db.query(`INSERT INTO proposals(report, id, ${cols})
              SELECT ?1, row_number() OVER (), ${cols} FROM pm_extract(?2, ?1)`, [report, text]);
  });
}

/* The stretches of text between the starts and ends of the rows' spans,
** each with the rows that cover it (none for plain text). */
function stretches(chars, rows) {
  const spans = rows.filter((r) => Number.isInteger(r.offset) && r.length > 0)
    .map((r) => ({ row: r, from: r.offset - 1, to: r.offset - 1 + r.length }));
  const cuts = new Set([0, chars.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(chars.length, s.from)));
    cuts.add(Math.max(0, Math.min(chars.length, s.to)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    out.push({ text: chars.slice(from, to).join(''),
               rows: spans.filter((s) => s.from <= from && s.to >= to).map((s) => s.row) });
  }
  return out;
}

function markTitle(rows) {
  return rows.map((r) => `row ${r.id}: ${r.kind}${r.reason ? `, not ready: ${r.reason}` : ''} (“${r.match}”)`).join('\n');
}

function renderRelease(view, text, rows, onPick) {
  view.replaceChildren();
  for (const piece of stretches(Array.from(text), rows)) {
    if (piece.rows.length === 0) {
      view.append(piece.text);
      continue;
    }
    const first = piece.rows[0];
    const mark = document.createElement('mark');
    mark.className = `k-${KNOWN_KINDS.has(first.kind) ? first.kind : 'other'}`;
    if (piece.rows.some((r) => r.reason !== null)) mark.classList.add('has-reason');
    mark.dataset.rows = piece.rows.map((r) => r.id).join(' ');
    mark.title = markTitle(piece.rows);
    mark.textContent = piece.text;
    mark.addEventListener('click', () => onPick(first.id));
    view.append(mark);
  }
}
