// End-to-end tests of the demo (www/) in headless Chromium, through playwright-core and the
// system browser. Needs the web build in pkg/ (`wasm-pack build --target web --release`).
// Screenshots of each state go to tests/e2e/artifacts/ (git-ignored).
//
//   node --test tests/e2e/

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { MARKER, POPUP, openDemo as open, openPopup, shot, squash, start } from './support.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});
const openDemo = (contextOptions) => open(env, contextOptions);

test('the demo loads the sample article with no console error', async () => {
  const { page, context, errors } = await openDemo();
  await shot(page, '01-loaded');
  assert.ok((await page.locator(MARKER).count()) > 3, 'the sample has citation markers');
  assert.match(await page.locator('#detected').innerText(), /Markdown/);
  assert.equal(await page.locator('#error').isVisible(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('hovering a footnote marker shows the note; the popup can be hovered; leaving closes it', async () => {
  const { page, context, errors } = await openDemo();
  const marker = page.locator('[data-cite-reader] [data-kind="footnote"]').first();
  await marker.hover();
  const popup = await openPopup(page, marker);
  await shot(page, '02-hover-footnote');
  const number = squash(await marker.innerText());
  const note = squash(
    await page.locator(`[data-cite-reader] [data-footnote="${number}"]`).first().innerText(),
  ).replace(/\s*↩\S*$/u, '');
  assert.ok(note.length > 10, `footnote ${number} has text`);
  assert.ok(squash(await popup.innerText()).includes(note.slice(0, 40)), 'the popup holds the note');

  // Moving from the marker into the popup keeps it open (WCAG 1.4.13: hoverable).
  await popup.hover();
  await page.waitForTimeout(700);
  assert.equal(await page.locator(POPUP).count(), 1, 'still open while hovered');
  // Leaving both closes it after the grace delay.
  await page.mouse.move(5, 5);
  await page.locator(POPUP).waitFor({ state: 'detached', timeout: 3000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('Tab to a citation opens its popup; Escape closes it and keeps focus on the marker', async () => {
  const { page, context, errors } = await openDemo();
  await page.locator('#theme').focus();
  let focused = null;
  for (let i = 0; i < 12 && !focused; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => {
      const active = document.activeElement;
      return active?.matches('[data-cite-reader] [data-citation]')
        ? active.getAttribute('data-citation')
        : null;
    });
  }
  assert.ok(focused, 'Tab reaches a citation marker');
  const marker = page.locator(`[data-cite-reader] [data-citation="${focused}"]`).first();
  await openPopup(page, marker);
  await shot(page, '03-tab-focus');
  await page.keyboard.press('Escape');
  await page.locator(POPUP).waitFor({ state: 'detached', timeout: 2000 });
  const still = await page.evaluate(() => document.activeElement?.getAttribute('data-citation'));
  assert.equal(still, focused, 'focus stays on the marker');
  await shot(page, '04-escape');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tap on a phone opens the popup as a bottom sheet instead of jumping', async () => {
  const { page, context, errors } = await openDemo({
    viewport: { width: 390, height: 760 },
    hasTouch: true,
    isMobile: true,
  });
  const marker = page.locator('[data-cite-reader] [data-kind="footnote"]').first();
  await marker.scrollIntoViewIfNeeded();
  const before = page.url();
  await marker.tap();
  const popup = await openPopup(page, marker);
  assert.equal(page.url(), before, 'the first tap does not follow the footnote link');
  const box = await popup.boundingBox();
  assert.ok(Math.abs(box.y + box.height - 760) <= 2, 'a sheet along the bottom edge');
  await shot(page, '05-tap-sheet');
  // A tap elsewhere closes it.
  await page.locator('.demo-bar h1').tap();
  await page.locator(POPUP).waitFor({ state: 'detached', timeout: 2000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('hovering a link shows where it goes', async () => {
  const { page, context, errors } = await openDemo();
  const link = page.locator('[data-cite-reader] a[data-kind="link"]').first();
  const href = await link.getAttribute('href');
  await link.hover();
  const popup = await openPopup(page, link);
  await shot(page, '06-hover-link');
  const text = squash(await popup.innerText());
  assert.ok(text.includes(new URL(href).hostname), `the popup names ${href}: "${text}"`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('pasting a new article renders it at once; the format can be forced', async () => {
  const { page, context, errors } = await openDemo();
  const article = [
    'Quiet Streets',
    '',
    'The city closed three streets to cars on Sundays, according to the transport office.',
    '',
    '"People came out and just walked," said Lena Varga, a shop owner on one of the streets.',
    '',
    'The trial will run until *October*.',
  ].join('\n');
  await page.locator('#article').fill(article);
  const reader = page.locator('[data-cite-reader]');
  await page.waitForFunction(() =>
    document.querySelector('[data-cite-reader]')?.textContent.includes('Quiet Streets'),
  );
  assert.ok(!(await reader.innerText()).includes('Millrace'), 'the old article is gone');
  await shot(page, '07-pasted');

  const markdown = '# Field notes\n\nSome *emphasis* here and a note.[^a]\n\n[^a]: The note.\n';
  await page.locator('#article').fill(markdown);
  await page.waitForFunction(() => document.querySelector('[data-cite-reader] em'));
  assert.match(await page.locator('#detected').innerText(), /Markdown \(detected\)/);

  await page.locator('#format').selectOption('text');
  await page.waitForFunction(() => /plain text \(chosen\)/.test(document.querySelector('#detected').textContent));
  assert.equal(await page.locator('[data-cite-reader] em').count(), 0, 'read as text: no emphasis');
  assert.ok((await reader.innerText()).includes('*emphasis*'), 'the asterisks are shown as written');
  await shot(page, '08-forced-text');

  await page.locator('#format').selectOption('markdown');
  await page.waitForFunction(() => document.querySelector('[data-cite-reader] em'));
  assert.match(await page.locator('#detected').innerText(), /Markdown \(chosen\)/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('dropping a file on the page shows it', async () => {
  const { page, context, errors } = await openDemo();
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    const text = '# Dropped notes\n\nA line with a [link](https://example.net/dropped).\n';
    transfer.items.add(new File([text], 'notes.md', { type: 'text/markdown' }));
    return transfer;
  });
  await page.dispatchEvent('#article', 'dragover', { dataTransfer });
  await page.dispatchEvent('#article', 'drop', { dataTransfer });
  await page.waitForFunction(() =>
    document.querySelector('[data-cite-reader]')?.textContent.includes('Dropped notes'),
  );
  assert.match(await page.locator('#article').inputValue(), /^# Dropped notes/);
  assert.equal(await page.locator('[data-cite-reader] a[data-kind="link"]').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Relative luminance (0 black … 1 white) of a computed `rgb(...)` colour. */
function luminance(rgb) {
  const [r, g, b] = rgb.match(/[\d.]+/g).slice(0, 3).map((v) => Number(v) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

test('dark mode follows the system and data-theme; print hides popups and keeps footnotes', async () => {
  const { page, context, errors } = await openDemo({ colorScheme: 'dark' });
  const readerBackground = () =>
    page.evaluate(() => getComputedStyle(document.querySelector('.cr-reader')).backgroundColor);
  assert.ok(luminance(await readerBackground()) < 0.2, 'dark by default on a dark system');
  await page.locator('#theme').selectOption('light');
  assert.ok(luminance(await readerBackground()) > 0.8, 'data-theme="light" wins');
  await page.locator('#theme').selectOption('dark');

  const marker = page.locator('[data-cite-reader] [data-kind="footnote"]').first();
  await marker.hover();
  await openPopup(page, marker);
  await page.emulateMedia({ media: 'print' });
  const shown = (selector) =>
    page.evaluate((s) => {
      const element = document.querySelector(s);
      return !!element && getComputedStyle(element).display !== 'none';
    }, selector);
  assert.equal(await shown(POPUP), false, 'no popup on paper');
  assert.equal(await shown('.demo-bar'), false, 'no controls on paper');
  assert.equal(await shown('.cr-popup-contents'), true, 'the citations print as numbered notes at the end');
  assert.equal(await shown('.cr-footnotes'), true, 'footnotes are printed');
  assert.ok(luminance(await readerBackground()) > 0.8, 'printed on white even when dark');
  await shot(page, '09-print');
  assert.deepEqual(errors, []);
  await context.close();
});
