import { useState } from 'react';
import {
  canAssignInBulk,
  PRIORITIES,
  WORKING_STATUSES,
  type Agent,
  type BulkChange,
  type CaseStatus,
  type Priority,
} from '../../shared';
import { useAppDispatch, useAppSelector } from '../app/hooks';
import { writeBulk, type BulkQueued } from '../app/bulk-thunks';
import { pickCleared } from '../app/ui-slice';
import type { AgentRead } from '../data/read-schemas';
import { count, PRIORITY_LABELS, STATUS_LABELS } from '../format';
import { Field } from '../case/Field';
import { ResolveSelectedDialog } from './ResolveSelectedDialog';

/**
 * What a lead or T&S reviewer does to the ticked cases at once: each change is queued in
 * the outbox per case like any other, and what the service refused of it is told here in
 * one summary (each case also shows its own refusal).
 */
export function BulkBar({ me, agents }: { me: Agent; agents: Map<string, AgentRead> }) {
  const dispatch = useAppDispatch();
  const picked = useAppSelector((s) => s.ui.picked);
  const rejected = useAppSelector((s) => s.sync.rejected);
  const [agentId, setAgentId] = useState('');
  const [priority, setPriority] = useState<Priority | ''>('');
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [last, setLast] = useState<(BulkQueued & { what: string }) | null>(null);
  const [resolving, setResolving] = useState(false);
  const ids = Object.keys(picked);

  const run = async (change: BulkChange, what: string) => {
    const queued = await dispatch(writeBulk(change, ids));
    setLast({ ...queued, what });
    dispatch(pickCleared());
  };
  const assignable = [...agents.values()]
    .filter((a) => a.active && a.roles.some((r) => r !== 'admin'))
    .sort((a, b) => a.name.localeCompare(b.name));
  const ours = last ? new Set(last.mutationIds) : null;
  const refused = ours ? rejected.filter((r) => ours.has(r.id)) : [];

  return (
    <>
      {ids.length > 0 && (
        <div role="toolbar" aria-label="Bulk actions" className="bulk-bar">
          <strong>{count(ids.length, 'case')} selected</strong>
          {canAssignInBulk(me) && (
            <span className="bulk-group">
              <Field label="Agent">
                {(id) => (
                  <select id={id} value={agentId} onChange={(e) => setAgentId(e.target.value)}>
                    <option value="">Choose…</option>
                    {assignable.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <button
                type="button"
                className="primary"
                disabled={!agentId}
                onClick={() =>
                  void run(
                    { kind: 'assign', agentId },
                    `Assigned to ${agents.get(agentId)?.name ?? 'an agent'}`,
                  )
                }
              >
                Assign selected
              </button>
            </span>
          )}
          <button type="button" onClick={() => void run({ kind: 'release' }, 'Released')}>
            Release selected
          </button>
          <span className="bulk-group">
            <Field label="Priority">
              {(id) => (
                <select
                  id={id}
                  value={priority}
                  onChange={(e) => setPriority(e.target.value as Priority | '')}
                >
                  <option value="">Choose…</option>
                  {PRIORITIES.map((p) => (
                    <option key={p} value={p}>
                      {PRIORITY_LABELS[p]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button
              type="button"
              disabled={!priority}
              onClick={() =>
                priority &&
                void run(
                  { kind: 'priority', priority },
                  `Priority set to ${PRIORITY_LABELS[priority]}`,
                )
              }
            >
              Set priority
            </button>
          </span>
          <span className="bulk-group">
            <Field label="Status">
              {(id) => (
                <select
                  id={id}
                  value={status}
                  onChange={(e) => setStatus(e.target.value as CaseStatus | '')}
                >
                  <option value="">Choose…</option>
                  {WORKING_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button
              type="button"
              disabled={!status}
              onClick={() =>
                status &&
                void run({ kind: 'status', status }, `Status set to ${STATUS_LABELS[status]}`)
              }
            >
              Set status
            </button>
          </span>
          <button type="button" onClick={() => setResolving(true)}>
            Resolve selected
          </button>
          <button type="button" onClick={() => dispatch(pickCleared())}>
            Clear selection
          </button>
        </div>
      )}
      {resolving && (
        <ResolveSelectedDialog
          selected={ids.length}
          onConfirm={(summary) => void run({ kind: 'resolve', summary }, 'Resolved')}
          onClose={() => setResolving(false)}
        />
      )}
      {last && (
        <div
          role={refused.length ? 'alert' : 'status'}
          aria-label="Bulk result"
          className={refused.length ? 'banner error bulk-result' : 'banner bulk-result'}
        >
          <p>
            {last.what}: {count(last.mutationIds.length, 'change')} queued
            {last.skipped.length > 0 &&
              `; ${last.skipped.length} left as they were (${last.skipped
                .map((s) => `${s.reference}: ${s.why}`)
                .join(', ')})`}
            .
          </p>
          {refused.length > 0 && (
            <>
              <p>
                <strong>
                  The service refused {refused.length} of {last.mutationIds.length}:
                </strong>
              </p>
              <ul aria-label="Refused by the service">
                {refused.map((r) => (
                  <li key={r.id}>
                    {r.what}: {r.error}
                  </li>
                ))}
              </ul>
            </>
          )}
          <button type="button" onClick={() => setLast(null)}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
