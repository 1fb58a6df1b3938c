import { Fragment, useEffect, useId, useMemo, useRef } from 'react';
import type { DatasetIndex } from '../data/dataset-index.ts';
import { hasStory, storySteps, type StoryStep } from '../view/story.ts';
import { goToStep, select, setBuild } from '../view/view-actions.ts';
import { getViewState, update, useView, useViewStore } from '../view/view-store.ts';
import { PositionBadge } from '../ui/position-badge.tsx';
import { RelationTypeBadge } from '../ui/relation-type-badge.tsx';
import { plural } from '../ui/plural.ts';
import { claimsFor, isSelected, type Claim } from './citations.ts';
import { highlightSegments } from './highlight.ts';
import { closeStoryAndReturn as close } from './story-button.tsx';
import './story-panel.css';

/** Arrow keys belong to these widgets (tabs, listboxes, menus…) and to text fields. */
function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
  const role = target.getAttribute('role');
  return role !== null && ['tab', 'option', 'listbox', 'menu', 'menuitem', 'slider', 'combobox', 'radio', 'spinbutton'].includes(role);
}

const go = (step: number) => update(goToStep(step), 'entry');


/**
 * "Read the story" (loaded when a story first opens: see story-button.tsx): one source paragraph (or authored step) at a time, its quotes marked and its
 * claims listed, while the graph stresses what the step supports. `compact` is the embedded view:
 * the stepper only, read-only.
 */
export function StoryPanel({ index, compact = false }: { index: DatasetIndex; compact?: boolean }) {
  const steps = useMemo(() => storySteps(index), [index]);
  const step = useView((s) => s.step);
  const build = useView((s) => s.build);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const total = steps.length;
  const current = step !== null && hasStory(steps) ? steps[step - 1] : undefined;

  // Focus follows the reader's own moves; a link or Back/Forward does not pull focus into the panel.
  useEffect(() => {
    if (step !== null && useViewStore.getState().change !== 'restore') headingRef.current?.focus({ preventScroll: compact });
  }, [step, compact]);

  // On a phone the sheet covers the lower part of the screen: bring the (shorter) graph up above it.
  const open = step !== null;
  useEffect(() => {
    if (!open || compact || !window.matchMedia('(max-width: 800px)').matches) return;
    const graph = sectionRef.current?.parentElement?.querySelector('.graph-region');
    if (graph && typeof graph.scrollIntoView === 'function') graph.scrollIntoView({ block: 'start' });
  }, [open, compact]);

  useEffect(() => {
    if (step === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || ownsKeys(e.target)) return;
      const now = getViewState().step;
      if (now === null) return;
      if ((e.key === 'ArrowRight' || e.key === 'PageDown') && now < total) go(now + 1);
      else if ((e.key === 'ArrowLeft' || e.key === 'PageUp') && now > 1) go(now - 1);
      else if (e.key === 'Escape' && !compact) close();
      else return;
      e.preventDefault();
    };
    // Capture, so Esc closes the story before the page's own Esc (clear selection) sees it.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [step, total, compact]);

  if (step === null || current === undefined) return null;
  const heading = `Step ${step} of ${total}`;
  return (
    <section ref={sectionRef} aria-label="Story" className={compact ? 'story-panel compact' : 'story-panel'}>
      <div className="story-head">
        <h2 ref={headingRef} tabIndex={-1} className="story-heading">
          {heading}
        </h2>
        <progress className="story-progress" max={total} value={step} aria-hidden="true" />
        {!compact && (
          <button type="button" className="button small story-close" onClick={close}>
            Close story
          </button>
        )}
      </div>
      {/* Focusable, so the text can be scrolled from the keyboard when it overflows. */}
      <div className="story-body" tabIndex={0} role="group" aria-label="Step text">
        <StepText step={current} />
        {!compact && <StepClaims index={index} step={current} />}
      </div>
      <div className="story-controls">
        <button type="button" className="button" disabled={step <= 1} onClick={() => go(step - 1)}>
          <span aria-hidden="true">← </span>Previous step
        </button>
        <button type="button" className="button primary" disabled={step >= total} onClick={() => go(step + 1)}>
          Next step<span aria-hidden="true"> →</span>
        </button>
        <label className="story-build">
          <input type="checkbox" checked={build} onChange={(e) => update(setBuild(e.currentTarget.checked), 'entry')} />
          Build up
        </label>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {`${heading}${current.title ? `: ${current.title}` : current.paragraph !== null ? `, paragraph ${current.paragraph}` : ''}`}
      </p>
    </section>
  );
}

function StepText({ step }: { step: StoryStep }) {
  const segments = useMemo(
    () => (step.paragraph === null ? [] : highlightSegments(step.text, step.evidence.map((e) => e.quote))),
    [step],
  );
  if (step.paragraph === null)
    return (
      <div className="story-text">
        <h3 className="story-title">{step.title}</h3>
        <p>{step.text}</p>
        {step.evidence.length > 0 && (
          <ul className="story-evidence">
            {step.evidence.map((e, i) => (
              <li key={i}>
                <span className="story-marker">{`¶ ${e.paragraph}`}</span> <q>{e.quote}</q>
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  return (
    <div className="story-text">
      <p className="story-marker">{`¶ ${step.paragraph}`}</p>
      <p>{segments.map((s, i) => (s.marked ? <mark key={i}>{s.text}</mark> : <Fragment key={i}>{s.text}</Fragment>))}</p>
    </div>
  );
}

function StepClaims({ index, step }: { index: DatasetIndex; step: StoryStep }) {
  const selection = useView((s) => s.selection);
  const claims = useMemo(() => claimsFor(index, step.refs), [index, step]);
  const headingId = useId();
  if (claims.length === 0) return null;
  const selectClaim = (claim: Claim) =>
    update(select(claim.kind === 'relation' ? { kind: 'relation', id: claim.id } : { kind: 'stance', actor: claim.actor, topic: claim.topic }));
  return (
    <div className="story-claims">
      <h3 id={headingId} className="story-claims-heading">{`Supports ${plural(claims.length, 'claim', 'claims')}`}</h3>
      <ul aria-labelledby={headingId}>
        {claims.map((claim) => (
          <li key={claim.key}>
            <button
              type="button"
              className="story-claim"
              aria-label={claim.label}
              aria-current={isSelected(claim, selection) ? 'true' : undefined}
              onClick={() => selectClaim(claim)}>
              <span className="story-claim-title">{claim.title}</span>
              {claim.kind === 'relation' ? <RelationTypeBadge type={claim.type} /> : <PositionBadge position={claim.position} />}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
