// <cite-reader>: the reader as a custom element, in one ES module.
//
//   <script type="module" src="cite-reader.js"></script>
//   <cite-reader src="article.md"></cite-reader>
//   <cite-reader theme="dark" sources-panel="off">
//     <script type="text/markdown"># Title …</script>
//   </cite-reader>
//
// The article comes from the `text` property, else the `src` attribute (fetched), else a child
// <script type="text/markdown"> or <script type="text/plain">. Bibliography files that a fetched
// article's front matter names are fetched relative to it, from the article's origin only. Attributes: `format` (auto,
// markdown, text), `theme` (auto, light, dark), `sources-panel` (on by default; "off" or "false"
// turns it off), `hover-delay` (milliseconds before a hovered citation opens), `allow-multiple`
// (several popups may stay open). Events (bubbling, composed): `cite-reader:ready` (detail: { citations, sources }),
// `cite-reader:open` (detail: { citation, source }), `cite-reader:error` (detail: { message }).
// Methods: open(citationId), close(). The shadow root is open and holds the styles.

import init, { mount, parse } from '../pkg/cite_reader.js';
import { upgradeBibliography } from './bibliography.js';

const STYLE_URL = new URL('./reader.css', import.meta.url);
const FORMATS = new Set(['auto', 'markdown', 'text']);
const THEMES = new Set(['light', 'dark']);

let wasmReady = null;
let styleReady = null;

/** Loads the wasm module once for every element on the page. */
function loadWasm() {
  wasmReady ??= init();
  return wasmReady;
}

/** The reader's stylesheet, fetched once and shared by every shadow root. */
function loadStyle() {
  styleReady ??= fetch(STYLE_URL)
    .then((response) => (response.ok ? response.text() : ''))
    .catch(() => '')
    .then((css) => {
      if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        return { sheet, css };
      }
      return { sheet: null, css };
    });
  return styleReady;
}

/** A failure with a message written for the reader of the page. */
class ReaderError extends Error {}

export class CiteReaderElement extends HTMLElement {
  static observedAttributes = ['src', 'format', 'theme', 'sources-panel', 'hover-delay', 'allow-multiple'];

