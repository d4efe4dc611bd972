/* SPDX-License-Identifier: MIT */
/*
** web/js/main.js -- the page's start-up and wiring (docs/web.md).
**
** Start-up: instantiate the module (createPmext, the emscripten glue in
** front of this file), register pmext as an automatic extension, open an
** in-memory database, create the workspace, load the shipped datasets,
** then forbid every further request (a second Content-Security-Policy:
** nothing to any address, the page's own included), show the first
** report (its figures, its audit, the comparison of its group) and set
** <body data-ready="1"> (data-ready-ms: the milliseconds it took since
** the page was requested). From then on everything happens in this page.
**
** State: app.db (the connection; replaced when a .db is opened),
** app.report (the report shown), app.release (the report whose release
** is under review), app.editing (the proposed row being edited).
**
** For the browser's console, and for tests: pmext.query(sql, params) and
** pmext.exec(sql) run SQL on the page's database.
*/

const $ = (id) => document.getElementById(id);
const app = { wasm: null, db: null, report: null, release: null, editing: null };

async function fetchText(path) {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

/* After start-up the page needs no network: a second policy, which
** browsers enforce together with the first, forbids every request. */
function forbidRequests() {
  document.head.append(el('meta', { httpEquiv: 'Content-Security-Policy',
    content: "connect-src 'none'; script-src 'none'; img-src 'none'; font-src 'none'; media-src 'none'; "
      + "frame-src 'none'; worker-src 'none'; manifest-src 'none'; object-src 'none'" }));
}

function releaseDetails() {
  return { market: $('release-market').value.trim(), unit: $('release-unit').value.trim(),
           publisher: $('release-publisher').value.trim() };
}

function reportsList() {
  return app.db.query('SELECT report, market FROM reports ORDER BY rowid').rows;
}

function fillReportChoice() {
  const reports = reportsList();
  const names = reports.map((r) => r[0]);
  if (app.release && !names.includes(app.release)) names.push(app.release);
  if (!names.includes(app.report)) app.report = names[0] ?? null;
  $('report').replaceChildren(...names.map((n) => el('option', { value: n, selected: n === app.report,
    textContent: n === app.release && !reports.some((r) => r[0] === n) ? `${n} (nothing accepted yet)` : n })));
  const markets = [...new Set(reports.map((r) => r[1]).filter((m) => typeof m === 'string' && m))];
  $('markets').replaceChildren(...markets.map((m) => el('option', { value: m })));
}

function renderInputRows() {
  const report = app.report;
  $('figures-report').textContent = report ?? '';
  for (const [table, id, cols] of [
    ['figures', 'figures', 'dimension, segment, year, value, share, decimals, note'],
    ['claims', 'claims', 'kind, dimension, segment, value, from_year, to_year, note']]) {
    try {
      const { columns, rows } = app.db.query(`SELECT ${cols} FROM ${table} WHERE report = ? ORDER BY rowid`, [report]);
      $(id).replaceChildren(el('p', { class: 'muted' }, `${table}: ${rows.length} row${rows.length === 1 ? '' : 's'}`),
        resultTable(columns, rows));
      $(id).querySelector('table').id = `${id}-table`;
    } catch (e) {
      $(id).replaceChildren(el('p', { class: 'message error', role: 'alert' }, e.message));
    }
  }
}

function renderReleasePanels() {
  const view = $('release-view');
  const release = app.release && app.db.query('SELECT text FROM releases WHERE report = ?', [app.release]).rows[0];
  if (!release) {
    view.replaceChildren(el('span', { class: 'muted' }, 'The text appears here once read, each proposed row highlighted at its place.'));
    $('review').replaceChildren(el('p', { class: 'muted' }, 'No release read yet.'));
    $('review-count').textContent = '';
    $('accept-ready').disabled = true;
    return;
  }
  const rows = app.db.objects('SELECT * FROM proposals WHERE report = ? ORDER BY id', [app.release]);
  renderRelease(view, release[0], rows, pickRow);
  renderReview($('review'), rows, app.editing, review);
  const by = (f) => rows.filter(f).length;
  $('review-count').textContent = `${app.release}: ${rows.length} proposed, ${by((r) => r.status === 'accepted')} accepted, `
    + `${by((r) => r.status === 'rejected')} rejected, ${by((r) => r.status === 'proposed' && r.reason !== null && !r.edited)} waiting for an edit`;
  $('accept-ready').disabled = false;
}

function refresh() {
  fillReportChoice();
  renderReleasePanels();
  const report = app.report;
  const known = report !== null && app.db.query('SELECT 1 FROM reports WHERE report = ?', [report]).rows.length > 0;
  $('audit-report').textContent = report ?? '';
  if (known) renderAudit($('audit'), app.db, report);
  else $('audit').replaceChildren(el('p', { class: 'muted' }, report === null ? 'No report in the tables.'
    : `${report} is not in the reports table yet: accept its rows above to audit it.`));
  const group = report !== null ? renderChart($('chart'), app.db, report) : null;
  if (report === null) $('chart').replaceChildren(el('p', { class: 'muted' }, 'No report to compare.'));
  $('compare-group').textContent = group ? groupName(group) : '';
  renderInputRows();
}

/* Runs fn, showing its error (SQLite's, pmext's or the page's own words)
** in the message element; refreshes the panels either way. */
function act(message, fn) {
  try {
    const text = fn();
    say(message, text ?? '', 'ok');
  } catch (e) {
    say(message, e.message, 'error');
  }
  refresh();
}

function pickRow(id) {
  for (const m of document.querySelectorAll('#release-view mark.selected')) m.classList.remove('selected');
  for (const m of document.querySelectorAll('#release-view mark')) {
    if (m.dataset.rows.split(' ').includes(String(id))) m.classList.add('selected');
  }
  for (const tr of document.querySelectorAll('#review-table tr.selected')) tr.classList.remove('selected');
  const line = document.querySelector(`#review-table tr[data-id="${id}"]`);
  if (line) {
    line.classList.add('selected');
    line.scrollIntoView({ block: 'nearest' });
    line.querySelector('button')?.focus({ preventScroll: true });
  }
}

function review(action, id, values) {
  const report = app.release;
  act($('review-message'), () => {
    switch (action) {
      case 'accept': acceptProposal(app.db, report, id, releaseDetails()); app.report = report; return `Row ${id} accepted.`;
      case 'undo': undoProposal(app.db, report, id); return `Row ${id} taken out again.`;
      case 'reject': setStatus(app.db, report, id, 'rejected'); return `Row ${id} rejected.`;
      case 'restore': setStatus(app.db, report, id, 'proposed'); return `Row ${id} restored.`;
      case 'edit': app.editing = id; return '';
      case 'cancel': app.editing = null; return '';
      case 'save': editProposal(app.db, report, id, values); app.editing = null; return `Row ${id} edited.`;
      default: throw new Error(`unknown action ${action}`);
    }
  });
  const focus = document.querySelector(`#review-table tr[data-id="${id}"] ${action === 'edit' ? 'input' : 'button'}`);
  focus?.focus();
}

function mostCommonUnit(report) {
  const row = app.db.query(`SELECT unit FROM proposals WHERE report = ? AND kind = 'figure' AND unit IS NOT NULL
                            GROUP BY unit ORDER BY count(*) DESC, min(id) LIMIT 1`, [report]).rows[0];
  return row ? row[0] : '';
}

function readFromForm() {
  act($('release-message'), () => {
    const text = $('release-text').value;
    const report = $('release-report').value.trim();
    if (!text.trim()) throw new Error('Paste a release, or open a .txt file, first.');
    if (!report) throw new Error('Give the report a key (any short name): its rows go into the input tables under it.');
    const known = app.db.query('SELECT (SELECT count(*) FROM reports WHERE report = ?1), '
      + '(SELECT count(*) FROM releases WHERE report = ?1), '
      + "(SELECT count(*) FROM proposals WHERE report = ?1 AND status = 'accepted')", [report]).rows[0];
    if (known[0] && !known[1]) throw new Error(`${report} is already a report of the input tables: give this release another key.`);
    if (known[2]) throw new Error(`${report} has ${known[2]} accepted rows from its release: undo them, or give this release another key.`);
    readRelease(app.db, report, text);
    app.release = report;
    app.report = report;
    app.editing = null;
    if (!$('release-unit').value.trim()) $('release-unit').value = mostCommonUnit(report);
    if (!$('release-market').value.trim()) $('release-market').value = reportsList()[0]?.[1] ?? '';
    const counts = app.db.query(`SELECT count(*), count(*) FILTER (WHERE reason IS NULL AND kind <> 'percent')
                                 FROM proposals WHERE report = ?`, [report]).rows[0];
    return `pm_extract proposed ${counts[0]} rows: ${counts[1]} ready, ${counts[0] - counts[1]} to check (their reason says why).`;
  });
}

function updateReportDetails() {
  if (!app.release) return;
  act($('release-message'), () => {
    const d = releaseDetails();
    app.db.query('UPDATE reports SET market = ?, unit = ?, publisher = ? WHERE report = ?',
      [d.market || null, d.unit || null, d.publisher || null, app.release]);
    return '';
  });
}

function openDatabase(name, bytes) {
  if (bytes.length === 0) throw new Error(`${name} is empty (0 bytes), not a database; the page's database is unchanged`);
  let next;
  try {
    next = Database.fromBytes(app.wasm, bytes);
  } catch (e) {
    throw new Error(`${name} could not be opened as a database (${e.message}); the page's database is unchanged`);
  }
  const missing = missingInputTables(next);
  if (missing.length) {
    next.close();
    throw new Error(`${name} has no table ${missing.join(', ')}: the page opens databases with the input tables `
      + 'reports, figures and claims (as it saves them); the page\'s database is unchanged');
  }
  createWorkspace(next);
  app.db.close();
  app.db = next;
  app.release = next.query('SELECT report FROM releases ORDER BY rowid DESC LIMIT 1').rows[0]?.[0] ?? null;
  app.report = app.release;
  app.editing = null;
  return `${name}: opened`;
}

async function openOne(file) {
  switch (fileKind(file.name)) {
    case 'database':
      return openDatabase(file.name, await readBytes(file));
    case 'csv': {
      const table = csvTable(file.name);
      const n = importCsv(app.db, table, file.name, await readText(file));
      return `${file.name}: ${n} rows into ${table}`;
    }
    case 'release':
      $('release-text').value = await readText(file);
      readFromForm();
      return `${file.name}: read`;
    default:
      throw new Error(`${file.name}: the page opens .txt (a release), .csv (an input table) and .db files`);
  }
}

async function openFiles(list) {
  const order = { database: 0, csv: 1, release: 2 };
  const files = [...list].sort((a, b) => (order[fileKind(a.name)] ?? 3) - (order[fileKind(b.name)] ?? 3));
  const done = [];
  const failed = [];
  for (const file of files) {
    try {
      done.push(await openOne(file));
    } catch (e) {
      failed.push(e.message);
    }
  }
  refresh();
  if (failed.length) say($('release-message'), [...failed, ...done].join('. '), 'error');
  else if (!files.some((f) => fileKind(f.name) === 'release')) say($('release-message'), `${done.join('. ')}.`, 'ok');
}

function wire() {
  $('read').addEventListener('click', readFromForm);
  $('release-text').addEventListener('paste', () => setTimeout(readFromForm, 0));
  $('example').addEventListener('click', () => {
    $('release-text').value = $('example-text').content.textContent;
    $('release-report').value = 'widgets';
    $('release-market').value = 'widgets';
    $('release-unit').value = '';
    readFromForm();
  });
  for (const id of ['release-market', 'release-unit', 'release-publisher']) {
    $(id).addEventListener('change', updateReportDetails);
  }
  $('report').addEventListener('change', () => { app.report = $('report').value; refresh(); });
  $('accept-ready').addEventListener('click', () => act($('review-message'), () => {
    const { accepted, refused } = acceptReadyRows(app.db, app.release, releaseDetails());
    app.report = app.release;
    if (refused.length) throw new Error(`${accepted} rows accepted; not accepted: ${refused.join('; ')}`);
    return `${accepted} rows accepted.`;
  }));
  const runSql = () => { if (runSqlBox(app.db, $('sql-text').value, $('sql-result'), $('sql-message'))) refresh(); };
  $('sql-run').addEventListener('click', runSql);
  $('sql-text').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); runSql(); }
  });
  $('download-db').addEventListener('click', () => {
    download('pmext-reports.db', app.db.serialize(), 'application/vnd.sqlite3');
    say($('files-message'), 'pmext-reports.db saved: open it with  sqlite3 pmext-reports.db  then  .load pmext', 'ok');
  });
  for (const b of document.querySelectorAll('button[data-csv]')) {
    b.addEventListener('click', () => {
      download(`${b.dataset.csv}.csv`, tableCsv(app.db, b.dataset.csv), 'text/csv');
      say($('files-message'), `${b.dataset.csv}.csv saved.`, 'ok');
    });
  }
  $('open-file').addEventListener('change', async (e) => {
    await openFiles(e.target.files);
    e.target.value = '';
  });
  document.addEventListener('dragover', (e) => { e.preventDefault(); $('drop').classList.add('over'); });
  document.addEventListener('dragleave', () => $('drop').classList.remove('over'));
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    $('drop').classList.remove('over');
    if (e.dataTransfer?.files?.length) openFiles(e.dataTransfer.files);
  });
}

