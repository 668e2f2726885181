import type { Actor, CaseDetail, CaseFile, CaseFileQuery, ChainedEvent } from '../../shared';
import type { Database, Queryable } from '../db/database';
import { recordEvent } from '../repositories/case-parts';
import { iso } from '../repositories/timestamps';
import { getCaseDetail } from '../services/case-queries';

export type { CaseFile } from '../../shared';

/** The audit event of an export: who (actor), when (at), which format, which chain head. */
export const CASE_FILE_EXPORTED = 'case_file.exported' as const;

interface EventRow {
  id: string;
  case_id: string;
  type: string;
  actor_id: string | null;
  at: Date | string;
  data: Record<string, unknown>;
  chain_index: string;
  prev_hash: string;
  hash: string;
  hashed_at: string;
  hashed_data: string;
}

// The text forms are the ones the database hashed (migration 0056's event_hash). The
// chain is cut after the last event that is not an export: exports at its end say nothing
// of the case, and so the PDF and JSON saved one after the other carry the same head (each
// export's own event names that head). Exports with events after them are in the chain.
const EVENTS_SQL = `
  SELECT id, case_id, type, actor_id, at, data, chain_index::text, prev_hash, hash,
         to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS hashed_at,
         data::text AS hashed_data
    FROM events
   WHERE case_id = $1
     AND chain_index <= coalesce((SELECT max(chain_index) FROM events
                                   WHERE case_id = $1 AND type <> '${CASE_FILE_EXPORTED}'), 0)
   ORDER BY events.chain_index`;

/** A case's audit events with their places in its hash chain, as a case file carries them. */
export async function chainedEvents(db: Queryable, caseId: string): Promise<ChainedEvent[]> {
  const rows = (await db.query<EventRow>(EVENTS_SQL, [caseId])).rows;
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    type: r.type,
    actorId: r.actor_id,
    at: iso(r.at),
    data: r.data,
    chainIndex: Number(r.chain_index),
    prevHash: r.prev_hash,
    hash: r.hash,
    hashedAt: r.hashed_at,
    hashedData: r.hashed_data,
  }));
}

export async function readCaseFile(
  db: Queryable,
  actor: Actor & { name: string },
  caseId: string,
  now: Date,
): Promise<CaseFile> {
  const detail = (await getCaseDetail(db, actor, caseId)) as CaseDetail;
  const events = await chainedEvents(db, detail.case.id);
  const last = events[events.length - 1];
  const agents = (
    await db.query<{ id: string; name: string }>(
      `SELECT id, name FROM agents WHERE id IN (
         SELECT actor_id FROM events WHERE case_id = $1 AND actor_id IS NOT NULL
         UNION SELECT author_id FROM notes WHERE case_id = $1
         UNION SELECT proposed_by FROM actions WHERE case_id = $1
         UNION SELECT approved_by FROM actions WHERE case_id = $1 AND approved_by IS NOT NULL
         UNION SELECT rejected_by FROM actions WHERE case_id = $1 AND rejected_by IS NOT NULL)
       ORDER BY name`,
      [detail.case.id],
    )
  ).rows;
  return {
    format: 'casedesk-case-file',
    version: 1,
    exportedAt: now.toISOString(),
    exportedBy: { id: actor.id, name: actor.name },
    case: detail.case,
    messages: detail.messages,
    notes: detail.notes,
    actions: detail.actions,
    statementsOfReasons: detail.actions.flatMap((a) =>
      a.type === 'restrict_account'
        ? [
            {
              actionId: a.id,
              status: a.status,
              subject: a.subject,
              restriction: a.restriction,
              until: a.until,
              statementOfReasons: a.statementOfReasons,
            },
          ]
        : [],
    ),
    externalDisputes: detail.externalDisputes,
    events,
    agents,
    chain: { length: events.length, head: last?.hash ?? '0'.repeat(64) },
  };
}

/**
 * Exports a case file and leaves its audit event on the case, in one transaction: who
 * exported it, when, in which format, and the chain head (and length) the file carries —
 * so the service can later say which file went out. The event joins the chain after the
 * file's head; the file does not hold its own export.
 */
export async function exportCaseFile(
  db: Database,
  actor: Actor & { name: string },
  caseId: string,
  format: CaseFileQuery['format'],
  now: Date,
): Promise<CaseFile> {
  return db.transaction(async (tx) => {
    const file = await readCaseFile(tx, actor, caseId, now);
    await recordEvent(tx, {
      caseId: file.case.id,
      type: CASE_FILE_EXPORTED,
      actorId: actor.id,
      at: now,
      data: { format, chainLength: file.chain.length, chainHead: file.chain.head },
    });
    return file;
  });
}
