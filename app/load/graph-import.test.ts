import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importGraph, looksLikeCytoscape, type GraphFormat, type ImportResult } from './graph-import.ts';

const fixture = (name: string) => readFileSync(new URL(`../../e2e/fixtures/${name}`, import.meta.url), 'utf8');
const run = (format: GraphFormat, name: string, text: string): ImportResult => importGraph(format, { name, text }, '2026-03-14');
const ok = (result: ImportResult) => {
  if (!result.ok) throw new Error(`${result.reason}\n${result.problems.join('\n')}`);
  return result;
};

describe('GEXF import', () => {
  it('maps labels, relation types, weights, direction and positions; no evidence is invented', () => {
    const { dataset, notices } = ok(run('gexf', 'harbour-vote.gexf', fixture('harbour-vote.gexf')));
    expect(dataset.actors.map((a) => [a.id, a.name, a.kind])).toEqual([
      ['ada', 'Ada Quist', 'person'],
      ['council', 'Port Ellery council', 'organisation'],
      ['shops', 'Harbour Street shop owners', 'person'],
      ['union', "Tram drivers' union", 'person'],
    ]);
    expect(dataset.actors[0]?.position).toEqual({ x: 10.5, y: -20 });
    expect(dataset.relations.map((r) => [r.source, r.target, r.type, r.directed, r.weight])).toEqual([
      ['ada', 'council', 'alliance', false, 3],
      ['shops', 'ada', 'tension', true, 2],
      ['union', 'council', 'dialogue', false, 1],
    ]);
    expect(dataset.relations[1]?.label).toBe('oppose');
    expect(dataset.relations.every((r) => r.evidence.length === 0)).toBe(true);
    expect(notices).toEqual([expect.stringMatching(/^1 relation in harbour-vote\.gexf named no relation type .* given the type Dialogue\.$/)]);
  });

  it('names the file and line of malformed XML', () => {
    const broken = fixture('harbour-vote.gexf').replace('<node id="council" label="Port Ellery council">', '<node id="council" label="Port>');
    const result = run('gexf', 'broken.gexf', broken);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^broken\.gexf is not well-formed XML: line \d+/);
  });

  it('refuses entity declarations before parsing', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE gexf [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><gexf><graph><nodes><node id="x" label="&b;"/></nodes></graph></gexf>`;
    expect(run('gexf', 'bomb.gexf', bomb)).toMatchObject({ ok: false, reason: expect.stringContaining('declares XML entities') });
  });

  it('names the edge whose end is missing', () => {
    const result = run('gexf', 'g.gexf', fixture('harbour-vote.gexf').replace('source="union"', 'source="nobody"'));
    expect(result.ok).toBe(false);
    expect(!result.ok && [result.reason, ...result.problems].join('\n')).toMatch(/g\.gexf.*nobody/);
  });

  it('refuses a file that is not GEXF, saying what it is', () => {
    expect(run('gexf', 'x.gexf', '<svg></svg>')).toMatchObject({ ok: false, reason: 'x.gexf: this is not a GEXF file; its top element is <svg>, not <gexf>.' });
  });
});

describe('GraphML import', () => {
  it('maps keys by attr.name, default type with a count, weights and edgedefault direction', () => {
    const { dataset, notices } = ok(run('graphml', 'harbour-vote.graphml', fixture('harbour-vote.graphml')));
    expect(dataset.actors.map((a) => a.name)).toEqual(['Ada Quist', 'Port Ellery council', 'Harbour Street shop owners', "Tram drivers' union", 'Ellery Courier']);
    expect(dataset.relations.map((r) => [r.id, r.type, r.directed, r.weight ?? null])).toEqual([
      ['e0', 'agreement', true, 4],
      ['e1', 'tension', true, 2.5],
      ['e2', 'dialogue', true, null],
      ['e3', 'dialogue', true, 1],
    ]);
    expect(notices[0]).toMatch(/^2 relations in harbour-vote\.graphml named no relation type/);
  });

  it('names the element without an id', () => {
    const result = run('graphml', 'g.graphml', fixture('harbour-vote.graphml').replace('<node id="n4">', '<node>'));
    expect(result).toMatchObject({ ok: false, reason: 'g.graphml: <node> number 5 has no id attribute.' });
  });
});

describe('Cytoscape JSON import', () => {
  it('reads .cyjs: name, interaction, weight, data.directed and positions', () => {
    const { dataset, notices } = ok(run('cyjs', 'harbour-vote.cyjs', fixture('harbour-vote.cyjs')));
    expect(dataset.actors.map((a) => [a.id, a.name, a.position])).toEqual([
      ['101', 'Ada Quist', { x: 0, y: 0 }],
      ['102', 'Port Ellery council', { x: 150, y: 20 }],
      ['103', 'Harbour Street shop owners', { x: -120, y: 80 }],
    ]);
    expect(dataset.relations.map((r) => [r.type, r.directed, r.weight ?? null])).toEqual([
      ['dialogue', true, 2],
      ['dialogue', false, null],
    ]);
    expect(notices).toHaveLength(1);
  });

  it('reads cy.json() output with elements as one array', () => {
    const text = JSON.stringify({
      elements: [
        { group: 'nodes', data: { id: 'a', label: 'A' } },
        { group: 'nodes', data: { id: 'b b', name: 'B' } },
        { group: 'edges', data: { id: 'ab', source: 'a', target: 'b b', type: 'Tension' } },
      ],
    });
    expect(looksLikeCytoscape(text)).toBe(true);
    const { dataset, notices } = ok(run('cyjs', 'graph.json', text));
    expect(dataset.actors.map((a) => a.id)).toEqual(['a', 'b-b']);
    expect(dataset.relations[0]).toMatchObject({ source: 'a', target: 'b-b', type: 'tension' });
    expect(notices).toEqual([]);
  });

  it('names the element that lacks an end', () => {
    const text = JSON.stringify({ elements: { nodes: [{ data: { id: 'a' } }], edges: [{ data: { id: 'e', source: 'a' } }] } });
    expect(run('cyjs', 'c.cyjs', text)).toMatchObject({ ok: false, problems: ['c.cyjs, elements.edges[0]: an edge needs data.source and data.target'] });
  });

  it('never throws on arbitrary input', () => {
    for (const text of ['', 'null', '[]', '{"elements": 3}', '{"elements": {"nodes": [null, 1, "x"]}}', '<gexf'])
      for (const format of ['gexf', 'graphml', 'cyjs'] as const) expect(run(format, 'f', text).ok).toBe(false);
  });
});
