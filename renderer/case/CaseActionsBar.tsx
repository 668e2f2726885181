import { useEffect, useRef, useState } from 'react';
import { formatDateTime } from '../format';
import type { CaseDetail, CaseViewContext } from './case-model';
import { CancelOrderForm } from './CancelOrderForm';
import { DisputeForm } from './DisputeForm';
import { ReferralForm } from './ReferralForm';
import { RefundForm } from './RefundForm';
import { ResolveForm } from './ResolveForm';
import { RestrictForm } from './RestrictForm';

type Open = 'refund' | 'cancel' | 'restrict' | 'refer' | 'resolve' | 'dispute' | null;

/**
 * The case's actions at the top of the case, where the agent looks first (issue 16 defect
 * 7): each button opens its form right below the bar and brings it into view, instead of
 * below the whole conversation. One form at a time; the same button closes it.
 */
export function CaseActionsBar({
  detail,
  ctx,
  canWork,
}: {
  detail: CaseDetail;
  ctx: CaseViewContext;
  canWork: boolean;
}) {
  const [open, setOpen] = useState<Open>(null);
  const formArea = useRef<HTMLDivElement>(null);
  const c = detail.case;
  const resolved = c.status === 'resolved';
  // A complaint closes by its decision ('Decide complaint'), never by a plain resolve.
  const undecidedComplaint =
    c.topic === 'complaint' && !detail.events.some((e) => e.type === 'complaint.decided');
  useEffect(() => {
    if (!open) return;
    const area = formArea.current;
    area?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    area?.querySelector<HTMLElement>('input, select, textarea')?.focus({ preventScroll: true });
  }, [open]);
  if (!canWork) return null;
  const toggle = (o: Open) => setOpen(open === o ? null : o);
  const done = () => setOpen(null);
  const button = (o: Exclude<Open, null>, label: string, enabled = true, why?: string) => (
    <button
      type="button"
      aria-expanded={open === o}
      aria-controls={open === o ? 'case-action-form' : undefined}
      aria-describedby={why}
      disabled={!enabled}
      onClick={() => toggle(o)}
    >
      {label}
    </button>
  );
  return (
    <section className="case-actions-bar" aria-label="Case actions">
      {resolved ? (
        <div className="toolbar">
          <span className="muted">Resolved {formatDateTime(c.resolvedAt)}</span>
          <button type="button" onClick={() => void ctx.mutate('case.reopen', { caseId: c.id })}>
            Reopen
          </button>
          {/* A buyer may go to an external body after the case was resolved. */}
          {button('dispute', 'Add external dispute')}
        </div>
      ) : (
        <div className="toolbar" role="group" aria-label="Resolutions">
          {/* An appeal contests a decision, not the order: the order's money is handled on the
              contested case, so it cannot be refunded twice from two places. */}
          {c.topic !== 'complaint' && (
            <>
              {button('refund', 'Refund', !!c.order && c.order.refundable.amount > 0)}
              {button('cancel', 'Cancel order', !!c.order && c.order.status === 'active')}
            </>
          )}
          {button('restrict', 'Restrict account')}
          {button('refer', 'Refer to law enforcement')}
          {button('dispute', 'Add external dispute')}
          {button(
            'resolve',
            'Resolve case',
            !undecidedComplaint,
            undecidedComplaint ? 'resolve-complaint-why' : undefined,
          )}
          {undecidedComplaint && (
            <span id="resolve-complaint-why" className="muted small">
              A complaint is resolved by its decision: Decide complaint below.
            </span>
          )}
        </div>
      )}
      {open && (
        <div ref={formArea} id="case-action-form" className="case-action-form">
          {open === 'refund' && c.order && <RefundForm c={c} ctx={ctx} onDone={done} />}
          {open === 'cancel' && c.order && <CancelOrderForm c={c} ctx={ctx} onDone={done} />}
          {open === 'restrict' && <RestrictForm c={c} ctx={ctx} onDone={done} />}
          {open === 'refer' && <ReferralForm c={c} ctx={ctx} onDone={done} />}
          {open === 'dispute' && <DisputeForm caseId={c.id} ctx={ctx} onDone={done} />}
          {open === 'resolve' && !undecidedComplaint && (
            <ResolveForm detail={detail} ctx={ctx} onDone={done} />
          )}
        </div>
      )}
    </section>
  );
}
