import { z } from 'zod';
import { Id } from './common';
import { UtcTimestamp } from './time';

/** `POST /cases/:id/presence`: "I have this case open", sent as a heartbeat. */
export const CasePresenceRequest = z.strictObject({
  /** Typing a reply to the buyer or seller right now. */
  typing: z.boolean(),
});
export type CasePresenceRequest = z.infer<typeof CasePresenceRequest>;

/** Someone with the case open. */
export const CaseViewer = z.object({
  agentId: Id,
  name: z.string(),
  typing: z.boolean(),
  /** When they opened the case (this visit). */
  openedAt: UtcTimestamp,
  /** Their last heartbeat. */
  seenAt: UtcTimestamp,
});
export type CaseViewer = z.infer<typeof CaseViewer>;

/** The answer to a heartbeat, and the `presence` event on the sync stream. */
export const CasePresence = z.object({
  caseId: Id,
  /** Everyone with the case open now, the caller included; the oldest visit first. */
  viewers: z.array(CaseViewer),
});
export type CasePresence = z.infer<typeof CasePresence>;
