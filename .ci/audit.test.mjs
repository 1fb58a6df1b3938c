import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { judge } from './audit.mjs';

const report = (counts, vulnerabilities = {}) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts, total: 0 } },
  });

const critical = report(
  { critical: 1 },
  {
    'left-pad': {
      name: 'left-pad',
      severity: 'critical',
      range: '<1.3.1',
      via: [{ title: 'Prototype pollution in left-pad', url: 'https://example.org/advisory' }],
    },
  },
);

describe('judging npm audit output', () => {
  it('passes a clean report and names the minor findings', () => {
    expect(judge(report({ low: 2, moderate: 1 }))).toEqual({
      verdict: 'pass',
      message: 'npm audit: no high or critical vulnerabilities in production dependencies (2 low, 1 moderate).',
    });
  });

  it('fails on a critical finding and names the package and advisory', () => {
    const result = judge(critical);
    expect(result.verdict).toBe('fail');
    expect(result.message).toContain('1 high or critical vulnerability');
    expect(result.message).toContain('critical: left-pad <1.3.1 (Prototype pollution in left-pad)');
  });

  it('fails on a high finding even when it comes only through another package', () => {
    const result = judge(report({ high: 2 }, { a: { severity: 'high', via: ['b'] }, b: { severity: 'high', via: [{ title: 'ReDoS in b' }] } }));
    expect(result.verdict).toBe('fail');
    expect(result.message).toContain('2 high or critical vulnerabilities');
    expect(result.message).toContain('high: a\n');
    expect(result.message).toContain('high: b (ReDoS in b)');
  });

  it('cannot judge when the registry has no audit endpoint, and says why', () => {
    const stdout = JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk', statusCode: 405 });
    const stderr = 'npm warn audit 405 Method Not Allowed\nnpm error audit endpoint returned an error\nnpm error A complete log of this run can be found in: /x.log\n';
    expect(judge(stdout, stderr)).toEqual({
      verdict: 'unknown',
      message:
        'npm audit could not be judged: 405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk; audit endpoint returned an error',
    });
  });

  it('cannot judge when the registry is unreachable', () => {
    const stdout = JSON.stringify({ error: { code: 'ENOTFOUND', summary: 'request to https://registry.example failed, reason: getaddrinfo ENOTFOUND', detail: '' } });
    expect(judge(stdout, '')).toEqual({
      verdict: 'unknown',
      message: 'npm audit could not be judged: request to https://registry.example failed, reason: getaddrinfo ENOTFOUND',
    });
  });

  it('cannot judge when npm prints no JSON or does not run', () => {
    expect(judge('', 'npm error code ECONNREFUSED\n')).toEqual({ verdict: 'unknown', message: 'npm audit could not be judged: code ECONNREFUSED' });
    expect(judge('', '', new Error('spawnSync npm ETIMEDOUT'))).toEqual({
      verdict: 'unknown',
      message: 'npm audit could not be judged: spawnSync npm ETIMEDOUT',
    });
  });
});

describe('the audit script', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stancegraph-audit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const script = fileURLToPath(new URL('./audit.mjs', import.meta.url));

  /** Runs the script with a stand-in `npm` first on the PATH that prints the given report. */
  const runWith = (stdout) => {
    writeFileSync(join(dir, 'report.json'), stdout);
    writeFileSync(join(dir, 'npm'), `#!/bin/sh\ncat "${join(dir, 'report.json')}"\nexit 1\n`);
    chmodSync(join(dir, 'npm'), 0o755);
    return spawnSync(process.execPath, [script], { encoding: 'utf8', env: { ...process.env, PATH: `${dir}:${process.env.PATH}` } });
  };

  it('exits 1 on a critical finding', () => {
    const run = runWith(critical);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('[audit] npm audit: 1 high or critical vulnerability');
  });

  it('exits 0 with a message when the audit cannot be judged', () => {
    const run = runWith('not json');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('[audit] npm audit could not be judged: npm audit gave no report');
  });
});
