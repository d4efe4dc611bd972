/* SPDX-License-Identifier: MIT */
/*
** web/js/review.js -- the table of proposed rows, one line each, with its
** buttons: Accept, Edit, Reject (a proposed row), Undo (an accepted one),
** Restore (a rejected one); Edit turns the line into inputs, Save keeps
** them.
**
**   renderReview(container, rows, editing, act)
**       rows: the report's proposals, in order; editing: the id of the
**       line being edited, or null; act(action, id, values) does what a
**       button asks ('accept', 'edit', 'save', 'cancel', 'reject',
**       'restore', 'undo'; values for 'save').
**
** Each line carries its row's id, kind, status, offset, length and reason
** in data-* attributes; a row with a reason shows it in red, and the line
** of a row not yet accepted says what it waits for.
*/

function periodText(r) {
  return r.from_year === null && r.to_year === null ? '' : `${shown(r.from_year)}–${shown(r.to_year)}`;
}

function reviewButtons(r, act) {
  const button = (label, action) => el('button', {
    type: 'button', textContent: label, 'data-action': action,
    'aria-label': `${label} row ${r.id}`, onclick: () => act(action, r.id),
  });
  if (r.status === 'accepted') return [button('Undo', 'undo')];
  if (r.status === 'rejected') return [button('Restore', 'restore')];
  return [button('Accept', 'accept'), ' ', button('Edit', 'edit'), ' ', button('Reject', 'reject')];
}

function reviewStatus(r) {
  if (r.status === 'accepted') return `accepted into ${r.kind === 'figure' ? 'figures' : 'claims'}`;
  if (r.status === 'rejected') return 'rejected';
  if (r.reason !== null) return r.edited ? `edited (was: ${r.reason})` : r.reason;
  return r.edited ? 'edited, ready' : 'ready';
}

function reviewLine(r, act) {
  const num = (v) => el('td', { class: 'num' }, shown(v));
  return el('tr', {
    class: r.status, title: `“${r.match}”${r.note ? ` (${r.note})` : ''}`,
    'data-id': r.id, 'data-kind': r.kind, 'data-status': r.status, 'data-offset': shown(r.offset),
    'data-length': shown(r.length), 'data-reason': shown(r.reason),
  },
  num(r.id), el('td', {}, r.kind), el('td', {}, shown(r.dimension)), el('td', {}, shown(r.segment)),
  num(r.year), num(r.value), num(r.share), el('td', { class: 'nowrap' }, shown(r.unit)),
  el('td', { class: 'nowrap' }, periodText(r)),
  num(r.decimals),
  el('td', { class: r.reason !== null && !r.edited && r.status === 'proposed' ? 'reason' : '' }, reviewStatus(r)),
  el('td', { class: 'actions' }, ...reviewButtons(r, act)));
}

const EDIT_FIELDS = [['kind', 'kind'], ['dimension', 'dimension'], ['segment', 'segment'], ['year', 'year'],
  ['value', 'value'], ['share', 'share'], ['unit', 'unit'], ['from_year', 'from'], ['to_year', 'to'],
  ['decimals', 'decimals']];

function editLine(r, act) {
  const inputs = {};
  for (const [col, label] of EDIT_FIELDS) {
    inputs[col] = el('input', { value: shown(r[col]), 'aria-label': `${label} of row ${r.id}`, 'data-field': col,
      class: col === 'segment' || col === 'dimension' ? 'wide' : '' });
  }
  const period = el('td', {}, inputs.from_year, ' – ', inputs.to_year);
  const values = () => Object.fromEntries(Object.entries(inputs).map(([k, i]) => [k, i.value]));
  const save = el('button', { type: 'button', textContent: 'Save', 'data-action': 'save',
    onclick: () => act('save', r.id, values()) });
  const cancel = el('button', { type: 'button', textContent: 'Cancel', 'data-action': 'cancel',
    onclick: () => act('cancel', r.id) });
  const line = el('tr', { class: 'editing', 'data-id': r.id, 'data-status': 'editing' },
    el('td', { class: 'num' }, shown(r.id)), el('td', {}, inputs.kind), el('td', {}, inputs.dimension),
    el('td', {}, inputs.segment), el('td', {}, inputs.year), el('td', {}, inputs.value), el('td', {}, inputs.share),
    el('td', {}, inputs.unit), period, el('td', {}, inputs.decimals),
    el('td', { class: r.reason !== null ? 'reason' : '' }, shown(r.reason)),
    el('td', { class: 'actions' }, save, ' ', cancel));
  /* The key is consumed: Save moves the focus to the line's Accept
  ** button, which the same Enter must not press. */
  line.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target.tagName === 'INPUT') { e.preventDefault(); act('save', r.id, values()); }
    if (e.key === 'Escape') { e.preventDefault(); act('cancel', r.id); }
  });
  return line;
}

function renderReview(container, rows, editing, act) {
  if (rows.length === 0) {
    container.replaceChildren(el('p', { class: 'muted' }, 'pm_extract found no market figure or claim in this text.'));
    return;
  }
  const head = el('tr', {}, ...['#', 'kind', 'dimension', 'segment', 'year', 'value', 'share', 'unit', 'period',
    'decimals', 'reason or status', ''].map((h) => el('th', { scope: 'col' }, h)));
  const lines = rows.map((r) => (r.id === editing ? editLine(r, act) : reviewLine(r, act)));
  container.replaceChildren(el('table', { id: 'review-table' }, el('thead', {}, head), el('tbody', {}, ...lines)));
}
