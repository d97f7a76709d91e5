// A bundled page: the custom element and the plain `mount` API, both through Vite.
import '../../../www/cite-reader.js';
import init, { mount } from '../../../pkg/cite_reader.js';
import '../../../www/reader.css'; // the page's own copy, for the reader mounted without the element

await init();
window.reader = mount(
  document.getElementById('mounted'),
  'A second article, mounted by hand.[^m]\n\n[^m]: Wired by mount() in a Vite bundle.\n',
  { format: 'markdown' },
);
document.documentElement.dataset.mounted = '';
