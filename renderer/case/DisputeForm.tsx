import { useState, type FormEvent } from 'react';
import { ADR_BODIES, DISPUTE_STATUSES, type ExternalDispute } from '../../shared';
import type { CaseViewContext } from './case-model';
import { Field, FormError } from './Field';

const OTHER = '__other__';
const STATUS_LABELS: Record<ExternalDispute['status'], string> = {
  filed: 'Filed',
  in_progress: 'In progress',
  decided: 'Decided',
  withdrawn: 'Withdrawn',
};
const toDateInput = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');
const fromDateInput = (d: string) => (d ? new Date(`${d}T12:00:00Z`).toISOString() : null);

/** Records a dispute before an approved ADR body, or edits one (`existing`). */
export function DisputeForm({
  caseId,
  ctx,
  existing,
  onDone,
}: {
  caseId: string;
  ctx: CaseViewContext;
  existing?: ExternalDispute;
  onDone: () => void;
}) {
  const known = existing ? (ADR_BODIES as readonly string[]).includes(existing.body) : true;
  const [body, setBody] = useState<string>(
    existing ? (known ? existing.body : OTHER) : (ADR_BODIES[0] ?? OTHER),
  );
  const [otherBody, setOtherBody] = useState(existing && !known ? existing.body : '');
  const [reference, setReference] = useState(existing?.reference ?? '');
  const [filedAt, setFiledAt] = useState(toDateInput(existing?.filedAt ?? ctx.now.toISOString()));
  const [responseDueAt, setResponseDueAt] = useState(toDateInput(existing?.responseDueAt));
  const [status, setStatus] = useState<ExternalDispute['status']>(existing?.status ?? 'filed');
  const [notes, setNotes] = useState(existing?.notes ?? '');
  const [outcome, setOutcome] = useState(existing?.outcome ?? '');
  const [error, setError] = useState<string | string[] | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const bodyName = body === OTHER ? otherBody.trim() : body;
    const problems: string[] = [];
    if (!bodyName) problems.push('Name the dispute-resolution body.');
    if (!reference.trim()) problems.push("Enter the body's reference for this dispute.");
    if (!filedAt) problems.push('Enter the date the dispute was filed.');
    if (filedAt && responseDueAt && responseDueAt < filedAt) {
      problems.push('The response cannot be due before the filing date.');
    }
    if (problems.length) return setError(problems);
    setError(null);
    if (existing) {
      await ctx.mutate('dispute.update', {
        disputeId: existing.id,
        status,
        notes,
        outcome: outcome.trim() || null,
        // Sent only when changed: the service's own date keeps its time of day.
        ...(responseDueAt !== toDateInput(existing.responseDueAt)
          ? { responseDueAt: fromDateInput(responseDueAt) }
          : {}),
      });
    } else {
      await ctx.mutate('dispute.create', {
        caseId,
        id: crypto.randomUUID(),
        body: bodyName,
        reference: reference.trim(),
        filedAt: fromDateInput(filedAt),
        status,
        notes,
        responseDueAt: fromDateInput(responseDueAt),
        ...(outcome.trim() ? { outcome: outcome.trim() } : {}),
      });
    }
    onDone();
  };

  return (
    <form
      className="action-form"
      onSubmit={submit}
      aria-label={existing ? 'Edit external dispute' : 'Add external dispute'}
    >
      {!existing && (
        <div className="row">
          <Field label="Body">
            {(id) => (
              <select id={id} value={body} onChange={(e) => setBody(e.target.value)}>
                {ADR_BODIES.map((b) => (
                  <option key={b} value={b}>
                    {b}
                  </option>
                ))}
                <option value={OTHER}>Other…</option>
              </select>
            )}
          </Field>
          {body === OTHER && (
            <Field label="Other body">
              {(id) => (
                <input id={id} value={otherBody} onChange={(e) => setOtherBody(e.target.value)} />
              )}
            </Field>
          )}
          <Field label="Reference">
            {(id) => (
              <input id={id} value={reference} onChange={(e) => setReference(e.target.value)} />
            )}
          </Field>
          <Field label="Filed on">
            {(id) => (
              <input
                id={id}
                type="date"
                value={filedAt}
                onChange={(e) => setFiledAt(e.target.value)}
              />
            )}
          </Field>
        </div>
      )}
      <div className="row">
        <Field label="Status">
          {(id) => (
            <select
              id={id}
              value={status}
              onChange={(e) => setStatus(e.target.value as ExternalDispute['status'])}
            >
              {DISPUTE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Response due"
          hint="Leave empty for 20 working days after filing, in the body's country"
        >
          {(id, hint) => (
            <input
              id={id}
              type="date"
              aria-describedby={hint}
              value={responseDueAt}
              onChange={(e) => setResponseDueAt(e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field label="Notes">
        {(id) => (
          <textarea id={id} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
        )}
      </Field>
      <Field label="Outcome">
        {(id) => (
          <textarea id={id} rows={2} value={outcome} onChange={(e) => setOutcome(e.target.value)} />
        )}
      </Field>
      <FormError message={error} />
      <button type="submit" className="primary">
        {existing ? 'Save dispute' : 'Record dispute'}
      </button>
    </form>
  );
}

export { STATUS_LABELS as DISPUTE_STATUS_LABELS };
