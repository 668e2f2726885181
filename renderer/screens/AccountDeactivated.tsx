import { useState } from 'react';
import type { UnsentChange } from '../app/session-thunks';

interface Props {
  unsent: UnsentChange[] | null;
  onDone: () => void;
}

const asText = (changes: UnsentChange[]) =>
  changes.map((c) => `${c.at} — ${c.what}${c.text ? `:\n${c.text}` : ''}`).join('\n\n');

/**
 * An admin deactivated this account: the workspace is closed, with the reason in plain
 * words and no way back in from here. What this device had not yet sent is listed to copy
 * — it can never reach the service now, and must not vanish without the person knowing.
 */
export function AccountDeactivated({ unsent, onDone }: Props) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (!unsent) return;
    await navigator.clipboard.writeText(asText(unsent)).catch(() => undefined);
    setCopied(true);
  };
  return (
    <main className="signin">
      <section className="signin-card wide" aria-labelledby="deactivated-title">
        <h1 id="deactivated-title">You are signed out</h1>
        <p role="alert">
          Your account has been deactivated by an administrator, so Casedesk signed you out. If you
          think this is a mistake, ask your administrator.
        </p>
        {unsent === null && <p className="muted">Looking for changes not sent yet…</p>}
        {unsent?.length === 0 && <p>Every change you made had reached the server.</p>}
        {unsent && unsent.length > 0 && (
          <>
            <h2>Not sent ({unsent.length})</h2>
            <p className="small">
              These changes never reached the server and cannot be sent now. Copy them to pass them
              on to a colleague.
            </p>
            <ul className="unsent" aria-label="Changes not sent">
              {unsent.map((c, i) => (
                <li key={i}>
                  <strong>{c.what}</strong>{' '}
                  <span className="muted small">{new Date(c.at).toLocaleString()}</span>
                  {c.text && <pre>{c.text}</pre>}
                </li>
              ))}
            </ul>
            <button type="button" onClick={() => void copy()}>
              Copy unsent changes
            </button>
            {copied && (
              <span role="status" className="small">
                {' '}
                Copied.
              </span>
            )}
          </>
        )}
        <button type="button" className="primary" onClick={onDone}>
          Close and remove from this computer
        </button>
      </section>
    </main>
  );
}
