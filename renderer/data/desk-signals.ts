import Dexie from 'dexie';
import {
  ADR_DUE_SOON_WORKING_DAYS,
  decisionRight,
  disputeDeadline,
  toldOfDeadDeliveries,
  type Agent,
} from '../../shared';
import { NotificationKind, type Signal } from '../../shared/desktop/notification-rules';
import type { ReplicaDb } from './replica-db';
import { readInbox, type InboxRead } from './inbox';
import type { InboxKind } from '../../shared';

/** An SLA this close (or already missed) on one of my cases is worth a notification. */
export const SLA_AT_RISK_MS = 30 * 60_000;

export type SignalKeys = Record<NotificationKind, string[]>;

// Three working days span at most this many calendar days (Christmas, New Year and a
// weekend in between): the range read is wide enough, the pure rule then decides.
const DISPUTE_LOOKAHEAD_MS = (ADR_DUE_SOON_WORKING_DAYS + 7) * 86_400_000;
const UNANSWERED = ['filed', 'in_progress'] as const;

/**
 * Disputes whose answer is due soon or overdue, on my cases (T&S: on all), keyed by
 * dispute and state, so turning overdue is told again. Few: read from the unanswered
 * disputes' date range, never the whole table.
 */
async function disputesDue(db: ReplicaDb, me: Agent, now: Date): Promise<string[]> {
  const until = new Date(now.getTime() + DISPUTE_LOOKAHEAD_MS).toISOString();
  const ranges = await Dexie.Promise.all(
    UNANSWERED.map((status) =>
      db.disputes
        .where('[status+responseDueAt]')
        .between([status, Dexie.minKey], [status, until], true, true)
        .toArray(),
    ),
  );
  const due = ranges.flat().flatMap((d) => {
    const deadline = disputeDeadline(d, now);
    return deadline && deadline.state !== 'ok' ? [{ d, state: deadline.state }] : [];
  });
  if (!due.length) return [];
  const everyone = me.roles.includes('trust_safety');
  const cases = everyone ? [] : await db.cases.bulkGet(due.map(({ d }) => d.caseId));
  return due
    .filter((_, i) => everyone || cases[i]?.assigneeId === me.id)
    .map(({ d, state }) => `${d.id}:${state}`);
}

/**
 * What on the local replica may call for a desktop notification, as keys only (case,
 * action or mutation ids), and the badge count. Index ranges and key lists only: this
 * runs on every change of the replica, which may hold 100,000 cases.
 */
export async function readSignalKeys(
  db: ReplicaDb,
  me: Agent,
  now: Date,
): Promise<{ keys: SignalKeys; myOpenCount: number; inbox: InboxRead }> {
  return db.transaction(
    'r',
    [db.cases, db.actions, db.outbox, db.events, db.disputes, db.notes, db.agents, db.inboxRead],
    async () => {
      const mine = db.cases
        .where('[assigneeKey+open+slaDueAt]')
        .between([me.id, 1, Dexie.minKey], [me.id, 1, Dexie.maxKey]);
      const soon = new Date(now.getTime() + SLA_AT_RISK_MS).toISOString();
      const [assignedToMe, slaAtRisk, pending, rejected, failed, deliveryDead, disputeDue] =
        await Dexie.Promise.all([
          mine.primaryKeys(),
          db.cases
            .where('[assigneeKey+open+slaDueAt]')
            .between([me.id, 1, Dexie.minKey], [me.id, 1, soon], true, true)
            .primaryKeys(),
          db.actions.where('status').equals('pending_approval').toArray(),
          db.outbox.where('state').equals('rejected').primaryKeys(),
          // Few: an action fails only when the marketplace reports it could not carry it out.
          db.actions.where('status').equals('failed').toArray(),
          // Few: a delivery dies only after days of refused tries.
          toldOfDeadDeliveries(me)
            ? db.events.where('type').equals('delivery.dead').primaryKeys()
            : Dexie.Promise.resolve([] as string[]),
          disputesDue(db, me, now),
        ]);
      // The Notifications list's own rules decide what happened to me; its event ids are
      // the keys, so the desktop tells what the list shows, once.
      const inbox = await readInbox(db, me, now);
      const { items } = inbox;
      const happened = (kind: InboxKind) =>
        items.filter((i) => i.kind === kind && !i.read).map((i) => i.id);
      const approvalWaiting = pending
        .filter((a) => decisionRight(me, a) === 'allowed')
        .map((a) => a.id);
      const changeRejected = (await db.outbox.bulkGet(rejected)).flatMap((e) => (e ? [e.id] : []));
      const failedCases = await db.cases.bulkGet(failed.map((a) => a.caseId));
      const actionFailed = failed
        .filter((_, i) => failedCases[i]?.assigneeId === me.id)
        .map((a) => a.id);
      return {
        keys: {
          assignedToMe,
          approvalWaiting,
          slaAtRisk,
          changeRejected,
          actionFailed,
          deliveryDead,
          disputeDue,
          decisionOnMine: happened('decision'),
          partyAnswered: happened('buyer_answered'),
          mentioned: happened('mention'),
        },
        myOpenCount: assignedToMe.length,
        inbox,
      };
    },
  );
}

