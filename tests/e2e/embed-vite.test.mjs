// The reader in a Vite-built page: builds tests/e2e/vite-app with vite (npm) into
// tests/e2e/artifacts/vite-dist, serves the bundle on its own and checks that the <cite-reader>
// element and a plain mount() both work from it (wasm and stylesheet emitted as assets).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { ARTIFACTS, POPUP, ROOT, openPopup, shot, squash, start } from './support.mjs';

const DIST = join(ARTIFACTS, 'vite-dist');
let env;
let server;
let baseUrl;

before(async () => {
  env = await start(); // checks pkg/ exists and starts the browser
  await build({ configFile: join(ROOT, 'tests', 'e2e', 'vite-app', 'vite.config.mjs') });
  server = await startServer({ port: 0, root: DIST });
  baseUrl = `http://127.0.0.1:${server.address().port}`;
});
after(async () => {
  await env?.close();
  if (server) await new Promise((resolve) => server.close(resolve));
});

test('a Vite-built page runs the element and mount(); popups open from the bundle', async () => {
  assert.ok(chromium, 'playwright-core is available');
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${baseUrl}/index.html`);
  await page.waitForSelector('html[data-mounted]', { timeout: 15000 });
  await page.waitForSelector('cite-reader [data-citation]', { timeout: 15000 });
  assert.match(squash(await page.locator('cite-reader h1').innerText()), /Tide tables/);
  // The stylesheet reached the shadow root: the reader is laid out with its own fonts and measure.
  const measure = await page.evaluate(() =>
    getComputedStyle(document.querySelector('cite-reader').shadowRoot.querySelector('.cr-reader')).maxWidth,
  );
  assert.notEqual(measure, 'none', 'reader.css applies inside the shadow root');
  const marker = page.locator('cite-reader [data-kind="footnote"]').first();
  await marker.hover();
  const popup = await openPopup(page, marker);
  assert.match(squash(await popup.innerText()), /Printed by the port office/);
  await shot(page, 'vite-01-element-popup');
  await page.keyboard.press('Escape');
  await page.locator(POPUP).waitFor({ state: 'detached', timeout: 2000 });
  const mounted = page.locator('#mounted [data-kind="footnote"]').first();
  await mounted.focus();
  await openPopup(page, mounted);
  assert.deepEqual(errors, []);
  await context.close();
});
