// The bench page's engine: loads every engine into one page and times them on the same inputs.
//
// The runner (bench/run.mjs) opens this page in fresh headless-Chromium contexts and calls
// `window.bench.*`; all timing happens here, inside the page, with `performance.now()`. The server
// makes the page cross-origin isolated (COOP/COEP), so the clock is fine-grained (5 µs rather than
// 100 µs); batches are long anyway (≥ BATCH_MS), so the clock's resolution cannot matter.

import { markdownText, newsText, utf8Length } from './inputs.js';

const BATCH_MS = 100; // one timed batch runs at least this long
const WARMUP_MS = 300; // untimed runs per engine and input before the first batch

const state = { engines: {}, inputs: {}, notes: [], sink: 0, ours: null };

function log(message) {
  const out = document.getElementById('log');
  if (out) out.textContent += message + '\n';
}

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) return null;
  return response.text();
}

/**
 * Loads the engines and inputs. `pkg` is the URL of the wasm-pack `--target web` output of
 * cite-reader (e.g. `/pkg`); `pulldown` that of bench/pulldown-wasm. Returns what loaded.
 */
async function load({ pkg, pulldown }) {
  const markdownIt = (await import('../node_modules/markdown-it/dist/browser/markdown-it.esm.min.mjs')).default;
  const { marked } = await import('../node_modules/marked/lib/marked.esm.js');
  const md = markdownIt(); // default options
  state.engines['markdown-it'] = (text) => md.render(text);
  state.engines.marked = (text) => marked.parse(text); // default options (GFM, synchronous)

  try {
    const module = await import(`${pulldown}/pulldown_wasm.js`);
    await module.default();
    state.engines['pulldown-cmark'] = (text) => module.pushHtml(text);
  } catch (error) {
    state.notes.push(`pulldown-cmark wasm not loaded: ${error}`);
  }

  try {
    const module = await import(`${pkg}/cite_reader.js`);
    const exports = await module.default();
    state.ours = { module, memory: exports.memory };
    state.engines['cite-reader'] = (text, options) => module.render(text, options);
  } catch (error) {
    state.notes.push(`cite-reader wasm not loaded from ${pkg}: ${error}`);
  }

  const spec = await fetchText('/shared/suites/commonmark/spec.txt');
  if (spec === null) {
    state.notes.push('CommonMark spec absent (../shared/suites/commonmark/spec.txt): using a generated 200 KB Markdown document');
  }
  state.inputs.spec = spec ?? markdownText(200 * 1024, 3);
  state.inputs.long = await fetchText('/bench/inputs/long-footnotes.md');
  state.inputs.short = await fetchText('/bench/inputs/short-post.md');
  const fixture = await fetchText('/shared/fixtures/kim-weapons-factories.txt');
  if (fixture === null) {
    state.notes.push('News fixture absent (../shared/fixtures/kim-weapons-factories.txt): using a generated 5 KB article');
  }
  state.inputs.fixture = fixture ?? newsText(5 * 1024, 5);
  state.inputs.news1mb = newsText(1024 * 1024);
  return {
    engines: Object.keys(state.engines),
    inputs: Object.fromEntries(Object.entries(state.inputs).map(([k, v]) => [k, v ? utf8Length(v) : null])),
    notes: state.notes,
    crossOriginIsolated: self.crossOriginIsolated,
  };
}

