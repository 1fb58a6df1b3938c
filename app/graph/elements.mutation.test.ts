import { readFileSync } from 'node:fs';
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../data/dataset-index.ts';
import { mutants, mutationRuns } from '../test-support/dataset-mutations.ts';
import { validateDataset } from '../data/validate.ts';
import { toElements } from './elements.ts';

const read = (file: string) => readFileSync(new URL(`../../public/data/${file}`, import.meta.url), 'utf8');

// The same mutants the validator test judges (data/validate.mutation.test.ts): every one it must
// accept has to reach the canvas whole, with no actor, relation or membership dropped on the way.
for (const run of mutationRuns) {
  describe(`accepted mutations of ${run.file} in Cytoscape`, () => {
    const text = read(run.file);
    const base = validateDataset(JSON.parse(text));
    if (!base.ok) throw new Error(`${run.file} itself is invalid`);
    const accepted = mutants(base.dataset, text, run.count, run.seed).filter((m) => m.valid);

    it('has accepted mutants of several kinds to load', () => {
      expect(accepted.length).toBeGreaterThan(run.count / 10);
      expect(new Set(accepted.map((m) => m.kind)).size).toBeGreaterThanOrEqual(3);
    });

    it('loads every accepted mutant with as many nodes, edges and parents as were validated', () => {
      const failures: string[] = [];
      for (const m of accepted) {
        const result = validateDataset(m.data);
        if (!result.ok) {
          failures.push(`${m.note}: rejected`);
          continue;
        }
        const { dataset } = result;
        let cy: cytoscape.Core;
        try {
          // Cytoscape throws on an edge to a missing node, but quietly ignores a missing parent.
          cy = cytoscape({ headless: true, styleEnabled: false, elements: toElements(buildIndex(dataset)) });
        } catch (error) {
          failures.push(`${m.note}: Cytoscape refused the elements: ${String(error)}`);
          continue;
        }
        const drawnParents = cy.nodes().filter((n) => n.parent().nonempty()).length;
        const parents = dataset.actors.filter((a) => a.parent !== undefined).length;
        const wrongParent = dataset.actors.find((a) => cy.getElementById(a.id).parent().map((p) => p.id())[0] !== a.parent);
        const wrongEnds = dataset.relations.filter((r) => {
          const edge = cy.getElementById(r.id);
          return edge.empty() || edge.source().id() !== r.source || edge.target().id() !== r.target;
        });
        const got = `${cy.nodes().length} nodes, ${cy.edges().length} edges, ${drawnParents} in a parent`;
        const want = `${dataset.actors.length} nodes, ${dataset.relations.length} edges, ${parents} in a parent`;
        if (got !== want) failures.push(`${m.note}: drew ${got}, validated ${want}`);
        else if (wrongParent) failures.push(`${m.note}: ${wrongParent.id} drawn in the wrong parent`);
        else if (wrongEnds.length > 0) failures.push(`${m.note}: ${wrongEnds[0]!.id} joins the wrong actors`);
        cy.destroy();
      }
      expect(failures.slice(0, 5)).toEqual([]);
    });
  });
}
