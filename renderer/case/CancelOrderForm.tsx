import { useState, type FormEvent } from 'react';
import { LIMITS, type Case } from '../../shared';
import type { CaseViewContext } from './case-model';
import { Field, FormError } from './Field';
import { useNotices } from './NoticeFields';

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
  const [error, setError] = useState<string | string[] | null>(null);
  const order = c.order!;
  const notices = useNotices(c, ctx, { type: 'cancel_order' }, {});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: string[] = [];
    if (order.status === 'cancelled') problems.push('The order is already cancelled.');
    else if (order.shippingStatus === 'delivered')
      problems.push('A delivered order cannot be cancelled; refund instead.');
    if (!reason.trim()) problems.push('Give a reason for the cancellation.');
    if (reason.length > LIMITS.reason)
      problems.push(`The reason may have at most ${LIMITS.reason} characters.`);
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
    onDone();
  };
  return (
    <form className="action-form" onSubmit={submit} aria-label="Cancel order">
      <Field label="Reason">
        {(id) => (
          <textarea id={id} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
      </Field>
      {notices.fields}
      <FormError message={error} />
      <button type="submit" className="primary">
        Confirm cancellation
      </button>
    </form>
  );
}
