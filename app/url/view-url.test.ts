import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndex, noStateGroup } from '../data/dataset-index.ts';
import { relationTypes, type Dataset } from '../data/schema.ts';
import {
  defaultViewState,
  layoutNames,
  sortColumns,
  viewNames,
  type Selection,
  type ViewState,
} from '../view/view-state.ts';
import { applyLink, describeProblems, parse, sanitize, serialize, urlLimits, type UrlProblem } from './view-url.ts';

fc.configureGlobal({ seed: 4242 });

// ---------------------------------------------------------------------------------------------
// Arbitraries

const plainId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,14}$/);
/** Ids that look like the selection prefixes are the interesting edge of the `sel` grammar. */
const idArb = fc.oneof(
  { weight: 4, arbitrary: plainId },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a:', 'r:', 's:', 'a:r:', 'local:'), plainId).map(([p, id]) => p + id) },
);
const sortedIds = (item: fc.Arbitrary<string>) => fc.uniqueArray(item, { maxLength: 6 }).map((a) => [...a].sort());

const searchArb = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom('&', '=', '%', '+', '#', ' ', '?', '~', ',', '-', 'a', 'Z', 'é', '😀', '%2', '%zz', '\u0000', '\n', '/', '\u202e'),
    maxLength: 30,
  }),
);

const selectionArb: fc.Arbitrary<Selection | null> = fc.oneof(
  fc.constant(null),
  idArb.map((id) => ({ kind: 'actor' as const, id })),
  idArb.map((id) => ({ kind: 'relation' as const, id })),
  fc.tuple(idArb, idArb).map(([actor, topic]) => ({ kind: 'stance' as const, actor, topic })),
);

/** States exactly as parse produces them: sorted lists, rounded camera, well-formed text. */
const normalizedState: fc.Arbitrary<ViewState> = fc
  .record({
    dataset: fc.oneof(fc.constant(null), idArb, fc.stringMatching(/^[0-9a-f]{6,16}$/).map((h) => `local:${h}`)),
    hiddenTopics: sortedIds(idArb),
    hiddenTypes: fc.subarray([...relationTypes]).map((a) => [...a].sort()),
    hiddenGroups: sortedIds(fc.oneof(idArb, fc.constant(noStateGroup))),
    showUnconnected: fc.boolean(),
    selection: selectionArb,
    focus: fc.option(fc.record({ onSelected: fc.boolean(), actor: idArb, depth: fc.constantFrom(1 as const, 2 as const, 3 as const) })),
    layout: fc.constantFrom(...layoutNames),
    view: fc.constantFrom(...viewNames),
    paragraph: fc.option(fc.integer({ min: 1, max: 100000 })),
    sort: fc.option(fc.record({ column: fc.constantFrom(...sortColumns), dir: fc.constantFrom('asc' as const, 'desc' as const) })),
    camera: fc.option(
      fc.record({
        zoom: fc.integer({ min: 50, max: 20000 }).map((k) => k / 1000),
        x: fc.integer({ min: -10_000_000, max: 10_000_000 }).map((k) => k / 10 + 0),
        y: fc.integer({ min: -10_000_000, max: 10_000_000 }).map((k) => k / 10 + 0),
      }),
    ),
    search: searchArb,
    embed: fc.boolean(),
    evidenceOnly: fc.boolean(),
    step: fc.option(fc.integer({ min: 1, max: 100000 })),
    build: fc.boolean(),
    plain: fc.boolean(),
  })
  .map(({ focus, ...rest }): ViewState => {
    const sel = rest.selection;
    const actor = focus?.onSelected && sel?.kind === 'actor' ? sel.id : focus?.actor;
    return { ...rest, focus: focus && actor !== undefined ? { actor, depth: focus.depth } : null };
  });

const knownKeys = ['dataset', 'view', 'layout', 'topics', 'types', 'groups', 'all', 'evidence', 'sel', 'focus', 'p', 'sort', 'cam', 'q', 'embed', 'step', 'build', 'plain'];

