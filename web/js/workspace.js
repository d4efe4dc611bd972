/* SPDX-License-Identifier: MIT */
/*
** web/js/workspace.js -- the page's database: its tables, the shipped
** datasets, and the input tables to and from CSV.
**
** The input tables are those of docs/model.md, "Model your own report"
** (reports, figures, claims, companies), created as the docs create them;
** the model's tables are virtual tables over them (model, audit, facts,
** comparison), so they follow every change. Two more tables keep the
** analyst's work: releases (a report's text) and proposals (the rows
** pm_extract proposed for it, each with its review status). All of them
** are in the downloaded .db.
**
**   createWorkspace(db)             the tables, where missing
**   missingInputTables(db)          which of reports, figures and claims db
**                                   lacks (companies is optional)
**   fetchShippedDatasets(fetchText) the files data/reports/<dataset>/
**                                   <table>.csv listed in data/reports/
**                                   index.txt, all requested at once
**   loadShippedDatasets(db, datasets)
**                                   those files into the input tables, as
**                                   `.import --csv`
**                                   loads them: every field as text. A
**                                   report already loaded from an earlier
**                                   dataset (in name order) is kept; its
**                                   rows in a later one must be among the
**                                   kept rows, else a warning names them.
**                                   Returns the warnings.
**   importCsv(db, table, text)      replaces the rows of an input table
**                                   with those of a CSV file (header row
**                                   first; every column of the table)
**   tableCsv(db, table)             an input table as CSV text
*/

const INPUT_TABLES = {
  reports: ['report', 'market', 'publisher', 'published', 'unit', 'url'],
  figures: ['report', 'dimension', 'segment', 'year', 'value', 'share', 'decimals', 'note'],
  claims: ['report', 'kind', 'dimension', 'segment', 'value', 'from_year', 'to_year', 'note'],
  companies: ['report', 'position', 'company', 'parent', 'listed_as'],
};

/* A database opened in the page must have these; the rest is created. */
const REQUIRED_TABLES = ['reports', 'figures', 'claims'];

/* The model's tables and the pmext module each one is. */
const MODEL_TABLES = {
  model: 'pm_model',
  audit: 'pm_model_audit',
  facts: 'pm_model_facts',
  comparison: 'pm_compare',
};

const PROPOSAL_COLUMNS = ['kind', 'dimension', 'segment', 'year', 'value', 'share', 'decimals',
  'unit', 'from_year', 'to_year', 'note', 'reason', 'offset', 'length', 'match'];

function quoteName(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

function createWorkspace(db) {
  const sql = Object.entries(INPUT_TABLES).map(([t, cols]) =>
    `CREATE TABLE IF NOT EXISTS ${t}(${cols.join(', ')});`);
  sql.push('CREATE TABLE IF NOT EXISTS releases(report TEXT PRIMARY KEY, text TEXT NOT NULL);');
  sql.push(`CREATE TABLE IF NOT EXISTS proposals(report TEXT NOT NULL, id INTEGER NOT NULL, `
    + `${PROPOSAL_COLUMNS.map(quoteName).join(', ')}, `
    + `status TEXT NOT NULL DEFAULT 'proposed', edited INTEGER NOT NULL DEFAULT 0, placed INTEGER, `
    + `PRIMARY KEY(report, id));`);
  for (const [name, module] of Object.entries(MODEL_TABLES)) {
    sql.push(`CREATE VIRTUAL TABLE IF NOT EXISTS ${name} USING ${module}(companies=companies);`);
  }
  db.exec(sql.join('\n'));
}

function missingInputTables(db) {
  const have = new Set(db.query("SELECT name FROM sqlite_schema WHERE type = 'table'").rows.map((r) => r[0]));
  return REQUIRED_TABLES.filter((t) => !have.has(t));
}

/* The records of a CSV file as rows of `table`: the header names the
** columns (any order, extra ones ignored); every column of the table must
** be there. */
function csvRows(name, table, text) {
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    throw new Error(`${name}: ${e.message}`);
  }
  if (records.length === 0) throw new Error(`${name} is empty: the first line must name the columns`);
  const header = records[0].map((h) => h.trim());
  const at = INPUT_TABLES[table].map((col) => {
    const i = header.indexOf(col);
    if (i < 0) throw new Error(`${name} has no column ${col} (the columns of ${table}: ${INPUT_TABLES[table].join(', ')})`);
    return i;
  });
  return records.slice(1).map((r, n) => {
    if (r.length !== header.length) {
      throw new Error(`${name}, line ${n + 2}: ${r.length} fields where the header has ${header.length}`);
    }
    return at.map((i) => r[i]);
  });
}

function insertRows(db, table, rows) {
  const cols = INPUT_TABLES[table];
  const sql = `INSERT INTO ${table}(${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
  for (const r of rows) db.query(sql, r);
}

function inTransaction(db, fn) {
  db.exec('SAVEPOINT workspace');
  try {
    const result = fn();
    db.exec('RELEASE workspace');
    return result;
  } catch (e) {
    db.exec('ROLLBACK TO workspace; RELEASE workspace');
    throw e;
  }
}

function importCsv(db, table, name, text) {
  const rows = csvRows(name, table, text);
  inTransaction(db, () => {
    db.exec(`DELETE FROM ${table}`);
    insertRows(db, table, rows);
  });
  return rows.length;
}

function tableCsv(db, table) {
  const { columns, rows } = db.query(`SELECT ${INPUT_TABLES[table].join(', ')} FROM ${table} ORDER BY rowid`);
  return formatCsv(columns, rows);
}

/* One dataset: rows of a report that is already loaded are checked, not
** loaded again; returns a warning for each such report whose rows differ. */
function loadDataset(db, dataset, files) {
  const loaded = new Set(db.query('SELECT report FROM reports').rows.map((r) => r[0]));
  const warnings = [];
  const differing = new Set();
  for (const table of Object.keys(INPUT_TABLES)) {
    if (!(table in files)) continue;
    const rows = csvRows(`${dataset}/${table}.csv`, table, files[table]);
    const cols = INPUT_TABLES[table];
    const fresh = rows.filter((r) => !loaded.has(r[0]));
    insertRows(db, table, fresh);
    const where = cols.map((c) => `${c} IS ?`).join(' AND ');
    for (const r of rows.filter((x) => loaded.has(x[0]))) {
      if (db.query(`SELECT count(*) FROM ${table} WHERE ${where}`, r).rows[0][0] === 0) differing.add(r[0]);
    }
  }
  for (const report of differing) {
    warnings.push(`dataset ${dataset}: its rows of report ${report} differ from those already loaded; the first ones are kept`);
  }
  return warnings;
}

/* Every file of the index, fetched at once: {dataset: {table: text}}. */
async function fetchShippedDatasets(fetchText) {
  const index = (await fetchText('data/reports/index.txt')).split('\n').map((l) => l.trim()).filter(Boolean);
  const files = index.map((p) => /^([A-Za-z0-9_-]+)\/([a-z]+)\.csv$/.exec(p)).filter((m) => m && m[2] in INPUT_TABLES);
  const texts = await Promise.all(files.map((m) => fetchText(`data/reports/${m[0]}`)));
  const datasets = {};
  files.forEach((m, i) => { (datasets[m[1]] ??= {})[m[2]] = texts[i]; });
  return datasets;
}

function loadShippedDatasets(db, datasets) {
  const names = Object.keys(datasets).sort();
  return inTransaction(db, () => names.flatMap((name) => loadDataset(db, name, datasets[name])));
}
