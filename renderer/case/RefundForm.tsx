import { useState, type FormEvent } from 'react';
import { LIMITS, parseMajorUnits, withinLimit, type Case } from '../../shared';
import { money } from '../format';
import type { CaseViewContext } from './case-model';
import { Field, FormError } from './Field';
import { useNotices } from './NoticeFields';

/** Full or partial refund in the order's currency, checked here before anything is queued. */
export function RefundForm({
  c,
  ctx,
  onDone,
}: {
  c: Case;
  ctx: CaseViewContext;
  onDone: () => void;
}) {
  const order = c.order!;
  const refundable = order.refundable;
  const [kind, setKind] = useState<'full' | 'partial'>('partial');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | string[] | null>(null);
  const major = (minor: number) => (minor / 100).toFixed(2);
  const typed = parseMajorUnits(amount);
  const notices = useNotices(
    c,
    ctx,
    { type: 'refund', full: kind === 'full' || typed === refundable.amount },
    typed !== null && typed > 0 ? { amount: { amount: typed, currency: refundable.currency } } : {},
  );

  const choose = (k: 'full' | 'partial') => {
    setKind(k);
    if (k === 'full') setAmount(major(refundable.amount));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const minor = parseMajorUnits(amount);
    const problems: string[] = [];
    if (minor === null || minor <= 0) problems.push('Enter an amount such as 12.50.');
    else if (minor > refundable.amount)
      problems.push(`At most ${money(refundable)} can still be refunded.`);
    if (!reason.trim()) problems.push('Give a reason for the refund.');
    if (reason.length > LIMITS.reason)
      problems.push(`The reason may have at most ${LIMITS.reason} characters.`);
    const notified = notices.collect();
    if ('error' in notified) problems.push(notified.error);
    if (problems.length || minor === null || 'error' in notified) return setError(problems);
    setError(null);
    await ctx.mutate('case.action', {
      caseId: c.id,
      id: crypto.randomUUID(),
      type: 'refund',
      amount: { amount: minor, currency: refundable.currency },
      reason: reason.trim(),
      ...notified,
    });
    onDone();
  };

  const minor = parseMajorUnits(amount);
  const needsApproval =
    minor !== null &&
    minor > 0 &&
    !withinLimit({ amount: minor, currency: refundable.currency }, ctx.me.refundLimit);

  return (
    <form className="action-form" onSubmit={submit} aria-label="Refund">
      <p>
        Refundable: <strong data-testid="refundable">{money(refundable)}</strong>
        {order.payoutStatus === 'released' && (
          <span className="warning"> · the seller has already been paid out</span>
        )}
      </p>
      <fieldset className="row">
        <legend>Refund</legend>
        <label className="inline">
          <input
            type="radio"
            name="refund-kind"
            checked={kind === 'full'}
            onChange={() => choose('full')}
          />{' '}
          Full refund
        </label>
        <label className="inline">
          <input
            type="radio"
            name="refund-kind"
            checked={kind === 'partial'}
            onChange={() => choose('partial')}
          />{' '}
          Partial refund
        </label>
      </fieldset>
      <Field label="Amount" hint={`In ${refundable.currency}, e.g. 12.50`}>
        {(id, hint) => (
          <input
            id={id}
            aria-describedby={hint}
            inputMode="decimal"
            value={amount}
            onChange={(e) => {
              setAmount(e.target.value);
              setKind('partial');
            }}
          />
        )}
      </Field>
      <Field label="Reason">
        {(id) => (
          <textarea id={id} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
      </Field>
      {notices.fields}
      {needsApproval && (
        <p className="notice">
          Above your limit of {money(ctx.me.refundLimit)}: a lead or Trust & Safety reviewer must
          approve it.
        </p>
      )}
      <FormError message={error} />
      <button type="submit" className="primary">
        Confirm refund
      </button>
    </form>
  );
}
