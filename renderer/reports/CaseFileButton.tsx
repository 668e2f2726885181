import { useState } from 'react';
import type { Case } from '../../shared';
import { ApiError } from '../app/api-client';
import { useAppDispatch } from '../app/hooks';
import { exportCaseFile } from './report-thunks';

/** "Export case file" (T&S and leads): the PDF and its JSON twin, for an ADR body or the police. */
export function CaseFileButton({ c }: { c: Pick<Case, 'id' | 'reference'> }) {
  const dispatch = useAppDispatch();
  const [state, setState] = useState<{ busy: boolean; note: string }>({ busy: false, note: '' });
  const run = async () => {
    setState({ busy: true, note: 'Preparing the case file…' });
    try {
      const saved = await dispatch(exportCaseFile(c.id, c.reference));
      setState({ busy: false, note: `Saved ${saved.join(' and ')}.` });
    } catch (err) {
      setState({
        busy: false,
        note:
          err instanceof ApiError
            ? err.message
            : 'The case file needs the case service; try again when online.',
      });
    }
  };
  return (
    <>
      <button type="button" onClick={() => void run()} disabled={state.busy}>
        Export case file
      </button>
      <span className="muted small" role="status">
        {state.note}
      </span>
    </>
  );
}
