import type { ConnectResult } from '../../shared/desktop/ipc-contract';
import type { NotificationKind } from '../../shared/desktop/notification-rules';
import type { ServerChoice, SettingsPatch } from '../../shared/desktop/settings';
import { SHORTCUTS } from '../../shared/shortcuts';
import { settingsChanged } from './host-slice';
import type { AppThunk } from './store';

/** Saves a settings change with the host (electron-store or the browser) and shows it. */
export const saveSettings =
  (patch: SettingsPatch): AppThunk =>
  async (dispatch, _getState, { platform }) => {
    dispatch(settingsChanged(await platform.updateSettings(patch)));
  };

/** A browser asks for permission once, on the click that turns a notification on. */
export const setNotification =
  (kind: NotificationKind, on: boolean): AppThunk =>
  async (dispatch, _getState, { platform }) => {
    if (on && platform.kind === 'web' && typeof Notification !== 'undefined') {
      if (Notification.permission === 'default') await Notification.requestPermission();
    }
    await dispatch(saveSettings({ notifications: { [kind]: on } }));
  };

/** Desktop only: switch to standalone or to a team's case service, once its health check passed. */
export const connectTo =
  (choice: ServerChoice): AppThunk<Promise<ConnectResult>> =>
  async (_dispatch, _getState, { platform }) =>
    platform
      .connectServer(choice)
      .catch((err: Error): ConnectResult => ({ ok: false, reason: cleanIpcError(err) }));

// Electron wraps a refusal from the main process as "Error invoking remote method …: Error: reason".
function cleanIpcError(err: Error): string {
  const m = /Error: ([^]*)$/.exec(err.message);
  return m?.[1] ?? err.message;
}

/**
 * Follows what the host sends: deep links (casedesk://case/CD-…) and notification clicks
 * open the case; the application menu sends the workspace's own shortcuts, so both paths
 * do the same. Returns the function that stops following.
 */
export const followHost =
  (handlers: {
    openCase: (reference: string) => void;
    signOut: () => void;
  }): AppThunk<() => void> =>
  (_dispatch, _getState, { platform }) => {
    const offOpen = platform.onOpenCase(handlers.openCase);
    const offMenu = platform.onMenuCommand((command) => {
      if (command === 'session.sign-out') return handlers.signOut();
      const shortcut = SHORTCUTS.find((s) => s.command === command);
      if (shortcut) {
        const ctrlKey = !!shortcut.withCommandKey;
        window.dispatchEvent(new KeyboardEvent('keydown', { key: shortcut.key, ctrlKey }));
      }
    });
    return () => {
      offOpen();
      offMenu();
    };
  };
