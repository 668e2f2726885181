import { useState, type FormEvent } from 'react';
import type { CaseDetail, CaseViewContext } from './case-model';
import { Field, FormError } from './Field';

export function ResolveForm({
  detail,
  ctx,
  onDone,
}: {
  detail: CaseDetail;
  ctx: CaseViewContext;
  onDone: () => void;
}) {
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string | null>(null);
  const pendingApprovals = detail.actions.filter((a) => a.status === 'pending_approval').length;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (pendingApprovals > 0)
      return setError(
        pendingApprovals === 1
          ? 'An action still awaits approval.'
          : `${pendingApprovals} actions still await approval.`,
      );
    if (!summary.trim()) return setError('Summarise the resolution.');
    setError(null);
    await ctx.mutate('case.resolve', { caseId: detail.case.id, summary: summary.trim() });
    onDone();
  };
  return (
    <form className="action-form" onSubmit={submit} aria-label="Resolve case">
      <Field label="Summary">
        {(id) => (
          <textarea id={id} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
        )}
      </Field>
      <FormError message={error} />
      <button type="submit" className="primary">
        Confirm resolve
      </button>
    </form>
  );
}
