import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { linkPreviewPlugin } from './app/test-support/build/link-preview.ts';
import { bundledPositionsPlugin } from './app/test-support/build/bundled-positions.ts';
import { firstViewPlugin } from './app/test-support/build/first-view.ts';

/**
 * The one statement of the page's Content-Security-Policy. Everything is refused unless named:
 * the bundle, its stylesheet, the catalog and datasets are same-origin; images may also be data:
 * URLs (the native-name SVGs in the graph stylesheet) or blob: URLs (images the page makes
 * itself); the layout worker is a same-origin module. No inline script or style, no eval, no
 * plugins, no <base>, no form submissions. `frame-ancestors` is deliberately absent: embedding
 * in an <iframe> is a feature.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "object-src 'none'",
  "form-action 'none'",
].join('; ');

// The built page carries the policy itself, so it holds on any static host. Only in builds,
// because the dev server injects inline scripts and styles for hot reload.
const cspPlugin: Plugin = {
  name: 'stancegraph-csp',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy }, injectTo: 'head-prepend' },
  ],
};

export default defineConfig({
  // Relative: the build works from any path (a subpath such as /stancegraph/, a CMS folder), not only a host's root.
  base: './',
  plugins: [react(), cspPlugin, linkPreviewPlugin(), bundledPositionsPlugin(), ...firstViewPlugin()],
  server: { port: 5173 },
  // `vite preview` serves the build as a host should: the same policy as a header as well, which
  // also covers the worker script (a <meta> policy only reaches the document).
  preview: { port: 4173, strictPort: true, headers: { 'Content-Security-Policy': contentSecurityPolicy } },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['app/**/*.test.{ts,tsx}', '.ci/*.test.mjs', 'e2e/bench/*.test.mjs'],
    environment: 'node',
    // Property tests run thousands of cases; a busy 2-core CI machine needs headroom.
    testTimeout: 30_000,
  },
});
