import {
  AVAILABILITY_TTL_MS,
  CHANNELS,
  channelSupportsLanguage,
  type Actor,
  type ContactOptions,
  type Language,
  type PresenceRequest,
} from '../../shared';
import type { Queryable } from '../db/database';

/**
 * The workspace repeats the agent's availability every AVAILABILITY_HEARTBEAT_MS while it
 * runs; a report older than AVAILABILITY_TTL_MS (two minutes) counts as unavailable, so an
 * app that was closed, crashed or lost its network stops offering chat and phone by itself.
 */
export async function setPresence(db: Queryable, actor: Actor, req: PresenceRequest, now: Date) {
  const channels = [...new Set(req.channels)];
  await db.query(
    `INSERT INTO presence (agent_id, available, channels, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (agent_id) DO UPDATE SET available = EXCLUDED.available, channels = EXCLUDED.channels,
       updated_at = EXCLUDED.updated_at`,
    [actor.id, req.available, channels, now],
  );
  return { available: req.available, channels, updatedAt: now.toISOString() };
}

export async function contactOptions(
  db: Queryable,
  language: Language,
  now: Date,
): Promise<ContactOptions> {
  const since = new Date(now.getTime() - AVAILABILITY_TTL_MS);
  const res = await db.query<{ channel: string }>(
    `SELECT DISTINCT ch AS channel
       FROM presence p JOIN agents a ON a.id = p.agent_id, unnest(p.channels) AS ch
      WHERE p.available AND p.updated_at > $2 AND $1 = ANY (a.languages)`,
    [language, since],
  );
  const staffed = new Set(res.rows.map((r) => r.channel));
  return {
    options: CHANNELS.map((channel) => ({
      channel,
      available:
        channel === 'email' || (channelSupportsLanguage(channel, language) && staffed.has(channel)),
    })),
  };
}
