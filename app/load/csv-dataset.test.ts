import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, validateDataset } from '../data/validate.ts';
import { csvToDataset, type CsvFile, type CsvResult } from './csv-dataset.ts';
import { maxActors, maxRelations } from '../data/format-limits.ts';

const fixture = (name: string): CsvFile => ({
  name,
  text: readFileSync(new URL(`../../e2e/fixtures/${name}`, import.meta.url), 'utf8'),
});
const today = '2025-06-01';
const actorsHeader = 'id,name,kind,parent';
const actors = `${actorsHeader}\nsouth,South,state,\nkim,Kim,person,south\nlee,Lee,person,south\n`;
const convert = (actorsText: string, relationsText: string) =>
  csvToDataset(
    [
      { name: 'actors.csv', text: actorsText },
      { name: 'relations.csv', text: relationsText },
    ],
    today,
  );
const problemsOf = (r: CsvResult) => (r.ok ? [] : r.problems);

function expectOk(r: CsvResult) {
  if (!r.ok) throw new Error(`${r.reason}\n${r.problems.join('\n')}`);
  return r.dataset;
}

describe('csvToDataset', () => {
  it('reads label and weight columns, and names the line of a bad one', () => {
    const d = expectOk(convert(actors, 'source,target,type,label,weight\nkim,lee,tension,Trade dispute,3\nlee,kim,dialogue,,\n'));
    expect(d.relations[0]).toMatchObject({ label: 'Trade dispute', weight: 3 });
    expect(d.relations[1]).not.toHaveProperty('label');
    expect(d.relations[1]).not.toHaveProperty('weight');
    const bad = convert(actors, `source,target,type,label,weight\nkim,lee,tension,${'x'.repeat(41)},0\n`);
    expect(problemsOf(bad).join('\n')).toMatch(/line 2.*label[\s\S]*line 2.*weight/);
  });

  it('converts the valid fixture pair (in either order) into a dataset that validates', () => {
    const a = fixture('valid-actors.csv');
    const r = fixture('valid-relations.csv');
    const d = expectOk(csvToDataset([a, r], today));
    const v = validateDataset(d);
    expect(v.ok ? [] : v.problems.map(formatProblem)).toEqual([]);
    expect(expectOk(csvToDataset([r, a], today))).toEqual(d);

    expect(d.date).toBe(today);
    expect(d.description).toBe('Imported from CSV');
    expect(d.id).toMatch(/^csv-[0-9a-f]{8}$/);
    expect(d.title).toBe('valid-actors.csv and valid-relations.csv');
    expect(d.actors).toHaveLength(6);
    expect(d.actors.find((x) => x.id === 'education-ministry')).toEqual({
      id: 'education-ministry',
      name: 'Ministry of Education',
      kind: 'organisation',
      aliases: ['MoE', 'the ministry'],
      role: 'Runs the state school system',
      parent: 'valdoria',
    });
    expect(d.actors.find((x) => x.id === 'jon-arvid')?.nativeName).toBe('Jón Arvíð');
    expect(d.actors.find((x) => x.id === 'jon-arvid')?.role).toBe('Mayor of Kell, a highland village');

    expect(d.relations.map((x) => x.id)).toEqual(['r1', 'r2', 'r3', 'guild-talks', 'r4']);
    const [r1, r2, r3] = d.relations;
    expect(r1?.summary).toBe('Petra Lind – alliance – Ministry of Education');
    expect(r1?.directed).toBe(false);
    expect(r2?.directed).toBe(true);
    expect(r2?.topics).toEqual(['school-closures', 'bus-routes']);
    expect(d.topics.map((t) => [t.id, t.label])).toEqual([
      ['school-closures', 'School closures'],
      ['bus-routes', 'Bus routes'],
      ['staffing', 'Staffing'],
    ]);
    // Every quote sits in the paragraph it cites; the quote-less relation has no evidence, not an invented one.
    for (const rel of d.relations)
      for (const e of rel.evidence) expect(d.source.paragraphs[e.paragraph - 1], rel.id).toContain(e.quote);
    expect(r3?.evidence).toEqual([]);
    expect(d.source.paragraphs).toHaveLength(3);
    expect(d.source.paragraphs.join('\n')).not.toContain('Imported from');
  });

  it('without quotes or topics, builds a one-paragraph source and the "general" topic', () => {
    const d = expectOk(convert(actors, 'source,target,type\nkim,lee,dialogue\n\nlee,south,tension\n'));
    expect(d.source.paragraphs).toEqual(['Imported from actors.csv and relations.csv.']);
    expect(d.topics).toEqual([{ id: 'general', label: 'General', description: '' }]);
    expect(d.relations.every((r) => r.topics[0] === 'general' && r.evidence.length === 0)).toBe(true);
    expect(d.relations[0]?.summary).toBe('Kim – dialogue – Lee');
  });

  it('numbers generated relation ids around ids already taken', () => {
    const d = expectOk(convert('id,name,kind\nr1,R One,person\nr2,R Two,person\n', 'id,source,target,type\n,r1,r2,dialogue\nr3,r2,r1,tension\n,r1,r2,alliance\n'));
    expect(d.relations.map((r) => r.id)).toEqual(['r4', 'r3', 'r5']);
  });

  it('accepts header names in any case, CRLF, a BOM, semicolons and trailing commas', () => {
    const d = expectOk(
      convert('\uFEFFID;Name;Kind\r\nkim;Kim;Person\r\nlee;Lee;organization\r\n', 'Source,Target,Type,Directed,\r\nkim,lee,Alliance,YES,\r\n'),
    );
    expect(d.actors.map((a) => a.kind)).toEqual(['person', 'organisation']);
    expect(d.relations[0]).toMatchObject({ type: 'alliance', directed: true });
  });

  it('reports a missing required column on line 1', () => {
    const r = csvToDataset([fixture('valid-actors.csv'), fixture('broken-missing-column-relations.csv')], today);
    expect(r.ok).toBe(false);
    expect(problemsOf(r)).toEqual(['broken-missing-column-relations.csv line 1: missing column "target"']);
    expect(r.ok ? '' : r.reason).toBe('The CSV files have 1 problem; nothing was loaded.');
  });

  it('reports an unknown kind with its line and column', () => {
    const r = convert('id,name,kind\na,A,person\nb,B,person\n\nc,C,robot\n', 'source,target,type\na,b,alliance\n');
    expect(problemsOf(r)).toEqual(['actors.csv line 5, column "kind": "robot" is not one of person, state, organisation, group']);
  });

  it('reports empty required cells, bad types, directions and paragraph numbers', () => {
    const r = convert(actors, 'source,target,type,directed,evidence_quote,evidence_paragraph\nkim,,friend,maybe,x,two\nkim,lee,dialogue,,,3\n');
    expect(problemsOf(r)).toEqual([
      'relations.csv line 2, column "target": is empty',
      'relations.csv line 2, column "type": "friend" is not one of alliance, tension, agreement, dialogue',
      'relations.csv line 2, column "directed": "maybe" is not one of true, false, yes, no, 1, 0',
      'relations.csv line 2, column "evidence_paragraph": "two" is not a paragraph number from 1 to 10000',
      'relations.csv line 3, column "evidence_quote": is empty, but evidence_paragraph is 3',
    ]);
  });

  it('counts lines through quoted line breaks', () => {
    const r = convert('id,name,kind,role\na,A,person,"two\nline role"\nb,B,person,\nc,C,alien,\n', 'source,target,type\na,b,alliance\n');
    expect(problemsOf(r)).toEqual(['actors.csv line 5, column "kind": "alien" is not one of person, state, organisation, group']);
  });

  it('reports malformed rows from the CSV parser with line numbers', () => {
    const tooMany = convert('id,name,kind\na,A,person\nb,B,person,extra\n', 'source,target,type\na,b,alliance\n');
    expect(problemsOf(tooMany)).toEqual([
      'actors.csv line 3: this row has more cells than the header has columns (a "," inside a cell needs quotes)',
    ]);
    const badQuote = convert(actors, 'source,target,type,summary\nkim,lee,alliance,ok\nkim,lee,tension,"unclosed\n');
    expect(problemsOf(badQuote).some((p) => p.startsWith('relations.csv line 3: '))).toBe(true);
  });

  it('maps problems found by the dataset schema back to lines and columns', () => {
    const r = convert(actors, 'id,source,target,type,topics\nx1,kim,lee,alliance,a b\nx2,lee,kim,tension,t/bad\n');
    expect(problemsOf(r)).toEqual(['relations.csv line 3, column "topics": ids use letters, digits, "-", "_", "." or ":"']);
  });

  it('maps cross-reference problems back to lines and columns', () => {
    const r = convert(`${actors}kim,Kim again,person,\npark,Park,person,lee\n`, 'id,source,target,type\nx1,kim,nobody,alliance\nx1,lee,lee,tension\n');
    expect(problemsOf(r)).toEqual([
      'actors.csv line 5, column "id": duplicate id "kim" (first used at line 3)',
      'relations.csv line 3, column "id": duplicate id "x1" (first used at line 2)',
      'actors.csv line 6, column "parent": "lee" is a person, not a state',
      'relations.csv line 2, column "target": "nobody" is not an actor id',
      'relations.csv line 3, column "target": a relation cannot link an actor to itself',
    ]);
    expect(r.ok ? '' : r.reason).toBe('The CSV files have 5 problems; nothing was loaded.');
  });

  it('refuses a pair it cannot tell apart', () => {
    const r = csvToDataset(
      [
        { name: 'a.csv', text: 'a,b\n1,2\n' },
        { name: 'b.csv', text: 'c,d\n3,4\n' },
      ],
      today,
    );
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toMatch(/Could not tell which \.csv file holds actors/);
  });

  it('refuses more actors or relations than the limits allow, before converting rows', () => {
    const manyActors = `id,name,kind\n${'a,A,person\n'.repeat(maxActors + 1)}`;
    const r1 = convert(manyActors, 'source,target,type\n');
    expect(r1.ok ? '' : r1.reason).toBe('The dataset has 20,001 actors; the limit is 20,000.');
    const manyRelations = `source,target,type\n${'a,b,alliance\n'.repeat(maxRelations + 1)}`;
    const r2 = convert('id,name,kind\na,A,person\nb,B,person\n', manyRelations);
    expect(r2.ok ? '' : r2.reason).toBe('The dataset has 20,001 relations; the limit is 20,000.');
  });
});
