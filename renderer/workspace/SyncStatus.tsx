import { useState } from 'react';
import type { SetAsideSummary } from '../data/set-aside';
import { count } from '../format';
import { SessionEndedDialog } from './SessionEndedDialog';

export interface SyncStatusProps {
  online: boolean;
  syncing: boolean;
  /** Why syncing stopped, if it did (the service refused a request or sent something unreadable). */
  error: string | null;
  /** The service ended the session: offer to sign in again, keeping everything local. */
  needsSignIn: boolean;
  email: string;
  onSignInAgain: (password: string) => Promise<string | null>;
  pending: number;
  rejected: { id: string; label: string; error: string }[];
  /** Items from the service this version could not read: set aside, everything else synced. */
  setAside: SetAsideSummary;
  lastSyncAt: string | null;
  storageWarning: string | null;
  onDismiss: (id: string) => void;
}

/**
 * One phrase an agent can trust: Offline, Syncing, Synced or "N pending". Unsent changes
 * win over the network state: "3 pending" is what matters while offline, and the offline
 * banner says the rest. A sync that stopped on an error is never called "Synced".
 */
export function syncLabel(
  p: Pick<SyncStatusProps, 'online' | 'syncing' | 'pending' | 'error'>,
): string {
  if (p.pending > 0) return `${p.pending} pending`;
  if (!p.online) return 'Offline';
  if (p.error) return 'Sync error';
  if (p.syncing) return 'Syncing';
  return 'Synced';
}

export function SyncStatus(p: SyncStatusProps) {
  const label = syncLabel(p);
  const [signingIn, setSigningIn] = useState(false);
  return (
    <div className="sync">
      <div
        role="status"
        aria-label="Sync status"
        className={`sync-pill ${!p.online || p.error ? 'offline' : p.pending ? 'pending' : 'ok'}`}
        title={
          p.lastSyncAt ? `Last synced ${new Date(p.lastSyncAt).toLocaleString()}` : 'Not synced yet'
        }
      >
        {label}
      </div>
      {!p.online && (
        <p className="offline-note small">
          Offline: your changes are kept on this computer and sent when the connection returns.
        </p>
      )}
      {p.needsSignIn ? (
        <p role="alert" className="error small">
          Your session has ended; your changes are kept here.{' '}
          <button type="button" onClick={() => setSigningIn(true)}>
            Sign in again
          </button>
        </p>
      ) : (
        p.error && (
          <p role="alert" className="error small">
            Sync stopped: {p.error} It is tried again shortly; your changes are kept.
          </p>
        )
      )}
      <SessionEndedDialog
        open={signingIn}
        email={p.email}
        onSignIn={p.onSignInAgain}
        onClose={() => setSigningIn(false)}
      />
      {p.storageWarning && (
        <p role="alert" className="error small">
          {p.storageWarning}
        </p>
      )}
      {p.setAside.count > 0 && (
        <details className="set-aside small">
          <summary>{count(p.setAside.count, 'item')} from the server could not be read</summary>
          <div className="set-aside-body">
            <p>
              Kept on this computer and left out; everything else is in sync. A newer version of
              Casedesk may read {p.setAside.count === 1 ? 'it' : 'them'}, and a later change from
              the server replaces {p.setAside.count === 1 ? 'it' : 'them'}.
            </p>
            <ul aria-label="Items that could not be read">
              {p.setAside.items.map((i) => (
                <li key={i.key}>
                  <strong>{i.what}</strong>: {i.reason}
                </li>
              ))}
              {p.setAside.count > p.setAside.items.length && (
                <li>… and {p.setAside.count - p.setAside.items.length} more</li>
              )}
            </ul>
          </div>
        </details>
      )}
      {p.rejected.length > 0 && (
        <details className="refused-changes small">
          <summary>{count(p.rejected.length, 'change')} refused by the server</summary>
          <ul aria-label="All refused changes">
            {p.rejected.map((r) => (
              <li key={r.id}>
                <strong>{r.label}</strong>: {r.error}{' '}
                <button type="button" onClick={() => p.onDismiss(r.id)}>
                  Dismiss
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
