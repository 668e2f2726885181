import Dexie from 'dexie';
import type { Agent, CaseEvent } from '../../shared';
import type { CasedeskDb } from './casedesk-db';
import type {
  LocalAction,
  LocalCase,
  LocalDispute,
  LocalMessage,
  LocalNote,
  OutboxEntry,
} from './replica-types';

/** Everything the case view shows, each list oldest first (the server's order). */
export interface CaseDetail {
  case: LocalCase;
  messages: LocalMessage[];
  notes: LocalNote[];
  actions: LocalAction[];
  externalDisputes: LocalDispute[];
  events: CaseEvent[];
  /** This case's unsent and refused changes, in the order they were made. */
  outbox: OutboxEntry[];
}

const ofCase = (caseId: string) =>
  [
    [caseId, Dexie.minKey],
    [caseId, Dexie.maxKey],
  ] as const;

export async function readCaseDetail(db: CasedeskDb, caseId: string): Promise<CaseDetail | null> {
  const c = await db.cases.get(caseId);
  if (!c) return null;
  const [lo, hi] = ofCase(caseId);
  const [messages, notes, actions, externalDisputes, events, outbox] = await Promise.all([
    db.messages.where('[caseId+createdAt]').between(lo, hi).toArray(),
    db.notes.where('[caseId+createdAt]').between(lo, hi).toArray(),
    db.actions.where('[caseId+createdAt]').between(lo, hi).toArray(),
    db.externalDisputes.where('[caseId+createdAt]').between(lo, hi).toArray(),
    db.events.where('[caseId+at]').between(lo, hi).toArray(),
    db.outbox.where('caseId').equals(caseId).sortBy('seq'),
  ]);
  return { case: c, messages, notes, actions, externalDisputes, events, outbox };
}

export async function findCaseByReference(
  db: CasedeskDb,
  reference: string,
): Promise<LocalCase | undefined> {
  return db.cases.where('reference').equals(reference.trim()).first();
}

/** The buyer's other cases, newest first: their history with the marketplace. */
export async function casesOfBuyer(db: CasedeskDb, buyerId: string): Promise<LocalCase[]> {
  const rows = await db.cases.where('buyerId').equals(buyerId).toArray();
  return rows.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

export function listAgents(db: CasedeskDb): Promise<Agent[]> {
  return db.agents.orderBy('id').toArray();
}
