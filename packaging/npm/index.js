/* SPDX-License-Identifier: MIT */
// pmext for Node: the path of the SQLite extension library built for the
// running platform, and load(db), which loads it into a better-sqlite3
// connection (or any object with a loadExtension(path) method). The
// library is in the platform's own package, pmext-KEY (platforms.js),
// which npm installed as an optional dependency of this one.
"use strict";

const path = require("path");
const platforms = require("./platforms");
const { version } = require("./package.json");

// "glibc" or "musl" on Linux (Node reports the glibc it runs on, and
// nothing under musl); undefined elsewhere.
function runningLibc() {
  if (process.platform !== "linux") return undefined;
  const report = process.report && process.report.getReport();
  return report && report.header && report.header.glibcVersionRuntime ? "glibc" : "musl";
}

function getLoadablePath() {
  const libc = runningLibc();
  const here = `${process.platform}-${process.arch}${libc ? ` (${libc})` : ""}`;
  const key = Object.keys(platforms).find((k) => {
    const p = platforms[k];
    return p.os === process.platform && p.cpu === process.arch && p.libc === libc;
  });
  if (!key) {
    throw new Error(
      `pmext: no build for ${here}; pmext is built for ${Object.keys(platforms).join(", ")}. ` +
        "On another platform, build the library from the source tree (make) and load that file."
    );
  }
  let dir;
  try {
    dir = path.dirname(require.resolve(`pmext-${key}/package.json`));
  } catch (e) {
    throw new Error(
      `pmext: the package pmext-${key}, which holds the library for ${here}, is not installed ` +
        "(npm leaves optional dependencies out with --omit=optional, and a package-lock.json " +
        `written on another platform may lack it): npm install pmext-${key}@${version}`
    );
  }
  return path.join(dir, "lib", platforms[key].file);
}

function load(db) {
  if (!db || typeof db.loadExtension !== "function") {
    throw new TypeError("pmext.load(db): db has no loadExtension() (a better-sqlite3 Database has)");
  }
  db.loadExtension(getLoadablePath());
  return db;
}

module.exports = { getLoadablePath, load };
