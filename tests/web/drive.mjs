/* SPDX-License-Identifier: MIT */
/*
** tests/web/drive.mjs -- what an analyst does on the page, done by
** headless Chromium; what the page shows is written down for
** tests/web/page.test, which checks it against the native build.
**
**   node tests/web/drive.mjs WEBDIR OUTDIR RELEASE VECTORS...
**
** WEBDIR is build/web, RELEASE a release's text file (pasted into the
** page), VECTORS the vector files run in the page's SQLite (growth.tsv:
** "function<TAB>args<TAB>expected"; gnumeric.tsv: "name<TAB>SQL<TAB>...").
** OUTDIR receives one file per thing seen, NAME.tsv: a line per row,
** fields separated by tabs, with backslash, tab and newline written \\, \t
** and \n; results.tsv holds the single values (key, value). Downloads go
** to OUTDIR/downloads, the files the page is given to open to OUTDIR/in.
** Exits 1 (after writing what it saw so far, and the error as
** results.tsv's "error") when a step fails.
**
** The steps, in order: first load (no input); the Content-Security-
** Policy after load; the network switched off for good; keyboard
** reachability and layout; the example button; paste and read the release; review (accept
** by keyboard, reject, accept every ready row, an edit that puts a share
** of 41, its error, undone); the chart; the SQL box; downloads; files
** that cannot be read; the .db opened back; the CSVs opened back; reports
** of other geographies and currencies (the chart's groups); units typed
** in other ways; a .txt dropped and a release pasted from the clipboard;
** the vectors.
*/
import fs from 'node:fs';
import path from 'node:path';
import { openPage } from './browser.mjs';

const [webdir, outdir, releaseFile, ...vectorFiles] = process.argv.slice(2);
if (!webdir || !outdir || !releaseFile) {
  console.error('usage: node tests/web/drive.mjs WEBDIR OUTDIR RELEASE VECTORS...');
  process.exit(2);
}
fs.rmSync(outdir, { recursive: true, force: true });
const downloads = path.join(outdir, 'downloads');
const inputs = path.join(outdir, 'in');
fs.mkdirSync(downloads, { recursive: true });
fs.mkdirSync(inputs, { recursive: true });

const results = [];
const field = (v) => String(v ?? '').replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
const put = (key, value) => results.push([key, value]);
const table = (name, rows) => fs.writeFileSync(path.join(outdir, `${name}.tsv`),
  rows.map((r) => r.map(field).join('\t') + '\n').join(''));
const flush = () => table('results', results);

/* What the page shows now. */
const audit = (page) => page.$$eval('#audit-table tbody tr', (trs) => trs.map((tr) => {
  const v = (i) => tr.children[i].dataset.value;
  return [tr.dataset.check, tr.dataset.subject, tr.dataset.status, v(3), v(4), v(5)];
}));
const text = (page, sel) => page.$eval(sel, (e) => e.textContent).catch(() => '');
const review = (page) => page.$$eval('#review-table tbody tr', (trs) => trs.map((tr) =>
  [tr.dataset.id, tr.dataset.kind, tr.dataset.status, tr.dataset.offset, tr.dataset.length, tr.dataset.reason]));
const marks = (page) => page.$$eval('#release-view mark', (ms) => ms.map((m) =>
  [m.dataset.rows, m.textContent, m.classList.contains('has-reason') ? 1 : 0, [...m.classList].find((c) => c.startsWith('k-'))]));
const dots = (page) => page.$$eval('#chart g[data-report] circle', (cs) => cs.map((c) =>
  [c.closest('g').dataset.report, c.dataset.year, c.dataset.basis, c.dataset.value, c.dataset.counted]));
