/* SPDX-License-Identifier: MIT */
/*
** web/js/files.js -- files in and out of the page, all on this computer:
** nothing is uploaded anywhere.
**
**   download(name, bytes, type)   saves bytes as a file (a blob: link)
**   fileKind(name)                'release' (.txt), 'csv', 'database' (.db,
**                                 .sqlite, .sqlite3) or null
**   readBytes(file)               the file's bytes; an Error that says the
**                                 file could not be read, and why
**   readText(file)                its text; an Error when it is not UTF-8
**   csvTable(name)                the input table a CSV file fills, named by
**                                 the file: reports.csv, figures.csv, ...
**                                 (a browser's " (1)" copy suffix allowed);
**                                 an Error naming the accepted names
*/

function download(name, bytes, type) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function fileKind(name) {
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'txt') return 'release';
  if (ext === 'csv') return 'csv';
  if (ext === 'db' || ext === 'sqlite' || ext === 'sqlite3') return 'database';
  return null;
}

async function readBytes(file) {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    throw new Error(`${file.name} could not be read (${e.message || e.name}); nothing was changed`);
  }
}

async function readText(file) {
  const bytes = await readBytes(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    throw new Error(`${file.name} could not be read: it is not UTF-8 text (save it as UTF-8 and open it again)`);
  }
}

function csvTable(name) {
  const base = name.toLowerCase().replace(/\.csv$/, '').replace(/ \(\d+\)$/, '');
  if (base in INPUT_TABLES) return base;
  throw new Error(`${name}: a CSV file is read into the input table its name gives: `
    + `${Object.keys(INPUT_TABLES).map((t) => `${t}.csv`).join(', ')}`);
}
