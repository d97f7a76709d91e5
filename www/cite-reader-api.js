// The JS API with trap recovery: `parse`, `render` and `mount` with the signatures of the
// wasm-bindgen glue (../pkg/cite_reader.js), plus `ready()`.
//
//   import { ready, render, mount } from './cite-reader-api.js';
//   await ready();
//   const reader = mount(element, text, { format: 'markdown' });
//
// The core never panics on any input, but should the module ever trap (a panic aborts in wasm,
// and leaves that instance's memory in an unknown state), the call that trapped throws a plain
// `Error` saying so, the module is instantiated afresh, and the next call works. A new instance
// needs a new copy of the glue (it keeps the instance in module-level variables), so the glue is
// imported under a fresh URL (`cite_reader.js?instance=N`), prepared in the background so that the
// switch itself is synchronous. Readers mounted before a trap belong to the old instance: their
// methods throw too, and they should be mounted again.

const GLUE = new URL('../pkg/cite_reader.js', import.meta.url).href;
const WASM = new URL('../pkg/cite_reader_bg.wasm', import.meta.url);

let loads = 0;
/** The compiled module (compiled once, instantiated again after a trap). */
let compiled = null;
/** The glue in use, and a fresh copy imported ahead (not yet instantiated). */
let current = null;
let spare = null;
let loading = null;
let spareLoading = null;
/** The compiled module once loaded, for the synchronous restart. */
let compiledModule = null;

async function compile() {
  const response = await fetch(WASM);
  if (!response.ok) throw new Error(`cite-reader: cannot load ${WASM} (HTTP ${response.status})`);
  try {
    return await WebAssembly.compileStreaming(response.clone());
  } catch {
    // A server that does not send application/wasm: compile from the bytes.
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

async function importGlue() {
  loads += 1;
  return import(loads === 1 ? GLUE : `${GLUE}?instance=${loads}`);
}

function prepareSpare() {
  spareLoading = importGlue().then(
    (glue) => { spare = glue; },
    () => { spare = null; },
  );
  return spareLoading;
}

/**
 * Resolves once the module is loaded (and a fresh copy of the glue is at hand for a restart);
 * every other function needs it. Safe to call again, and again after a trap.
 */
export function ready() {
  loading ??= (async () => {
    compiled ??= compile();
    const module = await compiled;
    compiledModule = module;
    const glue = await importGlue();
    await glue.default({ module_or_path: module });
    current = glue;
    prepareSpare();
  })();
  loading.catch(() => { loading = null; });
  return loading.then(() => spareLoading).then(() => undefined);
}

/** Switches to a fresh instance after a trap: synchronously when the spare glue is there. */
function restart() {
  current = null;
  if (spare && compiledModule) {
    const glue = spare;
    spare = null;
    try {
      glue.initSync({ module: compiledModule });
      current = glue;
      prepareSpare();
      return;
    } catch {
      // Fall through to the asynchronous way.
    }
  }
  loading = (async () => {
    const glue = await importGlue();
    await glue.default({ module_or_path: await compiled });
    current = glue;
    prepareSpare();
  })();
  loading.catch(() => { loading = null; });
}

function call(name, run) {
  if (!current) {
    throw new Error(`cite-reader: ${name}() was called before ready() resolved`);
  }
  return guarded(name, current, () => run(current));
}

/** Runs `run` on the instance `owner`; a trap becomes an `Error` and restarts the module once. */
function guarded(name, owner, run) {
  try {
    return run();
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) {
      if (current === owner) restart();
      throw new Error(
        `cite-reader: ${name}() failed inside the WebAssembly module (${err.message}); ` +
          'the module was restarted, so the next call works again',
        { cause: err },
      );
    }
    throw err;
  }
}

/** `parse(text, options?)`: the article model as a plain object. */
export function parse(text, options) {
  return call('parse', (glue) => glue.parse(text, options));
}

/** `render(text, options?)`: the reader's HTML as a string. */
export function render(text, options) {
  return call('render', (glue) => glue.render(text, options));
}

/**
 * `mount(element, text, options?)`: renders into `element` and wires its popups; returns a handle
 * with `update(text)`, `open(citationId)`, `close()` and `destroy()`.
 */
export function mount(element, text, options) {
  const owner = current;
  const reader = call('mount', (glue) => glue.mount(element, text, options));
  const guard = (name) => (...args) => guarded(`reader.${name}`, owner, () => reader[name](...args));
  return {
    update: guard('update'),
    open: guard('open'),
    close: guard('close'),
    destroy: guard('destroy'),
  };
}

/** Test hook, not part of the API: traps the module the way a panic would. */
export function __trapForTests() {
  return call('__trapForTests', (glue) => glue.__trapForTests());
}
