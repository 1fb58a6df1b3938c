// The parsers' shared factories, so one module serves the browser (its DOMParser) and tests (xmldom).
declare module 'graphology-gexf/common/parser.js' {
  import type { GraphConstructor, default as Graph } from 'graphology-types';
  type Parse = (graph: GraphConstructor, source: string | Document, options?: Record<string, unknown>) => Graph;
  const createParserFunction: (domParser: unknown, document: unknown) => Parse;
  export default createParserFunction;
}
declare module 'graphology-graphml/common/parser.js' {
  import type { GraphConstructor, default as Graph } from 'graphology-types';
  type Parse = (graph: GraphConstructor, source: string | Document, options?: Record<string, unknown>) => Graph;
  const createParserFunction: (domParser: unknown, document: unknown) => Parse;
  export default createParserFunction;
}