  #text = null;
  #reader = null;
  /** The shown article's model; `undefined` until asked for (see `model`). */
  #model = null;
  /** The text and options of the shown article. */
  #shown = null;
  #frame;
  #message;
  #token = 0;
  #scheduled = false;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    this.#message = document.createElement('div');
    this.#message.className = 'cr-message';
    this.#message.setAttribute('role', 'alert');
    this.#message.hidden = true;
    this.#frame = document.createElement('div');
    this.#frame.setAttribute('part', 'reader');
    root.append(this.#message, this.#frame);
    this.#frame.addEventListener('cite-reader:open', (event) => {
      event.stopPropagation();
      const id = event.detail?.citationId;
      const model = this.model;
      const citation = model?.citations.find((c) => c.id === id) ?? { id };
      const source = model?.sources.find((s) => s.id === citation.source) ?? null;
      this.#emit('cite-reader:open', { citation, source });
    });
  }

  connectedCallback() {
    this.setAttribute('data-cite-reader', '');
    this.#schedule();
  }

  disconnectedCallback() {
    this.#token++;
    this.#reader?.destroy();
    this.#reader = null;
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    if (name === 'theme') this.#applyTheme();
    else if (this.isConnected) this.#schedule();
  }

  /** The article text: set it to show a new article. */
  get text() {
    return this.#text;
  }

  set text(value) {
    this.#text = value == null ? null : String(value);
    if (this.isConnected) this.#schedule();
  }

  /** The article model of the shown article (as `parse` returns it), or null. Parsed when first
   * asked for, so showing an article parses it once (in `mount`). */
  get model() {
    if (this.#model === undefined) {
      const { text, options } = this.#shown;
      try {
        this.#model = parse(text, options);
      } catch {
        this.#model = null;
      }
    }
    return this.#model;
  }

  /** Opens the popup of a citation ("c3"); returns whether it is open. */
  open(citationId) {
    return this.#reader ? this.#reader.open(String(citationId)) : false;
  }

  /** Closes every open popup. */
  close() {
    this.#reader?.close();
  }

  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    // Once the parser has added the children (a child script) and the attributes settled.
    queueMicrotask(() => {
      this.#scheduled = false;
      this.#render();
    });
  }

  #applyTheme() {
    const theme = (this.getAttribute('theme') ?? 'auto').trim().toLowerCase();
    if (THEMES.has(theme)) this.#frame.dataset.theme = theme;
    else delete this.#frame.dataset.theme;
    if (THEMES.has(theme)) this.#message.dataset.theme = theme;
    else delete this.#message.dataset.theme;
  }

  #options(scriptFormat) {
    const options = {};
    const format = (this.getAttribute('format') ?? '').trim().toLowerCase();
    if (format && format !== 'auto') {
      if (!FORMATS.has(format)) {
        throw new ReaderError(`The format "${format}" is not known: use auto, markdown or text.`);
      }
      options.format = format;
    } else if (scriptFormat) {
      options.format = scriptFormat;
    }
    const delay = this.getAttribute('hover-delay');
    if (delay != null && delay.trim() !== '') {
      const ms = Number(delay);
      if (!Number.isInteger(ms) || ms < 0) {
        throw new ReaderError(`hover-delay must be a whole number of milliseconds, not "${delay}".`);
      }
      options.hoverDelay = ms;
    }
    if (this.hasAttribute('allow-multiple') && this.getAttribute('allow-multiple') !== 'false') {
      options.allowMultiple = true;
    }
    const panel = this.getAttribute('sources-panel');
    if (panel != null && ['off', 'false', 'no', 'hidden'].includes(panel.trim().toLowerCase())) {
      options.sourcesPanel = false;
    }
    return options;
  }

  async #articleText() {
    if (this.#text != null) return { text: this.#text, format: null };
    const src = this.getAttribute('src');
    if (src) {
      let response;
      const url = new URL(src, document.baseURI);
      try {
        response = await fetch(url);
      } catch (err) {
        throw new ReaderError(`The article could not be loaded from ${src}: ${err.message}.`);
      }
      if (!response.ok) {
        const status = `${response.status} ${response.statusText}`.trim();
        throw new ReaderError(`The article could not be loaded from ${src} (the server answered ${status}).`);
      }
      return { text: await response.text(), format: null, url };
    }
    const script = this.querySelector(':scope > script[type="text/markdown"], :scope > script[type="text/plain"]');
    if (script) {
      return {
        text: dedent(script.textContent ?? ''),
        format: script.type === 'text/markdown' ? 'markdown' : 'text',
      };
    }
    return { text: '', format: null };
  }

  async #render() {
    const token = ++this.#token;
    this.#applyTheme();
    try {
      // The module, the stylesheet and the article load in parallel.
      const [, style, { text, format, url }] = await Promise.all([
        loadWasm(),
        loadStyle(),
        this.#articleText(),
      ]);
      if (token !== this.#token) return;
      this.#adopt(style);
      if (!text.trim()) throw new ReaderError('There is no article to show: the text is empty.');
      const options = this.#options(format);
      const files = await loadBibliographyFiles(text, url, options);
      if (token !== this.#token) return;
      if (files) options.bibliographyFiles = files;
      this.#reader?.destroy();
      this.#reader = null;
      this.#model = null;
      this.#reader = mount(this.#frame, text, options);
      this.#shown = { text, options };
      this.#model = undefined;
      // Citations with a bibliography: the CSL engine (a second wasm module) loads only now.
      upgradeBibliography(this.#frame).catch((e) => console.warn('cite-reader: bibliography engine', e));
      this.#message.hidden = true;
      this.#message.textContent = '';
      // The counts read the model only when a listener asks for them.
      const element = this;
      this.#emit('cite-reader:ready', {
        get citations() {
          return element.model?.citations.length ?? 0;
        },
        get sources() {
          return element.model?.sources.length ?? 0;
        },
      });
    } catch (err) {
      if (token !== this.#token) return;
      const message = err instanceof ReaderError
        ? err.message
        : `The article could not be shown: ${err?.message ?? err}`;
      this.#reader?.destroy();
      this.#reader = null;
      this.#model = null;
      this.#shown = null;
      this.#message.textContent = message;
      this.#message.hidden = false;
      this.#emit('cite-reader:error', { message });
    }
  }

  #adopt({ sheet, css }) {
    const root = this.shadowRoot;
    if (sheet) {
      if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [sheet];
    } else if (!root.querySelector('style')) {
      const style = document.createElement('style');
      style.textContent = css;
      root.prepend(style);
    }
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  }
}

/**
 * The bibliography files that an article fetched from `url` names in its front matter
 * (`bibliography: refs.bib`), fetched relative to the article: same origin as the article only
 * (another origin's file is not fetched, and the core warns that it could not be read). Returns the
 * `bibliographyFiles` option (name → text, or { error }), or null when there is nothing to load.
 */
async function loadBibliographyFiles(text, url, options) {
  // Only an article with front matter can name files: the parse for the names happens only then.
  if (!url || !/^\uFEFF?---\r?\n/.test(text) || !text.includes('bibliography')) return null;
  let names;
  try {
    names = parse(text, options).bibliography_files ?? [];
  } catch {
    return null; // mount reports the error
  }
  if (!names.length) return null;
  const files = {};
  await Promise.all(names.map(async (name) => {
    let fileUrl;
    try {
      fileUrl = new URL(name, url);
    } catch {
      files[name] = { error: 'not a valid file name' };
      return;
    }
    if (fileUrl.origin !== url.origin) {
      files[name] = { error: `not fetched: only files from the article's origin (${url.origin}) are read` };
      return;
    }
    try {
      const response = await fetch(fileUrl, { credentials: 'same-origin' });
      files[name] = response.ok
        ? await response.text()
        : { error: `the server answered ${response.status} ${response.statusText}`.trim() };
    } catch (err) {
      files[name] = { error: `it could not be fetched: ${err.message}` };
    }
  }));
  return files;
}

/** Removes the indentation an inline script's lines share (so indented Markdown is not code). */
function dedent(text) {
  const lines = text.replace(/^\s*\n/, '').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => l.match(/^[ \t]*/)[0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

if (!customElements.get('cite-reader')) customElements.define('cite-reader', CiteReaderElement);
