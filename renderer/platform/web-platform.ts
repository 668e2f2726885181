import { StoredSession, type AppInfo } from '../../shared/desktop/ipc-contract';
import type { Platform } from '../../shared/desktop/platform';
import { DEFAULT_SETTINGS, Settings, SettingsPatch } from '../../shared/desktop/settings';

/** Stamped in at build time (electron.vite.config.ts). */
declare const __CASEDESK_WEB_BUILD__: { version: string; commit: string };

const SESSION_KEY = 'casedesk.session';
const SETTINGS_KEY = 'casedesk.settings';
const CASE_HASH = /^#case\/([A-Za-z]{2,5}-\d{1,12})$/;

/**
 * The workspace's host in a plain browser: the case service that served the page is the
 * server. The session token lives in sessionStorage — it survives a reload of the tab
 * (and an offline restart of it) but not the tab, and no other tab sees it.
 */
export function createWebPlatform(win: Window = window): Platform {
  const readSettings = (): Settings => {
    try {
      const parsed = Settings.safeParse(
        JSON.parse(win.localStorage.getItem(SETTINGS_KEY) ?? 'null'),
      );
      if (parsed.success) return parsed.data;
    } catch {
      // fall through to the defaults
    }
    return { ...DEFAULT_SETTINGS, mode: 'server', serverUrl: win.location.origin };
  };
  const info = (): AppInfo => ({
    name: 'Casedesk',
    version: __CASEDESK_WEB_BUILD__.version,
    commit: __CASEDESK_WEB_BUILD__.commit,
    channel: 'release',
    server: win.location.host,
    serverId: win.location.origin,
    platform: 'web',
  });

  return {
    kind: 'web',
    appInfo: async () => info(),
    getSettings: async () => readSettings(),
    updateSettings: async (patch) => {
      const p = SettingsPatch.parse(patch);
      const current = readSettings();
      const next: Settings = {
        ...current,
        ...(p.theme ? { theme: p.theme } : {}),
        notifications: { ...current.notifications, ...p.notifications },
      };
      win.localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
      return next;
    },
    // In a browser the page itself goes to the provider and back (single-sign-on-thunks).
    signInWithSso: async () => ({ error: 'In a browser, single sign-on goes through this page.' }),
    connectServer: async () => ({
      ok: false,
      reason: 'In a browser, Casedesk works with the case service that served this page.',
    }),
    loadSession: async () => {
      try {
        const parsed = StoredSession.safeParse(
          JSON.parse(win.sessionStorage.getItem(SESSION_KEY) ?? 'null'),
        );
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    saveSession: async (s) => {
      win.sessionStorage.setItem(SESSION_KEY, JSON.stringify(StoredSession.parse(s)));
      return 'memory-only';
    },
    clearSession: async () => {
      win.sessionStorage.removeItem(SESSION_KEY);
      return null;
    },
    notify: async (n) => {
      if (typeof Notification === 'undefined' || Notification.permission !== 'granted')
        return false;
      if (!readSettings().notifications[n.kind]) return false;
      const note = new Notification(n.title, {
        body: n.body,
        tag: `${n.kind}:${n.caseReference ?? ''}`,
      });
      note.onclick = () => {
        win.focus();
        if (n.caseReference) win.location.hash = `case/${n.caseReference}`;
      };
      return true;
    },
    setBadgeCount: async (count) => {
      const nav = win.navigator as Navigator & { setAppBadge?: (n: number) => Promise<void> };
      await nav.setAppBadge?.(count).catch(() => undefined);
      win.document.title = count > 0 ? `(${count}) Casedesk` : 'Casedesk';
      return null;
    },
    openExternal: async (url) => {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return false;
      }
      if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
      win.open(parsed.href, '_blank', 'noopener,noreferrer');
      return true;
    },
    // Links arrive through the address (onOpenCase below), never before the page listens.
    takePendingCase: async () => null,
    // A link like https://casedesk.example.com/#case/CD-100042 opens that case.
    onOpenCase: (listener) => {
      const check = () => {
        const m = CASE_HASH.exec(win.location.hash);
        if (!m?.[1]) return;
        listener(m[1].toUpperCase());
        win.history.replaceState(null, '', win.location.pathname + win.location.search);
      };
      win.addEventListener('hashchange', check);
      queueMicrotask(check);
      return () => win.removeEventListener('hashchange', check);
    },
    onMenuCommand: () => () => undefined,
  };
}
