import type { RootOptions } from 'react-dom/client';
import { PanelBoundary } from './panel-boundary.tsx';

export interface ErrorReport {
  /** Where it happened, in words: "the Details panel", "the page". */
  where: string;
  message: string;
  componentStack: string | null;
  at: number;
}

const keep = 20;
const recent: ErrorReport[] = [];

/** The last few reports, newest last: enough to tell what happened without a debugger. */
export function recentErrors(): readonly ErrorReport[] {
  return recent;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The one place errors are reported: the console, and a short in-memory history. */
export function reportError(error: unknown, where: string, componentStack: string | null = null): ErrorReport {
  const report: ErrorReport = { where, message: messageOf(error), componentStack, at: Date.now() };
  recent.push(report);
  if (recent.length > keep) recent.splice(0, recent.length - keep);
  console.error(`Stancegraph: ${where} failed: ${report.message}`, error, componentStack ?? '');
  return report;
}

function boundaryName(boundary: unknown): string {
  return boundary instanceof PanelBoundary ? `the ${boundary.props.name} panel` : 'the page';
}

/** React's root hooks, so errors caught by a boundary and errors that escape all go the same way. */
export function rootErrorOptions(): Pick<RootOptions, 'onCaughtError' | 'onUncaughtError' | 'onRecoverableError'> {
  return {
    onCaughtError: (error, info) => void reportError(error, boundaryName(info.errorBoundary), info.componentStack ?? null),
    onUncaughtError: (error, info) => void reportError(error, 'the page (uncaught)', info.componentStack ?? null),
    onRecoverableError: (error, info) => void reportError(error, 'the page (recovered)', info.componentStack ?? null),
  };
}
