import { describe, expect, it } from 'vitest';
import { buildIndex } from '../data/dataset-index.ts';
import type { Dataset, Position, Relation, Stance } from '../data/schema.ts';
import { deriveVisible } from '../view/visible.ts';
import type { ViewState } from '../view/view-state.ts';
import { stanceMatrix } from './matrix.ts';

type Filters = Pick<ViewState, 'hiddenTopics' | 'hiddenTypes' | 'hiddenGroups' | 'showUnconnected' | 'focus'>;
const ev = [{ paragraph: 1, quote: 'q' }];

const stance = (actor: string, topic: string, position: Position = 'supports'): Stance => ({
  actor,
  topic,
  position,
  summary: `${actor} on ${topic}`,
  evidence: ev,
});
const rel = (id: string, source: string, target: string, topics: string[]): Relation => ({
  id,
  source,
  target,
  type: 'dialogue',
  directed: true,
  topics,
  summary: id,
  evidence: ev,
});

/*
 * States kr (with lee, park) and cn (with xi); loose actors apec and quiet.
 * Stances: park/climate, xi/trade, kr/trade (a state's own stance), lee/trade.
 * Topic "health" has no stance at all. quiet has a relation but no stance; cn has neither.
 */
const fixture: Dataset = {
  schemaVersion: 1,
  id: 'fixture',
  title: 'Fixture',
  description: '',
  date: '2025-01-01',
  source: { title: 'Source', paragraphs: ['p'] },
  topics: ['trade', 'health', 'climate'].map((id) => ({ id, label: id.toUpperCase(), description: '' })),
  actors: [
    { id: 'kr', name: 'South Korea', kind: 'state' },
    { id: 'cn', name: 'China', kind: 'state' },
    { id: 'xi', name: 'Xi', kind: 'person', parent: 'cn' },
    { id: 'lee', name: 'Lee', kind: 'person', parent: 'kr' },
    { id: 'park', name: 'Park', kind: 'person', parent: 'kr' },
    { id: 'apec', name: 'APEC', kind: 'organisation' },
    { id: 'quiet', name: 'Quiet', kind: 'person' },
  ],
  relations: [rel('r1', 'lee', 'xi', ['trade']), rel('r2', 'quiet', 'apec', ['health'])],
  stances: [stance('park', 'climate', 'opposes'), stance('xi', 'trade'), stance('kr', 'trade', 'conditional'), stance('lee', 'trade')],
};
const index = buildIndex(fixture);

const visible = (over: Partial<Filters> = {}) =>
  deriveVisible(index, { hiddenTopics: [], hiddenTypes: [], hiddenGroups: [], showUnconnected: false, focus: null, ...over });

describe('stanceMatrix', () => {
  it('has a row per visible actor with a stance and a column per topic with one, in dataset order', () => {
    const m = stanceMatrix(index, visible());
    expect(m.rows).toEqual(['kr', 'xi', 'lee', 'park']);
    expect(m.columns).toEqual(['trade', 'climate']);
  });

  it('counts what it leaves out, so rows and omitted actors add up to the visible actors', () => {
    const v = visible();
    const m = stanceMatrix(index, v);
    expect(m.omittedActors).toEqual(['cn', 'apec', 'quiet']);
    expect(m.omittedTopics).toEqual(['health']);
    expect(m.rows.length + m.omittedActors.length).toBe(v.actorIds.size);
  });

  it('finds each stance by actor and topic, and nothing where there is none', () => {
    const m = stanceMatrix(index, visible());
    expect(m.cell('kr', 'trade')?.position).toBe('conditional');
    expect(m.cell('park', 'climate')?.position).toBe('opposes');
    expect(m.cell('park', 'trade')).toBeUndefined();
    expect(m.cell('quiet', 'health')).toBeUndefined();
  });

  it('follows the topic filter: a hidden topic loses its column and the actors only it kept', () => {
    const m = stanceMatrix(index, visible({ hiddenTopics: ['climate'] }));
    expect(m.columns).toEqual(['trade']);
    expect(m.rows).not.toContain('park');
    expect(m.cell('park', 'climate')).toBeUndefined();
    expect(m.omittedTopics).toEqual(['health']);
  });

  it('follows the group filter', () => {
    const m = stanceMatrix(index, visible({ hiddenGroups: ['kr'] }));
    expect(m.rows).toEqual(['xi']);
    expect(m.columns).toEqual(['trade']);
    expect(m.omittedTopics).toEqual(['health', 'climate']);
  });

  it('is empty when no stance is visible', () => {
    const m = stanceMatrix(index, visible({ hiddenTopics: ['trade', 'climate'] }));
    expect(m.rows).toEqual([]);
    expect(m.columns).toEqual([]);
    expect(m.omittedTopics).toEqual(['health']);
  });
});
