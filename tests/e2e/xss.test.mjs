// Untrusted articles never become script: every vector of ../shared/suites/xss placed as a raw HTML
// block, inline HTML, a link destination, an image source, a footnote body, the fields of a
// bibliography entry (formatted by the CSL engine too when pkg-bib/ is built) and a plain-text
// article, in the `escape` and `sanitize` raw-HTML modes, mounted by the reader in headless
// Chromium. Nothing may execute (alert, confirm, prompt, print, open, document.write, an assigned
// `onerror`, an uncaught error and the `window.pwned` flag the payloads are mapped to are all
// watched), and the reader's DOM may hold no <script>, on* attribute, javascript:/vbscript:/
// data:text/html URL, <iframe>, <object>, <embed>, <base>, <form action> or <meta http-equiv>.
// Prints "xss: N tried, M failed". Skipped with a notice when ../shared is absent.
//
//   wasm-pack build --target web --release && node --test tests/e2e/xss.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, start } from './support.mjs';

const SUITE = join(ROOT, '..', 'shared', 'suites', 'xss');
const FILES = ['h5sc-vectors.json', 'dompurify-payloads.json'];
const MODES = ['escape', 'sanitize'];
const BATCH = 50;
const present = FILES.every((file) => existsSync(join(SUITE, file)));

/** The code every payload runs when it gets to run: it only sets the watched flag. */
const RUN = 'window.pwned=1';
const entities = (s) => [...s].map((c) => `&#x${c.codePointAt(0).toString(16)};`).join('');

/** The suite's placeholders, mapped to code that trips the watched flag or calls a watched function. */
function fill(payload) {
  const values = {
    js_alert_only: 'alert',
    js_uri_alert: `javascript:${RUN}`,
    js_base64_alert: Buffer.from(`<script>${RUN}</script>`).toString('base64'),
    js_utf7_alert: `+ADw-script+AD4-${RUN}+ADw-/script+AD4-`,
    js_alert_entities: entities(RUN),
    html_alert_encoded: `&lt;script&gt;${RUN}&lt;/script&gt;`,
    js_alert_html5ent: 'window&period;pwned&equals;1',
    js_alert_template: '`${window.pwned=1}`',
  };
  return payload.replace(/%([a-z]+(?:_[a-z0-9]+)+)%/g, (whole, name) => {
    const base = name.replace(/_\d+$/, '');
    if (base in values) return values[base];
    if (name.startsWith('js_')) return RUN;
    if (name.endsWith('_path') || /_path_\d+$/.test(name)) return '/__xss__/missing';
    return whole; // %22% and the like are percent-escapes, not placeholders
  });
}

/** A CSL-JSON bibliography whose entry carries the payload in every text field and as its URL. */
const bibliography = (payload) => JSON.stringify([{
  id: 'key',
  type: 'article-journal',
  title: payload,
  author: [{ family: payload, given: 'A.' }],
  'container-title': payload,
  publisher: payload,
  URL: payload,
  DOI: payload,
  note: payload,
  issued: { 'date-parts': [[2020]] },
}]);

/** The seven places a vector goes: `[name, text, extra options]`. */
function placements(payload) {
  const oneLine = payload.replace(/\r?\n|\r/g, ' ');
  const destination = oneLine.replace(/[\\<>]/g, (c) => `\\${c}`);
  const md = { format: 'markdown' };
  return [
    ['raw HTML block', `Before.\n\n${payload}\n\nAfter.\n`, md],
    ['inline HTML', `Before ${oneLine} after.\n`, md],
    ['link destination', `A [link](<${destination}> "t") here.\n`, md],
    ['image source', `An ![image](<${destination}>) here.\n`, md],
    ['footnote body', `A note.[^x]\n\n[^x]: ${payload.replace(/\r?\n|\r/g, '\n    ')}\n`, md],
    ['bibliography fields', 'A claim [@key], and @key again.\n', { ...md, bibliography: bibliography(payload) }],
    ['plain-text article', `A headline\n\n${payload}\n\nSomeone said so.\n`, { format: 'text' }],
  ];
}

/** Installed before any page script: every way a payload could show it ran. */
function instrument() {
  const hits = [];
  window.__xssHits = hits;
  const record = (what) => (...args) => {
    hits.push(`${what}(${String(args[0] ?? '').slice(0, 60)})`);
  };
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) window[name] = record(name);
  document.write = record('document.write');
  document.writeln = record('document.writeln');
  Object.defineProperty(window, 'pwned', {
    get: () => undefined,
    set: () => hits.push('window.pwned'),
    configurable: false,
  });
  Object.defineProperty(window, 'onerror', {
    get: () => null,
    set: () => hits.push('onerror assigned'),
    configurable: false,
  });
  window.addEventListener('error', (event) => {
    if (event instanceof ErrorEvent) hits.push(`uncaught error: ${event.message}`);
  });
}