/** The keys in `after` that were not in `before`. */
export function newKeys(before: SignalKeys, after: SignalKeys): SignalKeys {
  const fresh = (k: NotificationKind) => {
    const seen = new Set(before[k]);
    return after[k].filter((x) => !seen.has(x));
  };
  return eachKind(fresh);
}

/** Both sets of keys, each once. */
export function mergeKeys(a: SignalKeys, b: SignalKeys): SignalKeys {
  const both = (k: NotificationKind) => [...new Set([...a[k], ...b[k]])];
  return eachKind(both);
}

const eachKind = (f: (k: NotificationKind) => string[]): SignalKeys =>
  Object.fromEntries(NotificationKind.options.map((k) => [k, f(k)])) as SignalKeys;

/**
 * More new keys of one kind than this at once — a first sync, a catch-up after a long time
 * offline — make one summary notification instead of one each (a lead's first sync would
 * otherwise raise thousands).
 */
export const SUMMARY_OVER = 3;

/**
 * What to say about new keys: the case reference and a line of detail each, or, for a
 * kind with more than SUMMARY_OVER of them, one summary naming the first few (only those
 * are read).
 */
export async function describeSignals(
  db: ReplicaDb,
  keys: SignalKeys,
  now = new Date(),
): Promise<Record<NotificationKind, Signal[]>> {
  const out = {} as Record<NotificationKind, Signal[]>;
  for (const kind of Object.keys(keys) as NotificationKind[]) {
    const all = keys[kind];
    const many = all.length > SUMMARY_OVER;
    const each = await describeKind(db, kind, many ? all.slice(0, SUMMARY_OVER) : all, now);
    out[kind] = many ? [summary(kind, all, each)] : each;
  }
  return out;
}

const SUMMARY_TEXT: Record<NotificationKind, (n: number) => string> = {
  assignedToMe: (n) => `${n.toLocaleString('en')} cases are assigned to you`,
  approvalWaiting: (n) => `${n.toLocaleString('en')} proposals wait for your approval`,
  slaAtRisk: (n) => `${n.toLocaleString('en')} of your cases are due within 30 minutes`,
  changeRejected: (n) => `The server refused ${n.toLocaleString('en')} changes`,
  actionFailed: (n) => `The marketplace could not carry out ${n.toLocaleString('en')} actions`,
  deliveryDead: (n) => `${n.toLocaleString('en')} events never reached the marketplace`,
  disputeDue: (n) =>
    `The answers to ${n.toLocaleString('en')} external disputes are due soon or overdue`,
  decisionOnMine: (n) => `${n.toLocaleString('en')} of your proposals were decided`,
  partyAnswered: (n) => `Buyers or sellers answered on ${n.toLocaleString('en')} of your cases`,
  mentioned: (n) => `You were mentioned in ${n.toLocaleString('en')} notes`,
};

function summary(kind: NotificationKind, all: string[], first: Signal[]): Signal {
  const refs = first.flatMap((s) => (s.caseReference ? [s.caseReference] : []));
  return {
    // One summary per batch: keyed by its first key and size, never equal to a case's.
    key: `summary:${all.length}:${all[0]}`,
    caseReference: null,
    detail: `${SUMMARY_TEXT[kind](all.length)}${refs.length ? `, among them ${refs.join(', ')}` : ''}.`,
  };
}

