import type { ReplicaDb } from './replica-db';

export type DraftKind = 'reply' | 'note';

/** What the agent typed on a case and has not sent, kept on this device (issue 16). */
export interface DraftRow {
  caseId: string;
  reply?: string;
  note?: string;
  updatedAt: string;
}

/**
 * Keeps one draft (an empty text removes it; a case with neither draft has no row). In the
 * replica, so it is per profile (agent and server) and goes with it at sign-out.
 */
export async function saveDraft(
  db: ReplicaDb,
  caseId: string,
  kind: DraftKind,
  text: string,
  now: Date,
): Promise<void> {
  await db.transaction('rw', db.drafts, async () => {
    const next: DraftRow = {
      ...((await db.drafts.get(caseId)) ?? { caseId }),
      updatedAt: now.toISOString(),
    };
    if (text) next[kind] = text;
    else delete next[kind];
    if (next.reply || next.note) await db.drafts.put(next);
    else await db.drafts.delete(caseId);
  });
}

export async function readDraft(db: ReplicaDb, caseId: string): Promise<DraftRow | undefined> {
  return db.drafts.get(caseId);
}
