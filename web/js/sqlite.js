/* SPDX-License-Identifier: MIT */
/*
** web/js/sqlite.js -- one SQLite connection of the WebAssembly module as a
** JavaScript object.
**
** The module (pmext.wasm) is SQLite with pmext linked in; it exports the C
** functions listed in mk/web.mk (WEB_EXPORTS), called here directly.
**
**   new Database(wasm)        a fresh in-memory database, pmext registered
**   db.query(sql, params)     one statement: {columns, rows}
**   db.exec(sql)              any number of statements: a list of
**                             {columns, rows, sql}, one per statement
**   db.serialize()            the database as the bytes of a .db file
**   Database.fromBytes(wasm, bytes)
**                             a new connection over those bytes (a .db
**                             file); throws if they are not a database
**   db.close()
**
** Values: NULL is null, INTEGER a number (a bigint beyond 2^53), REAL a
** number, TEXT a string, BLOB a Uint8Array; parameters are given the same
** way (a whole number binds as INTEGER, any other number as REAL). Every
** error is a SqlError carrying SQLite's or pmext's own message.
*/

const SQLITE_ROW = 100;
const SQLITE_DONE = 101;
const SQLITE_INTEGER = 1;
const SQLITE_FLOAT = 2;
const SQLITE_TEXT = 3;
const SQLITE_BLOB = 4;
const SQLITE_TRANSIENT = -1; /* ((sqlite3_destructor_type)-1): SQLite copies */
const SQLITE_DESERIALIZE_FREEONCLOSE = 1;
const SQLITE_DESERIALIZE_RESIZEABLE = 2;
const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);
const UTF8_ENCODER = new TextEncoder();
const UTF8_DECODER = new TextDecoder();

class SqlError extends Error {
  constructor(message) {
    super(message);
    this.name = 'SqlError';
  }
}

class Database {
  constructor(wasm) {
    this.w = wasm;
    this.db = 0;
    const sp = wasm.stackSave();
    try {
      const out = wasm.stackAlloc(4);
      const rc = wasm._sqlite3_open(this.cString(':memory:'), out);
      this.db = wasm.HEAP32[out >> 2];
      if (rc !== 0) {
        const message = this.db ? this.message() : 'out of memory';
        this.close();
        throw new SqlError(message);
      }
    } finally {
      wasm.stackRestore(sp);
    }
  }

  static fromBytes(wasm, bytes) {
    const db = new Database(wasm);
    try {
      db.deserialize(bytes);
      db.query('SELECT count(*) FROM sqlite_schema');
    } catch (e) {
      db.close();
      throw e;
    }
    return db;
  }

  close() {
    if (this.db) this.w._sqlite3_close_v2(this.db);
    this.db = 0;
  }

  message() {
    return this.w.UTF8ToString(this.w._sqlite3_errmsg(this.db));
  }

  /* A NUL-terminated copy of s on the wasm stack (the caller saves and
  ** restores the stack around it). */
  cString(s) {
    const bytes = UTF8_ENCODER.encode(s);
    const p = this.w.stackAlloc(bytes.length + 1);
    this.w.HEAPU8.set(bytes, p);
    this.w.HEAPU8[p + bytes.length] = 0;
    return p;
  }

  /* Runs fn(firstByte, endByte) over a heap copy of sql, freed after. */
  withText(sql, fn) {
    const bytes = UTF8_ENCODER.encode(sql);
    const p = this.w._malloc(bytes.length + 1);
    if (!p) throw new SqlError('out of memory');
    try {
      this.w.HEAPU8.set(bytes, p);
      this.w.HEAPU8[p + bytes.length] = 0;
      return fn(p, p + bytes.length);
    } finally {
      this.w._free(p);
    }
  }

  /* Prepares each statement of sql in turn and hands it to fn; returns
  ** the list of fn's results. */
  eachStatement(sql, fn) {
    const w = this.w;
    return this.withText(sql, (start, end) => {
      const results = [];
      const sp = w.stackSave();
      try {
        const pStmt = w.stackAlloc(4);
        const pTail = w.stackAlloc(4);
        let at = start;
        while (at < end) {
          if (w._sqlite3_prepare_v2(this.db, at, end - at, pStmt, pTail) !== 0) {
            throw new SqlError(this.message());
          }
          const stmt = w.HEAP32[pStmt >> 2];
          const next = w.HEAP32[pTail >> 2];
          if (stmt) {
            const text = UTF8_DECODER.decode(w.HEAPU8.subarray(at, next)).trim();
            try {
              results.push(fn(stmt, text));
            } finally {
              w._sqlite3_finalize(stmt);
            }
          }
          at = next;
        }
      } finally {
        w.stackRestore(sp);
      }
      return results;
    });
  }

