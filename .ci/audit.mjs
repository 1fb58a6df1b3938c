#!/usr/bin/env node
// Fails when a production dependency has a known high or critical vulnerability.
// Run by `npm test` (npm run audit). When the registry cannot answer an audit (offline, or a
// mirror without the audit endpoint) it says so plainly and does not fail: no answer is not a
// finding, and a build must not depend on a third-party service being up.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const failing = ['high', 'critical'];

/** Why the registry gave no verdict, in one line, from npm's JSON error and its stderr. */
function reasonOf(report, stderr) {
  const fromJson = report?.error?.summary || report?.error?.code || report?.message;
  const npmErrors = stderr
    .split('\n')
    .filter((l) => /^npm (error|ERR!)/.test(l))
    .map((l) => l.replace(/^npm (error|ERR!)\s*/, '').trim())
    .filter((l) => l && !l.startsWith('A complete log of this run'));
  const reasons = [...new Set([fromJson, ...npmErrors].filter(Boolean).map((r) => String(r).split('\n')[0]))];
  return reasons.join('; ') || 'npm audit gave no report';
}

/**
 * Reads what `npm audit --json` printed.
 * @returns {{ verdict: 'pass' | 'fail' | 'unknown', message: string }}
 */
export function judge(stdout, stderr = '', spawnError = null) {
  if (spawnError) return { verdict: 'unknown', message: `npm audit could not be judged: ${spawnError.message}` };
  let report = null;
  try {
    report = JSON.parse(stdout);
  } catch {
    // Not JSON: npm failed before it could report; the reason is on stderr.
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts || typeof counts !== 'object')
    return { verdict: 'unknown', message: `npm audit could not be judged: ${reasonOf(report, stderr)}` };

  const serious = Object.entries(report.vulnerabilities ?? {})
    .filter(([, v]) => failing.includes(v.severity))
    .map(([name, v]) => {
      const advisories = (v.via ?? []).filter((via) => typeof via === 'object').map((via) => via.title ?? via.url);
      return `  ${v.severity}: ${name}${v.range ? ` ${v.range}` : ''}${advisories.length ? ` (${advisories.join('; ')})` : ''}`;
    });
  const total = failing.reduce((n, level) => n + (Number(counts[level]) || 0), 0);
  if (total > 0 || serious.length > 0)
    return {
      verdict: 'fail',
      message: [
        `npm audit: ${total || serious.length} high or critical vulnerabilit${(total || serious.length) === 1 ? 'y' : 'ies'} in production dependencies:`,
        ...serious,
        'Update the dependency (npm audit fix --omit=dev) or replace it.',
      ].join('\n'),
    };
  const minor = ['low', 'moderate'].map((level) => `${Number(counts[level]) || 0} ${level}`).join(', ');
  return { verdict: 'pass', message: `npm audit: no high or critical vulnerabilities in production dependencies (${minor}).` };
}

function main() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['audit', '--omit=dev', '--audit-level=high', '--json'], {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const { verdict, message } = judge(run.stdout ?? '', run.stderr ?? '', run.error ?? null);
  (verdict === 'fail' ? console.error : console.log)(`[audit] ${message}`);
  process.exit(verdict === 'fail' ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