const yieldToBrowser = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs `fn(text)` `n` times and returns milliseconds per run. */
function batch(fn, text, options, n) {
  let sink = 0;
  const start = performance.now();
  for (let i = 0; i < n; i++) sink += fn(text, options).length;
  const ms = (performance.now() - start) / n;
  state.sink += sink;
  return ms;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Times `engines` on input `name`: warm-up, then `rounds` rounds in which every engine runs one
 * batch, the order alternating between rounds (forward, then backward) so no engine always runs
 * right after the same neighbour or always first after a pause. Returns per engine the median
 * milliseconds per render, the batch size, and the output size (a sanity check that it rendered).
 */
async function compare(name, engines, { rounds = 7, options = {} } = {}) {
  const text = state.inputs[name];
  if (!text) return { error: `no input ${name}` };
  const present = engines.filter((engine) => state.engines[engine]);
  const plan = {};
  for (const engine of present) {
    const fn = state.engines[engine];
    const opts = engine === 'cite-reader' ? options : undefined;
    let output;
    try {
      output = fn(text, opts);
    } catch (error) {
      plan[engine] = { error: String(error) };
      continue;
    }
    let runs = 1;
    const start = performance.now();
    while (performance.now() - start < WARMUP_MS) {
      fn(text, opts);
      runs++;
    }
    const estimate = (performance.now() - start) / Math.max(1, runs - 1);
    plan[engine] = {
      n: Math.max(1, Math.ceil(BATCH_MS / Math.max(estimate, 0.001))),
      samples: [],
      outputBytes: utf8Length(output),
    };
    await yieldToBrowser();
  }
  const timed = present.filter((engine) => plan[engine] && !plan[engine].error);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? timed : [...timed].reverse();
    for (const engine of order) {
      const opts = engine === 'cite-reader' ? options : undefined;
      plan[engine].samples.push(batch(state.engines[engine], text, opts, plan[engine].n));
      await yieldToBrowser();
    }
  }
  const result = { input: name, bytes: utf8Length(text), engines: {} };
  for (const engine of present) {
    const p = plan[engine];
    result.engines[engine] = p.error
      ? { error: p.error }
      : { ms: median(p.samples), batch: p.n, samples: p.samples, outputBytes: p.outputBytes };
  }
  return result;
}

/**
 * Growth: cite-reader's parse+render time on `kind` ("news" or "markdown") text of each size.
 * A few untimed small runs first; then `reps` single runs per size (each ≥ tens of ms at 1 MB and
 * up, where one run is far above the clock's resolution), median. Small sizes run in batches.
 */
async function growth(kind, sizes, { reps = 5 } = {}) {
  const render = state.engines['cite-reader'];
  if (!render) return { error: 'cite-reader not loaded' };
  const options = { format: kind === 'news' ? 'text' : 'markdown', maxInputBytes: 64 * 1024 * 1024 };
  const make = kind === 'news' ? newsText : markdownText;
  const out = {};
  const small = make(10 * 1024);
  batch(render, small, options, 20);
  for (const size of sizes) {
    const text = make(size);
    render(text, options); // untimed first run: grows the wasm memory once, like a reader would
    const samples = [];
    for (let i = 0; i < reps; i++) {
      const estimate = batch(render, text, options, 1);
      samples.push(estimate >= BATCH_MS ? estimate : batch(render, text, options, Math.ceil(BATCH_MS / Math.max(estimate, 0.001))));
      await yieldToBrowser();
    }
    out[size] = { ms: median(samples), bytes: utf8Length(text), samples };
  }
  return out;
}

/** Peak wasm memory: the wasm memory only grows, so its size after rendering is the peak. Call in a
 * fresh context, one size per context. */
function memory(kind, size) {
  if (!state.ours?.memory) return { error: 'cite-reader memory not exported' };
  const options = { format: kind === 'news' ? 'text' : 'markdown', maxInputBytes: 64 * 1024 * 1024 };
  const text = kind === 'news' ? newsText(size) : markdownText(size);
  const before = state.ours.memory.buffer.byteLength;
  const output = state.engines['cite-reader'](text, options);
  return { before, after: state.ours.memory.buffer.byteLength, inputBytes: utf8Length(text), outputBytes: utf8Length(output) };
}

/** The first output bytes of each engine on an input, for eyeballing. */
function sample(name, engine, length = 400) {
  const fn = state.engines[engine];
  const text = state.inputs[name];
  if (!fn || !text) return null;
  return fn(text, engine === 'cite-reader' ? {} : undefined).slice(0, length);
}

window.bench = { load, compare, growth, memory, sample, log };
log('bench page ready');
