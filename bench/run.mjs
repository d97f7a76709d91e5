#!/usr/bin/env node
// The browser benchmark's runner: serves the bench page on 127.0.0.1, drives headless Chromium with
// playwright-core, prints a table and writes target/bench/browser.json.
//
//   node bench/run.mjs [--pkg DIR] [--contexts N] [--quick] [--out FILE]
//
// --pkg       the wasm-pack `--target web` output of cite-reader (default: pkg/ at the repo root)
// --pulldown  the wasm-pack output of bench/pulldown-wasm (default: target/bench/pulldown-pkg)
// --contexts  fresh browser contexts per measurement; figures are their median (default 5)
// --quick     fewer contexts and rounds, for checking the harness (figures are rougher)
// --only      a comma-separated subset of throughput,growth,memory,tti (sizes always)
//
// Every figure is a median over fresh browser contexts; inside a context, engines alternate order
// between rounds and each timed batch runs ≥ 100 ms (see page/bench.js).

import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

function parseArgs(argv) {
  const args = { pkg: join(root, 'pkg'), pulldown: join(root, 'target/bench/pulldown-pkg'),
    contexts: 5, quick: false, out: join(root, 'target/bench/browser.json'), only: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--pkg') args.pkg = resolve(value());
    else if (arg === '--pulldown') args.pulldown = resolve(value());
    else if (arg === '--contexts') args.contexts = Number.parseInt(value(), 10);
    else if (arg === '--out') args.out = resolve(value());
    else if (arg === '--quick') args.quick = true;
    else if (arg === '--only') args.only = new Set(value().split(','));
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: node bench/run.mjs [--pkg DIR] [--pulldown DIR] [--contexts N] [--quick] [--only PARTS] [--out FILE]');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg} (try --help)`);
  }
  if (!(args.contexts >= 1)) throw new Error('--contexts must be a whole number ≥ 1');
  if (args.quick) args.contexts = Math.min(args.contexts, 2);
  return args;
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic'];
const MARKDOWN_ENGINES = ['cite-reader', 'markdown-it', 'marked', 'pulldown-cmark'];
const KB = 1024;
const MB = 1024 * 1024;
const GROWTH_SIZES = [10 * KB, 100 * KB, MB, 10 * MB];

function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

const round = (x, digits = 3) => (x === null || x === undefined ? null : Number(x.toFixed(digits)));

async function openBenchPage(browser, server, args) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
  await page.goto(`${server.url}/bench/page/index.html`);
  await page.waitForFunction(() => window.bench);
  const loaded = await page.evaluate((urls) => window.bench.load(urls), { pkg: '/pkg', pulldown: '/pulldown' });
  return { context, page, loaded };
}

/** Markdown and news throughput: every engine on every input, in each fresh context. */
async function throughput(browser, server, args) {
  const runs = [];
  let loaded;
  const rounds = args.quick ? 3 : 7;
  for (let c = 0; c < args.contexts; c++) {
    const bench = await openBenchPage(browser, server, args);
    loaded = bench.loaded;
    const run = {};
    for (const input of ['spec', 'long', 'short']) {
      run[input] = await bench.page.evaluate(
        ([input, engines, rounds]) => window.bench.compare(input, engines, { rounds, options: { format: 'markdown' } }),
        [input, MARKDOWN_ENGINES, rounds]);
    }
    for (const input of ['fixture', 'news1mb']) {
      run[input] = await bench.page.evaluate(
        ([input, rounds]) => window.bench.compare(input, ['cite-reader'], { rounds, options: { format: 'text' } }),
        [input, rounds]);
    }
    runs.push(run);
    await bench.context.close();
    process.stdout.write(`  throughput: context ${c + 1}/${args.contexts} done\n`);
  }
  const inputs = {};
  for (const input of Object.keys(runs[0])) {
    inputs[input] = { bytes: runs[0][input].bytes, engines: {} };
    for (const engine of Object.keys(runs[0][input].engines ?? {})) {
      const ms = median(runs.map((run) => run[input].engines?.[engine]?.ms));
      const errors = runs.map((run) => run[input].engines?.[engine]?.error).filter(Boolean);
      inputs[input].engines[engine] = {
        ms: round(ms, 4),
        per_context_ms: runs.map((run) => round(run[input].engines?.[engine]?.ms, 4)),
        batch: runs[0][input].engines[engine].batch ?? null,
        output_bytes: runs[0][input].engines[engine].outputBytes ?? null,
        mb_per_s: ms ? round(runs[0][input].bytes / MB / (ms / 1000), 2) : null,
        ...(errors.length ? { error: errors[0] } : {}),
      };
    }
  }
  return { loaded, inputs };
}

