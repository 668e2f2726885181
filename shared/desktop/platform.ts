import type { IpcArgs, IpcCall, IpcEventPayload, IpcResult, MenuCommand } from './ipc-contract';

/** The platform interface's methods, each one IPC call of the contract. */
export const PLATFORM_CALLS = {
  appInfo: 'app.info',
  getSettings: 'settings.get',
  updateSettings: 'settings.update',
  connectServer: 'server.connect',
  loadSession: 'credentials.load',
  saveSession: 'credentials.save',
  clearSession: 'credentials.clear',
  notify: 'notifications.show',
  setBadgeCount: 'badge.set',
  openExternal: 'links.open-external',
  takePendingCase: 'links.take-pending-case',
  signInWithSso: 'auth.single-sign-on',
} as const satisfies Record<string, IpcCall>;

type Calls = typeof PLATFORM_CALLS;

/**
 * Everything the workspace asks of its host: settings, credentials, notifications, links,
 * app info. The desktop preload implements it over IPC; the web platform with browser APIs.
 * Derived from the IPC contract, so the two cannot drift apart.
 */
export type Platform = {
  [M in keyof Calls]: (...args: IpcArgs<Calls[M]>) => Promise<IpcResult<Calls[M]>>;
} & {
  readonly kind: 'web' | 'desktop';
  /** Deep links and notification clicks; returns the unsubscribe function. */
  onOpenCase(listener: (reference: IpcEventPayload<'case.open'>['reference']) => void): () => void;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};