async function start() {
  if (location.protocol === 'file:') {
    say($('status'), 'Open this page through a web server (make serve, or any static host): '
      + 'a browser does not let a page opened from a file load its WebAssembly.', 'error');
    return;
  }
  try {
    const datasets = fetchShippedDatasets(fetchText); /* while the module compiles */
    datasets.catch(() => {}); /* its error is reported where it is awaited */
    app.wasm = await createPmext();
    const rc = app.wasm._pmext_web_init();
    if (rc !== 0) throw new Error(`pmext could not be registered (SQLite error ${rc})`);
    app.db = new Database(app.wasm);
    createWorkspace(app.db);
    const warnings = loadShippedDatasets(app.db, await datasets);
    forbidRequests();
    wire();
    const [version, sqlite] = app.db.query('SELECT pmext_version(), sqlite_version()').rows[0];
    $('version').textContent = version;
    $('sqlite-version').textContent = sqlite;
    for (const e of document.querySelectorAll('button, input, select')) e.disabled = false;
    $('accept-ready').disabled = true;
    refresh();
    say($('status'), warnings.length ? warnings.join('; ') : 'Ready. Everything below runs in this page.',
      warnings.length ? 'error' : 'ok');
  } catch (e) {
    say($('status'), `The page could not start: ${e.message}`, 'error');
    return;
  }
  globalThis.pmext = { query: (sql, params) => app.db.query(sql, params), exec: (sql) => app.db.exec(sql) };
  document.body.dataset.readyMs = Math.round(performance.now());
  document.body.dataset.ready = '1';
}

start();
