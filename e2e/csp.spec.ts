import { readdirSync } from 'node:fs';
import { expect, expectNoCspViolations, openApp, test } from './support.ts';

const required = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "font-src 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "form-action 'none'",
];

const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values.join(' ')]),
  );

test('the page is served with one strict policy, as a header and as a meta tag', async ({ page }) => {
  const response = await page.goto('/');
  const header = response!.headers()['content-security-policy'];
  expect(header, 'Content-Security-Policy header').toBeTruthy();
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toBe(header);

  const policy = directives(header!);
  for (const directive of required) {
    const [name, ...values] = directive.split(' ');
    expect(policy.get(name!), name).toBe(values.join(' '));
  }
  expect(header).not.toContain('unsafe-inline');
  expect(header).not.toContain('unsafe-eval');
  // Embedding in an <iframe> is a feature, so framing must stay allowed.
  expect(policy.has('frame-ancestors')).toBe(false);
});

test('the worker script and the datasets are served under the same policy', async ({ request }) => {
  // A worker is governed by the policy its own script arrives with, not by the page's meta tag.
  const worker = readdirSync(new URL('../dist-e2e/assets/', import.meta.url)).find((f) => /^layout-worker-.*\.js$/.test(f));
  expect(worker, 'the built layout worker').toBeDefined();
  for (const path of [`/assets/${worker}`, '/data/index.json', '/data/gyeongju-2025.json']) {
    const response = await request.get(path);
    expect(response.ok(), path).toBe(true);
    expect(response.headers()['content-security-policy'], path).toContain("default-src 'none'");
  }
});

test('the violation detector records an injected inline script exactly once, and it never runs', async ({ page, csp }) => {
  await openApp(page);
  expect((await csp.take()).violations, 'a clean start').toEqual([]);

  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injectedScriptRan = true;';
    document.head.append(script);
  });
  await expect.poll(() => csp.violations().length).toBeGreaterThan(0);
  // Give a second (wrong) report time to arrive before counting.
  await page.waitForTimeout(300);

  const { violations, console } = await csp.take();
  expect(violations).toHaveLength(1);
  expect(violations[0]).toMatchObject({ directive: 'script-src-elem', blocked: 'inline', disposition: 'enforce' });
  // The header and the meta tag both enforce the policy, and each reports the blocked script.
  expect(violations[0]!.policies).toBe(2);
  expect(console.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { injectedScriptRan?: boolean }).injectedScriptRan)).toBeUndefined();
  // What was taken no longer counts against this test, so the suite's own check passes after it.
});

test('eval and new Function are refused to the page\'s own scripts', async ({ page, csp }) => {
  // Code typed into page.evaluate runs with the debugger's rights, which a policy does not bind;
  // a same-origin script (served here by the test) runs with the page's.
  await page.route('**/csp-probe.js', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: [
        'const attempt = (f) => { try { return String(f()); } catch (e) { return e.name; } };',
        "window.cspProbe = { eval: attempt(() => (0, eval)('1 + 1')), function: attempt(() => new Function('return 1 + 1')()) };",
      ].join('\n'),
    }),
  );
  await openApp(page);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.src = '/csp-probe.js';
    document.head.append(script);
  });
  await expect.poll(() => page.evaluate(() => (window as unknown as { cspProbe?: object }).cspProbe)).toEqual({
    eval: 'EvalError',
    function: 'EvalError',
  });
  await expect.poll(() => csp.violations().length).toBe(2);
  const { violations } = await csp.take();
  expect(violations.map((v) => [v.directive, v.blocked])).toEqual([
    ['script-src', 'eval'],
    ['script-src', 'eval'],
  ]);
});

// The suite's own check: the after-test assertion fails on a violation nobody took. Called here
// directly, so the proof is an ordinary passing test rather than one expected to fail.
test('the after-test check fails on a violation that no test dealt with', async ({ page, csp }) => {
  await openApp(page);
  await expectNoCspViolations(csp);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'void 0;';
    document.head.append(script);
  });
  await expect.poll(() => csp.violations().length).toBe(1);
  const failure = await expectNoCspViolations(csp).then(
    () => null,
    (error: unknown) => String(error),
  );
  expect(failure).toContain('Content-Security-Policy violations');
  // Taken, so this test's own after-test check passes.
  await csp.take();
});
