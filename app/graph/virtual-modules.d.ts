declare module 'virtual:stancegraph-bundled-positions' {
  const table: import('./packed-positions.ts').PackedLayout[];
  export default table;
}

declare module 'virtual:stancegraph-first-view.css';
