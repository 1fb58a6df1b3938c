import { readFileSync, writeFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { drawn, expect, openApp, test, watchErrors } from './support.ts';

async function exportAs(page: Page, item: string): Promise<Buffer> {
  await page.getByRole('button', { name: 'Export' }).click();
  const menuItem = page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: item });
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), menuItem.click()]);
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toHaveText(`Exported ${download.suggestedFilename()}`);
  return readFileSync((await download.path())!);
}

/** Mean absolute grey difference (0–1) of the two graph regions at 48×48, and of the PNG against plain white. */
const compareInBrowser = async (page: Page, svg: string, png: Buffer): Promise<{ difference: number; blank: number }> =>
  page.evaluate(
    async ({ svgText, pngBase64 }) => {
      const load = (src: string) =>
        new Promise<HTMLImageElement>((resolve, reject) => {
          const img = new Image();
          img.onload = () => resolve(img);
          img.onerror = () => reject(new Error('image did not load'));
          img.src = src;
        });
      const svgImg = await load(`data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(svgText)))}`);
      const pngImg = await load(`data:image/png;base64,${pngBase64}`);
      const root = new DOMParser().parseFromString(svgText, 'image/svg+xml').documentElement;
      const margin = Number(root.getAttribute('data-margin'));
      const graphHeight = Number(root.getAttribute('data-graph-height'));
      // The PNG's legend strip (see graph-export.ts): pad 14, rows of 26, footer 28, at 1×.
      const perRow = Math.min(4, Math.max(1, Math.floor((pngImg.width - 28 + 12) / 156)));
      const pngGraphHeight = pngImg.height - (28 + Math.ceil(4 / perRow) * 26 + 28);
      const grey = (img: HTMLImageElement, sx: number, sy: number, sw: number, sh: number) => {
        const canvas = document.createElement('canvas');
        canvas.width = 48;
        canvas.height = 48;
        const ctx = canvas.getContext('2d')!;
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, 48, 48);
        ctx.drawImage(img, sx, sy, sw, sh, 0, 0, 48, 48);
        const data = ctx.getImageData(0, 0, 48, 48).data;
        return Array.from({ length: 48 * 48 }, (_, i) => (data[i * 4]! + data[i * 4 + 1]! + data[i * 4 + 2]!) / 765);
      };
      const a = grey(svgImg, margin, margin, svgImg.width - 2 * margin, graphHeight - 2 * margin);
      const b = grey(pngImg, 0, 0, pngImg.width, pngGraphHeight);
      return {
        difference: a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length,
        blank: b.reduce((sum, v) => sum + Math.abs(1 - v), 0) / b.length,
      };
    },
    { svgText: svg, pngBase64: png.toString('base64') },
  );

test('SVG (vector) export: one element per drawn actor and relation, names as text, no script, close to the PNG', async ({ page, newContext }, testInfo) => {
  const errors = watchErrors(page);
  await openApp(page);
  const graph = await drawn(page);
  const nodes = graph.nodes.filter((n) => n.visible);
  const edges = graph.edges.filter((e) => e.visible);
  const svg = (await exportAs(page, 'SVG (vector), whole graph')).toString('utf8');

  expect(svg.split('<g class="relation"').length - 1).toBe(edges.length);
  expect(svg.split('<text class="name"').length - 1).toBe(nodes.filter((n) => n.label !== '').length);
  const names = svg.split('<text class="name"').slice(1).map((t) => t.slice(t.indexOf('>') + 1, t.indexOf('</text>')));
  for (const name of ['Lee Jae Myung', 'Xi Jinping', 'Kim Jong Un', 'Donald Trump']) expect(names).toContain(name);
  for (const native of ['이재명', '习近平', '김정은']) expect(svg).toContain(`>${native}</text>`);
  expect(svg).toContain('stroke-dasharray');
  expect(svg).not.toMatch(/<script|href=|url\(|<image|<foreignObject/i);
  for (const label of ['Alliance', 'Tension', 'Agreement', 'Dialogue']) expect(svg).toContain(`>${label}</text>`);

  const png = await exportAs(page, 'PNG image (whole graph, 1×)');
  // Kept next to the PNG for people to look at.
  writeFileSync(testInfo.outputPath('whole-graph.svg'), svg);
  writeFileSync(testInfo.outputPath('whole-graph.png'), png);
  const viewer = await (await newContext()).newPage();
  const { difference, blank } = await compareInBrowser(viewer, svg, png);
  console.info(`SVG vs PNG mean grey difference at 48×48: ${difference.toFixed(3)} (PNG vs white: ${blank.toFixed(3)})`);
  // Stated threshold: under 0.05, and under half of what an empty image would differ by.
  expect(difference).toBeLessThan(0.05);
  expect(difference).toBeLessThan(blank / 2);

  const view = (await exportAs(page, 'SVG (vector), view')).toString('utf8');
  expect(view).toMatch(/^<\?xml/);
  expect(view.split('<g class="relation"').length - 1).toBeLessThanOrEqual(edges.length);
  expect(errors).toEqual([]);
});
