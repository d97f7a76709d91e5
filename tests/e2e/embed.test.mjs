// The reader people embed: the <cite-reader> element (www/cite-reader.js) and `mount`, in
// headless Chromium. Popups per WAI-ARIA / WCAG 1.4.13 inside a shadow root (hover, hover into
// the popup, focus, Escape, tap, outside click, nested popups, viewport edges, bottom sheet),
// the sources panel, themes, print, loading from `src` / a child script / a 404, and prerendered
// HTML wired by `mount` without re-rendering. Screenshots of each state: tests/e2e/artifacts/embed-*.
//
//   wasm-pack build --target web --release && node --test tests/e2e/embed.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { POPUP, ROOT, openPopup, shot, squash, start } from './support.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const NEWS = join(ROOT, 'tests', 'fixtures', 'news', 'chip-plant.txt');

const NESTED_ARTICLE = `# Harbour notes

The harbour master counted forty boats this spring.[^count] Most of them were small.

Boats come and go with the tide, and the counting is done at dawn when the water is still.

[^count]: The count is published by [the harbour office](https://example.org/harbour/count) every May.
`;

const LONG_NOTE_ARTICLE = `Edge case.[^a]

[^a]: ${'This note is long enough to need a real popup with several lines of text in it. '.repeat(4)}
`;

/** Opens a page at /www/<name>.html whose body is `body` (served by route, so the module paths
 * resolve against the real www/ directory). Returns the page, its context and its errors. */
