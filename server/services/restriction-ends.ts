import {
  DomainError,
  canLiftRestrictions,
  type Action,
  type Actor,
  type RestrictionEndReason,
} from '../../shared';
import type { Database, Queryable } from '../db/database';
import { enqueueIntegrationEvent } from '../integration/outbox';
import { toAction, type ActionRow } from '../repositories/case-parts';
import { iso } from '../repositories/timestamps';
import { lockAction } from './action-commands';
import { changeCase, lockCaseRow } from './case-access';

/** Is this a restriction in effect: executed and not yet ended? (By the service's data.) */
export const inEffect = (a: ActionRow): boolean =>
  a.type === 'restrict_account' && a.status === 'executed' && !a.ended_at;

/**
 * Ends a restriction in effect, with the action's case locked by the caller: the action
 * and the account restriction record the end, the case its event, and the marketplace
 * is told (`account.restriction_lifted`) — all in this transaction. The end is claimed by
 * one conditional UPDATE, so two instances ending the same restriction record one end
 * and one event. Returns null when it had already ended.
 */
export async function endRestriction(
  tx: Queryable,
  a: ActionRow,
  reason: RestrictionEndReason,
  by: string | null,
  note: string | null,
  now: Date,
): Promise<ActionRow | null> {
  // An expiry is the restriction running its course: it stays `executed`.
  const status = reason === 'expired' ? a.status : 'lifted';
  const res = await tx.query<ActionRow>(
    `UPDATE actions SET status = $2, ended_at = $3, end_reason = $4, ended_by = $5, end_note = $6
      WHERE id = $1 AND ended_at IS NULL AND status = 'executed' RETURNING *`,
    [a.id, status, now, reason, by, note],
  );
  const ended = res.rows[0];
  if (!ended) return null;
  await tx.query(
    `UPDATE account_restrictions SET ended_at = $2, end_reason = $3
      WHERE action_id = $1 AND ended_at IS NULL`,
    [a.id, now, reason],
  );
  await changeCase(
    tx,
    a.case_id,
    {},
    {
      caseId: a.case_id,
      type: 'restriction.ended',
      actorId: by,
      at: now,
      data: {
        actionId: a.id,
        reason,
        from: a.status,
        to: status,
        ...(note ? { note } : {}),
      },
    },
  );
  const d = a.details as { subject: 'buyer' | 'seller'; restriction: string };
  await enqueueIntegrationEvent(tx, {
    type: 'account.restriction_lifted',
    caseId: a.case_id,
    at: now,
    data: (refs) => ({
      restriction: {
        actionId: a.id,
        subject: d.subject,
        subjectExternalId:
          d.subject === 'buyer' ? refs.buyer.externalId : (refs.seller?.externalId ?? null),
        restriction: d.restriction,
        liftedAt: iso(now),
        reason,
      },
    }),
  });
  return ended;
}

/**
 * `POST /actions/:id/lift`: Trust & Safety ends a restriction in effect before its time.
 * Anything else — a proposal, a restriction still with the marketplace, one already
 * ended or past its end — is 422 `restriction_not_in_effect`.
 */
export async function liftRestriction(
  tx: Queryable,
  actor: Actor,
  actionId: string,
  reason: string,
  now: Date,
): Promise<Action> {
  if (!canLiftRestrictions(actor)) {
    throw new DomainError('forbidden', 'Only Trust & Safety may lift a restriction.');
  }
  const { a } = await lockAction(tx, actor, actionId);
  const until = (a.details as { until?: string | null }).until ?? null;
  if (!inEffect(a) || (until !== null && Date.parse(until) <= now.getTime())) {
    throw new DomainError(
      'restriction_not_in_effect',
      a.type !== 'restrict_account'
        ? 'This action is not a restriction.'
        : a.ended_at
          ? 'This restriction has already ended.'
          : a.status === 'executed'
            ? 'This restriction has reached its end; it is ending now.'
            : `This restriction is ${a.status}, not in effect.`,
      { status: a.status, endedAt: a.ended_at ? iso(a.ended_at) : null },
    );
  }
  const ended = await endRestriction(tx, a, 'lifted', actor.id, reason, now);
  return toAction(ended!);
}

/**
 * Ends every restriction whose `until` has come, each in its own transaction with its
 * case locked first (the order every command locks in). Safe with several instances: a
 * restriction another instance ended meanwhile is skipped by endRestriction's claim.
 */
export async function endExpiredRestrictions(
  db: Database,
  now: Date,
  batch = 100,
): Promise<number> {
  const due = await db.query<{ action_id: string; case_id: string }>(
    `SELECT action_id, case_id FROM account_restrictions
      WHERE ended_at IS NULL AND until IS NOT NULL AND until <= $1
      ORDER BY until LIMIT $2`,
    [now, batch],
  );
  let ended = 0;
  for (const r of due.rows) {
    const done = await db.transaction(async (tx) => {
      await lockCaseRow(tx, r.case_id);
      const res = await tx.query<ActionRow>('SELECT * FROM actions WHERE id = $1 FOR UPDATE', [
        r.action_id,
      ]);
      const a = res.rows[0];
      if (!a || !inEffect(a)) {
        // Lifted meanwhile without its record (never by the service): close the record.
        await tx.query(
          `UPDATE account_restrictions SET ended_at = COALESCE($2, ended_at), end_reason = COALESCE($3, end_reason)
            WHERE action_id = $1 AND ended_at IS NULL`,
          [r.action_id, a?.ended_at ?? now, a?.end_reason ?? 'expired'],
        );
        return false;
      }
      return (await endRestriction(tx, a, 'expired', null, null, now)) !== null;
    });
    if (done) ended++;
  }
  return ended;
}
