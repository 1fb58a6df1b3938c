import { describe, expect, it } from 'vitest';
import { writeSvg, type GraphSnapshot } from './svg-writer.ts';

const node = (id: string, over: Partial<GraphSnapshot['nodes'][number]> = {}): GraphSnapshot['nodes'][number] => ({
  id,
  x: 0,
  y: 0,
  width: 40,
  height: 40,
  shape: 'ellipse',
  fill: '#ffcc00',
  stroke: '#333333',
  strokeWidth: 1,
  opacity: 1,
  compound: false,
  label: id,
  nativeName: null,
  labelColour: '#111111',
  ...over,
});
const snapshot: GraphSnapshot = {
  nodes: [
    node('state', { compound: true, shape: 'round-rectangle', width: 300, height: 200, label: 'South Korea', nativeName: '대한민국' }),
    node('lee', { label: 'Lee <Jae> & "Myung"', nativeName: '이재명', x: -50 }),
    node('xi', { label: 'Xi Jinping', shape: 'hexagon', x: 80 }),
  ],
  edges: [
    { id: 'r1', points: [{ x: -30, y: 0 }, { x: 60, y: 0 }], colour: '#0072B2', width: 3, dash: [6, 4], sourceMarker: 'tee', targetMarker: 'tee', opacity: 1 },
    { id: 'r2', points: [{ x: -30, y: 0 }, { x: 0, y: 30 }, { x: 60, y: 0 }], colour: 'url(javascript:alert(1))', width: 2, dash: [], sourceMarker: 'none', targetMarker: 'triangle', opacity: 0.5 },
  ],
  box: { x1: -150, y1: -100, x2: 150, y2: 100 },
  legend: { title: 'Summit <script>', date: '2026-11-30', items: [{ label: 'Alliance', colour: '#0072B2', dash: [], marker: 'circle' }] },
  background: '#ffffff',
  ink: '#1d2330',
};

describe('writeSvg', () => {
  const svg = writeSvg(snapshot);
  const count = (pattern: RegExp) => svg.split(pattern).length - 1;

  it('draws one shape per actor and one path per relation, with dash patterns and end markers', () => {
    expect(count(/<g class="relation"/g)).toBe(2);
    expect(count(/<g class="marker /g)).toBe(3 + 1);
    expect(svg).toContain('stroke-dasharray="6 4"');
    expect(count(/<ellipse /g)).toBe(1);
    expect(count(/<polygon /g)).toBe(1);
    expect(svg).toMatch(/ Q0 30 /);
  });

  it('writes a relation label along its line as escaped text, and none where the canvas draws none', () => {
    const first = snapshot.edges[0]!;
    const labelled = { ...snapshot, edges: [{ ...first, label: { text: 'talks <& trade>', x: 10, y: 20, angle: 30, fontSize: 9, colour: '#333333' } }] };
    const svg = writeSvg(labelled);
    expect(svg).toContain('<text class="relation-label" x="10" y="20"');
    expect(svg).toContain('rotate(30 10 20)');
    expect(svg).toContain('>talks &#60;&#38; trade&#62;</text>');
    expect(writeSvg(snapshot)).not.toContain('relation-label');
  });

  it('writes names and native names as escaped text', () => {
    expect(svg).toContain('>Lee &#60;Jae&#62; &#38; &#34;Myung&#34;</text>');
    expect(svg).toContain('>이재명</text>');
    expect(svg).toContain('>대한민국</text>');
    expect(count(/<text class="name"/g)).toBe(3);
  });

  it('holds no script, link or external reference, and drops colours that are not colours', () => {
    expect(svg).not.toMatch(/<script|href=|url\(|javascript:/i);
    expect(svg).toContain('stroke="#888888"');
    expect(new DOMParserLike(svg).wellFormed()).toBe(true);
  });
});

/** Enough of a check without a DOM: tags balance. */
class DOMParserLike {
  constructor(private readonly text: string) {}
  wellFormed(): boolean {
    const stack: string[] = [];
    for (const m of this.text.matchAll(/<(\/?)([a-z]+)[^>]*?(\/?)>/g)) {
      if (m[3] === '/') continue;
      if (m[1] === '/') {
        if (stack.pop() !== m[2]) return false;
      } else stack.push(m[2]!);
    }
    return stack.length === 0;
  }
}
