#!/usr/bin/env node
// Two benchmark runs' paired ratios side by side, size by size, with the change of each: what
// "within 10 % of the committed results" means, computed rather than read off two tables by eye.
// `node e2e/bench/compare.mjs BEFORE.json AFTER.json` prints the table; `npm run bench` prints it
// against the results it is about to replace.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The ratios compared: every timed interaction, and the layout's time. */
const MEASURES = [
  ['load', 'Load to `graph:ready`'],
  ['toggle', 'Topic toggle to drawn'],
  ['select', 'Select node to drawn'],
  ['focus', 'Focus (depth 2) to drawn'],
  ['search', 'Keystroke to results'],
];

/**
 * One row per size present in both runs and per measure: the paired ratio before and after, and
 * the relative change (after ÷ before − 1). `worse` marks a change above the tolerance; a ratio
 * missing on either side gives a NaN change, which is neither worse nor within.
 */
export function compareRuns(before, after, tolerance = 0.1) {
  const rows = [];
  for (const size of after.sizes) {
    const old = before.sizes.find((s) => s.nodes === size.nodes && s.edges === size.edges);
    if (!old) continue;
    const label = `${size.nodes} / ${size.edges}`;
    for (const [key, measure] of MEASURES) rows.push(row(label, measure, old.metrics?.[key]?.pairedRatio, size.metrics?.[key]?.pairedRatio, tolerance));
    rows.push(row(label, 'fcose layout', old.layout?.pairedRatio, size.layout?.pairedRatio, tolerance));
  }
  return rows;
}

function row(size, measure, before, after, tolerance) {
  const known = Number.isFinite(before) && Number.isFinite(after) && before > 0;
  const change = known ? after / before - 1 : NaN;
  return { size, measure, before: known ? before : NaN, after: known ? after : NaN, change, worse: known && change > tolerance, better: known && change < -tolerance };
}

const fixed = (v, digits) => (Number.isFinite(v) ? v.toFixed(digits) : '—');
const percent = (v) => (Number.isFinite(v) ? `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v * 100).toFixed(0)} %` : '—');

/** A Markdown table of the rows, and a line counting those more than the tolerance worse. */
export function comparisonReport(rows, tolerance = 0.1, names = { before: 'Before', after: 'After' }) {
  const lines = [
    `| Size | Paired ratio | ${names.before} | ${names.after} | Change |`,
    '| --- | --- | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.size} | ${r.measure} | ${fixed(r.before, 3)} | ${fixed(r.after, 3)} | ${r.worse ? `**${percent(r.change)}**` : percent(r.change)} |`),
  ];
  const worse = rows.filter((r) => r.worse).length;
  const better = rows.filter((r) => r.better).length;
  const unknown = rows.filter((r) => !Number.isFinite(r.change)).length;
  const limit = `${(tolerance * 100).toFixed(0)} %`;
  lines.push(
    '',
    `${worse} of ${rows.length} ratios more than ${limit} worse, ${better} more than ${limit} better` + (unknown ? `, ${unknown} not measured in both runs.` : '.'),
  );
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [beforeFile, afterFile] = process.argv.slice(2);
  if (!beforeFile || !afterFile) {
    console.error('usage: node e2e/bench/compare.mjs BEFORE.json AFTER.json');
    process.exit(2);
  }
  const [before, after] = [beforeFile, afterFile].map((f) => JSON.parse(readFileSync(f, 'utf8')));
  console.log(comparisonReport(compareRuns(before, after), 0.1, { before: `${beforeFile} (${before.date})`, after: `${afterFile} (${after.date})` }));
}
