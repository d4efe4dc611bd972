/* SPDX-License-Identifier: MIT */
/*
** web/serve.mjs -- a static file server on 127.0.0.1 for the page of
** `make web` (used by `make serve` and the browser tests). Not part of the
** page: any static host serves build/web/ as well.
**
**   node web/serve.mjs DIR [PORT]     serve DIR on http://127.0.0.1:PORT/
**                                     (PORT 8000; 0 picks a free port);
**                                     prints the address
**   import { serve } from './serve.mjs'
**   const server = await serve(dir, port)   server.url is the address
**
** GET and HEAD of files under DIR only (no listing, nothing outside DIR),
** with the types a browser needs (application/wasm for the module).
*/
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml', '.json': 'application/json',
};

function handler(root) {
  return (req, res) => {
    const send = (code, text) => { res.writeHead(code, { 'content-type': 'text/plain' }); res.end(text); };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'GET only\n');
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'bad path\n');
    }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, path.normalize(rel));
    if (file !== root && !file.startsWith(root + path.sep)) return send(404, 'not found\n');
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) return send(404, 'not found\n');
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
                           'content-length': st.size, 'cache-control': 'no-cache' });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).pipe(res);
    });
  };
}

export function serve(dir, port = 8000) {
  const root = path.resolve(dir);
  const server = http.createServer(handler(root));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.url = `http://127.0.0.1:${server.address().port}/`;
      resolve(server);
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, port] = process.argv.slice(2);
  if (!dir || !fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`serve.mjs: no page in ${dir ?? '(no directory given)'}: run make web first`);
    process.exit(2);
  }
  const server = await serve(dir, port === undefined ? 8000 : Number(port));
  console.log(`serving ${dir} on ${server.url}  (Ctrl-C stops)`);
}