/** Loads the bench page once, without timing anything (for --only without throughput). */
async function loadOnly(browser, server, args) {
  const bench = await openBenchPage(browser, server, args);
  await bench.context.close();
  const none = { bytes: null, engines: {} };
  return { loaded: bench.loaded, inputs: { spec: none, long: none, short: none, fixture: none, news1mb: none } };
}

/** Growth: cite-reader alone, news and Markdown at 10 KB … 10 MB, median over contexts. */
async function growth(browser, server, args) {
  const contexts = Math.min(args.contexts, 3);
  const out = { news: {}, markdown: {} };
  const samples = { news: {}, markdown: {} };
  for (let c = 0; c < contexts; c++) {
    for (const kind of ['news', 'markdown']) {
      const bench = await openBenchPage(browser, server, args);
      const result = await bench.page.evaluate(([kind, sizes, reps]) => window.bench.growth(kind, sizes, { reps }),
        [kind, GROWTH_SIZES, args.quick ? 2 : 3]);
      await bench.context.close();
      if (result.error) return { error: result.error };
      for (const size of GROWTH_SIZES) (samples[kind][size] ??= []).push(result[size]?.ms);
    }
    process.stdout.write(`  growth: context ${c + 1}/${contexts} done\n`);
  }
  for (const kind of ['news', 'markdown']) {
    for (const size of GROWTH_SIZES) out[kind][size] = round(median(samples[kind][size]), 3);
  }
  return out;
}

/** Peak wasm memory after one render, each size in a fresh context. */
async function memory(browser, server, args) {
  const out = { news: {}, markdown: {} };
  for (const kind of ['news', 'markdown']) {
    for (const size of [MB, 10 * MB]) {
      const bench = await openBenchPage(browser, server, args);
      out[kind][size] = await bench.page.evaluate(([kind, size]) => window.bench.memory(kind, size), [kind, size]);
      await bench.context.close();
    }
  }
  return out;
}

