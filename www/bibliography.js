// Formats a mounted reader's [@key] citations and bibliography with the bibliography engine, a
// second wasm module (pkg-bib/, built from bib/) that is loaded with a dynamic import() only when
// the rendered article asks for it: the core writes `data-bibliography-request` on the
// bibliography section when it has citations, a bibliography and no formatted entries (the core
// wasm carries no CSL engine). Until the engine has loaded, popups and the bibliography show the
// raw entries the core wrote; nothing here is needed for the reader to work.
//
// Everything from the engine is set as text (textContent) or as links built with the DOM API:
// no HTML string from the article or the bibliography is ever parsed.

const DEFAULT_MODULE = new URL('../pkg-bib/cite_reader_bib.js', import.meta.url).href;

const engines = new Map();

/** Loads (once per URL) and initializes the engine module. */
function loadEngine(moduleUrl) {
  let promise = engines.get(moduleUrl);
  if (!promise) {
    promise = import(moduleUrl).then(async (mod) => {
      await mod.default();
      return mod;
    });
    // A failed load may be retried later (network errors are not final).
    promise.catch(() => engines.delete(moduleUrl));
    engines.set(moduleUrl, promise);
  }
  return promise;
}

const URL_OR_DOI = /https?:\/\/[^\s<>"]+|\b10\.\d{4,9}\/[^\s<>"]+/g;

/** Replaces `el`'s content with `text`, its URLs and DOIs as links that open in a new tab. */
function setLinkedText(el, text) {
  const doc = el.ownerDocument;
  el.textContent = '';
  let from = 0;
  for (const match of text.matchAll(URL_OR_DOI)) {
    let found = match[0].replace(/[.,;)\]]+$/, '');
    const at = match.index;
    // A DOI inside a doi.org URL was matched as part of the URL already.
    const isDoi = !found.startsWith('http');
    if (isDoi && text.slice(Math.max(0, at - 8), at) === 'doi.org/') continue;
    el.append(text.slice(from, at));
    const a = doc.createElement('a');
    a.href = isDoi ? `https://doi.org/${found}` : found;
    a.target = '_blank';
    a.rel = 'noopener';
    a.textContent = found;
    el.append(a);
    from = at + found.length;
  }
  el.append(text.slice(from));
}

const byAttr = (root, name, value) =>
  [...root.querySelectorAll(`[${name}]`)].filter((el) => el.getAttribute(name) === value);

/**
 * Formats the citations and bibliography of a rendered reader.
 *
 * @param {ParentNode} root  the reader's root element (or its shadow root): where the rendered
 *   article, its hidden popup contents and its bibliography section are.
 * @param {{moduleUrl?: string}} [options]  where the engine's JS glue is (default
 *   `../pkg-bib/cite_reader_bib.js` next to this file).
 * @returns {Promise<{formatted: boolean, style?: string, warnings: string[]}>} `formatted: false`
 *   when there was nothing to format. Rejects when the engine cannot be loaded or the style is
 *   unknown; the raw entries then stay.
 */
export async function upgradeBibliography(root, options = {}) {
  const section = root.querySelector('[data-bibliography-request]');
  if (!section) return { formatted: false, warnings: [] };
  const requestText = section.getAttribute('data-bibliography-request');
  const request = JSON.parse(requestText);
  const engine = await loadEngine(options.moduleUrl ?? DEFAULT_MODULE);
  const response = JSON.parse(engine.formatBibliography(requestText));
  const clusters = new Map(request.clusters.map((c) => [c.citation, c]));

  for (const formatted of response.citations) {
    const cluster = clusters.get(formatted.citation);
    if (!cluster || !formatted.text) continue;
    const unknown = cluster.items.filter((i) => !i.found).map((i) => `?${i.key}`);
    const withUnknown = unknown.length ? `${formatted.text} ${unknown.join('; ')}` : formatted.text;
    for (const popup of byAttr(root, 'data-popup-for', formatted.citation)) {
      const label = popup.querySelector('[data-reference-citation]');
      if (label) label.textContent = withUnknown;
    }
    // Author-date citations and bracketed numeric ones are replaced; note markers (¹) and in-text
    // numeric citations ("Doe [1]") already read as the style's.
    const replace =
      response.class === 'author-date' || (response.class === 'numeric' && !cluster.in_text);
    if (replace) {
      for (const marker of byAttr(root, 'data-citation', formatted.citation)) {
        marker.textContent = withUnknown;
      }
    }
  }

  const list = section.querySelector('ol');
  for (const entry of response.bibliography) {
    for (const el of byAttr(root, 'data-reference-entry', entry.key)) {
      setLinkedText(el.querySelector('.cr-entry-text') ?? el, entry.text);
    }
    for (const li of byAttr(section, 'data-reference', entry.key)) {
      setLinkedText(li, entry.text);
      // The style's order: append in turn (ids stay, so popup links still find them).
      if (list && li.parentNode === list) list.append(li);
    }
  }
  section.removeAttribute('data-bibliography-request');
  section.setAttribute('data-bibliography-formatted', response.class);
  return { formatted: true, style: request.style, warnings: response.warnings };
}
