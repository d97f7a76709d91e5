// The demo under a strict Content-Security-Policy (www/csp.html, the policy also sent as a header):
// no inline script or style, wasm allowed, Trusted Types required with only the `cite-reader`
// policy. The reader renders, popups open on hover and focus and are placed (through CSSOM), the
// article can be replaced and re-read as another format, and not one `securitypolicyviolation`
// event fires.
//
//   wasm-pack build --target web --release && node --test tests/e2e/csp.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MARKER, POPUP, ROOT, openPopup, shot, start } from './support.mjs';

const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types cite-reader";

const SCHOLARLY = `---
references:
- type: book
  id: doe2001
  author:
  - family: Doe
    given: Jane
  title: A Book on Harbours
  publisher: Port Press
  issued:
    date-parts: [[2001]]
---

Harbours change slowly [@doe2001, p. 4].
`;

let env;
before(async () => {
  env = await start({ headers: { '/www/csp.html': { 'content-security-policy': POLICY } } });
});
after(async () => {
  await env?.close();
});

/** Opens the strict page, recording every CSP violation from the first byte on. */
async function openStrict() {
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}` +
        ` ${event.sample ? `"${event.sample}"` : ''}`.trimEnd());
    });
  });
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  // The browser asks for /favicon.ico on its own (the page names none: a data: icon would break
  // default-src); any other failed load is an error.
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) {
      errors.push(`HTTP ${response.status()} for ${response.url()}`);
    }
  });
  const response = await page.goto(`${env.baseUrl}/www/csp.html`);
  assert.equal(response.headers()['content-security-policy'], POLICY, 'the policy is sent as a header');
  await page.waitForSelector('html[data-demo-ready]', { timeout: 15000 });
  await page.waitForSelector(MARKER, { timeout: 10000 });
  const violations = () => page.evaluate(() => window.__violations.slice());
  return { page, context, errors, violations };
}

test('the demo works under the strict policy with zero violations', async () => {
  const { page, context, errors, violations } = await openStrict();
  assert.equal(await page.locator('#error').isVisible(), false, 'no error shown');
  // The sample's table is aligned through classes, not style attributes.
  assert.ok(await page.locator('[data-cite-reader] td.cr-align-right').count() > 0, 'aligned cells');

  // Hover opens a popup, placed through CSSOM (a style attribute from an HTML string would be blocked).
  const marker = page.locator('[data-cite-reader] [data-kind="footnote"]').first();
  await marker.hover();
  const popup = await openPopup(page, marker);
  assert.match((await popup.getAttribute('style')) ?? '', /top: .*px/, 'placed through CSSOM');
  await shot(page, 'csp-hover');
  await page.mouse.move(5, 5);
  await page.locator(POPUP).waitFor({ state: 'detached', timeout: 3000 });

  // Focus opens one too.
  const other = page.locator(MARKER).nth(1);
  await other.focus();
  await openPopup(page, other);
  await page.keyboard.press('Escape');

  // Replacing the article (update) and re-reading it as another format (destroy + mount) write
  // HTML again through the policy.
  await page.locator('#article').fill('# Notes\n\nA line with a note.[^1]\n\n[^1]: The note.\n');
  await page.waitForFunction(() => document.querySelector('[data-cite-reader] h1')?.textContent === 'Notes');
  await page.selectOption('#format', 'text');
  await page.waitForFunction(() => !document.querySelector('[data-cite-reader] h1'));
  await page.selectOption('#format', 'markdown');
  await page.locator(MARKER).first().hover();
  await openPopup(page, page.locator(MARKER).first());

  // A bibliography: the CSL engine (a second wasm module) formats it under the same policy.
  if (existsSync(join(ROOT, 'pkg-bib', 'cite_reader_bib.js'))) {
    await page.locator('#article').fill(SCHOLARLY);
    await page.waitForSelector('[data-cite-reader] [data-bibliography-formatted]', { timeout: 15000 });
  } else {
    console.log('csp: pkg-bib/ is not built: the bibliography engine was not checked');
  }

  assert.deepEqual(await violations(), [], 'no securitypolicyviolation event');
  assert.deepEqual(errors, [], 'no console errors');

  // The policy is really enforced: a plain HTML string is refused, and reported.
  const refused = await page.evaluate(() => {
    try {
      document.body.insertAdjacentHTML('beforeend', '<b>plain string</b>');
      return false;
    } catch {
      return true;
    }
  });
  assert.ok(refused, 'Trusted Types are enforced, so the reader used its policy');
  await page.waitForFunction(() => window.__violations.length > 0);
  assert.match((await violations()).join('\n'), /require-trusted-types-for/);
  await context.close();
});

test('the <cite-reader> element works under the same policy with zero violations', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}`);
    });
  });
  const url = `${env.baseUrl}/www/__csp-element.html`;
  await page.route(url, (route) => route.fulfill({
    contentType: 'text/html',
    headers: { 'content-security-policy': POLICY },
    body: '<!doctype html><html lang="en"><head><title>element</title>' +
      '<script type="module" src="cite-reader.js"></script></head>' +
      '<body><cite-reader src="sample.md"></cite-reader></body></html>',
  }));
  await page.goto(url);
  const marker = page.locator('cite-reader [data-kind="footnote"]').first();
  await marker.waitFor({ timeout: 15000 });
  await marker.hover();
  await page.waitForFunction(() => document.querySelector('cite-reader').shadowRoot
    .querySelectorAll('[data-citation-popup]:not([hidden])').length === 1);
  // The reader's styles apply inside the shadow root (constructed stylesheet, fetched from 'self').
  const styled = await page.evaluate(() => getComputedStyle(
    document.querySelector('cite-reader').shadowRoot.querySelector('.cr-reader')).fontFamily);
  assert.ok(styled.length > 0);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await context.close();
});
