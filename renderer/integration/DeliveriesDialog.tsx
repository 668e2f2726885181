import { useCallback, useEffect, useState } from 'react';
import type { Delivery } from '../../shared';
import { ApiError } from '../app/api-client';
import { loadDeliveries, retryDelivery, type WatchedDeliveryStatus } from '../app/delivery-thunks';
import { useAppDispatch } from '../app/hooks';
import { formatDateTime } from '../format';
import { useModalDialog } from '../workspace/use-modal-dialog';

const STATUSES: { status: WatchedDeliveryStatus; label: string }[] = [
  { status: 'pending', label: 'Pending' },
  { status: 'failed', label: 'Failed' },
  { status: 'dead', label: 'Dead' },
];

const describe = (err: unknown) =>
  err instanceof ApiError ? err.message : 'The case service could not be reached.';

/**
 * Deliveries of integration events to the marketplace that are not through (admins):
 * pending, failed (being retried) or dead (given up after the retry window), with their
 * attempts, last error and next try, and a Retry on each.
 */
export function DeliveriesDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useModalDialog(open);
  const dispatch = useAppDispatch();
  const [status, setStatus] = useState<WatchedDeliveryStatus>('failed');
  const [rows, setRows] = useState<Delivery[] | null>(null);
  const [note, setNote] = useState('');

  const load = useCallback(
    async (s: WatchedDeliveryStatus) => {
      setRows(null);
      try {
        setRows((await dispatch(loadDeliveries(s))).deliveries);
      } catch (err) {
        setRows([]);
        setNote(describe(err));
      }
    },
    [dispatch],
  );

  useEffect(() => {
    if (open) void load(status);
  }, [open, status, load]);

  const retry = async (d: Delivery) => {
    try {
      await dispatch(retryDelivery(d.id));
      setNote(`${d.type}${d.caseReference ? ` of ${d.caseReference}` : ''} is sent again.`);
      await load(status);
    } catch (err) {
      setNote(describe(err));
    }
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby="deliveries-title"
      onClose={onClose}
      className="dialog deliveries"
    >
      <h2 id="deliveries-title">Deliveries</h2>
      <p className="small muted">
        Events for the marketplace that have not arrived yet. Failed ones are tried again on their
        own; dead ones gave up after 72 hours.
      </p>
      <div className="delivery-tabs" role="group" aria-label="Show deliveries">
        {STATUSES.map((s) => (
          <button
            key={s.status}
            type="button"
            aria-pressed={status === s.status}
            onClick={() => {
              setNote('');
              setStatus(s.status);
            }}
          >
            {s.label}
          </button>
        ))}
        <button type="button" onClick={() => void load(status)}>
          Refresh
        </button>
      </div>
      <p className="small" role="status">
        {note}
      </p>
      <table className="deliveries-table" aria-label="Deliveries" aria-busy={rows === null}>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Case</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last error</th>
            <th scope="col">Next try</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="visually-hidden">Resend</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows?.length === 0 && (
            <tr>
              <td colSpan={7} className="muted">
                No {status} deliveries.
              </td>
            </tr>
          )}
          {rows?.map((d) => (
            <tr key={d.id}>
              <td id={`delivery-${d.id}`}>{d.type}</td>
              <td>{d.caseReference ?? '—'}</td>
              <td>{d.attempts}</td>
              <td>{d.lastError ?? '—'}</td>
              <td>{d.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : '—'}</td>
              <td>{formatDateTime(d.createdAt)}</td>
              <td>
                <button
                  type="button"
                  onClick={() => void retry(d)}
                  aria-describedby={`delivery-${d.id}`}
                >
                  Retry
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
