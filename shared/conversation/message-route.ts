import type { Channel } from '../languages';
import type { Party } from '../schemas/conversation';

/** How an outgoing message leaves the service. */
export type MessageRoute =
  /** Mailed to this address through the durable mail queue. */
  | { kind: 'mail'; address: string }
  /** Handed to the help center (chat and phone buyers read their replies there). */
  | { kind: 'help_center' }
  /** Nothing can carry it: stored and shown as not sent. */
  | { kind: 'not_configured' }
  /** Mail is set up but the party has no address: the caller refuses the message. */
  | { kind: 'recipient_unknown' };

export interface RouteInput {
  channel: Channel;
  to: Party;
  /** The recipient's address, if Casedesk has one. */
  address: string | null;
  mailConfigured: boolean;
}

/**
 * The one place that decides where an outgoing message goes. Email cases, and every
 * message to a seller, go by mail; a chat or phone buyer reads replies in the help center.
 */
export function routeOutgoingMessage({
  channel,
  to,
  address,
  mailConfigured,
}: RouteInput): MessageRoute {
  if (to === 'buyer' && channel !== 'email') return { kind: 'help_center' };
  if (!mailConfigured) return { kind: 'not_configured' };
  return address ? { kind: 'mail', address } : { kind: 'recipient_unknown' };
}
