import { randomUUID } from 'node:crypto';
import {
  DomainError,
  timeProblem,
  decisionRight,
  needsApproval,
  type Action,
  type ActionRequest,
  type Actor,
} from '../../shared';
import type { Queryable } from '../db/database';
import { enqueueActionRequested } from '../integration/action-events';
import { webhookEnabled } from '../integration/outbox';
import type { MailSettings } from '../mail/mail-settings';
import { toAction, type ActionRow } from '../repositories/case-parts';
import { isUuid } from '../repositories/timestamps';
import { checkNotices, sendActionNotices } from './action-notices';
import {
  changeCase,
  idTaken,
  lockVisibleCase,
  notFound,
  requireOpen,
  requireWorker,
  type LockedCase,
} from './case-access';

interface LockedOrder {
  id: string;
  currency: string;
  amount_paid_minor: number;
  refunded_minor: number;
  reserved_minor: number;
  shipping_status: string;
  status: 'active' | 'cancelled';
  buyer_id: string;
  seller_id: string;
}

/**
 * Locks the order for the rest of the transaction. Every money movement on an order
 * passes through this lock, so concurrent refunds are decided one after another against
 * the amount actually left — and a CHECK in the table backs this up.
 */
async function lockOrder(tx: Queryable, c: LockedCase): Promise<LockedOrder> {
  if (!c.orderId) throw new DomainError('no_order', 'This case has no order.');
  const res = await tx.query<LockedOrder>('SELECT * FROM orders WHERE id = $1 FOR UPDATE', [
    c.orderId,
  ]);
  return res.rows[0]!;
}

const refundableOf = (o: LockedOrder) => o.amount_paid_minor - o.refunded_minor - o.reserved_minor;

export async function proposeAction(
  tx: Queryable,
  actor: Actor,
  caseId: string,
  req: ActionRequest,
  now: Date,
  id: string = randomUUID(),
  mail: MailSettings | null = null,
): Promise<Action> {
  const c = await lockVisibleCase(tx, actor, caseId);
  requireWorker(actor, c);
  requireOpen(c);
  if (req.type === 'restrict_account') {
    requireFutureUntil(req.until, now);
    await requireRelatedCases(tx, c.id, req.relatedCaseIds);
  }
  await checkNotices(tx, mail, c.id, req);
  const pending = needsApproval(actor, req);
  // With a marketplace connected, what would execute is asked of it instead (`requested`),
  // and a refund's amount stays reserved until it reports back.
  const requested = !pending && (await webhookEnabled(tx));
  const status = pending ? 'pending_approval' : requested ? 'requested' : 'executed';
  let orderId: string | null = null;
  let amount: number | null = null;
  let currency: string | null = null;

  if (req.type === 'refund') {
    const o = await lockOrder(tx, c);
    if (req.amount.currency !== o.currency) {
      throw new DomainError('currency_mismatch', `The order was paid in ${o.currency}.`, {
        orderCurrency: o.currency,
      });
    }
    const refundable = refundableOf(o);
    if (req.amount.amount > refundable) {
      throw new DomainError(
        'refund_exceeds_refundable',
        'The refund is more than what is still refundable.',
        {
          refundable: { amount: refundable, currency: o.currency },
        },
      );
    }
    await tx.query(
      pending || requested
        ? 'UPDATE orders SET reserved_minor = reserved_minor + $2, updated_at = $3 WHERE id = $1'
        : 'UPDATE orders SET refunded_minor = refunded_minor + $2, updated_at = $3 WHERE id = $1',
      [o.id, req.amount.amount, now],
    );
    orderId = o.id;
    amount = req.amount.amount;
    currency = o.currency;
  } else if (req.type === 'cancel_order') {
    const o = await lockOrder(tx, c);
    if (o.status === 'cancelled')
      throw new DomainError('order_cancelled', 'The order is already cancelled.');
    const asked = await tx.query(
      `SELECT 1 FROM actions WHERE order_id = $1 AND type = 'cancel_order' AND status = 'requested'`,
      [o.id],
    );
    if (asked.rows.length > 0) {
      throw new DomainError(
        'order_cancelled',
        'A cancellation of this order is already with the marketplace.',
      );
    }
    if (o.shipping_status === 'delivered') {
      throw new DomainError(
        'order_delivered',
        'A delivered order cannot be cancelled; consider a refund.',
      );
    }
    if (!requested) {
      await tx.query(`UPDATE orders SET status = 'cancelled', updated_at = $2 WHERE id = $1`, [
        o.id,
        now,
      ]);
    }
    orderId = o.id;
  } else if (req.type === 'restrict_account' && req.subject === 'seller' && !c.orderId) {
    throw new DomainError('no_order', 'This case has no order, so no seller to restrict.');
  } else if (c.orderId) {
    orderId = c.orderId;
  }

  const { type, ...details } = req;
  const res = await tx.query<ActionRow>(
    `INSERT INTO actions (id, case_id, order_id, type, status, details, amount_minor, currency, proposed_by, created_at, requested_at, effective_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $5 = 'requested' THEN $10::timestamptz END,
             CASE WHEN $5 = 'executed' THEN $10::timestamptz END)
     ON CONFLICT (id) DO NOTHING RETURNING *`,
    [id, c.id, orderId, type, status, JSON.stringify(details), amount, currency, actor.id, now],
  );
  if (!res.rows[0]) throw idTaken(id);
  await changeCase(
    tx,
    c.id,
    {},
    {
      caseId: c.id,
      type: pending ? 'action.proposed' : requested ? 'action.requested' : 'action.executed',
      actorId: actor.id,
      at: now,
      data: {
        actionId: id,
        actionType: type,
        status,
        ...moneyOf(amount, currency),
      },
    },
  );
  const action = toAction(res.rows[0]!);
  if (!pending) await enqueueActionRequested(tx, action, now);
  // Told only once it has taken effect; approval or the marketplace's answer does it later.
  if (status === 'executed') await sendActionNotices(tx, mail, res.rows[0]!, now);
  return action;
}

