import { useState } from 'react';
import type { Case } from '../../shared';
import type { AccountRef } from '../app/ui-slice';
import { describeAction } from '../case/action-text';
import { agentName, type CaseViewContext } from '../case/case-model';
import { RestrictForm } from '../case/RestrictForm';
import { RestrictionLife } from '../case/RestrictionLife';
import type { AccountRecord } from '../data/account-record';
import { labelOf } from '../data/read-schemas';
import { STATUS_LABELS, TOPIC_LABELS, formatDate, formatDateTime } from '../format';

const ACTION_STATUS: Record<string, string> = {
  executed: 'done',
  pending_approval: 'awaiting approval',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
  requested: 'sent to the marketplace',
  failed: 'failed',
  lifted: 'lifted',
};

/**
 * One account as Trust & Safety weighs it (issue 17): every case, restriction (in effect
 * or ended), decision and complaint of the party, newest first — the device's, joined by
 * the service's when online — and a restriction proposed on one of its cases with the
 * others it rests on linked.
 */
export function AccountView({
  account,
  record,
  ctx,
  localCases,
}: {
  account: AccountRef;
  record: AccountRecord | null;
  ctx: CaseViewContext;
  /** The party's cases this device holds in full: a restriction is proposed on one of them. */
  localCases: Map<string, Case>;
}) {
  const [proposingOn, setProposingOn] = useState<string | null>(null);
  const proposing = proposingOn ? localCases.get(proposingOn) : undefined;
  const open = (id: string) => ctx.openCase?.(id);
  const ref = (caseId: string) => record?.cases.find((c) => c.id === caseId)?.reference ?? '';
  return (
    <article className="account-view" aria-labelledby="account-title">
      <header>
        <h1 id="account-title">
          {account.kind === 'buyer' ? 'Buyer' : 'Seller'}: {account.name}
        </h1>
        <p className="muted small">
          <span className="mono">{account.externalId}</span> ·{' '}
          {!record
            ? 'Reading…'
            : record.source === 'service'
              ? `Every case, from the service${record.truncated ? ' (the latest 200)' : ''}`
              : 'Cases on this device only; the service’s full record shows once it is reachable'}
        </p>
      </header>
      {record && (
        <>
          <section aria-label="Restrictions" className="panel">
            <h2>Restrictions</h2>
            {record.restrictions.length === 0 ? (
              <p className="muted">None.</p>
            ) : (
              <ul className="account-list">
                {record.restrictions.map((a) => (
                  <li key={a.id}>
                    <strong>{describeAction(a)}</strong> · {labelOf(ACTION_STATUS, a.status)} · on{' '}
                    <CaseLink id={a.caseId} reference={ref(a.caseId)} onOpen={open} />
                    <RestrictionLife a={a} ctx={ctx} pending={[]} readOnly />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-label="Cases" className="panel">
            <h2>Cases</h2>
            <ul className="account-list">
              {record.cases.map((c) => {
                const full = localCases.get(c.id);
                return (
                  <li key={c.id}>
                    <CaseLink id={c.id} reference={c.reference} onOpen={open} /> ·{' '}
                    {TOPIC_LABELS[c.topic] ?? c.topic} · {STATUS_LABELS[c.status]} ·{' '}
                    {formatDate(c.createdAt)}
                    {c.resolutionSummary && (
                      <div className="muted small">Outcome: {c.resolutionSummary}</div>
                    )}
                    {full && full.status !== 'resolved' && c.topic !== 'complaint' && (
                      <button
                        type="button"
                        aria-expanded={proposingOn === c.id}
                        aria-label={`Propose restriction on ${c.reference}`}
                        onClick={() => setProposingOn(proposingOn === c.id ? null : c.id)}
                      >
                        Propose restriction
                      </button>
                    )}
                    {proposing && proposingOn === c.id && (
                      <RestrictForm
                        c={proposing}
                        ctx={ctx}
                        account={account.kind}
                        related={record.cases
                          .filter((o) => o.id !== c.id && o.topic !== 'complaint')
                          .map((o) => ({
                            id: o.id,
                            reference: o.reference,
                            label: TOPIC_LABELS[o.topic] ?? o.topic,
                          }))}
                        onDone={() => setProposingOn(null)}
                      />
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
          <section aria-label="Decisions" className="panel">
            <h2>Decisions</h2>
            {record.decisions.length === 0 ? (
              <p className="muted">None.</p>
            ) : (
              <ul className="account-list">
                {record.decisions.map((a) => (
                  <li key={a.id}>
                    {describeAction(a)} · {labelOf(ACTION_STATUS, a.status)} ·{' '}
                    {formatDateTime(a.decidedAt ?? a.createdAt)} · on{' '}
                    <CaseLink id={a.caseId} reference={ref(a.caseId)} onOpen={open} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-label="Complaints" className="panel">
            <h2>Complaints</h2>
            {record.complaints.length === 0 ? (
              <p className="muted">None.</p>
            ) : (
              <ul className="account-list">
                {record.complaints.map(({ case: c, decision }) => (
                  <li key={c.id}>
                    <CaseLink id={c.id} reference={c.reference} onOpen={open} /> · received{' '}
                    {formatDateTime(c.createdAt)} ·{' '}
                    {decision
                      ? `${decision.outcome === 'reversed' ? 'Reversed' : 'Upheld'} by ${agentName(ctx, decision.decidedBy)} ${formatDateTime(decision.decidedAt)}: ${decision.reasons}`
                      : 'not decided yet'}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </article>
  );
}

function CaseLink({
  id,
  reference,
  onOpen,
}: {
  id: string;
  reference: string;
  onOpen: (id: string) => void;
}) {
  return (
    <a
      className="mono"
      href={`#/cases/${reference}`}
      onClick={(e) => {
        e.preventDefault();
        onOpen(id);
      }}
    >
      {reference || 'a case'}
    </a>
  );
}