async function describeKind(
  db: ReplicaDb,
  kind: NotificationKind,
  ids: string[],
  now: Date,
): Promise<Signal[]> {
  const label = (c: { reference: string; topic: string }) =>
    `${c.reference} · ${c.topic.replaceAll('_', ' ')}`;
  const cases = async (suffix: string) =>
    (await db.cases.bulkGet(ids)).flatMap((c) =>
      c ? [{ key: c.id, caseReference: c.reference, detail: `${label(c)}${suffix}` }] : [],
    );
  switch (kind) {
    case 'assignedToMe':
      return cases('');
    case 'slaAtRisk':
      return cases(': the SLA is due within 30 minutes');
    case 'approvalWaiting': {
      const out: Signal[] = [];
      for (const a of await db.actions.bulkGet(ids)) {
        if (!a) continue;
        const c = await db.cases.get(a.caseId);
        out.push({
          key: a.id,
          caseReference: c?.reference ?? null,
          detail: `${c?.reference ?? 'A case'}: ${a.type.replaceAll('_', ' ')} proposed, waiting for approval`,
        });
      }
      return out;
    }
    case 'actionFailed': {
      const out: Signal[] = [];
      for (const a of await db.actions.bulkGet(ids)) {
        if (!a) continue;
        const c = await db.cases.get(a.caseId);
        const why = a.failureReason ? `: ${a.failureReason}` : '';
        out.push({
          key: a.id,
          caseReference: c?.reference ?? null,
          detail: `${c?.reference ?? 'A case'}: the ${a.type.replaceAll('_', ' ')} failed${why}`,
        });
      }
      return out;
    }
    case 'deliveryDead': {
      const out: Signal[] = [];
      for (const e of await db.events.bulkGet(ids)) {
        if (!e) continue;
        const c = await db.cases.get(e.caseId);
        const d = e.data;
        const tries = typeof d.attempts === 'number' ? ` after ${d.attempts} tries` : '';
        const why = typeof d.lastError === 'string' ? ` (${d.lastError})` : '';
        out.push({
          key: e.id,
          caseReference: c?.reference ?? null,
          detail: `${c?.reference ?? 'A case'}: the ${String(d.eventType)} event never reached the marketplace${tries}${why}. Admins can send it again under Deliveries.`,
        });
      }
      return out;
    }
    case 'disputeDue': {
      const out: Signal[] = [];
      for (const key of ids) {
        const d = await db.disputes.get(key.slice(0, key.lastIndexOf(':')));
        if (!d) continue;
        const c = await db.cases.get(d.caseId);
        const deadline = disputeDeadline(d, now);
        out.push({
          key,
          caseReference: c?.reference ?? null,
          detail: `${c?.reference ?? 'A case'}: ${d.body} (${d.reference}) — ${deadline?.label ?? 'answer due'}`,
        });
      }
      return out;
    }
    case 'decisionOnMine':
    case 'partyAnswered':
    case 'mentioned': {
      const out: Signal[] = [];
      for (const e of await db.events.bulkGet(ids)) {
        if (!e) continue;
        const c = await db.cases.get(e.caseId);
        const ref = c?.reference ?? 'A case';
        const who = e.actorId ? ((await db.agents.get(e.actorId))?.name ?? 'Someone') : null;
        const detail =
          kind === 'decisionOnMine'
            ? `${ref}: ${who ?? 'Someone'} ${e.type === 'action.approved' ? 'approved' : 'rejected'} your ${String(e.data.actionType ?? 'action').replaceAll('_', ' ')}`
            : kind === 'partyAnswered'
              ? `${ref}: the ${e.data.from === 'seller' ? 'seller' : 'buyer'} answered`
              : `${ref}: ${who ?? 'Someone'} mentioned you in a note`;
        out.push({ key: e.id, caseReference: c?.reference ?? null, detail });
      }
      return out;
    }
    case 'changeRejected': {
      const out: Signal[] = [];
      for (const e of await db.outbox.where('id').anyOf(ids).toArray()) {
        const c = e.caseId ? await db.cases.get(e.caseId) : undefined;
        out.push({
          key: e.id,
          caseReference: c?.reference ?? null,
          detail: e.error?.message ?? 'The server refused a change.',
        });
      }
      return out;
    }
  }
}

/** The case with this reference in the replica, for deep links and notification clicks. */
export async function caseIdByReference(db: ReplicaDb, reference: string): Promise<string | null> {
  const c = await db.cases.where('reference').equals(reference.toUpperCase()).first();
  return c?.id ?? null;
}
