/* SPDX-License-Identifier: MIT */
// Types of pmext's Node entry points (index.js).
/** Absolute path of the pmext SQLite extension library in this package. */
export function getLoadablePath(): string;
/** Loads pmext into db (better-sqlite3: db.loadExtension); returns db. */
export function load<T extends { loadExtension(path: string): unknown }>(db: T): T;
