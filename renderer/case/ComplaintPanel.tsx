import { useId, useState, type FormEvent } from 'react';
import {
  complaintDecisionRight,
  involvedIn,
  LIMITS,
  type ComplaintDecisionRight,
  type ComplaintOutcome,
} from '../../shared';
import { formatDateTime, slaClock } from '../format';
import { ActionDetails, describeAction } from './action-text';
import { agentName, type CaseDetail, type CaseViewContext, type PendingChange } from './case-model';
import { FormError } from './Field';
import { RestrictionLife } from './RestrictionLife';

const OUTCOME_TEXT: Record<ComplaintOutcome, string> = {
  upheld: 'Upheld — the decision stands',
  reversed: 'Reversed — the restriction is lifted',
};

const WHY_NOT: Record<Exclude<ComplaintDecisionRight, 'allowed'>, string> = {
  involved:
    'You proposed or approved the decision this complaint contests, so someone who was not involved must decide it.',
  lead_only_without_reviewer:
    'A Trust & Safety reviewer who was not involved decides this complaint; leads decide only when every reviewer was involved.',
  forbidden: 'Complaints are decided by Trust & Safety reviewers who were not involved.',
};

/**
 * A complaint case (DSA Art. 20): the decision it contests, the complaint's clock, how it
 * was decided — or the form to decide it, for a reviewer who had no part in the decision,
 * and why it is closed to anyone else.
 */
export function ComplaintPanel({
  detail,
  ctx,
  pending,
}: {
  detail: CaseDetail;
  ctx: CaseViewContext;
  pending: PendingChange[];
}) {
  const c = detail.case;
  const contested = detail.contested ?? null;
  const decided = detail.events.find((e) => e.type === 'complaint.decided');
  const clock = slaClock(c, ctx.now);
  return (
    <section aria-label="Complaint" className="panel complaint-panel">
      <h2>Complaint about a decision</h2>
      <p className="small">
        Received {formatDateTime(c.createdAt)}
        {clock && (
          <>
            {' '}
            · <span className={`sla ${clock.state}`}>
              decide by {formatDateTime(clock.dueAt)}
            </span>{' '}
            ({clock.label})
          </>
        )}
      </p>
      <h3>The decision contested</h3>
      {contested ? (
        <div className="contested">
          <p>
            <strong>{describeAction(contested.action)}</strong>
            {contested.reference && <> on {contested.reference}</>}
          </p>
          <p className="muted small">
            Proposed by {agentName(ctx, contested.action.proposedBy)}
            {contested.action.approvedBy &&
              ` · approved by ${agentName(ctx, contested.action.approvedBy)}`}
          </p>
          {contested.action.type === 'restrict_account' && (
            <RestrictionLife a={contested.action} ctx={ctx} pending={[]} readOnly />
          )}
          <ActionDetails a={contested.action} open={!decided} />
        </div>
      ) : (
        <p className="muted">The decision is not on this device yet.</p>
      )}
      {decided ? (
        <p role="status" className="decided">
          <strong>
            {OUTCOME_TEXT[decided.data.outcome as ComplaintOutcome] ?? String(decided.data.outcome)}
          </strong>{' '}
          — decided by {agentName(ctx, decided.actorId)} {formatDateTime(decided.at)}:{' '}
          {String(decided.data.reasons ?? '')}
        </p>
      ) : pending.some((p) => p.op === 'case.complaint_decision' && p.state === 'pending') ? (
        <p className="muted">Decision waiting to be sent — not decided yet.</p>
      ) : (
        <DecideComplaint caseId={c.id} ctx={ctx} right={rightOf(ctx, contested?.action ?? null)} />
      )}
    </section>
  );
}

function rightOf(
  ctx: CaseViewContext,
  action: { proposedBy: string; approvedBy: string | null } | null,
): ComplaintDecisionRight {
  // Not on this device: whoever may decide complaints tries, and the service says.
  const d = action ?? { proposedBy: '', approvedBy: null };
  const uninvolved = [...ctx.agents.values()].filter(
    (a) => a.active !== false && a.roles.includes('trust_safety') && !involvedIn(a.id, d),
  ).length;
  return complaintDecisionRight(ctx.me, d, uninvolved);
}

function DecideComplaint({
  caseId,
  ctx,
  right,
}: {
  caseId: string;
  ctx: CaseViewContext;
  right: ComplaintDecisionRight;
}) {
  const [outcome, setOutcome] = useState<ComplaintOutcome | ''>('');
  const [reasons, setReasons] = useState('');
  const [error, setError] = useState<string[] | null>(null);
  const whyId = useId();
  const reasonsId = useId();
  const closed = right !== 'allowed';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = [
      ...(outcome ? [] : ['Choose Upheld or Reversed.']),
      ...(reasons.trim() ? [] : ['Give the reasons: the person is told them.']),
      ...(reasons.length > LIMITS.longText ? [`At most ${LIMITS.longText} characters.`] : []),
    ];
    if (problems.length) return setError(problems);
    setError(null);
    await ctx.mutate('case.complaint_decision', { caseId, outcome, reasons: reasons.trim() });
  };
  return (
    <form
      className="action-form"
      aria-label="Decide complaint"
      onSubmit={submit}
      aria-describedby={closed ? whyId : undefined}
      noValidate
    >
      <h3>Decide complaint</h3>
      {closed && (
        <p id={whyId} className="muted small">
          {WHY_NOT[right]}
        </p>
      )}
      <fieldset disabled={closed}>
        <legend>Outcome</legend>
        {(['upheld', 'reversed'] as const).map((o) => (
          <label key={o} className="choice">
            <input
              type="radio"
              name="complaint-outcome"
              value={o}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
            />{' '}
            {o === 'upheld' ? 'Upheld' : 'Reversed'}
          </label>
        ))}
        <label className="field" htmlFor={reasonsId}>
          Reasons
        </label>
        <textarea
          id={reasonsId}
          rows={4}
          value={reasons}
          onChange={(e) => setReasons(e.target.value)}
        />
      </fieldset>
      <FormError message={error} />
      <button type="submit" className="primary" disabled={closed}>
        Decide complaint
      </button>
    </form>
  );
}
