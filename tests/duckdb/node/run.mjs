// SPDX-License-Identifier: MIT
// run.mjs -- loads pmext into DuckDB from Node with @duckdb/node-api, as an
// analyst's notebook would, and answers SQL as tests/duckdb/driver.c does:
// one statement per line on stdin; its rows on stdout, one line each,
// values separated by a tab (NULL written NULL, numbers as JavaScript
// writes them), or one line "!error " and the message's first line; then a
// line holding only the byte 0x1e. tests/duckdb/node.test drives it:
//
//   node run.mjs EXTENSION
import { DuckDBInstance } from '@duckdb/node-api';
import { createInterface } from 'node:readline';

const instance = await DuckDBInstance.create(':memory:', {
  allow_unsigned_extensions: 'true',
});
const connection = await instance.connect();
await connection.run(`LOAD '${process.argv[2].replaceAll("'", "''")}'`);
for await (const sql of createInterface({ input: process.stdin })) {
  try {
    const reader = await connection.runAndReadAll(sql);
    for (const row of reader.getRows()) {
      console.log(row.map((v) => (v === null ? 'NULL' : String(v))).join('\t'));
    }
  } catch (error) {
    console.log(`!error ${error.message.split('\n')[0]}`);
  }
  console.log('\x1e');
}
