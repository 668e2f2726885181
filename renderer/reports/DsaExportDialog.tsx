import { useState, type FormEvent } from 'react';
import { addDays, format, startOfMonth, subMonths } from 'date-fns';
import { ApiError } from '../app/api-client';
import { useAppDispatch } from '../app/hooks';
import { Field, FormError } from '../case/Field';
import { useModalDialog } from '../workspace/use-modal-dialog';
import { exportDsaStatements } from './report-thunks';

const day = (d: Date) => format(d, 'yyyy-MM-dd');
/** A day the agent picked, as the UTC midnight that begins it (the database's days are UTC). */
const utcStart = (ymd: string) => `${ymd}T00:00:00.000Z`;

/**
 * The DSA transparency export (Art. 24(5)) for Trust & Safety and leads: the statements
 * of the restrictions that took effect in a period, saved as JSON lines for the
 * Commission's database. Both days of the period are included.
 */
export function DsaExportDialog({
  open,
  now,
  onClose,
}: {
  open: boolean;
  now: Date;
  onClose: () => void;
}) {
  const ref = useModalDialog(open);
  const dispatch = useAppDispatch();
  // Last month by default: statements are usually sent month by month.
  const [from, setFrom] = useState(day(startOfMonth(subMonths(now, 1))));
  const [to, setTo] = useState(day(addDays(startOfMonth(now), -1)));
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to) || to < from) {
      setError('Choose a first and a last day, the last not before the first.');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const end = day(addDays(new Date(`${to}T12:00:00Z`), 1));
      const r = await dispatch(exportDsaStatements(utcStart(from), utcStart(end)));
      setNote(`Saved ${r.statements} statement${r.statements === 1 ? '' : 's'} as ${r.filename}.`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The case service could not be reached.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} aria-labelledby="dsa-export-title" onClose={onClose} className="dialog">
      <h2 id="dsa-export-title">Export DSA statements</h2>
      <p className="small muted">
        One statement of reasons per restriction that took effect in the period, in the format of
        the EU’s DSA Transparency Database, without personal data.
      </p>
      <form onSubmit={submit} aria-label="Export DSA statements">
        <div className="row">
          <Field label="First day">
            {(id) => (
              <input id={id} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            )}
          </Field>
          <Field label="Last day">
            {(id) => (
              <input id={id} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            )}
          </Field>
        </div>
        <FormError message={error} />
        <p className="small" role="status">
          {note}
        </p>
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            Save statements
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    </dialog>
  );
}
