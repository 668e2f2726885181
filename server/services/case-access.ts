import {
  DomainError,
  canSeeCase,
  canWorkCase,
  type Actor,
  type CaseStatus,
  type Language,
} from '../../shared';
import type { Queryable } from '../db/database';
import { recordEvent, type NewEvent } from '../repositories/case-parts';
import { isUuid } from '../repositories/timestamps';
import { clockEffect } from './case-clocks';

export interface LockedCase {
  id: string;
  status: CaseStatus;
  language: Language;
  assigneeId: string | null;
  buyerId: string;
  orderId: string | null;
}

export const notFound = (what = 'case') =>
  new DomainError('not_found', `No such ${what}, or you may not see it.`);

/**
 * Locks the case row for the rest of the transaction, so commands on one case run one
 * after another; null when there is no such case.
 */
export async function lockCaseRow(tx: Queryable, caseId: string): Promise<LockedCase | null> {
  const res = await tx.query<{
    id: string;
    status: CaseStatus;
    language: Language;
    assignee_id: string | null;
    buyer_id: string;
    order_id: string | null;
  }>(
    'SELECT id, status, language, assignee_id, buyer_id, order_id FROM cases WHERE id = $1 FOR UPDATE',
    [caseId],
  );
  const r = res.rows[0];
  if (!r) return null;
  return {
    id: r.id,
    status: r.status,
    language: r.language,
    assigneeId: r.assignee_id,
    buyerId: r.buyer_id,
    orderId: r.order_id,
  };
}

/** lockCaseRow for an actor: a case the actor may not see does not exist for them (404). */
export async function lockVisibleCase(
  tx: Queryable,
  actor: Actor,
  caseId: string,
): Promise<LockedCase> {
  if (!isUuid(caseId)) throw notFound();
  const c = await lockCaseRow(tx, caseId);
  if (!c || !canSeeCase(actor, c)) throw notFound();
  return c;
}

/** A client-chosen id (offline clients name what they create) that is already in use. */
export const idTaken = (id: string) =>
  new DomainError('validation_failed', 'That id is already in use.', {
    fields: [{ path: 'args.id', message: `${id} is already in use` }],
  });

export function requireWorker(actor: Actor, c: LockedCase): void {
  if (!canWorkCase(actor, c)) {
    throw new DomainError(
      'forbidden',
      c.assigneeId
        ? 'This case is assigned to someone else.'
        : 'Claim this case before working on it.',
    );
  }
}

export function requireOpen(c: LockedCase): void {
  if (c.status === 'resolved') {
    throw new DomainError('case_not_open', 'This case is resolved; reopen it first.');
  }
}

type CaseColumn =
  | 'status'
  | 'assignee_id'
  | 'priority'
  | 'first_responded_at'
  | 'resolved_at'
  | 'resolution_summary'
  | 'external_dispute'
  | 'clock_paused_at'
  | 'seller_answer_due_at'
  | 'first_response_due_at'
  | 'resolution_due_at';

/**
 * Applies column changes, bumps the version and appends the audit event, together.
 * Every change to a case goes through here, so none escapes the audit trail — nor the
 * clocks: a status change pauses, resumes or sets them here (case-clocks.ts), whichever
 * command made it, and its event records what the clocks did (`data.clock`).
 */
export async function changeCase(
  tx: Queryable,
  caseId: string,
  requested: Partial<Record<CaseColumn, unknown>>,
  requestedEvent: NewEvent,
): Promise<void> {
  let changes = requested;
  let event = requestedEvent;
  if (typeof requested.status === 'string') {
    const clocks = await clockEffect(tx, caseId, requested.status as CaseStatus, event.at);
    changes = { ...requested, ...clocks.columns };
    if (clocks.event) event = { ...event, data: { ...event.data, clock: clocks.event } };
  }
  const cols = Object.keys(changes) as CaseColumn[];
  const sets = cols.map((c, i) => `${c} = $${i + 3}`);
  await tx.query(
    `UPDATE cases SET ${[...sets, 'version = version + 1', 'updated_at = $2'].join(', ')} WHERE id = $1`,
    [caseId, event.at, ...cols.map((c) => changes[c])],
  );
  await recordEvent(tx, event);
}
