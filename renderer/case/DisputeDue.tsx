import { disputeDeadline, type ExternalDispute } from '../../shared';
import { formatDate } from '../format';

/**
 * A dispute's response date, and where it stands in working days of the body's country:
 * due soon and overdue stand out (the class names match the SLA clocks').
 */
export function DisputeDue({ d, now }: { d: ExternalDispute; now: Date }) {
  if (!d.responseDueAt) return <>—</>;
  const deadline = disputeDeadline(d, now);
  if (!deadline || deadline.state === 'ok') return <>{formatDate(d.responseDueAt)}</>;
  const text = deadline.state === 'overdue' ? 'Overdue' : 'Due soon';
  return (
    <span className={`sla ${deadline.state}`} title={deadline.label}>
      {text}: {formatDate(d.responseDueAt)}
    </span>
  );
}
