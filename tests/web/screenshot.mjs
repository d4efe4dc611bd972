/* SPDX-License-Identifier: MIT */
/*
** tests/web/screenshot.mjs -- the pictures of the page in docs/
** (`make web-screenshot`): the page at 1366 x 900 after pasting
** tests/extract/report.txt and accepting every ready row.
**
**   node tests/web/screenshot.mjs WEBDIR OUT.png
**
** OUT.png shows the release with its highlights and the proposed rows;
** OUT-audit.png (beside it) the audit and the comparison chart.
*/
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPage } from './browser.mjs';

const [webdir, out] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const release = fs.readFileSync(path.join(here, '..', 'extract', 'report.txt'), 'utf8');
const s = await openPage(webdir, { width: 1366, height: 900 });
try {
  const { page } = s;
  await page.$eval('#release-text', (e, text) => { e.value = text; }, release);
  await page.click('#read');
  await page.click('#accept-ready');
  await page.$eval('#release-view', (e) => { e.scrollTop = 0; });
  const clip = async (from, to, most) => {
    const box = await page.evaluate((a, b) => {
      const top = document.querySelector(a).getBoundingClientRect().top + window.scrollY;
      const bottom = document.querySelector(b).getBoundingClientRect().bottom + window.scrollY;
      return { top, bottom };
    }, from, to);
    return { x: 0, y: Math.max(0, box.top - 4), width: 1366, height: Math.min(most, box.bottom - box.top + 8) };
  };
  await page.screenshot({ path: out, clip: await clip('header', '#review-section', 1100), captureBeyondViewport: true });
  const second = out.replace(/\.png$/, '-audit.png');
  await page.screenshot({ path: second, clip: await clip('#audit-section', '#compare-section', 1900), captureBeyondViewport: true });
  console.log(`wrote ${out} and ${second}`);
} finally {
  await s.close();
}
