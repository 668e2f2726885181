import type { EventType } from '../../shared';
import { labelOf, type EventRead } from '../data/read-schemas';
import { Time } from '../components/Time';
import { agentName, type CaseViewContext } from './case-model';

const EVENT_TEXT: Record<EventType, string> = {
  'case.created': 'Case opened from the help center',
  'case.claimed': 'Claimed',
  'case.released': 'Released',
  'case.assigned': 'Assigned',
  'case.priority_changed': 'Priority changed',
  'case.status_changed': 'Status changed',
  'case.resolved': 'Resolved',
  'case.reopened': 'Reopened',
  'message.sent': 'Message sent',
  'message.received': 'Message received',
  'note.added': 'Note added',
  'action.proposed': 'Action proposed',
  'action.executed': 'Action executed',
  'action.approved': 'Action approved',
  'action.rejected': 'Action rejected',
  'action.withdrawn': 'Action withdrawn',
  'action.requested': 'Sent to payments — waiting for confirmation',
  'action.failed': 'Action failed at the marketplace',
  'order.updated': 'Order updated',
  'buyer.updated': 'Buyer details updated',
  'seller.updated': 'Seller details updated',
  'dispute.created': 'External dispute recorded',
  'dispute.updated': 'External dispute updated',
  'delivery.dead': 'Never reached the marketplace',
  'restriction.ended': 'Restriction ended',
  'complaint.received': 'Complaint received',
  'complaint.decided': 'Complaint decided',
  'case_file.exported': 'Case file exported',
  'case.not_routed': 'Not assigned automatically',
  'case.reminder_sent': 'Reminder sent',
};

function detailOf(e: EventRead, ctx: CaseViewContext): string {
  const d = e.data as Record<string, unknown>;
  if (e.type === 'case.status_changed' || e.type === 'case.priority_changed')
    return `${d.from} → ${d.to}`;
  if (e.type === 'case.assigned') {
    const why = typeof d.reason === 'string' ? ` (${d.reason})` : '';
    return `to ${agentName(ctx, d.toAssigneeId as string)}${why}`;
  }
  if (e.type === 'case.not_routed' && typeof d.reason === 'string') return d.reason;
  if (e.type === 'action.failed') {
    const what = String(d.actionType).replace(/_/g, ' ');
    return `${what}: ${typeof d.reason === 'string' ? d.reason : 'no reason given'}${d.caseTo ? ' — case back to open' : ''}`;
  }
  if (e.type === 'delivery.dead') {
    const tries = typeof d.attempts === 'number' ? `${d.attempts} tries` : 'every try';
    return `${String(d.eventType)}: given up after ${tries}${typeof d.lastError === 'string' ? ` (${d.lastError})` : ''}`;
  }
  if (
    (e.type === 'order.updated' || e.type === 'buyer.updated' || e.type === 'seller.updated') &&
    d.changes &&
    typeof d.changes === 'object'
  )
    return Object.entries(d.changes as Record<string, { to: unknown }>)
      .map(([k, v]) => `${k.replace(/([A-Z])/g, ' $1').toLowerCase()} → ${String(v.to ?? '—')}`)
      .join(', ');
  if (e.type === 'action.approved' && typeof d.comment === 'string')
    return `${String(d.actionType).replace(/_/g, ' ')}: “${d.comment}”`;
  if (typeof d.actionType === 'string') return String(d.actionType).replace(/_/g, ' ');
  if (e.type === 'case.resolved' && typeof d.summary === 'string') return d.summary;
  if (e.type === 'case_file.exported' && typeof d.chainHead === 'string')
    return `${String(d.format).toUpperCase()}, ${String(d.chainLength)} events, head ${d.chainHead.slice(0, 12)}…`;
  return '';
}

// Without an agent, an event came from the help center (intake, and what a later intake
// changed), the marketplace (results, order facts) or Casedesk's own webhook deliveries.
const actorless = (e: EventRead) =>
  e.type === 'delivery.dead'
    ? 'webhook delivery'
    : (e.type === 'action.executed' || e.type === 'action.failed' || e.type === 'order.updated') &&
        e.data.source !== 'intake'
      ? 'marketplace'
      : 'help center';

/**
 * The audit trail, oldest first: who did what, when, from which state. `whole` false: the
 * device holds only the last days of it (a first sync leaves older history to be read when
 * the case opens online), said above the list until the rest is in.
 */
export function HistoryPanel({
  events,
  whole = true,
  ctx,
}: {
  events: EventRead[];
  whole?: boolean;
  ctx: CaseViewContext;
}) {
  return (
    <section aria-label="History" className="panel">
      <h2>History</h2>
      {!whole && (
        <p className="muted small" role="note">
          Earlier history is on the service: it shows when this case is opened online.
        </p>
      )}
      <ol className="history">
        {events.map((e) => (
          <li key={e.id}>
            <span className="muted small">
              <Time at={e.at} />
            </span>{' '}
            <strong>{labelOf(EVENT_TEXT, e.type)}</strong> {detailOf(e, ctx)}{' '}
            <span className="muted small">
              — {e.actorId ? agentName(ctx, e.actorId) : actorless(e)}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