// Installed before any page script: records when the reader is interactive. The explicit signals
// (a `cite-reader:ready` event, or `window.citeReaderReady` set truthy) win; otherwise the first
// moment a `[data-citation]` exists inside a `[data-cite-reader]` root (light DOM or its open shadow
// root) — mount renders and wires its delegated listener in one call, so the DOM appearing at a
// microtask checkpoint means the call has returned.
function ttiProbe() {
  const tti = { ready: null, readyHow: null, dom: null, content: null };
  window.__crTti = tti;
  const ready = (how) => {
    if (tti.ready === null) {
      tti.ready = performance.now();
      tti.readyHow = how;
    }
  };
  addEventListener('cite-reader:ready', () => ready('cite-reader:ready event'), true);
  let flag;
  try {
    Object.defineProperty(window, 'citeReaderReady', {
      configurable: true,
      get: () => flag,
      set: (value) => {
        flag = value;
        if (value) ready('window.citeReaderReady');
      },
    });
  } catch {
    // The page defines it itself; the polling below still reads it.
  }
  const observed = new WeakSet();
  const check = () => {
    if (window.citeReaderReady) ready('window.citeReaderReady');
    if (tti.dom !== null) return;
    for (const host of document.querySelectorAll('[data-cite-reader]')) {
      const shadow = host.shadowRoot;
      if (tti.content === null && (host.firstElementChild || shadow?.firstElementChild)) tti.content = performance.now();
      if (shadow && !observed.has(shadow)) {
        observed.add(shadow);
        new MutationObserver(check).observe(shadow, { childList: true, subtree: true });
      }
      if (host.querySelector('[data-citation]') || shadow?.querySelector('[data-citation]')) {
        tti.dom = performance.now();
        return;
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-cite-reader'] });
  const poll = setInterval(() => {
    check();
    if (tti.dom !== null && tti.ready !== null) clearInterval(poll);
  }, 5);
}

async function measureTti(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  // An article without citations has nothing to wire: then the reader's content appearing counts,
  // once a second has passed without a citation.
  await page.waitForFunction(() => {
    const t = window.__crTti;
    return t && (t.dom !== null || t.ready !== null || (t.content !== null && performance.now() > t.content + 1000));
  }, null, { timeout: 15000 });
  // A page that announces readiness may do so after its DOM appears: give it a moment.
  await page.waitForFunction(() => window.__crTti.ready !== null, null, { timeout: 500 }).catch(() => {});
  const t = await page.evaluate(() => ({ ...window.__crTti }));
  if (t.ready !== null) return { ms: t.ready, how: t.readyHow };
  if (t.dom !== null) return { ms: t.dom, how: 'DOM: [data-cite-reader] [data-citation]' };
  return { ms: t.content, how: 'DOM: [data-cite-reader] content, no [data-citation] in the article' };
}

/** Checks that the first citation's popup opens, with real input (hover, then keyboard focus):
 * "wired" is not just "rendered". Playwright's CSS locators pierce open shadow roots. */
async function popupOpens(page) {
  const trigger = page.locator('[data-cite-reader] [data-citation]').first();
  if ((await trigger.count()) === 0) return false;
  const id = await trigger.getAttribute('data-citation');
  const popup = page.locator(`[data-citation-popup="${id}"]`).first();
  try {
    await trigger.scrollIntoViewIfNeeded({ timeout: 2000 });
    await trigger.hover({ timeout: 2000 });
    await popup.waitFor({ state: 'visible', timeout: 2000 });
    return true;
  } catch {
    try {
      await page.mouse.move(0, 0);
      await trigger.focus({ timeout: 2000 });
      await popup.waitFor({ state: 'visible', timeout: 2000 });
      return true;
    } catch {
      return false;
    }
  }
}

/** Time to interactive, cold (fresh context: empty cache) and warm (second visit, same context). */
async function tti(browser, server, args, path) {
  const cold = [];
  const warm = [];
  const how = new Set();
  let popup = null;
  let error = null;
  for (let c = 0; c < args.contexts; c++) {
    const context = await browser.newContext();
    await context.addInitScript(ttiProbe);
    const page = await context.newPage();
    try {
      const first = await measureTti(page, `${server.url}${path}`);
      cold.push(first.ms);
      how.add(first.how);
      if (popup === null) popup = await popupOpens(page);
      await page.goto('about:blank');
      const second = await measureTti(page, `${server.url}${path}`);
      warm.push(second.ms);
      how.add(second.how);
    } catch (e) {
      error = String(e.message ?? e).split('\n')[0];
      await context.close();
      break;
    }
    await context.close();
  }
  return { cold_ms: round(median(cold), 1), warm_ms: round(median(warm), 1), cold_samples: cold.map((x) => round(x, 1)),
    warm_samples: warm.map((x) => round(x, 1)), signal: [...how], popup_opens: popup, ...(error ? { error } : {}) };
}

/** Gzipped bytes (level 9) of what ships: the wasm, the JS glue and the CSS. */
function sizes(args) {
  const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
  const list = (dir, test) => (existsSync(dir) ? readdirSync(dir).filter(test).map((f) => join(dir, f)) : []);
  const wasm = list(args.pkg, (f) => f.endsWith('_bg.wasm'));
  const snippets = (dir) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.js')).map((f) => join(dir, f)) : []);
  const js = [...list(args.pkg, (f) => f.endsWith('.js')), ...snippets(join(args.pkg, 'snippets')),
    ...list(join(root, 'www'), (f) => f === 'cite-reader.js')];
  const css = [...list(args.pkg, (f) => f.endsWith('.css')), ...list(join(root, 'www'), (f) => f.endsWith('.css'))];
  const sum = (files) => (files.length ? files.reduce((total, f) => total + gz(f), 0) : null);
  const rel = (files) => files.map((f) => f.replace(root + '/', ''));
  return { wasm_gzip_bytes: sum(wasm), js_gzip_bytes: sum(js), css_gzip_bytes: sum(css),
    files: { wasm: rel(wasm), js: rel(js), css: rel(css) },
    wasm_raw_bytes: wasm.length ? wasm.reduce((t, f) => t + readFileSync(f).length, 0) : null };
}

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ')).join('\n');
}

const fmt = (x, digits = 2) => (x === null || x === undefined ? '—' : Number(x).toFixed(digits));

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const shared = resolve(root, '..', 'shared');
  const mounts = { '/bench/': here, '/pkg/': args.pkg, '/pulldown/': args.pulldown, '/www/': join(root, 'www') };
  if (existsSync(shared)) mounts['/shared/'] = shared;
  else console.log('note: ../shared is absent: the spec text and the news fixture are replaced by generated text');
  const server = await serve(mounts);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const started = Date.now();
  const loadBefore = os.loadavg()[0];
  const notes = [];
  try {
    console.log(`bench page on ${server.url}/bench/page/index.html; Chromium ${browser.version()}; ${args.contexts} contexts`);
    const want = (part) => !args.only || args.only.has(part);
    const speed = want('throughput') ? await throughput(browser, server, args) : await loadOnly(browser, server, args);
    notes.push(...speed.loaded.notes);
    if (!speed.loaded.crossOriginIsolated) notes.push('the bench page was not cross-origin isolated (coarse clock)');
    const ours = speed.loaded.engines.includes('cite-reader');
    const grow = ours && want('growth') ? await growth(browser, server, args) : null;
    const mem = ours && want('memory') ? await memory(browser, server, args) : null;
    const www = existsSync(join(root, 'www/index.html')) && want('tti') ? await tti(browser, server, args, '/www/index.html') : null;
    if (!www) notes.push('www/index.html is absent: no time to interactive of the www page');
    if (www?.error) notes.push(`www page time to interactive failed: ${www.error}`);
    if (www?.signal.length) notes.push(`www page time to interactive measured by: ${www.signal.join('; ')}; first popup opens: ${www.popup_opens}`);
    const element = existsSync(join(root, 'www/cite-reader.js')) && want('tti')
      ? await tti(browser, server, args, '/bench/page/element.html?src=/shared/fixtures/kim-weapons-factories.txt') : null;
    if (element?.error) notes.push(`<cite-reader> time to interactive failed: ${element.error}`);
    if (!element) notes.push('www/cite-reader.js is absent: the <cite-reader> element is not built yet, its time to interactive is null');
    const size = sizes(args);

    const spec = speed.inputs.spec.engines;
    // The ratio is taken inside each context (the engines ran interleaved there, under the same
    // machine load), then the median over contexts: steadier than a ratio of medians when other work
    // on the machine comes and goes between contexts.
    const ratio = (theirs) => {
      const ours = spec['cite-reader']?.per_context_ms ?? [];
      const them = spec[theirs]?.per_context_ms ?? [];
      return round(median(ours.map((ms, i) => (ms && them[i] ? them[i] / ms : null))), 3);
    };
    const peak10 = mem ? Math.max(mem.news[10 * MB]?.after ?? 0, mem.markdown[10 * MB]?.after ?? 0) || null : null;
    const growthRatio = grow && !grow.error ? round(Math.max(grow.news[10 * MB] / grow.news[MB], grow.markdown[10 * MB] / grow.markdown[MB]), 2) : null;
    const total = [size.wasm_gzip_bytes, size.js_gzip_bytes, size.css_gzip_bytes].reduce((t, x) => t + (x ?? 0), 0);
    const result = {
      ratio_vs_markdown_it: ratio('markdown-it'),
      ratio_vs_marked: ratio('marked'),
      ratio_vs_pulldown_cmark: ratio('pulldown-cmark'),
      news_1mb_ms: speed.inputs.news1mb.engines['cite-reader']?.ms ?? null,
      growth_10mb_over_1mb: growthRatio,
      tti_cold_ms: www?.cold_ms ?? null,
      tti_warm_ms: www?.warm_ms ?? null,
      element_tti_cold_ms: element?.cold_ms ?? null,
      element_tti_warm_ms: element?.warm_ms ?? null,
      wasm_gzip_bytes: size.wasm_gzip_bytes,
      js_gzip_bytes: size.js_gzip_bytes,
      css_gzip_bytes: size.css_gzip_bytes,
      total_gzip_bytes: total || null,
      peak_memory_1mb_bytes: mem ? Math.max(mem.news[MB]?.after ?? 0, mem.markdown[MB]?.after ?? 0) || null : null,
      peak_memory_10mb_bytes: peak10,
      targets: {},
      details: {
        date: new Date().toISOString(),
        machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? null, memory_bytes: os.totalmem(), platform: `${os.platform()} ${os.release()}`,
          load_average_1min: { before: round(loadBefore, 2), after: round(os.loadavg()[0], 2) } },
        chromium: browser.version(),
        contexts: args.contexts,
        quick: args.quick,
        cross_origin_isolated: speed.loaded.crossOriginIsolated,
        input_bytes: speed.loaded.inputs,
        throughput: speed.inputs,
        growth_ms: grow,
        memory: mem,
        tti_www: www,
        tti_element: element,
        sizes: size,
        notes,
        seconds: Math.round((Date.now() - started) / 1000),
      },
    };
    const t = result.targets;
    const check = (value, ok) => (value === null ? null : ok(value));
    t.ratio_vs_markdown_it_ge_3 = check(result.ratio_vs_markdown_it, (v) => v >= 3);
    t.ratio_vs_marked_ge_3 = check(result.ratio_vs_marked, (v) => v >= 3);
    t.ratio_vs_pulldown_cmark_ge_0_8 = check(result.ratio_vs_pulldown_cmark, (v) => v >= 0.8);
    t.growth_10mb_over_1mb_le_11 = check(result.growth_10mb_over_1mb, (v) => v <= 11);
    t.total_gzip_le_120kb = size.wasm_gzip_bytes === null ? null : total <= 120 * 1000;
    t.tti_cold_lt_100ms = check(result.tti_cold_ms, (v) => v < 100);

    mkdirSync(dirname(args.out), { recursive: true });
    writeFileSync(args.out, JSON.stringify(result, null, 2) + '\n');
    report(result, speed.inputs);
    console.log(`\nwrote ${args.out.replace(root + '/', '')} in ${result.details.seconds} s`);
  } finally {
    await browser.close();
    await server.close();
  }
}

