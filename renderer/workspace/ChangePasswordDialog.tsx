import { useId, useState, type FormEvent } from 'react';
import type { PersonalWords } from '../../shared/password-policy';
import { PasswordStrength } from '../screens/PasswordStrength';
import { useModalDialog } from './use-modal-dialog';

interface Props {
  open: boolean;
  me: PersonalWords;
  onChange: (current: string, next: string) => Promise<string | null>;
  onClose: () => void;
}

/** Settings → Change password: the current one, a new one judged as it is typed. */
export function ChangePasswordDialog({ open, me, onChange, onClose }: Props) {
  const ref = useModalDialog(open);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const errorId = useId();

  const close = () => {
    setCurrent('');
    setNext('');
    setError(null);
    setDone(false);
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const failed = await onChange(current, next);
    setBusy(false);
    setError(failed);
    if (!failed) {
      setCurrent('');
      setNext('');
      setDone(true);
    }
  };

  return (
    <dialog ref={ref} aria-labelledby="change-password-title" onClose={close} className="dialog">
      <form onSubmit={(e) => void submit(e)} aria-describedby={error ? errorId : undefined}>
        <h2 id="change-password-title">Change password</h2>
        <label className="field">
          Current password
          <input
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </label>
        <label className="field">
          New password
          <input
            type="password"
            autoComplete="new-password"
            required
            value={next}
            onChange={(e) => {
              setNext(e.target.value);
              setDone(false);
            }}
          />
        </label>
        <PasswordStrength password={next} person={me} />
        {error && (
          <p id={errorId} role="alert" className="error small">
            {error}
          </p>
        )}
        {done && (
          <p role="status" className="small">
            Your password is changed. Your sessions on other computers have ended.
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Changing…' : 'Change password'}
          </button>
          <button type="button" onClick={close}>
            Close
          </button>
        </div>
      </form>
    </dialog>
  );
}
