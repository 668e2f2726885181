import { z } from 'zod';
import type { NotificationPreferences } from './settings';

export const NotificationKind = z.enum([
  'assignedToMe',
  'approvalWaiting',
  'slaAtRisk',
  'changeRejected',
  'actionFailed',
  'deliveryDead',
  'disputeDue',
  // What the Notifications list tells, mirrored on the desktop (issue 16).
  'decisionOnMine',
  'partyAnswered',
  'mentioned',
]);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const DesktopNotification = z.strictObject({
  kind: NotificationKind,
  title: z.string().min(1).max(120),
  body: z.string().max(400),
  /** The case a click on the notification opens. */
  caseReference: z.string().max(40).nullable(),
});
export type DesktopNotification = z.infer<typeof DesktopNotification>;

/** One thing worth telling the agent about, keyed so it is told once. */
export interface Signal {
  key: string;
  caseReference: string | null;
  detail: string;
}

/** What the workspace currently sees that may call for a notification. */
export type DeskSignals = Record<NotificationKind, Signal[]>;

const TITLES: Record<NotificationKind, string> = {
  assignedToMe: 'Case assigned to you',
  approvalWaiting: 'Approval waiting for you',
  slaAtRisk: 'SLA about to be missed',
  changeRejected: 'The server refused a change',
  actionFailed: 'The marketplace could not carry out an action',
  deliveryDead: 'An event never reached the marketplace',
  disputeDue: 'An ADR body waits for our answer',
  decisionOnMine: 'A decision on your proposal',
  partyAnswered: 'An answer on your case',
  mentioned: 'You were mentioned',
};

/**
 * The notifications to show when the signals move from `before` to `after`: only what is
 * new, only kinds the agent wants. The first look (`before` null) notifies nothing, so
 * starting the app or signing in does not replay everything already on the desk.
 */
export function notificationsFor(
  before: DeskSignals | null,
  after: DeskSignals,
  prefs: NotificationPreferences,
): DesktopNotification[] {
  if (!before) return [];
  const out: DesktopNotification[] = [];
  for (const kind of NotificationKind.options) {
    if (!prefs[kind]) continue;
    const seen = new Set(before[kind].map((s) => s.key));
    for (const s of after[kind]) {
      if (seen.has(s.key)) continue;
      out.push({
        kind,
        title: TITLES[kind],
        body: s.detail.slice(0, 400),
        caseReference: s.caseReference,
      });
    }
  }
  return out;
}

export function emptySignals(): DeskSignals {
  return {
    assignedToMe: [],
    approvalWaiting: [],
    slaAtRisk: [],
    changeRejected: [],
    actionFailed: [],
    deliveryDead: [],
    disputeDue: [],
    decisionOnMine: [],
    partyAnswered: [],
    mentioned: [],
  };
}