const chartParts = (page) => page.evaluate(() => {
  const chart = document.getElementById('chart');
  return {
    band: chart.querySelectorAll('path[data-role=band]').length,
    median: chart.querySelectorAll('path[data-role=median]').length,
    reports: [...chart.querySelectorAll('g[data-report]')].map((g) => g.dataset.report).join(' '),
    lines: chart.querySelectorAll('g[data-report] line').length,
    market: chart.dataset.market ?? '',
    geography: chart.dataset.geography ?? '',
    currency: chart.dataset.currency ?? '',
    axis: chart.querySelector('[data-role=axis]')?.textContent ?? '',
    groups: document.getElementById('chart-groups')?.textContent ?? '',
  };
});
/* The band and the median as the chart draws them: year, min, median, max. */
const consensus = (page) => page.evaluate(() => {
  const byYear = new Map();
  const at = (year) => byYear.get(year) ?? byYear.set(year, { min: '', median: '', max: '' }).get(year);
  for (const path of document.querySelectorAll('#chart path[data-role=band], #chart path[data-role=median]')) {
    const years = (path.dataset.years ?? '').split(' ');
    for (const k of ['min', 'median', 'max']) {
      if (path.dataset[k] !== undefined) path.dataset[k].split(' ').forEach((v, i) => { at(years[i])[k] = v; });
    }
  }
  return [...byYear].sort((a, b) => a[0] - b[0]).map(([year, c]) => [year, c.min, c.median, c.max]);
});

