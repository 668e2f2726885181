import { useState } from 'react';
import { canLiftRestrictions, LIMITS, restrictionState } from '../../shared';
import type { ActionRead } from '../data/read-schemas';
import { formatDate, formatDateTime } from '../format';
import { TextAnswerDialog } from '../components/TextAnswerDialog';
import { agentName, type CaseViewContext, type PendingChange } from './case-model';

type RestrictionRead = Extract<ActionRead, { type: 'restrict_account' }>;

const END_TEXT = {
  expired: 'its time ran out',
  lifted: 'lifted early',
  complaint_reversed: 'reversed on complaint',
} as const;

/**
 * Where a restriction stands — In effect, or Ended with when and why — from the service's
 * fields alone (restrictionState), never this screen's clock; and, for Trust & Safety, the
 * way to end it early.
 */
export function RestrictionLife({
  a,
  ctx,
  pending,
  readOnly = false,
}: {
  a: RestrictionRead;
  ctx: CaseViewContext;
  pending: PendingChange[];
  /** Shown where it is not decided on (a complaint about it): no Lift button. */
  readOnly?: boolean;
}) {
  const [lifting, setLifting] = useState(false);
  const state = restrictionState(a);
  if (state === 'not_in_effect') return null;
  if (state === 'ended') {
    return (
      <p className="small restriction-life">
        <span className="tag">Ended</span> {formatDateTime(a.endedAt)}
        {a.endReason && ` — ${END_TEXT[a.endReason]}`}
        {a.endedBy && ` by ${agentName(ctx, a.endedBy)}`}
        {a.endNote && `: ${a.endNote}`}
      </p>
    );
  }
  const queued = pending.some((p) => p.op === 'action.lift' && p.args.actionId === a.id);
  return (
    <div className="small restriction-life">
      <span className="tag danger">In effect</span>{' '}
      {a.effectiveAt && `since ${formatDateTime(a.effectiveAt)}`}
      {a.until ? ` · ends ${formatDate(a.until)}` : ' · until lifted'}
      {!readOnly && canLiftRestrictions(ctx.me) && !queued && (
        <button type="button" onClick={() => setLifting(true)}>
          Lift restriction
        </button>
      )}
      {lifting && (
        <LiftDialog
          onLift={(reason) => void ctx.mutate('action.lift', { actionId: a.id, reason })}
          onClose={() => setLifting(false)}
        />
      )}
    </div>
  );
}

function LiftDialog({
  onLift,
  onClose,
}: {
  onLift: (reason: string) => void;
  onClose: () => void;
}) {
  return (
    <TextAnswerDialog
      title="Lift restriction"
      label="Reason for lifting"
      required="Say why it ends early: it is kept on the case."
      maxLength={LIMITS.reason}
      confirm="Confirm lift"
      onConfirm={onLift}
      onClose={onClose}
    >
      It ends as soon as it reaches the service, and the marketplace is told at once.
    </TextAnswerDialog>
  );
}
