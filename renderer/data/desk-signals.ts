import Dexie from 'dexie';
import { decisionRight, type Agent } from '../../shared';
import type { DeskSignals, Signal } from '../../shared/desktop/notification-rules';
import type { ReplicaDb } from './replica-db';

/** An SLA this close (or already missed) on one of my cases is worth a notification. */
export const SLA_AT_RISK_MS = 30 * 60_000;

/**
 * What on the local replica may call for a desktop notification, and the badge count:
 * my open cases, approvals I may decide, my SLAs about to be missed, refused changes.
 * Every read walks an index range, never the whole table.
 */
export async function readDeskSignals(
  db: ReplicaDb,
  me: Agent,
  now: Date,
): Promise<{ signals: DeskSignals; myOpenCount: number }> {
  return db.transaction('r', [db.cases, db.actions, db.outbox], async () => {
    const mine = await db.cases
      .where('[assigneeKey+open+slaDueAt]')
      .between([me.id, 1, Dexie.minKey], [me.id, 1, Dexie.maxKey])
      .toArray();
    const label = (c: { reference: string; topic: string }) =>
      `${c.reference} · ${c.topic.replaceAll('_', ' ')}`;
    const assignedToMe: Signal[] = mine.map((c) => ({
      key: c.id,
      caseReference: c.reference,
      detail: label(c),
    }));
    const soon = now.getTime() + SLA_AT_RISK_MS;
    const slaAtRisk: Signal[] = mine
      .filter((c) => Date.parse(c.slaDueAt) <= soon)
      .map((c) => ({
        key: c.id,
        caseReference: c.reference,
        detail: `${label(c)}: the SLA is due`,
      }));

    const waiting = await db.cases
      .where('[approvals+slaDueAt]')
      .between([1, Dexie.minKey], [1, Dexie.maxKey])
      .toArray();
    const approvalWaiting: Signal[] = [];
    for (const c of waiting) {
      const pending = await db.actions
        .where('[caseId+status]')
        .equals([c.id, 'pending_approval'])
        .toArray();
      for (const a of pending) {
        if (decisionRight(me, a) !== 'allowed') continue;
        approvalWaiting.push({
          key: a.id,
          caseReference: c.reference,
          detail: `${c.reference}: ${a.type.replaceAll('_', ' ')} proposed, waiting for approval`,
        });
      }
    }

    const rejected = await db.outbox.where('state').equals('rejected').toArray();
    const references = new Map<string, string>();
    for (const e of rejected) {
      if (e.caseId && !references.has(e.caseId)) {
        const c = await db.cases.get(e.caseId);
        if (c) references.set(e.caseId, c.reference);
      }
    }
    const changeRejected: Signal[] = rejected.map((e) => ({
      key: e.id,
      caseReference: e.caseId ? (references.get(e.caseId) ?? null) : null,
      detail: e.error?.message ?? 'The server refused a change.',
    }));

    return {
      signals: { assignedToMe, approvalWaiting, slaAtRisk, changeRejected },
      myOpenCount: mine.length,
    };
  });
}

/** The case with this reference in the replica, for deep links and notification clicks. */
export async function caseIdByReference(db: ReplicaDb, reference: string): Promise<string | null> {
  const c = await db.cases.where('reference').equals(reference.toUpperCase()).first();
  return c?.id ?? null;
}
