import { readFileSync } from 'node:fs';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/** The bundled dataset a plain link opens: the catalog's first entry, as `pickEntry` chooses. */
export function defaultDataset(publicDir = 'public'): { id: string; title: string; description: string } {
  const catalog = JSON.parse(readFileSync(`${publicDir}/data/index.json`, 'utf8')) as { datasets: { id: string; file: string }[] };
  const entry = catalog.datasets[0];
  if (!entry) throw new Error('public/data/index.json lists no dataset');
  const dataset = JSON.parse(readFileSync(`${publicDir}/data/${entry.file}`, 'utf8')) as { title: string; description: string };
  return { id: entry.id, title: dataset.title, description: dataset.description };
}

/** The picture a shared link shows; made by `npm run og-image` (see e2e/tools/og-image.mjs). */
export const ogImage = { file: 'og-image.png', width: 1200, height: 630 };

/**
 * Link-preview tags for the default story. Open Graph asks for absolute URLs, but a relative build
 * cannot know its host: set SITE_URL (e.g. https://news.example/stancegraph/) when building for a
 * known address; without it the image URL is relative, which most crawlers resolve against the page.
 */
export function linkPreviewPlugin(siteUrl = process.env.SITE_URL ?? ''): Plugin {
  return {
    name: 'stancegraph-link-preview',
    apply: 'build',
    transformIndexHtml: () => {
      const story = defaultDataset();
      const base = siteUrl && !siteUrl.endsWith('/') ? `${siteUrl}/` : siteUrl;
      const title = `Stancegraph: ${story.title}`;
      const meta = (key: 'property' | 'name', name: string, content: string): HtmlTagDescriptor => ({
        tag: 'meta',
        attrs: { [key]: name, content },
        injectTo: 'head',
      });
      return [
        meta('property', 'og:type', 'website'),
        meta('property', 'og:site_name', 'Stancegraph'),
        meta('property', 'og:title', title),
        meta('property', 'og:description', story.description),
        ...(base ? [meta('property', 'og:url', base)] : []),
        meta('property', 'og:image', `${base || './'}${ogImage.file}`),
        meta('property', 'og:image:width', String(ogImage.width)),
        meta('property', 'og:image:height', String(ogImage.height)),
        meta('property', 'og:image:alt', `The relationship graph of “${story.title}”`),
        meta('name', 'twitter:card', 'summary_large_image'),
        meta('name', 'twitter:title', title),
        meta('name', 'twitter:description', story.description),
      ];
    },
  };
}
