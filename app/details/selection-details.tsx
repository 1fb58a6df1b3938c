import type { ReactNode } from 'react';
import type { DatasetIndex } from '../data/dataset-index.ts';
import type { Selection } from '../view/view-state.ts';
import type { Visible } from '../view/visible.ts';
import { ActorDetails } from './actor-details.tsx';
import { RelationDetails, StanceDetails } from './claim-details.tsx';
import { NotInDataset } from './details-parts.tsx';

/** The selected actor, relation or stance, with the quotes that back it (loaded after the first view). */
export function selectionDetails(index: DatasetIndex, visible: Visible, selection: Selection): ReactNode {
  switch (selection.kind) {
    case 'actor': {
      const actor = index.actorById.get(selection.id);
      return actor ? <ActorDetails key={actor.id} index={index} visible={visible} actor={actor} /> : <NotInDataset />;
    }
    case 'relation': {
      const relation = index.relationById.get(selection.id);
      return relation ? <RelationDetails index={index} visible={visible} relation={relation} /> : <NotInDataset />;
    }
    case 'stance': {
      const stance = index.stancesByActor.get(selection.actor)?.find((s) => s.topic === selection.topic);
      return stance ? <StanceDetails index={index} visible={visible} stance={stance} /> : <NotInDataset />;
    }
  }
}