async function waitForFile(file, ms = 20000) {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    if (fs.existsSync(file) && !fs.existsSync(`${file}.crdownload`) && fs.statSync(file).size > 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no download ${path.basename(file)} after ${ms} ms`);
}

async function openFiles(page, files) {
  const input = await page.$('#open-file');
  await input.uploadFile(...files);
  await page.waitForFunction(() => document.getElementById('open-file').value === '', { timeout: 20000 });
}

async function firstLoad(s) {
  const { page } = s;
  put('first.report', await page.$eval('#report', (e) => e.value));
  put('first.figures', (await page.$$('#figures-table tbody tr')).length);
  put('first.status', await text(page, '#status'));
  table('first-audit', await audit(page));
  table('first-dots', await dots(page));
  table('first-consensus', await consensus(page));
  const c = await chartParts(page);
  for (const [k, v] of Object.entries(c)) put(`first.chart.${k}`, v);
  put('ms_to_ready', s.msToReady);
}

/* After load, every kind of request is refused by the page's policy. */
async function privacy(s) {
  put('first.console_errors', s.consoleErrors.join(' | '));
  s.consoleErrors.length = 0;
  const outcome = await s.page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    const tries = {};
    const attempt = async (name, fn) => {
      try { tries[name] = await fn(); } catch (e) { tries[name] = `refused: ${e.name}`; }
    };
    await attempt('fetch-own', () => fetch('pmext.wasm').then(() => 'sent'));
    await attempt('fetch-other', () => fetch('http://127.0.0.2:9/').then(() => 'sent'));
    await attempt('beacon', () => (navigator.sendBeacon('http://127.0.0.2:9/b', 'x') ? 'queued' : 'refused'));
    await attempt('image', () => new Promise((ok) => {
      const i = new Image(); i.onload = () => ok('sent'); i.onerror = () => ok('refused'); i.src = 'http://127.0.0.2:9/i.png';
    }));
    await attempt('websocket', () => new Promise((ok) => {
      const w = new WebSocket('ws://127.0.0.2:9/'); w.onopen = () => ok('sent'); w.onerror = () => ok('refused');
    }));
    await new Promise((r) => setTimeout(r, 300));
    return { tries, violations };
  });
  for (const [k, v] of Object.entries(outcome.tries)) put(`privacy.${k}`, v);
  put('privacy.violations', outcome.violations.length);
  table('violations', outcome.violations.map((v) => [v]));
  // The refusals above are logged as errors by the browser: kept apart.
  table('privacy-console', s.consoleErrors.map((e) => [e]));
  s.consoleErrors.length = 0;
  await s.page.setOfflineMode(true);
  put('offline', await s.page.evaluate(() => (navigator.onLine ? 0 : 1)));
}

/* Layout at the window's width: sideways scrolling, and the smallest text
** on the page (SVG text at the size it is drawn). */
async function layout(s, when) {
  const l = await s.page.evaluate(() => {
    const sizes = [];
    for (const e of document.body.querySelectorAll('*')) {
      if (![...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim())) continue;
      if (!e.getClientRects().length || e.closest('template, title, style')) continue;
      const size = parseFloat(getComputedStyle(e).fontSize);
      sizes.push(e instanceof SVGElement ? size * e.ownerSVGElement.getScreenCTM().a : size);
    }
    return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
             font: parseFloat(getComputedStyle(document.body).fontSize), smallest: Math.min(...sizes) };
  });
  for (const [k, v] of Object.entries(l)) put(`layout.${when}.${k}`, v);
}

async function usability(s) {
  const { page } = s;
  await layout(s, 'first');
  await page.evaluate(() => document.activeElement?.blur());
  const seen = [];
  let outline = '';
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      return { id: e.id || (e.dataset.csv && `csv-${e.dataset.csv}`) || e.dataset.action || e.tagName, outline: getComputedStyle(e).outlineStyle };
    });
    if (!f) continue;
    if (seen.length && f.id === seen[0]) break;
    if (f.id === 'read') outline = f.outline;
    seen.push(f.id);
  }
  table('tab-order', seen.map((id) => [id]));
  put('focus.outline', outline);
}

/* The example button: the invented release under the key widgets. */
async function example(s) {
  await s.page.click('#example');
  put('example.report', await s.page.$eval('#report', (e) => e.value));
  put('example.message', await text(s.page, '#release-message'));
  table('review-example', await review(s.page));
}

async function pasteAndRead(s, release) {
  const { page } = s;
  await page.$eval('#release-report', (e) => { e.value = 'release-test'; });
  await page.$eval('#release-market', (e) => { e.value = ''; });
  await page.$eval('#release-unit', (e) => { e.value = ''; });
  await page.$eval('#release-text', (e) => { e.value = ''; });
  await page.focus('#release-text');
  await page.keyboard.sendCharacter(release);
  put('paste.same', (await page.$eval('#release-text', (e) => e.value)) === release ? 1 : 0);
  await page.focus('#read');
  await page.keyboard.press('Enter');
  put('read.message', await text(page, '#release-message'));
  put('read.market', await page.$eval('#release-market', (e) => e.value));
  put('read.unit', await page.$eval('#release-unit', (e) => e.value));
  table('marks', await marks(page));
  table('review-read', await review(page));
}

/* The id of the first line of the review table whose data-* passes test. */
async function findLine(page, test) {
  const lines = await page.$$eval('#review-table tbody tr', (trs) => trs.map((tr) => ({ ...tr.dataset })));
  return lines.find(test)?.id ?? null;
}

async function button(page, id, action) {
  await page.click(`#review-table tr[data-id="${id}"] button[data-action="${action}"]`);
}

async function reviewRows(s) {
  const { page } = s;
  const first = await findLine(page, (d) => d.status === 'proposed' && d.reason === '' && d.kind !== 'percent');
  put('review.keyboard_id', first);
  await page.focus(`#review-table tr[data-id="${first}"] button[data-action="accept"]`);
  await page.keyboard.press('Enter');
  put('review.keyboard_status', await page.$eval(`#review-table tr[data-id="${first}"]`, (tr) => tr.dataset.status));
  const withReason = await findLine(page, (d) => d.status === 'proposed' && d.reason !== '');
  put('review.rejected_id', withReason ?? '');
  if (withReason) await button(page, withReason, 'reject');
  if (withReason) {
    const again = await findLine(page, (d) => d.status === 'proposed' && d.reason !== '');
    if (again) {
      await button(page, again, 'accept');
      put('review.unready_id', again);
      put('review.unready_message', await text(page, '#review-message'));
    }
  }
  await page.click('#accept-ready');
  put('review.accept_ready', await text(page, '#review-message'));
  table('review-accepted', await review(page));
  table('audit-accepted', await audit(page));

  // An edit that makes the share 41: the model's own error, then undone.
  const edit = await page.$$eval('#review-table tbody tr', (trs) => {
    const tr = trs.find((t) => t.dataset.kind === 'figure' && t.dataset.status === 'accepted' && t.children[5].textContent !== '');
    return tr ? { id: tr.dataset.id, share: tr.children[6].textContent } : null;
  });
  put('edit.id', edit.id);
  put('edit.share_before', edit.share);
  const setShare = async (v) => {
    await button(page, edit.id, 'edit');
    const input = `#review-table tr[data-id="${edit.id}"] input[data-field=share]`;
    await page.$eval(input, (e) => { e.value = ''; });
    await page.type(input, v);
    await page.keyboard.press('Enter');
    put(`edit.saved.${v}`, await text(page, '#review-message'));
    await button(page, edit.id, 'accept');
  };
  await button(page, edit.id, 'undo');
  await setShare('41');
  put('edit.audit_error', await text(page, '#audit-error'));
  await button(page, edit.id, 'undo');
  await setShare(edit.share);
  put('edit.status', await page.$eval(`#review-table tr[data-id="${edit.id}"]`, (tr) => tr.dataset.status));
  table('review', await review(page));
  table('audit', await audit(page));
  await layout(s, 'review');
  put('audit.summary', await text(page, '#audit-summary'));
  put('audit.report', await text(page, '#audit-report'));
}

async function chart(s) {
  const c = await chartParts(s.page);
  for (const [k, v] of Object.entries(c)) put(`chart.${k}`, v);
  put('chart.report', await s.page.$eval('#report', (e) => e.value));
  put('chart.title', await text(s.page, '#compare-group'));
  table('dots', await dots(s.page));
  table('consensus', await consensus(s.page));
}

/* Reports of the same market in other geographies and currencies, and one
** that names the market and unit another way: each report's chart shows
** its own group only. */
const GROUPS_SQL = `INSERT INTO reports(report, market, unit) VALUES
  ('global-usd-mn', 'Personalized-Medicine', 'US$ million'), ('india-inr', 'personalized medicine', 'INR crore'),
  ('global-eur', 'personalized medicine', 'EUR bn');
INSERT INTO figures(report, dimension, segment, year, value) VALUES
  ('global-usd-mn', 'Market', 'global', 2022, 450000), ('global-usd-mn', 'Market', 'global', 2028, 700000),
  ('india-inr', 'market', 'India', 2023, 30000), ('india-inr', 'market', 'India', 2030, 80000),
  ('global-eur', 'market', 'Global', 2024, 400), ('global-eur', 'market', 'Global', 2033, 900);`;
const GROUP_REPORTS = ['cervicorn', 'global-usd-mn', 'india-inr', 'global-eur'];

async function groups(s) {
  const { page } = s;
  await page.$eval('#sql-text', (e, sql) => { e.value = sql; }, GROUPS_SQL);
  await page.click('#sql-run');
  put('groups.sql', GROUPS_SQL);
  put('groups.sql.message', await text(page, '#sql-message'));
  for (const report of GROUP_REPORTS) {
    await page.select('#report', report);
    const c = await chartParts(page);
    for (const [k, v] of Object.entries(c)) put(`groups.${report}.${k}`, v);
    put(`groups.${report}.title`, await text(page, '#compare-group'));
    table(`groups-dots-${report}`, await dots(page));
    table(`groups-consensus-${report}`, await consensus(page));
  }
}

/* A report's unit typed another way than pm_extract prints it, a unit
** of another scale, and one the model does not read: the docs' example
** release under three keys. */
async function units(s) {
  const { page } = s;
  const example = await page.$eval('#example-text', (t) => t.content.textContent);
  const readAs = async (key, unit) => {
    await page.$eval('#release-report', (e, v) => { e.value = v; }, key);
    await page.$eval('#release-market', (e) => { e.value = 'widgets'; });
    await page.$eval('#release-unit', (e, v) => { e.value = v; }, unit);
    await page.$eval('#release-text', (e, v) => { e.value = v; }, example);
    await page.click('#read');
  };
  await readAs('units-typed', 'US$ Billion');
  await page.click('#accept-ready');
  put('units.typed.message', await text(page, '#review-message'));
  table('units-typed', await review(page));
  put('units.typed.audit', await text(page, '#audit-summary'));
  for (const [key, unit] of [['units-million', 'US$ million'], ['units-bad', 'bn']]) {
    await readAs(key, unit);
    const id = await findLine(page, (d) => d.kind === 'figure' && d.reason === '' && d.status === 'proposed');
    await button(page, id, 'accept');
    put(`${key}.id`, id);
    put(`${key}.message`, await text(page, '#review-message'));
    put(`${key}.status`, await page.$eval(`#review-table tr[data-id="${id}"]`, (tr) => tr.dataset.status));
  }
}

/* A .txt dropped on the page (a synthesised drop carrying a File) and a
** release pasted from the clipboard (Ctrl+V): each is read at once. */
async function dropAndPaste(s, release) {
  const { page } = s;
  await page.$eval('#release-report', (e) => { e.value = 'dropped'; });
  await page.$eval('#release-unit', (e) => { e.value = ''; });
  const over = await page.evaluate((txt) => {
    const data = new DataTransfer();
    data.items.add(new File([txt], 'dropped.txt', { type: 'text/plain' }));
    const drag = (type) => new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true });
    document.getElementById('audit').dispatchEvent(drag('dragover'));
    const shown = document.getElementById('drop').classList.contains('over');
    document.getElementById('audit').dispatchEvent(drag('drop'));
    return shown ? 1 : 0;
  }, release);
  await page.waitForFunction(() => document.getElementById('review-count').textContent.startsWith('dropped:'),
    { timeout: 20000 });
  put('drop.over', over);
  put('drop.over_after', await page.$eval('#drop', (e) => (e.classList.contains('over') ? 1 : 0)));
  put('drop.same', (await page.$eval('#release-text', (e) => e.value)) === release ? 1 : 0);
  put('drop.report', await page.$eval('#report', (e) => e.value));
  put('drop.message', await text(page, '#release-message'));
  table('review-dropped', await review(page));

  const pasted = 'The global widget market was valued at USD 40.0 billion in 2024 and is expected to reach '
    + 'USD 60.0 billion by 2030.';
  await s.browser.defaultBrowserContext().overridePermissions(s.url, ['clipboard-read', 'clipboard-write',
    'clipboard-sanitized-write']);
  await page.$eval('#release-report', (e) => { e.value = 'pasted'; });
  await page.$eval('#release-text', (e) => { e.value = ''; });
  await page.focus('#release-text');
  await page.evaluate((t) => navigator.clipboard.writeText(t), pasted);
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyV');
  await page.keyboard.up('Control');
  await page.waitForFunction(() => document.getElementById('review-count').textContent.startsWith('pasted:'),
    { timeout: 20000 });
  put('clipboard.text', pasted);
  put('clipboard.same', (await page.$eval('#release-text', (e) => e.value)) === pasted ? 1 : 0);
  put('clipboard.report', await page.$eval('#report', (e) => e.value));
  table('review-clipboard', await review(page));
}

