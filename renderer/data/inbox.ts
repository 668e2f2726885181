import Dexie from 'dexie';
import { INBOX_EVENT_TYPES, inboxItemFor, type Agent, type InboxItem } from '../../shared';
import type { ReplicaDb } from './replica-db';

/** The Notifications list covers this many days… */
export const INBOX_DAYS = 14;
/** …and shows at most this many, newest first. */
export const INBOX_LIMIT = 50;

export interface InboxRead {
  items: (InboxItem & { reference: string; read: boolean })[];
  unread: number;
}

/**
 * What happened to me, derived from the replica's events (so it works offline): one index
 * range per kind of event over the last INBOX_DAYS, then the rules in shared/inbox.ts.
 * Which ones were read is kept on this device.
 */
export async function readInbox(db: ReplicaDb, me: Agent, now: Date): Promise<InboxRead> {
  const since = new Date(now.getTime() - INBOX_DAYS * 86_400_000).toISOString();
  return db.transaction(
    'r',
    [db.events, db.cases, db.actions, db.notes, db.agents, db.inboxRead],
    async () => {
      const events = (
        await Dexie.Promise.all(
          INBOX_EVENT_TYPES.map((t) =>
            db.events.where('[type+at]').between([t, since], [t, Dexie.maxKey]).toArray(),
          ),
        )
      ).flat();
      const caseIds = [...new Set(events.map((e) => e.caseId))];
      const cases = new Map(
        (await db.cases.bulkGet(caseIds)).flatMap((c) => (c ? [[c.id, c]] : [])),
      );
      const actionIds = events.flatMap((e) =>
        typeof e.data.actionId === 'string' ? [e.data.actionId] : [],
      );
      const actions = new Map(
        (await db.actions.bulkGet(actionIds)).flatMap((a) => (a ? [[a.id, a]] : [])),
      );
      const noteIds = events.flatMap((e) =>
        e.type === 'note.added' && typeof e.data.noteId === 'string' ? [e.data.noteId] : [],
      );
      const notes = new Map(
        (await db.notes.bulkGet(noteIds)).flatMap((n) => (n ? [[n.id, n]] : [])),
      );
      const actorIds = [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
      const agents = new Map(
        (await db.agents.bulkGet(actorIds)).flatMap((a) => (a ? [[a.id, a.name]] : [])),
      );
      const items: InboxRead['items'] = [];
      for (const e of events) {
        const c = cases.get(e.caseId);
        if (!c) continue;
        const a = typeof e.data.actionId === 'string' ? actions.get(e.data.actionId) : undefined;
        const n = typeof e.data.noteId === 'string' ? notes.get(e.data.noteId) : undefined;
        const item = inboxItemFor(
          {
            event: e,
            reference: c.reference,
            assigneeId: c.assigneeId ?? null,
            ...(a ? { action: { type: a.type, proposedBy: a.proposedBy, status: a.status } } : {}),
            ...(n ? { noteBody: n.body } : {}),
            actorName: e.actorId ? (agents.get(e.actorId) ?? 'Someone') : 'The help center',
          },
          me,
        );
        if (item) items.push({ ...item, reference: c.reference, read: false });
      }
      items.sort((x, y) => y.at.localeCompare(x.at));
      const shown = items.slice(0, INBOX_LIMIT);
      const read = await db.inboxRead.bulkGet(shown.map((i) => i.id));
      shown.forEach((i, k) => (i.read = !!read[k]));
      return { items: shown, unread: shown.filter((i) => !i.read).length };
    },
  );
}

/** Marks notifications read on this device. */
export async function markInboxRead(db: ReplicaDb, ids: string[], now: Date): Promise<void> {
  await db.inboxRead.bulkPut(ids.map((id) => ({ id, at: now.toISOString() })));
}
