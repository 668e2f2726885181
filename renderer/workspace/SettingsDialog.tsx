import type { NotificationKind } from '../../shared/desktop/notification-rules';
import type { Theme } from '../../shared/desktop/settings';
import { useAppDispatch, useAppSelector } from '../app/hooks';
import { useState } from 'react';
import { changeOwnPassword } from '../app/account-thunks';
import { saveSettings, setNotification } from '../app/host-thunks';
import { ChangePasswordDialog } from './ChangePasswordDialog';
import { TwoStepSection } from './TwoStepSection';
import { useModalDialog } from './use-modal-dialog';

const NOTIFICATION_LABELS: Record<NotificationKind, string> = {
  assignedToMe: 'A case is assigned to me',
  approvalWaiting: 'An approval is waiting for me',
  slaAtRisk: 'An SLA of mine is due within 30 minutes',
  changeRejected: 'The server refused one of my changes',
  actionFailed: 'The marketplace could not carry out an action on my case',
  deliveryDead: 'An event about a case never reached the marketplace (leads and admins)',
  disputeDue: 'The answer to an external dispute is due soon or overdue (my cases; T&S: all)',
  decisionOnMine: 'One of my proposals is approved or rejected',
  partyAnswered: 'The buyer or seller answers on my case',
  mentioned: 'Someone mentions me in an internal note',
};

/** Theme and notification preferences, saved as they change (electron-store or the browser). */
export function SettingsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useModalDialog(open);
  const dispatch = useAppDispatch();
  const settings = useAppSelector((s) => s.host.settings);
  const info = useAppSelector((s) => s.host.info);
  const me = useAppSelector((s) => s.session.agent);
  const [changingPassword, setChangingPassword] = useState(false);

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
              onChange={(e) => void dispatch(saveSettings({ theme: e.target.value as Theme }))}
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
                  onChange={(e) => void dispatch(setNotification(kind, e.target.checked))}
                />
                {NOTIFICATION_LABELS[kind]}
              </label>
            ))}
          </fieldset>
          {info?.platform === 'desktop' && (
            <p className="small">
              Cases come from: <strong>{info.server}</strong>. To work with another case service,
              sign out and choose <em>Change connection</em> on the sign-in screen: each service
              keeps its own cases on this computer.
            </p>
          )}
          <fieldset>
            <legend>Account</legend>
            <button type="button" onClick={() => setChangingPassword(true)}>
              Change password
            </button>
          </fieldset>
          {open && <TwoStepSection />}
        </>
      )}
      <button type="button" onClick={onClose}>
        Close
      </button>
      <ChangePasswordDialog
        open={changingPassword}
        me={{ email: me?.email ?? '', name: me?.name ?? '' }}
        onChange={async (current, next) => {
          const r = await dispatch(changeOwnPassword(current, next));
          return r.ok ? null : r.error;
        }}
        onClose={() => setChangingPassword(false)}
      />
    </dialog>
  );
}