async function openPage(body, { contextOptions = {}, name = 'embed-page', head = '' } = {}) {
  const context = await env.browser.newContext({
    viewport: { width: 1000, height: 760 },
    ...contextOptions,
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  const url = `${env.baseUrl}/www/${name}.html`;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Embed test</title>
<style>body { margin: 0; padding: 1rem; font-family: system-ui; }</style>${head}
<script type="module" src="cite-reader.js"></script></head><body><main>${body}</main></body></html>`,
    }),
  );
  await page.goto(url);
  return { page, context, errors };
}

/** Waits for every <cite-reader> on the page to be ready (or to have failed). */
async function settled(page, count = 1) {
  await page.waitForFunction(
    (n) =>
      [...document.querySelectorAll('cite-reader')].filter(
        (e) => e.shadowRoot?.querySelector('[data-cite-reader-content]') ||
          !e.shadowRoot?.querySelector('.cr-message')?.hidden,
      ).length >= n,
    count,
    { timeout: 15000 },
  );
}

const script = (text, type = 'text/markdown') =>
  `<script type="${type}">\n${text.replace(/<\/script/gi, '<\\/script')}\n</script>`;

/** The focused element, through open shadow roots. */
const deepFocus = (page) =>
  page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active
      ? {
          citation: active.getAttribute('data-citation'),
          tag: active.tagName.toLowerCase(),
          text: active.textContent.trim(),
        }
      : null;
  });

function luminance(rgb) {
  const [r, g, b] = rgb.match(/[\d.]+/g).slice(0, 3).map((v) => Number(v) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

test('<cite-reader> from a child script: hover opens after the delay, the popup is hoverable, an outside click closes it', async () => {
  const { page, context, errors } = await openPage(`<cite-reader>${script(NESTED_ARTICLE)}</cite-reader>`);
  await settled(page);
  const host = page.locator('cite-reader');
  assert.equal(await host.getAttribute('data-cite-reader'), '', 'the element is the reader root');
  assert.equal(await page.evaluate(() => document.querySelector('cite-reader').shadowRoot.mode), 'open');
  assert.match(squash(await page.locator('cite-reader h1').innerText()), /Harbour notes/);
  const marker = page.locator('cite-reader [data-kind="footnote"]').first();
  await marker.hover();
  // Not at once: hover waits for the delay.
  assert.equal(await page.locator(POPUP).count(), 0, 'no popup the instant the pointer arrives');
  const popup = await openPopup(page, marker);
  assert.match(squash(await popup.innerText()), /published by the harbour office/);
  await shot(page, 'embed-01-hover');
  // WCAG 1.4.13 hoverable: move into the popup, wait past the grace delay: still open.
  await popup.hover({ position: { x: 10, y: 10 } });
  await page.waitForTimeout(600);
  assert.equal(await page.locator(POPUP).count(), 1, 'stays open while the pointer is on it');
  // The link inside the note opens its own popup on hover; the note stays open under it.
  const nested = popup.locator('a[data-citation]');
  await nested.hover();
  await page.locator(POPUP).nth(1).waitFor({ state: 'visible', timeout: 3000 });
  assert.equal(await page.locator(POPUP).count(), 2, 'note and link popups both open');
  await shot(page, 'embed-01b-hover-nested');
  // Leaving both closes both after the grace delay.
  await page.mouse.move(5, 700);
  await page.locator(POPUP).first().waitFor({ state: 'detached', timeout: 3000 });
  assert.equal(await page.locator(POPUP).count(), 0);
  // A click pins it; leaving no longer closes it; a click outside does.
  await marker.click();
  await page.mouse.move(900, 700);
  await page.waitForTimeout(600);
  assert.equal(await page.locator(POPUP).count(), 1, 'a clicked popup persists');
  await page.mouse.click(900, 700);
  await page.locator(POPUP).waitFor({ state: 'detached', timeout: 2000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard: focus opens at once, nested popups open from inside a popup, Escape closes the innermost and returns focus', async () => {
  const { page, context, errors } = await openPage(
    `<button id="before">before</button><cite-reader>${script(NESTED_ARTICLE)}</cite-reader>`,
  );
  await settled(page);
  await page.locator('#before').focus();
  await page.keyboard.press('Tab');
  const first = await deepFocus(page);
  assert.equal(first?.tag, 'a', `Tab reaches the footnote marker (${JSON.stringify(first)})`);
  const marker = page.locator(`cite-reader [data-citation="${first.citation}"]`).first();
  const outer = await openPopup(page, marker);
  assert.equal(await outer.getAttribute('role'), 'dialog', 'a popup holding a link is a dialog');
  assert.equal(await marker.getAttribute('aria-expanded'), 'true');
  // Tab moves into the popup, onto the link inside the note: its own popup opens on top.
  await page.keyboard.press('Tab');
  const inner = await deepFocus(page);
  assert.ok(inner?.citation, `focus is on the nested link (${JSON.stringify(inner)})`);
  assert.match(inner.text, /harbour office/);
  await page.locator(`${POPUP}[data-citation-popup="${inner.citation}"]`).waitFor({ state: 'visible' });
  assert.equal(await page.locator(POPUP).count(), 2, 'the note stays open under the nested popup');
  assert.match(
    squash(await page.locator(`${POPUP}[data-citation-popup="${inner.citation}"]`).innerText()),
    /example\.org/,
  );
  await shot(page, 'embed-02-nested');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('cite-reader').shadowRoot.querySelectorAll('[data-citation-popup]').length === 1);
  assert.equal((await deepFocus(page)).citation, inner.citation, 'focus back on the nested marker');
  await page.keyboard.press('Escape');
  await page.locator(POPUP).waitFor({ state: 'detached', timeout: 2000 });
  assert.equal((await deepFocus(page)).citation, first.citation, 'focus back on the outer marker');
  // Focus leaving marker and popup (blur) closes it too.
  await page.keyboard.press('Shift+Tab'); // leaves the marker: popup opened by focus, then closed
  await page.keyboard.press('Tab');
  await openPopup(page, marker);
  await page.keyboard.press('Shift+Tab');
  await page.locator(POPUP).waitFor({ state: 'detached', timeout: 2000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tap on a 375 px phone opens a bottom sheet; a tap outside closes it', async () => {
  const { page, context, errors } = await openPage(`<cite-reader>${script(NESTED_ARTICLE)}</cite-reader>`, {
    contextOptions: { viewport: { width: 375, height: 700 }, hasTouch: true, isMobile: true },
  });
  await settled(page);
  const marker = page.locator('cite-reader [data-kind="footnote"]').first();
  const url = page.url();
  await marker.tap();
  const popup = await openPopup(page, marker);
  assert.equal(page.url(), url, 'the tap did not follow the footnote link');
  const box = await popup.boundingBox();
  assert.ok(Math.abs(box.y + box.height - 700) <= 2, 'along the bottom edge');
  assert.ok(box.x <= 1 && box.width >= 373, 'full width');
  await shot(page, 'embed-03-sheet-375');
  await page.locator('cite-reader h1').tap();
  await page.locator(POPUP).waitFor({ state: 'detached', timeout: 2000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('popups near each edge of a small viewport stay fully inside it', async () => {
  const corners = [
    ['top-left', 'top: 0; left: 0'],
    ['top-right', 'top: 0; right: 0'],
    ['bottom-left', 'bottom: 0; left: 0'],
    ['bottom-right', 'bottom: 0; right: 0'],
  ];
  const body = corners
    .map(
      ([name, where]) =>
        `<cite-reader id="${name}" style="position: fixed; ${where}; width: 150px; height: 2.5rem; overflow: hidden; --cr-space: 0.25rem">${script(LONG_NOTE_ARTICLE)}</cite-reader>`,
    )
    .join('\n');
  const { page, context, errors } = await openPage(body, {
    contextOptions: { viewport: { width: 640, height: 420 } },
  });
  await settled(page, 4);
  for (const [name] of corners) {
    const marker = page.locator(`#${name} [data-kind="footnote"]`).first();
    const id = await marker.getAttribute('data-citation');
    assert.equal(await page.evaluate(([n, c]) => document.getElementById(n).open(c), [name, id]), true);
    const popup = await openPopup(page, marker); // asserts: inside the viewport
    const placement = await popup.getAttribute('data-placement');
    const box = await popup.boundingBox();
    const anchor = await marker.boundingBox();
    if (name.startsWith('top')) {
      assert.equal(placement, 'below', `${name}: below the marker`);
      assert.ok(box.y >= anchor.y + anchor.height, `${name}: does not cover the marker`);
    } else {
      assert.equal(placement, 'above', `${name}: above the marker`);
      assert.ok(box.y + box.height <= anchor.y, `${name}: does not cover the marker`);
    }
    await shot(page, `embed-04-edge-${name}`);
    await page.evaluate((n) => document.getElementById(n).close(), name);
    await page.locator(POPUP).waitFor({ state: 'detached', timeout: 2000 });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('an open popup follows its marker on scroll and on resize', async () => {
  const filler = Array.from({ length: 12 }, (_, i) => `Filler paragraph ${i + 1} about the tide.`).join('\n\n');
  const { page, context, errors } = await openPage(
    `<cite-reader>${script(`${filler}\n\n${NESTED_ARTICLE.replace('# Harbour notes\n', '')}\n\n${filler}`)}</cite-reader>`,
  );
  await settled(page);
  const marker = page.locator('cite-reader [data-kind="footnote"]').first();
  await marker.scrollIntoViewIfNeeded();
  await marker.focus();
  const popup = await openPopup(page, marker);
  const gap = async () => (await popup.boundingBox()).y - (await marker.boundingBox()).y;
  const before = await gap();
  await page.mouse.wheel(0, 120);
  await page.waitForTimeout(200);
  assert.ok(Math.abs((await gap()) - before) <= 2, 'same distance from the marker after scrolling');
  await page.setViewportSize({ width: 700, height: 760 });
  await page.waitForTimeout(200);
  const box = await popup.boundingBox();
  const anchor = await marker.boundingBox();
  assert.ok(box.x + box.width <= 700 && Math.abs(box.y - (anchor.y + anchor.height)) < 20, 'placed again after resize');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the sources panel groups sources, highlights a source\'s citations and steps through them', async () => {
  const { page, context, errors } = await openPage(
    '<cite-reader src="../tests/fixtures/news/chip-plant.txt"></cite-reader>',
  );
  await settled(page);
  const panel = page.locator('cite-reader [data-sources-panel]');
  assert.equal(await panel.isVisible(), true, 'on by default');
  const summary = squash(await panel.locator('.cr-sources-summary').innerText());
  assert.match(summary, /^\d+ sources: \d+ (person|people)/, summary);
  const groups = await panel.locator('h3').allInnerTexts();
  assert.ok(groups.length >= 2, `grouped by kind: ${groups}`);
  // The first person with more than one citation.
  const item = panel.locator('li[data-source-citations*=" "]').first();
  const citations = (await item.getAttribute('data-source-citations')).split(' ');
  const pick = item.locator('[data-source-pick]');
  assert.equal(await pick.getAttribute('role'), 'button');
  await pick.click();
  assert.equal(await pick.getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('cite-reader [data-source-highlight]').count(), citations.length, 'every citation highlighted');
  const current = () => page.locator('cite-reader [data-source-current]').getAttribute('data-citation');
  assert.equal(await current(), citations[0]);
  const status = page.locator('cite-reader [data-sources-status]');
  assert.match(await status.innerText(), new RegExp(`1 of ${citations.length}`));
  await shot(page, 'embed-05-sources-highlight');
  await page.locator('cite-reader [data-sources-step="1"]').click();
  assert.equal(await current(), citations[1], 'Next goes to the second citation');
  assert.match(await status.innerText(), new RegExp(`2 of ${citations.length}`));
  const box = await page.locator('cite-reader [data-source-current]').boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 760, 'the current citation is scrolled into view');
  await shot(page, 'embed-06-sources-next');
  // Keyboard: arrows on the controls step, Previous wraps around.
  await page.locator('cite-reader [data-sources-step="-1"]').focus();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await current(), citations[0]);
  await page.keyboard.press('Enter'); // Previous from the first wraps to the last
  assert.equal(await current(), citations[citations.length - 1]);
  await pick.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('cite-reader [data-source-highlight]').count(), 0, 'choosing it again clears');
  assert.equal(await page.locator('cite-reader [data-sources-nav]').isVisible(), false);
  // Collapsible.
  await panel.locator('summary').click();
  assert.equal(await panel.locator('.cr-sources-summary').isVisible(), false, 'collapsed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('sources-panel="off" leaves the panel out; cite-reader:open names the citation and its source', async () => {
  const { page, context, errors } = await openPage(
    '<cite-reader sources-panel="off" src="../tests/fixtures/news/chip-plant.txt"></cite-reader>',
  );
  await settled(page);
  assert.equal(await page.locator('cite-reader [data-sources-panel]').count(), 0);
  const detail = page.evaluate(
    () =>
      new Promise((resolve) =>
        document.addEventListener('cite-reader:open', (event) => resolve(event.detail), { once: true }),
      ),
  );
  const id = await page.evaluate(
    () => document.querySelector('cite-reader').model.citations.find((c) => c.kind === 'quote' && c.source).id,
  );
  const quote = page.locator(`cite-reader [data-citation="${id}"]`).first();
  await quote.focus();
  const popup = await openPopup(page, quote);
  const got = await detail;
  assert.equal(got.citation.id, await quote.getAttribute('data-citation'));
  assert.equal(got.citation.kind, 'quote');
  assert.ok(got.source?.name, 'the event carries the source');
  assert.ok(squash(await popup.innerText()).includes(got.source.name), 'the popup names that source');
  assert.deepEqual(errors, []);
  await context.close();
});

test('from `src`; a 404 raises cite-reader:error and shows a readable message; so does an empty article', async () => {
  const { page, context } = await openPage(
    `<cite-reader id="ok" src="sample.md"></cite-reader>
     <cite-reader id="missing" src="no-such-article.md"></cite-reader>
     <cite-reader id="empty">${script('   \n  ')}</cite-reader>`,
    {
      head: `<script>window.failures = []; document.addEventListener('cite-reader:error', (e) => failures.push({ id: e.target.id, message: e.detail.message }));
        window.readies = []; document.addEventListener('cite-reader:ready', (e) => readies.push(e.target.id));</script>`,
    },
  );
  await settled(page, 3);
  await page.waitForFunction(() => window.failures.length === 2 && window.readies.length === 1);
  assert.deepEqual(await page.evaluate(() => window.readies), ['ok']);
  assert.ok((await page.locator('#ok [data-citation]').count()) > 3, 'sample.md rendered from src');
  const failures = await page.evaluate(() => window.failures);
  const missing = failures.find((f) => f.id === 'missing');
  assert.match(missing.message, /could not be loaded from no-such-article\.md.*404/);
  const shown = squash(await page.locator('#missing .cr-message').innerText());
  assert.equal(shown, missing.message, 'the element shows the message, not a blank box');
  assert.equal(await page.locator('#missing .cr-message').getAttribute('role'), 'alert');
  assert.match(failures.find((f) => f.id === 'empty').message, /empty/);
  assert.equal(await page.locator('#empty .cr-message').isVisible(), true);
  await page.locator('#missing').scrollIntoViewIfNeeded();
  await shot(page, 'embed-07-error-404');
  await context.close();
});

test('themes: auto follows the system, theme="dark"/"light" win; the text property re-renders', async () => {
  const { page, context, errors } = await openPage(
    `<cite-reader id="auto">${script(NESTED_ARTICLE)}</cite-reader>
     <cite-reader id="light" theme="light">${script(NESTED_ARTICLE)}</cite-reader>`,
    { contextOptions: { colorScheme: 'dark' } },
  );
  await settled(page, 2);
  const background = (id) =>
    page.evaluate(
      (i) => getComputedStyle(document.getElementById(i).shadowRoot.querySelector('.cr-reader')).backgroundColor,
      id,
    );
  assert.ok(luminance(await background('auto')) < 0.2, 'dark on a dark system');
  assert.ok(luminance(await background('light')) > 0.8, 'theme="light" wins');
  await page.locator('#auto [data-kind="footnote"]').first().focus();
  const popup = await openPopup(page, page.locator('#auto [data-kind="footnote"]').first());
  const popupColours = await popup.evaluate((p) => [getComputedStyle(p).backgroundColor, getComputedStyle(p).color]);
  assert.ok(luminance(popupColours[0]) < 0.2 && luminance(popupColours[1]) > 0.7, `dark popup: ${popupColours}`);
  await shot(page, 'embed-08-dark');
  await page.evaluate(() => document.getElementById('light').setAttribute('theme', 'dark'));
  assert.ok(luminance(await background('light')) < 0.2, 'theme="dark" applies at once');
  await page.evaluate(() => {
    document.getElementById('auto').text = '# Replaced\n\nNew words here.[^n]\n\n[^n]: A new note.\n';
  });
  await page.waitForFunction(() => document.getElementById('auto').shadowRoot.textContent.includes('Replaced'));
  assert.equal(await page.locator('#auto [data-kind="footnote"]').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('print: popups and controls hidden, citations numbered, notes and sources listed at the end', async () => {
  const { page, context, errors } = await openPage(
    '<cite-reader theme="dark" src="../tests/fixtures/news/chip-plant.txt"></cite-reader>',
  );
  await settled(page);
  await page.locator('cite-reader [data-source-pick]').first().click();
  const quote = page.locator('cite-reader [data-kind="quote"]').first();
  await quote.focus();
  await openPopup(page, quote);
  await page.emulateMedia({ media: 'print' });
  const display = (selector) =>
    page.evaluate((s) => {
      const e = document.querySelector('cite-reader').shadowRoot.querySelector(s);
      return e ? getComputedStyle(e).display : null;
    }, selector);
  assert.equal(await display('[data-citation-popup]'), 'none', 'no popup on paper');
  assert.equal(await display('[data-sources-nav]'), 'none', 'no controls on paper');
  assert.notEqual(await display('.cr-sources'), 'none', 'sources printed');
  assert.notEqual(await display('.cr-popup-contents'), 'none', 'the notes are printed');
  const number = await quote.evaluate((q) => getComputedStyle(q, '::after').content);
  assert.match(number, /^counter\(cr-note\)$|^"?\d+"?$/, `marker numbered: ${number}`);
  const background = await page.evaluate(
    () => getComputedStyle(document.querySelector('cite-reader').shadowRoot.querySelector('.cr-reader')).backgroundColor,
  );
  assert.ok(luminance(background) > 0.8, 'white paper even with theme="dark"');
  await page.screenshot({ path: join(ROOT, 'tests', 'e2e', 'artifacts', 'embed-09-print.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('prerendered HTML reads without script; mount() wires it without re-rendering', async () => {
  // `cite-reader render` when the CLI is built (scripts/test.sh builds it in its Rust step), else
  // the same renderer through the wasm build's render().
  const cli = join(ROOT, 'target', 'debug', 'cite-reader');
  let html;
  if (existsSync(cli)) {
    html = execFileSync(cli, ['render', '--options', '{"idPrefix":"pre-"}', NEWS], { encoding: 'utf8' });
  } else {
    console.log(`# ${cli} is not built: prerendering with the wasm render() instead`);
    const { initSync, render } = await import('../../pkg/cite_reader.js');
    initSync({ module: await readFile(join(ROOT, 'pkg', 'cite_reader_bg.wasm')) });
    html = render(await readFile(NEWS, 'utf8'), { idPrefix: 'pre-' });
  }
  assert.match(html, /id="pre-pop-c1"/, 'rendered with the pre- prefix');
  const head = '<link rel="stylesheet" href="reader.css">';
  // Without script.
  const plain = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 760 } });
  const noScript = await plain.newPage();
  const url = `${env.baseUrl}/www/prerendered.html`;
  const pageHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Prerendered</title>${head}</head>
<body><main><div id="reader">${html}</div></main>
<script type="module">import init, { mount } from '../pkg/cite_reader.js';
await init(); window.node = document.querySelector('#reader p'); window.node.dataset.before = 'yes';
window.reader = mount(document.getElementById('reader')); document.documentElement.dataset.mounted = '';</script></body></html>`;
  const serve = (page) => page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: pageHtml }));
  await serve(noScript);
  await noScript.goto(url);
  assert.equal(await noScript.locator('.cr-sources').isVisible(), true, 'sources as a list');
  assert.ok((await noScript.locator('.cr-sources li').count()) > 3);
  assert.equal(await noScript.locator('.cr-popup-contents').isVisible(), false, 'popup bodies stay hidden');
  assert.equal(await noScript.locator('[data-sources-nav]').isVisible(), false, 'no dead controls');
  assert.match(squash(await noScript.locator('.cr-body').innerText()), /Solberg/);
  await noScript.screenshot({ path: join(ROOT, 'tests', 'e2e', 'artifacts', 'embed-10-no-script.png') });
  await plain.close();
  // With script: the same nodes, now wired.
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 760 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await serve(page);
  await page.goto(url);
  await page.waitForSelector('html[data-mounted]');
  assert.equal(
    await page.evaluate(() => window.node.isConnected && window.node === document.querySelector('#reader p') && window.node.dataset.before),
    'yes',
    'the text was not re-rendered',
  );
  const quote = page.locator('#reader [data-kind="quote"]').first();
  await quote.hover();
  const popup = await openPopup(page, quote);
  assert.match(await popup.getAttribute('id'), /^pre-popup-/, 'ids keep the prerendered prefix');
  assert.equal(await page.evaluate(() => typeof window.reader.open === 'function' && typeof window.reader.close === 'function'), true);
  await page.evaluate(() => window.reader.close());
  await page.locator(POPUP).waitFor({ state: 'detached', timeout: 2000 });
  const id = await quote.getAttribute('data-citation');
  assert.equal(await page.evaluate((c) => window.reader.open(c), id), true, 'open(citationId)');
  await openPopup(page, quote);
  assert.deepEqual(errors, []);
  await context.close();
});

test('hover-delay and the pointer-leave grace; allow-multiple; long notes scroll; reduced motion; no layout shift', async () => {
  const long = `Short line with a note.[^a] And a second note.[^b]\n\n[^a]: ${'A long note that goes on and on. '.repeat(60)}\n\n[^b]: The second note.\n`;
  const { page, context, errors } = await openPage(
    `<cite-reader id="slow" hover-delay="500">${script(NESTED_ARTICLE)}</cite-reader>
     <cite-reader id="many" allow-multiple>${script(long)}</cite-reader>`,
    { contextOptions: { viewport: { width: 800, height: 500 }, reducedMotion: 'reduce' } },
  );
  await settled(page, 2);
  // hover-delay="500": nothing after 250 ms, the popup after 500.
  const slow = page.locator('#slow [data-kind="footnote"]').first();
  await slow.hover();
  await page.waitForTimeout(250);
  assert.equal(await page.locator(POPUP).count(), 0, 'still waiting for the hover delay');
  const popup = await openPopup(page, slow);
  assert.equal(
    await popup.evaluate((p) => p.getAnimations().length),
    0,
    'no entry animation under prefers-reduced-motion',
  );
  // Leaving: the popup survives the grace delay's first moments, then closes.
  await page.mouse.move(790, 490);
  await page.waitForTimeout(60);
  assert.equal(await page.locator(POPUP).count(), 1, 'a grace delay before closing');
  await page.locator(POPUP).waitFor({ state: 'detached', timeout: 3000 });

  // allow-multiple: two popups stay open together; the text around them does not move.
  const paragraphs = () =>
    page.evaluate(() =>
      [...document.getElementById('many').shadowRoot.querySelectorAll('.cr-body p, .cr-footnotes li')].filter((p) => !p.closest('[data-citation-popup]')).map((p) => {
        const r = p.getBoundingClientRect();
        return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)].join(',');
      }),
    );
  const before = await paragraphs();
  const [a, b] = await page.evaluate(() =>
    [...document.getElementById('many').shadowRoot.querySelectorAll('[data-kind="footnote"]')].map((m) => m.dataset.citation),
  );
  await page.evaluate(([x, y]) => {
    const many = document.getElementById('many');
    many.open(x);
    many.open(y);
  }, [a, b]);
  assert.equal(await page.locator('#many [data-citation-popup]').count(), 2, 'allow-multiple keeps both open');
  assert.deepEqual(await paragraphs(), before, 'opening popups shifts no text (no layout shift)');
  const longPopup = page.locator(`#many [data-citation-popup="${a}"]`);
  const scroll = await longPopup.evaluate((p) => ({
    scrollHeight: p.scrollHeight,
    clientHeight: p.clientHeight,
    overflow: getComputedStyle(p).overflowY,
    bottom: p.getBoundingClientRect().bottom,
  }));
  assert.ok(scroll.scrollHeight > scroll.clientHeight, 'the long note is taller than its popup');
  assert.equal(scroll.overflow, 'auto', 'and scrolls inside it');
  assert.ok(scroll.bottom <= 500, 'the popup itself fits the viewport');
  await shot(page, 'embed-11-multiple-long');
  assert.deepEqual(errors, []);
  await context.close();
});

test('custom properties set from the page reach the reader: on the element and on a mount root', async () => {
  const { page, context, errors } = await openPage(
    `<cite-reader>${script('“We are ready,” said Ana Lund, the harbour master.')}</cite-reader>
     <div id="plain"></div>
     <script type="module">
       import init, { mount } from '../pkg/cite_reader.js';
       await init();
       mount(document.getElementById('plain'), '“We are ready,” said Ana Lund, the harbour master.');
       document.documentElement.dataset.mounted = '';
     </script>`,
    {
      head: `<link rel="stylesheet" href="reader.css"><style>
        cite-reader::part(reader), #plain { --cr-accent-quote: rgb(200, 0, 0); --cr-measure: 30ch; }
      </style>`,
    },
  );
  await settled(page);
  await page.waitForSelector('html[data-mounted]');
  for (const where of ['cite-reader', '#plain']) {
    const quote = page.locator(`${where} [data-kind="quote"]`).first();
    assert.equal(
      await quote.evaluate((q) => getComputedStyle(q).textDecorationColor),
      'rgb(200, 0, 0)',
      `${where}: the quote underline takes the page's colour`,
    );
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('www/element.html: the element in a plain page with <script type="module">', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 760 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${env.baseUrl}/www/element.html`);
  await page.waitForSelector('html[data-ready]', { timeout: 15000 });
  assert.match(await page.locator('#status').innerText(), /^\d+ citations, \d+ sources\.$/);
  const marker = page.locator('cite-reader [data-kind="footnote"]').first();
  await marker.focus();
  await openPopup(page, marker);
  assert.match(await page.locator('#status').innerText(), /^Opened footnote c\d+/);
  await page.locator('#theme').selectOption('dark');
  await shot(page, 'embed-12-element-page-dark');
  assert.deepEqual(errors, []);
  await context.close();
});
