/* SPDX-License-Identifier: MIT */
// pmext for Node: the path of the SQLite extension library this package
// ships, and load(db), which loads it into a better-sqlite3 connection (or
// any object with a loadExtension(path) method).
"use strict";

const fs = require("fs");
const path = require("path");

const SUFFIX = { darwin: ".dylib", win32: ".dll" }[process.platform] || ".so";

function getLoadablePath() {
  const file = path.join(__dirname, "lib", "pmext" + SUFFIX);
  if (!fs.existsSync(file)) {
    throw new Error(
      `pmext: this package has no library for ${process.platform}-${process.arch} ` +
        `(looked for ${file}); build one from the source tree with make`
    );
  }
  return file;
}

function load(db) {
  if (!db || typeof db.loadExtension !== "function") {
    throw new TypeError("pmext.load(db): db has no loadExtension() (a better-sqlite3 Database has)");
  }
  db.loadExtension(getLoadablePath());
  return db;
}

module.exports = { getLoadablePath, load };
