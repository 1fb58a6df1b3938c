import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { oneLine, PanelBoundary, PanelFallback } from './panel-boundary.tsx';
import { recentErrors, reportError, rootErrorOptions } from './report-error.ts';

describe('PanelFallback', () => {
  it('names the panel, gives the reason on one line and offers a reload', () => {
    const html = renderToStaticMarkup(<PanelFallback name="Details" error={new Error('bad\nthing <b>')} onReload={() => {}} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('<h2>Details could not be shown</h2>');
    expect(html).toContain('It stopped with: bad thing &lt;b&gt;.');
    expect(html).toContain('>Reload this panel</button>');
  });

  it('shortens long and empty messages', () => {
    expect(oneLine('x'.repeat(500))).toHaveLength(160);
    expect(oneLine('x'.repeat(500)).endsWith('…')).toBe(true);
    expect(oneLine(' \n\t ')).toBe('an unexpected error');
    expect(oneLine('a\u0000b\u007fc')).toBe('a b c');
  });
});

describe('PanelBoundary', () => {
  const boundary = () => new PanelBoundary({ panel: 'table', name: 'Table', children: <p>rows</p> });

  it('renders its children until something below it throws', () => {
    const b = boundary();
    expect(renderToStaticMarkup(<>{b.render()}</>)).toBe('<p>rows</p>');
    b.state = { ...b.state, ...PanelBoundary.getDerivedStateFromError(new Error('broken')) };
    expect(renderToStaticMarkup(<>{b.render()}</>)).toContain('Table could not be shown');
  });

  it('turns a thrown non-Error into an Error with its text', () => {
    expect(PanelBoundary.getDerivedStateFromError('plain string').error?.message).toBe('plain string');
  });

  it('reloads by clearing the error and mounting the children under a new key', () => {
    const b = boundary();
    const setState = vi.spyOn(b, 'setState').mockImplementation((update) => {
      b.state = { ...b.state, ...(typeof update === 'function' ? update(b.state, b.props) : update) };
    });
    b.state = { error: new Error('broken'), generation: 0 };
    b.reload();
    expect(setState).toHaveBeenCalledOnce();
    expect(b.state).toEqual({ error: null, generation: 1 });
  });

  it('puts the fallback in the frame the panel asked for', () => {
    const b = new PanelBoundary({ panel: 'details', name: 'Details', children: null, frame: (f) => <aside aria-label="Details">{f}</aside> });
    b.state = { error: new Error('x'), generation: 0 };
    expect(renderToStaticMarkup(<>{b.render()}</>)).toMatch(/^<aside aria-label="Details"><div class="panel-fallback" role="alert">/);
  });
});

describe('reportError and the root hooks', () => {
  afterEach(() => vi.restoreAllMocks());

  it('logs to the console and keeps the last twenty reports', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (let i = 0; i < 25; i++) reportError(new Error(`e${i}`), 'the page');
    expect(log).toHaveBeenCalledTimes(25);
    expect(log.mock.calls[24]![0]).toBe('Stancegraph: the page failed: e24');
    expect(recentErrors().map((r) => r.message)).toEqual(Array.from({ length: 20 }, (_, i) => `e${i + 5}`));
  });

  it('names the panel whose boundary caught the error, and the page otherwise', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const hooks = rootErrorOptions();
    const panel = new PanelBoundary({ panel: 'graph', name: 'Relationship graph', children: null });
    hooks.onCaughtError!(new Error('canvas'), { componentStack: '\n    at GraphView', errorBoundary: panel });
    hooks.onCaughtError!(new Error('other'), { componentStack: '', errorBoundary: undefined });
    hooks.onUncaughtError!('not an error', {});
    hooks.onRecoverableError!(new Error('hydration'), {});
    expect(log.mock.calls.map((c) => c[0])).toEqual([
      'Stancegraph: the Relationship graph panel failed: canvas',
      'Stancegraph: the page failed: other',
      'Stancegraph: the page (uncaught) failed: not an error',
      'Stancegraph: the page (recovered) failed: hydration',
    ]);
    expect(recentErrors().at(-4)?.componentStack).toBe('\n    at GraphView');
  });
});
