import { formatDistanceStrict } from 'date-fns';
import type { CaseViewer } from './schemas/case-presence';
import type { Message } from './schemas/conversation';

/** A workspace with a case open says so this often… */
export const CASE_PRESENCE_HEARTBEAT_MS = 15_000;
/** …and counts as gone once this long passes without a word (a crashed app, a lost network). */
export const CASE_PRESENCE_TTL_MS = 45_000;

/** The agent's availability for chat and phone is repeated this often while the app runs… */
export const AVAILABILITY_HEARTBEAT_MS = 30_000;
/** …and lapses this long after the last report (issue 16: two minutes after the app stops). */
export const AVAILABILITY_TTL_MS = 2 * 60_000;

/**
 * The others with the case open, as this device last heard of them: a viewer not heard of
 * (by an event or a heartbeat's answer) for the expiry is dropped even if no event said so,
 * so a colleague whose app died does not haunt the case.
 */
export function othersOnCase(
  viewers: readonly CaseViewer[],
  meId: string,
  heardAt: number,
  now: number,
): CaseViewer[] {
  if (now - heardAt > CASE_PRESENCE_TTL_MS) return [];
  return viewers.filter((v) => v.agentId !== meId);
}

/**
 * The reply someone else sent the buyer or seller since this agent opened the case — what
 * they should read before sending theirs. The newest one if several; null if none.
 */
export function replyCollision(
  messages: readonly Pick<Message, 'id' | 'to' | 'authorId' | 'createdAt'>[],
  meId: string,
  openedAt: string,
): { id: string; authorId: string; createdAt: string } | null {
  const since = Date.parse(openedAt);
  let found: { id: string; authorId: string; createdAt: string } | null = null;
  for (const m of messages) {
    if (!m.to || !m.authorId || m.authorId === meId) continue;
    if (Date.parse(m.createdAt) <= since) continue;
    if (!found || Date.parse(m.createdAt) > Date.parse(found.createdAt))
      found = { id: m.id, authorId: m.authorId, createdAt: m.createdAt };
  }
  return found;
}

/** "2 minutes ago" for the collision warning; a clock running ahead reads as just now. */
export function repliedAgo(createdAt: string, now: number): string {
  const then = Date.parse(createdAt);
  if (now - then < 60_000) return 'less than a minute ago';
  return formatDistanceStrict(then, now, { addSuffix: true, roundingMethod: 'floor' });
}
