import { useEffect, useRef, useState } from 'react';
import type { NotificationKind } from '../../shared/desktop/notification-rules';
import type { Settings, Theme } from '../../shared/desktop/settings';
import { platform } from '../platform/platform';

const NOTIFICATION_LABELS: Record<NotificationKind, string> = {
  assignedToMe: 'A case is assigned to me',
  approvalWaiting: 'An approval is waiting for me',
  slaAtRisk: 'An SLA of mine is due within 30 minutes',
  changeRejected: 'The server refused one of my changes',
};

/** Theme and notification preferences, saved as they change (electron-store or the browser). */
export function SettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [server, setServer] = useState<string | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      void platform.getSettings().then(setSettings);
      void platform.appInfo().then((info) => setServer(info.server));
      d.showModal();
    }
    if (!open && d.open) d.close();
  }, [open]);

  const save = async (patch: Parameters<typeof platform.updateSettings>[0]) => {
    const next = await platform.updateSettings(patch);
    setSettings(next);
    document.documentElement.dataset.theme = next.theme;
  };

  const toggle = async (kind: NotificationKind, on: boolean) => {
    // A browser asks once, on a click; the desktop app has its permission already.
    if (on && platform.kind === 'web' && typeof Notification !== 'undefined') {
      if (Notification.permission === 'default') await Notification.requestPermission();
    }
    await save({ notifications: { [kind]: on } });
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby="settings-title"
      onClose={onClose}
      className="dialog settings"
    >
      <h2 id="settings-title">Settings</h2>
      {settings && (
        <>
          <label className="field">
            Theme
            <select
              value={settings.theme}
              onChange={(e) => void save({ theme: e.target.value as Theme })}
            >
              <option value="system">Like the system</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
          <fieldset>
            <legend>Desktop notifications</legend>
            {(Object.keys(NOTIFICATION_LABELS) as NotificationKind[]).map((kind) => (
              <label key={kind} className="choice">
                <input
                  type="checkbox"
                  checked={settings.notifications[kind]}
                  onChange={(e) => void toggle(kind, e.target.checked)}
                />
                {NOTIFICATION_LABELS[kind]}
              </label>
            ))}
          </fieldset>
          {platform.kind === 'desktop' && server && (
            <p className="small">
              Cases come from: <strong>{server}</strong>. To work with another case service, sign
              out and choose <em>Change connection</em> on the sign-in screen: each service keeps
              its own cases on this computer.
            </p>
          )}
        </>
      )}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </dialog>
  );
}
