import { useId, useState, type FormEvent } from 'react';
import type { AppInfo } from '../../shared/desktop/ipc-contract';
import { useAppDispatch } from '../app/hooks';
import { connectTo } from '../app/host-thunks';

/**
 * Desktop only, before sign-in: where the cases come from. Standalone (demo data on this
 * computer) is the default; a team's case service is checked with its health endpoint
 * before the app switches to it.
 */
export function ConnectionSettings({
  info,
  onConnected,
}: {
  info: AppInfo;
  onConnected: () => void;
}) {
  const dispatch = useAppDispatch();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<'standalone' | 'server'>(
    info.serverId === 'standalone' ? 'standalone' : 'server',
  );
  const [url, setUrl] = useState(info.serverId === 'standalone' ? '' : info.serverId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  if (!open) {
    return (
      <p className="muted small">
        Cases from: {info.server}{' '}
        <button type="button" className="link" onClick={() => setOpen(true)}>
          Change connection
        </button>
      </p>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const result = await dispatch(
      connectTo(mode === 'standalone' ? { mode } : { mode, url: url.trim() }),
    );
    setBusy(false);
    if (result.ok) onConnected();
    else setError(result.reason);
  };

  return (
    <form
      className="connection"
      onSubmit={(e) => void submit(e)}
      aria-describedby={error ? errorId : undefined}
    >
      <fieldset>
        <legend>Connection</legend>
        <label className="choice">
          <input
            type="radio"
            name="mode"
            checked={mode === 'standalone'}
            onChange={() => setMode('standalone')}
          />
          Demo data on this computer (standalone)
        </label>
        <label className="choice">
          <input
            type="radio"
            name="mode"
            checked={mode === 'server'}
            onChange={() => setMode('server')}
          />
          My team’s case service
        </label>
        {mode === 'server' && (
          <label>
            Server address
            <input
              type="url"
              required
              placeholder="https://cases.example.com"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
          </label>
        )}
      </fieldset>
      {error && (
        <p id={errorId} role="alert" className="error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Checking…' : 'Check and connect'}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