async function sqlBox(s, key, sql) {
  const { page } = s;
  await page.$eval('#sql-text', (e) => { e.value = ''; });
  await page.type('#sql-text', sql);
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
  put(`sql.${key}.message`, await text(page, '#sql-message'));
  put(`sql.${key}.role`, await page.$eval('#sql-message', (e) => e.getAttribute('role')));
  const cells = await page.$$eval('#sql-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
  table(`sql-${key}`, cells);
}

async function downloadAll(s) {
  const { page } = s;
  await page.click('#download-db');
  await waitForFile(path.join(downloads, 'pmext-reports.db'));
  put('download.message', await text(page, '#files-message'));
  for (const t of ['reports', 'figures', 'claims', 'companies']) {
    await page.click(`button[data-csv="${t}"]`);
    await waitForFile(path.join(downloads, `${t}.csv`));
  }
  put('download.files', fs.readdirSync(downloads).sort().join(' '));
}

async function badFiles(s) {
  const { page } = s;
  const before = await text(page, '#audit-summary');
  const bad = {
    'notes.db': Buffer.from('these are notes, not a database\n'.repeat(40)),
    'latin1.txt': Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6d, 0x61, 0x72, 0x6b, 0x65, 0x74, 0x0a]),
    'data.csv': Buffer.from('a,b\n1,2\n'),
    'figures.csv': Buffer.from('report,dimension,segment,year,value,share,decimals,note\n"x,market\n'),
    'empty.db': Buffer.alloc(0),
    'claims.csv': Buffer.from('report,dimension\nx,market\n'),
  };
  for (const [name, bytes] of Object.entries(bad)) {
    const file = path.join(inputs, name);
    fs.writeFileSync(file, bytes);
    await openFiles(page, [file]);
    put(`bad.${name}`, await text(page, '#release-message'));
    put(`bad.${name}.audit`, await text(page, '#audit-summary'));
  }
  put('bad.audit_before', before);
}