const fragments = [
  '%', '%E0%A4%A', '%zz', '%ED%A0%80', '%00', '%25', '%2', '__proto__', 'constructor', 'prototype',
  'constructor[prototype]', '__proto__[polluted]', 'polluted', 'toString', 'hasOwnProperty', '=', '&', '?', '+', '#',
  ',', '~', '-', ':', 'r:', 's:', 'a:', '1', '2', '0.5', '1e3', '0x10', 'NaN', 'Infinity', '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '\u0000', '\uD800', '😀', ' ', ...knownKeys,
  'q=', '&q=', 'sel=s:', '&sel=r:', 'focus=', 'cam=', '&topics=-', '&groups=-_none', '\uDC00',
];
const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.constantFrom(...fragments), { maxLength: 40 }).map((a) => a.join('')),
);

// ---------------------------------------------------------------------------------------------

const reasonsOf = (problems: readonly UrlProblem[], param: string) => problems.filter((p) => p.param === param).map((p) => p.reason);

describe('serialize / parse round trip', () => {
  it('serializes the default state to the empty string, which parses back to it', () => {
    expect(serialize(defaultViewState)).toBe('');
    expect(serialize(defaultViewState, { camera: true })).toBe('');
    for (const search of ['', '?']) expect(parse(search)).toEqual({ state: defaultViewState, problems: [] });
  });

  it('round-trips every normalized state, camera included, without problems', () => {
    fc.assert(
      fc.property(normalizedState, (s) => {
        const url = serialize(s, { camera: true });
        const back = parse(url);
        expect(back.problems).toEqual([]);
        expect(back.state).toEqual(s);
        // Without the `?` too, as some callers may strip it.
        expect(parse(url.slice(1)).state).toEqual(s);
      }),
      { numRuns: 5000 },
    );
  });

  it('omits the camera unless asked to write it', () => {
    fc.assert(
      fc.property(normalizedState, (s) => {
        const url = serialize(s);
        expect(url).not.toMatch(/(^|[?&])cam=/);
        expect(parse(url).state).toEqual({ ...s, camera: null });
      }),
      { numRuns: 500 },
    );
  });

  it('writes the same link for equal states whatever the list order', () => {
    const a: ViewState = { ...defaultViewState, hiddenTopics: ['b', 'a', 'a'], hiddenTypes: ['tension', 'alliance'] };
    const b: ViewState = { ...defaultViewState, hiddenTopics: ['a', 'b'], hiddenTypes: ['alliance', 'tension'] };
    expect(serialize(a)).toBe(serialize(b));
    expect(serialize(a)).toBe('?topics=-a,-b&types=-alliance,-tension');
  });

  it('uses the documented spelling', () => {
    const s: ViewState = {
      ...defaultViewState,
      dataset: 'gyeongju-2025',
      hiddenTopics: ['crime', 'culture'],
      hiddenGroups: ['_none', 'north-korea'],
      showUnconnected: true,
      selection: { kind: 'actor', id: 'lee-jae-myung' },
      focus: { actor: 'lee-jae-myung', depth: 2 },
      layout: 'concentric',
      view: 'table',
      paragraph: 7,
      sort: { column: 'type', dir: 'desc' },
      camera: { zoom: 1.23456, x: -10.04, y: 3.06 },
      search: 'a&b=c d+e%',
    };
    expect(serialize(s, { camera: true })).toBe(
      '?dataset=gyeongju-2025&view=table&layout=concentric&topics=-crime,-culture&groups=-_none,-north-korea&all=1' +
        '&sel=lee-jae-myung&focus=2&p=7&sort=-type&cam=1.235,-10,3.1&q=a%26b%3Dc+d%2Be%25',
    );
    expect(serialize({ ...defaultViewState, selection: { kind: 'relation', id: 'r:x' } })).toBe('?sel=r:r:x');
    expect(serialize({ ...defaultViewState, selection: { kind: 'actor', id: 'r:x' } })).toBe('?sel=a:r:x');
    expect(serialize({ ...defaultViewState, selection: { kind: 'actor', id: 'a:x' } })).toBe('?sel=a:a:x');
    expect(serialize({ ...defaultViewState, selection: { kind: 'stance', actor: 'us', topic: 'trade' } })).toBe('?sel=s:us~trade');
    expect(serialize({ ...defaultViewState, focus: { actor: 'us', depth: 3 } })).toBe('?focus=us~3');
  });

  it('clamps an out-of-range camera and never writes -0, Infinity or exponents', () => {
    const cam = (zoom: number, x: number, y: number) =>
      serialize({ ...defaultViewState, camera: { zoom, x, y } }, { camera: true });
    expect(cam(100, 2e7, -2e7)).toBe('?cam=20,1000000,-1000000');
    expect(cam(0.0001, -0.01, 1e-9)).toBe('?cam=0.05,0,0');
    expect(cam(Number.NaN, 0, 0)).toBe('');
    expect(cam(1, Number.POSITIVE_INFINITY, 0)).toBe('');
  });

  it('replaces lone surrogates in the search text instead of throwing', () => {
    const url = serialize({ ...defaultViewState, search: 'a\uD800b\uDC00' });
    expect(parse(url).state.search).toBe('a\uFFFDb\uFFFD');
    expect(parse('?q=a\uD800b').state.search).toBe('a\uFFFDb');
  });

  it('keeps a link with every option set short', () => {
    const s: ViewState = {
      dataset: 'gyeongju-2025',
      hiddenTopics: ['culture', 'nuclear-deterrence', 'trade-tariffs'],
      hiddenTypes: ['tension'],
      hiddenGroups: ['north-korea'],
      showUnconnected: true,
      selection: { kind: 'stance', actor: 'lee-jae-myung', topic: 'denuclearization' },
      focus: { actor: 'xi-jinping', depth: 2 },
      layout: 'concentric',
      view: 'table',
      paragraph: 12,
      sort: { column: 'evidence', dir: 'desc' },
      camera: { zoom: 1.234, x: -1234.5, y: 987.6 },
      search: 'kim jong',
      embed: true,
      evidenceOnly: true,
      step: 3,
      build: true,
      plain: true,
    };
    const url = serialize(s, { camera: true });
    expect(url.length).toBeLessThan(300);
    expect(parse(url)).toEqual({ state: s, problems: [] });
  });
});

