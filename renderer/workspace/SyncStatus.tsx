export interface SyncStatusProps {
  online: boolean;
  syncing: boolean;
  pending: number;
  rejected: { id: string; label: string; error: string }[];
  lastSyncAt: string | null;
  storageWarning: string | null;
  onDismiss: (id: string) => void;
}

/**
 * One phrase an agent can trust: Offline, Syncing, Synced or "N pending". Unsent changes
 * win over the network state: "3 pending" is what matters while offline, and the offline
 * banner says the rest.
 */
export function syncLabel(p: Pick<SyncStatusProps, 'online' | 'syncing' | 'pending'>): string {
  if (p.pending > 0) return `${p.pending} pending`;
  if (!p.online) return 'Offline';
  if (p.syncing) return 'Syncing';
  return 'Synced';
}

export function SyncStatus(p: SyncStatusProps) {
  const label = syncLabel(p);
  return (
    <div className="sync">
      <div
        role="status"
        aria-label="Sync status"
        className={`sync-pill ${p.online ? (p.pending ? 'pending' : 'ok') : 'offline'}`}
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
      {p.storageWarning && (
        <p role="alert" className="error small">
          {p.storageWarning}
        </p>
      )}
      {p.rejected.length > 0 && (
        <details className="rejected" open>
          <summary>{p.rejected.length} change(s) refused by the server</summary>
          <ul aria-label="Refused changes">
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
