// The JS API with trap recovery (www/cite-reader-api.js) in headless Chromium: a trap in the
// module (forced through the hidden test hook) reaches the caller as a plain `Error`, the module
// is instantiated afresh from a new copy of the glue, and the very next call works, again and
// again. Also: empty input, binary junk and lone surrogates give readable warnings, and a
// malformed option is an `Error` naming it.
//
//   wasm-pack build --target web --release && node --test tests/e2e/api.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './support.mjs';

let env;
let page;
const errors = [];
before(async () => {
  env = await start();
  const context = await env.browser.newContext();
  page = await context.newPage();
  page.on('pageerror', (error) => errors.push(String(error)));
  const blank = `${env.baseUrl}/__api__/blank.html`;
  await page.route(blank, (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!doctype html><html><head><link rel="stylesheet" href="/www/reader.css"></head>' +
      '<body><div id="reader"></div></body></html>',
  }));
  await page.goto(blank);
  await page.evaluate(async () => {
    window.api = await import('/www/cite-reader-api.js');
    await window.api.ready();
  });
});
after(async () => {
  await env?.close();
});

const ARTICLE = 'Harbour notes\n\nThe ferry runs at dawn, according to the harbour office.\n\n' +
  '"We finally have a timetable," said Ana Ruiz, the harbour master.\n';

test('a trap is reported as an Error, the module restarts, and the next call works', async () => {
  const result = await page.evaluate(async (article) => {
    const { ready, render, mount, __trapForTests } = window.api;
    const before = render(article);
    const outcome = { before: before.length, traps: [] };
    for (let round = 0; round < 3; round++) {
      let error = null;
      try {
        __trapForTests();
      } catch (err) {
        error = err;
      }
      // The very next call, in the same task: no waiting for the new instance.
      const after = render(article);
      outcome.traps.push({
        isError: error instanceof Error,
        isRuntimeError: error instanceof WebAssembly.RuntimeError,
        message: String(error?.message),
        cause: error?.cause instanceof WebAssembly.RuntimeError,
        sameOutput: after === before,
      });
      await ready();
    }
    const reader = mount(document.getElementById('reader'), article);
    outcome.markers = document.querySelectorAll('#reader [data-citation]').length;
    const first = document.querySelector('#reader [data-citation]')?.dataset.citation;
    outcome.opened = reader.open(first);
    reader.destroy();
    return outcome;
  }, ARTICLE);
  assert.ok(result.before > 0);
  assert.equal(result.traps.length, 3);
  for (const trap of result.traps) {
    assert.ok(trap.isError && !trap.isRuntimeError, 'a plain Error, not the RuntimeError');
    assert.match(trap.message, /failed inside the WebAssembly module.*restarted/);
    assert.ok(trap.cause, 'the RuntimeError is kept as its cause');
    assert.ok(trap.sameOutput, 'the restarted module renders the same article');
  }
  assert.ok(result.markers > 0, 'mount works after the traps');
  assert.equal(result.opened, true, 'and its popups open');
  // Each restart took a fresh copy of the glue.
  const copies = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((entry) => /cite_reader\.js\?instance=\d+/.test(entry.name)).length);
  assert.ok(copies >= 3, `${copies} fresh copies of the glue`);
  assert.deepEqual(errors, []);
});

test('empty input, binary junk and lone surrogates give readable warnings', async () => {
  const warnings = await page.evaluate(() => {
    const { parse, render } = window.api;
    const of = (text) => parse(text).warnings;
    return {
      empty: of(''),
      junk: of('\u0000\u0001\u0002\u0003\u007f\u0000\u0008junk'),
      lone: of('A \uD800 lone \uDC00 pair.'),
      loneHtml: render('A \uD800 lone \uDC00 pair.'),
    };
  });
  assert.ok(warnings.empty.some((w) => /empty/i.test(w)), JSON.stringify(warnings.empty));
  assert.ok(warnings.junk.some((w) => /unreadable/.test(w)), JSON.stringify(warnings.junk));
  assert.ok(warnings.lone.some((w) => /2 unreadable/.test(w)), JSON.stringify(warnings.lone));
  assert.match(warnings.loneHtml, /lone .* pair/);
});

test('a malformed option is an Error naming it', async () => {
  const messages = await page.evaluate(() => {
    const { parse, render, mount } = window.api;
    const message = (run) => {
      try {
        run();
        return null;
      } catch (err) {
        return err instanceof Error ? err.message : `not an Error: ${err}`;
      }
    };
    return [
      message(() => parse('x', { fromat: 'text' })),
      message(() => render('x', { rawHtml: 'strip' })),
      message(() => mount(document.getElementById('reader'), 'x', { hoverDelay: -1 })),
    ];
  });
  assert.match(messages[0], /fromat/);
  assert.match(messages[1], /rawHtml.*"escape", "sanitize" or "trusted"/);
  assert.match(messages[2], /hoverDelay/);
});
