declare module 'virtual:stancegraph-bundled-positions' {
  const table: import('./bundled-positions.ts').BundledLayout[];
  export default table;
}

declare module 'virtual:stancegraph-first-view.css';
