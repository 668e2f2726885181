import type { DesktopNotification } from '../../../shared/desktop/notification-rules';
import { StoredSession } from '../../../shared/desktop/ipc-contract';
import type { Platform } from '../../../shared/desktop/platform';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/desktop/settings';
import type { MenuCommand } from '../../../shared/desktop/ipc-contract';

/**
 * A host kept in memory, for the thunks' tests: one per device (shared by the "windows"
 * of a test as the desktop app's main process is), recording what it was asked to do.
 */
export function memoryPlatform(kind: 'web' | 'desktop' = 'desktop') {
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let session: StoredSession | null = null;
  const notified: DesktopNotification[] = [];
  const badges: number[] = [];
  const openCase = new Set<(reference: string) => void>();
  const menu = new Set<(command: MenuCommand) => void>();
  let pendingCase: string | null = null;
  const platform: Platform = {
    kind,
    appInfo: async () => ({
      name: 'Casedesk',
      version: '0.0.0-test',
      commit: 'test',
      channel: 'qa',
      server: 'demo data on this computer',
      serverId: 'standalone',
      platform: kind,
    }),
    getSettings: async () => settings,
    updateSettings: async (patch) => {
      settings = {
        ...settings,
        ...(patch.theme ? { theme: patch.theme } : {}),
        notifications: { ...settings.notifications, ...patch.notifications },
      };
      return settings;
    },
    connectServer: async () => ({ ok: false, reason: 'Not in tests.' }),
    loadSession: async () => session,
    saveSession: async (s) => {
      session = StoredSession.parse(s);
      return 'keychain';
    },
    clearSession: async () => {
      session = null;
      return null;
    },
    notify: async (n) => {
      notified.push(n);
      return true;
    },
    setBadgeCount: async (n) => {
      badges.push(n);
      return null;
    },
    openExternal: async () => false,
    signInWithSso: async () => ({ error: 'access_denied' }),
    takePendingCase: async () => {
      const reference = pendingCase;
      pendingCase = null;
      return reference;
    },
    onOpenCase: (l) => {
      openCase.add(l);
      return () => openCase.delete(l);
    },
    onMenuCommand: (l) => {
      menu.add(l);
      return () => menu.delete(l);
    },
  };
  return {
    platform,
    notified,
    badges,
    savedSession: () => session,
    openCase: (reference: string) => openCase.forEach((l) => l(reference)),
    /** A deep link that started the app: the host holds it until the workspace asks. */
    startedWithLink: (reference: string) => void (pendingCase = reference),
  };
}
