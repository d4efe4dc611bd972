/* SPDX-License-Identifier: MIT */
// The platforms pmext is built for, one npm package each
// (pmext-KEY: lib/FILE). index.js picks the one for the running Node;
// manifest.js writes each package's package.json from this table, and the
// main package's optionalDependencies. libc is Linux's: glibc or musl.
"use strict";

module.exports = {
  "linux-x64-gnu": { os: "linux", cpu: "x64", libc: "glibc", file: "pmext.so" },
  "linux-arm64-gnu": { os: "linux", cpu: "arm64", libc: "glibc", file: "pmext.so" },
  "linux-x64-musl": { os: "linux", cpu: "x64", libc: "musl", file: "pmext.so" },
  "win32-x64": { os: "win32", cpu: "x64", file: "pmext.dll" },
};
