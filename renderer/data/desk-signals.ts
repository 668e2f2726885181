import Dexie from 'dexie';
import { decisionRight, type Agent } from '../../shared';
import type { NotificationKind, Signal } from '../../shared/desktop/notification-rules';
import type { ReplicaDb } from './replica-db';

/** An SLA this close (or already missed) on one of my cases is worth a notification. */
export const SLA_AT_RISK_MS = 30 * 60_000;

export type SignalKeys = Record<NotificationKind, string[]>;

/**
 * What on the local replica may call for a desktop notification, as keys only (case,
 * action or mutation ids), and the badge count. Index ranges and key lists only: this
 * runs on every change of the replica, which may hold 100,000 cases.
 */
export async function readSignalKeys(
  db: ReplicaDb,
  me: Agent,
  now: Date,
): Promise<{ keys: SignalKeys; myOpenCount: number }> {
  return db.transaction('r', [db.cases, db.actions, db.outbox], async () => {
    const mine = db.cases
      .where('[assigneeKey+open+slaDueAt]')
      .between([me.id, 1, Dexie.minKey], [me.id, 1, Dexie.maxKey]);
    const soon = new Date(now.getTime() + SLA_AT_RISK_MS).toISOString();
    const [assignedToMe, slaAtRisk, pending, rejected] = await Dexie.Promise.all([
      mine.primaryKeys(),
      db.cases
        .where('[assigneeKey+open+slaDueAt]')
        .between([me.id, 1, Dexie.minKey], [me.id, 1, soon], true, true)
        .primaryKeys(),
      db.actions.where('status').equals('pending_approval').toArray(),
      db.outbox.where('state').equals('rejected').primaryKeys(),
    ]);
    const approvalWaiting = pending
      .filter((a) => decisionRight(me, a) === 'allowed')
      .map((a) => a.id);
    const changeRejected = (await db.outbox.bulkGet(rejected)).flatMap((e) => (e ? [e.id] : []));
    return {
      keys: { assignedToMe, approvalWaiting, slaAtRisk, changeRejected },
      myOpenCount: assignedToMe.length,
    };
  });
}

/** The keys in `after` that were not in `before`. */
export function newKeys(before: SignalKeys, after: SignalKeys): SignalKeys {
  const fresh = (k: NotificationKind) => {
    const seen = new Set(before[k]);
    return after[k].filter((x) => !seen.has(x));
  };
  return {
    assignedToMe: fresh('assignedToMe'),
    approvalWaiting: fresh('approvalWaiting'),
    slaAtRisk: fresh('slaAtRisk'),
    changeRejected: fresh('changeRejected'),
  };
}

/** What to say about a few new keys: the case reference and a line of detail. */
export async function describeSignals(
  db: ReplicaDb,
  keys: SignalKeys,
): Promise<Record<NotificationKind, Signal[]>> {
  const label = (c: { reference: string; topic: string }) =>
    `${c.reference} · ${c.topic.replaceAll('_', ' ')}`;
  const cases = async (ids: string[], suffix: string) =>
    (await db.cases.bulkGet(ids)).flatMap((c) =>
      c ? [{ key: c.id, caseReference: c.reference, detail: `${label(c)}${suffix}` }] : [],
    );
  const actions = await db.actions.bulkGet(keys.approvalWaiting);
  const approvalWaiting: Signal[] = [];
  for (const a of actions) {
    if (!a) continue;
    const c = await db.cases.get(a.caseId);
    approvalWaiting.push({
      key: a.id,
      caseReference: c?.reference ?? null,
      detail: `${c?.reference ?? 'A case'}: ${a.type.replaceAll('_', ' ')} proposed, waiting for approval`,
    });
  }
  const refused = await db.outbox.where('id').anyOf(keys.changeRejected).toArray();
  const changeRejected: Signal[] = [];
  for (const e of refused) {
    const c = e.caseId ? await db.cases.get(e.caseId) : undefined;
    changeRejected.push({
      key: e.id,
      caseReference: c?.reference ?? null,
      detail: e.error?.message ?? 'The server refused a change.',
    });
  }
  return {
    assignedToMe: await cases(keys.assignedToMe, ''),
    slaAtRisk: await cases(keys.slaAtRisk, ': the SLA is due within 30 minutes'),
    approvalWaiting,
    changeRejected,
  };
}

/** The case with this reference in the replica, for deep links and notification clicks. */
export async function caseIdByReference(db: ReplicaDb, reference: string): Promise<string | null> {
  const c = await db.cases.where('reference').equals(reference.toUpperCase()).first();
  return c?.id ?? null;
}
