// Pathological inputs in wasm, in headless Chromium, against the release module in pkg/: every
// case of tests/pathological/cases.rs (the same inputs the native test times: cmark's pathological
// tests, deep nesting, NUL bytes, news text with 100,000 unmatched quote marks, ...) at 1 MiB and
// 2 MiB, in each of its formats, through the JS API's `parse` (the model as a JS object) and
// `render` (the HTML string). Each finishes, and doubling the input at most about doubles the
// time: time(2 MiB) / time(1 MiB) ≤ 3 (a quadratic step gives 4), timed with performance.now().
// The machine is shared, so a pair over the limit is measured twice more (least times count)
// before it fails.
//
// The inputs are written by `cargo run --example pathological_inputs` to target/pathological/
// (PATHOLOGICAL_KIB=N sets the base size, default 1024), so the cases are defined once, in Rust.
//
//   scripts/build-web.sh && node --test tests/e2e/pathological.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, start } from './support.mjs';

const KIB = Number(process.env.PATHOLOGICAL_KIB ?? 1024);
const DIR = join(ROOT, 'target', 'pathological', 'wasm');
const MAX_RATIO = 3;
// Below this many milliseconds the base time is too small for its ratio to mean growth.
const FLOOR_MS = 20;

let env;
let page;
let cases;
before(async () => {
  execFileSync('cargo', ['run', '--quiet', '--example', 'pathological_inputs', '--', String(KIB), DIR], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  cases = JSON.parse(readFileSync(join(DIR, 'cases.json'), 'utf8'));
  env = await start();
  const context = await env.browser.newContext();
  page = await context.newPage();
  const blank = `${env.baseUrl}/__pathological__/blank.html`;
  await page.route(blank, (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!doctype html><html><body></body></html>',
  }));
  await page.goto(blank);
  await page.evaluate(async () => {
    const module = await import('/pkg/cite_reader.js');
    await module.default();
    window.core = module;
    window.inputs = new Map();
  });
  // One untimed run first: the engine compiles the module's hot code in tiers on first use, which
  // would otherwise land on the first case's 1 MiB side.
  await measure(cases[0].files[0], cases[0].formats[0]);
});
after(async () => {
  await env?.close();
});

/** Milliseconds of `parse` + `render` of the input file `file` as `format`, and what came out. */
function measure(file, format) {
  return page.evaluate(async ({ url, format }) => {
    if (!window.inputs.has(url)) {
      window.inputs.clear();
      window.inputs.set(url, await (await fetch(url)).text());
    }
    const text = window.inputs.get(url);
    const start = performance.now();
    const model = window.core.parse(text, { format });
    const html = window.core.render(text, { format });
    const ms = performance.now() - start;
    return { ms, chars: text.length, blocks: model.blocks.length, html: html.length };
  }, { url: `/target/pathological/wasm/${file}`, format });
}

test('every pathological case at 1 MiB and 2 MiB: wasm time grows linearly', async () => {
  const rows = [];
  const failures = [];
  const header = `${'case'.padEnd(50)} ${'format'.padEnd(8)} ${'bytes'.padStart(9)} ${'ms'.padStart(8)} ` +
    `${'bytes×2'.padStart(9)} ${'ms'.padStart(8)} ${'ratio'.padStart(6)}`;
  console.log(header);
  for (const c of cases) {
    for (const format of c.formats) {
      let small = await measure(c.files[0], format);
      let large = await measure(c.files[1], format);
      const ratio = () => large.ms / Math.max(small.ms, FLOOR_MS);
      let retried = '';
      if (ratio() > MAX_RATIO) {
        // Other work on the machine, or a garbage collection, can land on either side: measure
        // both twice more and keep the least times.
        for (let again = 0; again < 2; again++) {
          const [s, l] = [await measure(c.files[0], format), await measure(c.files[1], format)];
          small = s.ms < small.ms ? s : small;
          large = l.ms < large.ms ? l : large;
        }
        retried = ' (measured 3 times)';
      }
      for (const run of [small, large]) {
        assert.ok(run.chars > 0 && run.html > 0, `${c.name} (${format}): nothing rendered`);
      }
      const line = `${c.name.padEnd(50)} ${format.padEnd(8)} ${String(c.bytes[0]).padStart(9)} ` +
        `${small.ms.toFixed(1).padStart(8)} ${String(c.bytes[1]).padStart(9)} ` +
        `${large.ms.toFixed(1).padStart(8)} ${ratio().toFixed(2).padStart(6)}${retried}`;
      console.log(line);
      rows.push(line);
      if (ratio() > MAX_RATIO) failures.push(`${c.name} (${format}): ratio ${ratio().toFixed(2)}`);
    }
  }
  console.log(`wasm: ${rows.length} case/format pairs tried at ${KIB} KiB and ${2 * KIB} KiB, ` +
    `${failures.length} failed`);
  assert.deepEqual(failures, [], 'superlinear in wasm');
});
