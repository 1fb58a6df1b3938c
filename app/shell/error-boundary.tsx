import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** Last line of defence: a readable message and a way back, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="fatal">
        <div role="alert">
          <h1>Something went wrong</h1>
          <p>Stancegraph hit an unexpected error and stopped drawing: {this.state.error.message}</p>
          <p>
            <a href={location.pathname}>Open the default view</a> or reload the page.
          </p>
        </div>
      </main>
    );
  }
}
