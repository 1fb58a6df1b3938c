import { useId } from 'react';
import { update, useView } from '../view/view-store.ts';
import { setPlain } from '../view/view-actions.ts';

/** Switches the data encodings (size by relations, width by weight) off and on; the choice rides in the link. */
export function AppearanceControl() {
  const plain = useView((s) => s.plain);
  const id = useId();
  return (
    <fieldset className="appearance-control">
      <legend>Appearance</legend>
      <input id={`${id}-encode`} type="checkbox" checked={!plain} aria-describedby={`${id}-help`} onChange={(e) => update(setPlain(!e.currentTarget.checked))} />
      <label htmlFor={`${id}-encode`}>Size and width show the data</label>
      <p id={`${id}-help`} className="hint">
        Larger shapes have more relations shown; wider lines have more weight (or more quotes). Unticked, all are drawn alike.
      </p>
    </fieldset>
  );
}
