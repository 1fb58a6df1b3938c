import { expect, test } from './support.ts';

test('a shared link has a preview card: Open Graph and Twitter tags naming a 1200×630 PNG of the story', async ({ page, request }) => {
  await page.goto('/');
  const meta = (selector: string) => page.locator(`meta[${selector}]`).getAttribute('content');
  expect(await meta('property="og:title"')).toContain('Gyeongju');
  expect((await meta('property="og:description"'))!.length).toBeGreaterThan(40);
  expect(await meta('name="twitter:card"')).toBe('summary_large_image');
  const image = new URL((await meta('property="og:image"'))!, page.url());
  const response = await request.get(image.href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('image/png');
  const png = await response.body();
  // A PNG's IHDR chunk holds its width and height at bytes 16–23.
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  expect(await meta('property="og:image:width"')).toBe('1200');
});

test('robots.txt is a real robots file, not the app', async ({ request }) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/plain');
  const text = await response.text();
  expect(text).toMatch(/^User-agent: \*$/m);
  expect(text).not.toContain('<html');
});
