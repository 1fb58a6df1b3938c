// Ad-hoc runner: node e2e/stress/run-cli.mjs <baseURL> [case-substring] [key=value size overrides]
import { chromium } from '@playwright/test';
import { stressCases } from './cases.mjs';
import { stressSizes } from './generators.mjs';
import { watchLongTasks } from './measure.mjs';

const [baseURL, only = '', ...overrides] = process.argv.slice(2);
const size = { ...stressSizes.full };
for (const o of overrides) {
  const [k, v] = o.split('=');
  size[k] = Number(v);
}
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const c of stressCases.filter((c) => c.name.includes(only))) {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await watchLongTasks(page);
  const started = Date.now();
  try {
    const r = await c.run(page, size, Number(process.env.STRESS_TIMEOUT || 120_000));
    console.log(JSON.stringify({ case: c.name, ...r, wallMs: Date.now() - started, errors }));
  } catch (e) {
    console.log(JSON.stringify({ case: c.name, error: String(e).slice(0, 300), wallMs: Date.now() - started, errors }));
  }
  await context.close();
}
await browser.close();
