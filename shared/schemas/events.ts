import { z } from 'zod';
import { Id, UtcTimestamp } from './common';

export const EVENT_TYPES = [
  'case.created',
  'case.claimed',
  'case.released',
  'case.assigned',
  'case.priority_changed',
  'case.status_changed',
  'case.resolved',
  'case.reopened',
  'message.sent',
  'message.received',
  'note.added',
  'action.proposed',
  'action.executed',
  'action.approved',
  'action.rejected',
  'action.withdrawn',
  'action.requested',
  'action.failed',
  'order.updated',
  'buyer.updated',
  'seller.updated',
  'dispute.created',
  'dispute.updated',
  // A webhook delivery about the case was given up after the retry window (`dead`).
  'delivery.dead',
  // Issue 17: a restriction ended (expired, lifted, or reversed on complaint).
  'restriction.ended',
  // On the contested action's case: a complaint about it arrived (data: complaintCaseId).
  'complaint.received',
  // On the complaint case: how it was decided, by whom, with what reasons.
  'complaint.decided',
  // An evidence case file left the service (data: format, chainLength, chainHead it carries).
  'case_file.exported',
  // Issue 18: automatic assignment was on but nobody could take the case (data.reason).
  'case.not_routed',
  // Issue 18: a reminder went to the party the case waits on (data: to, step, messageId).
  'case.reminder_sent',
] as const;
export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

/** An immutable audit event: who (`actorId`, null for the help center), what, when, from which state. */
export const CaseEvent = z.object({
  id: Id,
  caseId: Id,
  type: EventType,
  actorId: Id.nullable(),
  at: UtcTimestamp,
  data: z.record(z.string(), z.unknown()),
});
export type CaseEvent = z.infer<typeof CaseEvent>;
