import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildIndex, noStateGroup } from '../data/dataset-index.ts';
import { relationTypes, type Actor, type Dataset, type Relation, type RelationType, type Stance } from '../data/schema.ts';
import { deriveVisible } from './visible.ts';
import { defaultViewState, focusDepths, type ViewState } from './view-state.ts';

type Filters = Pick<ViewState, 'hiddenTopics' | 'hiddenTypes' | 'hiddenGroups' | 'showUnconnected' | 'focus'> & Partial<Pick<ViewState, 'evidenceOnly'>>;

const ev = [{ paragraph: 1, quote: 'q' }];

function rel(id: string, source: string, target: string, type: RelationType, topics: string[]): Relation {
  return { id, source, target, type, directed: false, topics, summary: id, evidence: ev };
}

function stance(actor: string, topic: string): Stance {
  return { actor, topic, position: 'supports', summary: `${actor} on ${topic}`, evidence: ev };
}

function dataset(actors: Actor[], relations: Relation[], stances: Stance[], topics: string[]): Dataset {
  return {
    schemaVersion: 1,
    id: 'fixture',
    title: 'Fixture',
    description: '',
    date: '2025-01-01',
    source: { title: 'Source', paragraphs: ['p'] },
    topics: topics.map((id) => ({ id, label: id, description: '' })),
    actors,
    relations,
    stances,
  };
}

/*
 * Groups: kr = {kr, lee, wi, park}, cn = {cn, xi, wang}, us = {us, trump}, _none = {apec, lonely}.
 *
 *   r1 lee–xi     dialogue  [trade, security]
 *   r2 lee–wi     alliance  [security]
 *   r3 xi–wang    alliance  [trade]
 *   r4 kr–us      tension   [trade]      (a state's own relation)
 *   r5 xi–apec    agreement [climate]
 *   r6 trump–apec dialogue  [trade]
 *
 * Stances: park on climate (park has no relation), wang on trade. lonely has neither.
 */
const fixture = dataset(
  [
    { id: 'kr', name: 'South Korea', kind: 'state' },
    { id: 'cn', name: 'China', kind: 'state' },
    { id: 'us', name: 'United States', kind: 'state' },
    { id: 'lee', name: 'Lee', kind: 'person', parent: 'kr' },
    { id: 'wi', name: 'Wi', kind: 'person', parent: 'kr' },
    { id: 'park', name: 'Park', kind: 'person', parent: 'kr' },
    { id: 'xi', name: 'Xi', kind: 'person', parent: 'cn' },
    { id: 'wang', name: 'Wang', kind: 'person', parent: 'cn' },
    { id: 'trump', name: 'Trump', kind: 'person', parent: 'us' },
    { id: 'apec', name: 'APEC', kind: 'organisation' },
    { id: 'lonely', name: 'Lonely', kind: 'person' },
  ],
  [
    rel('r1', 'lee', 'xi', 'dialogue', ['trade', 'security']),
    rel('r2', 'lee', 'wi', 'alliance', ['security']),
    rel('r3', 'xi', 'wang', 'alliance', ['trade']),
    rel('r4', 'kr', 'us', 'tension', ['trade']),
    rel('r5', 'xi', 'apec', 'agreement', ['climate']),
    rel('r6', 'trump', 'apec', 'dialogue', ['trade']),
  ],
  [stance('park', 'climate'), stance('wang', 'trade')],
  ['trade', 'security', 'climate'],
);
const index = buildIndex(fixture);

const filters = (over: Partial<Filters> = {}): Filters => ({
  hiddenTopics: defaultViewState.hiddenTopics,
  hiddenTypes: defaultViewState.hiddenTypes,
  hiddenGroups: defaultViewState.hiddenGroups,
  showUnconnected: defaultViewState.showUnconnected,
  focus: defaultViewState.focus,
  ...over,
});

const visible = (over: Partial<Filters> = {}) => deriveVisible(index, filters(over));
const sorted = (ids: Iterable<string>) => [...ids].sort();
const relIds = (over: Partial<Filters> = {}) => visible(over).relations.map((r) => r.id);