/** Mounts each item into its own container, waits, and returns what failed: `[{ index, why }]`. */
async function runBatch(page, items, wait = 250) {
  return page.evaluate(
    async ({ items, wait }) => {
      // Through the prototypes: a payload may clobber `document.createElement` and the like.
      const { mount } = window.__citeReader;
      const upgrade = window.__upgradeBibliography;
      const create = (tag) => Document.prototype.createElement.call(document, tag);
      const all = (node, selector) => Array.from(Element.prototype.querySelectorAll.call(node, selector));
      const names = (node) => Element.prototype.getAttributeNames.call(node);
      const attr = (node, name) => Element.prototype.getAttribute.call(node, name);
      const localName = (node) => Object.getOwnPropertyDescriptor(Element.prototype, 'localName').get.call(node);
      const host = window.__xssHost;
      Element.prototype.replaceChildren.call(host);
      window.__xssHits.length = 0;
      const failed = [];
      const readers = [];
      items.forEach(({ text, options }, index) => {
        const element = create('div');
        element.dataset.index = String(index);
        Element.prototype.append.call(host, element);
        try {
          readers.push(mount(element, text, options));
        } catch (err) {
          failed.push({ index, why: `mount threw: ${err?.message ?? err}` });
        }
      });
      // Bibliography sections are formatted by the CSL engine, as the demo and the element do.
      if (upgrade) {
        await Promise.all(all(host, ':scope > div').map((element) => upgrade(element).catch(() => {})));
      }
      // Let loads, errors, animations and autofocus run.
      await new Promise((resolve) => setTimeout(resolve, wait));
      const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data',
        'poster', 'background', 'srcdoc', 'lowsrc', 'dynsrc', 'codebase', 'cite', 'srcset']);
      const BAD_URL = /^(javascript|vbscript|data:text\/html)/;
      const FORBIDDEN = 'script, iframe, object, embed, base, form[action], meta[http-equiv], frame';
      for (const element of all(host, ':scope > div')) {
        const index = Number(attr(element, 'data-index'));
        const why = [];
        for (const node of all(element, FORBIDDEN)) why.push(`<${localName(node)}>`);
        for (const node of all(element, '*')) {
          for (const written of names(node)) {
            const name = written.toLowerCase();
            const raw = attr(node, written) ?? '';
            if (name.startsWith('on')) why.push(`${name} on <${localName(node)}>`);
            const value = raw.replace(/[\u0000-\u0020\u007f-\u00a0]/g, '').toLowerCase();
            if (URL_ATTRIBUTES.has(name) && BAD_URL.test(value)) {
              why.push(`${name}=${raw.slice(0, 60)}`);
            }
          }
        }
        if (why.length) failed.push({ index, why: why.join(', ') });
      }
      if (window.__xssHits.length) failed.push({ index: -1, why: window.__xssHits.join(', ') });
      for (const reader of readers) reader.destroy();
      Element.prototype.replaceChildren.call(host);
      return failed;
    },
    { items, wait },
  );
}

let env;
let page;
before(async () => {
  if (!present) return;
  env = await start();
  const context = await env.browser.newContext();
  page = await context.newPage();
  await page.addInitScript(instrument);
  const harness = `${env.baseUrl}/__xss__/harness.html`;
  await page.route(harness, (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!doctype html><html><head><link rel="stylesheet" href="/www/reader.css"></head>' +
      '<body><div id="host"></div></body></html>',
  }));
  await page.goto(harness);
  await page.evaluate(async () => {
    const glue = await import('/pkg/cite_reader.js');
    await glue.default();
    window.__citeReader = glue;
    window.__xssHost = document.getElementById('host');
  });
  if (existsSync(join(ROOT, 'pkg-bib', 'cite_reader_bib.js'))) {
    await page.evaluate(async () => {
      window.__upgradeBibliography = (await import('/www/bibliography.js')).upgradeBibliography;
    });
  } else {
    console.log('xss: pkg-bib/ is not built: bibliography entries are checked as the core renders them');
  }
});
after(async () => {
  await env?.close();
});

test('no XSS vector executes or leaves script in the reader', { skip: !present && 'needs ../shared' }, async () => {
  const vectors = FILES.flatMap((file) =>
    JSON.parse(readFileSync(join(SUITE, file), 'utf8')).map((v) => ({
      label: `${file.replace('.json', '')}#${v.id}`,
      payload: fill(v.payload),
    })));
  assert.equal(vectors.length, 372, 'the suite holds 372 vectors');
  let tried = 0;
  const failures = [];
  for (const mode of MODES) {
    for (let start = 0; start < vectors.length; start += BATCH) {
      const items = vectors.slice(start, start + BATCH).flatMap((vector) =>
        placements(vector.payload).map(([where, text, options]) => ({
          text,
          options: { ...options, rawHtml: mode },
          label: `${vector.label} as ${where} (${mode})`,
        })));
      tried += items.length;
      const failed = await runBatch(page, items.map(({ text, options }) => ({ text, options })));
      const pageWide = failed.find((f) => f.index === -1);
      for (const f of failed) if (f.index >= 0) failures.push(`${items[f.index].label}: ${f.why}`);
      if (pageWide) {
        // Something ran: find which item by mounting each alone.
        let found = false;
        for (const [index, { text, options, label }] of items.entries()) {
          const alone = await runBatch(page, [{ text, options }], 100);
          const hit = alone.find((f) => f.index === -1);
          if (hit) {
            failures.push(`${label}: executed: ${hit.why}`);
            found = true;
          }
          if (index === items.length - 1 && !found) failures.push(`batch at ${start} (${mode}): ${pageWide.why}`);
        }
      }
    }
  }
  console.log(`xss: ${tried} tried, ${failures.length} failed`);
  assert.deepEqual(failures, [], `vectors that got through:\n${failures.join('\n')}`);
});

if (!present) console.log(`xss: skipped: ${SUITE} is absent`);