async function reopen(s) {
  const { page } = s;
  await openFiles(page, [path.join(downloads, 'pmext-reports.db')]);
  put('reopen.db.message', await text(page, '#release-message'));
  put('reopen.db.report', await page.$eval('#report', (e) => e.value));
  table('audit-reopened', await audit(page));
  table('review-reopened', await review(page));
  table('marks-reopened', await marks(page));

  await sqlBox(s, 'delete', 'DELETE FROM figures; DELETE FROM claims; DELETE FROM companies; DELETE FROM reports;');
  put('reopen.emptied', await text(page, '#audit'));
  await openFiles(page, ['reports', 'figures', 'claims', 'companies'].map((t) => path.join(downloads, `${t}.csv`)));
  put('reopen.csv.message', await text(page, '#release-message'));
  table('audit-csv', await audit(page));

  // The release taken out by SQL: its text and rows leave the page too.
  await sqlBox(s, 'forget', 'DELETE FROM proposals; DELETE FROM releases;');
  put('forget.marks', (await page.$$('#release-view mark')).length);
  put('forget.review', await text(page, '#review'));
}

async function vectors(s) {
  for (const file of vectorFiles) {
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'));
    const growth = path.basename(file) === 'growth.tsv';
    const sql = lines.map(([f, args]) => (growth ? `SELECT ${f}(${args.split(',').join(', ')})` : args));
    const values = await s.page.evaluate((statements) => statements.map((q) => {
      try {
        const v = pmext.query(q).rows[0][0];
        return v === null ? 'NULL' : String(v);
      } catch (e) {
        return `ERROR ${e.message}`;
      }
    }), sql);
    table(`vectors-${path.basename(file, '.tsv')}`, sql.map((q, i) => [q, values[i]]));
  }
}