describe('deriveVisible: relations', () => {
  it('shows every relation by default, in dataset order', () => {
    const v = visible();
    expect(v.relations.map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    expect(sorted(v.relationIds)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    expect(sorted(v.enabledTopics)).toEqual(['climate', 'security', 'trade']);
    expect(v.focusIds).toBeNull();
  });

  it('hides a relation whose type is off', () => {
    expect(relIds({ hiddenTypes: ['dialogue'] })).toEqual(['r2', 'r3', 'r4', 'r5']);
    expect(relIds({ hiddenTypes: [...relationTypes] })).toEqual([]);
  });

  it('keeps a relation while at least one of its topics is on', () => {
    expect(relIds({ hiddenTopics: ['trade'] })).toEqual(['r1', 'r2', 'r5']);
    expect(relIds({ hiddenTopics: ['trade', 'security'] })).toEqual(['r5']);
    expect(visible({ hiddenTopics: ['trade'] }).enabledTopics).toEqual(new Set(['security', 'climate']));
  });

  it('hides a relation when the group of either end is off', () => {
    expect(relIds({ hiddenGroups: ['cn'] })).toEqual(['r2', 'r4', 'r6']);
    expect(relIds({ hiddenGroups: [noStateGroup] })).toEqual(['r1', 'r2', 'r3', 'r4']);
    // r4 is the state's own relation: the state is in its own group.
    expect(relIds({ hiddenGroups: ['us'] })).toEqual(['r1', 'r2', 'r3', 'r5']);
  });

  it('ignores hidden ids that the dataset does not have', () => {
    expect(relIds({ hiddenTopics: ['nope'], hiddenGroups: ['nope'] })).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
  });
});

describe('deriveVisible: actors', () => {
  it('shows actors with a visible relation or a stance, plus their states, but not loose ones', () => {
    expect(sorted(visible().actorIds)).toEqual(['apec', 'cn', 'kr', 'lee', 'park', 'trump', 'us', 'wang', 'wi', 'xi']);
  });

  it('shows an actor with only a stance while its topic is on', () => {
    expect(visible().actorIds.has('park')).toBe(true);
    const v = visible({ hiddenTopics: ['climate'] });
    expect(v.actorIds.has('park')).toBe(false);
    expect(v.actorIds.has('kr')).toBe(true); // lee and wi still need it
  });

  it('shows an actor with only a relation of a hidden type as long as it has a stance', () => {
    // wang: r3 is an alliance; its stance on trade keeps it visible.
    const v = visible({ hiddenTypes: ['alliance'] });
    expect(v.relationIds.has('r3')).toBe(false);
    expect(v.actorIds.has('wang')).toBe(true);
    // wi has no stance, so it goes with r2.
    expect(v.actorIds.has('wi')).toBe(false);
  });

  it('showUnconnected adds every actor whose group is on', () => {
    expect(visible().actorIds.has('lonely')).toBe(false);
    const all = visible({ showUnconnected: true });
    expect(all.actorIds.size).toBe(fixture.actors.length);
    expect(all.relations).toHaveLength(6);
    const noLoose = visible({ showUnconnected: true, hiddenGroups: [noStateGroup] });
    expect(noLoose.actorIds.has('lonely')).toBe(false);
    expect(noLoose.actorIds.has('apec')).toBe(false);
    // Unconnected actors are shown, but hidden relations stay hidden.
    const noTypes = visible({ showUnconnected: true, hiddenTypes: [...relationTypes] });
    expect(noTypes.actorIds.size).toBe(fixture.actors.length);
    expect(noTypes.relations).toEqual([]);
  });

  it('shows a state when a member is visible, even with no relation of its own', () => {
    const v = visible({ hiddenTypes: ['tension'] });
    expect(v.relationIds.has('r4')).toBe(false);
    expect(v.actorIds.has('cn')).toBe(true); // cn has no relation at all
    expect(v.actorIds.has('kr')).toBe(true);
    expect(v.actorIds.has('us')).toBe(true); // trump via r6
  });

  it('shows a state that has a visible relation itself, without any visible member', () => {
    const v = visible({ hiddenTypes: ['dialogue'] });
    expect(v.actorIds.has('trump')).toBe(false);
    expect(v.actorIds.has('us')).toBe(true);
    expect(v.relationIds.has('r4')).toBe(true);
  });

  it('hides a state whose members and own relations are all hidden', () => {
    const v = visible({ hiddenTypes: ['dialogue', 'tension'] });
    expect(v.actorIds.has('us')).toBe(false);
    expect(v.actorIds.has('trump')).toBe(false);
  });

  it("hiding a state's group hides the state, its members and the relations touching them", () => {
    const v = visible({ hiddenGroups: ['cn'] });
    for (const id of ['cn', 'xi', 'wang']) expect(v.actorIds.has(id)).toBe(false);
    for (const id of ['r1', 'r3', 'r5']) expect(v.relationIds.has(id)).toBe(false);
    expect(sorted(v.actorIds)).toEqual(['apec', 'kr', 'lee', 'park', 'trump', 'us', 'wi']);
    // Even with showUnconnected.
    const all = visible({ hiddenGroups: ['cn'], showUnconnected: true });
    for (const id of ['cn', 'xi', 'wang']) expect(all.actorIds.has(id)).toBe(false);
  });

  it('draws a sub-state inside its parent state', () => {
    const nested = buildIndex(
      dataset(
        [
          { id: 'eu', name: 'EU', kind: 'state' },
          { id: 'fr', name: 'France', kind: 'state', parent: 'eu' },
          { id: 'macron', name: 'Macron', kind: 'person', parent: 'fr' },
          { id: 'apec', name: 'APEC', kind: 'organisation' },
        ],
        [rel('n1', 'macron', 'apec', 'dialogue', ['t'])],
        [],
        ['t'],
      ),
    );
    const v = deriveVisible(nested, filters());
    expect(sorted(v.actorIds)).toEqual(['apec', 'eu', 'fr', 'macron']);
    // France is its own group, so hiding the EU's group keeps France and the EU container around it.
    expect(nested.groupOf.get('fr')).toBe('fr');
    expect(sorted(deriveVisible(nested, filters({ hiddenGroups: ['eu'] })).actorIds)).toEqual(['apec', 'eu', 'fr', 'macron']);
    expect(sorted(deriveVisible(nested, filters({ hiddenGroups: ['fr'] })).actorIds)).toEqual([]);
  });
});

describe('deriveVisible: counts', () => {
  const asObject = <K extends string>(m: ReadonlyMap<K, number>) => Object.fromEntries(m);

  it('counts what each choice keeps when everything is on', () => {
    const { counts } = visible();
    expect(asObject(counts.topics)).toEqual({ trade: 4, security: 2, climate: 1 });
    expect(asObject(counts.types)).toEqual({ alliance: 2, tension: 1, agreement: 1, dialogue: 2 });
    expect(asObject(counts.groups)).toEqual({ kr: 3, cn: 3, us: 2, [noStateGroup]: 2 });
  });

  it('counts what a hidden choice would add, within the other filters', () => {
    const { counts } = visible({ hiddenGroups: ['cn'] });
    // Topics and types only count relations whose ends are on.
    expect(asObject(counts.topics)).toEqual({ trade: 2, security: 1, climate: 0 });
    expect(asObject(counts.types)).toEqual({ alliance: 1, tension: 1, agreement: 0, dialogue: 1 });
    // cn would add r1, r3, r5; kr loses r1 (its other end is in cn); _none loses r5.
    expect(asObject(counts.groups)).toEqual({ kr: 2, cn: 3, us: 2, [noStateGroup]: 1 });
  });

  it('counts a topic whatever the other topics say, and types within the enabled topics', () => {
    const { counts } = visible({ hiddenTopics: ['trade'] });
    expect(asObject(counts.topics)).toEqual({ trade: 4, security: 2, climate: 1 });
    expect(asObject(counts.types)).toEqual({ alliance: 1, tension: 0, agreement: 1, dialogue: 1 });
    expect(asObject(counts.groups)).toEqual({ kr: 2, cn: 2, us: 0, [noStateGroup]: 1 });
  });

  it('counts topics and groups within the enabled types', () => {
    const { counts } = visible({ hiddenTypes: ['dialogue'] });
    expect(asObject(counts.topics)).toEqual({ trade: 2, security: 1, climate: 1 });
    expect(asObject(counts.types)).toEqual({ alliance: 2, tension: 1, agreement: 1, dialogue: 2 });
    expect(asObject(counts.groups)).toEqual({ kr: 2, cn: 2, us: 1, [noStateGroup]: 1 });
  });
});

describe('deriveVisible: focus', () => {
  it('depth 1 keeps exactly the actor, its neighbours and their states', () => {
    const v = visible({ focus: { actor: 'xi', depth: 1 } });
    expect(sorted(v.focusIds ?? [])).toEqual(['apec', 'lee', 'wang', 'xi']);
    expect(sorted(v.actorIds)).toEqual(['apec', 'cn', 'kr', 'lee', 'wang', 'xi']);
    expect(v.relations.map((r) => r.id)).toEqual(['r1', 'r3', 'r5']);
  });

  it('depth 2 grows the neighbourhood', () => {
    const v = visible({ focus: { actor: 'xi', depth: 2 } });
    expect(sorted(v.focusIds ?? [])).toEqual(['apec', 'lee', 'trump', 'wang', 'wi', 'xi']);
    expect(sorted(v.actorIds)).toEqual(['apec', 'cn', 'kr', 'lee', 'trump', 'us', 'wang', 'wi', 'xi']);
    // r4 joins two states drawn only as containers; they are not in the neighbourhood.
    expect(v.relations.map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r5', 'r6']);
    const v3 = visible({ focus: { actor: 'xi', depth: 3 } });
    for (const id of v.actorIds) expect(v3.actorIds.has(id)).toBe(true);
  });

  it('includes relations between two neighbours', () => {
    const v = visible({ focus: { actor: 'apec', depth: 1 } });
    expect(sorted(v.focusIds ?? [])).toEqual(['apec', 'trump', 'xi']);
    expect(v.relations.map((r) => r.id)).toEqual(['r5', 'r6']);
    // Stances outside the neighbourhood do not bring their actors back.
    expect(v.actorIds.has('park')).toBe(false);
  });

  it('honours the filters: a hidden relation does not connect', () => {
    const v = visible({ focus: { actor: 'xi', depth: 2 }, hiddenTypes: ['dialogue'] });
    expect(sorted(v.focusIds ?? [])).toEqual(['apec', 'wang', 'xi']);
    expect(v.actorIds.has('lee')).toBe(false);
    const byTopic = visible({ focus: { actor: 'xi', depth: 1 }, hiddenTopics: ['climate'] });
    expect(byTopic.focusIds?.has('apec')).toBe(false);
    const byGroup = visible({ focus: { actor: 'xi', depth: 3 }, hiddenGroups: ['kr'] });
    expect(sorted(byGroup.focusIds ?? [])).toEqual(['apec', 'trump', 'wang', 'xi']);
  });

  it('shows a focused actor without relations on its own', () => {
    const v = visible({ focus: { actor: 'park', depth: 2 } });
    expect(sorted(v.actorIds)).toEqual(['kr', 'park']);
    expect(v.relations).toEqual([]);
  });

  it('ignores focus on an unknown actor', () => {
    const v = visible({ focus: { actor: 'ghost', depth: 1 } });
    expect(v.focusIds).toBeNull();
    expect(v.relations).toHaveLength(6);
  });
});

describe('deriveVisible: properties', () => {
  const topicIds = ['t1', 't2', 't3'];

  /** A random small dataset: a few states (some nested), members, loose actors, relations, stances. */
  const datasetArb = fc
    .record({
      states: fc.integer({ min: 0, max: 3 }),
      nestedStates: fc.boolean(),
      others: fc.array(fc.record({ kind: fc.constantFrom('person', 'organisation', 'group'), parent: fc.nat(4) }), {
        minLength: 1,
        maxLength: 8,
      }),
    })
    .chain(({ states, nestedStates, others }) => {
      const actors: Actor[] = [];
      for (let i = 0; i < states; i++)
        actors.push({ id: `s${i}`, name: `S${i}`, kind: 'state', ...(nestedStates && i > 0 ? { parent: `s${i - 1}` } : {}) });
      others.forEach((o, i) =>
        actors.push({ id: `a${i}`, name: `A${i}`, kind: o.kind, ...(o.parent < states ? { parent: `s${o.parent}` } : {}) }),
      );
      const n = actors.length;
      const relationArb = fc.record({
        source: fc.nat(n - 1),
        target: fc.nat(n - 1),
        type: fc.constantFrom(...relationTypes),
        topics: fc.subarray(topicIds, { minLength: 1 }),
      });
      const stanceArb = fc.record({ actor: fc.nat(n - 1), topic: fc.constantFrom(...topicIds) });
      return fc
        .record({ relations: fc.array(relationArb, { maxLength: 12 }), stances: fc.array(stanceArb, { maxLength: 5 }) })
        .map(({ relations, stances }) =>
          dataset(
            actors,
            relations
              .filter((r) => r.source !== r.target)
              .map((r, i) => rel(`r${i}`, actors[r.source]!.id, actors[r.target]!.id, r.type, r.topics)),
            stances.map((s) => stance(actors[s.actor]!.id, s.topic)),
            topicIds,
          ),
        );
    });

  const caseArb = datasetArb.chain((d) => {
    const index = buildIndex(d);
    const groupKeys = index.groups.map((g) => g.key);
    const filtersArb = fc.record({
      hiddenTopics: fc.subarray(topicIds),
      hiddenTypes: fc.subarray([...relationTypes]),
      hiddenGroups: fc.subarray(groupKeys),
      showUnconnected: fc.boolean(),
      focus: fc.option(fc.record({ actor: fc.constantFrom(...d.actors.map((a) => a.id), 'ghost'), depth: fc.constantFrom(...focusDepths) })),
    });
    return filtersArb.map((f) => ({ index, f }));
  });

  it('keeps the visible graph consistent for any filters', () => {
    fc.assert(
      fc.property(caseArb, ({ index, f }) => {
        const v = deriveVisible(index, f);
        const groupOn = (id: string) => !f.hiddenGroups.includes(index.groupOf.get(id) ?? '');
        const hasParentState = index.dataset.actors.some((a) => a.kind === 'state' && a.parent !== undefined);

        for (const r of v.relations) {
          expect(v.actorIds.has(r.source)).toBe(true);
          expect(v.actorIds.has(r.target)).toBe(true);
          expect(f.hiddenTypes).not.toContain(r.type);
          expect(r.topics.some((t) => v.enabledTopics.has(t))).toBe(true);
          expect(groupOn(r.source) && groupOn(r.target)).toBe(true);
        }
        for (const id of v.actorIds) {
          expect(index.actorById.has(id)).toBe(true);
          if (!hasParentState) expect(groupOn(id)).toBe(true);
          // With nested states, a hidden-group state may only be drawn as the container of a visible actor.
          else if (!groupOn(id)) expect([...v.actorIds].some((m) => index.actorById.get(m)?.parent === id)).toBe(true);
          // A drawn member is always drawn inside its state.
          const parent = index.actorById.get(id)?.parent;
          if (parent !== undefined) expect(v.actorIds.has(parent)).toBe(true);
        }
        expect(v.relations).toEqual(index.dataset.relations.filter((r) => v.relationIds.has(r.id)));
        expect(v.relationIds.size).toBe(v.relations.length);

        if (v.focusIds) for (const r of v.relations) expect(v.focusIds.has(r.source) && v.focusIds.has(r.target)).toBe(true);
        else if (f.showUnconnected)
          for (const a of index.dataset.actors) if (groupOn(a.id)) expect(v.actorIds.has(a.id)).toBe(true);
      }),
      { seed: 20251101, numRuns: 300 },
    );
  });

  it('never shows more when a filter is switched off', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...relationTypes), ({ index, f }, type) => {
        const before = deriveVisible(index, f);
        const after = deriveVisible(index, { ...f, hiddenTypes: [...f.hiddenTypes, type] });
        for (const id of after.relationIds) expect(before.relationIds.has(id)).toBe(true);
        if (!f.focus) for (const id of after.actorIds) expect(before.actorIds.has(id)).toBe(true);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

describe('deriveVisible counts under focus', () => {
  it('count only relations inside the focused neighbourhood', () => {
    const d: Dataset = {
      schemaVersion: 1,
      id: 'f',
      title: 'F',
      description: '',
      date: '2025-01-01',
      source: { title: 'S', paragraphs: ['p'] },
      topics: [{ id: 't', label: 'T', description: '' }],
      actors: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id, kind: 'person' as const })),
      relations: [
        { id: 'ab', source: 'a', target: 'b', type: 'alliance', directed: false, topics: ['t'], summary: 's', evidence: [{ paragraph: 1, quote: 'p' }] },
        { id: 'cd', source: 'c', target: 'd', type: 'alliance', directed: false, topics: ['t'], summary: 's', evidence: [{ paragraph: 1, quote: 'p' }] },
      ],
      stances: [],
    };
    const index = buildIndex(d);
    const base = { hiddenTopics: [], hiddenTypes: [], hiddenGroups: [], showUnconnected: false };
    expect(deriveVisible(index, { ...base, focus: null }).counts.types.get('alliance')).toBe(2);
    const focused = deriveVisible(index, { ...base, focus: { actor: 'a', depth: 1 } });
    expect(focused.relationIds.size).toBe(1);
    expect(focused.counts.types.get('alliance')).toBe(1);
    expect(focused.counts.topics.get('t')).toBe(1);
  });
});

describe('deriveVisible: only relations with evidence', () => {
  const bare = buildIndex({
    ...fixture,
    relations: fixture.relations.map((r, i) => (i % 2 === 0 ? { ...r, evidence: [] } : r)),
  });
  const withEvidence = fixture.relations.filter((_, i) => i % 2 === 1).map((r) => r.id);

  it('hides exactly the relations that cite no quote, and counts only what it keeps', () => {
    const on = deriveVisible(bare, filters({ evidenceOnly: true }));
    const off = deriveVisible(bare, filters());
    expect(sorted(on.relationIds)).toEqual(sorted(withEvidence.filter((id) => off.relationIds.has(id))));
    expect(off.relationIds.size).toBeGreaterThan(on.relationIds.size);
    const total = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    expect(total(on.counts.types)).toBe(on.relations.length);
  });

  it('changes nothing when every relation has evidence', () => {
    expect(sorted(deriveVisible(index, filters({ evidenceOnly: true })).relationIds)).toEqual(sorted(visible().relationIds));
  });
});
