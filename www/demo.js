// The demo shell: shows sample.md as a reader, re-renders whatever is typed, pasted or dropped
// into the textarea, and says which format the article was read as.
import init, { mount, parse } from '../pkg/cite_reader.js';
import { upgradeBibliography } from './bibliography.js';

const $ = (id) => document.getElementById(id);
const textarea = $('article');
const formatSelect = $('format');
const themeSelect = $('theme');
const fileInput = $('file');
const detected = $('detected');
const errorBox = $('error');
const readerElement = $('reader');

let reader = null;

const FORMAT_NAMES = { markdown: 'Markdown', text: 'plain text' };

function options() {
  return formatSelect.value === 'auto' ? {} : { format: formatSelect.value };
}

function showError(prefix, err) {
  const message = err instanceof Error ? err.message : String(err);
  errorBox.textContent = `${prefix}: ${message}`;
  errorBox.hidden = false;
}

function clearError() {
  errorBox.hidden = true;
  errorBox.textContent = '';
}

function describe(model) {
  const how = formatSelect.value === 'auto' ? 'detected' : 'chosen';
  const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  return `Read as ${FORMAT_NAMES[model.format] ?? model.format} (${how}) · ` +
    `${count(model.citations.length, 'citation', 'citations')} · ` +
    `${count(model.sources.length, 'source', 'sources')}` +
    (model.warnings.length ? ` · ${count(model.warnings.length, 'warning', 'warnings')}` : '');
}

/** Renders the textarea's text; `remount` when the options changed. */
function show({ remount = false } = {}) {
  const text = textarea.value;
  try {
    const model = parse(text, options());
    if (remount && reader) {
      reader.destroy();
      reader = null;
    }
    if (reader) reader.update(text);
    else reader = mount(readerElement, text, options());
    // Citations with a bibliography: the CSL engine (a second wasm module) loads only now.
    upgradeBibliography(readerElement).catch((e) => console.warn('cite-reader: bibliography engine', e));
    detected.textContent = describe(model);
    clearError();
  } catch (err) {
    detected.textContent = 'Could not read the article.';
    showError('Could not show this article', err);
  }
}

async function loadFile(file) {
  try {
    textarea.value = await file.text();
    show();
  } catch (err) {
    showError(`Could not read ${file.name}`, err);
  }
}

function wireInputs() {
  textarea.addEventListener('input', () => show());
  formatSelect.addEventListener('change', () => show({ remount: true }));
  themeSelect.addEventListener('change', () => {
    if (themeSelect.value) readerElement.dataset.theme = themeSelect.value;
    else delete readerElement.dataset.theme;
  });
  fileInput.addEventListener('change', () => {
    const [file] = fileInput.files;
    if (file) loadFile(file);
    fileInput.value = '';
  });
  // Drag and drop a file onto the textarea (or anywhere on the page).
  const stop = (event) => {
    if ([...(event.dataTransfer?.types ?? [])].includes('Files')) event.preventDefault();
  };
  document.addEventListener('dragover', (event) => {
    stop(event);
    textarea.classList.add('dragging');
  });
  document.addEventListener('dragleave', (event) => {
    if (!event.relatedTarget) textarea.classList.remove('dragging');
  });
  document.addEventListener('drop', (event) => {
    textarea.classList.remove('dragging');
    const [file] = event.dataTransfer?.files ?? [];
    if (!file) return;
    event.preventDefault();
    loadFile(file);
  });
}

async function start() {
  try {
    await init();
  } catch (err) {
    detected.textContent = 'Not loaded.';
    showError('Could not load the reader (did `wasm-pack build --target web` run?)', err);
    return;
  }
  wireInputs();
  try {
    const response = await fetch(new URL('sample.md', import.meta.url));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    textarea.value = await response.text();
  } catch (err) {
    showError('Could not load the sample article', err);
  }
  show();
  document.documentElement.dataset.demoReady = 'true';
}

start();
