import { useState, type FormEvent } from 'react';
import { decisionRight, LIMITS, type ActionStatus } from '../../shared';
import { labelOf, type ActionRead } from '../data/read-schemas';
import { formatDate, formatDateTime, money } from '../format';
import { ActionDetails, describeAction } from './action-text';
import { agentName, type CaseDetail, type CaseViewContext, type PendingChange } from './case-model';
import { ConfirmApprovalDialog } from './ConfirmApprovalDialog';
import { DisputeDue } from './DisputeDue';
import { DisputeForm, DISPUTE_STATUS_LABELS } from './DisputeForm';
import { Field, FormError } from './Field';
import { RestrictionLife } from './RestrictionLife';

const STATUS_TEXT: Record<ActionStatus, string> = {
  executed: 'Done',
  pending_approval: 'Awaiting approval',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  requested: 'Sent to payments — waiting for confirmation',
  failed: 'Failed',
  lifted: 'Lifted',
};

const CONFIRMED_APPROVALS = new Set<string>(['restrict_account', 'law_enforcement_referral']);

function PendingDecision({ a, ctx }: { a: ActionRead; ctx: CaseViewContext }) {
  const [rejecting, setRejecting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const right = decisionRight(ctx.me, a);
  if (a.proposedBy === ctx.me.id) {
    return (
      <button type="button" onClick={() => void ctx.mutate('action.withdraw', { actionId: a.id })}>
        Withdraw
      </button>
    );
  }
  if (right !== 'allowed') return <span className="muted small">Waiting for a reviewer.</span>;
  const reject = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setError('Say why you reject it.');
    if (reason.length > LIMITS.reason) return setError(`At most ${LIMITS.reason} characters.`);
    await ctx.mutate('action.reject', { actionId: a.id, reason: reason.trim() });
  };
  return (
    <div className="decision">
      <button
        type="button"
        className="primary"
        onClick={() =>
          // A restriction or a referral cannot be taken back by a click: it asks first.
          CONFIRMED_APPROVALS.has(a.type)
            ? setConfirming(true)
            : void ctx.mutate('action.approve', { actionId: a.id })
        }
      >
        Approve
      </button>
      {confirming && (
        <ConfirmApprovalDialog
          what={describeAction(a)}
          onConfirm={(comment) =>
            void ctx.mutate('action.approve', { actionId: a.id, ...(comment ? { comment } : {}) })
          }
          onClose={() => setConfirming(false)}
        />
      )}
      <button type="button" aria-expanded={rejecting} onClick={() => setRejecting(!rejecting)}>
        Reject
      </button>
      {rejecting && (
        <form onSubmit={reject} className="inline-form">
          <Field label="Rejection reason">
            {(id) => <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <FormError message={error} />
          <button type="submit">Confirm reject</button>
        </form>
      )}
    </div>
  );
}

function ActionList({
  detail,
  ctx,
  pending,
}: {
  detail: CaseDetail;
  ctx: CaseViewContext;
  pending: PendingChange[];
}) {
  // Proposed actions appear in the list itself (marked unsent); decisions wait here.
  const queued = pending.filter((p) => p.op.startsWith('action.'));
  if (detail.actions.length === 0 && queued.length === 0)
    return <p className="muted">No actions yet.</p>;
  return (
    <ul className="action-list" aria-label="Actions taken">
      {detail.actions.map((a) => (
        <li key={a.id} className={`action ${a.status}`}>
          <div>
            <strong>{describeAction(a)}</strong>
            <div className="muted small">
              {'pending' in a
                ? 'Waiting to be sent — not done yet'
                : labelOf(STATUS_TEXT, a.status)}{' '}
              {/* What went through at once was done, not proposed, by its author. */}·{' '}
              {doneAtOnce(a) ? 'by' : 'proposed by'} {agentName(ctx, a.proposedBy)}{' '}
              {formatDateTime(a.createdAt)}
              {a.approvedBy && ` · approved by ${agentName(ctx, a.approvedBy)}`}
              {a.rejectedBy &&
                ` · rejected by ${agentName(ctx, a.rejectedBy)}: ${a.rejectionReason ?? ''}`}
              {a.status === 'executed' && a.externalRef && ` · confirmed (${a.externalRef})`}
            </div>
            {a.status === 'failed' && (
              <div className="error small">
                The marketplace could not carry this out: {a.failureReason ?? 'no reason given'}
              </div>
            )}
          </div>
          {a.type === 'restrict_account' && !('pending' in a) && (
            <RestrictionLife a={a} ctx={ctx} pending={pending} />
          )}
          <ActionDetails a={a} open={a.status === 'pending_approval'} />
          {a.status === 'pending_approval' && !('pending' in a) && (
            <PendingDecision a={a} ctx={ctx} />
          )}
        </li>
      ))}
      {queued.map((p) => (
        <li key={p.id} className={`action ${p.state}`}>
          {/* Money is never shown as moved before the server says so. */}
          <strong>
            {p.op === 'case.action'
              ? describeQueued(p.args)
              : p.op.replace('action.', '') + ' (queued)'}
          </strong>
          <div className={p.state === 'rejected' ? 'error small' : 'muted small'}>
            {p.state === 'rejected'
              ? `Refused by the server: ${p.error ?? ''}`
              : 'Waiting to be sent — not done yet'}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** An action that took effect (or went to the marketplace) without anyone approving it. */
const doneAtOnce = (a: ActionRead) =>
  !('pending' in a) && !a.approvedBy && (a.status === 'executed' || a.status === 'requested');

function describeQueued(args: Record<string, unknown>): string {
  if (args.type === 'refund') {
    const amount = args.amount as { amount: number; currency: 'EUR' };
    return `Refund ${money(amount)} (queued)`;
  }
  return `${String(args.type).replace(/_/g, ' ')} (queued)`;
}

function Disputes({
  detail,
  ctx,
  canWork,
}: {
  detail: CaseDetail;
  ctx: CaseViewContext;
  canWork: boolean;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  if (detail.externalDisputes.length === 0) return null;
  return (
    <ul className="dispute-list" aria-label="External disputes">
      {detail.externalDisputes.map((d) => (
        <li key={d.id}>
          <strong>{d.body}</strong> · <span className="mono">{d.reference}</span> ·{' '}
          {DISPUTE_STATUS_LABELS[d.status]}
          <div className="muted small">
            Filed {formatDate(d.filedAt)}
            {d.responseDueAt && (
              <>
                {' · response due '}
                <DisputeDue d={d} now={ctx.now} />
              </>
            )}
            {d.outcome && ` · outcome: ${d.outcome}`}
          </div>
          {d.notes && <p className="small">{d.notes}</p>}
          {canWork && (
            <button
              type="button"
              aria-expanded={editing === d.id}
              onClick={() => setEditing(editing === d.id ? null : d.id)}
            >
              Edit dispute
            </button>
          )}
          {editing === d.id && (
            <DisputeForm
              caseId={detail.case.id}
              ctx={ctx}
              existing={d}
              onDone={() => setEditing(null)}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

export function ActionsPanel({
  detail,
  ctx,
  pending,
  canWork,
}: {
  detail: CaseDetail;
  ctx: CaseViewContext;
  pending: PendingChange[];
  canWork: boolean;
}) {
  const c = detail.case;
  // The buttons that open the action forms are in the bar at the top of the case
  // (CaseActionsBar); this panel lists what was taken, proposed and disputed.
  return (
    <section aria-label="Actions" className="panel" id="case-actions">
      <h2>Actions</h2>
      {!canWork && <p className="muted">Claim this case to act on it.</p>}
      {c.status === 'resolved' && (
        <p>
          Resolved {formatDateTime(c.resolvedAt)}: {c.resolutionSummary}
        </p>
      )}
      <h3>Taken and proposed</h3>
      <ActionList detail={detail} ctx={ctx} pending={pending} />
      <h3>External disputes</h3>
      <Disputes detail={detail} ctx={ctx} canWork={canWork} />
    </section>
  );
}
