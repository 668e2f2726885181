import { z } from 'zod';
import { AgentSelfRead } from '../schemas/agent';
import { DesktopNotification } from './notification-rules';
import { ServerChoice, Settings, SettingsPatch } from './settings';

export const ReleaseChannel = z.enum(['dev', 'qa', 'release']);
export type ReleaseChannel = z.infer<typeof ReleaseChannel>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  commit: z.string(),
  channel: ReleaseChannel,
  /** Where cases come from, for people: "demo data on this computer" or the server's origin. */
  server: z.string(),
  /** Stable per backend, so each server gets its own local replica. */
  serverId: z.string(),
  platform: z.enum(['web', 'desktop']),
});
export type AppInfo = z.infer<typeof AppInfo>;

// A kept session outlives versions of the app and of the service: a role it does not
// know (saved by a newer app, or granted since) is ignored, not a reason to sign out.
export const StoredSession = z.object({ token: z.string().min(1).max(500), agent: AgentSelfRead });
export type StoredSession = z.infer<typeof StoredSession>;

export const CredentialProtection = z.enum(['keychain', 'weak', 'memory-only']);
export type CredentialProtection = z.infer<typeof CredentialProtection>;

export const ConnectResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), info: AppInfo }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);
export type ConnectResult = z.infer<typeof ConnectResult>;

/** A command from the application menu to the workspace. */
export const MenuCommand = z.enum([
  'queue.next',
  'queue.previous',
  'case.open-selected',
  'queue.toggle-row',
  'case.close',
  'search.focus',
  'shortcuts.show',
  'palette.open',
  'case.reply',
  'case.note',
  'case.claim',
  'case.resolve',
  'case.assign',
  'session.sign-out',
]);
export type MenuCommand = z.infer<typeof MenuCommand>;

/**
 * Every renderer → main call: name `domain.verb`, argument tuple and result. The preload
 * and the main process both derive from this table, and the main process parses every
 * argument against it before anything runs.
 */
export const IPC_CALLS = {
  'app.info': { args: z.tuple([]), result: AppInfo },
  'settings.get': { args: z.tuple([]), result: Settings },
  'settings.update': { args: z.tuple([SettingsPatch]), result: Settings },
  'server.connect': { args: z.tuple([ServerChoice]), result: ConnectResult },
  'credentials.load': { args: z.tuple([]), result: StoredSession.nullable() },
  'credentials.save': { args: z.tuple([StoredSession]), result: CredentialProtection },
  'credentials.clear': { args: z.tuple([]), result: z.null() },
  'notifications.show': { args: z.tuple([DesktopNotification]), result: z.boolean() },
  'badge.set': { args: z.tuple([z.number().int().min(0).max(1_000_000)]), result: z.null() },
  'links.open-external': { args: z.tuple([z.string().max(2_048)]), result: z.boolean() },
  /** The case of a deep link that arrived before the workspace listened (a cold start), once. */
  'links.take-pending-case': { args: z.tuple([]), result: z.string().max(64).nullable() },
  /**
   * Single sign-on in the system browser, returning on a loopback address (RFC 8252): the
   * one-time code to exchange, or why not (`access_denied`, or a sentence for people).
   */
  'auth.single-sign-on': {
    args: z.tuple([]),
    result: z.union([
      z.object({ code: z.string().min(1).max(200) }),
      z.object({ error: z.string().max(500) }),
    ]),
  },
} as const;
export type IpcCall = keyof typeof IPC_CALLS;
export type IpcArgs<C extends IpcCall> = z.input<(typeof IPC_CALLS)[C]['args']>;
export type IpcResult<C extends IpcCall> = z.infer<(typeof IPC_CALLS)[C]['result']>;

/** Every main → renderer event, with its payload. */
export const IPC_EVENTS = {
  'case.open': z.object({ reference: z.string() }),
  'menu.command': MenuCommand,
} as const;
export type IpcEvent = keyof typeof IPC_EVENTS;
export type IpcEventPayload<E extends IpcEvent> = z.infer<(typeof IPC_EVENTS)[E]>;

export { ipcChannel } from './ipc-channels';
