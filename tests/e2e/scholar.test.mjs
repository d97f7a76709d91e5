// Scholarly citations in the browser: a Markdown article with a bibliography is mounted by the core
// (which has no CSL engine: raw entries), then www/bibliography.js loads the engine module
// (pkg-bib/, built by `wasm-pack build bib --target web --out-dir ../pkg-bib`) with a dynamic
// import() and formats the citations, the popups and the bibliography in place. Checked: before the
// engine, the popup shows the raw entry; after it, the cluster popup lists the formatted entries in
// the style's order with the locator and DOI/URL links that open in a new tab with rel="noopener".
// The <cite-reader src> element with tests/fixtures/scholar/element/essay.md: an abbreviation
// defined with `*[XYZ]: ...` opens its long form on hover, a link to `#the-method` opens the heading
// and its first paragraph on focus, and the refs.bib its front matter names is fetched next to it
// and formatted.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { POPUP, ROOT, openPopup, squash, start } from './support.mjs';

const HAS_ENGINE = existsSync(join(ROOT, 'pkg-bib', 'cite_reader_bib.js'));
if (!HAS_ENGINE) {
  console.log('# skipped: pkg-bib/ is missing (wasm-pack build bib --target web --out-dir ../pkg-bib)');
}

const ARTICLE = `---
title: Language Games
---

Meaning is use [see @wf, pp. 33-35; also @coleman, chap. 1]. Both agree [@wf; @coleman].
`;

const BIBLIOGRAPHY = JSON.stringify([
  { id: 'wf', type: 'book', title: 'Philosophical Investigations',
    author: [{ family: 'Wittgenstein', given: 'Ludwig' }], issued: { 'date-parts': [[1953]] },
    publisher: 'Blackwell', DOI: '10.1000/pi.1953' },
  { id: 'coleman', type: 'article-journal', title: 'Social Capital in the Creation of Human Capital',
    author: [{ family: 'Coleman', given: 'James S.' }], issued: { 'date-parts': [[1988]] },
    'container-title': 'American Journal of Sociology', volume: 94, page: 'S95-S120',
    URL: 'https://example.org/coleman-1988' },
]);

let env;
before(async () => {
  env = await start();
});
after(async () => {
  if (env) await env.close();
});

test('a cluster citation popup shows raw entries, then the formatted cluster with locators and links', { skip: !HAS_ENGINE }, async () => {
  const context = await env.browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${env.baseUrl}/www/`);
  await page.waitForSelector('html[data-demo-ready]', { timeout: 15000 });

  // Mount a second reader with the article and its bibliography.
  await page.evaluate(async ({ article, bibliography }) => {
    const { mount } = await import('/pkg/cite_reader.js');
    const element = document.createElement('div');
    element.id = 'scholar';
    document.body.prepend(element);
    window.scholarReader = mount(element, article, { bibliography });
  }, { article: ARTICLE, bibliography: BIBLIOGRAPHY });

  const marker = page.locator('#scholar [data-citation="c1"]');
  assert.equal(await marker.getAttribute('data-kind'), 'reference');
  // Before the engine: the core's plain citation and the raw entry in the popup.
  assert.match(squash(await marker.textContent()), /Wittgenstein 1953, pp\. 33-35/);
  await marker.focus();
  let popup = await openPopup(page, marker);
  assert.match(squash(await popup.textContent()), /Wittgenstein, Ludwig \(1953\)\. Philosophical Investigations/);
  await page.keyboard.press('Escape');

  const result = await page.evaluate(async () => {
    const { upgradeBibliography } = await import('/www/bibliography.js');
    return upgradeBibliography(document.getElementById('scholar'));
  });
  assert.equal(result.formatted, true);
  assert.deepEqual(result.warnings, []);

  assert.equal(
    squash(await marker.textContent()),
    '(see Wittgenstein, 1953, pp. 33–35; also Coleman, 1988, Chapter 1)',
  );
  await marker.blur();
  await marker.focus();
  popup = await openPopup(page, marker);
  const text = squash(await popup.textContent());
  const wf = text.indexOf('Wittgenstein, L. (1953). Philosophical Investigations. Blackwell.');
  const coleman = text.indexOf('Coleman, J. S. (1988). Social Capital in the Creation of Human Capital.');
  assert.ok(wf >= 0 && coleman > wf, `entries in cluster order: ${text}`);
  assert.ok(text.includes('page 33-35') && text.includes('chapter 1'), `locators: ${text}`);
  const links = await popup.locator('a[href^="http"]').evaluateAll((as) =>
    as.map((a) => ({ href: a.getAttribute('href'), target: a.target, rel: a.rel })));
  assert.deepEqual(
    links.map((l) => l.href).sort(),
    ['https://doi.org/10.1000/pi.1953', 'https://example.org/coleman-1988'],
  );
  for (const link of links) {
    assert.equal(link.target, '_blank');
    assert.equal(link.rel, 'noopener');
  }
  // The bibliography: formatted, in the style's order.
  const entries = await page.locator('#scholar [data-reference]').evaluateAll((lis) =>
    lis.map((li) => li.getAttribute('data-reference')));
  assert.deepEqual(entries, ['coleman', 'wf']);
  assert.deepEqual(errors, []);
  await context.close();
});

/** A page at /www/scholar-element.html holding <cite-reader src="…/essay.md">, ready. */
async function openElement() {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 760 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  const url = `${env.baseUrl}/www/scholar-element.html`;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Scholar element</title>
<script type="module" src="cite-reader.js"></script></head>
<body><main><cite-reader src="../tests/fixtures/scholar/element/essay.md"></cite-reader></main></body></html>`,
    }),
  );
  await page.goto(url);
  await page.waitForSelector('cite-reader [data-citation]', { timeout: 15000 });
  return { page, context, errors };
}

