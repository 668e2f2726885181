import {
  CASE_PRESENCE_TTL_MS,
  canSeeCase,
  type Actor,
  type CasePresence,
  type CasePresenceRequest,
  type Language,
} from '../../shared';
import type { Database, Queryable } from '../db/database';
import { isUuid } from '../repositories/timestamps';
import { notFound } from './case-access';

/** NOTIFY channel: who has which case open changed (any instance's event streams listen). */
export const PRESENCE_CHANNEL = 'casedesk_presence';
/** More viewers than this on one case are not listed (a NOTIFY payload holds 8000 bytes). */
const MAX_VIEWERS = 20;

/** What a presence NOTIFY carries: the case's visibility facts and its viewers now. */
export interface PresenceNotice extends CasePresence {
  language: Language;
  assigneeId: string | null;
}

interface ViewerRow {
  agent_id: string;
  name: string;
  typing: boolean;
  opened_at: Date;
  seen_at: Date;
}

/** The case as far as presence needs it; a case the actor may not see does not exist (404). */
async function visibleCase(db: Queryable, actor: Actor, caseId: string) {
  if (!isUuid(caseId)) throw notFound();
  const res = await db.query<{ language: Language; assignee_id: string | null }>(
    'SELECT language, assignee_id FROM cases WHERE id = $1',
    [caseId],
  );
  const r = res.rows[0];
  if (!r || !canSeeCase(actor, { language: r.language, assigneeId: r.assignee_id })) {
    throw notFound();
  }
  return { language: r.language, assigneeId: r.assignee_id };
}

/** Everyone heard of within the expiry, oldest visit first, and tells every instance. */
async function publish(
  tx: Queryable,
  caseId: string,
  c: { language: Language; assigneeId: string | null },
  now: Date,
): Promise<CasePresence> {
  const res = await tx.query<ViewerRow>(
    `SELECT p.agent_id, a.name, p.typing, p.opened_at, p.seen_at
       FROM case_presence p JOIN agents a ON a.id = p.agent_id
      WHERE p.case_id = $1 AND p.seen_at > $2 AND a.active
      ORDER BY p.opened_at, p.agent_id LIMIT ${MAX_VIEWERS}`,
    [caseId, new Date(now.getTime() - CASE_PRESENCE_TTL_MS)],
  );
  const presence: CasePresence = {
    caseId,
    viewers: res.rows.map((r) => ({
      agentId: r.agent_id,
      name: r.name,
      typing: r.typing,
      openedAt: new Date(r.opened_at).toISOString(),
      seenAt: new Date(r.seen_at).toISOString(),
    })),
  };
  const notice: PresenceNotice = { ...presence, ...c };
  await tx.query('SELECT pg_notify($1, $2)', [PRESENCE_CHANNEL, JSON.stringify(notice)]);
  return presence;
}

/**
 * A heartbeat from a workspace with the case open: the caller is (still) there, typing or
 * not. A visit that had lapsed starts again (a new `openedAt`). Answers everyone there.
 */
export async function reportCasePresence(
  db: Database,
  actor: Actor,
  caseId: string,
  req: CasePresenceRequest,
  now: Date,
): Promise<CasePresence> {
  return db.transaction(async (tx) => {
    const c = await visibleCase(tx, actor, caseId);
    const expired = new Date(now.getTime() - CASE_PRESENCE_TTL_MS);
    // Rows nobody refreshed are tidied away by whoever writes next.
    await tx.query('DELETE FROM case_presence WHERE seen_at <= $1', [expired]);
    await tx.query(
      `INSERT INTO case_presence (case_id, agent_id, typing, opened_at, seen_at)
       VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (case_id, agent_id) DO UPDATE SET typing = EXCLUDED.typing, seen_at = EXCLUDED.seen_at`,
      [caseId, actor.id, req.typing, now],
    );
    return publish(tx, caseId, c, now);
  });
}

/** The workspace closed the case (or signed out): gone at once, not after the expiry. */
export async function leaveCase(
  db: Database,
  actor: Actor,
  caseId: string,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await visibleCase(tx, actor, caseId);
    const gone = await tx.query('DELETE FROM case_presence WHERE case_id = $1 AND agent_id = $2', [
      caseId,
      actor.id,
    ]);
    if (gone.rowCount > 0) await publish(tx, caseId, c, now);
  });
}
