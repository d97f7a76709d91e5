// The demo's static server: right MIME types, loopback only, nothing outside its root.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';

let server;
let dir;
let port;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cite-reader-serve-'));
  await mkdir(join(dir, 'site', 'www'), { recursive: true });
  await writeFile(join(dir, 'secret.txt'), 'outside the root');
  await writeFile(join(dir, 'site', 'www', 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(join(dir, 'site', 'app.js'), 'export {};');
  await writeFile(join(dir, 'site', 'mod.mjs'), 'export {};');
  await writeFile(join(dir, 'site', 'x.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  // A trailing slash, as fileURLToPath gives for a directory URL.
  server = await startServer({ port: 0, root: join(dir, 'site') + '/' });
  port = server.address().port;
});

after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

/** A raw GET (no URL normalization, so ../ reaches the server as written). */
function get(path) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], location: res.headers.location, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('listens on the loopback address only', () => {
  assert.equal(server.address().address, '127.0.0.1');
});

test('serves files with the MIME types browsers require', async () => {
  assert.equal((await get('/x.wasm')).type, 'application/wasm');
  assert.match((await get('/app.js')).type, /^text\/javascript/);
  assert.match((await get('/mod.mjs')).type, /^text\/javascript/);
  const page = await get('/www/');
  assert.equal(page.status, 200);
  assert.match(page.type, /^text\/html/);
  assert.equal((await get('/www')).location, '/www/');
  assert.equal((await get('/missing.js')).status, 404);
});

test('never serves a file outside its root', async () => {
  for (const path of ['/../secret.txt', '/www/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt']) {
    const res = await get(path);
    assert.notEqual(res.status, 200, path);
    assert.ok(!res.body.includes('outside the root'), path);
  }
});
