import { z } from 'zod';

/** Where the desktop app gets its cases from. */
export const ConnectionMode = z.enum(['standalone', 'server']);
export type ConnectionMode = z.infer<typeof ConnectionMode>;

// scheme://host[:port] with nothing but an optional path after it; no user or password.
const ORIGIN = /^(https?):\/\/([a-z0-9.-]+|\[[0-9a-f:]+\])(:\d{1,5})?(\/[^\s?#]*)?$/i;
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** A team's case service, kept as its origin: https anywhere, plain http only on this machine. */
export const ServerUrl = z
  .string()
  .trim()
  .max(2_048)
  .refine((raw) => {
    const m = ORIGIN.exec(raw);
    if (!m) return false;
    return m[1]!.toLowerCase() === 'https' || LOCAL_HOSTS.includes(m[2]!.toLowerCase());
  }, 'must be an https:// address (http:// only for this machine), without user or password')
  .transform((raw) => {
    const m = ORIGIN.exec(raw)!;
    return `${m[1]!.toLowerCase()}://${m[2]!.toLowerCase()}${m[3] ?? ''}`;
  });

export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

const NotificationChoices = z.object({
  assignedToMe: z.boolean(),
  approvalWaiting: z.boolean(),
  slaAtRisk: z.boolean(),
  changeRejected: z.boolean(),
  actionFailed: z.boolean(),
  deliveryDead: z.boolean(),
  disputeDue: z.boolean(),
  decisionOnMine: z.boolean(),
  partyAnswered: z.boolean(),
  mentioned: z.boolean(),
});
export const NotificationPreferences = NotificationChoices.extend({
  // Added after the first release: settings stored before it lack the key. (Not in the
  // patch: a default there would switch it back on with every other change.)
  actionFailed: z.boolean().default(true),
  deliveryDead: z.boolean().default(true),
  disputeDue: z.boolean().default(true),
  decisionOnMine: z.boolean().default(true),
  partyAnswered: z.boolean().default(true),
  mentioned: z.boolean().default(true),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const WindowBounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean(),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

/** The desktop app's settings, as stored by electron-store and shown to the renderer. */
export const Settings = z.object({
  mode: ConnectionMode,
  /** The team server; kept when switching back to standalone so it is easy to return. */
  serverUrl: z.string().nullable(),
  theme: Theme,
  notifications: NotificationPreferences,
  windowBounds: WindowBounds.nullable(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  mode: 'standalone',
  serverUrl: null,
  theme: 'system',
  notifications: {
    assignedToMe: true,
    approvalWaiting: true,
    slaAtRisk: true,
    changeRejected: true,
    actionFailed: true,
    deliveryDead: true,
    disputeDue: true,
    decisionOnMine: true,
    partyAnswered: true,
    mentioned: true,
  },
  windowBounds: null,
};

/** What the renderer may change directly; the connection goes through `server.connect`. */
export const SettingsPatch = z.strictObject({
  theme: Theme.optional(),
  notifications: NotificationChoices.partial().optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const ServerChoice = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('standalone') }),
  z.strictObject({ mode: z.literal('server'), url: ServerUrl }),
]);
export type ServerChoice = z.input<typeof ServerChoice>;
