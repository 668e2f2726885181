import type { ActionRead } from '../data/read-schemas';
import { formatDate, money } from '../format';

/** One line for an action, as lists and the approval banner show it. */
export function describeAction(a: ActionRead): string {
  switch (a.type) {
    case 'refund':
      return `Refund ${money(a.amount)}: ${a.reason}`;
    case 'cancel_order':
      return `Cancel order: ${a.reason}`;
    case 'restrict_account':
      return `Restrict ${a.subject}: ${a.restriction.replace('_', ' ')}${a.until ? ` until ${formatDate(a.until)}` : ' (no end date)'}`;
    case 'law_enforcement_referral':
      return `Refer to ${a.authority} (${a.category})`;
  }
}

/**
 * What a reviewer must read before deciding: a restriction's statement of reasons (DSA
 * Art. 17) or a referral's summary and evidence. Refunds and cancellations say it in one line.
 */
export function ActionDetails({ a, open }: { a: ActionRead; open: boolean }) {
  if (a.type === 'restrict_account') {
    const s = a.statementOfReasons;
    return (
      <details open={open} className="action-details">
        <summary>Statement of reasons</summary>
        <dl className="facts">
          <dt>Facts</dt>
          <dd>{s.facts}</dd>
          <dt>Ground</dt>
          <dd>
            {s.ground} ({s.groundType})
          </dd>
          <dt>Decided</dt>
          <dd>{s.automated ? 'by automated means' : 'by a person'}</dd>
          {s.basis && (
            <>
              <dt>Basis</dt>
              <dd>{s.basis === 'notice' ? 'a notice' : 'our own investigation'}</dd>
            </>
          )}
          {s.territorialScope && (
            <>
              <dt>Scope</dt>
              <dd>{s.territorialScope}</dd>
            </>
          )}
          <dt>Redress</dt>
          <dd>{s.redress}</dd>
        </dl>
      </details>
    );
  }
  if (a.type === 'law_enforcement_referral') {
    return (
      <details open={open} className="action-details">
        <summary>Referral</summary>
        <p>{a.summary}</p>
        {a.evidence.length > 0 && (
          <ul aria-label="Evidence">
            {a.evidence.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        )}
      </details>
    );
  }
  return null;
}
