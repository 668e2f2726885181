import { useState, type FormEvent } from 'react';
import {
  cancellationMoney,
  cancellationMoneyText,
  LIMITS,
  withinLimit,
  type Case,
} from '../../shared';
import { actionNoticeText } from '../../shared/templates/action-notices';
import { money } from '../format';
import type { CaseViewContext } from './case-model';
import { Field, FormError } from './Field';
import { useNotices } from './NoticeFields';

type Refund = 'refund' | 'no_refund' | null;

/**
 * Cancelling never refunds by itself, so the form says where the money is and asks —
 * without a default — whether the rest of the payment goes back in the same step. A
 * refund chosen here is a second action queued right after the cancellation, with the
 * refund's own standard notice to the parties the agent notifies.
 */
export function CancelOrderForm({
  c,
  ctx,
  onDone,
}: {
  c: Case;
  ctx: CaseViewContext;
  onDone: () => void;
}) {
  const [reason, setReason] = useState('');
  const [refund, setRefund] = useState<Refund>(null);
  const [error, setError] = useState<string | string[] | null>(null);
  const order = c.order!;
  const moneyState = cancellationMoney(order);
  const refundable = order.refundable;
  const canRefund = refundable.amount > 0;
  const notices = useNotices(c, ctx, { type: 'cancel_order' }, {});
  const choose = (r: Refund) => {
    setRefund(r);
    setError(null);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: string[] = [];
    if (order.status === 'cancelled') problems.push('The order is already cancelled.');
    else if (order.shippingStatus === 'delivered')
      problems.push('A delivered order cannot be cancelled; refund instead.');
    if (!reason.trim()) problems.push('Give a reason for the cancellation.');
    if (reason.length > LIMITS.reason)
      problems.push(`The reason may have at most ${LIMITS.reason} characters.`);
    if (canRefund && refund === null)
      problems.push('Choose whether the buyer gets their money back now.');
    const notified = notices.collect();
    if ('error' in notified) problems.push(notified.error);
    if (problems.length || 'error' in notified) return setError(problems);
    setError(null);
    await ctx.mutate('case.action', {
      caseId: c.id,
      id: crypto.randomUUID(),
      type: 'cancel_order',
      reason: reason.trim(),
      ...notified,
    });
    if (canRefund && refund === 'refund') {
      const told = notified.notify ?? {};
      const text = (p: 'buyer' | 'seller') =>
        actionNoticeText(
          p === 'buyer' ? 'refund_full' : 'refund_seller',
          p,
          p === 'seller' ? (order.seller.language ?? c.language) : c.language,
          {
            buyerName: c.buyer.name,
            sellerName: order.seller.name,
            reference: c.reference,
            lotTitle: order.lotTitle,
            agentName: ctx.me.name,
            amount: refundable,
          },
        );
      const notify = {
        ...(told.buyer ? { buyer: text('buyer') } : {}),
        ...(told.seller ? { seller: text('seller') } : {}),
      };
      await ctx.mutate('case.action', {
        caseId: c.id,
        id: crypto.randomUUID(),
        type: 'refund',
        amount: refundable,
        reason: `Order cancelled: ${reason.trim()}`.slice(0, LIMITS.reason),
        ...(Object.keys(notify).length ? { notify } : {}),
      });
    }
    onDone();
  };
  const needsApproval =
    canRefund && refund === 'refund' && !withinLimit(refundable, ctx.me.refundLimit);
  return (
    <form className="action-form" onSubmit={submit} aria-label="Cancel order">
      <p className="money-note" data-testid="cancel-money">
        {cancellationMoneyText(moneyState)}
      </p>
      {canRefund && (
        <fieldset className="row">
          <legend>The buyer’s money</legend>
          <label className="inline">
            <input
              type="radio"
              name="cancel-refund"
              checked={refund === 'refund'}
              onChange={() => choose('refund')}
            />{' '}
            Refund {money(refundable)} in the same step
          </label>
          <label className="inline">
            <input
              type="radio"
              name="cancel-refund"
              checked={refund === 'no_refund'}
              onChange={() => choose('no_refund')}
            />{' '}
            No refund now
          </label>
        </fieldset>
      )}
      {refund === 'refund' && (
        <p className="small">
          A refund of {money(refundable)} follows the cancellation; whoever you notify below also
          gets the refund’s standard notice.
        </p>
      )}
      {needsApproval && (
        <p className="notice">
          The refund is above your limit of {money(ctx.me.refundLimit)}: a lead or Trust & Safety
          reviewer must approve it.
        </p>
      )}
      <Field label="Reason">
        {(id) => (
          <textarea id={id} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
      </Field>
      {notices.fields}
      <FormError message={error} />
      <button type="submit" className="primary">
        {refund === 'refund' ? 'Confirm cancellation and refund' : 'Confirm cancellation'}
      </button>
    </form>
  );
}
