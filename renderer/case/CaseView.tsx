import {
  canWorkCase,
  WORKING_STATUSES,
  type Action,
  type Priority,
  PRIORITIES,
} from '../../shared';
import { PRIORITY_LABELS, STATUS_LABELS, TOPIC_LABELS, slaClock } from '../format';
import { ActionsPanel } from './ActionsPanel';
import { agentName, type CaseDetail, type CaseViewContext, type PendingChange } from './case-model';
import { BuyerPanel, OrderPanel, SellerPanel } from './ContextPanels';
import { ConversationPanel } from './ConversationPanel';
import { HistoryPanel } from './HistoryPanel';
import { Field } from './Field';

export function CaseView({
  detail,
  ctx,
  pending,
  restrictionActions,
}: {
  detail: CaseDetail;
  ctx: CaseViewContext;
  pending: PendingChange[];
  restrictionActions: Action[];
}) {
  const c = detail.case;
  const canWork = canWorkCase(ctx.me, c);
  const clock = slaClock(c, ctx.now);
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
                · <span className={`sla ${clock.state}`}>{`${clock.which}: ${clock.label}`}</span>
              </>
            )}
          </p>
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
      {rejected.length > 0 && (
        <div role="alert" className="banner error">
          The server refused {rejected.length} change(s) on this case:{' '}
          {rejected.map((r) => r.error).join('; ')}
        </div>
      )}
      <div className="case-grid">
        <ConversationPanel detail={detail} ctx={ctx} pending={pending} canWork={canWork} />
        <div className="case-side">
          <BuyerPanel detail={detail} restrictionActions={restrictionActions} />
          <OrderPanel detail={detail} />
          <SellerPanel detail={detail} restrictionActions={restrictionActions} />
        </div>
        <ActionsPanel detail={detail} ctx={ctx} pending={pending} canWork={canWork} />
        <HistoryPanel events={detail.events} ctx={ctx} />
      </div>
    </article>
  );
}
