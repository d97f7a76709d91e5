// Where the www page's cold time to interactive goes: resource timings (fetch of the glue, the
// wasm, the sample) and the time of WebAssembly compilation, init and mount, taken by wrapping
// WebAssembly.instantiateStreaming / compileStreaming and cite-reader's mount in an init script.
//
//   node bench/tti-profile.mjs [--pkg DIR] [--runs N]
//
// Prints one line per run (ms from navigation start) and the medians.
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const pkg = resolve(opt('--pkg', join(root, 'pkg')));
const runs = Number(opt('--runs', '5'));

const server = await serve({ '/pkg/': pkg, '/www/': join(root, 'www') });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic'],
});

function instrument() {
  const t = (window.__crProfile = {});
  const wrap = (name) => {
    const original = WebAssembly[name];
    WebAssembly[name] = async function (...a) {
      t[`${name}_start`] = performance.now();
      const result = await original.apply(this, a);
      t[`${name}_end`] = performance.now();
      return result;
    };
  };
  wrap('instantiateStreaming');
  wrap('instantiate');
  new MutationObserver(() => {
    if (t.citation === undefined && document.querySelector('[data-cite-reader] [data-citation]')) {
      t.citation = performance.now();
    }
  }).observe(document, { childList: true, subtree: true, attributes: true });
}

const rows = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(instrument);
  await page.goto(`${server.url}/www/index.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__crProfile.citation !== undefined, null, { timeout: 15000 });
  const row = await page.evaluate(() => {
    const r = {};
    for (const e of performance.getEntriesByType('resource')) {
      const name = e.name.split('/').pop();
      r[`${name} requested`] = Math.round(e.startTime);
      r[`${name} fetched`] = Math.round(e.responseEnd);
    }
    const nav = performance.getEntriesByType('navigation')[0];
    r['html fetched'] = Math.round(nav.responseEnd);
    r['DOMContentLoaded'] = Math.round(nav.domContentLoadedEventEnd);
    for (const [k, v] of Object.entries(window.__crProfile)) r[k] = Math.round(v);
    return r;
  });
  rows.push(row);
  console.log(JSON.stringify(row));
  await context.close();
}
const keys = [...new Set(rows.flatMap(Object.keys))];
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log('\nmedian ms from navigation start:');
const medians = keys.map((key) => [median(rows.map((r) => r[key] ?? 0)), key]);
for (const [ms, key] of medians.sort((a, b) => a[0] - b[0])) console.log(`${String(ms).padStart(6)}  ${key}`);
await browser.close();
await server.close();
