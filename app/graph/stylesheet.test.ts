import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import { buildStylesheet, maxTextImageWidth, textImage, xmlText } from './stylesheet.ts';

const svgOf = (uri: string) => decodeURIComponent(uri.slice(uri.indexOf(',') + 1));
/** The text node between <text …> and </text>, entities resolved. */
const drawnText = (uri: string) =>
  svgOf(uri)
    .replace(/^.*<text [^>]*>/s, '')
    .replace(/<\/text><\/svg>$/, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));

describe('xmlText', () => {
  it('keeps ordinary text, emoji and Hangul unchanged', () => {
    for (const text of ['이재명', '习近平', 'Ada Kvist', '👩‍👩‍👧 🏳️‍🌈', 'tab\tand\nnewline']) expect(xmlText(text)).toBe(text);
  });

  it('replaces lone surrogates and forbidden control characters with U+FFFD', () => {
    expect(xmlText('\uD83D lone')).toBe('\uFFFD lone');
    expect(xmlText('x\uDC00')).toBe('x\uFFFD');
    expect(xmlText('a\u0000b\u0007c\u001B')).toBe('a\uFFFDb\uFFFDc\uFFFD');
    expect(xmlText('\uFFFE\uFFFF')).toBe('\uFFFD\uFFFD');
  });
});

describe('textImage', () => {
  it('never throws and always yields an encodable, markup-free SVG', () => {
    const hostile = ['\uD83D', '\uDC00\u0001&', '<script>alert(1)</script>', '"/><image href="x" onerror="alert(1)"/>', "'&amp;'", ']]><!--', '\u202Eabc'];
    for (const text of hostile) {
      const { uri } = textImage(text, 10, '#123456');
      expect(uri.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
      const svg = svgOf(uri);
      // One element of each kind, and the name only inside <text>: no tag or attribute came from it.
      expect(svg.match(/</g)).toHaveLength(4);
      expect(svg).not.toMatch(/<script|<image|onerror="/);
      // Long ones are cut with "…" (see below); what is drawn is the cleaned text, as text.
      expect(xmlText(text).startsWith(drawnText(uri).replace(/…$/, ''))).toBe(true);
    }
  });
});

describe('textImage width', () => {
  it('keeps a native name whole when it fits', () => {
    const { uri, width } = textImage('이재명', 10, '#000');
    expect(drawnText(uri)).toBe('이재명');
    expect(width).toBe(34);
  });

  it('cuts a long native name with an ellipsis so the image stays narrow', () => {
    for (const text of ['W'.repeat(200), '가'.repeat(200), `${'W'.repeat(10)}${'가'.repeat(30)}`]) {
      const { uri, width } = textImage(text, 11, '#000');
      expect(width).toBeLessThanOrEqual(maxTextImageWidth);
      const shown = drawnText(uri);
      expect(shown.endsWith('…')).toBe(true);
      expect(text.startsWith(shown.slice(0, -1))).toBe(true);
      expect(shown.length).toBeGreaterThan(10);
    }
  });
});

describe('drawing order', () => {
  // Nested states, a member, a relation between members and one between two states.
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: buildStylesheet('light'),
    elements: [
      { data: { id: 'outer', kind: 'state', label: 'Outer' } },
      { data: { id: 'inner', kind: 'state', label: 'Inner', parent: 'outer' } },
      { data: { id: 'member', kind: 'person', label: 'Member', parent: 'inner' } },
      { data: { id: 'free', kind: 'person', label: 'Free' } },
      { data: { id: 'lonely', kind: 'state', label: 'Lonely' } },
      { data: { id: 'r1', source: 'member', target: 'free', type: 'alliance', rlabel: 'a', width: 3 } },
      { data: { id: 'r2', source: 'outer', target: 'lonely', type: 'tension', rlabel: 't', width: 3 } },
    ],
  });
  const depth = (id: string) => String(cy.getElementById(id).style('z-compound-depth'));

  it('puts members and relations on top outright, so a re-sort counts ancestors only for boxes', () => {
    for (const id of ['member', 'free', 'r1', 'r2']) expect(depth(id), id).toBe('top');
    // A state without members is an actor like any other; a box keeps Cytoscape's nesting order.
    expect(depth('lonely')).toBe('top');
    for (const id of ['outer', 'inner']) expect(depth(id), id).toBe('auto');
  });
});
