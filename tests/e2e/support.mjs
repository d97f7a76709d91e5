// Shared set-up of the browser tests: one loopback server and one headless Chromium per test file,
// a fresh context per test, and the checks every popup must pass.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-dev-shm-usage',
];
export const MARKER = '[data-cite-reader] [data-citation]';
export const POPUP = '[data-citation-popup]';

/**
 * Starts the server and the browser; returns `{ browser, baseUrl, close }`. `headers`: extra
 * response headers per URL path (see scripts/serve.mjs).
 */
export async function start({ headers } = {}) {
  assert.ok(
    existsSync(join(ROOT, 'pkg', 'cite_reader.js')),
    'pkg/cite_reader.js is missing: run `wasm-pack build --target web --release` first',
  );
  await mkdir(ARTIFACTS, { recursive: true });
  const server = await startServer({ port: 0, root: ROOT, headers });
  const baseUrl = `http://127.0.0.1:${server.address().port}`;
  // launch() starts from a fresh temporary profile; every test gets a fresh context.
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const close = async () => {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  };
  return { browser, baseUrl, close };
}

/** Opens the demo in a fresh context; returns the page and the console errors it logs. */
export async function openDemo(env, contextOptions = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${env.baseUrl}/www/`);
  await page.waitForSelector('html[data-demo-ready]', { timeout: 15000 });
  await page.waitForSelector(MARKER, { timeout: 10000 });
  return { page, context, errors };
}

export const shot = (page, name) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
export const squash = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The single open popup: visible, inside the viewport, and pointed at by its marker. */
export async function openPopup(page, marker) {
  const popup = page.locator(POPUP);
  await popup.first().waitFor({ state: 'visible', timeout: 3000 });
  assert.equal(await popup.count(), 1, 'one popup at a time');
  const id = await marker.getAttribute('data-citation');
  assert.equal(await popup.getAttribute('data-citation-popup'), id, 'the popup of that marker');
  const role = await popup.getAttribute('role');
  assert.ok(['tooltip', 'dialog'].includes(role), `role is ${role}`);
  const popupId = await popup.getAttribute('id');
  const pointer = role === 'dialog' ? 'aria-controls' : 'aria-describedby';
  assert.equal(await marker.getAttribute(pointer), popupId, `${pointer} points at the popup`);
  // Measure where it comes to rest, after its entry animation.
  await popup.evaluate((element) => Promise.all(element.getAnimations().map((a) => a.finished)));
  const box = await popup.boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box.x >= 0 && box.y >= 0, 'popup starts inside the viewport');
  assert.ok(box.x + box.width <= viewport.width + 1, 'popup fits the viewport width');
  assert.ok(box.y + box.height <= viewport.height + 1, 'popup fits the viewport height');
  return popup;
}
