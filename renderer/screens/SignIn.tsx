import { useId, useState, type FormEvent } from 'react';
import type { AppInfo } from '../../shared/desktop/ipc-contract';
import type { SecondStep } from '../app/api-client';
import { ConnectionSettings } from './ConnectionSettings';

interface Props {
  busy: boolean;
  error: string | null;
  info: AppInfo;
  onSubmit: (email: string, password: string, second?: SecondStep) => void;
  /** The password was right; the service asks for the authenticator app's code. */
  codeAsked: boolean;
  /** Back to email and password. */
  onStartOver: () => void;
  onConnected: () => void;
  /** Someone with an invitation token sets their password instead. */
  onInvitation: () => void;
  /** Offered when the service has single sign-on. */
  onSso: (() => void) | null;
}

/** The first screen: two labelled fields and one button, errors announced to screen readers. */
export function SignIn({
  busy,
  error,
  info,
  onSubmit,
  codeAsked,
  onStartOver,
  onConnected,
  onInvitation,
  onSso,
}: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState(false);
  const errorId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!codeAsked) return onSubmit(email.trim(), password);
    const typed = code.trim();
    onSubmit(email.trim(), password, recovery ? { recoveryCode: typed } : { totp: typed });
  };

  if (codeAsked) {
    return (
      <main className="signin">
        <form
          className="signin-card"
          onSubmit={submit}
          aria-describedby={error ? errorId : undefined}
        >
          <h1>Casedesk</h1>
          <p className="muted">
            {recovery
              ? 'Enter one of the recovery codes you saved when you set up two-step sign-in.'
              : 'Enter the 6-digit code from your authenticator app.'}
          </p>
          <label>
            {recovery ? 'Recovery code' : 'Authentication code'}
            <input
              key={recovery ? 'recovery' : 'totp'}
              name={recovery ? 'recovery-code' : 'totp'}
              inputMode={recovery ? 'text' : 'numeric'}
              autoComplete={recovery ? 'off' : 'one-time-code'}
              required
              autoFocus
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </label>
          {error && (
            <p id={errorId} role="alert" className="error">
              {error}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <button
            type="button"
            className="link"
            onClick={() => {
              setRecovery(!recovery);
              setCode('');
            }}
          >
            {recovery ? 'Use the authentication code' : 'Use a recovery code'}
          </button>
          <button
            type="button"
            className="link"
            onClick={() => {
              setCode('');
              setPassword('');
              setRecovery(false);
              onStartOver();
            }}
          >
            Start over
          </button>
        </form>
      </main>
    );
  }

  return (
    <main className="signin">
      <form
        className="signin-card"
        onSubmit={submit}
        aria-describedby={error ? errorId : undefined}
      >
        <h1>Casedesk</h1>
        <p className="muted">Sign in to work your case queue.</p>
        <label>
          Email
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p id={errorId} role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {onSso && (
          <button type="button" onClick={onSso} disabled={busy}>
            Sign in with single sign-on
          </button>
        )}
        <button type="button" className="link" onClick={onInvitation}>
          I have an invitation
        </button>
        {info.platform === 'web' && <p className="muted small">Server: {info.server}</p>}
      </form>
      {info.platform === 'desktop' && <ConnectionSettings info={info} onConnected={onConnected} />}
    </main>
  );
}