function report(result, inputs) {
  const d = result.details;
  console.log('\nMarkdown and news, ms per render (median of contexts; MB/s in brackets)');
  const rows = [['input', 'bytes', ...MARKDOWN_ENGINES]];
  for (const [name, input] of Object.entries(inputs)) {
    rows.push([name, input.bytes, ...MARKDOWN_ENGINES.map((e) => {
      const r = input.engines[e];
      if (!r) return '—';
      if (r.error) return 'error';
      return `${fmt(r.ms, 3)} (${fmt(r.mb_per_s, 1)})`;
    })]);
  }
  console.log(table(rows));
  if (d.growth_ms && !d.growth_ms.error) {
    console.log('\nGrowth, cite-reader parse+render ms');
    const sizesRow = ['kind', ...GROWTH_SIZES.map((s) => (s >= MB ? `${s / MB} MB` : `${s / KB} KB`))];
    console.log(table([sizesRow, ...['news', 'markdown'].map((k) => [k, ...GROWTH_SIZES.map((s) => fmt(d.growth_ms[k][s], 1))])]));
  }
  console.log('\nSummary');
  const line = (name, value, target, ok) => [name, value === null || value === undefined ? 'null' : value, target, ok === null || ok === undefined ? '—' : ok ? 'met' : 'MISSED'];
  const t = result.targets;
  console.log(table([
    ['figure', 'value', 'target', ''],
    line('ratio_vs_markdown_it', result.ratio_vs_markdown_it, '≥ 3', t.ratio_vs_markdown_it_ge_3),
    line('ratio_vs_marked', result.ratio_vs_marked, '≥ 3', t.ratio_vs_marked_ge_3),
    line('ratio_vs_pulldown_cmark', result.ratio_vs_pulldown_cmark, '≥ 0.8', t.ratio_vs_pulldown_cmark_ge_0_8),
    line('news_1mb_ms', result.news_1mb_ms, '', null),
    line('growth_10mb_over_1mb', result.growth_10mb_over_1mb, '≤ 11', t.growth_10mb_over_1mb_le_11),
    line('tti_cold_ms (www)', result.tti_cold_ms, '< 100', t.tti_cold_lt_100ms),
    line('tti_warm_ms (www)', result.tti_warm_ms, '', null),
    line('element_tti_cold_ms', result.element_tti_cold_ms, '', null),
    line('wasm_gzip_bytes', result.wasm_gzip_bytes, '', null),
    line('js_gzip_bytes', result.js_gzip_bytes, '', null),
    line('css_gzip_bytes', result.css_gzip_bytes, '', null),
    line('wasm+js+css gzip', result.total_gzip_bytes, '≤ 120000', t.total_gzip_le_120kb),
    line('peak_memory_1mb_bytes', result.peak_memory_1mb_bytes, '', null),
    line('peak_memory_10mb_bytes', result.peak_memory_10mb_bytes, '', null),
  ]));
  const load = d.machine.load_average_1min;
  console.log(`\n${d.machine.cpus} CPUs (${d.machine.cpu}); 1-minute load average ${load.before} before, ${load.after} after: other work on the machine slows every figure`);
  for (const note of d.notes) console.log(`note: ${note}`);
}

main().catch((error) => {
  console.error(`bench failed: ${error.stack ?? error}`);
  process.exit(1);
});
