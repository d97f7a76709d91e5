#!/usr/bin/env node
// A tiny static file server for the demo and the browser tests: serves one directory (the
// repository root by default) on 127.0.0.1 only, with the MIME types browsers insist on
// (application/wasm for streaming compilation, text/javascript for ES modules) and no way out
// of the root.
//
//   node scripts/serve.mjs [--port N] [--root DIR]      (--port 0 picks a free port)
//
// Prints "Serving DIR at http://127.0.0.1:PORT/" once listening.
//
// `startServer({ port, root, headers })` also takes extra response headers per URL path, e.g.
// `{ '/www/csp.html': { 'content-security-policy': "default-src 'self'" } }` (the strict-CSP test).

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ts': 'text/plain; charset=utf-8',
};

function parseArgs(argv) {
  const args = { port: 8080, root: resolve(fileURLToPath(new URL('..', import.meta.url))) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--port') args.port = Number(value());
    else if (arg === '--root') args.root = resolve(value());
    else throw new Error(`unknown argument ${arg} (use --port N, --root DIR)`);
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
    throw new Error('--port must be a whole number from 0 to 65535');
  }
  return args;
}

/** Resolves a URL path inside root, or null when it would leave the root. */
export function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const path = resolve(root, '.' + (decoded.startsWith('/') ? decoded : '/' + decoded));
  return path === root || path.startsWith(root + sep) ? path : null;
}

export function startServer({ port = 0, root, headers = {} }) {
  root = resolve(root); // absolute, no trailing separator: the containment check relies on it
  const server = createServer(async (req, res) => {
    const send = (status, text) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    let path = resolveInside(root, req.url ?? '/');
    if (!path) return send(403, 'forbidden');
    try {
      let info = await stat(path);
      if (info.isDirectory()) {
        if (!(req.url ?? '/').split('?')[0].endsWith('/')) {
          res.writeHead(301, { location: req.url.split('?')[0] + '/' });
          return res.end();
        }
        path = join(path, 'index.html');
        info = await stat(path);
      }
      res.writeHead(200, {
        'content-type': MIME[extname(path).toLowerCase()] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        ...(headers[(req.url ?? '/').split('?')[0]] ?? {}),
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(path).pipe(res);
    } catch {
      send(404, 'not found');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolvePromise(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`serve.mjs: ${err.message}`);
    process.exit(2);
  }
  startServer(args).then(
    (server) => console.log(`Serving ${args.root} at http://127.0.0.1:${server.address().port}/`),
    (err) => {
      console.error(`serve.mjs: cannot listen on 127.0.0.1:${args.port}: ${err.message}`);
      process.exit(1);
    },
  );
}
