// The size floor for `npm run bench`: the libraries the first view cannot do without — React,
// React DOM and Cytoscape — and nothing else. Rendering one element and drawing one node keeps
// the bundler from dropping any of them.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import cytoscape from 'cytoscape';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(createElement('p', null, 'floor'));
  cytoscape({ container: root, elements: [{ data: { id: 'n' } }] });
}