/**
 * A restriction that ends before it is proposed could never take effect, and an end the
 * database cannot hold could never be approved (issue 10, defect 5): both are refused.
 */
function requireFutureUntil(until: string | null, now: Date): void {
  if (until === null || Date.parse(until) > now.getTime()) return;
  throw new DomainError('validation_failed', 'A restriction must end in the future.', {
    fields: [{ path: 'body.until', message: 'must be later than now' }],
  });
}

/**
 * The other cases a restriction rests on (named from the Account view) must exist and be
 * other than its own; an id that names no case is refused (400), like any wrong field.
 */
async function requireRelatedCases(
  tx: Queryable,
  caseId: string,
  ids: readonly string[] | undefined,
): Promise<void> {
  if (!ids?.length) return;
  const known = ids.filter(isUuid);
  const res = await tx.query<{ id: string }>('SELECT id FROM cases WHERE id = ANY ($1::uuid[])', [
    known,
  ]);
  const found = new Set(res.rows.map((r) => r.id));
  const fields = ids.flatMap((id, i) =>
    id === caseId || !found.has(id)
      ? [
          {
            path: `body.relatedCaseIds.${i}`,
            message: id === caseId ? 'is the case itself' : 'names no case',
          },
        ]
      : [],
  );
  if (fields.length) {
    throw new DomainError('validation_failed', 'A related case is not another case.', { fields });
  }
}

const moneyOf = (amount: number | null, currency: string | null) =>
  amount !== null ? { amount: { amount, currency } } : {};

/** Loads a pending-or-not action with its case locked first (the same order as every command). */
export async function lockAction(
  tx: Queryable,
  actor: Actor,
  actionId: string,
): Promise<{ c: LockedCase; a: ActionRow }> {
  if (!isUuid(actionId)) throw notFound('action');
  const found = await tx.query<{ case_id: string }>('SELECT case_id FROM actions WHERE id = $1', [
    actionId,
  ]);
  const caseId = found.rows[0]?.case_id;
  if (!caseId) throw notFound('action');
  const c = await lockVisibleCase(tx, actor, caseId).catch(() => {
    throw notFound('action');
  });
  const res = await tx.query<ActionRow>('SELECT * FROM actions WHERE id = $1 FOR UPDATE', [
    actionId,
  ]);
  return { c, a: res.rows[0]! };
}

function requirePending(a: ActionRow): void {
  if (a.status !== 'pending_approval') {
    throw new DomainError(
      'action_not_pending',
      `This action is ${a.status}, not awaiting approval.`,
      {
        status: a.status,
      },
    );
  }
}

function requireDecider(actor: Actor, a: ActionRow): void {
  const right = decisionRight(actor, { type: a.type, proposedBy: a.proposed_by });
  if (right === 'four_eyes_violation') {
    throw new DomainError(
      'four_eyes_violation',
      'Someone other than the proposer must decide on this.',
    );
  }
  if (right === 'forbidden') {
    throw new DomainError(
      'forbidden',
      a.type === 'refund'
        ? 'Only a lead or Trust & Safety may decide on refunds.'
        : 'Only Trust & Safety may decide on restrictions and referrals.',
    );
  }
}

