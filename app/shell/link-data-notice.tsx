import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useView } from '../view/view-store.ts';
import { localId } from '../load/local-datasets.ts';
import { localDatasetsQueryKey } from '../load/local-dataset-query.ts';
import { ProblemList } from '../load/problem-list.tsx';
import { dismissLinkDataFailure, keepLinkDataset, useLinkData } from '../url/link-data.ts';

/**
 * What became of a dataset carried in the link: refused (with why), or shown from the link and
 * not yet saved here, with the offer to keep it. Text from the link is rendered as text.
 */
export function LinkDataNotice() {
  const queryClient = useQueryClient();
  const failure = useLinkData((s) => s.failure);
  const hash = useLinkData((s) => s.hash);
  const kept = useLinkData((s) => s.kept);
  const shown = useView((s) => s.dataset);
  const [outcome, setOutcome] = useState<string | null>(null);
  const fromLink = hash !== null && shown === localId(hash);

  const keep = async () => {
    const result = await keepLinkDataset(queryClient);
    setOutcome(result.ok ? 'Kept on this device: it is listed under “Loaded on this device”.' : `Not kept. ${result.message}`);
    if (result.ok) void queryClient.invalidateQueries({ queryKey: localDatasetsQueryKey });
  };

  return (
    <div className="load-messages">
      {failure && (
        <div className="notice error load-failure" role="alert">
          <div className="load-message-body">
            <p className="load-reason">{failure.reason}</p>
            <ProblemList problems={failure.problems} />
          </div>
          <button type="button" className="button small" onClick={dismissLinkDataFailure}>
            Dismiss
          </button>
        </div>
      )}
      <div role="status" className="load-status">
        {fromLink && !kept && (
          <div className="notice load-warning">
            <p>This dataset came with the link. It is shown here but not saved on this device.</p>
            <button type="button" className="button small" onClick={() => void keep()}>
              Keep this dataset on this device
            </button>
          </div>
        )}
        {fromLink && outcome !== null && <p className="load-busy">{outcome}</p>}
      </div>
    </div>
  );
}
