import { describe, expect, it } from 'vitest';
import { buildIndex } from '../data/dataset-index.ts';
import type { Actor, Dataset } from '../data/schema.ts';
import { normalizeForSearch } from '../data/search-key.ts';
import { searchActors } from './search.ts';

function datasetOf(actors: Actor[]): Dataset {
  return {
    schemaVersion: 1,
    id: 'search-fixture',
    title: 'Search fixture',
    description: '',
    date: '2025-01-01',
    source: { title: 'Source', paragraphs: ['p'] },
    topics: [{ id: 't', label: 'T', description: '' }],
    actors,
    relations: [],
    stances: [],
  };
}

const index = buildIndex(
  datasetOf([
    { id: 'kr', name: 'South Korea', nativeName: '대한민국', kind: 'state' },
    { id: 'st', name: 'São Tomé and Príncipe', kind: 'state' },
    { id: 'alexis', name: 'Alexis Tsipras', kind: 'person' },
    { id: 'driver', name: 'Kim Min-su', role: 'Taxi driver', kind: 'person', parent: 'kr' },
    { id: 'xi', name: 'Xi Jinping', nativeName: '习近平', aliases: ['Chairman Xi'], role: 'President of China', kind: 'person' },
    {
      id: 'wi',
      name: 'Wi Sung-lac',
      nativeName: '위성락',
      aliases: ['Wi Sunglac'],
      role: 'National Security Adviser',
      kind: 'person',
      parent: 'kr',
    },
    { id: 'wang', name: 'Wang Yi', role: 'Foreign Minister', kind: 'person' },
  ]),
);

const ids = (query: string, limit?: number) => searchActors(index, query, limit).map((h) => h.actorId);

describe('normalizeForSearch', () => {
  it('folds case, diacritics, punctuation and spacing', () => {
    expect(normalizeForSearch('São Tomé')).toBe('saotome');
    expect(normalizeForSearch('SAO  TOME')).toBe('saotome');
    expect(normalizeForSearch('Wi Sung-lac')).toBe('wisunglac');
    expect(normalizeForSearch('wi sunglac')).toBe('wisunglac');
    expect(normalizeForSearch("Côte d'Ivoire")).toBe('cotedivoire');
    expect(normalizeForSearch('Ⅻ İstanbul')).toContain('istanbul');
  });

  it('keeps digits, Hangul and Han characters', () => {
    expect(normalizeForSearch('G20 summit')).toBe('g20summit');
    expect(normalizeForSearch('习近平')).toBe('习近平');
    // Hangul decomposes alike on both sides, so a partial name is a prefix of the whole.
    expect(normalizeForSearch('위성락').startsWith(normalizeForSearch('위성'))).toBe(true);
  });

  it('reduces whitespace and punctuation to nothing', () => {
    expect(normalizeForSearch('')).toBe('');
    expect(normalizeForSearch('  \t\n ')).toBe('');
    expect(normalizeForSearch('.*([\\')).toBe('');
  });
});

describe('searchActors', () => {
  it('ignores case and diacritics', () => {
    expect(ids('sao tome')).toEqual(['st']);
    expect(ids('SÃO')).toEqual(['st']);
    expect(ids('principe')).toEqual(['st']);
  });

  it('finds "wi sunglac" by name and by alias', () => {
    const [hit, ...rest] = searchActors(index, 'wi sunglac');
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ actorId: 'wi', field: 'name', matched: 'Wi Sung-lac', score: 0 });
    expect(ids('Wi Sung lac')).toEqual(['wi']);
    // The alias is indexed too.
    expect(index.searchKeys.get('wi')).toContainEqual({ field: 'alias', text: 'Wi Sunglac', key: 'wisunglac' });
    expect(searchActors(index, 'chairman')[0]).toMatchObject({ actorId: 'xi', field: 'alias', matched: 'Chairman Xi' });
  });

  it('finds native names in Hangul, whole or partial', () => {
    expect(searchActors(index, '위성락')).toEqual([{ actorId: 'wi', field: 'nativeName', matched: '위성락', score: 0 }]);
    expect(searchActors(index, '위성')).toEqual([{ actorId: 'wi', field: 'nativeName', matched: '위성락', score: 10 }]);
    expect(ids('대한')).toEqual(['kr']);
    expect(ids('近平')).toEqual(['xi']);
  });

  it('ranks exact and prefix matches before infix matches', () => {
    const hits = searchActors(index, 'xi');
    expect(hits[0]).toMatchObject({ actorId: 'xi', field: 'name', matched: 'Xi Jinping' });
    // "Alexis" (name infix) before "Taxi driver" (role infix).
    expect(hits.map((h) => h.actorId)).toEqual(['xi', 'alexis', 'driver']);
    expect(hits.map((h) => h.score)).toEqual([10, 20, 23]);
    expect(ids('wang yi')).toEqual(['wang']);
  });

  it('finds roles', () => {
    expect(searchActors(index, 'security adviser')).toEqual([
      { actorId: 'wi', field: 'role', matched: 'National Security Adviser', score: 23 },
    ]);
    expect(searchActors(index, 'foreign minister')[0]).toMatchObject({ actorId: 'wang', field: 'role', score: 3 });
    expect(searchActors(index, 'foreign')[0]).toMatchObject({ actorId: 'wang', field: 'role', score: 13 });
    expect(ids('president')).toEqual(['xi']);
  });

  it('returns nothing for an empty or blank query', () => {
    expect(searchActors(index, '')).toEqual([]);
    expect(searchActors(index, '   ')).toEqual([]);
    expect(searchActors(index, ' - ')).toEqual([]);
  });

  it('treats regular-expression characters as plain text', () => {
    for (const q of ['.*(', '[', '\\', '.*', '(?:', '^$', '+', '|', '{1,2}'])
      expect(() => searchActors(index, q), q).not.toThrow();
    for (const q of ['.*(', '[', '\\', '.*', '^$', '|']) expect(searchActors(index, q), q).toEqual([]);
    // Around real text, the punctuation is ignored rather than interpreted.
    expect(ids('xi.*')).toEqual(ids('xi'));
    expect(ids('(xi)')).toEqual(ids('xi'));
    expect(ids('w.i')).toEqual(ids('wi'));
    expect(ids('x|wang')).toEqual([]);
  });

  it('honours the limit', () => {
    expect(ids('a')).toHaveLength(7);
    expect(ids('a', 2)).toHaveLength(2);
    expect(ids('a', 0)).toEqual([]);
    // The limit keeps the best hits.
    expect(ids('xi', 1)).toEqual(['xi']);
  });

  it('returns one hit per actor, with its best field', () => {
    const hits = searchActors(index, 'xi');
    expect(new Set(hits.map((h) => h.actorId)).size).toBe(hits.length);
  });
});

describe('searchActors tie-breaking', () => {
  it('puts the more connected of two equal matches first', () => {
    const d = datasetOf([
      { id: 'admin', name: 'Lee administration', kind: 'organisation' },
      { id: 'lee', name: 'Lee Jae Myung', kind: 'person' },
      { id: 'xi', name: 'Xi Jinping', kind: 'person' },
    ]);
    d.relations = [
      { id: 'r1', source: 'lee', target: 'xi', type: 'dialogue', directed: false, topics: ['t'], summary: 's', evidence: [{ paragraph: 1, quote: 'p' }] },
    ];
    expect(searchActors(buildIndex(d), 'lee').map((h) => h.actorId)).toEqual(['lee', 'admin']);
    d.relations = [];
    expect(searchActors(buildIndex(d), 'lee').map((h) => h.actorId)).toEqual(['admin', 'lee']);
  });
});