  exec(sql) {
    return this.eachStatement(sql, (stmt, text) => ({ ...this.run(stmt, []), sql: text }));
  }

  query(sql, params = []) {
    const results = this.eachStatement(sql, (stmt) => this.run(stmt, params));
    if (results.length !== 1) {
      throw new SqlError(`query() takes one statement, got ${results.length}`);
    }
    return results[0];
  }

  /* The rows of one statement as objects keyed by column name. */
  objects(sql, params = []) {
    const { columns, rows } = this.query(sql, params);
    return rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
  }

  run(stmt, params) {
    const w = this.w;
    const wanted = w._sqlite3_bind_parameter_count(stmt);
    if (params.length !== wanted) {
      throw new SqlError(`the statement takes ${wanted} parameters, got ${params.length}`);
    }
    params.forEach((v, i) => this.bind(stmt, i + 1, v));
    const n = w._sqlite3_column_count(stmt);
    const columns = [];
    for (let i = 0; i < n; i++) columns.push(w.UTF8ToString(w._sqlite3_column_name(stmt, i)));
    const rows = [];
    for (;;) {
      const rc = w._sqlite3_step(stmt);
      if (rc === SQLITE_DONE) break;
      if (rc !== SQLITE_ROW) throw new SqlError(this.message());
      const row = new Array(n);
      for (let i = 0; i < n; i++) row[i] = this.column(stmt, i);
      rows.push(row);
    }
    return { columns, rows };
  }

  bind(stmt, i, v) {
    const w = this.w;
    let rc;
    if (v === null || v === undefined) {
      rc = w._sqlite3_bind_null(stmt, i);
    } else if (typeof v === 'bigint') {
      rc = w._sqlite3_bind_int64(stmt, i, v);
    } else if (typeof v === 'number') {
      rc = Number.isSafeInteger(v) ? w._sqlite3_bind_int64(stmt, i, BigInt(v))
                                   : w._sqlite3_bind_double(stmt, i, v);
    } else if (typeof v === 'boolean') {
      rc = w._sqlite3_bind_int64(stmt, i, v ? 1n : 0n);
    } else if (v instanceof Uint8Array) {
      rc = this.bindBytes(v, (p) => w._sqlite3_bind_blob(stmt, i, p, v.length, SQLITE_TRANSIENT));
    } else {
      const bytes = UTF8_ENCODER.encode(String(v));
      rc = this.bindBytes(bytes, (p) => w._sqlite3_bind_text(stmt, i, p, bytes.length, SQLITE_TRANSIENT));
    }
    if (rc !== 0) throw new SqlError(this.message());
  }

  bindBytes(bytes, fn) {
    const p = this.w._malloc(bytes.length + 1);
    if (!p) throw new SqlError('out of memory');
    try {
      this.w.HEAPU8.set(bytes, p);
      return fn(p);
    } finally {
      this.w._free(p);
    }
  }

  column(stmt, i) {
    const w = this.w;
    switch (w._sqlite3_column_type(stmt, i)) {
      case SQLITE_INTEGER: {
        const v = w._sqlite3_column_int64(stmt, i);
        return v >= -MAX_EXACT && v <= MAX_EXACT ? Number(v) : v;
      }
      case SQLITE_FLOAT:
        return w._sqlite3_column_double(stmt, i);
      case SQLITE_TEXT: {
        const p = w._sqlite3_column_text(stmt, i);
        const n = w._sqlite3_column_bytes(stmt, i);
        return UTF8_DECODER.decode(w.HEAPU8.subarray(p, p + n));
      }
      case SQLITE_BLOB: {
        const p = w._sqlite3_column_blob(stmt, i);
        const n = w._sqlite3_column_bytes(stmt, i);
        return w.HEAPU8.slice(p, p + n);
      }
      default:
        return null;
    }
  }

  serialize() {
    const w = this.w;
    const sp = w.stackSave();
    try {
      const pSize = w.stackAlloc(8);
      const p = w._sqlite3_serialize(this.db, this.cString('main'), pSize, 0);
      if (!p) throw new SqlError('out of memory');
      const size = w.HEAP32[pSize >> 2] >>> 0;
      const bytes = w.HEAPU8.slice(p, p + size);
      w._sqlite3_free(p);
      return bytes;
    } finally {
      w.stackRestore(sp);
    }
  }

  deserialize(bytes) {
    const w = this.w;
    const n = BigInt(bytes.length);
    const p = w._sqlite3_malloc64(n);
    if (!p) throw new SqlError('out of memory');
    w.HEAPU8.set(bytes, p);
    const sp = w.stackSave();
    try {
      const flags = SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE;
      if (w._sqlite3_deserialize(this.db, this.cString('main'), p, n, n, flags) !== 0) {
        throw new SqlError(this.message());
      }
    } finally {
      w.stackRestore(sp);
    }
  }
}
