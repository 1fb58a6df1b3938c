export function LoadingSkeleton() {
  return (
    <div className="app-shell skeleton" aria-busy="true">
      <header className="topbar">
        <span className="brand">Stancegraph</span>
      </header>
      <aside className="sidebar">
        <div className="sk-line" />
        <div className="sk-line short" />
        <div className="sk-line" />
      </aside>
      <main className="main">
        <p role="status" className="status-line">
          Loading dataset…
        </p>
        <div className="sk-canvas" />
      </main>
    </div>
  );
}