test('<cite-reader src>: an abbreviation defined with *[..]: shows its long form on hover', async () => {
  const { page, context, errors } = await openElement();
  const body = squash(await page.locator('cite-reader [data-cite-reader-content]').textContent());
  assert.ok(!body.includes('*[XYZ]'), `the definition line is not shown: ${body}`);
  const marker = page.locator('cite-reader [data-kind="abbreviation"]').first();
  assert.equal(squash(await marker.textContent()), 'XYZ');
  await marker.hover();
  const popup = await openPopup(page, marker);
  assert.match(squash(await popup.textContent()), /Extended Yield Zone/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('<cite-reader src>: a link to a heading shows the heading and its first paragraph on focus', async () => {
  const { page, context, errors } = await openElement();
  const marker = page.locator('cite-reader a[data-kind="link"]', { hasText: 'how it counts' });
  await marker.focus();
  const popup = await openPopup(page, marker);
  const text = squash(await popup.textContent());
  assert.ok(text.includes('The Method'), `heading: ${text}`);
  assert.ok(text.includes('Every word is counted once on the way in'), `first paragraph: ${text}`);
  assert.ok(!text.includes('A second paragraph'), `only the first paragraph: ${text}`);
  // The link still goes to the heading, by its prefixed id.
  const target = await marker.getAttribute('href');
  assert.equal(await page.locator(`cite-reader ${target}`).count(), 1, `${target} exists`);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator(POPUP).count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('<cite-reader src>: the .bib file its front matter names is fetched next to it and formatted', { skip: !HAS_ENGINE }, async () => {
  const { page, context, errors } = await openElement();
  const entry = page.locator('cite-reader [data-reference="quill2019"]');
  await entry.waitFor({ timeout: 15000 });
  // The engine's APA entry (the core alone writes the raw entry, without initials and "&").
  await page.waitForFunction(
    () => /Quill, P\., & Marsh, O\. \(2019\)\. Counting Twice/.test(
      document.querySelector('cite-reader').shadowRoot.querySelector('[data-reference="quill2019"]')?.textContent ?? ''),
    null,
    { timeout: 15000 },
  );
  const marker = page.locator('cite-reader [data-kind="reference"]').first();
  assert.match(squash(await marker.textContent()), /Quill & Marsh, 2019, p\. 12/);
  assert.deepEqual(errors, []);
  await context.close();
});
