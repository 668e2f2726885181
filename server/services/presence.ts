import {
  CHANNELS,
  channelSupportsLanguage,
  type Actor,
  type ContactOptions,
  type Language,
  type PresenceRequest,
} from '../../shared';
import type { Queryable } from '../db/database';

/** Presence older than a shift is stale: an app that died without signing off offers nothing. */
export const PRESENCE_TTL_HOURS = 10;

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
  const since = new Date(now.getTime() - PRESENCE_TTL_HOURS * 3_600_000);
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
