/* SPDX-License-Identifier: MIT */
/*
** web/js/csv.js -- CSV in and out (RFC 4180), as the sqlite3 shell's
** `.import --csv` reads it and `.mode csv` writes it.
**
**   parseCsv(text)            a list of records, each a list of strings;
**                             fields separated by commas, records by LF or
**                             CRLF, "..." quoted with "" for a quote; a
**                             leading byte-order mark is skipped. Throws
**                             Error("line N: ...") on an unclosed quote.
**   formatCsv(columns, rows)  the header line and one line per row, CRLF:
**                             NULL an empty field, a number in the
**                             shortest form that reads back as the same
**                             double, a field quoted when it holds a comma,
**                             a quote, a line break or edge spaces.
*/

function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let line = 1;
  let quoted = false;
  let quoteLine = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endField = () => { record.push(field); field = ''; };
  const endRecord = () => { endField(); records.push(record); record = []; };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      if (c === '\n') line++;
      field += c;
      i++;
    } else if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
      i++;
    } else if (c === ',') {
      endField();
      i++;
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      endRecord();
      i += c === '\r' ? 2 : 1;
      line++;
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error(`line ${quoteLine}: a quoted field is not closed`);
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

function csvField(v) {
  if (v === null || v === undefined) return '';
  if (v instanceof Uint8Array) return Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('');
  const s = String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function formatCsv(columns, rows) {
  return [columns, ...rows].map((r) => r.map(csvField).join(',') + '\r\n').join('');
}
