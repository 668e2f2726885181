import { useState } from 'react';
import { worksCases, type MoveOpenCasesResponse, type TeamMember } from '../../../shared';
import { moveAgentCases } from '../../app/routing-thunks';
import { useAppDispatch } from '../../app/hooks';
import { useModalDialog } from '../use-modal-dialog';

/** What a finished move did, in a sentence. */
export function movedSummary(name: string, r: MoveOpenCasesResponse): string {
  const placed = r.moved.filter((m) => m.toAssigneeId !== null).length;
  const queued = r.moved.length - placed;
  if (r.moved.length === 0) return `${name} had no open cases to move.`;
  return `Moved ${r.moved.length} of ${name}’s open cases: ${placed} reassigned, ${queued} back to the queue.`;
}

/**
 * Moves all of one agent's open cases (someone off sick): spread over the team by the
 * routing rule, or to colleagues the lead picks.
 */
export function MoveCasesDialog({
  from,
  team,
  onClose,
  onMoved,
}: {
  from: TeamMember | null;
  team: TeamMember[];
  onClose: () => void;
  onMoved: (summary: string) => void;
}) {
  const dispatch = useAppDispatch();
  const ref = useModalDialog(from !== null);
  const [mode, setMode] = useState<'spread' | 'chosen'>('spread');
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const colleagues = team.filter((m) => m.active && m.id !== from?.id && worksCases(m));

  const move = async () => {
    if (!from) return;
    if (mode === 'chosen' && chosen.length === 0) {
      setError('Choose at least one colleague.');
      return;
    }
    setBusy(true);
    const r = await dispatch(
      moveAgentCases(from.id, mode === 'spread' ? { spread: true } : { toAgentIds: chosen }),
    );
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setChosen([]);
    onMoved(movedSummary(from.name, r.value));
  };

  return (
    <dialog ref={ref} aria-labelledby="move-title" onClose={onClose} className="dialog move-cases">
      <h2 id="move-title">Move {from?.name}’s open cases</h2>
      <p className="small">
        All {from?.openCases ?? 0} open cases leave {from?.name}. A case nobody can take goes back
        to the queue.
      </p>
      <fieldset>
        <legend>Move them</legend>
        <label>
          <input
            type="radio"
            name="move-mode"
            checked={mode === 'spread'}
            onChange={() => setMode('spread')}
          />
          Spread over the team by the routing rule
        </label>
        <label>
          <input
            type="radio"
            name="move-mode"
            checked={mode === 'chosen'}
            onChange={() => setMode('chosen')}
          />
          To colleagues I choose
        </label>
      </fieldset>
      {mode === 'chosen' && (
        <fieldset>
          <legend>Colleagues</legend>
          {colleagues.map((m) => (
            <label key={m.id}>
              <input
                type="checkbox"
                checked={chosen.includes(m.id)}
                onChange={(e) =>
                  setChosen((c) => (e.target.checked ? [...c, m.id] : c.filter((x) => x !== m.id)))
                }
              />
              {m.name}
            </label>
          ))}
        </fieldset>
      )}
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      <div className="row">
        <button type="button" className="primary" disabled={busy} onClick={() => void move()}>
          Move cases
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
