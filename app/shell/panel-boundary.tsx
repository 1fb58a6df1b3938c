import { Component, Fragment, type ReactNode } from 'react';
import { FaultPoint, type PanelId } from './fault-point.tsx';
import './panel-boundary.css';

interface Props {
  panel: PanelId;
  /** What people call the panel; the fallback's heading and the error report use it. */
  name: string;
  children: ReactNode;
  /**
   * Wraps the fallback when the panel draws its own landmark (the details `<aside>`), so the
   * page keeps its regions and grid while the panel is down.
   */
  frame?: (fallback: ReactNode) => ReactNode;
}

interface State {
  error: Error | null;
  /** Bumped by "Reload this panel" so the children mount afresh instead of reusing broken state. */
  generation: number;
}

/** Error messages can be long or hold line breaks; the fallback has room for one short line. */
export function oneLine(message: string, max = 160): string {
  let line = '';
  for (const ch of message) line += ch.charCodeAt(0) < 32 || ch === '\u007f' ? ' ' : ch;
  line = line.replace(/ {2,}/g, ' ').trim();
  if (line === '') return 'an unexpected error';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export function PanelFallback({ name, error, onReload }: { name: string; error: Error; onReload: () => void }) {
  const reason = oneLine(error.message);
  const stop = /[.!?…]$/.test(reason) ? '' : '.';
  return (
    <div className="panel-fallback" role="alert">
      <h2>{name} could not be shown</h2>
      <p>
        It stopped with: {reason}
        {stop} The rest of the page still works.
      </p>
      <button type="button" className="button small" onClick={onReload}>
        Reload this panel
      </button>
    </div>
  );
}

/**
 * Keeps a failure inside one panel: the others, the link and the loaded dataset stay as they
 * are. Reporting happens once, in the root's `onCaughtError` (see report-error.ts).
 */
export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null, generation: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  reload = () => this.setState((s) => ({ error: null, generation: s.generation + 1 }));

  override render() {
    const { error, generation } = this.state;
    if (error) {
      const fallback = <PanelFallback name={this.props.name} error={error} onReload={this.reload} />;
      return this.props.frame ? this.props.frame(fallback) : fallback;
    }
    return (
      <Fragment key={generation}>
        {FaultPoint && <FaultPoint panel={this.props.panel} />}
        {this.props.children}
      </Fragment>
    );
  }
}
