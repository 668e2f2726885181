import type { Channel } from '../languages';
import type { Priority, Topic } from '../schemas/case';

/** The priority a new case gets from its topic; live channels raise it one step. */
export const TOPIC_PRIORITY: Readonly<Record<Topic, Priority>> = {
  fraud_suspected: 'urgent',
  counterfeit_suspected: 'high',
  payment_issue: 'high',
  account_access: 'high',
  item_not_received: 'normal',
  not_as_described: 'normal',
  damaged_in_transit: 'normal',
  cancellation_request: 'normal',
  general_question: 'low',
  // A restricted person waits on it, and the Art. 20 decision must be timely.
  complaint: 'high',
};

const ORDER: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];

export function initialPriority(topic: Topic, channel: Channel): Priority {
  const base = TOPIC_PRIORITY[topic];
  if (channel === 'email') return base;
  return ORDER[Math.min(ORDER.indexOf(base) + 1, ORDER.length - 1)] ?? base;
}