let session;
try {
  const release = fs.readFileSync(releaseFile, 'utf8');
  session = await openPage(webdir, { downloads });
  const steps = [firstLoad, privacy, usability, example, (s) => pasteAndRead(s, release), reviewRows, chart,
    (s) => sqlBox(s, 'ok', "SELECT cagr(578.14, 1094.83, 2024, 2034), project(616.26, 0.1137, 2025, 2034), 'x' || pmext_version()"),
    (s) => sqlBox(s, 'error', "SELECT cagr('abc', 1, 2)"),
    downloadAll, badFiles, reopen, groups, units, (s) => dropAndPaste(s, release), vectors];
  for (const step of steps) await step(session);
  put('requests', session.requests.length);
  table('requests', session.requests.map((r) => [r.url, r.type, r.afterReady ? 1 : 0, r.outcome]));
  put('console_errors', session.consoleErrors.join(' | '));
  put('server', session.url);
  flush();
  await session.close();
} catch (e) {
  put('error', e.stack || String(e));
  if (session) {
    table('requests', session.requests.map((r) => [r.url, r.type, r.afterReady ? 1 : 0, r.outcome]));
    put('console_errors', session.consoleErrors.join(' | '));
    await session.close();
  }
  flush();
  console.error(e.stack || String(e));
  process.exit(1);
}
