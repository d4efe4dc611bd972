/* SPDX-License-Identifier: MIT */
// Types of pmext's Node entry points (index.js).
/** Absolute path of the pmext SQLite extension library for this platform
 * (in the package pmext-KEY); throws an Error saying why when there is none. */
export function getLoadablePath(): string;
/** Loads pmext into db (better-sqlite3: db.loadExtension); returns db. */
export function load<T extends { loadExtension(path: string): unknown }>(db: T): T;
