import { useId, useState, type FormEvent } from 'react';
import type { SecondFactorEnrolment } from '../../shared';
import type { Outcome } from '../app/account-thunks';

interface Props {
  onBegin: () => Promise<Outcome<SecondFactorEnrolment>>;
  onConfirm: (code: string) => Promise<Outcome<string[]>>;
  /** After the recovery codes were shown. */
  onDone: () => void;
  /** What the finishing button says (the sign-in's set-up opens the workspace). */
  doneLabel?: string;
}

/**
 * Setting up two-step sign-in: a QR code (and its key, for typing in), a code from the app
 * to turn it on, then the recovery codes, shown this once.
 */
export function TwoStepSetup({ onBegin, onConfirm, onDone, doneLabel = 'Done' }: Props) {
  const [enrolment, setEnrolment] = useState<SecondFactorEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const errorId = useId();

  const begin = async () => {
    setBusy(true);
    const r = await onBegin();
    setBusy(false);
    if (r.ok) setEnrolment(r.value);
    setError(r.ok ? null : r.error);
  };
  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await onConfirm(code.trim());
    setBusy(false);
    if (r.ok) setCodes(r.value);
    setError(r.ok ? null : r.error);
  };
  const copy = async () => {
    const ok = await navigator.clipboard.writeText(codes!.join('\n')).then(
      () => true,
      () => false,
    );
    setCopied(ok);
  };

  const errorLine = error && (
    <p id={errorId} role="alert" className="error small">
      {error}
    </p>
  );

  if (codes) {
    return (
      <div className="two-step">
        <p role="status">Two-step sign-in is on.</p>
        <p className="small">
          Keep these recovery codes somewhere safe: each signs you in once if you lose your phone.
          They are shown only now.
        </p>
        <ul aria-label="Recovery codes" className="recovery-codes">
          {codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <div className="row">
          <button type="button" onClick={() => void copy()}>
            Copy recovery codes
          </button>
          <button type="button" className="primary" onClick={onDone}>
            {doneLabel}
          </button>
          <span role="status" className="small">
            {copied ? 'Copied.' : ''}
          </span>
        </div>
      </div>
    );
  }
  if (!enrolment) {
    return (
      <div className="two-step">
        <button type="button" onClick={() => void begin()} disabled={busy}>
          Set up two-step sign-in
        </button>
        {errorLine}
      </div>
    );
  }
  return (
    <form
      className="two-step"
      onSubmit={(e) => void confirm(e)}
      aria-describedby={error ? errorId : undefined}
    >
      <p className="small">
        Scan this QR code with an authenticator app (such as Google Authenticator, Microsoft
        Authenticator or 1Password), then enter the 6-digit code it shows.
      </p>
      <img
        src={enrolment.qrCode}
        alt="QR code for your authenticator app"
        width={180}
        height={180}
      />
      <label className="field">
        Or enter this key in the app
        <input
          readOnly
          value={enrolment.secret}
          aria-label="Setup key"
          onFocus={(e) => e.target.select()}
        />
      </label>
      <label className="field">
        Authentication code
        <input
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]{6,7}"
          maxLength={7}
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </label>
      {errorLine}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Checking…' : 'Turn on two-step sign-in'}
        </button>
      </div>
    </form>
  );
}
