/* SPDX-License-Identifier: MIT */
/*
** tests/web/browser.mjs -- Debian's headless Chromium over the page of
** `make web`, for the browser tests, the benchmark and the screenshot.
**
**   const session = await openPage(dir, options)
**       serves dir on 127.0.0.1 (web/serve.mjs, a free port), starts
**       Chromium through puppeteer-core (never a downloaded browser:
**       chromium-headless-shell, else chromium, from /usr/bin), opens the
**       page and waits until it says it is ready (<body data-ready="1">).
**       options: width, height (1366 x 768), downloads (a directory the
**       page's downloads go to), timeout (ms, 120 s).
**       session: {browser, page, server, url, requests, consoleErrors,
**       msToReady, close()}; requests lists every request the page made,
**       each {url, type, afterReady, outcome} (outcome "done STATUS",
**       "failed REASON" or "pending"); consoleErrors the page's errors.
**
** Chromium runs with a fresh profile and without the services that would
** otherwise try the network (the machine may have none).
*/
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { serve } from '../../web/serve.mjs';

const CANDIDATES = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

export function chromiumPath() {
  const found = CANDIDATES.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`no Chromium (${CANDIDATES.join(', ')}): run tools/need.sh web-test`);
  return found;
}

export async function openPage(dir, options = {}) {
  const { width = 1366, height = 768, downloads = null, timeout = 120000 } = options;
  const server = await serve(dir, 0);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pmext-chromium-'));
  const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--disable-gpu', '--disable-quic', '--disable-default-apps', '--disable-extensions',
    '--no-default-browser-check', '--metrics-recording-only', '--password-store=basic'];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const browser = await puppeteer.launch({ executablePath: chromiumPath(), userDataDir: profile, args,
    headless: true, defaultViewport: { width, height } });
  const session = { browser, server, url: server.url, requests: [], consoleErrors: [], ready: false };
  session.close = async () => {
    await browser.close().catch(() => {});
    await new Promise((r) => server.close(r));
    fs.rmSync(profile, { recursive: true, force: true });
  };
  try {
    const page = await browser.newPage();
    session.page = page;
    if (downloads) {
      const cdp = await page.createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: path.resolve(downloads) });
    }
    const seen = new Map();
    page.on('request', (r) => {
      const entry = { url: r.url(), type: r.resourceType(), afterReady: session.ready, outcome: 'pending' };
      seen.set(r, entry);
      session.requests.push(entry);
    });
    page.on('requestfinished', (r) => { if (seen.has(r)) seen.get(r).outcome = `done ${r.response()?.status()}`; });
    page.on('requestfailed', (r) => { if (seen.has(r)) seen.get(r).outcome = `failed ${r.failure()?.errorText || '(blocked)'}`; });
    page.on('console', (m) => { if (m.type() === 'error') session.consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => session.consoleErrors.push(String(e)));
    const t0 = Date.now();
    await page.goto(server.url, { waitUntil: 'load', timeout });
    await page.waitForSelector('body[data-ready="1"]', { timeout });
    session.msToReady = Date.now() - t0;
    session.ready = true;
    return session;
  } catch (e) {
    const status = await session.page?.$eval('#status', (s) => s.textContent).catch(() => '');
    await session.close();
    throw new Error(`the page did not get ready: ${e.message} (status: ${status}; errors: ${session.consoleErrors.join(' | ')})`);
  }
}
