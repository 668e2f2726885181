import { useState, type FormEvent } from 'react';
import { LIMITS, type Case } from '../../shared';
import type { CaseViewContext } from './case-model';
import { Field, FormError } from './Field';
import { NoNotices } from './NoticeFields';

export function ReferralForm({
  c,
  ctx,
  onDone,
}: {
  c: Case;
  ctx: CaseViewContext;
  onDone: () => void;
}) {
  const [category, setCategory] = useState<'counterfeit' | 'fraud' | 'other'>(
    c.topic === 'fraud_suspected'
      ? 'fraud'
      : c.topic === 'counterfeit_suspected'
        ? 'counterfeit'
        : 'other',
  );
  const [authority, setAuthority] = useState('');
  const [summary, setSummary] = useState('');
  const [evidence, setEvidence] = useState('');
  const [error, setError] = useState<string | string[] | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const items = evidence
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const problems: string[] = [];
    if (!authority.trim()) problems.push('Name the authority.');
    if (!summary.trim()) problems.push('Summarise what happened.');
    if (items.length > LIMITS.listItems)
      problems.push(`At most ${LIMITS.listItems} pieces of evidence.`);
    if (problems.length) return setError(problems);
    setError(null);
    await ctx.mutate('case.action', {
      caseId: c.id,
      id: crypto.randomUUID(),
      type: 'law_enforcement_referral',
      category,
      authority: authority.trim(),
      summary: summary.trim(),
      evidence: items,
    });
    onDone();
  };
  return (
    <form className="action-form" onSubmit={submit} aria-label="Refer to law enforcement">
      <p className="notice">
        A Trust & Safety reviewer other than you must approve every referral.
      </p>
      <Field label="Category">
        {(id) => (
          <select
            id={id}
            value={category}
            onChange={(e) => setCategory(e.target.value as typeof category)}
          >
            <option value="counterfeit">Counterfeit</option>
            <option value="fraud">Fraud</option>
            <option value="other">Other</option>
          </select>
        )}
      </Field>
      <Field label="Authority">
        {(id) => <input id={id} value={authority} onChange={(e) => setAuthority(e.target.value)} />}
      </Field>
      <Field label="Summary">
        {(id) => (
          <textarea id={id} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
        )}
      </Field>
      <Field label="Evidence" hint="One item per line">
        {(id, hint) => (
          <textarea
            id={id}
            aria-describedby={hint}
            rows={3}
            value={evidence}
            onChange={(e) => setEvidence(e.target.value)}
          />
        )}
      </Field>
      <NoNotices />
      <FormError message={error} />
      <button type="submit" className="primary">
        Propose referral
      </button>
    </form>
  );
}
