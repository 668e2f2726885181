import { randomUUID } from 'node:crypto';
import {
  DomainError,
  disputeResponseDueAt,
  type Actor,
  type CreateDisputeRequest,
  type ExternalDispute,
  type UpdateDisputeRequest,
} from '../../shared';
import type { Queryable } from '../db/database';
import { findDispute, toDispute } from '../repositories/case-parts';
import { isUuid } from '../repositories/timestamps';
import { changeCase, idTaken, lockVisibleCase, notFound, requireWorker } from './case-access';

/** An answer cannot be due before the dispute was filed (issue 10, defect 11). */
function requireDueAfterFiling(filedAt: string, responseDueAt: string | null | undefined): void {
  if (!responseDueAt || Date.parse(responseDueAt) >= Date.parse(filedAt)) return;
  throw new DomainError('validation_failed', 'The response cannot be due before the filing date.', {
    fields: [{ path: 'body.responseDueAt', message: 'must not be before filedAt' }],
  });
}

/**
 * The answer's due date: the one the body set, else 20 working days after filing in the
 * body's country (shared/dispute-deadline.ts). The service owns it, so every client shows
 * the same date.
 */
function dueDate(body: string, filedAt: string, given: string | null | undefined): string {
  return given ?? disputeResponseDueAt(body, new Date(filedAt)).toISOString();
}

/** External disputes are recorded on resolved cases too: buyers go to an ADR body afterwards. */
export async function createDispute(
  tx: Queryable,
  actor: Actor,
  caseId: string,
  req: CreateDisputeRequest,
  now: Date,
  id: string = randomUUID(),
): Promise<ExternalDispute> {
  const c = await lockVisibleCase(tx, actor, caseId);
  requireWorker(actor, c);
  requireDueAfterFiling(req.filedAt, req.responseDueAt);
  const responseDueAt = dueDate(req.body, req.filedAt, req.responseDueAt);
  const res = await tx.query<Parameters<typeof toDispute>[0]>(
    `INSERT INTO external_disputes (id, case_id, body, reference, filed_at, status, notes, outcome, response_due_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) ON CONFLICT (id) DO NOTHING RETURNING *`,
    [
      id,
      c.id,
      req.body,
      req.reference,
      req.filedAt,
      req.status,
      req.notes,
      req.outcome ?? null,
      responseDueAt,
      now,
    ],
  );
  if (!res.rows[0]) throw idTaken(id);
  await changeCase(
    tx,
    c.id,
    { external_dispute: true },
    {
      caseId: c.id,
      type: 'dispute.created',
      actorId: actor.id,
      at: now,
      data: {
        disputeId: id,
        body: req.body,
        reference: req.reference,
        status: req.status,
        responseDueAt,
        // Whether the date is the body's or the 20-working-day rule's, for the audit trail.
        responseDueBy: req.responseDueAt ? 'body' : 'rule',
      },
    },
  );
  return toDispute(res.rows[0]!);
}

export async function updateDispute(
  tx: Queryable,
  actor: Actor,
  disputeId: string,
  req: UpdateDisputeRequest,
  now: Date,
): Promise<ExternalDispute> {
  if (!isUuid(disputeId)) throw notFound('external dispute');
  const before = await findDispute(tx, disputeId);
  if (!before) throw notFound('external dispute');
  const c = await lockVisibleCase(tx, actor, before.caseId).catch(() => {
    throw notFound('external dispute');
  });
  requireWorker(actor, c);
  const current = (await findDispute(tx, disputeId, true))!;
  const next = {
    status: req.status ?? current.status,
    notes: req.notes ?? current.notes,
    outcome: req.outcome === undefined ? current.outcome : req.outcome,
    // Clearing the body's date brings back the rule's.
    responseDueAt:
      req.responseDueAt === undefined
        ? current.responseDueAt
        : dueDate(current.body, current.filedAt, req.responseDueAt),
  };
  requireDueAfterFiling(current.filedAt, next.responseDueAt);
  const res = await tx.query<Parameters<typeof toDispute>[0]>(
    `UPDATE external_disputes SET status = $2, notes = $3, outcome = $4, response_due_at = $5, updated_at = $6
      WHERE id = $1 RETURNING *`,
    [disputeId, next.status, next.notes, next.outcome, next.responseDueAt, now],
  );
  const changed = Object.fromEntries(
    (Object.keys(req) as (keyof typeof next)[]).map((k) => [k, { from: current[k], to: next[k] }]),
  );
  await changeCase(
    tx,
    c.id,
    {},
    {
      caseId: c.id,
      type: 'dispute.updated',
      actorId: actor.id,
      at: now,
      data: { disputeId, changes: changed },
    },
  );
  return toDispute(res.rows[0]!);
}
