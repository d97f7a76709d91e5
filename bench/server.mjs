// A small static server for the benchmark, on 127.0.0.1 only.
//
// It serves a fixed set of folders and nothing else, and makes every page cross-origin isolated
// (COOP + COEP), so `performance.now()` in the bench page has its fine resolution. Assets are
// cacheable with an ETag and a max-age, so a second visit measures a warm cache.

import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/**
 * Starts the server. `mounts` maps a URL prefix ("/pkg/") to a folder on disk. Resolves to
 * `{ url, close }` once listening on an ephemeral port of 127.0.0.1.
 */
export function serve(mounts) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer(async (request, response) => {
    const headers = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'X-Content-Type-Options': 'nosniff',
    };
    try {
      const path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
      const prefix = prefixes.find((p) => path.startsWith(p));
      if (!prefix || (request.method !== 'GET' && request.method !== 'HEAD')) {
        response.writeHead(404, headers).end('not found');
        return;
      }
      const root = mounts[prefix];
      let file = normalize(join(root, path.slice(prefix.length)));
      if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) {
        response.writeHead(403, headers).end('forbidden');
        return;
      }
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const etag = '"' + createHash('sha1').update(body).digest('base64url') + '"';
      headers['Content-Type'] = TYPES[extname(file)] ?? 'application/octet-stream';
      headers['Cache-Control'] = 'max-age=3600';
      headers.ETag = etag;
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, headers).end();
        return;
      }
      headers['Content-Length'] = body.length;
      response.writeHead(200, headers);
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, headers).end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
