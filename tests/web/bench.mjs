/* SPDX-License-Identifier: MIT */
/*
** tests/web/bench.mjs -- the page's size and speed in headless Chromium
** (`make bench-web`; docs/performance.md, "The page"). A benchmark, not a
** test: it prints numbers and checks nothing.
**
**   node tests/web/bench.mjs WEBDIR [RUNS]
**
** 1. Transfer size: every file the page requests before it is ready, as
**    stored and gzip-compressed (zlib level 6, what static hosts use by
**    default) and its total.
** 2. Time to ready: from the request of the page to <body data-ready>
**    (data-ready-ms), each run in a fresh browser profile (nothing
**    cached), median and range of RUNS runs (default 5).
** 3. Extract and audit of a 5 KB release: tests/extract/report.txt
**    repeated to 5 KB (cut at a line end); in the page, "Read the
**    release" then "Accept every ready row" (pm_extract, the review
**    table, the highlighted text, then the audit, the chart and the
**    tables redrawn), then until the browser has drawn it; and the SQL
**    alone: pm_extract over the text, and the audit of the report (its
**    model already built). Median and range of RUNS runs.
*/
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { openPage } from './browser.mjs';

const [webdir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const here = path.dirname(fileURLToPath(import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs) => `${Math.min(...xs).toFixed(1)}-${Math.max(...xs).toFixed(1)}`;
const kb = (n) => (n / 1024).toFixed(1);

function release5k() {
  const one = fs.readFileSync(path.join(here, '..', 'extract', 'report.txt'), 'utf8');
  let text = one;
  while (Buffer.byteLength(text) < 5120) text += `\n${one}`;
  const cut = text.lastIndexOf('\n', 5120);
  return text.slice(0, cut + 1);
}

const ready = [];
let files = [];
for (let i = 0; i < runs; i++) {
  const s = await openPage(webdir);
  ready.push(Number(await s.page.$eval('body', (b) => b.dataset.readyMs)));
  if (i === 0) files = s.requests.filter((r) => !r.afterReady).map((r) => new URL(r.url).pathname);
  await s.close();
}

console.log('Transfer size (every file requested before ready):\n');
console.log('| file | bytes | gzip |\n|---|---:|---:|');
let raw = 0;
let gz = 0;
for (const f of files) {
  const bytes = fs.readFileSync(path.join(webdir, f === '/' ? 'index.html' : f));
  const z = zlib.gzipSync(bytes, { level: 6 }).length;
  raw += bytes.length;
  gz += z;
  console.log(`| ${f} | ${bytes.length} | ${z} |`);
}
console.log(`| total (${files.length} files) | ${raw} (${kb(raw)} KB) | ${gz} (${kb(gz)} KB) |\n`);
console.log(`Time to ready: median ${median(ready)} ms, range ${Math.min(...ready)}-${Math.max(...ready)} ms (${runs} runs)\n`);

const text = release5k();
const s = await openPage(webdir);
const timing = await s.page.evaluate(async (release, n) => {
  const out = { ui: [], drawn: [], extract: [], audit: [], rows: 0, accepted: '' };
  const $ = (id) => document.getElementById(id);
  for (let i = 0; i < n; i++) {
    const report = `bench-${i}`;
    $('release-text').value = release;
    $('release-report').value = report;
    const t0 = performance.now();
    $('read').click();
    $('accept-ready').click();
    out.ui.push(performance.now() - t0);
    await new Promise((drawn) => requestAnimationFrame(() => setTimeout(drawn, 0)));
    out.drawn.push(performance.now() - t0);
    out.accepted = $('review-message').textContent;
    const t1 = performance.now();
    out.rows = pmext.query('SELECT count(*) FROM pm_extract(?)', [release]).rows[0][0];
    out.extract.push(performance.now() - t1);
    const t2 = performance.now();
    pmext.query('SELECT count(*) FROM audit WHERE report = ?', [report]);
    out.audit.push(performance.now() - t2);
  }
  return out;
}, text, runs);
await s.close();
console.log(`A ${Buffer.byteLength(text)}-byte release (${timing.rows} rows from pm_extract; ${timing.accepted}):\n`);
console.log('| step | median ms | range ms |\n|---|---:|---:|');
console.log(`| Read the release + Accept every ready row: the page's code (pm_extract, review, highlights, audit, chart, tables) | ${median(timing.ui).toFixed(1)} | ${range(timing.ui)} |`);
console.log(`| the same, until the browser has laid out and drawn the page | ${median(timing.drawn).toFixed(1)} | ${range(timing.drawn)} |`);
console.log(`| SELECT count(*) FROM pm_extract(text) | ${median(timing.extract).toFixed(1)} | ${range(timing.extract)} |`);
console.log(`| SELECT count(*) FROM audit WHERE report = ? | ${median(timing.audit).toFixed(1)} | ${range(timing.audit)} |`);
