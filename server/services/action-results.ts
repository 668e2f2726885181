import { DomainError, type Action, type ActionResultRequest } from '../../shared';
import type { Queryable } from '../db/database';
import { toAction, type ActionRow } from '../repositories/case-parts';
import { isUuid } from '../repositories/timestamps';
import type { MailSettings } from '../mail/mail-settings';
import { executeRestriction } from './action-commands';
import { sendActionNotices } from './action-notices';
import { changeCase, lockCaseRow, notFound } from './case-access';

/** Locks the action's case, then the action: the same order as every other command. */
async function lockForResult(tx: Queryable, actionId: string) {
  if (!isUuid(actionId)) throw notFound('action');
  const found = await tx.query<{ case_id: string }>('SELECT case_id FROM actions WHERE id = $1', [
    actionId,
  ]);
  const caseId = found.rows[0]?.case_id;
  if (!caseId) throw notFound('action');
  // The action names its case, so the row exists; the foreign key keeps it so.
  const c = (await lockCaseRow(tx, caseId))!;
  const ares = await tx.query<ActionRow>('SELECT * FROM actions WHERE id = $1 FOR UPDATE', [
    actionId,
  ]);
  return { c, a: ares.rows[0]! };
}

const sameResult = (a: ActionRow, r: ActionResultRequest) =>
  a.status === r.status &&
  (r.status === 'executed'
    ? (r.externalRef ?? null) === (a.external_ref ?? null)
    : (r.reason ?? null) === (a.failure_reason ?? null));

/**
 * The marketplace reports what became of a requested action. `executed` turns a refund's
 * reservation into money refunded (and cancels the order, or puts the restriction in
 * force); `failed` releases the reservation and puts the case back in front of people:
 * `open` again, reopened if it was resolved. The same report twice is answered again;
 * a different one once decided is 409 `action_not_pending`.
 */
export async function recordActionResult(
  tx: Queryable,
  actionId: string,
  result: ActionResultRequest,
  now: Date,
  mail: MailSettings | null = null,
): Promise<Action> {
  const { c, a } = await lockForResult(tx, actionId);
  if (sameResult(a, result)) return toAction(a);
  if (a.status !== 'requested') {
    throw new DomainError(
      'action_not_pending',
      `This action is ${a.status}, not waiting for a result.`,
      { status: a.status },
    );
  }
  const amount = a.amount_minor;
  if (result.status === 'executed') {
    if (a.type === 'refund' && a.order_id && amount !== null) {
      await tx.query(
        `UPDATE orders SET reserved_minor = reserved_minor - $2, refunded_minor = refunded_minor + $2, updated_at = $3 WHERE id = $1`,
        [a.order_id, amount, now],
      );
    } else if (a.type === 'cancel_order' && a.order_id) {
      await tx.query(`UPDATE orders SET status = 'cancelled', updated_at = $2 WHERE id = $1`, [
        a.order_id,
        now,
      ]);
    } else if (a.type === 'restrict_account') {
      await executeRestriction(tx, c, a, now);
    }
  } else if (a.type === 'refund' && a.order_id && amount !== null) {
    await tx.query(
      `UPDATE orders SET reserved_minor = reserved_minor - $2, updated_at = $3 WHERE id = $1`,
      [a.order_id, amount, now],
    );
  }
  const res = await tx.query<ActionRow>(
    `UPDATE actions SET status = $2, external_ref = $3, failure_reason = $4, result_at = $5,
            effective_at = CASE WHEN $2 = 'executed' THEN $5::timestamptz END
      WHERE id = $1 RETURNING *`,
    [a.id, result.status, result.externalRef ?? null, result.reason ?? null, now],
  );
  const failed = result.status === 'failed';
  // A failure needs someone to act again: the case goes back to open (reopened if resolved).
  const reopen = failed && c.status !== 'open';
  await changeCase(
    tx,
    c.id,
    reopen ? { status: 'open', ...(c.status === 'resolved' ? { resolved_at: null } : {}) } : {},
    {
      caseId: c.id,
      type: failed ? 'action.failed' : 'action.executed',
      actorId: null,
      at: now,
      data: {
        actionId: a.id,
        actionType: a.type,
        from: 'requested',
        to: result.status,
        ...(result.externalRef ? { externalRef: result.externalRef } : {}),
        ...(result.reason ? { reason: result.reason } : {}),
        ...(amount !== null ? { amount: { amount, currency: a.currency } } : {}),
        ...(reopen ? { caseFrom: c.status, caseTo: 'open' } : {}),
      },
    },
  );
  // Only now has it taken effect, so only now are the buyer and seller told.
  if (!failed) await sendActionNotices(tx, mail, res.rows[0]!, now);
  return toAction(res.rows[0]!);
}
