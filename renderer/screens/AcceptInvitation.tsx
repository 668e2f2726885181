import { useEffect, useId, useState, type FormEvent } from 'react';
import type { PersonalWords } from '../../shared/password-policy';
import { PasswordStrength } from './PasswordStrength';

interface Props {
  /** From the invitation link, if the person followed one. */
  initialToken: string;
  onAccept: (token: string, password: string) => Promise<string | null>;
  /** Whom the invitation is for (null: unknown, used or expired, or not reachable). */
  onLookup: (token: string) => Promise<PersonalWords | null>;
  onCancel: () => void;
}

/** An invited person sets their password and lands in the workspace, signed in. */
export function AcceptInvitation({ initialToken, onAccept, onLookup, onCancel }: Props) {
  const [token, setToken] = useState(initialToken);
  const [person, setPerson] = useState<PersonalWords | null>(null);
  // Whom it is for, so the password is judged against their name and email here too.
  useEffect(() => {
    const typed = token.trim();
    if (typed.length < 20) return setPerson(null);
    let current = true;
    const timer = setTimeout(() => {
      void onLookup(typed).then((p) => {
        if (current) setPerson(p);
      });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [token, onLookup]);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const failed = await onAccept(token.trim(), password);
    setBusy(false);
    setError(failed);
  };

  return (
    <main className="signin">
      <form
        className="signin-card"
        onSubmit={(e) => void submit(e)}
        aria-describedby={error ? errorId : undefined}
      >
        <h1>Welcome to Casedesk</h1>
        <p className="muted">Choose your password to accept the invitation.</p>
        <label>
          Invitation token
          <input
            name="invitation"
            autoComplete="off"
            required
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
        </label>
        <label>
          New password
          <input
            type="password"
            name="new-password"
            autoComplete="new-password"
            required
            autoFocus={initialToken !== ''}
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              setError(null);
            }}
          />
        </label>
        {person && (
          <p className="small" role="status">
            For {person.name} ({person.email})
          </p>
        )}
        <PasswordStrength password={password} person={person} />
        {error && (
          <p id={errorId} role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Set password and sign in'}
        </button>
        <button type="button" className="link" onClick={onCancel}>
          Back to sign-in
        </button>
      </form>
    </main>
  );
}
