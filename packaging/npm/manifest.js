/* SPDX-License-Identifier: MIT */
// manifest.js -- prints the package.json of one of pmext's npm packages
// (make npm):
//
//   node packaging/npm/manifest.js main VERSION   the main package `pmext`
//   node packaging/npm/manifest.js KEY VERSION    the package pmext-KEY of
//                                                 one platform (platforms.js)
//
// The main package holds the JavaScript and lists every platform package
// as an optional dependency of exactly its own version; npm installs the
// one whose os, cpu and libc fields match the machine and skips the
// others, so one package.json installs everywhere. The peer range is the
// better-sqlite3 major release the tests run (docs/packages.md).
"use strict";

const platforms = require("./platforms");

const [which, version] = process.argv.slice(2);
if (!version || (which !== "main" && !platforms[which])) {
  console.error(`usage: manifest.js main|${Object.keys(platforms).join("|")} VERSION`);
  process.exit(2);
}

const common = {
  version,
  license: "MIT",
  author: "pmext maintainers",
  keywords: ["sqlite", "sqlite-extension", "better-sqlite3", "cagr", "market-sizing"],
};

let manifest;
if (which === "main") {
  manifest = {
    name: "pmext",
    ...common,
    description:
      "SQLite extension for market sizing: growth maths and an audited personalized medicine market model",
    main: "index.js",
    types: "index.d.ts",
    files: ["index.js", "index.d.ts", "platforms.js", "README.md", "LICENSE"],
    optionalDependencies: Object.fromEntries(
      Object.keys(platforms).map((key) => [`pmext-${key}`, version])
    ),
    peerDependencies: { "better-sqlite3": "^12.0.0" },
    peerDependenciesMeta: { "better-sqlite3": { optional: true } },
  };
} else {
  const p = platforms[which];
  manifest = {
    name: `pmext-${which}`,
    ...common,
    description: `The pmext SQLite extension library for ${which} (used by the package pmext)`,
    files: [`lib/${p.file}`, "README.md", "LICENSE"],
    os: [p.os],
    cpu: [p.cpu],
    ...(p.libc ? { libc: [p.libc] } : {}),
  };
}
process.stdout.write(JSON.stringify(manifest, null, 2) + "\n");
