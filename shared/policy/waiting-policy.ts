import type { Topic } from '../schemas/case';

/**
 * How long a case waits on the buyer or the seller before they are reminded, and before it
 * is resolved for want of an answer (issue 18). Calendar hours from the moment the case
 * began waiting on that party; a resolution also waits at least the gap between the two
 * after the reminder went out, so a reminder sent late (the service was down) still leaves
 * the party the whole time to answer. Null: never automatic for that topic.
 */
export interface WaitingSteps {
  remindAfterHours: number;
  resolveAfterHours: number;
}

const DAY = 24;

export const WAITING_POLICY: Readonly<Record<Topic, WaitingSteps | null>> = {
  // Questions go stale fast: a short nudge, closed after a working week.
  general_question: { remindAfterHours: 2 * DAY, resolveAfterHours: 5 * DAY },
  account_access: { remindAfterHours: 2 * DAY, resolveAfterHours: 5 * DAY },
  cancellation_request: { remindAfterHours: 2 * DAY, resolveAfterHours: 5 * DAY },
  payment_issue: { remindAfterHours: 2 * DAY, resolveAfterHours: 7 * DAY },
  // Disputes about an order: people gather photos, tracking, a seller's answer.
  item_not_received: { remindAfterHours: 3 * DAY, resolveAfterHours: 10 * DAY },
  not_as_described: { remindAfterHours: 3 * DAY, resolveAfterHours: 10 * DAY },
  damaged_in_transit: { remindAfterHours: 3 * DAY, resolveAfterHours: 10 * DAY },
  counterfeit_suspected: { remindAfterHours: 3 * DAY, resolveAfterHours: 14 * DAY },
  fraud_suspected: { remindAfterHours: 3 * DAY, resolveAfterHours: 14 * DAY },
  // A complaint (DSA Art. 20) must be decided, never closed for silence.
  complaint: null,
};
