import {
  canExportStatements,
  canAssignCases,
  canWorkCase,
  decisionRight,
  WORKING_STATUSES,
  type Priority,
  PRIORITIES,
} from '../../shared';
import {
  count,
  formatDateTime,
  PRIORITY_LABELS,
  STATUS_LABELS,
  TOPIC_LABELS,
  sellerAnswerClock,
  slaClock,
} from '../format';
import { useAppDispatch, useAppSelector } from '../app/hooks';
import { CaseFileButton } from '../reports/CaseFileButton';
import { editDraft } from '../app/draft-thunks';
import { describeChange } from '../data/change-label';
import { describeAction } from './action-text';
import { ActionsPanel } from './ActionsPanel';
import { CaseActionsBar } from './CaseActionsBar';
import { CasePresenceLine } from './CasePresenceLine';
import { agentName, type CaseDetail, type CaseViewContext, type PendingChange } from './case-model';
import { BuyerPanel, OrderPanel, SellerPanel } from './ContextPanels';
import { ComplaintPanel } from './ComplaintPanel';
import { ConversationPanel } from './ConversationPanel';
import { HistoryPanel } from './HistoryPanel';
import { AssignField } from './AssignField';
import { Field } from './Field';

export function CaseView({
  detail,
  ctx,
  pending,
}: {
  detail: CaseDetail;
  ctx: CaseViewContext;
  pending: PendingChange[];
}) {
  const c = detail.case;
  const canWork = canWorkCase(ctx.me, c);
  const clock = slaClock(c, ctx.now);
  const seller = sellerAnswerClock(c, ctx.now);
  const mine = c.assigneeId === ctx.me.id;
  const resolved = c.status === 'resolved';
  const rejected = pending.filter((p) => p.state === 'rejected');

  return (
    <article className="case-view" aria-labelledby="case-title">
      <header className="case-header">
        <div>
          <h1 id="case-title">{c.reference}</h1>
          <p className="muted">
            {TOPIC_LABELS[c.topic]} · {c.language.toUpperCase()} · {c.channel} ·{' '}
            {STATUS_LABELS[c.status]} · {agentName(ctx, c.assigneeId)}
            {clock && (
              <>
                {' '}
                ·{' '}
                <span
                  className={`sla ${clock.state}`}
                  title={
                    c.clockPausedAt
                      ? `Paused since ${formatDateTime(c.clockPausedAt)} while the case waits; the due time moves by the pause when it resumes`
                      : `Due ${formatDateTime(clock.dueAt)}`
                  }
                >{`${clock.which}: ${clock.label}`}</span>
              </>
            )}
            {seller && (
              <>
                {' '}
                ·{' '}
                <span
                  className={`sla ${seller.state}`}
                  title={`The seller’s answer is due ${formatDateTime(seller.dueAt)}`}
                >{`seller’s answer: ${seller.label}`}</span>
              </>
            )}
          </p>
          <CasePresenceLine key={c.id} caseId={c.id} ctx={ctx} />
        </div>
        <div className="toolbar">
          {!c.assigneeId && !resolved && (
            <button
              type="button"
              className="primary"
              onClick={() => void ctx.mutate('case.claim', { caseId: c.id })}
            >
              Claim
            </button>
          )}
          {c.assigneeId && canWork && !resolved && (
            <button type="button" onClick={() => void ctx.mutate('case.release', { caseId: c.id })}>
              Release
            </button>
          )}
          {canAssignCases(ctx.me) && !resolved && <AssignField c={c} ctx={ctx} />}
          {canExportStatements(ctx.me) && <CaseFileButton c={c} />}
          {c.assigneeId && !mine && !canWork && (
            <span className="muted">Assigned to {agentName(ctx, c.assigneeId)}</span>
          )}
          {canWork && !resolved && (
            <>
              <Field label="Case status">
                {(id) => (
                  <select
                    id={id}
                    value={c.status === 'new' ? '' : c.status}
                    onChange={(e) =>
                      void ctx.mutate('case.status', {
                        caseId: c.id,
                        from: c.status,
                        to: e.target.value,
                      })
                    }
                  >
                    {c.status === 'new' && <option value="">New</option>}
                    {WORKING_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {STATUS_LABELS[s]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Case priority">
                {(id) => (
                  <select
                    id={id}
                    value={c.priority}
                    onChange={(e) =>
                      void ctx.mutate('case.priority', {
                        caseId: c.id,
                        priority: e.target.value as Priority,
                      })
                    }
                  >
                    {PRIORITIES.map((p) => (
                      <option key={p} value={p}>
                        {PRIORITY_LABELS[p]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </>
          )}
        </div>
      </header>
      <CaseActionsBar key={c.id} detail={detail} ctx={ctx} canWork={canWork} />
      {rejected.length > 0 && <RefusedChanges c={c} rejected={rejected} ctx={ctx} />}
      <ApprovalBanner detail={detail} ctx={ctx} />
      {/* On a complaint, the decision it contests and deciding it come first. */}
      {c.topic === 'complaint' && <ComplaintPanel detail={detail} ctx={ctx} pending={pending} />}
      {/* Two columns that each stack their own panels: in one grid of rows, a short
          conversation was stretched to the height of the buyer, order and seller beside it. */}
      <div className="case-grid">
        <div className="case-column">
          <ConversationPanel
            key={c.id}
            detail={detail}
            ctx={ctx}
            pending={pending}
            canWork={canWork}
          />
          <ActionsPanel detail={detail} ctx={ctx} pending={pending} canWork={canWork} />
        </div>
        <div className="case-column">
          <div className="case-side">
            <BuyerPanel detail={detail} onOpenCase={ctx.openCase} onOpenAccount={ctx.openAccount} />
            <OrderPanel detail={detail} />
            <SellerPanel
              detail={detail}
              onOpenCase={ctx.openCase}
              onOpenAccount={ctx.openAccount}
            />
          </div>
          <HistoryPanel events={detail.events} whole={detail.historyWhole} ctx={ctx} />
        </div>
      </div>
    </article>
  );
}

/**
 * The one place a refusal on this case shows in full: what was refused and why, with a
 * reply's or note's text one click from the composer again — a refused reply is never lost.
 */
function RefusedChanges({
  c,
  rejected,
  ctx,
}: {
  c: CaseDetail['case'];
  rejected: PendingChange[];
  ctx: CaseViewContext;
}) {
  const dispatch = useAppDispatch();
  const drafts = useAppSelector((s) => s.ui.drafts[c.id]);
  const restore = (r: PendingChange) => {
    const kind = r.op === 'case.note' ? 'note' : 'reply';
    const typed = drafts?.[kind]?.trim();
    const body = String(r.args.body ?? '');
    dispatch(editDraft({ caseId: c.id, kind, text: typed ? `${typed}\n\n${body}` : body }));
    ctx.dismissRefusal?.(r.id);
  };
  return (
    <div role="alert" className="banner error refused">
      <strong>The server refused {count(rejected.length, 'change')} on this case.</strong>
      <ul aria-label="Refused changes">
        {rejected.map((r) => (
          <li key={r.id}>
            <strong>{describeChange(r.op, r.args, c.reference)}</strong>: {r.error ?? 'Refused'}
            {(r.op === 'case.message' || r.op === 'case.note') && (
              <button type="button" onClick={() => restore(r)}>
                {r.op === 'case.note' ? 'Put back in the note' : 'Put back in the reply'}
              </button>
            )}
            <button type="button" onClick={() => ctx.dismissRefusal?.(r.id)}>
              Dismiss
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A proposal waiting for a decision is the first thing on the case, not something to find
 * at the bottom of the actions: who proposed what, and whether it waits for this person.
 */
function ApprovalBanner({ detail, ctx }: { detail: CaseDetail; ctx: CaseViewContext }) {
  const waiting = detail.actions.filter(
    (a) => a.status === 'pending_approval' && !('pending' in a),
  );
  if (waiting.length === 0) return null;
  const mineToDecide = waiting.some(
    (a) => a.proposedBy !== ctx.me.id && decisionRight(ctx.me, a) === 'allowed',
  );
  const review = () => {
    const actions = document.getElementById('case-actions');
    actions?.scrollIntoView({ block: 'start', inline: 'nearest' });
    const approve = [...(actions?.querySelectorAll('button') ?? [])].find(
      (b) => b.textContent === 'Approve',
    );
    approve?.focus();
  };
  return (
    <aside aria-label="Awaiting approval" className="banner approval">
      <strong>{mineToDecide ? 'Waiting for your decision' : 'Waiting for a reviewer'}:</strong>
      <ul>
        {waiting.map((a) => (
          <li key={a.id}>
            {describeAction(a)} — proposed by {agentName(ctx, a.proposedBy)},{' '}
            {formatDateTime(a.createdAt)}
          </li>
        ))}
      </ul>
      {mineToDecide && (
        <button type="button" onClick={review}>
          Review
        </button>
      )}
    </aside>
  );
}
