/* SPDX-License-Identifier: MIT */
/*
** web/js/dom.js -- small helpers every panel of the page uses.
**
**   el(tag, attrs, ...children)   an element; attrs set as properties,
**                                 except data-*, aria-* and class, which
**                                 are attributes; children are nodes or
**                                 text
**   shown(v)                      a value as the page prints it: NULL
**                                 empty, a number in full (the shortest
**                                 form that reads back as the same double)
**   rounded(v)                    a number to 6 significant digits, for
**                                 tables of results (shown(v) in the
**                                 cell's title)
**   resultTable(columns, rows, limit)
**                                 a <table> of query results
**   say(element, text, kind)      a message: kind 'error', 'ok' or ''
*/

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class' || k.startsWith('data-') || k.startsWith('aria-') || k === 'role') e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function shown(v) {
  if (v === null || v === undefined) return '';
  if (v instanceof Uint8Array) return `x'${Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('')}'`;
  return String(v);
}

function rounded(v) {
  if (typeof v !== 'number' || Number.isInteger(v)) return shown(v);
  return String(Number(v.toPrecision(6)));
}

function resultTable(columns, rows, limit = Infinity) {
  const head = el('tr', {}, ...columns.map((c) => el('th', { scope: 'col' }, c)));
  const body = rows.slice(0, limit).map((r) => el('tr', {}, ...r.map((v) =>
    el('td', { class: typeof v === 'number' || typeof v === 'bigint' ? 'num' : '' }, shown(v)))));
  return el('table', {}, el('thead', {}, head), el('tbody', {}, ...body));
}

function say(element, text, kind = '') {
  element.textContent = text;
  element.className = `message ${kind}`;
}
