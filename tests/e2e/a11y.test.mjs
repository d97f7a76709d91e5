// Accessibility checks with axe-core (npm) on the <cite-reader> element and on the demo: no
// violations with every popup closed and with one open, in the light and the dark theme.
// Screenshots: tests/e2e/artifacts/a11y-*.png.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { POPUP, ROOT, openDemo, openPopup, shot, start } from './support.mjs';

let env;
let axeSource;
before(async () => {
  env = await start();
  axeSource = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
});
after(async () => {
  await env?.close();
});

/** Runs axe on the whole page (it enters open shadow roots); returns readable violations. */
async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary}`),
    }));
  });
  return result;
}

async function openElementPage(colorScheme) {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 800 }, colorScheme });
  const page = await context.newPage();
  const url = `${env.baseUrl}/www/a11y.html`;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cite-reader accessibility</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark">
<script type="module" src="cite-reader.js"></script></head>
<body><main><cite-reader src="../tests/fixtures/news/chip-plant.txt"></cite-reader></main></body></html>`,
    }),
  );
  await page.goto(url);
  await page.waitForSelector('cite-reader [data-citation]', { timeout: 15000 });
  return { page, context };
}

for (const scheme of ['light', 'dark']) {
  test(`axe: the element in the ${scheme} theme, popup closed and open`, async () => {
    const { page, context } = await openElementPage(scheme);
    const closed = await violations(page);
    assert.deepEqual(closed, [], `popup closed, ${scheme}: ${JSON.stringify(closed, null, 1)}`);
    await shot(page, `a11y-element-${scheme}-closed`);
    for (const kind of ['quote', 'link', 'abbreviation']) {
      const marker = page.locator(`cite-reader [data-kind="${kind}"]`).first();
      if (!(await marker.count())) continue;
      await marker.focus();
      await openPopup(page, marker);
      const open = await violations(page);
      assert.deepEqual(open, [], `${kind} popup open, ${scheme}: ${JSON.stringify(open, null, 1)}`);
      await shot(page, `a11y-element-${scheme}-${kind}-open`);
      await page.keyboard.press('Escape');
      await page.locator(POPUP).waitFor({ state: 'detached', timeout: 2000 });
    }
    // With a source chosen in the panel (highlights and the step bar showing).
    await page.locator('cite-reader li[data-source-citations] [data-source-pick]').first().click();
    const chosen = await violations(page);
    assert.deepEqual(chosen, [], `source chosen, ${scheme}: ${JSON.stringify(chosen, null, 1)}`);
    await shot(page, `a11y-element-${scheme}-source-chosen`);
    await context.close();
  });

  test(`axe: the demo page in the ${scheme} theme, footnote popup closed and open`, async () => {
    const { page, context } = await openDemo(env, { colorScheme: scheme });
    const closed = await violations(page);
    assert.deepEqual(closed, [], `demo, popup closed, ${scheme}: ${JSON.stringify(closed, null, 1)}`);
    const marker = page.locator('[data-cite-reader] [data-kind="footnote"]').first();
    await marker.focus();
    await openPopup(page, marker);
    const open = await violations(page);
    assert.deepEqual(open, [], `demo, popup open, ${scheme}: ${JSON.stringify(open, null, 1)}`);
    await shot(page, `a11y-demo-${scheme}-open`);
    await context.close();
  });
}