describe('parse on hostile input', () => {
  it('never throws, never pollutes prototypes, and only returns normalized states', () => {
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const arrayProtoKeys = Object.getOwnPropertyNames(Array.prototype).sort();
    fc.assert(
      fc.property(hostileString, fc.boolean(), (raw, question) => {
        const { state, problems } = parse(question ? `?${raw}` : raw);
        for (const p of problems) {
          expect(typeof p.param).toBe('string');
          expect(typeof p.value).toBe('string');
          expect(typeof p.reason).toBe('string');
        }
        expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
        expect(Object.keys(state).sort()).toEqual(Object.keys(defaultViewState).sort());
        // Whatever parse accepts is canonical: writing it out and reading it again changes nothing.
        const again = parse(serialize(state, { camera: true }));
        expect(again.problems).toEqual([]);
        expect(again.state).toEqual(state);
        expect(typeof describeProblems(problems)).toBe('string');
      }),
      { numRuns: 10000 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoKeys);
    expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(arrayProtoKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).prototype).toBeUndefined();
  }, 30_000);

  it('treats prototype keys as unknown parameters', () => {
    const { state, problems } = parse('?__proto__=x&constructor[prototype]=y&constructor=z&prototype=w&__proto__[polluted]=1');
    expect(state).toEqual(defaultViewState);
    expect(problems.map((p) => p.param)).toEqual(['__proto__', 'constructor[prototype]', 'constructor', 'prototype', '__proto__[polluted]']);
    expect(problems.every((p) => p.reason === 'unknown parameter')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not throw when handed a non-string at run time', () => {
    for (const bad of [undefined, null, 42, {}, []]) expect(parse(bad as unknown as string).state).toEqual(defaultViewState);
  });
});

describe('every ignored parameter is reported', () => {
  const unknownKey = fc.oneof(
    fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/).filter((k) => !knownKeys.includes(k)),
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'constructor[prototype]', 'Q', 'SEL', 'hasOwnProperty'),
  );

  it('reports unknown keys mixed with valid ones, and keeps the valid ones', () => {
    fc.assert(
      fc.property(
        normalizedState,
        fc.uniqueArray(unknownKey, { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
        (s, unknown, positions) => {
          const parts = serialize(s, { camera: true }).slice(1).split('&').filter((x) => x !== '');
          unknown.forEach((key, i) => parts.splice((positions[i] ?? 0) % (parts.length + 1), 0, `${encodeURIComponent(key)}=v${i}`));
          const { state, problems } = parse(`?${parts.join('&')}`);
          expect(state).toEqual(s);
          expect(problems.map((p) => p.param).sort()).toEqual([...unknown].sort());
          for (const p of problems) expect(p.reason).toBe('unknown parameter');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('uses the first of repeated keys and reports the rest', () => {
    fc.assert(
      fc.property(
        normalizedState.filter((s) => serialize(s, { camera: true }) !== ''),
        fc.nat(),
        fc.integer({ min: 1, max: 3 }),
        (s, pick, times) => {
          const url = serialize(s, { camera: true });
          const parts = url.slice(1).split('&');
          const key = (parts[pick % parts.length] ?? '').split('=')[0] ?? '';
          const repeats = Array.from({ length: times }, (_, i) => `${key}=other${i}`);
          const { state, problems } = parse(`${url}&${repeats.join('&')}`);
          expect(state).toEqual(s);
          expect(problems).toHaveLength(times);
          for (const p of problems) expect(p).toMatchObject({ param: key, reason: 'repeated parameter' });
        },
      ),
      { numRuns: 500 },
    );
  });

  const badNumbers = ['1e3', '0x10', ' 2', '2 ', '+2', 'Infinity', '-Infinity', 'NaN', '', '-', '1.', '.5', '１', '0b1', '1_0', '--1'];

  it('reports bad numbers for the paragraph, focus depth and camera', () => {
    for (const bad of badNumbers) {
      const enc = encodeURIComponent(bad);
      const p = parse(`?p=${enc}`);
      expect(p.state.paragraph, bad).toBeNull();
      expect(reasonsOf(p.problems, 'p'), bad).toEqual(['invalid paragraph']);

      const focus = parse(`?sel=us&focus=${enc}`);
      expect(focus.state.focus, bad).toBeNull();
      expect(reasonsOf(focus.problems, 'focus'), bad).toEqual(['invalid focus depth']);

      for (const cam of [`${enc},0,0`, `1,${enc},0`, `1,0,${enc}`]) {
        const c = parse(`?cam=${cam}`);
        expect(c.state.camera, cam).toBeNull();
        expect(c.problems.length, cam).toBeGreaterThan(0);
        expect(c.problems.every((x) => x.param === 'cam'), cam).toBe(true);
      }
    }
    for (const out of ['?p=0', '?p=100001', '?p=-1', '?p=1.5', '?p=007', '?focus=us~0', '?focus=us~4', '?cam=0.04,0,0', '?cam=21,0,0', '?cam=1,1000001,0', '?cam=1,0,-1000000.5', '?cam=1,2', '?cam=1,2,3,4']) {
      const { state, problems } = parse(out);
      expect(state, out).toEqual(defaultViewState);
      expect(problems, out).toHaveLength(1);
    }
    expect(parse('?cam=0.05,-1000000,1000000').state.camera).toEqual({ zoom: 0.05, x: -1000000, y: 1000000 });
    expect(parse('?cam=1.23456,0.06,-0.04').state.camera).toEqual({ zoom: 1.235, x: 0.1, y: 0 });
    expect(parse('?p=100000').state.paragraph).toBe(100000);
  });

  it('reports bad percent-encoding in keys and values and keeps the rest', () => {
    for (const bad of ['%', '%E0%A4%A', '%zz', '%ED%A0%80', 'a%']) {
      const inValue = parse(`?view=table&q=${bad}&layout=grid`);
      expect(inValue.state).toEqual({ ...defaultViewState, view: 'table', layout: 'grid' });
      expect(inValue.problems, bad).toEqual([{ param: 'q', value: bad, reason: 'bad percent-encoding in' }]);

      const inKey = parse(`?view=table&${bad}=1&layout=grid`);
      expect(inKey.state).toEqual({ ...defaultViewState, view: 'table', layout: 'grid' });
      expect(inKey.problems, bad).toEqual([{ param: bad, value: '1', reason: 'bad percent-encoding in' }]);
    }
  });

  it('splits like URLSearchParams but reports what it would silently repair', () => {
    // URLSearchParams reads `%FF` as U+FFFD and `%zz` as itself; a link must not change meaning that way.
    for (const bad of ['%FF', '%C3', '%zz%41', '%%41']) {
      expect(new URLSearchParams(`q=${bad}`).get('q'), bad).not.toBeNull();
      expect(parse(`?q=${bad}`).problems, bad).toEqual([{ param: 'q', value: bad, reason: 'bad percent-encoding in' }]);
    }
    // What is well encoded reads as URLSearchParams reads it.
    for (const [query, search] of [
      ['q=%25zz', '%zz'],
      ['q=a+b%2Bc', 'a b+c'],
      ['q=a=b', 'a=b'],
      ['q=%E2%82%AC%20', '€ '],
      ['&&q=x&&', 'x'],
    ] as const) {
      expect(new URLSearchParams(query).get('q'), query).toBe(search);
      expect(parse(`?${query}`), query).toEqual({ state: { ...defaultViewState, search }, problems: [] });
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const { state, problems } = parse(`?q=${encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, ''))}`);
        expect(problems).toEqual([]);
        expect(state.search).toBe(new URLSearchParams(`q=${encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, ''))}`).get('q'));
      }),
      { numRuns: 500 },
    );
  });

  it('counts a key spelled with escapes as the same key, so repeats are still caught', () => {
    const { state, problems } = parse('?view=table&vi%65w=source&%76iew=stances');
    expect(state.view).toBe('table');
    expect(problems).toEqual([
      { param: 'view', value: 'source', reason: 'repeated parameter' },
      { param: 'view', value: 'stances', reason: 'repeated parameter' },
    ]);
    expect(parse('?vi%65w=table').state.view).toBe('table');
  });

  it('never falls back to a repeat when the first value was rejected', () => {
    for (const first of [`q=${'a'.repeat(urlLimits.maxValueLength + 1)}`, 'q=%zz', 'view=map']) {
      const { state, problems } = parse(`?${first}&q=second&view=table&view=graph`);
      expect(state.search, first).toBe(first.startsWith('q=') ? '' : 'second');
      expect(problems.filter((p) => p.reason === 'repeated parameter').length, first).toBeGreaterThanOrEqual(1);
      expect(problems.length, first).toBeGreaterThanOrEqual(2);
    }
    // A list value may be longer than other values, up to its own limit.
    const longList = Array.from({ length: 400 }, (_, i) => `-topic-${i}`).join(',');
    expect(longList.length).toBeGreaterThan(urlLimits.maxValueLength);
    expect(parse(`?topics=${longList}`).problems).toEqual([]);
    expect(parse(`?topics=${'-a,'.repeat(urlLimits.maxListValueLength)}`).problems.map((p) => p.reason)).toEqual(['overlong value for']);
  });

  it('reports invalid values of every key', () => {
    const cases: [string, string][] = [
      ['dataset=<script>', 'dataset'],
      ['view=map', 'view'],
      ['layout=cose', 'layout'],
      ['topics=-<b>', 'topics'],
      ['topics=culture', 'topics'],
      ['types=-war', 'types'],
      ['groups=-_other', 'groups'],
      ['all=yes', 'all'],
      ['all', 'all'],
      ['sel=', 'sel'],
      ['sel=r:', 'sel'],
      ['sel=s:us', 'sel'],
      ['sel=s:us~trade~x', 'sel'],
      ['sel=%3Cscript%3E', 'sel'],
      ['focus=2', 'focus'],
      ['sel=r:rel1&focus=2', 'focus'],
      ['focus=<x>~2', 'focus'],
      ['sort=name', 'sort'],
      ['sort=--type', 'sort'],
    ];
    for (const [query, param] of cases) {
      const { state, problems } = parse(`?${query}`);
      expect(problems.map((p) => p.param), query).toEqual([param]);
      const again = parse(serialize(state));
      expect(again.state, query).toEqual(state);
    }
  });

  it('caps the number of parameters and list entries, and overlong values', () => {
    const many = Array.from({ length: 150 }, (_, i) => `x${i}=1`).join('&');
    const p = parse(`?view=table&${many}`);
    expect(p.state.view).toBe('table');
    expect(p.problems).toHaveLength(urlLimits.maxParams);
    expect(p.problems.at(-1)).toEqual({ param: '', value: '51', reason: 'too many parameters' });

    const list = Array.from({ length: 600 }, (_, i) => `-t${i}`).join(',');
    const l = parse(`?topics=${list}`);
    expect(l.state.hiddenTopics).toHaveLength(urlLimits.maxListEntries);
    expect(reasonsOf(l.problems, 'topics')).toEqual(['too many entries in']);

    const long = parse(`?q=${'a'.repeat(urlLimits.maxValueLength + 1)}&view=table`);
    expect(long.state).toEqual({ ...defaultViewState, view: 'table' });
    expect(long.problems).toHaveLength(1);
    expect(long.problems[0]?.reason).toBe('overlong value for');
    expect(long.problems[0]?.value.length).toBeLessThan(300);
  });
});

describe('performance', () => {
  const bestOf5 = (query: string) => {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      parse(query);
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };
  const size = 100 * 1024;

  it.each([
    ['one long search', `?q=${'a%20'.repeat(size / 4)}`],
    ['one long unknown parameter', `?zzz=${'<script>'.repeat(size / 8)}`],
    ['one long list', `?topics=${'-abc,'.repeat(size / 5)}`],
    ['one long key', `?${'k'.repeat(size)}=1`],
    ['many small parameters', Array.from({ length: size / 7 }, (_, i) => `k${i % 1000}=v`).join('&').slice(0, size)],
    ['many repeated valid parameters', Array.from({ length: size / 7 }, () => 'sel=us').join('&')],
    ['broken encoding', `?q=${'%E0%A4%A'.repeat(size / 8)}`],
    ['ampersands only', '&'.repeat(size)],
  ])('parses 100 KB of %s in under 50 ms', (_name, query) => {
    expect(query.length).toBeGreaterThan(size * 0.9);
    expect(bestOf5(query)).toBeLessThan(50);
  });
});

describe('describeProblems', () => {
  it('is empty without problems', () => expect(describeProblems([])).toBe(''));

  it('lists at most five, quotes and truncates values, and counts the rest', () => {
    const { problems } = parse(
      `?foo=1&view=map&topics=-${'x'.repeat(250)}&cam=abc,0,0&p=0&q=%zz&bar=2&baz=3`,
    );
    const text = describeProblems(problems);
    expect(text).toBe(
      'Ignored from the link: unknown parameter "foo", unknown view "map", ' +
        `invalid topic id "-${'x'.repeat(39)}…", zoom is not a number "abc", invalid paragraph "0" and 3 more.`,
    );
  });

  it('neutralises control and direction-override characters in shown values', () => {
    const text = describeProblems(parse('?view=a%E2%80%AEb%0Ac').problems);
    expect(text).toBe('Ignored from the link: unknown view "a\uFFFDb\uFFFDc".');
  });

  it('describes sanitize problems in the same way', () => {
    expect(describeProblems([{ param: 'topics', value: 'xyz', reason: 'unknown topic' }])).toBe(
      'Ignored from the link: unknown topic "xyz".',
    );
  });
});

// ---------------------------------------------------------------------------------------------

const fixture: Dataset = {
  schemaVersion: 1,
  id: 'fixture',
  title: 'Fixture',
  description: '',
  date: '2025-11-01',
  source: { title: 'Source', paragraphs: ['One.', 'Two.', 'Three.'] },
  topics: [
    { id: 'trade', label: 'Trade', description: '' },
    { id: 'security', label: 'Security', description: '' },
  ],
  actors: [
    { id: 'kr', name: 'South Korea', kind: 'state' },
    { id: 'us', name: 'United States', kind: 'state' },
    { id: 'lee', name: 'Lee', kind: 'person', parent: 'kr' },
    { id: 'r:odd', name: 'Odd id', kind: 'group' },
  ],
  relations: [
    {
      id: 'kr-us',
      source: 'kr',
      target: 'us',
      type: 'alliance',
      directed: false,
      topics: ['security'],
      summary: 'Allies.',
      evidence: [{ paragraph: 1, quote: 'One.' }],
    },
  ],
  stances: [{ actor: 'lee', topic: 'trade', position: 'supports', summary: 'Yes.', evidence: [{ paragraph: 2, quote: 'Two.' }] }],
};

describe('sanitize', () => {
  const index = buildIndex(fixture);
  const catalog = ['gyeongju-2025', 'fixture'];

  it('keeps known ids and returns the same object when nothing changes', () => {
    const s: ViewState = {
      ...defaultViewState,
      dataset: 'fixture',
      hiddenTopics: ['trade'],
      hiddenTypes: ['tension'],
      hiddenGroups: ['_none', 'kr'],
      selection: { kind: 'stance', actor: 'lee', topic: 'trade' },
      focus: { actor: 'r:odd', depth: 1 },
      paragraph: 3,
      sort: { column: 'evidence', dir: 'asc' },
    };
    const result = sanitize(s, index, catalog);
    expect(result.problems).toEqual([]);
    expect(result.state).toBe(s);
    for (const selection of [
      { kind: 'actor', id: 'r:odd' },
      { kind: 'relation', id: 'kr-us' },
    ] as const)
      expect(sanitize({ ...s, selection }, index, catalog).problems).toEqual([]);
  });

  it('drops and reports unknown ids of every kind', () => {
    const s: ViewState = {
      ...defaultViewState,
      dataset: 'nope',
      hiddenTopics: ['security', 'xyz', 'trade'],
      hiddenGroups: ['kr', 'lee', 'north-korea'],
      selection: { kind: 'actor', id: 'ghost' },
      focus: { actor: 'ghost', depth: 2 },
      paragraph: 4,
    };
    const { state, problems } = sanitize(s, index, catalog);
    expect(state).toEqual({
      ...defaultViewState,
      hiddenTopics: ['security', 'trade'],
      hiddenGroups: ['kr'],
    });
    expect(problems).toEqual([
      { param: 'dataset', value: 'nope', reason: 'unknown dataset' },
      { param: 'topics', value: 'xyz', reason: 'unknown topic' },
      { param: 'groups', value: 'lee', reason: 'unknown group' },
      { param: 'groups', value: 'north-korea', reason: 'unknown group' },
      { param: 'sel', value: 'ghost', reason: 'unknown actor' },
      { param: 'focus', value: 'ghost', reason: 'unknown focus actor' },
      { param: 'p', value: '4', reason: 'unknown paragraph' },
    ]);
    expect(s.hiddenTopics).toEqual(['security', 'xyz', 'trade']);
  });

  it('keeps the saved-positions layout only for a dataset that saved positions', () => {
    const none = sanitize({ ...defaultViewState, layout: 'preset' }, index, catalog);
    expect(none.state.layout).toBe('fcose');
    expect(none.problems).toEqual([{ param: 'layout', value: 'preset', reason: 'this dataset has no saved positions' }]);
    const placed = buildIndex({ ...fixture, actors: fixture.actors.map((a, i) => (i === 0 ? { ...a, position: { x: 1, y: 2 } } : a)) });
    const kept = sanitize({ ...defaultViewState, layout: 'preset' }, placed, catalog);
    expect(kept.problems).toEqual([]);
    expect(kept.state.layout).toBe('preset');
  });

  it('drops unknown relations and stances', () => {
    const rel = sanitize({ ...defaultViewState, selection: { kind: 'relation', id: 'kr-cn' } }, index, catalog);
    expect(rel.state.selection).toBeNull();
    expect(rel.problems).toEqual([{ param: 'sel', value: 'kr-cn', reason: 'unknown relation' }]);
    for (const [actor, topic] of [
      ['lee', 'security'],
      ['us', 'trade'],
      ['ghost', 'trade'],
      ['lee', 'ghost'],
    ] as const) {
      const st = sanitize({ ...defaultViewState, selection: { kind: 'stance', actor, topic } }, index, catalog);
      expect(st.state.selection).toBeNull();
      expect(st.problems).toEqual([{ param: 'sel', value: `${actor}~${topic}`, reason: 'unknown stance' }]);
    }
  });

  it('accepts local datasets by hash and catalog ids, nothing else', () => {
    for (const dataset of ['local:abc123', 'local:ABCDEF0123', 'gyeongju-2025', null])
      expect(sanitize({ ...defaultViewState, dataset }, index, catalog).state.dataset).toBe(dataset);
    for (const dataset of ['local:', 'local:xyz', 'local:abc:def', 'Local:abc', 'fixture2'])
      expect(sanitize({ ...defaultViewState, dataset }, index, catalog)).toEqual({
        state: defaultViewState,
        problems: [{ param: 'dataset', value: dataset, reason: 'unknown dataset' }],
      });
  });

  it('drops everything a link for another dataset refers to, reporting each', () => {
    const { state } = parse('?topics=-culture,-trade&groups=-north-korea,-_none&sel=kim&focus=3&p=9');
    const result = sanitize(state, index, catalog);
    expect(result.state).toEqual({ ...defaultViewState, hiddenTopics: ['trade'], hiddenGroups: ['_none'] });
    expect(result.problems.map((p) => p.value)).toEqual(['culture', 'north-korea', 'kim', 'kim', '9']);
  });

  it('keeps a story step the dataset has and drops one it lacks, with the usual notice', () => {
    // The fixture cites paragraphs 1 and 2, so its automatic story has two steps.
    expect(sanitize({ ...defaultViewState, step: 2, build: true }, index, catalog).problems).toEqual([]);
    const out = sanitize({ ...defaultViewState, step: 3, build: true }, index, catalog);
    expect(out.state.step).toBeNull();
    expect(out.problems).toEqual([{ param: 'step', value: '3', reason: 'unknown story step' }]);
    expect(describeProblems(out.problems)).toBe('Ignored from the link: unknown story step "3".');
  });

  it('drops a step for a dataset with fewer than two cited paragraphs', () => {
    const oneParagraph = buildIndex({ ...fixture, stances: [] });
    const out = sanitize({ ...defaultViewState, step: 1 }, oneParagraph, catalog);
    expect(out.state.step).toBeNull();
    expect(out.problems).toEqual([{ param: 'step', value: '1', reason: 'this dataset has no story' }]);
  });
});

describe('story parameters', () => {
  it('reads step and build, and writes them back', () => {
    const { state, problems } = parse('?step=4&build=1');
    expect(problems).toEqual([]);
    expect(state).toEqual({ ...defaultViewState, step: 4, build: true });
    expect(serialize(state)).toBe('?step=4&build=1');
    expect(serialize({ ...defaultViewState, step: null, build: false })).toBe('');
  });

  it('reports malformed steps and build values', () => {
    for (const bad of ['0', '-1', '1.5', 'x', '01', '1000001', ''])
      expect(parse(`?step=${bad}`)).toEqual({ state: defaultViewState, problems: [{ param: 'step', value: bad, reason: 'invalid story step' }] });
    expect(parse('?build=yes').problems).toEqual([{ param: 'build', value: 'yes', reason: 'invalid value for' }]);
  });
});

describe('applyLink', () => {
  const index = buildIndex(fixture);
  const catalog = ['gyeongju-2025', 'fixture'];

  it('is parse and sanitize in one step, with the problems of both in link order', () => {
    const { state, problems } = applyLink('?view=map&topics=-trade,-culture&sel=lee&focus=2&zzz=1', index, catalog);
    expect(state).toEqual({ ...defaultViewState, hiddenTopics: ['trade'], selection: { kind: 'actor', id: 'lee' }, focus: { actor: 'lee', depth: 2 } });
    expect(problems).toEqual([
      { param: 'view', value: 'map', reason: 'unknown view' },
      { param: 'zzz', value: '1', reason: 'unknown parameter' },
      { param: 'topics', value: 'culture', reason: 'unknown topic' },
    ]);
  });

  it('gives back every link it wrote for a state the dataset has, unchanged and without problems', () => {
    fc.assert(
      fc.property(normalizedState, (s) => {
        const checked = sanitize(s, index, catalog).state;
        const applied = applyLink(serialize(checked), index, catalog);
        expect(applied.problems).toEqual([]);
        expect(applied.state).toEqual({ ...checked, camera: null });
      }),
      { numRuns: 500 },
    );
  });
});
