import type { CasedeskDb } from './casedesk-db';
import type { OutboxEntry } from './replica-types';

export interface OutboxSummary {
  pending: number;
  /** Refused by the server, oldest first, kept until the agent dismisses or retries them. */
  rejected: OutboxEntry[];
}

export async function readOutboxSummary(db: CasedeskDb): Promise<OutboxSummary> {
  const [pending, rejected] = await Promise.all([
    db.outbox.where('state').equals('pending').count(),
    db.outbox.where('state').equals('rejected').toArray(),
  ]);
  return { pending, rejected };
}

/** Unsent changes in the order they were made, at most `limit` of them. */
export function listPendingEntries(db: CasedeskDb, limit = Infinity): Promise<OutboxEntry[]> {
  const pending = db.outbox.where('state').equals('pending');
  return (Number.isFinite(limit) ? pending.limit(limit) : pending).toArray();
}

export function findOutboxEntry(
  db: CasedeskDb,
  mutationId: string,
): Promise<OutboxEntry | undefined> {
  return db.outbox.where('id').equals(mutationId).first();
}
