import { useId, useState, type FormEvent } from 'react';
import { useModalDialog } from './use-modal-dialog';

interface Props {
  open: boolean;
  email: string;
  onSignIn: (password: string) => Promise<string | null>;
  onClose: () => void;
}

/**
 * The service ended the session while changes may still be waiting: signing in again here
 * keeps this computer's cases and unsent changes, unlike signing out.
 */
export function SessionEndedDialog({ open, email, onSignIn, onClose }: Props) {
  const ref = useModalDialog(open);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const failed = await onSignIn(password);
    setBusy(false);
    setError(failed);
    if (!failed) {
      setPassword('');
      onClose();
    }
  };

  return (
    <dialog ref={ref} aria-labelledby="session-ended-title" onClose={onClose} className="dialog">
      <form onSubmit={(e) => void submit(e)} aria-describedby={error ? errorId : undefined}>
        <h2 id="session-ended-title">Sign in again</h2>
        <p className="small">
          Your session has ended. Sign in again as <strong>{email}</strong> to go on: your cases and
          unsent changes stay on this computer and are sent once you are back.
        </p>
        <label className="field">
          Password
          <input
            type="password"
            autoComplete="current-password"
            required
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p id={errorId} role="alert" className="error small">
            {error}
          </p>
        )}
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
