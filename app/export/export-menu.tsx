import { memo, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DatasetIndex } from '../data/dataset-index.ts';
import type { Visible } from '../view/visible.ts';
import './export-menu.css';

interface Props {
  index: DatasetIndex;
  visible: Visible;
  renderPng: RenderPng;
  renderSvg?: RenderSvg;
}

interface Choice {
  label: string;
  /** Starts a group in the menu (images, then data). */
  groupStart?: boolean;
  make: (now: Date) => Promise<{ blob: Blob; name: string }>;
}

/** Same local day as the file name, so the image and its name never disagree. */
function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking in the same task can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Drawing the image is the graph module's job (it owns the canvas); the page hands that ability in,
 * so this feature does not reach into another.
 */
export interface PngOptions {
  scope: 'full' | 'visible';
  scale: 1 | 2;
  background: string;
  legend: { title: string; date: string; scheme: 'light' | 'dark' };
}
export type RenderPng = (options: PngOptions) => Promise<Blob>;
export interface SvgOptions {
  scope: 'full' | 'visible';
  background: string;
  legend: PngOptions['legend'];
  natives: ReadonlyMap<string, string>;
}
export type RenderSvg = (options: SvgOptions) => Promise<Blob>;

/** The export code loads on first use: most visits never export. */
const exportData = () => import('./export-data.ts');

function choices(index: DatasetIndex, visible: Visible, renderPng: RenderPng, renderSvg?: RenderSvg): Choice[] {
  const id = index.dataset.id;
  const png =
    (scope: PngOptions['scope'], scale: PngOptions['scale']) =>
    async (now: Date) => ({
      // Light colours on white read the same in any viewer, print or slide, whatever the page scheme.
      blob: await renderPng({ scope, scale, background: '#ffffff', legend: { title: index.dataset.title, date: localDay(now), scheme: 'light' } }),
      name: (await exportData()).exportFileName(id, 'png', now),
    });
  const natives = new Map(index.dataset.actors.flatMap((a) => (a.nativeName ? [[a.id, a.nativeName] as const] : [])));
  const svg = (scope: SvgOptions['scope']) => async (now: Date) => ({
    blob: await renderSvg!({ scope, natives, background: '#ffffff', legend: { title: index.dataset.title, date: localDay(now), scheme: 'light' } }),
    name: (await exportData()).exportFileName(id, 'svg', now),
  });
  const svgChoices: Choice[] = renderSvg
    ? [
        { label: 'SVG (vector), view', make: svg('visible') },
        { label: 'SVG (vector), whole graph', make: svg('full') },
      ]
    : [];
  return [
    { label: 'PNG image (view, 1×)', make: png('visible', 1) },
    { label: 'PNG image (view, 2×)', make: png('visible', 2) },
    { label: 'PNG image (whole graph, 1×)', make: png('full', 1) },
    { label: 'PNG image (whole graph, 2×)', make: png('full', 2) },
    ...svgChoices,
    {
      label: 'Dataset JSON (what is shown)',
      groupStart: true,
      make: async (now) => {
        const { exportFileName, visibleSubgraph } = await exportData();
        return {
          blob: new Blob([JSON.stringify(visibleSubgraph(index, visible), null, 2)], { type: 'application/json' }),
          name: exportFileName(id, 'json', now),
        };
      },
    },
    {
      label: 'Relations CSV (what is shown)',
      make: async (now) => {
        const { exportFileName, relationsCsv } = await exportData();
        return {
          // The byte-order mark makes spreadsheet apps read the file as UTF-8, so Korean names survive.
          blob: new Blob(['\uFEFF' + relationsCsv(index, visible)], { type: 'text/csv;charset=utf-8' }),
          name: exportFileName(id, 'csv', now),
        };
      },
    },
  ];
}

/** A menu button (WAI-ARIA menu pattern) offering the graph as an image and what is shown as data. */
export const ExportMenu = memo(function ExportMenu({ index, visible, renderPng, renderSvg }: Props) {
  const [open, setOpen] = useState(false);
  const [current, setCurrent] = useState(0);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const buttonId = useId();
  const menuId = useId();
  const items = choices(index, visible, renderPng, renderSvg);
  const count = items.length;

  useEffect(() => {
    if (open) itemRefs.current[current]?.focus();
  }, [open, current]);

  // Right-aligned under the button, but a button near the left edge of a phone would push it off.
  useLayoutEffect(() => {
    const menu = menuRef.current;
    if (!open || !menu) return;
    menu.style.translate = '';
    const left = menu.getBoundingClientRect().left;
    if (left < 8) menu.style.translate = `${8 - left}px 0`;
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!wrapRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const openAt = (i: number) => {
    setCurrent((i + count) % count);
    setOpen(true);
  };

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const choose = async (item: Choice) => {
    close(true);
    setBusy(true);
    setMessage('');
    try {
      const { blob, name } = await item.make(new Date());
      download(blob, name);
      setMessage(`Exported ${name}`);
    } catch (err) {
      setMessage(`Export failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      openAt(e.key === 'ArrowDown' ? 0 : count - 1);
    }
  };

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: count - 1 };
    const target = moves[e.key];
    if (target !== undefined) {
      e.preventDefault();
      setCurrent((target + count) % count);
    } else if (e.key === 'Escape') {
      // Marked handled so the page-wide Escape (clear selection) leaves the selection alone.
      e.preventDefault();
      close(true);
    } else if (e.key === 'Tab') {
      // Focus goes back to the button first, so Tab carries on from there in page order.
      close(true);
    }
  };

  return (
    <div
      className="export-menu"
      ref={wrapRef}
      onBlur={(e) => {
        // Focus moved elsewhere on the page (a screen reader jump, a shortcut): the menu goes too.
        const next = e.relatedTarget;
        if (open && next instanceof Node && !wrapRef.current?.contains(next)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={busy || undefined}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKey}
      >
        Export
        <span className="export-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div ref={menuRef} id={menuId} role="menu" aria-labelledby={buttonId} className="export-menu-list" onKeyDown={onMenuKey}>
          {items.map((item, i) => (
            <button
              key={item.label}
              ref={(el) => {
                itemRefs.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={i === current ? 0 : -1}
              className={item.groupStart ? 'export-item group-start' : 'export-item'}
              onClick={() => void choose(item)}
              onPointerMove={() => i !== current && setCurrent(i)}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
      <span role="status" className="visually-hidden">
        {message}
      </span>
    </div>
  );
});