async function settle(
  tx: Queryable,
  a: ActionRow,
  status: 'executed' | 'rejected' | 'withdrawn' | 'requested',
  by: { approvedBy?: string; rejectedBy?: string; reason?: string },
  now: Date,
): Promise<ActionRow> {
  // A requested refund keeps its reservation until the marketplace reports back.
  if (a.type === 'refund' && a.order_id && a.amount_minor !== null && status !== 'requested') {
    // The reservation ends either way; only an approval turns it into a refund.
    await tx.query(
      status === 'executed'
        ? `UPDATE orders SET reserved_minor = reserved_minor - $2, refunded_minor = refunded_minor + $2, updated_at = $3 WHERE id = $1`
        : `UPDATE orders SET reserved_minor = reserved_minor - $2, updated_at = $3 WHERE id = $1`,
      [a.order_id, a.amount_minor, now],
    );
  }
  const res = await tx.query<ActionRow>(
    `UPDATE actions SET status = $2, approved_by = $3, rejected_by = $4, rejection_reason = $5, decided_at = $6,
            requested_at = CASE WHEN $2 = 'requested' THEN $6::timestamptz END,
            effective_at = CASE WHEN $2 = 'executed' THEN $6::timestamptz END
      WHERE id = $1 RETURNING *`,
    [a.id, status, by.approvedBy ?? null, by.rejectedBy ?? null, by.reason ?? null, now],
  );
  return res.rows[0]!;
}

export async function executeRestriction(
  tx: Queryable,
  c: LockedCase,
  a: ActionRow,
  now: Date,
): Promise<void> {
  const d = a.details as { subject: 'buyer' | 'seller'; restriction: string; until: string | null };
  // Proposals stored before times were checked at the border may hold an end no database
  // takes (year 0000, offset +20:00); they can only be rejected or withdrawn.
  if (d.until !== null && timeProblem(d.until) !== null) {
    throw new DomainError(
      'stale_state',
      'This restriction ends at a time that cannot be stored; reject it and propose it again.',
    );
  }
  let subjectId = c.buyerId;
  if (d.subject === 'seller') {
    const o = await tx.query<{ seller_id: string }>('SELECT seller_id FROM orders WHERE id = $1', [
      a.order_id,
    ]);
    subjectId = o.rows[0]!.seller_id;
  }
  await tx.query(
    `INSERT INTO account_restrictions (id, subject, subject_id, restriction, until, action_id, case_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [randomUUID(), d.subject, subjectId, d.restriction, d.until, a.id, c.id, now],
  );
}

export async function approveAction(
  tx: Queryable,
  actor: Actor,
  actionId: string,
  now: Date,
  comment?: string,
  mail: MailSettings | null = null,
): Promise<Action> {
  const { c, a } = await lockAction(tx, actor, actionId);
  requireDecider(actor, a);
  requirePending(a);
  const to = (await webhookEnabled(tx)) ? 'requested' : 'executed';
  const done = await settle(tx, a, to, { approvedBy: actor.id }, now);
  if (a.type === 'restrict_account' && to === 'executed') await executeRestriction(tx, c, a, now);
  await changeCase(
    tx,
    c.id,
    {},
    {
      caseId: c.id,
      type: 'action.approved',
      actorId: actor.id,
      at: now,
      data: {
        actionId: a.id,
        actionType: a.type,
        from: a.status,
        to,
        proposedBy: a.proposed_by,
        ...moneyOf(a.amount_minor, a.currency),
        ...(comment ? { comment } : {}),
      },
    },
  );
  const action = toAction(done);
  await enqueueActionRequested(tx, action, now);
  if (to === 'executed') await sendActionNotices(tx, mail, done, now);
  return action;
}

export async function rejectAction(
  tx: Queryable,
  actor: Actor,
  actionId: string,
  reason: string,
  now: Date,
): Promise<Action> {
  const { c, a } = await lockAction(tx, actor, actionId);
  requireDecider(actor, a);
  requirePending(a);
  const done = await settle(tx, a, 'rejected', { rejectedBy: actor.id, reason }, now);
  await changeCase(
    tx,
    c.id,
    {},
    {
      caseId: c.id,
      type: 'action.rejected',
      actorId: actor.id,
      at: now,
      data: { actionId: a.id, actionType: a.type, from: a.status, to: 'rejected', reason },
    },
  );
  return toAction(done);
}

export async function withdrawAction(
  tx: Queryable,
  actor: Actor,
  actionId: string,
  now: Date,
): Promise<Action> {
  const { c, a } = await lockAction(tx, actor, actionId);
  if (a.proposed_by !== actor.id)
    throw new DomainError('forbidden', 'Only the proposer may withdraw an action.');
  requirePending(a);
  const done = await settle(tx, a, 'withdrawn', {}, now);
  await changeCase(
    tx,
    c.id,
    {},
    {
      caseId: c.id,
      type: 'action.withdrawn',
      actorId: actor.id,
      at: now,
      data: { actionId: a.id, actionType: a.type, from: a.status, to: 'withdrawn' },
    },
  );
  return toAction(done);
}
